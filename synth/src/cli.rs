//! The command line a program that defines pipelines gets from
//! [`crate::App`]: `synth`, `list`, `validate`, `diff` and `explain`.
//!
//! [`run`] is a plain function over arguments and two writers, so the
//! command line can be tested in-process.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use pipewright_dsl::{printable, Pipeline, Violation};

use crate::assembly::{self, plural, Synth, SynthError};
use crate::diff;
use crate::emit::Format;
use crate::exit::{exit_codes_help, Exit};
use crate::explain::{explain, ExplainArgs};

/// Synthesizes the AWS CodePipeline pipelines this program defines.
#[derive(Debug, Parser)]
#[command(
    arg_required_else_help = true,
    after_help = concat!(
        "Examples:\n",
        "  cargo run -- synth                    write every pipeline to out/\n",
        "  cargo run -- synth --out build/pipelines --format yaml\n",
        "  cargo run -- list                     show the pipelines\n",
        "  cargo run -- validate                 check them, write nothing\n",
        "  cargo run -- diff --live              what would change in the deployed pipelines\n",
        "\n",
        exit_codes_help!()
    ),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write each pipeline's files and manifest.json to a folder.
    ///
    /// Each pipeline gets a folder named after it with pipeline.json (for the
    /// AWS CLI), its CloudFormation template, its rules and the roles target
    /// accounts need. Every pipeline is validated first; on any error nothing is written.
    /// The output folder is replaced as a whole: it then holds exactly the
    /// pipelines of this run. manifest.json lists every file and the commands
    /// that deploy it, in order.
    #[command(after_help = "Examples:
  cargo run -- synth
  cargo run -- synth --out build/pipelines --format yaml
  cargo run -- synth --pipeline my-pipeline --quiet")]
    Synth {
        /// The output folder (created, or replaced if it holds a previous synth's output).
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// The form of the CloudFormation templates.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Synthesize only this pipeline; repeat for several (default: all).
        #[arg(long = "pipeline", value_name = "NAME")]
        pipelines: Vec<String>,
        /// Print no progress; findings and errors are still printed.
        #[arg(long, short)]
        quiet: bool,
    },
    /// List the pipelines with their stage and action counts.
    #[command(after_help = "Example:
  cargo run -- list")]
    List,
    /// Check the pipelines and print every finding; write nothing.
    ///
    /// Exits with 1 when any finding is an error; warnings alone exit with 0.
    #[command(after_help = "Examples:
  cargo run -- validate
  cargo run -- validate --pipeline my-pipeline")]
    Validate {
        /// Check only this pipeline; repeat for several (default: all).
        #[arg(long = "pipeline", value_name = "NAME")]
        pipelines: Vec<String>,
    },
    /// Show what would change in the deployed pipelines, in pipeline words.
    ///
    /// Compares each pipeline of this program with the deployed one: a file
    /// saved from `aws codepipeline get-pipeline`, or (--live) what the AWS
    /// CLI returns now. What AWS adds on its own (metadata, version, default
    /// values, empty lists) is not a difference. Disabled transitions are not
    /// compared: get-pipeline does not return them.
    #[command(after_help = concat!(
        "Examples:
  aws codepipeline get-pipeline --name my-pipeline --output json > deployed.json
  cargo run -- diff --deployed deployed.json
  cargo run -- diff --live --profile prod --region eu-west-1
  cargo run -- diff --live --pipeline my-pipeline --format json

",
        diff::command::exit_codes_of_diff!()
    ))]
    Diff(diff::command::AppDiffArgs),
    /// Explain a rule code of a finding; without a code, list every rule.
    #[command(after_help = "Examples:
  cargo run -- explain plaintext-secret
  cargo run -- explain")]
    Explain(ExplainArgs),
}

/// Runs the command line over `pipelines`. `args` starts with the program's
/// name, as `std::env::args_os()` does. Progress and results go to `stdout`,
/// errors and findings of `synth` to `stderr`.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::{cli, Exit};
///
/// let pipeline = Pipeline::build("my-pipeline", |p| {
///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
///     p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "my-project", source.artifact()));
///     });
/// });
/// let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
/// let exit = cli::run(&[pipeline], ["app", "list"], &mut stdout, &mut stderr);
/// assert_eq!(exit, Exit::Success);
/// assert_eq!(String::from_utf8(stdout).unwrap(), "my-pipeline  2 stages  2 actions\n");
/// ```
pub fn run<I, T>(pipelines: &[Pipeline], args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return print_usage_error(&error, stdout, stderr),
    };
    let outcome = match cli.command {
        Command::Synth { out, format, pipelines: names, quiet } => {
            select(pipelines, &names).and_then(|selected| synth(&selected, out, format, quiet, stdout, stderr))
        }
        Command::List => list(pipelines, stdout),
        Command::Validate { pipelines: names } => {
            select(pipelines, &names).and_then(|selected| validate(&selected, stdout))
        }
        Command::Diff(args) => select(pipelines, &args.pipelines).and_then(|selected| {
            diff::command::run_app(&selected, &args, stdout)
                .map_err(|failure| Failure { exit: failure.exit, message: failure.message })
        }),
        Command::Explain(args) => return explain(&args, stdout, stderr),
    };
    match outcome {
        Ok(exit) => exit,
        Err(Failure { exit, message }) => {
            let _ = writeln!(stderr, "{message}");
            exit
        }
    }
}

