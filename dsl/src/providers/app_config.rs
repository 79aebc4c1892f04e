//! AWS AppConfig: `Deploy / AWS / AppConfig / 1`.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Deploy / AWS / AppConfig / 1`: configuration data from the input
/// artifact to an AppConfig environment.
pub static APP_CONFIG: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "AppConfig", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("Application"),
            ConfigKey::required("Environment"),
            ConfigKey::required("ConfigurationProfile"),
            ConfigKey::required("InputArtifactConfigurationPath"),
            ConfigKey::optional("DeploymentStrategy"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &["appconfig:StartDeployment"],
                    Resource::Regional { service: "appconfig", path: "application/{Application}" },
                ),
                Permission::allow(
                    &["appconfig:GetDeployment", "appconfig:StartDeployment", "appconfig:StopDeployment"],
                    Resource::Regional { service: "appconfig", path: "application/{Application}/*" },
                ),
                Permission::allow(
                    &["appconfig:StartDeployment"],
                    Resource::Regional { service: "appconfig", path: "deploymentstrategy/*" },
                ),
            ],
        });
