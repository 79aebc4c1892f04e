//! Provider settings: known AWS providers in the right category, required
//! configuration keys (also those that depend on another key), enumerated
//! values, the action timeout, and the fields only some providers take.
//! The keys and their values come from the provider descriptions
//! ([`crate::providers`]).

use super::catalog;
use super::context::{ActionLocation, Context, Placed};
use crate::actions::CloudFormationActionMode;
use crate::model::{ActionCategory, ActionOwner, Str};
use crate::providers::{self, ProviderDescription, Values, BOOLEAN_WORDS, INPUT_TYPE_FILE_PATH};
use crate::{Rule, Violation};

/// Shortest and longest `timeoutInMinutes`.
const TIMEOUT_MINUTES: (u32, u32) = (5, 86_400);

/// Checks the settings of every action against its provider.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let location = cx.location(placed);
        let type_id = &placed.action.action_type_id;
        match catalog::find(type_id) {
            Some(provider) => {
                if let Some(replacement) = provider.replacement {
                    out.push(Violation::new(location.field("actionTypeId"), Rule::ProviderDeprecated, replacement));
                }
                required_keys(placed, provider, location, out)
            }
            None => unknown_provider(placed, location, out),
        }
        enumerated_values(placed, location, out);
        if let Some(minutes) = placed.action.timeout_in_minutes {
            let (min, max) = TIMEOUT_MINUTES;
            if !(min..=max).contains(&minutes) {
                out.push(Violation::new(
                    location.field("timeoutInMinutes"),
                    Rule::TimeoutRange,
                    format!("timeoutInMinutes {minutes} is out of range; use {min} to {max} minutes (60 days)"),
                ));
            }
        }
        provider_only_fields(placed, location, out);
    }
}

/// An AWS provider pipewright does not know: wrong category (error) or a
/// name it has never seen (warning).
fn unknown_provider(placed: &Placed<'_>, location: ActionLocation<'_>, out: &mut Vec<Violation>) {
    let type_id = &placed.action.action_type_id;
    if type_id.owner != ActionOwner::Aws {
        return;
    }
    let Some(name) = type_id.provider.as_literal() else { return };
    let location = location.field("actionTypeId");
    match catalog::aws_categories(name) {
        Some(categories) => {
            let categories: Vec<&str> = categories.iter().map(|category| category.as_str()).collect();
            out.push(Violation::new(
                location,
                Rule::ProviderCategory,
                format!(
                    "AWS offers {name} in category {}, not {}; set the category to {}",
                    categories.join(" or "),
                    type_id.category.as_str(),
                    categories.join(" or ")
                ),
            ));
        }
        None => out.push(Violation::new(
            location,
            Rule::ProviderUnknown,
            format!(
                "\"{name}\" is not an AWS {} provider pipewright knows; check the provider name (it is case-sensitive)",
                type_id.category.as_str()
            ),
        )),
    }
}

/// The required configuration keys of a known provider, and the keys that
/// another key's value requires.
fn required_keys(
    placed: &Placed<'_>,
    provider: &ProviderDescription,
    location: ActionLocation<'_>,
    out: &mut Vec<Violation>,
) {
    let category = placed.action.action_type_id.category;
    let required: Vec<&str> = provider.required_keys().collect();
    let mut missing: Vec<(&str, String)> = required
        .iter()
        .filter(|key| placed.config(key).is_none())
        .map(|key| (*key, format!("its required keys are {}", required.join(", "))))
        .collect();
    let literal = |key: &str| placed.config(key).and_then(Str::as_literal);
    let mut when = |key: &'static str, condition: String| {
        if placed.config(key).is_none() {
            missing.push((key, condition));
        }
    };
    let extract = literal("Extract");
    if placed.is_aws("S3")
        && category == ActionCategory::Deploy
        && extract.is_some_and(|value| value.eq_ignore_ascii_case("false"))
    {
        when("ObjectKey", "it is required when Extract is false".to_owned());
    }
    if placed.is_aws(providers::CLOUDFORMATION.name) {
        if let Some(mode) = literal("ActionMode").and_then(CloudFormationActionMode::parse) {
            use CloudFormationActionMode::{
                ChangeSetExecute, ChangeSetReplace, CreateUpdate, DeleteOnly, ReplaceOnFailure,
            };
            let condition = format!("it is required when ActionMode is {}", mode.as_str());
            if matches!(mode, ChangeSetReplace | ChangeSetExecute) {
                when("ChangeSetName", condition.clone());
            }
            if matches!(mode, CreateUpdate | ReplaceOnFailure | ChangeSetReplace) {
                when("TemplatePath", condition.clone());
            }
            if matches!(mode, CreateUpdate | ReplaceOnFailure | DeleteOnly | ChangeSetReplace) {
                when(
                    "RoleArn",
                    format!(
                        "{condition}: the ARN of the role CloudFormation deploys the stack with (without it the \
                         action fails when it runs)"
                    ),
                );
            }
        }
    }
    if placed.is_aws("StepFunctions") && literal("InputType") == Some(INPUT_TYPE_FILE_PATH) {
        when(
            "Input",
            "it is required when InputType is FilePath: the path of the input file in the input artifact".to_owned(),
        );
    }
    if placed.is_aws("InspectorScan") && literal("InspectorRunMode") == Some("ECRImageScan") {
        when("ECRRepositoryName", "it is required when InspectorRunMode is ECRImageScan".to_owned());
    }
    for (key, condition) in missing {
        out.push(Violation::new(
            location.field(&format!("configuration.{key}")),
            Rule::ConfigurationRequired,
            format!("the {} action needs the configuration key {key}; {condition}", provider.describe(category)),
        ));
    }
}

