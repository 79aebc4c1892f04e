//! Emitters, the output-folder writer and the `synth` command line of
//! pipewright.
//!
//! - [`Synth`] writes pipelines into an output folder from any code;
//!   [`BuildScript`] does it from a `build.rs`, in cargo's words;
//! - [`App`] gives a program that defines pipelines the `synth` command line
//!   (`synth`, `list`, `validate`);
//! - [`emit`] holds one emitter per output form, [`manifest`] describes the
//!   output folder, [`output_folder`] writes it;
//! - [`diff`] compares pipeline definitions (a program's with the deployed
//!   ones, or two files or output folders) in pipeline words;
//! - [`standalone`] is the command line of the `synth` binary, which checks
//!   existing pipeline files ([`input`] reads them);
//! - `testing` (feature `testing`) snapshots what synth writes, in one line.

mod app;
pub mod assembly;
pub mod build_script;
pub mod cli;
pub mod cloud_assembly;
mod console;
pub mod diff;
pub mod emit;
mod exit;
mod explain;
pub mod findings;
pub mod graph;
pub mod import;
pub mod input;
pub mod manifest;
pub mod output_folder;
pub mod standalone;
#[cfg(feature = "testing")]
pub mod testing;

pub use app::App;
pub use assembly::{Report, Synth, SynthError, Update};
pub use build_script::BuildScript;
pub use emit::Format;
pub use exit::Exit;
