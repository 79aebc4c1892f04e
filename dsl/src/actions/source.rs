//! Source actions: the only actions the source stage takes. Each produces one
//! artifact, named `<ActionName>Output` unless `.output_name(...)` says
//! otherwise, and takes no input.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::source_output_name;
use crate::model::Str;
use crate::providers;
use crate::providers::source::OutputArtifactFormat;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of a CodeCommit source.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     assert_eq!(source.vars().commit_message().to_string(), "#{Source_Checkout.CommitMessage}");
    /// });
    /// ```
    CodeCommitVariables {
        /// `CommitId`: the commit SHA.
        commit_id => "CommitId",
        /// `CommitMessage`.
        commit_message => "CommitMessage",
        /// `RepositoryName`.
        repository_name => "RepositoryName",
        /// `BranchName`.
        branch_name => "BranchName",
        /// `AuthorDate`.
        author_date => "AuthorDate",
        /// `CommitterDate`.
        committer_date => "CommitterDate",
    }
}

variable_set! {
    /// Output variables of a CodeStarSourceConnection source.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeStarConnectionSource::new("Code", "arn", "o/r", "main")));
    ///     assert_eq!(source.vars().full_repository_name().to_string(), "#{Source_Code.FullRepositoryName}");
    /// });
    /// ```
    ConnectionVariables {
        /// `AuthorDate`.
        author_date => "AuthorDate",
        /// `BranchName`.
        branch_name => "BranchName",
        /// `CommitId`: the commit SHA.
        commit_id => "CommitId",
        /// `CommitMessage`.
        commit_message => "CommitMessage",
        /// `ConnectionArn`.
        connection_arn => "ConnectionArn",
        /// `FullRepositoryName`.
        full_repository_name => "FullRepositoryName",
    }
}

variable_set! {
    /// Output variables of an S3 source.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(S3Source::new("Bundle", "bucket", "app.zip")));
    ///     assert_eq!(source.vars().version_id().to_string(), "#{Source_Bundle.VersionId}");
    /// });
    /// ```
    S3SourceVariables {
        /// `BucketName`.
        bucket_name => "BucketName",
        /// `ETag` of the object.
        e_tag => "ETag",
        /// `ObjectKey`.
        object_key => "ObjectKey",
        /// `VersionId` of the object.
        version_id => "VersionId",
    }
}

variable_set! {
    /// Output variables of an ECR source.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app")));
    ///     assert_eq!(image.vars().image_digest().to_string(), "#{Source_Image.ImageDigest}");
    /// });
    /// ```
    EcrVariables {
        /// `RegistryId`: the account of the registry.
        registry_id => "RegistryId",
        /// `RepositoryName`.
        repository_name => "RepositoryName",
        /// `ImageTag` (not emitted when the source revision is overridden).
        image_tag => "ImageTag",
        /// `ImageDigest`.
        image_digest => "ImageDigest",
        /// `ImageURI`.
        image_uri => "ImageURI",
    }
}

variable_set! {
    /// Output variables of a GitHub (version 1) source.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(GitHubSource::new("App", "owner", "repo", "main", "token")));
    ///     assert_eq!(source.vars().commit_url().to_string(), "#{Source_App.CommitUrl}");
    /// });
    /// ```
    GitHubVariables {
        /// `CommitId`: the commit SHA.
        commit_id => "CommitId",
        /// `CommitMessage`.
        commit_message => "CommitMessage",
        /// `CommitUrl`.
        commit_url => "CommitUrl",
        /// `RepositoryName`.
        repository_name => "RepositoryName",
        /// `BranchName`.
        branch_name => "BranchName",
        /// `AuthorDate`.
        author_date => "AuthorDate",
        /// `CommitterDate`.
        committer_date => "CommitterDate",
    }
}

