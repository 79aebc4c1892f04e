//! AWS OpsWorks Stacks: `Deploy / AWS / OpsWorks / 1`.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Deploy / AWS / OpsWorks / 1`: an app of an OpsWorks stack, to the
/// stack's instances (or one layer's).
pub static OPS_WORKS: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "OpsWorks", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[ConfigKey::required("Stack"), ConfigKey::required("App"), ConfigKey::optional("Layer")])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &[
                    "opsworks:CreateDeployment",
                    "opsworks:DescribeApps",
                    "opsworks:DescribeCommands",
                    "opsworks:DescribeDeployments",
                    "opsworks:DescribeInstances",
                    "opsworks:DescribeStacks",
                    "opsworks:UpdateApp",
                    "opsworks:UpdateStack",
                ],
                Resource::Regional { service: "opsworks", path: "stack/{Stack}/" },
            )],
        });
