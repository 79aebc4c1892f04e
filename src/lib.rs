#![doc = include_str!("../README.md")]

pub use pipewright_dsl as dsl;
pub use pipewright_dsl::*;
pub use pipewright_synth as synth;

/// Everything a program that defines pipelines needs, in one import: the
/// typed builders and actions, and [`synth::App`] / [`synth::Synth`] /
/// [`synth::BuildScript`].
pub mod prelude {
    pub use pipewright_dsl::prelude::*;
    pub use pipewright_synth::{App, BuildScript, Format, Synth};
}

/// One-line snapshot tests of what `synth` writes for a pipeline (feature
/// `testing`): `pipewright::testing::assert_synth_snapshot!(pipeline)`.
#[cfg(feature = "testing")]
pub mod testing {
    pub use pipewright_synth::assert_synth_snapshot;
    pub use pipewright_synth::testing::*;
}
