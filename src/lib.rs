#![doc = include_str!("../README.md")]
//!
//! # Where things are
//!
//! Each item has one path: the model, the builders and the validation of
//! pipewright-dsl at the crate root and its modules (`pipewright::Pipeline`,
//! `pipewright::actions::CodeBuild`, `pipewright::Rule`), and what writes
//! the output, the command lines and the `testing` helpers under [`synth`]
//! (`pipewright::synth::Synth`, `pipewright::synth::assert_synth_snapshot!`).
//! [`prelude`] is a convenience import of the items a pipeline definition
//! needs, not a second home for them.

pub use pipewright_dsl::*;
pub use pipewright_synth as synth;

/// Everything a program that defines pipelines needs, in one import: the
/// typed builders and actions, and [`synth::App`] / [`synth::Synth`].
pub mod prelude {
    #[doc(no_inline)]
    pub use pipewright_dsl::prelude::*;
    #[doc(no_inline)]
    pub use pipewright_synth::{App, Format, Synth};
}
