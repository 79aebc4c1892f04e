#![doc = include_str!("../README.md")]
//!
//! # Where things are
//!
//! Each item has one home: the model, the builders and the validation of
//! pipewright-dsl at the crate root and its modules (`pipewright::Pipeline`,
//! `pipewright::actions::CodeBuild`, `pipewright::Rule`), and what writes
//! the output and the command lines under [`synth`]
//! (`pipewright::synth::Synth`). [`prelude`] and `testing` are convenience
//! imports of items from those homes, not second homes: the docs list each
//! item once.

pub use pipewright_dsl::*;
pub use pipewright_synth as synth;

/// Everything a program that defines pipelines needs, in one import: the
/// typed builders and actions, and [`synth::App`] / [`synth::Synth`] /
/// [`synth::BuildScript`].
pub mod prelude {
    #[doc(no_inline)]
    pub use pipewright_dsl::prelude::*;
    #[doc(no_inline)]
    pub use pipewright_synth::{App, BuildScript, Format, Synth};
}

/// One-line snapshot tests of what `synth` writes for a pipeline (feature
/// `testing`): `pipewright::testing::assert_synth_snapshot!(pipeline)`. A
/// convenience import of [`synth::testing`] and its macro.
#[cfg(feature = "testing")]
pub mod testing {
    #[doc(no_inline)]
    pub use pipewright_synth::assert_synth_snapshot;
    #[doc(no_inline)]
    pub use pipewright_synth::testing::*;
}