/// `Source / AWS / CodeCommit / 1`: a branch of a CodeCommit repository.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         s.add(CodeCommitSource::new("Checkout", "my-repo", "main").poll_for_source_changes(false))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeCommitSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeCommitSource<'p> {
    /// Watches `branch` of `repository`.
    pub fn new(name: impl Into<Str>, repository: impl Into<Str>, branch: impl Into<Str>) -> Self {
        let mut spec = providers::CODECOMMIT.action(name);
        spec.set("RepositoryName", repository.into());
        spec.set("BranchName", branch.into());
        spec.default_output();
        CodeCommitSource { spec }
    }

    /// `OutputArtifactFormat`: a zip (default) or a clone reference for
    /// CodeBuild.
    pub fn output_artifact_format(mut self, format: OutputArtifactFormat) -> Self {
        self.spec.set("OutputArtifactFormat", format.as_str());
        self
    }
}

typed_action!(CodeCommitSource<'p>, SourceAction, ActionHandle<'p, 1, CodeCommitVariables<'p>>);

/// `Source / AWS / CodeStarSourceConnection / 1`: a repository on GitHub,
/// GitHub Enterprise Server, Bitbucket Cloud, GitLab.com or GitLab
/// self-managed, read through an authorized CodeConnections connection.
///
/// The repository host is a property of the connection, not of the action,
/// so one type serves them all; only the connection ARN and the repository
/// id differ:
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         // GitHub (a connection of provider type GitHub)
///         s.add(CodeStarConnectionSource::new(
///             "GitHub",
///             "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
///             "my-org/my-repo",
///             "main",
///         ));
///         // Bitbucket Cloud: workspace/repository
///         s.add(CodeStarConnectionSource::new(
///             "Bitbucket",
///             "arn:aws:codeconnections:us-east-1:123456789012:connection/def456",
///             "my-workspace/my-repo",
///             "main",
///         ).detect_changes(false));
///         // GitLab: group/subgroup/project
///         s.add(CodeStarConnectionSource::new(
///             "GitLab",
///             "arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c",
///             "my-group/my-subgroup/my-project",
///             "main",
///         ));
///         // GitHub Enterprise Server (a connection bound to a host)
///         s.add(CodeStarConnectionSource::new(
///             "GitHubEnterprise",
///             "arn:aws:codeconnections:us-east-1:123456789012:connection/3d4e5f",
///             "platform/service",
///             "release",
///         ).output_artifact_format(OutputArtifactFormat::CodebuildCloneRef));
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeStarConnectionSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeStarConnectionSource<'p> {
    /// Watches `branch` of `repository` (`owner/repo`; GitLab
    /// `group/subgroup/repo`; case-sensitive) through the connection.
    pub fn new(
        name: impl Into<Str>,
        connection_arn: impl Into<Str>,
        repository: impl Into<Str>,
        branch: impl Into<Str>,
    ) -> Self {
        let mut spec = providers::CODESTAR_SOURCE_CONNECTION.action(name);
        spec.set("ConnectionArn", connection_arn.into());
        spec.set("FullRepositoryId", repository.into());
        spec.set("BranchName", branch.into());
        spec.default_output();
        CodeStarConnectionSource { spec }
    }

    /// `OutputArtifactFormat`: a zip (default) or a clone reference for
    /// CodeBuild (whose role then needs `codestar-connections:UseConnection`).
    pub fn output_artifact_format(mut self, format: OutputArtifactFormat) -> Self {
        self.spec.set("OutputArtifactFormat", format.as_str());
        self
    }

    /// `DetectChanges`: whether a push to the branch starts the pipeline
    /// (AWS's default is `true`).
    pub fn detect_changes(mut self, detect: bool) -> Self {
        self.spec.set("DetectChanges", detect.to_string());
        self
    }
}

