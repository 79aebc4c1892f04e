//! The `diff` subcommands: `cargo run -- diff` of a program's command line
//! (the program's pipelines against the deployed ones) and `synth diff OLD
//! NEW` of the standalone binary (two files or output folders).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args};
use pipewright_dsl::{printable, Pipeline};

use super::live::{self, AwsCliTarget};
use super::render::{self, ColorChoice, DiffFormat};
use super::sources::{read_side, read_with};
use super::{compare, Change, ChangeKind, Definition, Diff, PipelineDiff, Place, Status};
use crate::exit::Exit;

/// Why a diff stopped before comparing: the exit code and what to print.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub exit: Exit,
    /// The message, one line.
    pub message: String,
}

impl Failure {
    /// A failure with this exit code and message.
    pub fn new(exit: Exit, message: String) -> Self {
        Failure { exit, message }
    }
}

/// How the diff is printed.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The form of the output.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    /// Colour the text: auto = when stdout is a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// Where the deployed pipelines come from with `--live`.
#[derive(Debug, Args)]
pub struct LiveArgs {
    /// Ask AWS for each deployed pipeline with `aws codepipeline get-pipeline` (the AWS CLI reads
    /// credentials, AWS_PROFILE, AWS_REGION and AWS_ENDPOINT_URL as always).
    #[arg(long)]
    live: bool,
    /// The AWS CLI profile to use with --live.
    #[arg(long, value_name = "PROFILE")]
    profile: Option<String>,
    /// The Region to ask with --live (default: the pipeline's Region, else the AWS CLI's).
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
}

impl LiveArgs {
    /// The AWS CLI to ask, with --live; a usage error for --profile or --region without it.
    fn target(&self) -> Result<Option<AwsCliTarget>, Failure> {
        if !self.live {
            return match (&self.profile, &self.region) {
                (None, None) => Ok(None),
                _ => Err(Failure::new(Exit::Usage, "error: --profile and --region are options of --live".to_owned())),
            };
        }
        Ok(Some(AwsCliTarget { program: "aws".into(), profile: self.profile.clone(), region: self.region.clone() }))
    }
}

/// The options of a program's `diff`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("deployed_side").required(true).args(["deployed", "live"])))]
pub struct AppDiffArgs {
    /// The deployed pipeline: a file saved from `aws codepipeline get-pipeline --name NAME --output json`.
    #[arg(long, value_name = "FILE")]
    deployed: Option<PathBuf>,
    #[command(flatten)]
    live: LiveArgs,
    /// Compare only this pipeline; repeat for several (default: all; with --deployed, those the file holds).
    /// A pipeline whose name is not a literal is selected by its logical id; --live cannot compare it.
    #[arg(long = "pipeline", value_name = "NAME")]
    pub pipelines: Vec<String>,
    #[command(flatten)]
    output: OutputArgs,
}

