//! AWS CloudFormation StackSets:
//! `Deploy / AWS / CloudFormationStackInstances / 1` creates or updates the
//! instances of an existing stack set.

use super::cloudformation_stack_set::{STACK_SET, STACK_SET_PERCENTAGES, STACK_SET_VARIABLES};
use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription};
use crate::model::ActionCategory;

/// Creates or updates the instances of a stack set in some Regions.
pub static CLOUDFORMATION_STACK_INSTANCES: ProviderDescription = ProviderDescription::aws(
    &[ActionCategory::Deploy],
    "CloudFormationStackInstances",
    artifacts(0, 2),
    artifacts(0, 0),
)
.configuration(&[
    ConfigKey::required("StackSetName"),
    ConfigKey::required("Regions"),
    ConfigKey::optional("DeploymentTargets"),
    ConfigKey::optional("ParameterOverrides"),
    STACK_SET_PERCENTAGES[0],
    STACK_SET_PERCENTAGES[1],
])
.variables(STACK_SET_VARIABLES)
.permissions(Permissions {
    mode: None,
    statements: &[Permission::allow(
        &["cloudformation:CreateStackInstances", "cloudformation:DescribeStackSetOperation"],
        STACK_SET,
    )],
});
