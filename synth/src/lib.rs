//! Emitters, the output-folder writer and the `synth` command line of
//! pipewright.
//!
//! - [`Synth`] writes pipelines into an output folder, from a build script or
//!   any code;
//! - [`App`] gives a program that defines pipelines the `synth` command line
//!   (`synth`, `list`, `validate`);
//! - [`emit`] holds one emitter per output form, [`manifest`] describes the
//!   output folder.

mod app;
pub mod assembly;
pub mod cli;
pub mod emit;
mod exit;
pub mod manifest;

pub use app::App;
pub use assembly::{Report, Synth, SynthError};
pub use emit::Format;
pub use exit::Exit;
