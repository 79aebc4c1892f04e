//! Writes the output folder: one folder per pipeline plus `manifest.json`.
//!
//! Every pipeline is validated first, and all findings of all pipelines are
//! reported together. The files are then rendered in memory and handed to
//! [`crate::output_folder`], which writes them beside the target and swaps
//! them into place, replacing a previous output only when it holds nothing
//! but what its manifest lists. A failed synth leaves an existing output
//! folder exactly as it was and writes nothing.

use std::fmt;
use std::io;
use std::path::PathBuf;

use pipewright_dsl::{printable, Location, Pipeline, Rule, Violation, Violations};

use crate::emit::{
    self, api_json, cloudformation, cross_account, events, notifications, EmitError, FileKind, Format, OutputFile,
};
use crate::manifest::{self, Manifest, NotWritten};
use crate::output_folder::{self, Refusal};

/// Synthesizes pipelines into a folder.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::{Format, Synth};
///
/// let pipeline = Pipeline::build("my-pipeline", |p| {
///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
///     p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "my-project", source.artifact()));
///     });
/// });
/// let out = tempfile::tempdir().unwrap();
/// let report = Synth::new(out.path().join("out")).add(&pipeline).format(Format::Yaml).write().unwrap();
/// assert!(out.path().join("out/my-pipeline/pipeline.json").is_file());
/// assert!(out.path().join("out/manifest.json").is_file());
/// assert_eq!(report.pipelines, 1);
/// ```
#[derive(Clone, Debug)]
pub struct Synth<'a> {
    dir: PathBuf,
    pipelines: Vec<&'a Pipeline>,
    format: Format,
    deny_warnings: bool,
}

/// The files of a synth, rendered but not yet written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assembly {
    /// Every file, by path from the output folder, pipelines in the order
    /// they were added and `manifest.json` last.
    pub files: Vec<AssembledFile>,
    /// How many pipelines.
    pub pipelines: usize,
    /// Findings that do not stop synthesis.
    pub warnings: Vec<Violation>,
    /// Files an emitter refused to write, with the reason (also in the
    /// manifest).
    pub not_written: Vec<NotWritten>,
}

/// One rendered file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssembledFile {
    /// Path from the output folder, with `/` separators.
    pub path: String,
    /// What the file is; `None` for `manifest.json`.
    pub kind: Option<FileKind>,
    /// The bytes.
    pub contents: String,
}

/// What a successful [`Synth::write`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The output folder.
    pub dir: PathBuf,
    /// Every file written: `dir` joined with the file's path (`out/my-pipeline/pipeline.json`).
    pub files: Vec<PathBuf>,
    /// How many pipelines.
    pub pipelines: usize,
    /// Findings that did not stop synthesis.
    pub warnings: Vec<Violation>,
    /// Files an emitter refused to write, with the reason.
    pub not_written: Vec<NotWritten>,
}

/// What a successful [`Synth::update`] found and wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Update {
    /// Every file of the output, as [`Synth::write`] reports them.
    pub report: Report,
    /// The files that were new or changed (`dir` joined with the file's
    /// path); empty when the folder already held exactly this output and
    /// nothing was written.
    pub changed: Vec<PathBuf>,
}

impl fmt::Display for Report {
    /// `wrote 7 files for 3 pipelines to out/`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = self.dir.display().to_string();
        let separator = if dir.ends_with(std::path::MAIN_SEPARATOR) { "" } else { "/" };
        write!(
            f,
            "wrote {} for {} to {dir}{separator}",
            plural(self.files.len(), "file"),
            plural(self.pipelines, "pipeline"),
        )
    }
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SynthError {
    /// Some pipelines break rules or cannot be written; every finding of
    /// every pipeline, warnings included.
    #[error("{}", describe_findings(.0))]
    Invalid(Vec<Violation>),
    /// There was nothing to synthesize.
    #[error("no pipelines to synthesize: add at least one pipeline")]
    NoPipelines,
    /// Something is at the output path that synth will not replace: a file,
    /// or a folder holding entries its previous manifest does not list.
    #[error("{0}")]
    NotOutputFolder(Refusal),
    /// Reading or writing failed.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done, e.g. `create the folder`.
        action: &'static str,
        /// The system's error.
        source: io::Error,
    },
}

