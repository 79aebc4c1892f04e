//! The command line of the standalone `synth` binary, which checks and
//! compares existing pipeline files and needs no user code.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use pipewright_dsl::{printable, Pipeline};

use crate::assembly::plural;
use crate::cli::{parse, print_totals};
use crate::console::{Colours, Console, Verbosity, VerbosityFlags};
use crate::diff;
use crate::exit::{exit_codes_help, Exit};
use crate::explain::{explain, ExplainArgs};
use crate::findings::{self, Finding, FindingsFormat};
use crate::graph::{self, GraphFormat};
use crate::import;
use crate::input::{self, FolderFile, InputError, PipelineFile};

/// synth, pipewright's standalone command line: checks, draws and compares
/// existing AWS CodePipeline definitions (pipeline JSON and CloudFormation
/// templates), no Rust code needed.
#[derive(Debug, Parser)]
#[command(name = "synth", version, arg_required_else_help = true, after_help = exit_codes_help!())]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    verbosity: VerbosityFlags,
}

/// The pipeline files a command reads.
#[derive(Debug, Args)]
struct Inputs {
    /// The files to read.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The largest file read, in bytes or with a unit: 512KiB, 256MiB,
    /// 1GiB; a larger file is refused without being read.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    max_file_size: u64,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check pipeline files and print every finding, prefixed with the file.
    ///
    /// Reads create-pipeline or get-pipeline JSON ({"pipeline": {...}}) and
    /// CloudFormation templates (JSON or YAML) with AWS::CodePipeline::Pipeline
    /// resources. A file ending in .json is read as JSON, in .yaml or .yml as
    /// YAML, any other by its first character ({, [ or / for JSON). A
    /// template whose pipeline holds Fn::If around whole values (a stage, an
    /// action) is checked twice, with every condition true and with every
    /// condition false, each reading labelled so. A folder
    /// is read as an output folder of synth: every pipeline file in it is
    /// checked in the Region its manifest.json gives, the other files synth
    /// writes there (manifest, cross-account role templates, events/,
    /// notifications/) are checked for their shape, any other file is
    /// skipped, and a line says which. Exits with 1 when a file has errors,
    /// is not a pipeline, or declares a pipeline that cannot be checked
    /// (inside Fn::ForEach); with 3 when a file cannot be read (missing, not
    /// a regular file, larger than --max-file-size).
    #[command(after_help = "Examples:
  synth validate pipeline.json
  synth validate out/
  synth validate --region eu-west-1 saved/get-pipeline.json
  synth validate out/*/pipeline.json templates/pipeline.yaml
  synth validate --deny-warnings --format json pipeline.json")]
    Validate {
        #[command(flatten)]
        inputs: Inputs,
        /// The Region the pipelines are created in (pipeline JSON does not
        /// say): actions may name it, and actions in other Regions need an
        /// artifact store there. Without it, a folder's manifest gives each
        /// file's Region.
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        /// Treat warnings as errors: any finding exits with 1.
        #[arg(long)]
        deny_warnings: bool,
        /// How to print the findings (json, sarif: one document on stdout).
        #[arg(long, value_enum, default_value_t)]
        format: FindingsFormat,
    },
    /// Draw the pipelines of files: stages, actions, artifacts and variables.
    ///
    /// Prints one diagram of every pipeline in the files, in order (see
    /// `graph` of a pipewright program). Draws nothing when a file cannot be
    /// read as pipelines.
    #[command(after_help = "Examples:
  synth graph pipeline.json
  synth graph --format dot template.yaml | dot -Tsvg > pipeline.svg")]
    Graph {
        #[command(flatten)]
        inputs: Inputs,
        /// The diagram's language.
        #[arg(long, value_enum, default_value_t)]
        format: GraphFormat,
    },
    /// Show what differs between two pipeline files or two output folders,
    /// or between one and the deployed pipelines (--live).
    ///
    /// Pipelines are compared by name, stages and actions by name, in
    /// pipeline words; output folders also compare their rule files
    /// (events/*.json, notifications/*.json). What AWS adds to a
    /// get-pipeline answer (metadata, version, default values, empty lists)
    /// is not a difference.
    #[command(after_help = concat!(
        "Examples:
  synth diff deployed.json out/my-pipeline/pipeline.json
  synth diff old-out/ out/
  synth diff old-out/ out/ --format json
  synth diff --live out/ --profile prod

",
        diff::command::exit_codes_of_diff!()
    ))]
    Diff(diff::command::FilesDiffArgs),
    /// Write existing pipelines as typed Rust that synthesizes them back.
    ///
    /// Reads the same files as `validate` and writes each pipeline as a
    /// function built with pipewright's typed builders: typed actions for
    /// the providers pipewright knows (the escape hatch GenericAction /
    /// GenericSource, with a comment saying why, for the rest), artifacts as
    /// handles, `#{ns.Key}` references as typed variable reads. From a
    /// template it also writes the template's parameters, mappings and conditions and
    /// the EventBridge and notification rules about the pipeline; its other
    /// resources are listed as "not imported: FILE: Resources.NAME: TYPE".
    /// A pipeline resource without Name is written as `Pipeline::unnamed`
    /// (CloudFormation names it), V2 triggers as `p.trigger(..)`.
    /// A pipeline whose actions use roles in other accounts says that those
    /// roles exist (no role template is written for them). By default
    /// the file is a complete program (`fn main` with `App`); with
    /// --function it holds the functions and `pub fn pipelines()`, to
    /// paste into a crate. Without --out the code of all files goes to
    /// stdout; with it each FILE becomes DIR/<file stem>.rs. The code is
    /// formatted with rustfmt when it is on PATH.
    ///
    /// Every validation finding of the input is a comment above what it
    /// concerns and a line on stderr; the exit code is validate's (1 when a
    /// pipeline has an error), and the code is written either way.
    /// What the code does not reproduce is listed on stderr as
    /// "not reproduced: FILE: PATH: why".
    #[command(after_help = "Examples:
  aws codepipeline get-pipeline --name my-pipeline > my-pipeline.json
  synth import my-pipeline.json > src/main.rs
  synth import --function --out src/pipelines/ pipelines/*.json
  synth import template.yaml")]
    Import {
        #[command(flatten)]
        inputs: Inputs,
        /// Write DIR/<file stem>.rs per file instead of printing.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Write functions returning the pipelines instead of a program.
        #[arg(long)]
        function: bool,
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
    run_coloured(args, stdout, stderr, Colours::NONE)
}

/// [`run`], colouring each stream as `colours` says; the binary's `main`
/// passes the process's.
pub fn run_in_terminal<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_coloured(args, stdout, stderr, Colours::of_process())
}

fn run_coloured<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write, colours: Colours) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli: Cli = match parse(args, stdout, stderr) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let console = Console { verbosity: cli.verbosity.verbosity(), colours };
    match cli.command {
        Command::Validate { inputs, region, deny_warnings, format } => {
            let options = ValidateOptions { region, deny_warnings, format };
            validate(&inputs, &options, console, stdout, stderr)
        }
        Command::Graph { inputs, format } => draw(&inputs, format, stdout, stderr),
        Command::Diff(args) => diff::command::run_files(&args, stdout).unwrap_or_else(|failure| {
            let _ = writeln!(stderr, "{}", failure.message);
            failure.exit
        }),
        Command::Explain(args) => explain(&args, stdout, stderr),
        Command::Import { inputs, out, function } => {
            let layout = if function { import::Layout::Function } else { import::Layout::Program };
            let request = import::command::ImportRequest {
                files: &inputs.files,
                max_file_size: inputs.max_file_size,
                out: out.as_deref(),
                layout,
            };
            import::command::run(&request, stdout, stderr)
        }
    }
}

/// Reads `file`; on failure prints why and returns the exit code it calls for.
fn read_or_report(file: &Path, max_file_size: u64, stderr: &mut dyn Write) -> Result<PipelineFile, Exit> {
    input::read_file(file, max_file_size).map_err(|error| {
        let _ = writeln!(stderr, "error: {error}");
        match error {
            InputError::Unreadable { .. } | InputError::NotARegularFile { .. } | InputError::TooLarge { .. } => {
                Exit::Io
            }
            InputError::NotAPipeline { .. } => Exit::Invalid,
        }
    })
}

/// Prints the diagram of every pipeline of every file, or nothing when a
/// file cannot be read or declares a pipeline that cannot be read.
fn draw(inputs: &Inputs, format: GraphFormat, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit {
    let mut exit = Exit::Success;
    let mut pipelines: Vec<Pipeline> = Vec::new();
    for file in &inputs.files {
        match read_or_report(file, inputs.max_file_size, stderr) {
            Ok(read) => {
                for unchecked in &read.unchecked {
                    let _ = writeln!(stderr, "error: {unchecked}");
                    exit = exit.max(Exit::Invalid);
                }
                pipelines.extend(read.pipelines.into_iter().map(|read| read.pipeline));
            }
            Err(failed) => exit = exit.max(failed),
        }
    }
    if exit == Exit::Success {
        let drawn: Vec<&Pipeline> = pipelines.iter().collect();
        let _ = stdout.write_all(graph::render(&drawn, format).as_bytes());
    }
    exit
}

/// A size in bytes (`1048576`) or with a binary unit (`512KiB`, `256MiB`,
/// `1GiB`; `K`, `M`, `G` mean the same).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        _ => return Err(format!("unknown unit `{unit}`; write bytes, or a number with KiB, MiB or GiB")),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|number| number.checked_mul(1 << shift))
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("expected a size such as 256MiB or 1000000, found `{text}`"))
}

/// How `synth validate` checks.
struct ValidateOptions {
    /// The Region of every pipeline, overriding the manifest's.
    region: Option<String>,
    /// Whether warnings fail the run.
    deny_warnings: bool,
    /// How findings are printed.
    format: FindingsFormat,
}

/// What a `synth validate` run found so far.
struct Tally {
    exit: Exit,
    errors: usize,
    warnings: usize,
    /// The pipeline files checked.
    files: usize,
}

impl Tally {
    /// One error that is not a finding: a file that cannot be read or checked.
    fn error(&mut self, exit: Exit) {
        self.errors += 1;
        self.exit = self.exit.max(exit);
    }
}

/// The pipeline files of one command-line argument: the file itself, or
/// for a folder the pipeline files in it, each with the Region the folder's
/// manifest gives it. Prints a line for each other file of a folder
/// (checked or skipped, when `lines`), and counts as an error a broken
/// file, a folder without pipeline files, or one that cannot be listed.
fn pipeline_files(
    argument: &Path,
    max_file_size: u64,
    lines: bool,
    tally: &mut Tally,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Vec<(PathBuf, Option<String>)> {
    if !argument.is_dir() {
        return vec![(argument.to_owned(), None)];
    }
    let folder = match input::read_output_folder(argument, max_file_size) {
        Ok(folder) => folder,
        Err(error) => {
            let _ = writeln!(stderr, "error: {error}");
            tally.error(Exit::Io);
            return Vec::new();
        }
    };
    let shown = |path: &Path| printable(&path.display().to_string()).into_owned();
    let mut files = Vec::new();
    for entry in folder {
        match entry {
            FolderFile::Pipelines { path, region } => files.push((path, region)),
            FolderFile::Checked { path, what, problem: None } if lines => {
                let _ = writeln!(stdout, "{}: checked: {what}", shown(&path));
            }
            FolderFile::Checked { path, what, problem: Some(problem) } => {
                let _ = writeln!(stderr, "error: {}: {what}: {problem}", shown(&path));
                tally.error(Exit::Invalid);
            }
            FolderFile::Skipped { path } if lines => {
                let _ = writeln!(stdout, "{}: skipped: not a file synth writes", shown(&path));
            }
            FolderFile::Checked { .. } | FolderFile::Skipped { .. } => {}
        }
    }
    if files.is_empty() {
        let _ = writeln!(
            stderr,
            "error: {}: the folder holds no pipeline file (pipeline.json, template.json, template.yaml); give a \
             pipeline file or an output folder of synth",
            shown(argument)
        );
        tally.error(Exit::Invalid);
    }
    files
}

fn validate(
    inputs: &Inputs,
    options: &ValidateOptions,
    console: Console,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Exit {
    let text = options.format == FindingsFormat::Text;
    let shows_counts = text && console.verbosity != Verbosity::Quiet;
    let mut tally = Tally { exit: Exit::Success, errors: 0, warnings: 0, files: 0 };
    let mut all_findings = Vec::new();
    for argument in &inputs.files {
        for (file, folder_region) in
            pipeline_files(argument, inputs.max_file_size, shows_counts, &mut tally, stdout, stderr)
        {
            tally.files += 1;
            let read = match read_or_report(&file, inputs.max_file_size, stderr) {
                Ok(read) => read,
                Err(failed) => {
                    tally.error(failed);
                    continue;
                }
            };
            if text && console.verbosity == Verbosity::Verbose {
                let _ = writeln!(
                    stdout,
                    "{}: read {}",
                    printable(&file.display().to_string()),
                    plural(read.pipelines.len(), "pipeline")
                );
            }
            // A pipeline that cannot be checked fails the run as an error does:
            // nothing vouches for it.
            for unchecked in &read.unchecked {
                let _ = writeln!(stderr, "error: {unchecked}");
                tally.error(Exit::Invalid);
            }
            let region = options.region.as_ref().or(folder_region.as_ref());
            for read in read.pipelines {
                let pipeline = match region {
                    Some(region) => read.pipeline.with_region(region.clone()),
                    None => read.pipeline,
                };
                let findings = pipeline.check();
                if text {
                    let listed: Vec<Finding<'_>> =
                        findings.iter().map(|violation| Finding { file: Some(&read.source), violation }).collect();
                    findings::print_text(&listed, stdout, console, console.colours.stdout);
                }
                let file_errors = findings.iter().filter(|finding| finding.is_error()).count();
                if shows_counts {
                    let _ = writeln!(
                        stdout,
                        "{}: pipeline \"{}\": {}, {}",
                        printable(&read.source),
                        printable(&pipeline.name()),
                        plural(file_errors, "error"),
                        plural(findings.len() - file_errors, "warning")
                    );
                }
                tally.errors += file_errors;
                tally.warnings += findings.len() - file_errors;
                tally.exit = tally.exit.max(findings::exit_for(&findings, options.deny_warnings));
                all_findings.push((file.display().to_string(), findings));
            }
        }
    }
    if !text {
        let listed: Vec<Finding<'_>> = all_findings
            .iter()
            .flat_map(|(file, findings)| findings.iter().map(|violation| Finding { file: Some(file), violation }))
            .collect();
        findings::write_document(&listed, options.format, console.verbosity, stdout);
    }
    if shows_counts && tally.files > 1 {
        print_totals(stdout, &plural(tally.files, "file"), tally.errors, tally.warnings);
    }
    tally.exit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DEFAULT_MAX_FILE_SIZE;

    #[test]
    fn sizes_are_bytes_or_binary_units() {
        assert_eq!(parse_size("64MiB"), Ok(DEFAULT_MAX_FILE_SIZE));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("512KiB"), Ok(512 * 1024));
        assert_eq!(parse_size("2 G"), Ok(2 << 30));
        assert_eq!(parse_size("1gib"), Ok(1 << 30));
    }

    #[test]
    fn a_size_that_is_not_one_says_what_is_expected() {
        assert_eq!(
            parse_size("64MB"),
            Err("unknown unit `MB`; write bytes, or a number with KiB, MiB or GiB".to_owned())
        );
        assert_eq!(parse_size("0"), Err("expected a size such as 256MiB or 1000000, found `0`".to_owned()));
        assert_eq!(parse_size("MiB"), Err("expected a size such as 256MiB or 1000000, found `MiB`".to_owned()));
        assert!(parse_size("99999999999999999999GiB").is_err());
    }
}
