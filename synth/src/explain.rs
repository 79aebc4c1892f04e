//! `explain CODE`: what a rule checks, like `rustc --explain`. Shared by the
//! command line of [`crate::App`] and the standalone `synth` binary.

use std::io::Write;

use clap::Args;
use pipewright_dsl::{printable, Rule, RuleGroup};

use crate::exit::Exit;

/// The arguments of `explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The rule code of a finding, e.g. artifact-name-unique (default: list every rule).
    #[arg(value_name = "CODE")]
    code: Option<String>,
}

/// Prints the rule named by `args`, or every rule by group when it names
/// none. An unknown code is a usage error.
pub(crate) fn explain(args: &ExplainArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    let Some(code) = &args.code else {
        list(stdout);
        return Exit::Success;
    };
    match Rule::from_code(code) {
        Some(rule) => {
            let _ = writeln!(
                stdout,
                "{}\nseverity: {}\ngroup: {}\n\n{}",
                rule.code(),
                rule.severity(),
                rule.group().title(),
                rule.explanation()
            );
            Exit::Success
        }
        None => {
            let _ = writeln!(
                stderr,
                "error: no rule has the code \"{}\"; run `explain` without a code to list every rule",
                printable(code)
            );
            Exit::Usage
        }
    }
}

/// Every rule under its group: code, severity and explanation.
fn list(stdout: &mut dyn Write) {
    let width = Rule::ALL.iter().map(|rule| rule.code().len()).max().unwrap_or(0);
    for (index, group) in RuleGroup::ALL.iter().enumerate() {
        let _ = writeln!(stdout, "{}{}:", if index > 0 { "\n" } else { "" }, group.title());
        for rule in Rule::ALL.iter().filter(|rule| rule.group() == *group) {
            let _ = writeln!(
                stdout,
                "  {:<width$}  {:<7}  {}",
                rule.code(),
                rule.severity().to_string(),
                rule.explanation()
            );
        }
    }
}