/// Why a command stopped: the exit code and what to print.
struct Failure {
    exit: Exit,
    message: String,
}

/// Prints a clap error (or the help and version it reports as errors).
pub(crate) fn print_usage_error(error: &clap::Error, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    use clap::error::ErrorKind;
    let text = error.render().to_string();
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(stdout, "{text}");
            Exit::Success
        }
        _ => {
            let _ = write!(stderr, "{text}");
            Exit::Usage
        }
    }
}

/// The pipelines named by `--pipeline`, in the order given; all of them when
/// none is named.
fn select<'a>(pipelines: &'a [Pipeline], names: &[String]) -> Result<Vec<&'a Pipeline>, Failure> {
    if names.is_empty() {
        return Ok(pipelines.iter().collect());
    }
    names
        .iter()
        .map(|name| {
            pipelines.iter().find(|pipeline| pipeline.name() == *name).ok_or_else(|| Failure {
                exit: Exit::Usage,
                message: format!(
                    "error: --pipeline {}: no pipeline has this name; the pipelines are: {}",
                    printable(name),
                    pipelines
                        .iter()
                        .map(|pipeline| printable(&pipeline.name()).into_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        })
        .collect()
}

fn synth(
    pipelines: &[&Pipeline],
    out: PathBuf,
    format: Format,
    quiet: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Exit, Failure> {
    let report = Synth::new(out).add_all(pipelines.iter().copied()).format(format).write().map_err(|error| {
        let exit = match error {
            SynthError::Invalid(_) | SynthError::NoPipelines => Exit::Invalid,
            SynthError::NotOutputFolder(_) | SynthError::Io { .. } => Exit::Io,
        };
        let message = match error {
            SynthError::Invalid(_) => error.to_string(),
            _ => format!("error: {error}"),
        };
        Failure { exit, message }
    })?;
    print_findings(&report.warnings, stderr);
    for file in &report.not_written {
        let _ = writeln!(stderr, "note: {} was not written: {}", file.path, file.reason);
    }
    if !quiet {
        for file in &report.files {
            let _ = writeln!(stdout, "wrote {}", file.display());
        }
        let _ = writeln!(stdout, "{report}");
    }
    Ok(Exit::Success)
}

fn list(pipelines: &[Pipeline], stdout: &mut dyn Write) -> Result<Exit, Failure> {
    let names: Vec<String> = pipelines.iter().map(|pipeline| printable(&pipeline.name()).into_owned()).collect();
    let width = names.iter().map(|name| name.chars().count()).max().unwrap_or(0);
    for (pipeline, name) in pipelines.iter().zip(&names) {
        let stages = &pipeline.declaration().stages;
        let actions: usize = stages.iter().map(|stage| stage.actions.len()).sum();
        let _ = writeln!(stdout, "{name:<width$}  {}  {}", plural(stages.len(), "stage"), plural(actions, "action"));
    }
    Ok(Exit::Success)
}

fn validate(pipelines: &[&Pipeline], stdout: &mut dyn Write) -> Result<Exit, Failure> {
    let findings = assembly::check(pipelines);
    print_findings(&findings, stdout);
    let errors = findings.iter().filter(|finding| finding.is_error()).count();
    print_totals(stdout, &plural(pipelines.len(), "pipeline"), errors, findings.len() - errors);
    Ok(if errors > 0 { Exit::Invalid } else { Exit::Success })
}

/// Prints the last line of a check: `checked <what>: <n> errors, <m> warnings`.
pub(crate) fn print_totals(out: &mut dyn Write, checked: &str, errors: usize, warnings: usize) {
    let _ = writeln!(out, "checked {checked}: {}, {}", plural(errors, "error"), plural(warnings, "warning"));
}

/// Prints every finding on its own line; a finding prints its names
/// escaped and shortened (see [`printable`]), so each is one line.
pub(crate) fn print_findings(findings: &[Violation], out: &mut dyn Write) {
    for finding in findings {
        let _ = writeln!(out, "{finding}");
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
