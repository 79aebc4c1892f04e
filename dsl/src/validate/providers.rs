//! Provider settings: known AWS providers in the right category, required
//! configuration keys (also those that depend on another key), enumerated
//! values, the action timeout, and the fields only some providers take.

use super::catalog::{self, Provider};
use super::context::{ActionLocation, Context, Placed};
use super::Violation;
use crate::model::{ActionCategory, ActionOwner, Str};

/// Shortest and longest `timeoutInMinutes`.
const TIMEOUT_MINUTES: (u32, u32) = (5, 86_400);

/// `true` or `false`.
const BOOLEAN: &[&str] = &["true", "false"];

/// A configuration key with a fixed set of values.
struct Enumerated {
    /// Who provides the action.
    owner: ActionOwner,
    /// The provider.
    provider: &'static str,
    /// The key.
    key: &'static str,
    /// The values AWS accepts.
    values: &'static [&'static str],
    /// Whether the value is a comma-separated list of them.
    list: bool,
}

/// A key of an AWS provider with a fixed set of values.
const fn aws(provider: &'static str, key: &'static str, values: &'static [&'static str]) -> Enumerated {
    Enumerated { owner: ActionOwner::Aws, provider, key, values, list: false }
}

/// The configuration keys with a fixed set of values.
const ENUMERATED: &[Enumerated] = &[
    aws(
        "CloudFormation",
        "ActionMode",
        &["CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY", "CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"],
    ),
    Enumerated {
        list: true,
        ..aws("CloudFormation", "Capabilities", &["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"])
    },
    aws("S3", "Extract", BOOLEAN),
    aws(
        "S3",
        "CannedACL",
        &[
            "private",
            "public-read",
            "public-read-write",
            "authenticated-read",
            "aws-exec-read",
            "bucket-owner-read",
            "bucket-owner-full-control",
            "log-delivery-write",
        ],
    ),
    aws("S3", "PollForSourceChanges", BOOLEAN),
    aws("CodeCommit", "PollForSourceChanges", BOOLEAN),
    Enumerated { owner: ActionOwner::ThirdParty, ..aws("GitHub", "PollForSourceChanges", BOOLEAN) },
    aws("CodeStarSourceConnection", "DetectChanges", BOOLEAN),
    aws("CodeCommit", "OutputArtifactFormat", &["CODE_ZIP", "CODEBUILD_CLONE_REF"]),
    aws("CodeStarSourceConnection", "OutputArtifactFormat", &["CODE_ZIP", "CODEBUILD_CLONE_REF"]),
    aws("CodeBuild", "BatchEnabled", BOOLEAN),
    aws("CodeBuild", "CombineArtifacts", BOOLEAN),
    aws("InspectorScan", "InspectorRunMode", &["SourceCodeScan", "ECRImageScan"]),
    aws("EC2", "InstanceType", &["EC2", "SSM_MANAGED_NODE"]),
    aws("StepFunctions", "InputType", &["Literal", "FilePath"]),
    aws("ECRBuildAndPublish", "RegistryType", &["private", "public"]),
];

/// A configuration key whose value is a whole number in a range.
struct Ranged {
    /// The AWS provider.
    provider: &'static str,
    /// The key.
    key: &'static str,
    /// Smallest and largest value.
    range: (u32, u32),
    /// What the number counts.
    unit: &'static str,
}

/// The configuration keys with a numeric range.
const RANGED: &[Ranged] = &[
    Ranged { provider: "ECS", key: "DeploymentTimeout", range: (1, 60), unit: "minutes" },
    Ranged { provider: "CloudFormationStackSet", key: "FailureTolerancePercentage", range: (0, 100), unit: "percent" },
    Ranged { provider: "CloudFormationStackSet", key: "MaxConcurrentPercentage", range: (1, 100), unit: "percent" },
    Ranged {
        provider: "CloudFormationStackInstances",
        key: "FailureTolerancePercentage",
        range: (0, 100),
        unit: "percent",
    },
    Ranged {
        provider: "CloudFormationStackInstances",
        key: "MaxConcurrentPercentage",
        range: (1, 100),
        unit: "percent",
    },
];

