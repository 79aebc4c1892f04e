//! Providers pipewright validates but has no typed action for (apart from
//! the Commands action and the manual approval, which take no required
//! configuration): the rest of the AWS action reference.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

use ActionCategory::{Approval, Compute};

/// `Compute / AWS / Commands / 1` (V2 only): shell commands on a managed
/// compute environment.
pub static COMMANDS: ProviderDescription =
    ProviderDescription::aws(&[Compute], "Commands", artifacts(1, 10), artifacts(0, 1)).v2().configuration(&[
        ConfigKey::optional("ComputeType"),
        ConfigKey::optional("EnvironmentType"),
        ConfigKey::optional("VpcId"),
        ConfigKey::optional("Subnets"),
        ConfigKey::optional("SecurityGroupIds"),
    ]);

/// `Approval / AWS / Manual / 1`: its role publishes to the notification
/// topic, when there is one.
pub static MANUAL: ProviderDescription =
    ProviderDescription::aws(&[Approval], "Manual", artifacts(0, 0), artifacts(0, 0))
        .configuration(&[
            ConfigKey::optional("NotificationArn"),
            ConfigKey::optional("CustomData"),
            ConfigKey::optional("ExternalEntityLink"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(&["sns:Publish"], Resource::ArnIn("NotificationArn"))],
        });
