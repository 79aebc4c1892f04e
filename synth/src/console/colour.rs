//! Colour for findings: `error` red, `warning` yellow, only on a terminal
//! and only when `NO_COLOR` is unset (or empty, as no-color.org says).

use std::ffi::OsStr;
use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};
use pipewright_dsl::Severity;

/// Whether to colour each output stream.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Colours {
    /// Colour what goes to stdout.
    pub(crate) stdout: bool,
    /// Colour what goes to stderr.
    pub(crate) stderr: bool,
}

impl Colours {
    /// No colour on either stream: output that is not the process's own
    /// streams (tests, buffers).
    pub(crate) const NONE: Colours = Colours { stdout: false, stderr: false };

    /// Colour for the process's stdout and stderr: each is coloured when it
    /// is a terminal and `NO_COLOR` is unset.
    pub(crate) fn of_process() -> Colours {
        let no_color = std::env::var_os("NO_COLOR");
        Colours {
            stdout: wants_colour(std::io::stdout().is_terminal(), no_color.as_deref()),
            stderr: wants_colour(std::io::stderr().is_terminal(), no_color.as_deref()),
        }
    }
}

/// Whether a stream gets colour: it is a terminal and `NO_COLOR` is unset
/// or empty.
fn wants_colour(is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// `line`, a finding printed as text (`error[rule]: ...`, or after a
/// prefix such as the file), with its severity word coloured when `colour`
/// is set.
pub(crate) fn paint_severity(line: &str, severity: Severity, colour: bool) -> String {
    let (word, style) = match severity {
        Severity::Error => ("error", Style::new().fg_color(Some(AnsiColor::Red.into())).bold()),
        Severity::Warning => ("warning", Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold()),
    };
    match line.find(&format!("{word}[")) {
        Some(start) if colour => {
            let end = start + word.len();
            format!("{}{style}{word}{style:#}{}", &line[..start], &line[end..])
        }
        _ => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use pipewright_dsl::Severity;

    use super::{paint_severity, wants_colour};

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(wants_colour(true, None));
        assert!(wants_colour(true, Some(OsStr::new(""))));
        assert!(!wants_colour(true, Some(OsStr::new("1"))));
        assert!(!wants_colour(false, None));
    }

    #[test]
    fn errors_are_red_and_warnings_yellow() {
        assert_eq!(
            paint_severity("error[stage-name]: pipeline \"p\": bad", Severity::Error, true),
            "\u{1b}[1m\u{1b}[31merror\u{1b}[0m[stage-name]: pipeline \"p\": bad"
        );
        assert_eq!(
            paint_severity("a.json: warning[kms-key-arn]: x", Severity::Warning, true),
            "a.json: \u{1b}[1m\u{1b}[33mwarning\u{1b}[0m[kms-key-arn]: x"
        );
        assert_eq!(paint_severity("error[x]: y", Severity::Error, false), "error[x]: y");
    }
}
