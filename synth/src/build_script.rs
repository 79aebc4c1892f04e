//! Synthesizing pipelines from a `build.rs`, in cargo's words.
//!
//! ```no_run
//! // build.rs
//! use pipewright_dsl::prelude::*;
//! use pipewright_synth::BuildScript;
//!
//! fn main() -> std::process::ExitCode {
//!     let pipeline = Pipeline::build("my-pipeline", |p| {
//!         p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!         p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
//!         let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//!         p.stage("Build", |s| {
//!             s.add(CodeBuild::new("Build", "my-project", source.artifact()));
//!         });
//!     });
//!     BuildScript::new().add(&pipeline).run()
//! }
//! ```
//!
//! [`BuildScript::run`] synthesizes into `pipelines/` beside the package's
//! `Cargo.toml` (or the folder given to [`BuildScript::out_dir`]) and speaks
//! to cargo:
//!
//! - `cargo::rerun-if-changed=build.rs`, and one such line for every path
//!   given to [`BuildScript::rerun_if_changed`], so cargo runs the script
//!   again only when the files that define the pipelines change (without
//!   these lines cargo runs it again whenever any file of the package
//!   changes);
//! - one `cargo::warning=` line for each warning of the pipelines;
//! - when a file changed, one `cargo::warning=` line that says how many and
//!   where; nothing when the output was already up to date (cargo shows a
//!   script's warnings again on every build until the script runs again,
//!   and only for the packages of the workspace and path dependencies);
//! - when a pipeline has errors, one `cargo::error=` line for each, and the
//!   build fails; nothing is written then.
//!
//! Files whose bytes did not change are not rewritten and keep the time
//! they were last modified ([`crate::Synth::update`]).
//!
//! The default folder is in the package rather than in cargo's `OUT_DIR`
//! because its files are what a deploy runs (`aws codepipeline
//! create-pipeline --cli-input-json file://pipelines/...`) and what a
//! review reads: `OUT_DIR` is a hashed folder under `target/` that changes
//! with the profile and the compiler. A crate that is published must not
//! write outside `OUT_DIR` while it builds (`cargo package` checks it);
//! such a crate passes a folder under `OUT_DIR` to
//! [`BuildScript::out_dir`]
//! (`Path::new(&std::env::var("OUT_DIR")?).join("pipelines")`).

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pipewright_dsl::{Pipeline, Violation};

use crate::assembly::{plural, Synth, SynthError};
use crate::emit::Format;

/// The output folder of a [`BuildScript`] unless one is given, relative to
/// the package's root (the folder of its `Cargo.toml`).
pub const DEFAULT_OUT_DIR: &str = "pipelines";

/// The file cargo runs a build script from; always watched.
const BUILD_SCRIPT: &str = "build.rs";

/// Synthesizes pipelines from a `build.rs`; see the [module
/// documentation](self).
#[derive(Clone, Debug)]
pub struct BuildScript<'a> {
    pipelines: Vec<&'a Pipeline>,
    out_dir: PathBuf,
    watched: Vec<PathBuf>,
    format: Format,
}

/// What a build script tells cargo: the lines to print, and whether the
/// build may go on.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Directives {
    /// `cargo::...` lines, in the order they are printed.
    pub lines: Vec<String>,
    /// `false` when nothing was written because of an error; the build fails.
    pub success: bool,
}

impl Default for BuildScript<'_> {
    fn default() -> Self {
        BuildScript::new()
    }
}

impl<'a> BuildScript<'a> {
    /// A build script that writes into [`DEFAULT_OUT_DIR`], watches
    /// `build.rs`, and writes templates in JSON.
    pub fn new() -> Self {
        BuildScript {
            pipelines: Vec::new(),
            out_dir: PathBuf::from(DEFAULT_OUT_DIR),
            watched: vec![PathBuf::from(BUILD_SCRIPT)],
            format: Format::Json,
        }
    }

