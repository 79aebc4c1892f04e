//! AWS CloudFormation StackSets: `Deploy / AWS / CloudFormationStackSet / 1`
//! creates or updates a stack set; what it shares with
//! `CloudFormationStackInstances` (the operation percentages, the output
//! variables) is defined here too.

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Values};
use crate::model::ActionCategory;

/// The stack set's resource.
pub(super) const STACK_SET: Resource =
    Resource::Regional { service: "cloudformation", path: "stackset/{StackSetName}:*" };

/// How many accounts may fail, and how many are worked on at once, in one
/// stack set operation.
pub(super) const STACK_SET_PERCENTAGES: [ConfigKey; 2] = [
    ConfigKey::optional("FailureTolerancePercentage").values(Values::Range { min: 0, max: 100, unit: "percent" }),
    ConfigKey::optional("MaxConcurrentPercentage").values(Values::Range { min: 1, max: 100, unit: "percent" }),
];

/// Output variables of the stack set actions.
pub(super) const STACK_SET_VARIABLES: &[&str] = &["StackSetId", "OperationId"];

/// Creates or updates a stack set (run in the Organizations management
/// account).
pub static CLOUDFORMATION_STACK_SET: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "CloudFormationStackSet", artifacts(1, 3), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("StackSetName"),
            ConfigKey::required("TemplatePath").values(Values::InputPath),
            ConfigKey::optional("Description"),
            ConfigKey::optional("Parameters"),
            ConfigKey::optional("Capabilities").values(Values::ListOf(wire_values!(StackSetCapability))),
            ConfigKey::optional("PermissionModel").one_of(wire_values!(StackSetPermissionModel)),
            ConfigKey::optional("AdministrationRoleArn"),
            ConfigKey::optional("ExecutionRoleName"),
            ConfigKey::optional("OrganizationsAutoDeployment").one_of(wire_values!(OrganizationsAutoDeployment)),
            ConfigKey::optional("DeploymentTargets"),
            ConfigKey::optional("Regions"),
            STACK_SET_PERCENTAGES[0],
            STACK_SET_PERCENTAGES[1],
        ])
        .variables(STACK_SET_VARIABLES)
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &[
                        "cloudformation:CreateStackInstances",
                        "cloudformation:CreateStackSet",
                        "cloudformation:DescribeStackSet",
                        "cloudformation:DescribeStackSetOperation",
                        "cloudformation:ListStackInstances",
                        "cloudformation:UpdateStackSet",
                    ],
                    STACK_SET,
                ),
                // The self-managed administration role the stack set works with.
                Permission::allow(&["iam:PassRole"], Resource::ArnIn("AdministrationRoleArn"))
                    .passed_to("cloudformation.amazonaws.com"),
            ],
        });

/// A capability a stack set's template may need (`Capabilities`); the stack
/// set action takes only these two.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(StackSetCapability::NamedIam.as_str(), "CAPABILITY_NAMED_IAM");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StackSetCapability {
    /// `CAPABILITY_IAM`: the template creates IAM resources.
    Iam,
    /// `CAPABILITY_NAMED_IAM`: the template creates IAM resources with custom
    /// names.
    NamedIam,
}

impl StackSetCapability {
    /// Every capability.
    pub const ALL: [StackSetCapability; 2] = [StackSetCapability::Iam, StackSetCapability::NamedIam];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            StackSetCapability::Iam => "CAPABILITY_IAM",
            StackSetCapability::NamedIam => "CAPABILITY_NAMED_IAM",
        }
    }
}

/// Who creates the roles a stack set's operations use (`PermissionModel`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(StackSetPermissionModel::ServiceManaged.as_str(), "SERVICE_MANAGED");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StackSetPermissionModel {
    /// `SELF_MANAGED` (the default): you create the administration and
    /// execution roles.
    SelfManaged,
    /// `SERVICE_MANAGED`: AWS Organizations creates them; can be chosen only
    /// while the stack set has no instances.
    ServiceManaged,
}

impl StackSetPermissionModel {
    /// Every permission model.
    pub const ALL: [StackSetPermissionModel; 2] =
        [StackSetPermissionModel::SelfManaged, StackSetPermissionModel::ServiceManaged];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            StackSetPermissionModel::SelfManaged => "SELF_MANAGED",
            StackSetPermissionModel::ServiceManaged => "SERVICE_MANAGED",
        }
    }
}

/// Whether a service-managed stack set deploys to accounts added to its
/// organizational units (`OrganizationsAutoDeployment`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(OrganizationsAutoDeployment::EnabledWithStackRetention.as_str(), "EnabledWithStackRetention");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrganizationsAutoDeployment {
    /// `Enabled`: new accounts get an instance; removed accounts lose theirs.
    Enabled,
    /// `Disabled` (the default).
    Disabled,
    /// `EnabledWithStackRetention`: like `Enabled`, but the stacks of removed
    /// accounts are kept.
    EnabledWithStackRetention,
}

impl OrganizationsAutoDeployment {
    /// Every setting, in AWS's order.
    pub const ALL: [OrganizationsAutoDeployment; 3] = [
        OrganizationsAutoDeployment::Enabled,
        OrganizationsAutoDeployment::Disabled,
        OrganizationsAutoDeployment::EnabledWithStackRetention,
    ];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrganizationsAutoDeployment::Enabled => "Enabled",
            OrganizationsAutoDeployment::Disabled => "Disabled",
            OrganizationsAutoDeployment::EnabledWithStackRetention => "EnabledWithStackRetention",
        }
    }
}
