//! The command line a program that defines pipelines gets from
//! [`crate::App`]: `synth`, `list`, `validate`, `graph`, `diff` and `explain`.
//!
//! [`run`] is a plain function over arguments and two writers, so the
//! command line can be tested in-process.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use pipewright_dsl::stack::Stack;
use pipewright_dsl::{printable, Location, Pipeline, Violation};

use crate::assembly::{self, plural, Synth, SynthError};
use crate::console::{Colours, Console, Verbosity, VerbosityFlags};
use crate::diff;
use crate::emit::Format;
use crate::exit::{exit_codes_help, Exit};
use crate::explain::{explain, ExplainArgs};
use crate::findings::{self, Finding, FindingsFormat};
use crate::graph::{self, GraphFormat};

/// Synthesizes the AWS CodePipeline pipelines this program defines.
#[derive(Debug, Parser)]
#[command(
    version,
    arg_required_else_help = true,
    after_help = concat!(
        "Examples:\n",
        "  cargo run -- synth                    write every pipeline to out/\n",
        "  cargo run -- synth --out build/pipelines --format yaml\n",
        "  cargo run -- list                     show the pipelines\n",
        "  cargo run -- validate                 check them, write nothing\n",
        "  cargo run -- graph                    draw them as a Mermaid flowchart\n",
        "  cargo run -- diff --live              what would change in the deployed pipelines\n",
        "\n",
        exit_codes_help!()
    ),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    verbosity: VerbosityFlags,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write each pipeline's files and manifest.json to a folder.
    ///
    /// Each pipeline gets a folder named after it (after its logical id when
    /// its name is a CloudFormation expression) with pipeline.json (for the
    /// AWS CLI), its CloudFormation template, its rules and the roles target
    /// accounts need. Every pipeline is validated first; on any error nothing is written.
    /// The output folder is replaced as a whole: it then holds exactly the
    /// pipelines of this run. manifest.json lists every file and the commands
    /// that deploy it, in order.
    #[command(after_help = "Examples:
  cargo run -- synth
  cargo run -- synth --out build/pipelines --format yaml
  cargo run -- synth --pipeline my-pipeline --quiet
  cargo run -- synth --deny-warnings")]
    Synth {
        /// The output folder (created, or replaced if it holds a previous synth's output).
        #[arg(long, value_name = "DIR", default_value = "out")]
        out: PathBuf,
        /// The form of the CloudFormation templates.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Synthesize only this pipeline; repeat for several (default: all). A pipeline
        /// whose name is not a literal is selected by its logical id, as `list` shows.
        #[arg(long = "pipeline", value_name = "NAME")]
        pipelines: Vec<String>,
        /// Treat warnings as errors: any finding fails the run and nothing is written.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// List the pipelines with their stage and action counts.
    ///
    /// Each line starts with what --pipeline selects the pipeline by: its
    /// name, or its logical id when the name is a CloudFormation expression
    /// (then the name follows).
    #[command(after_help = "Example:
  cargo run -- list")]
    List,
    /// Check the pipelines and print every finding; write nothing.
    ///
    /// Exits with 1 when any finding is an error (or, with --deny-warnings,
    /// when there is any finding); warnings alone exit with 0.
    #[command(after_help = "Examples:
  cargo run -- validate
  cargo run -- validate --pipeline my-pipeline
  cargo run -- validate --deny-warnings --format json")]
    Validate {
        /// Check only this pipeline; repeat for several (default: all). A pipeline
        /// whose name is not a literal is selected by its logical id, as `list` shows.
        #[arg(long = "pipeline", value_name = "NAME")]
        pipelines: Vec<String>,
        /// Treat warnings as errors: any finding exits with 1.
        #[arg(long)]
        deny_warnings: bool,
        /// How to print the findings (json, sarif: one document on stdout, nothing else).
        #[arg(long, value_enum, default_value_t)]
        format: FindingsFormat,
    },
    /// Draw the pipelines: stages, actions, artifacts and variables.
    ///
    /// Prints one diagram: a box per pipeline with its stages in order, the
    /// actions of each stage grouped by runOrder, an edge per artifact from
    /// producer to consumer and a dashed edge per variable read from an
    /// earlier action's namespace. Actions in another account or Region are
    /// marked with ↗ and where they run.
    #[command(after_help = "Examples:
  cargo run -- graph
  cargo run -- graph --pipeline my-pipeline --format dot | dot -Tsvg > pipeline.svg")]
    Graph {
        /// Draw only this pipeline; repeat for several (default: all). A pipeline
        /// whose name is not a literal is selected by its logical id, as `list` shows.
        #[arg(long = "pipeline", value_name = "NAME")]
        pipelines: Vec<String>,
        /// The diagram's language.
        #[arg(long, value_enum, default_value_t)]
        format: GraphFormat,
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
    run_coloured((pipelines, &[]), args, stdout, stderr, Colours::NONE)
}

/// [`run`] over the pipelines added alone and the stacks of several
/// pipelines, colouring each stream as `colours` says.
pub(crate) fn run_coloured<I, T>(
    (pipelines, stacks): (&[Pipeline], &[Stack]),
    args: I,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    colours: Colours,
) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli: Cli = match parse(args, stdout, stderr) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let console = Console { verbosity: cli.verbosity.verbosity(), colours };
    let outcome = match cli.command {
        Command::Synth { out, format, pipelines: names, deny_warnings } => select(pipelines, stacks, &names)
            .and_then(|selected| synth(&selected, out, format, deny_warnings, console, stdout, stderr)),
        Command::List => list(pipelines, stacks, stdout),
        Command::Validate { pipelines: names, deny_warnings, format } => select(pipelines, stacks, &names)
            .map(|selected| validate(&selected, deny_warnings, format, console, stdout)),
        Command::Graph { pipelines: names, format } => select(pipelines, stacks, &names).map(|selected| {
            let _ = stdout.write_all(graph::render(&selected.all(), format).as_bytes());
            Exit::Success
        }),
        Command::Diff(args) => select(pipelines, stacks, &args.pipelines).and_then(|selected| {
            diff::command::run_app(&selected.all(), &args, stdout)
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

/// Parses `args` as the command line `C`; when that fails, or for `--help`
/// and `--version`, prints what clap says and returns the exit code.
pub(crate) fn parse<C, I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<C, Exit>
where
    C: Parser,
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    C::try_parse_from(args).map_err(|error| print_usage_error(&error, stdout, stderr))
}

/// Prints a clap error (or the help and version it reports as errors).
fn print_usage_error(error: &clap::Error, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
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

/// The pipelines added alone and the stacks a command works on.
struct Selection<'a> {
    pipelines: Vec<&'a Pipeline>,
    stacks: Vec<&'a Stack>,
}

impl<'a> Selection<'a> {
    /// The pipelines added alone, then those of the stacks.
    fn all(&self) -> Vec<&'a Pipeline> {
        let in_stacks = self.stacks.iter().flat_map(|stack| stack.pipelines());
        self.pipelines.iter().copied().chain(in_stacks).collect()
    }
}

/// The pipelines and stacks named by `--pipeline`, in the order first given
/// (a name given twice selects once); all of them when none is named. A
/// pipeline is named by its folder name ([`Pipeline::folder_name`]): its
/// name when that is a literal, otherwise its logical id; a stack by its
/// name, which selects all its pipelines.
fn select<'a>(pipelines: &'a [Pipeline], stacks: &'a [Stack], names: &[String]) -> Result<Selection<'a>, Failure> {
    let mut selection = Selection { pipelines: Vec::new(), stacks: Vec::new() };
    if names.is_empty() {
        selection.pipelines.extend(pipelines);
        selection.stacks.extend(stacks);
        return Ok(selection);
    }
    for (index, name) in names.iter().enumerate() {
        if names[..index].contains(name) {
            continue;
        }
        if let Some(pipeline) = pipelines.iter().find(|pipeline| pipeline.folder_name() == *name) {
            selection.pipelines.push(pipeline);
        } else if let Some(stack) = stacks.iter().find(|stack| stack.name() == name) {
            selection.stacks.push(stack);
        } else {
            let folders: Vec<String> =
                pipelines.iter().map(|pipeline| printable(&pipeline.folder_name()).into_owned()).collect();
            let mut message = format!(
                "error: --pipeline {}: no pipeline has this name; the pipelines are: {}",
                printable(name),
                folders.join(", ")
            );
            if !stacks.is_empty() {
                let stack_names: Vec<String> =
                    stacks.iter().map(|stack| printable(stack.name()).into_owned()).collect();
                message.push_str(&format!("; the stacks are: {}", stack_names.join(", ")));
            }
            return Err(Failure { exit: Exit::Usage, message });
        }
    }
    Ok(selection)
}

fn synth(
    selected: &Selection<'_>,
    out: PathBuf,
    format: Format,
    deny_warnings: bool,
    console: Console,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Exit, Failure> {
    let synth = selected
        .stacks
        .iter()
        .fold(Synth::new(out).add_all(selected.pipelines.iter().copied()), |synth, stack| synth.add_stack(stack))
        .format(format)
        .deny_warnings(deny_warnings);
    if console.verbosity == Verbosity::Verbose {
        print_checks(&selected.all(), &check(selected), stdout);
    }
    let report = synth.write().map_err(|error| {
        let exit = match error {
            SynthError::Invalid(_) | SynthError::NoPipelines => Exit::Invalid,
            SynthError::NotOutputFolder(_) | SynthError::Io { .. } => Exit::Io,
        };
        let message = match &error {
            SynthError::Invalid(findings) => {
                print_findings(findings, stderr, console, console.colours.stderr);
                assembly::nothing_written(findings)
            }
            _ => format!("error: {error}"),
        };
        Failure { exit, message }
    })?;
    print_findings(&report.warnings, stderr, console, console.colours.stderr);
    if console.verbosity == Verbosity::Quiet {
        return Ok(Exit::Success);
    }
    for file in &report.not_written {
        let _ = writeln!(stderr, "note: {} was not written: {}", file.path, file.reason);
    }
    for file in &report.files {
        let _ = writeln!(stdout, "wrote {}", file.display());
    }
    let _ = writeln!(stdout, "{report}");
    Ok(Exit::Success)
}

/// Prints a line per pipeline: what `--pipeline` selects it by (for a
/// pipeline of a stack, `<stack>/<folder>`; the stack's name selects it),
/// its stage and action counts, and its name when that is not a literal
/// (`Pipeline  2 stages  2 actions  name: !Sub ${AWS::StackName}-pipeline`).
fn list(pipelines: &[Pipeline], stacks: &[Stack], stdout: &mut dyn Write) -> Result<Exit, Failure> {
    let in_stacks = stacks.iter().flat_map(|stack| {
        stack.pipelines().iter().map(move |pipeline| (format!("{}/{}", stack.name(), pipeline.folder_name()), pipeline))
    });
    let listed: Vec<(String, &Pipeline)> = pipelines
        .iter()
        .map(|pipeline| (pipeline.folder_name(), pipeline))
        .chain(in_stacks)
        .map(|(name, pipeline)| (printable(&name).into_owned(), pipeline))
        .collect();
    let width = listed.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0);
    for (name, pipeline) in &listed {
        let stages = &pipeline.declaration().stages;
        let actions: usize = stages.iter().map(|stage| stage.actions.len()).sum();
        let counts = format!("{}  {}", plural(stages.len(), "stage"), plural(actions, "action"));
        match pipeline.declaration().name.as_literal() {
            Some(_) => writeln!(stdout, "{name:<width$}  {counts}"),
            None => writeln!(stdout, "{name:<width$}  {counts}  name: {}", printable(&pipeline.name())),
        }
        .ok();
    }
    Ok(Exit::Success)
}

/// Every finding of the selected pipelines and stacks.
fn check(selected: &Selection<'_>) -> Vec<Violation> {
    let mut findings = assembly::check(&selected.pipelines);
    findings.extend(assembly::check_stacks(&selected.stacks, &selected.pipelines));
    findings
}

fn validate(
    selected: &Selection<'_>,
    deny_warnings: bool,
    format: FindingsFormat,
    console: Console,
    stdout: &mut dyn Write,
) -> Exit {
    let findings = check(selected);
    let pipelines = selected.all();
    if format != FindingsFormat::Text {
        let listed: Vec<Finding<'_>> = findings.iter().map(|violation| Finding { file: None, violation }).collect();
        findings::write_document(&listed, format, console.verbosity, stdout);
        return findings::exit_for(&findings, deny_warnings);
    }
    print_findings(&findings, stdout, console, console.colours.stdout);
    if console.verbosity == Verbosity::Verbose {
        print_checks(&pipelines, &findings, stdout);
    }
    if console.verbosity != Verbosity::Quiet {
        let errors = findings.iter().filter(|finding| finding.is_error()).count();
        print_totals(stdout, &plural(pipelines.len(), "pipeline"), errors, findings.len() - errors);
    }
    findings::exit_for(&findings, deny_warnings)
}

/// Prints, for each pipeline, `checked pipeline "NAME": <n> errors, <m>
/// warnings` (for `--verbose`).
fn print_checks(pipelines: &[&Pipeline], findings: &[Violation], out: &mut dyn Write) {
    for pipeline in pipelines {
        let own = Location::pipeline(&pipeline.declaration().name);
        let own: Vec<&Violation> = findings.iter().filter(|finding| finding.location.is_within(&own)).collect();
        let errors = own.iter().filter(|finding| finding.is_error()).count();
        print_totals(out, &format!("pipeline \"{}\"", printable(&pipeline.name())), errors, own.len() - errors);
    }
}

/// Prints the last line of a check: `checked <what>: <n> errors, <m> warnings`.
pub(crate) fn print_totals(out: &mut dyn Write, checked: &str, errors: usize, warnings: usize) {
    let _ = writeln!(out, "checked {checked}: {}, {}", plural(errors, "error"), plural(warnings, "warning"));
}

/// Prints every finding shown at the console's verbosity on its own line;
/// a finding prints its names escaped and shortened (see [`printable`]), so
/// each is one line.
fn print_findings(findings: &[Violation], out: &mut dyn Write, console: Console, colour: bool) {
    let listed: Vec<Finding<'_>> = findings.iter().map(|violation| Finding { file: None, violation }).collect();
    findings::print_text(&listed, out, console, colour);
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