    /// The output folder; a relative path is taken from the package's root.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = dir.into();
        self
    }

    /// Runs the script again when `path` changes: a file, or a folder (any
    /// file in it), relative to the package's root. Name the files that
    /// define the pipelines and that the script reads while it runs
    /// (modules compiled into `build.rs` with `#[path]` rebuild the script,
    /// and so run it again, anyway).
    pub fn rerun_if_changed(mut self, path: impl Into<PathBuf>) -> Self {
        self.watched.push(path.into());
        self
    }

    /// The form of the CloudFormation templates.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Adds a pipeline.
    #[allow(clippy::should_implement_trait, reason = "`BuildScript::new().add(&pipeline)` reads as intended")]
    pub fn add(mut self, pipeline: &'a Pipeline) -> Self {
        self.pipelines.push(pipeline);
        self
    }

    /// Adds several pipelines.
    pub fn add_all(mut self, pipelines: impl IntoIterator<Item = &'a Pipeline>) -> Self {
        self.pipelines.extend(pipelines);
        self
    }

    /// Synthesizes, prints what cargo needs to know (see the [module
    /// documentation](self)) and returns the build script's exit code:
    /// failure when nothing could be written.
    pub fn run(&self) -> ExitCode {
        let directives = self.directives(env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).as_deref());
        for line in &directives.lines {
            println!("{line}");
        }
        if directives.success {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    /// Synthesizes into the output folder, a relative one taken from
    /// `package_root` (cargo gives it to build scripts as
    /// `CARGO_MANIFEST_DIR`), and returns what [`BuildScript::run`] prints.
    pub fn directives(&self, package_root: Option<&Path>) -> Directives {
        let mut lines: Vec<String> =
            self.watched.iter().map(|path| format!("cargo::rerun-if-changed={}", path.display())).collect();
        let success = match self.synthesize(package_root) {
            Ok(update) => {
                lines.extend(update.report.warnings.iter().map(|warning| directive("warning", warning)));
                if !update.changed.is_empty() {
                    lines.push(directive(
                        "warning",
                        format!(
                            "pipewright: wrote {} of {} for {} to {}",
                            plural(update.changed.len(), "changed file"),
                            plural(update.report.files.len(), "file"),
                            plural(update.report.pipelines, "pipeline"),
                            update.report.dir.display()
                        ),
                    ));
                }
                true
            }
            Err(error) => {
                lines.extend(failure_lines(&error));
                false
            }
        };
        Directives { lines, success }
    }

    /// Resolves the output folder and updates it.
    fn synthesize(&self, package_root: Option<&Path>) -> Result<crate::Update, BuildScriptError> {
        let dir = match (self.out_dir.is_absolute(), package_root) {
            (true, _) => self.out_dir.clone(),
            (false, Some(root)) => root.join(&self.out_dir),
            (false, None) => return Err(BuildScriptError::NoPackageRoot(self.out_dir.clone())),
        };
        Ok(Synth::new(dir).add_all(self.pipelines.iter().copied()).format(self.format).update()?)
    }
}

/// Why a build script wrote nothing.
#[derive(Debug, thiserror::Error)]
enum BuildScriptError {
    /// The output folder is relative and cargo gave no package root.
    #[error(
        "the output folder {} is relative to the package's root, which cargo gives build scripts as \
         CARGO_MANIFEST_DIR, but it is not set: run this from build.rs, or give an absolute folder to `out_dir`",
        .0.display()
    )]
    NoPackageRoot(PathBuf),
    /// Synthesis failed.
    #[error(transparent)]
    Synth(#[from] SynthError),
}

