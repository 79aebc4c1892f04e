//! The command line of the standalone `synth` binary, which works on
//! existing pipeline files and needs no user code.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::assembly::plural;
use crate::cli::{print_totals, print_usage_error};
use crate::exit::{exit_codes_help, Exit};
use crate::explain::{explain, ExplainArgs};
use crate::input::{self, InputError};

/// Checks existing AWS CodePipeline definitions.
#[derive(Debug, Parser)]
#[command(name = "synth", arg_required_else_help = true, after_help = exit_codes_help!())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check pipeline files and print every finding, prefixed with the file.
    ///
    /// Reads create-pipeline or get-pipeline JSON ({"pipeline": {...}}) and
    /// CloudFormation templates (JSON or YAML) with AWS::CodePipeline::Pipeline
    /// resources. Exits with 1 when a file has errors or is not a pipeline,
    /// with 3 when a file cannot be read.
    #[command(after_help = "Examples:
  synth validate pipeline.json
  synth validate out/*/pipeline.json templates/pipeline.yaml")]
    Validate {
        /// The files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Explain a rule code of a finding; without a code, list every rule.
    #[command(after_help = "Examples:
  synth explain plaintext-secret
  synth explain")]
    Explain(ExplainArgs),
}

/// Runs the standalone command line; `args` starts with the program's name.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(Cli { command: Command::Validate { files } }) => validate(&files, stdout, stderr),
        Ok(Cli { command: Command::Explain(args) }) => explain(&args, stdout, stderr),
        Err(error) => print_usage_error(&error, stdout, stderr),
    }
}

fn validate(files: &[PathBuf], stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    let mut exit = Exit::Success;
    let (mut errors, mut warnings) = (0, 0);
    for file in files {
        let pipelines = match input::read_file(file) {
            Ok(pipelines) => pipelines,
            Err(error) => {
                let _ = writeln!(stderr, "error: {error}");
                errors += 1;
                exit = exit.max(match error {
                    InputError::Unreadable { .. } => Exit::Io,
                    InputError::NotAPipeline { .. } => Exit::Invalid,
                });
                continue;
            }
        };
        for read in pipelines {
            let findings = read.pipeline.check();
            for finding in &findings {
                let _ = writeln!(stdout, "{}: {finding}", read.source);
            }
            let file_errors = findings.iter().filter(|finding| finding.is_error()).count();
            let _ = writeln!(
                stdout,
                "{}: pipeline \"{}\": {}, {}",
                read.source,
                read.pipeline.name(),
                plural(file_errors, "error"),
                plural(findings.len() - file_errors, "warning")
            );
            errors += file_errors;
            warnings += findings.len() - file_errors;
            if file_errors > 0 {
                exit = exit.max(Exit::Invalid);
            }
        }
    }
    if files.len() > 1 {
        print_totals(stdout, &plural(files.len(), "file"), errors, warnings);
    }
    exit
}
