//! Uniqueness: stage names, action names within a stage, output artifact
//! names, namespaces (also against artifact names) and pipeline variable
//! names.

use std::collections::HashMap;

use super::context::{Context, Placed};
use crate::model::Str;
use crate::{Rule, Violation};

/// Checks that every name that must be unique is.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let declaration = cx.declaration;
    for (later, earlier) in duplicates(declaration.stages.iter().map(|stage| &stage.name)) {
        let stage = &declaration.stages[later];
        out.push(Violation::new(
            cx.stage_location(stage),
            Rule::StageNameUnique,
            format!(
                "stages {} and {} are both named \"{}\"; stage names must be unique within the pipeline",
                earlier + 1,
                later + 1,
                stage.name
            ),
        ));
    }
    for (stage_index, stage) in declaration.stages.iter().enumerate() {
        for (later, earlier) in duplicates(stage.actions.iter().map(|action| &action.name)) {
            let action = &stage.actions[later];
            out.push(Violation::new(
                cx.location(&Placed { stage_index, stage, action }).to_location(),
                Rule::ActionNameUnique,
                format!(
                    "actions {} and {} of stage \"{}\" are both named \"{}\"; action names must be unique within \
                     a stage",
                    earlier + 1,
                    later + 1,
                    stage.name,
                    action.name
                ),
            ));
        }
    }
    artifacts_and_namespaces(cx, out);
    let variables = declaration.variables.as_deref().unwrap_or_default();
    for (later, earlier) in duplicates(variables.iter().map(|variable| &variable.name)) {
        out.push(Violation::new(
            cx.pipeline_location().field(&format!("variables[{later}].name")),
            Rule::VariableNameUnique,
            format!(
                "variables {} and {} are both named \"{}\"; pipeline variable names must be unique",
                earlier + 1,
                later + 1,
                variables[later].name
            ),
        ));
    }
}

/// Output artifact names and namespaces are unique in the pipeline, and no
/// namespace is also an artifact name.
fn artifacts_and_namespaces(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let mut outputs: HashMap<&str, &Placed<'_>> = HashMap::new();
    let mut namespaces: HashMap<&str, &Placed<'_>> = HashMap::new();
    for placed in &cx.actions {
        // Written only for a violation: most actions have none.
        let location = || cx.location(placed);
        for (index, name) in placed.action.output_artifacts.iter().flatten().map(|output| &output.name).enumerate() {
            let Some(name) = name.as_literal() else { continue };
            if let Some(producer) = outputs.get(name) {
                let other = if std::ptr::eq(producer.action, placed.action) {
                    "this action lists it twice".to_owned()
                } else {
                    format!("it is also produced by {}", producer.describe())
                };
                out.push(Violation::new(
                    location().field(&format!("outputArtifacts[{index}].name")),
                    Rule::ArtifactNameUnique,
                    format!(
                        "the output artifact name \"{name}\" is not unique: {other}; every output artifact of the \
                         pipeline needs its own name"
                    ),
                ));
            } else {
                outputs.insert(name, placed);
            }
        }
        let Some(namespace) = placed.action.namespace.as_ref().and_then(Str::as_literal) else { continue };
        if let Some(declarer) = namespaces.get(namespace) {
            out.push(Violation::new(
                location().field("namespace"),
                Rule::NamespaceUnique,
                format!(
                    "the namespace \"{namespace}\" is also declared by {}; namespaces must be unique in the pipeline",
                    declarer.describe()
                ),
            ));
        } else {
            namespaces.insert(namespace, placed);
        }
    }
    for placed in &cx.actions {
        let Some(namespace) = placed.action.namespace.as_ref().and_then(Str::as_literal) else { continue };
        if let Some(producer) = cx.producers_of(namespace).next() {
            out.push(Violation::new(
                cx.location(placed).field("namespace"),
                Rule::NamespaceArtifactClash,
                format!(
                    "the namespace \"{namespace}\" is also the name of the artifact produced by {}; a namespace may \
                     not equal an artifact name, so rename one of them",
                    producer.describe()
                ),
            ));
        }
    }
}

/// `(later, earlier)` index pairs of literal names that repeat an earlier one.
fn duplicates<'n>(names: impl Iterator<Item = &'n Str>) -> Vec<(usize, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (index, name) in names.enumerate() {
        let Some(name) = name.as_literal() else { continue };
        match seen.get(name) {
            Some(earlier) => pairs.push((index, *earlier)),
            None => {
                seen.insert(name, index);
            }
        }
    }
    pairs
}
