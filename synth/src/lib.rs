//! Emitters, the output-folder writer and the `synth` command line of
//! pipewright.

pub mod emit;
