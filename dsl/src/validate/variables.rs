//! Variable references written by hand (`#{namespace.Key}`) in configuration
//! values, commands and environment variables: the namespace is declared by
//! an action that runs earlier, `#{variables.NAME}` names a declared pipeline
//! variable, and Source actions use no pipeline variables.

use std::sync::LazyLock;

use regex::Regex;

use super::catalog;
use super::context::{quoted_list, Context, Placed};
use super::{Location, Violation};
use crate::model::Str;

/// `#{namespace.Key}`.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#\{([A-Za-z0-9@\-_]+)\.([^}]+)\}").expect("the reference pattern is valid"));

/// The hint every namespace finding ends with.
const TYPED_HINT: &str = "prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare \
                          the namespace and order the actions for you";

/// Checks every variable reference of every action.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let location = cx.location(placed);
        for (field, text) in texts(placed) {
            for reference in REFERENCE.captures_iter(text) {
                let (namespace, key) = (&reference[1], &reference[2]);
                let location = location.field(&field);
                match namespace {
                    "codepipeline" => {}
                    "variables" => pipeline_variable(cx, placed, key, location, out),
                    _ => action_variable(cx, placed, namespace, key, location, out),
                }
            }
        }
    }
}

/// The texts of an action that may hold references, with their field paths.
fn texts<'a>(placed: &Placed<'a>) -> Vec<(String, &'a str)> {
    let action = placed.action;
    let configuration = action
        .configuration
        .iter()
        .flatten()
        .filter_map(|(key, value)| value.as_literal().map(|text| (format!("configuration.{key}"), text)));
    let commands = action
        .commands
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(index, command)| command.as_literal().map(|text| (format!("commands[{index}]"), text)));
    let environment = action.environment_variables.iter().flatten().enumerate().filter_map(|(index, variable)| {
        variable.value.as_literal().map(|text| (format!("environmentVariables[{index}].value"), text))
    });
    configuration.chain(commands).chain(environment).collect()
}

/// `#{variables.NAME}`: a declared pipeline variable, outside Source actions.
fn pipeline_variable(cx: &Context<'_>, placed: &Placed<'_>, name: &str, location: Location, out: &mut Vec<Violation>) {
    if placed.is_source() {
        out.push(Violation::new(
            location,
            "pipeline-variable-in-source",
            format!(
                "#{{variables.{name}}} is a pipeline-level variable, which Source actions cannot use; write the \
                 value itself here"
            ),
        ));
        return;
    }
    let declared: Vec<&Str> = cx.declaration.variables.iter().flatten().map(|variable| &variable.name).collect();
    if declared.iter().any(|declared| !declared.is_literal() || **declared == name) {
        return;
    }
    let known = if declared.is_empty() {
        format!(
            "the pipeline declares no variables: declare \"{name}\" in variables (with the builder, \
             `p.variable(\"{name}\", default)` returns its reference)"
        )
    } else {
        format!("declared pipeline variables: {}", quoted_list(&declared, "and"))
    };
    out.push(Violation::new(
        location,
        "pipeline-variable-undeclared",
        format!("#{{variables.{name}}} names no declared pipeline variable; {known}"),
    ));
}

/// `#{namespace.Key}`: a namespace declared by an action that runs earlier.
fn action_variable(
    cx: &Context<'_>,
    placed: &Placed<'_>,
    namespace: &str,
    key: &str,
    location: Location,
    out: &mut Vec<Violation>,
) {
    let reference = format!("#{{{namespace}.{key}}}");
    let declarers: Vec<&Placed<'_>> = cx
        .actions
        .iter()
        .filter(|declarer| declarer.action.namespace.as_ref().is_some_and(|declared| *declared == namespace))
        .collect();
    if let Some(declarer) = declarers.iter().find(|declarer| declarer.runs_before(placed)) {
        let provider = catalog::find(&declarer.action.action_type_id);
        if let Some((provider, emitted)) = provider.and_then(|provider| Some((provider, provider.variables?))) {
            if !emitted.contains(&key) {
                out.push(Violation::warning(
                    location,
                    "variable-key-unknown",
                    format!(
                        "{reference}: {} actions emit no variable \"{key}\"; they emit {}",
                        provider.name,
                        emitted.iter().map(|emitted| format!("\"{emitted}\"")).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
        return;
    }
    if let Some(declarer) = declarers.first() {
        out.push(Violation::new(
            location,
            "variable-namespace-order",
            format!(
                "{reference} reads the namespace of {}, which does not run before this action ({}); an action can \
                 only read the variables of an action that runs earlier: a previous stage, or the same stage with \
                 a lower runOrder; {TYPED_HINT}",
                declarer.describe(),
                declarer.why_not_before(placed)
            ),
        ));
        return;
    }
    if cx.actions.iter().any(|other| other.action.namespace.as_ref().is_some_and(|declared| !declared.is_literal())) {
        return;
    }
    let earlier: Vec<String> = cx
        .actions
        .iter()
        .filter(|earlier| earlier.runs_before(placed))
        .filter_map(|earlier| {
            let namespace = earlier.action.namespace.as_ref()?;
            Some(format!("\"{namespace}\" ({})", earlier.describe()))
        })
        .collect();
    let earlier = if earlier.is_empty() {
        "no action that runs before this one declares a namespace".to_owned()
    } else {
        format!("namespaces of earlier actions: {}", earlier.join(", "))
    };
    out.push(Violation::new(
        location,
        "variable-namespace-unknown",
        format!("{reference} names the namespace \"{namespace}\", which no action declares; {earlier}; {TYPED_HINT}"),
    ));
}