/// Keys whose value must be one of a fixed set, or a whole number in a
/// range (the value sets of the descriptions of the action's provider name,
/// in every category).
fn enumerated_values(placed: &Placed<'_>, location: ActionLocation<'_>, out: &mut Vec<Violation>) {
    for key in catalog::configuration_keys(placed.action.action_type_id.owner, placed.provider()) {
        let Some(value) = placed.config(key.name).and_then(Str::as_literal) else { continue };
        if value.contains("#{") {
            continue;
        }
        let accepted = |values: &[&str], item: &str| values.contains(&item.trim());
        let (valid, expected) = match key.values {
            Values::Any | Values::InputName | Values::InputPath => continue,
            Values::Boolean => (
                BOOLEAN_WORDS.iter().any(|boolean| boolean.eq_ignore_ascii_case(value.trim())),
                format!("one of {}", BOOLEAN_WORDS.join(", ")),
            ),
            Values::OneOf(values) => (accepted(values, value), format!("one of {}", values.join(", "))),
            Values::ListOf(values) => (
                value.split(',').all(|item| accepted(values, item)),
                format!("a comma-separated list of {}", values.join(", ")),
            ),
            Values::Range { min, max, unit } => (
                value.parse::<u32>().is_ok_and(|number| (min..=max).contains(&number)),
                format!("a whole number from {min} to {max} ({unit})"),
            ),
        };
        if !valid {
            out.push(Violation::new(
                location.field(&format!("configuration.{}", key.name)),
                Rule::ConfigurationValue,
                format!("{} \"{value}\" is not valid; use {expected}", key.name),
            ));
        }
    }
}

/// `commands`, `outputVariables` and output `files` belong to the Commands
/// action (which needs commands); `environmentVariables` to Commands and EKS.
fn provider_only_fields(placed: &Placed<'_>, location: ActionLocation<'_>, out: &mut Vec<Violation>) {
    let action = placed.action;
    let commands_action = placed.is_aws("Commands") && action.action_type_id.category == ActionCategory::Compute;
    let mut misplaced = |field: &str, owners: &str| {
        out.push(Violation::new(
            location.field(field),
            Rule::ProviderOnlyField,
            format!("{field} is only for the {owners}; remove it from this action"),
        ));
    };
    if !commands_action {
        if action.commands.is_some() {
            misplaced("commands", "Commands action");
        }
        if action.output_variables.is_some() {
            misplaced("outputVariables", "Commands action (other actions publish their variables themselves)");
        }
        for (index, output) in action.output_artifacts.iter().flatten().enumerate() {
            if output.files.is_some() {
                misplaced(&format!("outputArtifacts[{index}].files"), "Commands action");
            }
        }
    }
    let eks = placed.is_aws("EKS");
    if !commands_action && !eks && action.environment_variables.is_some() {
        misplaced(
            "environmentVariables",
            "Commands and EKS actions (CodeBuild takes EnvironmentVariables in its configuration)",
        );
    }
    if commands_action && action.commands.is_none() {
        out.push(Violation::new(
            location.field("commands"),
            Rule::ConfigurationRequired,
            "the Commands action needs commands: 1 to 50 single-line shell commands",
        ));
    }
}
