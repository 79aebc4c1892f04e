//! [`App`]: gives a program that defines pipelines the `synth` command line,
//! the way a CDK app gives `cdk synth`.

use std::ffi::OsString;
use std::io::{self, Write};

use pipewright_dsl::stack::Stack;
use pipewright_dsl::Pipeline;

use crate::cli;
use crate::console::Colours;
use crate::exit::Exit;

/// The pipelines of a program, and the command line that synthesizes them
/// (`synth`, `list`, `validate`; see `--help`).
///
/// ```no_run
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::App;
///
/// fn main() -> std::process::ExitCode {
///     let pipeline = Pipeline::build("my-pipeline", |p| {
///         p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///         p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
///         let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
///         p.stage("Build", |s| {
///             s.add(CodeBuild::new("Build", "my-project", source.artifact()));
///         });
///     });
///     App::new().pipeline(pipeline).run()
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct App {
    pipelines: Vec<Pipeline>,
    stacks: Vec<Stack>,
}

impl App {
    /// An app with no pipelines yet.
    pub fn new() -> Self {
        App::default()
    }

    /// Adds a pipeline.
    pub fn pipeline(mut self, pipeline: Pipeline) -> Self {
        self.pipelines.push(pipeline);
        self
    }

    /// Adds several pipelines.
    pub fn pipelines(mut self, pipelines: impl IntoIterator<Item = Pipeline>) -> Self {
        self.pipelines.extend(pipelines);
        self
    }

    /// Adds a stack: several pipelines in one template (see
    /// [`Synth::add_stack`](crate::Synth::add_stack)); `--pipeline` selects
    /// it by its name.
    pub fn stack(mut self, stack: Stack) -> Self {
        self.stacks.push(stack);
        self
    }

    /// The stacks, in the order they were added.
    pub fn stacks(&self) -> &[Stack] {
        &self.stacks
    }

    /// The pipelines, in the order they were added.
    pub fn definitions(&self) -> &[Pipeline] {
        &self.pipelines
    }

    /// Runs the command line with the process's arguments, printing to the
    /// process's stdout and stderr (findings coloured on a terminal unless
    /// `NO_COLOR` is set); return it from `main`.
    pub fn run(self) -> std::process::ExitCode {
        let colours = Colours::of_process();
        let exit = cli::run_coloured(
            (&self.pipelines, &self.stacks),
            std::env::args_os(),
            &mut io::stdout().lock(),
            &mut io::stderr().lock(),
            colours,
        );
        exit.into()
    }

    /// Runs the command line with the given arguments (the first is the
    /// program's name) and writers; for tests.
    pub fn run_with<I, T>(&self, args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        cli::run_coloured((&self.pipelines, &self.stacks), args, stdout, stderr, Colours::NONE)
    }
}
