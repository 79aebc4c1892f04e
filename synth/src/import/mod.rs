//! `synth import`: existing pipelines (API JSON, or the pipeline resources
//! of a template with the template's parameters, conditions, and
//! EventBridge and notification rules about the pipeline) as typed Rust
//! that synthesizes back to the same definition.
//!
//! Each pipeline becomes a function built with the typed builders: the typed
//! action of every provider in the table of `providers`, and of the two that
//! `action` writes itself (`Commands`, `CodeDeployToEcs`) (the escape hatch
//! `GenericAction` / `GenericSource`, with a comment saying why, for the
//! rest), artifacts as handles named after the artifact, `#{ns.Key}`
//! references as typed variable reads, and every validation finding as a
//! comment above what it concerns. What the code cannot carry over is
//! listed as a [`Loss`] with its path, never dropped.
//!
//! One concern a file: `naming` (identifiers), `values` (literals and
//! references), `providers` (the typed actions), `scope` (what is bound
//! where), `action` and `pipeline` (the code), `template` (what surrounds
//! a pipeline in its template), `format` (rustfmt), `program` (the file
//! around the functions), `command` (the CLI).

mod action;
pub mod command;
mod format;
mod naming;
mod pipeline;
mod program;
mod providers;
mod scope;
mod template;
mod values;

use std::fmt;

pub use program::{import, import_from_templates, Imported, Layout};
pub use template::{other_resources, pipeline_rules, refers_to};

/// Something of the input the generated code does not reproduce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The JSON path in the pipeline's API form, e.g.
    /// `pipeline.stages[1].actions[0].runOrder`, or in its template for what
    /// surrounds the pipeline there, e.g. `Resources.Rule.Properties.State`.
    pub path: String,
    /// What happens to it, and why.
    pub why: String,
}

impl Loss {
    fn new(path: impl Into<String>, why: impl Into<String>) -> Loss {
        Loss { path: path.into(), why: why.into() }
    }
}

impl fmt::Display for Loss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", pipewright_dsl::printable(&self.path), self.why)
    }
}