/// The lines that fail the build: every finding on its own line (errors
/// as `cargo::error=`, warnings as `cargo::warning=`), or the error's
/// message, then what happened to the output.
fn failure_lines(error: &BuildScriptError) -> Vec<String> {
    let mut lines = Vec::new();
    match error {
        BuildScriptError::Synth(SynthError::Invalid(findings)) => {
            lines.extend(findings.iter().map(finding_line));
            let errors = findings.iter().filter(|finding| finding.is_error()).count();
            lines.push(directive(
                "error",
                format!("pipewright: {} in the pipelines; nothing was written", plural(errors, "error")),
            ));
        }
        other => lines.extend(other.to_string().lines().map(|line| directive("error", format!("pipewright: {line}")))),
    }
    lines
}

/// A finding as the cargo directive of its severity.
fn finding_line(finding: &Violation) -> String {
    directive(if finding.is_error() { "error" } else { "warning" }, finding)
}

/// `cargo::<kind>=<message>`, on one line: line breaks in the message are
/// written as `\n` (cargo ends a directive at the line's end).
fn directive(kind: &str, message: impl ToString) -> String {
    let message = message.to_string().replace('\r', "\\r").replace('\n', "\\n");
    format!("cargo::{kind}={message}")
}

#[cfg(test)]
mod tests {
    use pipewright_dsl::prelude::*;

    use super::{directive, BuildScript};

    fn pipeline(role: bool) -> Pipeline {
        Pipeline::build("app", |p| {
            p.region("us-east-1");
            if role {
                p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
            }
            p.artifact_store(ArtifactStore::s3("app-artifacts"));
            let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
            p.stage("Build", |s| {
                s.add(CodeBuild::new("Build", "app-build", source.artifact()));
            });
        })
    }

    #[test]
    fn a_relative_folder_is_taken_from_the_package_root_and_a_second_run_is_quiet() {
        let root = tempfile::tempdir().unwrap();
        let pipeline = pipeline(true);
        let script = BuildScript::new().rerun_if_changed("src/pipelines/").add(&pipeline);
        let first = script.directives(Some(root.path()));
        assert!(first.success);
        assert_eq!(
            first.lines,
            [
                "cargo::rerun-if-changed=build.rs".to_owned(),
                "cargo::rerun-if-changed=src/pipelines/".to_owned(),
                format!(
                    "cargo::warning=pipewright: wrote 3 changed files of 3 files for 1 pipeline to {}",
                    root.path().join("pipelines").display()
                ),
            ]
        );
        assert!(root.path().join("pipelines/app/pipeline.json").is_file());
        let second = script.directives(Some(root.path()));
        assert_eq!(second.lines, first.lines[..2]);
    }

    #[test]
    fn errors_fail_the_build_one_line_each() {
        let root = tempfile::tempdir().unwrap();
        let pipeline = pipeline(false);
        let directives = BuildScript::new().add(&pipeline).directives(Some(root.path()));
        assert!(!directives.success);
        assert_eq!(directives.lines[0], "cargo::rerun-if-changed=build.rs");
        assert!(directives.lines[1].starts_with("cargo::error=error[role-required]: pipeline \"app\": "));
        assert_eq!(
            directives.lines.last().unwrap(),
            "cargo::error=pipewright: 1 error in the pipelines; nothing was written"
        );
        assert!(!root.path().join("pipelines").exists());
    }

    #[test]
    fn a_relative_folder_without_a_package_root_is_an_error_that_says_what_to_do() {
        let pipeline = pipeline(true);
        let directives = BuildScript::new().add(&pipeline).directives(None);
        assert!(!directives.success);
        assert_eq!(
            directives.lines[1],
            "cargo::error=pipewright: the output folder pipelines is relative to the package's root, which cargo \
             gives build scripts as CARGO_MANIFEST_DIR, but it is not set: run this from build.rs, or give an \
             absolute folder to `out_dir`"
        );
    }

    #[test]
    fn a_message_with_line_breaks_stays_on_one_line() {
        assert_eq!(directive("warning", "first\nsecond\r\nthird"), "cargo::warning=first\\nsecond\\r\\nthird");
    }
}
