//! What both command lines share about printing: how much to print
//! (`-q/--quiet`, `-v/--verbose`) and whether to colour it.

mod colour;

use clap::Args;

pub(crate) use colour::{paint_severity, Colours};

/// `-q/--quiet` and `-v/--verbose`, accepted before or after the command.
#[derive(Debug, Args)]
pub(crate) struct VerbosityFlags {
    /// Print only errors; the exit code tells the rest.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print each check (each pipeline with its counts, each file read)
    /// besides what is printed by default.
    #[arg(long, short, global = true)]
    verbose: bool,
}

/// How much a command prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verbosity {
    /// Only errors.
    Quiet,
    /// What the command always printed.
    Normal,
    /// Also each check.
    Verbose,
}

impl VerbosityFlags {
    /// The verbosity the flags ask for.
    pub(crate) fn verbosity(&self) -> Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}

/// How a command prints: how much, and whether each stream is coloured.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Console {
    /// How much to print.
    pub(crate) verbosity: Verbosity,
    /// Whether to colour stdout and stderr.
    pub(crate) colours: Colours,
}
