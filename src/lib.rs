//! pipewright: AWS CodePipeline as typed Rust.
pub use pipewright_dsl as dsl;
pub use pipewright_dsl::*;
pub use pipewright_synth as synth;