typed_action!(CodeStarConnectionSource<'p>, SourceAction, ActionHandle<'p, 1, ConnectionVariables<'p>>);

/// `Source / AWS / S3 / 1`: an object (normally a zip) in a versioned bucket.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         s.add(S3Source::new("Source", "my-source-bucket", "source.zip").poll_for_source_changes(false))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct S3Source<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> S3Source<'p> {
    /// Watches `object_key` in `bucket` (which must have versioning enabled).
    pub fn new(name: impl Into<Str>, bucket: impl Into<Str>, object_key: impl Into<Str>) -> Self {
        let mut spec = providers::S3_SOURCE.action(name);
        spec.set("S3Bucket", bucket.into());
        spec.set("S3ObjectKey", object_key.into());
        spec.default_output();
        S3Source { spec }
    }

    /// `AllowOverrideForS3ObjectKey`: whether a start may override the object
    /// key (`S3_OBJECT_KEY` source revision).
    pub fn allow_override_for_s3_object_key(mut self, allow: bool) -> Self {
        self.spec.set("AllowOverrideForS3ObjectKey", allow.to_string());
        self
    }
}

typed_action!(S3Source<'p>, SourceAction, ActionHandle<'p, 1, S3SourceVariables<'p>>);

/// `Source / AWS / ECR / 1`: an image tag in an ECR repository. The output
/// artifact holds `imageDetail.json`.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app").image_tag("stable")));
///     assert_eq!(image.vars().image_uri().to_string(), "#{Source_Image.ImageURI}");
/// });
/// ```
#[derive(Clone, Debug)]
pub struct EcrSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> EcrSource<'p> {
    /// Watches the `latest` tag of `repository`.
    pub fn new(name: impl Into<Str>, repository: impl Into<Str>) -> Self {
        let mut spec = providers::ECR.action(name);
        spec.set("RepositoryName", repository.into());
        spec.default_output();
        EcrSource { spec }
    }

    /// `ImageTag`: the tag to watch (AWS's default is `latest`).
    pub fn image_tag(mut self, tag: impl Into<Str>) -> Self {
        self.spec.set("ImageTag", tag.into());
        self
    }
}

typed_action!(EcrSource<'p>, SourceAction, ActionHandle<'p, 1, EcrVariables<'p>>);

/// `Source / ThirdParty / GitHub / 1`: GitHub through an OAuth token
/// (version 1, deprecated by AWS; prefer [`CodeStarConnectionSource`]). Kept
/// so existing pipelines can be described as they are.
///
/// In a CloudFormation template, pass the token as an expression (a
/// `NoEcho` parameter or a Secrets Manager dynamic reference), never as a
/// literal.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         s.add(GitHubSource::new(
///             "App",
///             cfn::reference("GitHubUser"),
///             cfn::reference("GitHubRepo"),
///             cfn::reference("GitHubBranch"),
///             cfn::reference("GitHubToken"),
///         ).output_name("App"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct GitHubSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> GitHubSource<'p> {
    /// Watches `branch` of `owner/repo`, authenticated with `oauth_token`.
    pub fn new(
        name: impl Into<Str>,
        owner: impl Into<Str>,
        repo: impl Into<Str>,
        branch: impl Into<Str>,
        oauth_token: impl Into<Str>,
    ) -> Self {
        let mut spec = providers::GITHUB.action(name);
        spec.set("Owner", owner.into());
        spec.set("Repo", repo.into());
        spec.set("Branch", branch.into());
        spec.set("OAuthToken", oauth_token.into());
        spec.default_output();
        GitHubSource { spec }
    }
}

typed_action!(GitHubSource<'p>, SourceAction, ActionHandle<'p, 1, GitHubVariables<'p>>);

source_output_name!(CodeCommitSource, CodeStarConnectionSource, S3Source, EcrSource, GitHubSource);

/// Gives the polling source providers their `.poll_for_source_changes(...)`
/// setter.
macro_rules! poll_for_source_changes {
    ($($type:ident),*) => {$(
        impl<'p> $type<'p> {
            /// `PollForSourceChanges`; AWS polls when it is absent. Set
            /// `false` when an EventBridge rule or a webhook starts the
            /// pipeline, or every change starts it twice.
            pub fn poll_for_source_changes(mut self, poll: bool) -> Self {
                self.spec.set("PollForSourceChanges", poll.to_string());
                self
            }
        }
    )*};
}
poll_for_source_changes!(CodeCommitSource, S3Source, GitHubSource);