/// The options of the standalone `synth diff`.
#[derive(Debug, Args)]
pub struct FilesDiffArgs {
    /// OLD NEW: two pipeline files (pipeline JSON or CloudFormation templates) or two output
    /// folders; with --live, only NEW, compared with the deployed pipelines of the same names.
    #[arg(value_name = "PATH", required = true, num_args = 1..=2)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    live: LiveArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// The help text's examples and exit codes of `diff`, a literal for `concat!`.
macro_rules! exit_codes_of_diff {
    () => {
        "Exit codes:
  0  nothing differs
  1  something differs
  2  the command line is wrong (unknown option, unknown pipeline name)
  3  a file could not be read or holds no pipeline, or the AWS CLI failed"
    };
}
pub(crate) use exit_codes_of_diff;

/// Compares `selected`, the program's pipelines (all of them, or those
/// `--pipeline` named), with the deployed ones and prints the difference.
pub fn run_app(selected: &[&Pipeline], args: &AppDiffArgs, stdout: &mut dyn Write) -> Result<Exit, Failure> {
    let program = selected
        .iter()
        .map(|pipeline| {
            Definition::with_transitions(pipeline)
                .map_err(|message| Failure::new(Exit::Io, format!("error: {message}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let pipelines = match (&args.deployed, args.live.target()?) {
        (_, Some(target)) => {
            if let Some(pipeline) = selected.iter().find(|pipeline| pipeline.declaration().name.as_literal().is_none())
            {
                return Err(usage(&format!(
                    "pipeline \"{}\" is named by CloudFormation ({}), so --live cannot know its deployed name: \
                     save it with `aws codepipeline get-pipeline --name NAME` and pass --deployed FILE",
                    printable(&pipeline.folder_name()),
                    printable(&pipeline.name())
                )));
            }
            against_live(&program, &target)?
        }
        (Some(file), None) => against_file(&program, file, !args.pipelines.is_empty())?,
        (None, None) => return Err(usage("give --deployed FILE or --live")),
    };
    print(&Diff::new(pipelines, Vec::new()), &args.output, stdout)
}

/// The program's pipelines against a saved get-pipeline answer: by name, or
/// the one against the one when the file holds one and one is selected.
fn against_file(program: &[Definition], file: &Path, named: bool) -> Result<Vec<PipelineDiff>, Failure> {
    let deployed = read_with(file, Definition::without_transitions)?;
    let deployed: Vec<Definition> = match program {
        [definition] if deployed.len() == 1 => {
            return Ok(vec![super::pipeline(&deployed[0].clone().or_region(definition.region.clone()), definition)])
        }
        _ => deployed,
    };
    let compared: Vec<PipelineDiff> = program
        .iter()
        .filter_map(|new| deployed.iter().find(|old| old.name == new.name).map(|old| super::pipeline(old, new)))
        .collect();
    if compared.is_empty() || (named && compared.len() < program.len()) {
        return Err(Failure::new(
            Exit::Usage,
            format!(
                "error: --deployed {}: holds the pipelines {}, and none of {} has its name; \
                 pass --pipeline NAME to say which pipeline it is",
                file.display(),
                names(&deployed),
                names(program)
            ),
        ));
    }
    Ok(compared)
}

/// The program's pipelines against what `aws codepipeline get-pipeline`
/// says of each; one not deployed reads as added.
fn against_live(program: &[Definition], target: &AwsCliTarget) -> Result<Vec<PipelineDiff>, Failure> {
    program
        .iter()
        .map(|new| {
            let deployed = live::get_pipeline(target, &new.name, new.region.as_deref())
                .map_err(|message| Failure::new(Exit::Io, message))?;
            Ok(match deployed {
                Some(old) => super::pipeline(&old, new),
                None => PipelineDiff { name: new.name.clone(), status: Status::Added, changes: Vec::new() },
            })
        })
        .collect()
}

/// Compares two files or output folders, or one with the deployed
/// pipelines (`--live`), and prints the difference.
pub fn run_files(args: &FilesDiffArgs, stdout: &mut dyn Write) -> Result<Exit, Failure> {
    let diff = match (args.paths.as_slice(), args.live.target()?) {
        ([new], Some(target)) => Diff::new(against_live(&read_side(new)?.definitions, &target)?, Vec::new()),
        ([old, new], None) => files(old, new)?,
        (_, Some(_)) => return Err(usage("with --live, give one file or output folder: the new side")),
        (_, None) => return Err(usage("give two files or output folders, OLD and NEW (or one with --live)")),
    };
    print(&diff, &args.output, stdout)
}

fn usage(message: &str) -> Failure {
    Failure::new(Exit::Usage, format!("error: {message}"))
}

fn files(old_path: &Path, new_path: &Path) -> Result<Diff, Failure> {
    let (old, new) = (read_side(old_path)?, read_side(new_path)?);
    let pipelines = match (old.definitions.as_slice(), new.definitions.as_slice()) {
        ([old], [new]) if !old_path.is_dir() => vec![super::pipeline(old, new)],
        (old, new) => super::pipelines(old, new),
    };
    let mut rule_files = Vec::new();
    for (file, new_rule) in &new.rule_files {
        let place = Place::RuleFile { file: file.clone() };
        match old.rule_files.get(file) {
            Some(old_rule) => rule_files.extend(compare::documents(&place, old_rule, new_rule)),
            None => rule_files.push(Change::new(place, ChangeKind::Added)),
        }
    }
    for file in old.rule_files.keys().filter(|file| !new.rule_files.contains_key(*file)) {
        rule_files.push(Change::new(Place::RuleFile { file: file.clone() }, ChangeKind::Removed));
    }
    Ok(Diff::new(pipelines, rule_files))
}

fn print(diff: &Diff, output: &OutputArgs, stdout: &mut dyn Write) -> Result<Exit, Failure> {
    render::write(diff, output.format, output.color.colours(), stdout)
        .map_err(|error| Failure::new(Exit::Io, format!("error: cannot write the diff: {error}")))?;
    Ok(if diff.differs { Exit::Invalid } else { Exit::Success })
}

fn names(definitions: &[Definition]) -> String {
    definitions.iter().map(|definition| printable(&definition.name).into_owned()).collect::<Vec<_>>().join(", ")
}
