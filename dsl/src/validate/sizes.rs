//! Value sizes and list lengths: configuration keys and values, commands,
//! environment variables, output variables, output files and pipeline
//! variables.

use super::context::{ActionLocation, Context};
use super::pattern::{length_problem, length_range};
use crate::model::Str;
use crate::{Rule, Violation};

/// Most pipeline-level variables.
const MAX_VARIABLES: usize = 50;

/// A list field: how many entries it may have and how long each may be.
struct ListLimits {
    /// The rule code.
    rule: Rule,
    /// Fewest and most entries.
    entries: (usize, usize),
    /// Fewest and most characters per entry.
    length: (usize, usize),
}

/// `commands`.
const COMMANDS: ListLimits = ListLimits { rule: Rule::CommandsSize, entries: (1, 50), length: (1, 1000) };
/// `outputVariables`.
const OUTPUT_VARIABLES: ListLimits = ListLimits { rule: Rule::OutputVariablesSize, entries: (1, 15), length: (1, 128) };
/// `outputArtifacts[].files`.
const OUTPUT_FILES: ListLimits = ListLimits { rule: Rule::OutputFilesSize, entries: (1, 10), length: (1, 128) };
/// `environmentVariables` (the length is the value's).
const ENVIRONMENT_VARIABLES: ListLimits =
    ListLimits { rule: Rule::EnvironmentVariablesSize, entries: (1, 10), length: (1, 2000) };

/// Checks the sizes of every value and list that has a limit.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let action = placed.action;
        let location = cx.location(placed);
        for (key, value) in action.configuration.iter().flatten() {
            let field = || location.field(&format!("configuration.{key}"));
            if let Some(problem) = length_problem(key, 1, 50) {
                out.push(Violation::new(
                    field(),
                    Rule::ConfigurationKeyLength,
                    format!("the configuration key \"{key}\" {problem}; use 1 to 50 characters"),
                ));
            }
            if let Some(problem) = value.as_literal().and_then(|text| length_problem(text, 1, 1000)) {
                out.push(Violation::new(
                    field(),
                    Rule::ConfigurationValueLength,
                    format!(
                        "the value of {key} {problem}; use 1 to 1000 characters (references like #{{ns.Key}} count \
                         as written), or leave the key out"
                    ),
                ));
            }
        }
        if let Some(commands) = &action.commands {
            list(location, "commands", &COMMANDS, commands.iter().map(|command| ("command", command)), out);
        }
        if let Some(names) = &action.output_variables {
            let entries = names.iter().map(|name| ("output variable name", name));
            list(location, "outputVariables", &OUTPUT_VARIABLES, entries, out);
        }
        for (index, output) in action.output_artifacts.iter().flatten().enumerate() {
            if let Some(files) = &output.files {
                let field = format!("outputArtifacts[{index}].files");
                list(location, &field, &OUTPUT_FILES, files.iter().map(|file| ("file pattern", file)), out);
            }
        }
        if let Some(variables) = &action.environment_variables {
            let entries = variables.iter().map(|variable| ("environment variable value", &variable.value));
            list(location, "environmentVariables", &ENVIRONMENT_VARIABLES, entries, out);
        }
    }
    pipeline_variables(cx, out);
}

/// The entry count of a list and the length of each entry.
fn list<'v>(
    location: ActionLocation<'_>,
    field: &str,
    limits: &ListLimits,
    entries: impl ExactSizeIterator<Item = (&'static str, &'v Str)>,
    out: &mut Vec<Violation>,
) {
    let (min, max) = limits.entries;
    let count = entries.len();
    if !(min..=max).contains(&count) {
        out.push(Violation::new(
            location.field(field),
            limits.rule,
            format!("{field} has {count} entries; give {min} to {max}, or leave {field} out"),
        ));
    }
    let (min, max) = limits.length;
    for (index, (what, entry)) in entries.enumerate() {
        let Some(problem) = entry.as_literal().and_then(|text| length_problem(text, min, max)) else { continue };
        out.push(Violation::new(
            location.field(&format!("{field}[{index}]")),
            limits.rule,
            format!("the {what} {problem}; use {}", length_range(min, max)),
        ));
    }
}

/// At most 50 pipeline variables; defaults of 1..1000 and descriptions of at
/// most 200 characters.
fn pipeline_variables(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let variables = cx.declaration.variables.as_deref().unwrap_or_default();
    if variables.len() > MAX_VARIABLES {
        out.push(Violation::new(
            cx.pipeline_location().field("variables"),
            Rule::VariablesSize,
            format!("the pipeline declares {} variables; a pipeline has at most {MAX_VARIABLES}", variables.len()),
        ));
    }
    for (index, variable) in variables.iter().enumerate() {
        let fields = [
            ("defaultValue", variable.default_value.as_ref(), 1, 1000),
            ("description", variable.description.as_ref(), 0, 200),
        ];
        for (field, value, min, max) in fields {
            let Some(problem) = value.and_then(Str::as_literal).and_then(|text| length_problem(text, min, max)) else {
                continue;
            };
            out.push(Violation::new(
                cx.pipeline_location().field(&format!("variables[{index}].{field}")),
                Rule::VariablesSize,
                format!("the {field} of variable \"{}\" {problem}; use {}", variable.name, length_range(min, max)),
            ));
        }
    }
}
