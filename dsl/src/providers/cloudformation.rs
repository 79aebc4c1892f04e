//! AWS CloudFormation: stacks and change sets
//! (`Deploy / AWS / CloudFormation / 1`), stack sets
//! (`CloudFormationStackSet`) and their instances
//! (`CloudFormationStackInstances`).

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Values, When};
use crate::model::ActionCategory;

use CloudFormationActionMode::{ChangeSetExecute, ChangeSetReplace, CreateUpdate, DeleteOnly, ReplaceOnFailure};

/// The stack's resource.
const STACK: Resource = Resource::Regional { service: "cloudformation", path: "stack/{StackName}/*" };

/// The statement granted in `mode`.
const fn in_mode(mode: CloudFormationActionMode, actions: &'static [&'static str]) -> Permission {
    Permission::allow(actions, STACK).when(When::Is("ActionMode", mode.as_str()))
}

/// Creates, updates or deletes a stack, or creates or executes a change set.
pub static CLOUDFORMATION: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "CloudFormation", artifacts(0, 10), artifacts(0, 1))
        .configuration(&[
            ConfigKey::required("ActionMode").one_of(wire_values!(CloudFormationActionMode)),
            ConfigKey::required("StackName"),
            ConfigKey::optional("TemplatePath").values(Values::InputPath),
            ConfigKey::optional("ChangeSetName"),
            ConfigKey::optional("Capabilities").values(Values::ListOf(wire_values!(Capability))),
            ConfigKey::optional("TemplateConfiguration").values(Values::InputPath),
            ConfigKey::optional("ParameterOverrides"),
            ConfigKey::optional("OutputFileName"),
            ConfigKey::optional("RoleArn"),
        ])
        .permissions(Permissions {
            mode: Some(("ActionMode", "an action mode")),
            statements: &[
                in_mode(
                    CreateUpdate,
                    &[
                        "cloudformation:CreateStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                        "cloudformation:GetStackPolicy",
                        "cloudformation:GetTemplate",
                        "cloudformation:SetStackPolicy",
                        "cloudformation:UpdateStack",
                    ],
                ),
                in_mode(
                    ReplaceOnFailure,
                    &[
                        "cloudformation:CreateStack",
                        "cloudformation:DeleteStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                        "cloudformation:GetStackPolicy",
                        "cloudformation:GetTemplate",
                        "cloudformation:SetStackPolicy",
                        "cloudformation:UpdateStack",
                    ],
                ),
                in_mode(
                    DeleteOnly,
                    &[
                        "cloudformation:DeleteStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                    ],
                ),
                in_mode(
                    ChangeSetReplace,
                    &[
                        "cloudformation:CreateChangeSet",
                        "cloudformation:DeleteChangeSet",
                        "cloudformation:DescribeChangeSet",
                        "cloudformation:DescribeStacks",
                    ],
                ),
                in_mode(
                    ChangeSetExecute,
                    &[
                        "cloudformation:DescribeChangeSet",
                        "cloudformation:DescribeStacks",
                        "cloudformation:ExecuteChangeSet",
                    ],
                ),
                // The deployment role CloudFormation works with, in every mode
                // that passes it.
                Permission::allow(&["iam:PassRole"], Resource::ArnIn("RoleArn"))
                    .when(When::IsNot("ActionMode", ChangeSetExecute.as_str()))
                    .passed_to("cloudformation.amazonaws.com"),
            ],
        });

/// Percentages of a stack set operation.
const STACK_SET_PERCENTAGES: [ConfigKey; 2] = [
    ConfigKey::optional("FailureTolerancePercentage").values(Values::Range { min: 0, max: 100, unit: "percent" }),
    ConfigKey::optional("MaxConcurrentPercentage").values(Values::Range { min: 1, max: 100, unit: "percent" }),
];

/// Output variables of the stack set actions.
const STACK_SET_VARIABLES: &[&str] = &["StackSetId", "OperationId"];

/// Creates or updates a stack set.
pub static CLOUDFORMATION_STACK_SET: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "CloudFormationStackSet", artifacts(1, 3), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("StackSetName"),
            ConfigKey::required("TemplatePath").values(Values::InputPath),
            STACK_SET_PERCENTAGES[0],
            STACK_SET_PERCENTAGES[1],
        ])
        .variables(STACK_SET_VARIABLES);

