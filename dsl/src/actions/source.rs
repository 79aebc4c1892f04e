//! Source actions: the only actions the source stage takes. Each produces one
//! artifact, named `<ActionName>Output` unless `.output_name(...)` says
//! otherwise.

use crate::handle::ActionHandle;
use crate::model::{ActionCategory, Str};
use crate::spec::{typed_action, ActionSpec};
use crate::variables::variable_set;

variable_set! {
    /// Output variables of a CodeCommit source.
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
        let mut spec = ActionSpec::aws(name, ActionCategory::Source, "CodeCommit");
        spec.set("RepositoryName", repository.into());
        spec.set("BranchName", branch.into());
        spec.default_output();
        CodeCommitSource { spec }
    }

    /// Names the output artifact.
    pub fn output_name(mut self, name: impl Into<String>) -> Self {
        self.spec.rename_output(0, name);
        self
    }

    /// `PollForSourceChanges`; AWS polls when it is absent. Set `false` when
    /// an EventBridge rule starts the pipeline.
    pub fn poll_for_source_changes(mut self, poll: bool) -> Self {
        self.spec.set("PollForSourceChanges", poll.to_string());
        self
    }
}

typed_action!(CodeCommitSource<'p>, SourceAction, ActionHandle<'p, 1, CodeCommitVariables<'p>>);

/// `Source / AWS / CodeStarSourceConnection / 1`: GitHub, GitHub Enterprise
/// Server, Bitbucket Cloud or GitLab through an authorized connection.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         s.add(CodeStarConnectionSource::new(
///             "SourceAction",
///             "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
///             "user/repo",
///             "main",
///         ))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeStarConnectionSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeStarConnectionSource<'p> {
    /// Watches `branch` of `repository` (`owner/repo`) through the connection.
    pub fn new(
        name: impl Into<Str>,
        connection_arn: impl Into<Str>,
        repository: impl Into<Str>,
        branch: impl Into<Str>,
    ) -> Self {
        let mut spec = ActionSpec::aws(name, ActionCategory::Source, "CodeStarSourceConnection");
        spec.set("ConnectionArn", connection_arn.into());
        spec.set("FullRepositoryId", repository.into());
        spec.set("BranchName", branch.into());
        spec.default_output();
        CodeStarConnectionSource { spec }
    }

    /// Names the output artifact.
    pub fn output_name(mut self, name: impl Into<String>) -> Self {
        self.spec.rename_output(0, name);
        self
    }
}

typed_action!(CodeStarConnectionSource<'p>, SourceAction, ActionHandle<'p, 1, ConnectionVariables<'p>>);
