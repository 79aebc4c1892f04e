//! AWS CloudFormation: stacks and change sets
//! (`Deploy / AWS / CloudFormation / 1`), stack sets
//! (`CloudFormationStackSet`) and their instances
//! (`CloudFormationStackInstances`).

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Values, When};
use crate::actions::{Capability, CloudFormationActionMode};
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
