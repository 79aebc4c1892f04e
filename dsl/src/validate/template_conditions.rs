//! CloudFormation conditions: every condition a stage, an action, an
//! artifact or a value names is declared in the template's `Conditions`, and
//! an artifact produced only under a condition is read only under it.
//!
//! A part under a condition is present or absent at deploy time. An action
//! that always runs may not read an artifact that only a conditional action
//! produces (`artifact-conditional-producer`, an error: when the condition
//! does not hold, the input is missing and CloudFormation's update fails).
//! When the reader is under conditions too, each of the producer's must
//! follow from them: the same condition, or one the declarations show to
//! follow (`HasTests` declared as `Fn::Or` of `IsProd` and another follows
//! from `IsProd`; `IsProd` declared as `Fn::And` of `IsLive` and another
//! implies `IsLive`). Otherwise pipewright cannot tell (`Fn::Equals` on
//! parameters), so that is a warning (`artifact-condition-differs`).
//!
//! Conditions are checked for pipelines that know their template's
//! `Conditions`: those built with the builders and those read from a
//! template. A pipeline read from API JSON has no template, so nothing
//! there is declared or missing.

use std::collections::BTreeSet;

use serde_json::Value;

use super::context::{quoted_list, Context, Placed};
use crate::model::conditional::IF;
use crate::model::Str;
use crate::{Rule, Violation};

/// `template-condition-undeclared`: every condition named in the pipeline's
/// template form, or in another condition's expression, is declared.
pub(super) fn check_declared(cx: &Context<'_>, out: &mut Vec<Violation>) {
    if !cx.pipeline.conditions_known() {
        return;
    }
    let declared: Vec<&str> = cx.pipeline.conditions().iter().map(|condition| condition.name()).collect();
    let mut named = Vec::new();
    if let Ok(properties) = serde_json::to_value(cx.pipeline.cfn_properties()) {
        conditions_named(&properties, &mut String::new(), &mut named);
    }
    for condition in cx.pipeline.conditions() {
        if let Ok(expression) = serde_json::to_value(condition.expression()) {
            conditions_named(&expression, &mut format!("Conditions.{}", condition.name()), &mut named);
        }
    }
    for (path, name) in named {
        if declared.contains(&name.as_str()) {
            continue;
        }
        let known = if declared.is_empty() {
            "the template declares no condition".to_owned()
        } else {
            format!("the template declares {}", quoted_list(&declared, "and"))
        };
        out.push(Violation::new(
            cx.pipeline_location().field(&path),
            Rule::TemplateConditionUndeclared,
            format!(
                "the condition \"{name}\" is not declared; {known}: declare it with \
                 `p.condition(\"{name}\", cfn::equals(..))` and use the handle it returns"
            ),
        ));
    }
}

/// Every `{"Fn::If": [name, ..]}` and `{"Condition": name}` inside `value`,
/// with its path in the template's terms.
fn conditions_named(value: &Value, path: &mut String, out: &mut Vec<(String, String)>) {
    let length = path.len();
    match value {
        Value::Object(object) => {
            for (key, entry) in object {
                let named = match (key.as_str(), entry) {
                    (IF, Value::Array(branches)) => branches.first().and_then(Value::as_str),
                    ("Condition", Value::String(name)) if object.len() == 1 => Some(name.as_str()),
                    _ => None,
                };
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                if let Some(name) = named {
                    out.push((path.clone(), name.to_owned()));
                }
                conditions_named(entry, path, out);
                path.truncate(length);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push_str(&format!("[{index}]"));
                conditions_named(item, path, out);
                path.truncate(length);
            }
        }
        _ => {}
    }
}

/// `artifact-conditional-producer` and `artifact-condition-differs`: an
/// artifact produced under conditions is read under all of them.
pub(super) fn check_artifacts(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let reader = conditions_of(placed, None);
        for (index, input) in placed.action.input_artifacts.iter().flatten().enumerate() {
            let Some(name) = input.name.as_literal() else { continue };
            let mut reader = reader.clone();
            reader.extend(input.condition.as_deref());
            let producers: Vec<(&Placed<'_>, BTreeSet<&str>)> = cx
                .producers_of(name)
                .filter(|producer| producer.runs_before(placed))
                .map(|producer| (producer, conditions_of(producer, Some(name))))
                .collect();
            let implied = |condition: &&str| reader.iter().any(|held| implies(cx, held, condition));
            if producers.is_empty() || producers.iter().any(|(_, producer)| producer.iter().all(implied)) {
                continue;
            }
            let (producer, conditions) = &producers[0];
            let missing: Vec<&str> = conditions.iter().filter(|condition| !implied(condition)).copied().collect();
            let location = cx.location(placed).field(&format!("inputArtifacts[{index}].name"));
            let produced = format!(
                "the input artifact \"{name}\" is produced by {} only when {} holds",
                producer.describe(),
                quoted_list(conditions, "and")
            );
            if reader.is_empty() {
                out.push(Violation::new(
                    location,
                    Rule::ArtifactConditionalProducer,
                    format!(
                        "{produced}, but this action runs always; put it under the same condition \
                         (`.when(&condition)` on the action or its stage)"
                    ),
                ));
            } else {
                out.push(Violation::new(
                    location,
                    Rule::ArtifactConditionDiffers,
                    format!(
                        "{produced}, and this action runs under {}, which need not imply {}; put it under \
                         the producer's conditions, or make sure its conditions imply them",
                        quoted_list(&reader, "and"),
                        quoted_list(&missing, "and")
                    ),
                ));
            }
        }
    }
}

/// Whether `held` holding makes `condition` hold, as far as the declared
/// expressions show: the same condition, a `condition` that is `Fn::Or` of
/// one implied by `held`, or a `held` that is `Fn::And` of one that implies
/// `condition`. Anything else is not known to imply it.
fn implies(cx: &Context<'_>, held: &str, condition: &str) -> bool {
    implies_within(cx, held, condition, cx.pipeline.conditions().len())
}

/// [`implies`], following at most `depth` more declarations (conditions
/// that name each other in a cycle end here).
fn implies_within(cx: &Context<'_>, held: &str, condition: &str, depth: usize) -> bool {
    if held == condition {
        return true;
    }
    let Some(depth) = depth.checked_sub(1) else { return false };
    let operands = |name: &str, function: &str| -> Vec<String> {
        let declared = cx.pipeline.conditions().iter().find(|declared| declared.name() == name);
        let Some(Str::Expr(expression)) = declared.map(|declared| declared.expression()) else { return Vec::new() };
        if expression.function() != function {
            return Vec::new();
        }
        let operands = expression.argument().as_array().into_iter().flatten();
        operands.filter_map(|operand| operand.get("Condition").and_then(Value::as_str).map(str::to_owned)).collect()
    };
    operands(condition, "Fn::Or").iter().any(|either| implies_within(cx, held, either, depth))
        || operands(held, "Fn::And").iter().any(|both| implies_within(cx, both, condition, depth))
}

/// The conditions an action exists under (its stage's and its own), and,
/// for `output`, the condition of that output artifact.
fn conditions_of<'a>(placed: &Placed<'a>, output: Option<&str>) -> BTreeSet<&'a str> {
    let artifact =
        output.and_then(|name| placed.action.output_artifacts.iter().flatten().find(|artifact| artifact.name == *name));
    [placed.stage.condition.as_deref(), placed.action.condition.as_deref()]
        .into_iter()
        .chain([artifact.and_then(|artifact| artifact.condition.as_deref())])
        .flatten()
        .collect()
}
