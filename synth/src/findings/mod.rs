//! Findings as `validate` prints them: text (one line each, as always),
//! JSON, or SARIF 2.1.0 for code-scanning tools.

mod json;
mod sarif;

use std::io::Write;

use pipewright_dsl::{printable, Violation};

use crate::console::{paint_severity, Console, Verbosity};
use crate::exit::Exit;

/// How `validate` prints its findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FindingsFormat {
    /// One line per finding and a closing count.
    #[default]
    Text,
    /// A JSON array: one object per finding with rule, severity, location,
    /// message (and file, for files read).
    Json,
    /// A SARIF 2.1.0 log, for code-scanning tools.
    Sarif,
}

/// A finding, and the file it was read from when it was.
pub(crate) struct Finding<'a> {
    /// The file given on the command line (`template.yaml > Pipeline` for a
    /// template's resource).
    pub(crate) file: Option<&'a str>,
    /// The finding.
    pub(crate) violation: &'a Violation,
}

/// The exit code of a check: [`Exit::Invalid`] when a finding is an error,
/// or any finding at all with `--deny-warnings`.
pub(crate) fn exit_for(findings: &[Violation], deny_warnings: bool) -> Exit {
    if findings.iter().any(|finding| deny_warnings || finding.is_error()) {
        Exit::Invalid
    } else {
        Exit::Success
    }
}

/// Whether `finding` is printed at this verbosity: `--quiet` prints errors
/// only.
pub(crate) fn shown(finding: &Violation, verbosity: Verbosity) -> bool {
    verbosity != Verbosity::Quiet || finding.is_error()
}

/// Prints each finding shown at this verbosity as a line of text, prefixed
/// with its file when it has one, the severity coloured when `colour` is set.
pub(crate) fn print_text(findings: &[Finding<'_>], out: &mut dyn Write, console: Console, colour: bool) {
    for finding in findings.iter().filter(|finding| shown(finding.violation, console.verbosity)) {
        let line = match finding.file {
            Some(file) => format!("{}: {}", printable(file), printable(&finding.violation.to_string())),
            None => finding.violation.to_string(),
        };
        let _ = writeln!(out, "{}", paint_severity(&line, finding.violation.severity(), colour));
    }
}

/// Writes the findings shown at this verbosity as one JSON document.
pub(crate) fn write_document(
    findings: &[Finding<'_>],
    format: FindingsFormat,
    verbosity: Verbosity,
    out: &mut dyn Write,
) {
    let shown: Vec<&Finding<'_>> = findings.iter().filter(|finding| shown(finding.violation, verbosity)).collect();
    let document = match format {
        FindingsFormat::Text => return,
        FindingsFormat::Json => json::document(&shown),
        FindingsFormat::Sarif => sarif::document(&shown),
    };
    let _ = writeln!(out, "{}", serde_json::to_string_pretty(&document).expect("a JSON value always serializes"));
}
