//! Variable references written by hand (`#{namespace.Key}`) in configuration
//! values, commands and environment variables of actions and of stage
//! condition rules: the namespace is declared by an action that runs earlier
//! (for a `beforeEntry` condition, in an earlier stage; for `onSuccess` and
//! `onFailure`, in an earlier stage or this one), `#{variables.NAME}` names a
//! declared pipeline variable, and Source actions use no pipeline variables.

use super::catalog;
use super::context::{quoted_list, stage_conditions, ConditionBlock, Context, Placed};
use crate::model::{StageDeclaration, Str};
use crate::references::references_in;
use crate::{Location, Rule, Violation};

/// The hint every namespace finding ends with.
const TYPED_HINT: &str = "prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare \
                          the namespace and order the actions for you";

/// What reads variables: an action, or a condition of a stage.
#[derive(Clone, Copy)]
enum Reader<'r, 'a> {
    /// An action reads them when it starts.
    Action(&'r Placed<'a>),
    /// A condition reads them when its block is checked.
    Condition { stage_index: usize, stage: &'a StageDeclaration, block: ConditionBlock },
}

impl Reader<'_, '_> {
    /// Whether `declarer` has run when this reader reads.
    fn can_read(self, declarer: &Placed<'_>) -> bool {
        match self {
            Reader::Action(placed) => declarer.runs_before(placed),
            Reader::Condition { stage_index, block: ConditionBlock::BeforeEntry, .. } => {
                declarer.stage_index < stage_index
            }
            Reader::Condition { stage_index, .. } => declarer.stage_index <= stage_index,
        }
    }

    /// Why `declarer` has not run when this reader reads, and which actions
    /// this reader can read.
    fn why_not(self, declarer: &Placed<'_>) -> String {
        match self {
            Reader::Action(placed) => format!(
                "which does not run before this action ({}); an action can only read the variables of an action \
                 that runs earlier: a previous stage, or the same stage with a lower runOrder",
                declarer.why_not_before(placed)
            ),
            Reader::Condition { stage, block: ConditionBlock::BeforeEntry, .. } => format!(
                "which has not run when this beforeEntry condition is checked (before any action of stage \
                 \"{}\"); a beforeEntry condition can only read the variables of actions of earlier stages",
                stage.name
            ),
            Reader::Condition { stage, .. } => format!(
                "which has not run when this condition is checked (stage \"{}\" runs after stage \"{}\"); an \
                 onSuccess or onFailure condition can only read the variables of actions of earlier stages or of \
                 its own stage",
                declarer.stage.name, stage.name
            ),
        }
    }

    /// Whether the reader is a Source action, which cannot read pipeline
    /// variables.
    fn is_source(self) -> bool {
        matches!(self, Reader::Action(placed) if placed.is_source())
    }
}

/// Checks every variable reference of every action and condition rule.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let location = cx.location(placed);
        for reference in placed.action.variable_references() {
            let field = || location.field(&reference.field);
            check_reference(cx, Reader::Action(placed), (reference.namespace, reference.key), field, out);
        }
    }
    for (stage_index, stage) in cx.declaration.stages.iter().enumerate() {
        for (block, field, condition) in stage_conditions(stage) {
            let reader = Reader::Condition { stage_index, stage, block };
            for (index, rule) in condition.rules.iter().flatten().enumerate() {
                let configuration = rule.configuration.iter().flatten().flat_map(|(key, value)| {
                    value.texts().into_iter().map(move |text| (format!("configuration.{key}"), text))
                });
                let commands = rule.commands.iter().flatten().enumerate().flat_map(|(position, command)| {
                    command.texts().into_iter().map(move |text| (format!("commands[{position}]"), text))
                });
                for (rule_field, text) in configuration.chain(commands) {
                    let location = || cx.stage_location(stage).field(&format!("{field}.rules[{index}].{rule_field}"));
                    for reference in references_in(text) {
                        check_reference(cx, reader, reference, location, out);
                    }
                }
            }
        }
    }
}

/// Checks one reference `#{namespace.key}` that `reader` reads.
fn check_reference(
    cx: &Context<'_>,
    reader: Reader<'_, '_>,
    (namespace, key): (&str, &str),
    location: impl Fn() -> Location,
    out: &mut Vec<Violation>,
) {
    match namespace {
        "codepipeline" => {}
        "variables" => pipeline_variable(cx, reader, key, location(), out),
        _ => action_variable(cx, reader, namespace, key, location(), out),
    }
}

/// `#{variables.NAME}`: a declared pipeline variable, outside Source actions.
fn pipeline_variable(
    cx: &Context<'_>,
    reader: Reader<'_, '_>,
    name: &str,
    location: Location,
    out: &mut Vec<Violation>,
) {
    if reader.is_source() {
        out.push(Violation::new(
            location,
            Rule::PipelineVariableInSource,
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
        Rule::PipelineVariableUndeclared,
        format!("#{{variables.{name}}} names no declared pipeline variable; {known}"),
    ));
}

/// `#{namespace.Key}`: a namespace declared by an action that runs earlier.
fn action_variable(
    cx: &Context<'_>,
    reader: Reader<'_, '_>,
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
    if let Some(declarer) = declarers.iter().find(|declarer| reader.can_read(declarer)) {
        if declarer.is_aws("Commands") {
            commands_variable(declarer, &reference, key, location, out);
            return;
        }
        let provider = catalog::find(&declarer.action.action_type_id);
        if let Some((provider, emitted)) = provider.and_then(|provider| Some((provider, provider.variables?))) {
            if !emitted.contains(&key) {
                out.push(Violation::new(
                    location,
                    Rule::VariableKeyUnknown,
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
            Rule::VariableNamespaceOrder,
            format!(
                "{reference} reads the namespace of {}, {}; {TYPED_HINT}",
                declarer.describe(),
                reader.why_not(declarer)
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
        .filter(|earlier| reader.can_read(earlier))
        .filter_map(|earlier| {
            let namespace = earlier.action.namespace.as_ref()?;
            Some(format!("\"{namespace}\" ({})", earlier.describe()))
        })
        .collect();
    let earlier = if earlier.is_empty() {
        match reader {
            Reader::Action(_) => "no action that runs before this one declares a namespace".to_owned(),
            Reader::Condition { .. } => "no action that runs before this condition declares a namespace".to_owned(),
        }
    } else {
        format!("namespaces of earlier actions: {}", earlier.join(", "))
    };
    out.push(Violation::new(
        location,
        Rule::VariableNamespaceUnknown,
        format!("{reference} names the namespace \"{namespace}\", which no action declares; {earlier}; {TYPED_HINT}"),
    ));
}

/// `#{namespace.Key}` of a Commands action: the key is one of the
/// `outputVariables` it declares, since only those are exported.
fn commands_variable(declarer: &Placed<'_>, reference: &str, key: &str, location: Location, out: &mut Vec<Violation>) {
    let declared: Vec<&Str> = declarer.action.output_variables.iter().flatten().collect();
    if declared.iter().any(|declared| !declared.is_literal() || **declared == key) {
        return;
    }
    let known = if declared.is_empty() {
        "it declares no outputVariables".to_owned()
    } else {
        format!("it declares {}", quoted_list(&declared, "and"))
    };
    out.push(Violation::new(
        location,
        Rule::VariableKeyUndeclared,
        format!(
            "{reference}: the Commands action {} exports only the variables its outputVariables declare, and \"{key}\" \
             is not one of them; {known}; read one of those, or add \"{key}\" with `.output_variables([..])`",
            declarer.describe()
        ),
    ));
}