/// Checks the settings of every action against its provider.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let location = cx.location(placed);
        let type_id = &placed.action.action_type_id;
        match catalog::find(type_id) {
            Some(provider) => {
                if let Some(replacement) = provider.replacement {
                    out.push(Violation::warning(location.field("actionTypeId"), "provider-deprecated", replacement));
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
                    "timeout-range",
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
                "provider-category",
                format!(
                    "AWS offers {name} in category {}, not {}; set the category to {}",
                    categories.join(" or "),
                    type_id.category.as_str(),
                    categories.join(" or ")
                ),
            ));
        }
        None => out.push(Violation::warning(
            location,
            "provider-unknown",
            format!(
                "\"{name}\" is not an AWS {} provider pipewright knows; check the provider name (it is case-sensitive)",
                type_id.category.as_str()
            ),
        )),
    }
}

/// The required configuration keys of a known provider, and the keys that
/// another key's value requires.
fn required_keys(placed: &Placed<'_>, provider: &Provider, location: ActionLocation<'_>, out: &mut Vec<Violation>) {
    let category = placed.action.action_type_id.category;
    let mut missing: Vec<(&str, String)> = provider
        .required
        .iter()
        .filter(|key| placed.config(key).is_none())
        .map(|key| (*key, format!("its required keys are {}", provider.required.join(", "))))
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
    if placed.is_aws("CloudFormation") {
        if let Some(mode) = literal("ActionMode") {
            let needs = |modes: &[&str]| modes.contains(&mode);
            let condition = format!("it is required when ActionMode is {mode}");
            if needs(&["CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"]) {
                when("ChangeSetName", condition.clone());
            }
            if needs(&["CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE"]) {
                when("TemplatePath", condition.clone());
            }
            if needs(&["CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY", "CHANGE_SET_REPLACE"]) {
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
    if placed.is_aws("StepFunctions") && literal("InputType") == Some("FilePath") {
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
            "configuration-required",
            format!("the {} action needs the configuration key {key}; {condition}", provider.describe(category)),
        ));
    }
}

/// Keys whose value must be one of a fixed set.
fn enumerated_values(placed: &Placed<'_>, location: ActionLocation<'_>, out: &mut Vec<Violation>) {
    let owner = placed.action.action_type_id.owner;
    for enumerated in ENUMERATED {
        if enumerated.owner != owner || placed.provider() != Some(enumerated.provider) {
            continue;
        }
        let Some(value) = placed.config(enumerated.key).and_then(Str::as_literal) else { continue };
        if value.contains("#{") {
            continue;
        }
        let accepted = |item: &str| {
            let item = item.trim();
            if enumerated.values == BOOLEAN {
                BOOLEAN.iter().any(|boolean| boolean.eq_ignore_ascii_case(item))
            } else {
                enumerated.values.contains(&item)
            }
        };
        let valid = if enumerated.list { value.split(',').all(accepted) } else { accepted(value) };
        if !valid {
            let shape = if enumerated.list { "a comma-separated list of " } else { "one of " };
            out.push(Violation::new(
                location.field(&format!("configuration.{}", enumerated.key)),
                "configuration-value",
                format!("{} \"{value}\" is not valid; use {shape}{}", enumerated.key, enumerated.values.join(", ")),
            ));
        }
    }
    for ranged in RANGED {
        if !placed.is_aws(ranged.provider) {
            continue;
        }
        let Some(value) = placed.config(ranged.key).and_then(Str::as_literal) else { continue };
        let (min, max) = ranged.range;
        if value.contains("#{") || value.parse::<u32>().is_ok_and(|number| (min..=max).contains(&number)) {
            continue;
        }
        out.push(Violation::new(
            location.field(&format!("configuration.{}", ranged.key)),
            "configuration-value",
            format!(
                "{} \"{value}\" is not valid; use a whole number from {min} to {max} ({})",
                ranged.key, ranged.unit
            ),
        ));
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
            "provider-only-field",
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
            "configuration-required",
            "the Commands action needs commands: 1 to 50 single-line shell commands",
        ));
    }
}
