//! AWS CodeCommit: `Source / AWS / CodeCommit / 1`, a branch of a
//! repository.

use super::source::OutputArtifactFormat;
use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Watched};
use crate::model::ActionCategory;

/// A branch of a CodeCommit repository.
pub static CODECOMMIT: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Source], "CodeCommit", artifacts(0, 0), artifacts(1, 1))
        .configuration(&[
            ConfigKey::required("RepositoryName"),
            ConfigKey::required("BranchName"),
            ConfigKey::optional("PollForSourceChanges").boolean(),
            ConfigKey::optional("OutputArtifactFormat").one_of(wire_values!(OutputArtifactFormat)),
        ])
        .variables(&["CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &[
                    "codecommit:CancelUploadArchive",
                    "codecommit:GetBranch",
                    "codecommit:GetCommit",
                    "codecommit:GetRepository",
                    "codecommit:GetUploadArchiveStatus",
                    "codecommit:UploadArchive",
                ],
                Resource::Regional { service: "codecommit", path: "{RepositoryName}" },
            )],
        })
        .start_rule(Watched::CodeCommitBranch, true);
