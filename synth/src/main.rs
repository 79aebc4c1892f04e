//! The standalone `synth` binary: checks existing pipeline JSON and
//! CloudFormation templates, no user code needed. Run `synth --help`.

use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    pipewright_synth::standalone::run_in_terminal(
        std::env::args_os(),
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    )
    .into()
}