impl<'a> Synth<'a> {
    /// A synth into `dir` (created if missing), templates in JSON.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Synth { dir: dir.into(), pipelines: Vec::new(), format: Format::Json, deny_warnings: false }
    }

    /// Adds a pipeline; its files go to `<dir>/<pipeline name>/`.
    #[allow(clippy::should_implement_trait, reason = "`Synth::new(dir).add(&pipeline)` reads as intended")]
    pub fn add(mut self, pipeline: &'a Pipeline) -> Self {
        self.pipelines.push(pipeline);
        self
    }

    /// Adds several pipelines.
    pub fn add_all(mut self, pipelines: impl IntoIterator<Item = &'a Pipeline>) -> Self {
        self.pipelines.extend(pipelines);
        self
    }

    /// The form of the CloudFormation templates.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Whether warnings stop synthesis as errors do (then any finding is a
    /// [`SynthError::Invalid`] and nothing is written).
    pub fn deny_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }

    /// Validates every pipeline and renders every file, without writing.
    pub fn assemble(&self) -> Result<Assembly, SynthError> {
        if self.pipelines.is_empty() {
            return Err(SynthError::NoPipelines);
        }
        let mut findings = check(&self.pipelines);
        if findings.iter().any(|finding| self.deny_warnings || finding.is_error()) {
            return Err(SynthError::Invalid(findings));
        }
        let mut manifest = Manifest::new(self.format);
        let mut files = Vec::new();
        let mut failures = Vec::new();
        let mut all_not_written = Vec::new();
        for pipeline in &self.pipelines {
            let folder = pipeline.name();
            match emit_pipeline(pipeline, self.format) {
                Ok(emitted) => {
                    let entry = manifest.add(pipeline, &folder, &emitted.files, &emitted.not_written);
                    all_not_written.extend(entry.not_written.iter().cloned());
                    files.extend(emitted.files.into_iter().map(|file| AssembledFile {
                        path: format!("{folder}/{}", file.path),
                        kind: Some(file.kind),
                        contents: file.contents,
                    }));
                }
                Err(refusals) => failures.extend(refusals),
            }
        }
        if !failures.is_empty() {
            findings.extend(failures);
            return Err(SynthError::Invalid(findings));
        }
        files.push(AssembledFile {
            path: manifest::FILE_NAME.to_owned(),
            kind: None,
            contents: emit::json_text(&manifest).expect("the manifest holds only strings, numbers and lists"),
        });
        Ok(Assembly { files, pipelines: self.pipelines.len(), warnings: findings, not_written: all_not_written })
    }

    /// Validates, renders and writes everything, replacing the previous
    /// output folder in one step where the system allows (see
    /// [`crate::output_folder`]).
    ///
    /// An existing folder is replaced only when it is empty or holds nothing
    /// but the files its previous `manifest.json` lists (and the folders that
    /// hold them); anything else is a [`SynthError::NotOutputFolder`] that
    /// names what is in the way. A symbolic link is followed: the folder it
    /// leads to is replaced and the link kept. The new folder keeps the
    /// permissions of the one it replaces. On any error nothing is written
    /// and an existing output folder is left as it was.
    pub fn write(&self) -> Result<Report, SynthError> {
        let assembly = self.assemble()?;
        output_folder::replace(&self.dir, &assembly.files, &mut output_folder::write_synced)?;
        Ok(self.report(assembly))
    }

    /// Like [`Synth::write`], but writes only when a file changed: when the
    /// output folder already holds exactly these files it is left untouched
    /// (nothing is written, no time of modification changes). Otherwise the
    /// folder is replaced as [`Synth::write`] does, and the files whose bytes
    /// did not change keep the time they were last modified, so tools that
    /// watch the folder see only the files that changed.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_synth::Synth;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    ///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("Build", "my-project", source.artifact()));
    ///     });
    /// });
    /// let out = tempfile::tempdir().unwrap();
    /// let synth = Synth::new(out.path().join("out")).add(&pipeline);
    /// assert_eq!(synth.update().unwrap().changed.len(), 3);
    /// assert!(synth.update().unwrap().changed.is_empty());
    /// ```
    pub fn update(&self) -> Result<Update, SynthError> {
        let assembly = self.assemble()?;
        let changed = output_folder::update(&self.dir, &assembly.files, &mut output_folder::write_synced)?;
        let changed = changed.into_iter().map(|path| self.dir.join(path)).collect();
        Ok(Update { report: self.report(assembly), changed })
    }

    /// What was written for `assembly`.
    fn report(&self, assembly: Assembly) -> Report {
        Report {
            files: assembly.files.iter().map(|file| self.dir.join(&file.path)).collect(),
            dir: self.dir.clone(),
            pipelines: assembly.pipelines,
            warnings: assembly.warnings,
            not_written: assembly.not_written,
        }
    }
}

