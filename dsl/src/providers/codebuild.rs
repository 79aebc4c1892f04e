//! AWS CodeBuild: `Build` or `Test / AWS / CodeBuild / 1`, a build project.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Values, When};
use crate::model::ActionCategory;

/// The project's resource.
const PROJECT: Resource = Resource::Regional { service: "codebuild", path: "project/{ProjectName}" };

/// Runs a CodeBuild project; its variables are the buildspec's
/// `env.exported-variables`.
pub static CODEBUILD: ProviderDescription = ProviderDescription::aws(
    &[ActionCategory::Build, ActionCategory::Test],
    "CodeBuild",
    artifacts(1, 5),
    artifacts(0, 5),
)
.configuration(&[
    ConfigKey::required("ProjectName"),
    ConfigKey::optional("PrimarySource").values(Values::InputName),
    ConfigKey::optional("EnvironmentVariables"),
    ConfigKey::optional("BatchEnabled").boolean(),
    ConfigKey::optional("CombineArtifacts").boolean(),
    ConfigKey::optional("BuildspecOverride"),
])
.permissions(Permissions {
    mode: None,
    statements: &[
        Permission::allow(&["codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"], PROJECT)
            .when(When::Is("BatchEnabled", "true")),
        Permission::allow(&["codebuild:BatchGetBuilds", "codebuild:StartBuild"], PROJECT)
            .when(When::IsNot("BatchEnabled", "true")),
    ],
});
