//! The Git sources without start rules: CodeStarSourceConnection (whose
//! role uses the connection) and GitHub version 1.

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::{ActionCategory, ActionOwner};

/// `Source / AWS / CodeStarSourceConnection / 1`: a repository read through
/// a CodeConnections connection.
pub static CODESTAR_SOURCE_CONNECTION: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Source], "CodeStarSourceConnection", artifacts(0, 0), artifacts(1, 1))
        .configuration(&[
            ConfigKey::required("ConnectionArn"),
            ConfigKey::required("FullRepositoryId"),
            ConfigKey::required("BranchName"),
            ConfigKey::optional("OutputArtifactFormat").one_of(wire_values!(OutputArtifactFormat)),
            ConfigKey::optional("DetectChanges").boolean(),
        ])
        .variables(&["AuthorDate", "BranchName", "CommitId", "CommitMessage", "ConnectionArn", "FullRepositoryName"])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &["codeconnections:UseConnection", "codestar-connections:UseConnection"],
                Resource::ArnIn("ConnectionArn"),
            )],
        });

/// `Source / ThirdParty / GitHub / 1`: GitHub through an OAuth token.
pub static GITHUB: ProviderDescription = ProviderDescription::new(
    ActionOwner::ThirdParty,
    &[ActionCategory::Source],
    "GitHub",
    artifacts(0, 0),
    artifacts(1, 1),
)
.deprecated(
    "GitHub version 1 (OAuth) actions are deprecated; use a CodeStarSourceConnection source through a \
             connection to GitHub",
)
.configuration(&[
    ConfigKey::required("Owner"),
    ConfigKey::required("Repo"),
    ConfigKey::required("Branch"),
    ConfigKey::required("OAuthToken"),
    ConfigKey::optional("PollForSourceChanges").boolean(),
])
.variables(&["CommitId", "CommitMessage", "CommitUrl", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"]);

/// The form of a Git source's output artifact (`OutputArtifactFormat`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| {
///         s.add(CodeCommitSource::new("Checkout", "repo", "main")
///             .output_artifact_format(OutputArtifactFormat::CodebuildCloneRef))
///     });
/// });
/// let configuration = pipeline.declaration().stages[0].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(configuration["OutputArtifactFormat"], "CODEBUILD_CLONE_REF");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OutputArtifactFormat {
    /// `CODE_ZIP` (the default): a zip of the files.
    CodeZip,
    /// `CODEBUILD_CLONE_REF`: a reference CodeBuild uses to clone the
    /// repository with its history; only a CodeBuild action can consume it.
    CodebuildCloneRef,
}

impl OutputArtifactFormat {
    /// Every format.
    pub const ALL: [OutputArtifactFormat; 2] = [OutputArtifactFormat::CodeZip, OutputArtifactFormat::CodebuildCloneRef];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            OutputArtifactFormat::CodeZip => "CODE_ZIP",
            OutputArtifactFormat::CodebuildCloneRef => "CODEBUILD_CLONE_REF",
        }
    }
}