/// Creates or updates the instances of a stack set.
pub static CLOUDFORMATION_STACK_INSTANCES: ProviderDescription = ProviderDescription::aws(
    &[ActionCategory::Deploy],
    "CloudFormationStackInstances",
    artifacts(0, 2),
    artifacts(0, 0),
)
.configuration(&[
    ConfigKey::required("StackSetName"),
    ConfigKey::required("Regions"),
    STACK_SET_PERCENTAGES[0],
    STACK_SET_PERCENTAGES[1],
])
.variables(STACK_SET_VARIABLES);

/// What a CloudFormation action does (`ActionMode`). Each mode has its own
/// constructor of [`CloudFormationDeploy`](crate::actions::CloudFormationDeploy), taking exactly the settings the
/// mode requires.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(CloudFormationActionMode::ChangeSetReplace.as_str(), "CHANGE_SET_REPLACE");
/// assert_eq!(CloudFormationActionMode::parse("DELETE_ONLY"), Some(CloudFormationActionMode::DeleteOnly));
/// assert_eq!(CloudFormationActionMode::parse("delete_only"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloudFormationActionMode {
    /// `CREATE_UPDATE`: creates the stack, or updates it.
    CreateUpdate,
    /// `REPLACE_ON_FAILURE`: creates the stack, deletes and recreates it when
    /// it is in a failed state, or updates it (for testing).
    ReplaceOnFailure,
    /// `DELETE_ONLY`: deletes the stack (succeeds when it does not exist).
    DeleteOnly,
    /// `CHANGE_SET_REPLACE`: creates or replaces a change set.
    ChangeSetReplace,
    /// `CHANGE_SET_EXECUTE`: executes a change set.
    ChangeSetExecute,
}

impl CloudFormationActionMode {
    /// Every mode, in AWS's order.
    pub const ALL: [CloudFormationActionMode; 5] = [
        CloudFormationActionMode::CreateUpdate,
        CloudFormationActionMode::ReplaceOnFailure,
        CloudFormationActionMode::DeleteOnly,
        CloudFormationActionMode::ChangeSetReplace,
        CloudFormationActionMode::ChangeSetExecute,
    ];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            CloudFormationActionMode::CreateUpdate => "CREATE_UPDATE",
            CloudFormationActionMode::ReplaceOnFailure => "REPLACE_ON_FAILURE",
            CloudFormationActionMode::DeleteOnly => "DELETE_ONLY",
            CloudFormationActionMode::ChangeSetReplace => "CHANGE_SET_REPLACE",
            CloudFormationActionMode::ChangeSetExecute => "CHANGE_SET_EXECUTE",
        }
    }

    /// The mode AWS writes as `value` (exact spelling), for reading existing
    /// pipelines.
    pub fn parse(value: &str) -> Option<CloudFormationActionMode> {
        CloudFormationActionMode::ALL.into_iter().find(|mode| mode.as_str() == value)
    }
}

/// A capability a stack's template may need (`Capabilities`); see
/// [`CloudFormationDeploy::capabilities`](crate::actions::CloudFormationDeploy::capabilities).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(Capability::NamedIam.as_str(), "CAPABILITY_NAMED_IAM");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Capability {
    /// `CAPABILITY_IAM`: the template creates IAM resources.
    Iam,
    /// `CAPABILITY_NAMED_IAM`: the template creates IAM resources with custom
    /// names.
    NamedIam,
    /// `CAPABILITY_AUTO_EXPAND`: the template uses macros or nested stacks
    /// that expand.
    AutoExpand,
}

impl Capability {
    /// Every capability.
    pub const ALL: [Capability; 3] = [Capability::Iam, Capability::NamedIam, Capability::AutoExpand];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            Capability::Iam => "CAPABILITY_IAM",
            Capability::NamedIam => "CAPABILITY_NAMED_IAM",
            Capability::AutoExpand => "CAPABILITY_AUTO_EXPAND",
        }
    }
}
