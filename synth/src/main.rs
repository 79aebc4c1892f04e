//! The standalone `synth` binary: checks existing pipeline JSON and
//! CloudFormation templates, no user code needed.

fn main() {}
