//! Emitters, the output-folder writer and the `synth` command line of
//! pipewright.
//!
//! - [`Synth`] writes pipelines into an output folder, from a build script or
//!   any code;
//! - [`App`] gives a program that defines pipelines the `synth` command line
//!   (`synth`, `list`, `validate`);
//! - [`emit`] holds one emitter per output form, [`manifest`] describes the
//!   output folder, [`output_folder`] writes it;
//! - [`standalone`] is the command line of the `synth` binary, which checks
//!   existing pipeline files ([`input`] reads them);
//! - `testing` (feature `testing`) snapshots what synth writes, in one line.

mod app;
pub mod assembly;
pub mod cli;
mod console;
pub mod emit;
mod exit;
pub mod findings;
pub mod graph;
pub mod input;
pub mod manifest;
pub mod output_folder;
pub mod standalone;
#[cfg(feature = "testing")]
pub mod testing;

pub use app::App;
pub use assembly::{Report, Synth, SynthError};
pub use emit::Format;
pub use exit::Exit;
