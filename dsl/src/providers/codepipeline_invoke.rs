//! AWS CodePipeline: `Invoke / AWS / CodePipeline / 1` (V2 only) starts
//! another pipeline.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// Starts another pipeline, optionally at given source revisions and with
/// pipeline variables.
pub static CODEPIPELINE_INVOKE: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Invoke], "CodePipeline", artifacts(0, 0), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("PipelineName"),
            ConfigKey::optional("SourceRevisions"),
            ConfigKey::optional("Variables"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &["codepipeline:StartPipelineExecution"],
                Resource::Regional { service: "codepipeline", path: "{PipelineName}" },
            )],
        });

/// What identifies a source revision the started pipeline runs at
/// (`revisionType` of an entry of `SourceRevisions`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(SourceRevisionType::S3ObjectVersionId.as_str(), "S3_OBJECT_VERSION_ID");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SourceRevisionType {
    /// `COMMIT_ID`: a commit of a CodeCommit or connection source.
    CommitId,
    /// `IMAGE_DIGEST`: an image of an ECR source.
    ImageDigest,
    /// `S3_OBJECT_VERSION_ID`: a version of an S3 source's object.
    S3ObjectVersionId,
    /// `S3_OBJECT_KEY`: an object key of an S3 source.
    S3ObjectKey,
}

impl SourceRevisionType {
    /// Every revision type, in AWS's order.
    pub const ALL: [SourceRevisionType; 4] = [
        SourceRevisionType::CommitId,
        SourceRevisionType::ImageDigest,
        SourceRevisionType::S3ObjectVersionId,
        SourceRevisionType::S3ObjectKey,
    ];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceRevisionType::CommitId => "COMMIT_ID",
            SourceRevisionType::ImageDigest => "IMAGE_DIGEST",
            SourceRevisionType::S3ObjectVersionId => "S3_OBJECT_VERSION_ID",
            SourceRevisionType::S3ObjectKey => "S3_OBJECT_KEY",
        }
    }
}
