//! Synthesizes the pipelines of `src/pipelines.rs` into `pipelines/`.

#[path = "src/pipelines.rs"]
mod pipelines;

use std::io::Write;
use std::process::ExitCode;

use pipewright::prelude::*;

fn main() -> ExitCode {
    count_this_run();
    let pipelines = pipelines::all();
    BuildScript::new().rerun_if_changed("src/pipelines.rs").add_all(&pipelines).run()
}

/// Appends a line to `build-runs.log`, so the tests can tell how often cargo
/// ran this script.
fn count_this_run() {
    let package = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let log = std::path::Path::new(&package).join("build-runs.log");
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(log).expect("open build-runs.log");
    writeln!(file, "run").expect("write build-runs.log");
}
