//! The Git sources without role permissions or start rules:
//! CodeStarSourceConnection and GitHub version 1.

use super::{artifacts, wire_values, ConfigKey, ProviderDescription};
use crate::actions::{ConnectionVariables, GitHubVariables, OutputArtifactFormat};
use crate::model::{ActionCategory, ActionOwner};
use crate::variables::VariableSet;

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
        .variables(ConnectionVariables::NAMES);

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
.variables(GitHubVariables::NAMES);