/// Every finding of every pipeline, plus the rules of the output folder:
/// pipeline names that are unique and can name a folder.
pub fn check(pipelines: &[&Pipeline]) -> Vec<Violation> {
    let mut findings = Vec::new();
    for (index, pipeline) in pipelines.iter().enumerate() {
        let name = &pipeline.declaration().name;
        let location = Location::pipeline(name);
        if pipelines[..index].iter().any(|other| other.declaration().name == *name) {
            findings.push(Violation::new(
                location.clone(),
                Rule::PipelineNameUnique,
                "two pipelines have this name; names are unique per account and Region and each names its \
                 output folder: rename one of them",
            ));
        }
        match name.as_literal() {
            None => findings.push(Violation::new(
                location,
                Rule::PipelineNameLiteral,
                "the name is a CloudFormation expression, but synth names the pipeline's output folder after \
                 it: give the pipeline a literal name",
            )),
            Some(literal @ ("." | ".." | manifest::FILE_NAME)) => findings.push(Violation::new(
                location,
                Rule::PipelineNameFolder,
                format!(
                    "\"{literal}\" cannot name the pipeline's output folder (it is `.`, `..` or the manifest): \
                     rename the pipeline"
                ),
            )),
            Some(_) => {}
        }
        findings.extend(pipeline.check());
    }
    findings
}

/// The files of one pipeline, paths relative to its folder.
struct PipelineFiles {
    files: Vec<OutputFile>,
    /// Files an emitter refused while the rest can still be deployed.
    not_written: Vec<NotWritten>,
}

/// Renders every file of one pipeline. The CLI inputs (`pipeline.json`,
/// `events/`, `notifications/`) are left out, with the reason, when the
/// pipeline cannot be written in that form: the template still deploys it.
/// What no form can do without (the template, the cross-account roles) is
/// an error, reported like a broken rule.
fn emit_pipeline(pipeline: &Pipeline, format: Format) -> Result<PipelineFiles, Vec<Violation>> {
    let location = Location::pipeline(&pipeline.declaration().name);
    let failure = |rule, error: EmitError| vec![Violation::new(location.clone(), rule, error.to_string())];
    let mut emitted = PipelineFiles { files: Vec::new(), not_written: Vec::new() };
    match api_json::emit(pipeline) {
        Ok(file) => emitted.files.push(file),
        Err(error @ (EmitError::Expression { .. } | EmitError::Condition { .. })) => {
            emitted.not_written.push(NotWritten { path: api_json::FILE_NAME.to_owned(), reason: error.to_string() })
        }
        Err(error) => return Err(failure(Rule::PipelineJson, error)),
    }
    emitted.files.push(cloudformation::emit(pipeline, format).map_err(|error| failure(Rule::Template, error))?);
    for rule_files in [events::emit(pipeline), notifications::emit(pipeline)] {
        emitted.files.extend(rule_files.files);
        emitted.not_written.extend(rule_files.refused.into_iter().map(|(path, violation)| NotWritten {
            path,
            reason: format!("{}: {}", violation.location, printable(&violation.message)),
        }));
    }
    emitted.files.extend(cross_account::emit(pipeline).map_err(|Violations(violations)| violations)?);
    Ok(emitted)
}

/// `1 file`, `3 files`.
pub(crate) fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Every finding on its own line, then how many errors and warnings.
fn describe_findings(findings: &[Violation]) -> String {
    let mut text: String = findings.iter().map(|finding| format!("{finding}\n")).collect();
    text.push_str(&nothing_written(findings));
    text
}

/// The last line of a failed synth: `2 errors, 1 warning: nothing was written`.
pub(crate) fn nothing_written(findings: &[Violation]) -> String {
    let errors = findings.iter().filter(|finding| finding.is_error()).count();
    format!("{}, {}: nothing was written", plural(errors, "error"), plural(findings.len() - errors, "warning"))
}
