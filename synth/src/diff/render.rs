//! A [`Diff`] as text (one line a change, coloured on a terminal) or JSON.

use std::io::{self, IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use pipewright_dsl::printable;
use serde_json::Value;

use super::{Change, ChangeKind, Diff, Place, Status};

/// The form of the diff's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line a change, for people.
    #[default]
    Text,
    /// One JSON document, for programs.
    Json,
}

/// When the text form is coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour what goes to the process's stdout.
    pub fn colours(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
            }
        }
    }
}

const ADDED: Style = AnsiColor::Green.on_default();
const REMOVED: Style = AnsiColor::Red.on_default();
const CHANGED: Style = AnsiColor::Yellow.on_default();
const HEADING: Style = Style::new().bold();

/// Writes `diff` in `format`; text is coloured when `colour` is true.
pub fn write(diff: &Diff, format: DiffFormat, colour: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, diff)?;
            writeln!(out)
        }
        DiffFormat::Text => text(diff, colour, out),
    }
}

/// The text form: a heading for each pipeline that differs and a line for
/// each change (`+` added, `-` removed, `~` changed or moved), or
/// `no differences`.
fn text(diff: &Diff, colour: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = |style: Style, line: &str| if colour { format!("{style}{line}{style:#}") } else { line.to_owned() };
    if !diff.differs {
        return writeln!(out, "no differences");
    }
    for pipeline in &diff.pipelines {
        let name = printable(&pipeline.name);
        match pipeline.status {
            Status::Unchanged => {}
            Status::Added => writeln!(out, "{}", paint(ADDED, &format!("+ pipeline {name} added")))?,
            Status::Removed => writeln!(out, "{}", paint(REMOVED, &format!("- pipeline {name} removed")))?,
            Status::Changed => {
                writeln!(out, "{}", paint(HEADING, &format!("pipeline {name}")))?;
                for change in &pipeline.changes {
                    writeln!(out, "  {}", paint(style_of(&change.kind), &line(change)))?;
                }
            }
        }
    }
    if !diff.rule_files.is_empty() {
        writeln!(out, "{}", paint(HEADING, "rule files"))?;
        for change in &diff.rule_files {
            writeln!(out, "  {}", paint(style_of(&change.kind), &line(change)))?;
        }
    }
    Ok(())
}

fn style_of(kind: &ChangeKind) -> Style {
    match kind {
        ChangeKind::Added => ADDED,
        ChangeKind::Removed => REMOVED,
        _ => CHANGED,
    }
}

/// One change as a line: `+ stage Deploy: action Prod added`,
/// `~ stage Build > action Build: configuration.ProjectName: "a" → "b"`.
pub fn line(change: &Change) -> String {
    let place = place(&change.place);
    match (&change.place, &change.kind) {
        (Place::Action { stage, action }, ChangeKind::Added) => {
            format!("+ stage {}: action {} added", printable(stage), printable(action))
        }
        (Place::Action { stage, action }, ChangeKind::Removed) => {
            format!("- stage {}: action {} removed", printable(stage), printable(action))
        }
        (_, ChangeKind::Added) => format!("+ {place} added"),
        (_, ChangeKind::Removed) => format!("- {place} removed"),
        (_, ChangeKind::Moved { from, to }) => format!("~ {place}: moved from position {from} to {to}"),
        (_, ChangeKind::TransitionDisabled { reason }) => {
            format!("~ {place}: inbound transition disabled ({})", value(Some(&Value::from(reason.as_str()))))
        }
        (_, ChangeKind::TransitionEnabled) => format!("~ {place}: inbound transition enabled"),
        (Place::Pipeline, ChangeKind::Changed { field, old, new }) => {
            format!("~ {field}: {} → {}", value(old.as_ref()), value(new.as_ref()))
        }
        (_, ChangeKind::Changed { field, old, new }) => {
            format!("~ {place}: {field}: {} → {}", value(old.as_ref()), value(new.as_ref()))
        }
    }
}

/// A place in pipeline words: `stage Build > action Build`, `trigger on Source`.
fn place(place: &Place) -> String {
    match place {
        Place::Pipeline => "pipeline".to_owned(),
        Place::Stage { stage } => format!("stage {}", printable(stage)),
        Place::Action { stage, action } => format!("stage {} > action {}", printable(stage), printable(action)),
        Place::Trigger { source_action } => format!("trigger on {}", printable(source_action)),
        Place::Variable { variable } => format!("variable {}", printable(variable)),
        Place::ArtifactStore { region: None } => "artifact store".to_owned(),
        Place::ArtifactStore { region: Some(region) } => format!("artifact store {}", printable(region)),
        Place::RuleFile { file } => format!("rule file {}", printable(file)),
    }
}

/// A value as compact JSON, `(absent)` when a side has none; long values are shortened.
fn value(value: Option<&Value>) -> String {
    match value {
        None => "(absent)".to_owned(),
        Some(value) => printable(&value.to_string()).into_owned(),
    }
}
