//! Artifacts: every input is produced by an action that runs before it, each
//! provider's input and output counts, and the configuration values that
//! name input artifacts (`TemplatePath`, `PrimarySource`, ...: the keys the
//! provider descriptions mark so).

use super::catalog::{self, CUSTOM_ARTIFACTS};
use super::context::{quoted_list, Context, Placed};
use crate::model::{ActionCategory, ActionOwner, Str};
use crate::providers::{self, Values};
use crate::{Rule, Violation};

/// Checks the artifact flow and the artifact counts.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        inputs_produced_before(cx, placed, out);
        counts(cx, placed, out);
        configured_artifacts(cx, placed, out);
    }
}

/// Every input artifact is an output of an action that runs before this one.
fn inputs_produced_before(cx: &Context<'_>, placed: &Placed<'_>, out: &mut Vec<Violation>) {
    for (index, name) in placed.input_names().enumerate() {
        let Some(name) = name.as_literal() else { continue };
        let producers: Vec<&Placed<'_>> = cx.producers_of(name).collect();
        if producers.iter().any(|producer| producer.runs_before(placed)) {
            continue;
        }
        let location = cx.location(placed).field(&format!("inputArtifacts[{index}].name"));
        match producers.first() {
            None => {
                let available: Vec<String> = cx
                    .actions
                    .iter()
                    .filter(|producer| producer.runs_before(placed))
                    .flat_map(|producer| {
                        producer.output_names().map(move |output| format!("\"{output}\" ({})", producer.describe()))
                    })
                    .collect();
                let available = if available.is_empty() {
                    "no action that runs before this one produces an artifact".to_owned()
                } else {
                    format!("artifacts produced before this action: {}", available.join(", "))
                };
                out.push(Violation::new(
                    location,
                    Rule::InputArtifactUnknown,
                    format!("no action produces the input artifact \"{name}\"; {available}"),
                ));
            }
            Some(producer) => out.push(Violation::new(
                location,
                Rule::InputArtifactOrder,
                format!(
                    "the input artifact \"{name}\" is produced by {}, which does not run before this action ({}); \
                     an input must come from an earlier stage, or from an action of the same stage with a lower \
                     runOrder",
                    producer.describe(),
                    producer.why_not_before(placed)
                ),
            )),
        }
    }
}

/// The input and output artifact counts of the provider.
fn counts(cx: &Context<'_>, placed: &Placed<'_>, out: &mut Vec<Violation>) {
    let type_id = &placed.action.action_type_id;
    let provider = catalog::find(type_id);
    let (mut inputs, outputs) = match provider {
        Some(provider) => catalog::artifact_counts(provider),
        None if type_id.owner != ActionOwner::Aws => (CUSTOM_ARTIFACTS, CUSTOM_ARTIFACTS),
        None => return,
    };
    // Written only for a violation: most actions have none.
    let what = || match provider {
        Some(provider) => provider.describe(type_id.category),
        None => format!("a {} action of the provider \"{}\"", type_id.owner.as_str(), type_id.provider),
    };
    let mut exception = "";
    if placed.is_aws("Lambda") && type_id.category == ActionCategory::Deploy {
        exception = " (none when PublishedTargetVersion is set)";
        if placed.config("PublishedTargetVersion").is_some() {
            inputs = (0, 1);
        }
    }
    if placed.is_aws("InspectorScan") {
        exception = " (at most 1 when InspectorRunMode is ECRImageScan)";
        if placed.config("InspectorRunMode").is_some_and(|mode| *mode == "ECRImageScan") {
            inputs = (0, 1);
        }
    }
    for (field, kind, (min, max), found) in [
        ("inputArtifacts", "input", inputs, placed.input_count()),
        ("outputArtifacts", "output", outputs, placed.output_count()),
    ] {
        if !(min..=max).contains(&found) {
            let exception = if kind == "input" { exception } else { "" };
            out.push(Violation::new(
                cx.location(placed).field(field),
                Rule::ArtifactCount,
                format!(
                    "{} takes {} {kind} artifact{}{exception}, found {found}",
                    what(),
                    count(min, max),
                    plural(max)
                ),
            ));
        }
    }
}

/// `no`, `exactly 1`, `at most 5`, `1 to 5`.
fn count(min: usize, max: usize) -> String {
    match (min, max) {
        (0, 0) => "no".to_owned(),
        (min, max) if min == max => format!("exactly {min}"),
        (0, max) => format!("at most {max}"),
        (min, max) => format!("{min} to {max}"),
    }
}

/// `s` unless the count is exactly one.
fn plural(max: usize) -> &'static str {
    if max == 1 {
        ""
    } else {
        "s"
    }
}

/// Configuration values that name an input artifact, or a file in one.
fn configured_artifacts(cx: &Context<'_>, placed: &Placed<'_>, out: &mut Vec<Violation>) {
    let Some(inputs) = placed.input_names().map(Str::as_literal).collect::<Option<Vec<&str>>>() else {
        return;
    };
    // Messages are written only for a violation: most actions have none.
    let location = || cx.location(placed);
    let inputs_text = || quoted_list(&inputs, "or");
    // The keys of the provider's description that name an artifact or a file
    // in one (AWS providers only).
    let keys = |values: Values| {
        let owner = placed.action.action_type_id.owner;
        let provider = placed.provider().filter(|_| owner == ActionOwner::Aws);
        catalog::configuration_keys(owner, provider).filter(move |key| key.values == values).map(|key| key.name)
    };
    for key in keys(Values::InputPath) {
        let Some(value) = placed.config(key).and_then(Str::as_literal) else { continue };
        let (problem, file) = match value.split_once("::") {
            Some((artifact, _)) if inputs.contains(&artifact) => continue,
            Some((artifact, file)) => {
                (format!("reads from \"{artifact}\", which is not an input artifact of this action"), file)
            }
            None => ("does not name an artifact".to_owned(), value),
        };
        let remedy = match inputs.first() {
            None => "this action has no input artifacts: add the artifact that holds the file as an input and \
                     write <InputArtifactName>::<path>"
                .to_owned(),
            Some(first) => format!(
                "start it with one of this action's input artifacts ({}) followed by \"::\", \
                 e.g. \"{first}::{file}\"",
                inputs_text()
            ),
        };
        out.push(Violation::new(
            location().field(&format!("configuration.{key}")),
            Rule::ArtifactPathInput,
            format!("{key} \"{value}\" {problem}; {remedy}"),
        ));
    }
    let valid = || {
        if inputs.is_empty() {
            "this action has no input artifacts".to_owned()
        } else {
            format!("use one of its input artifacts: {}", inputs_text())
        }
    };
    for key in keys(Values::InputName) {
        let Some(value) = placed.config(key).and_then(Str::as_literal) else { continue };
        if !inputs.contains(&value) {
            out.push(Violation::new(
                location().field(&format!("configuration.{key}")),
                Rule::ArtifactNameInput,
                format!("{key} \"{value}\" is not an input artifact of this action; {}", valid()),
            ));
        }
    }
    if placed.is_aws(providers::CODEBUILD.name) && inputs.len() > 1 && placed.config("PrimarySource").is_none() {
        out.push(Violation::new(
            location().field("configuration.PrimarySource"),
            Rule::PrimarySourceRequired,
            format!(
                "CodeBuild needs PrimarySource when it has more than one input artifact: set it to the input that \
                 holds the buildspec, one of {}",
                inputs_text()
            ),
        ));
    }
}
