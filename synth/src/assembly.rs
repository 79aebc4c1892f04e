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

use pipewright_dsl::stack::Stack;
use pipewright_dsl::support;
use pipewright_dsl::template::{is_logical_id, LOGICAL_ID_MAX_CHARS};
use pipewright_dsl::{printable, Location, Pipeline, Rule, Violation, Violations};

use crate::cloud_assembly::{self, DeployRoles};
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
    stacks: Vec<&'a Stack>,
    format: Format,
    deny_warnings: bool,
    deploy_roles: DeployRoles,
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
        Synth {
            dir: dir.into(),
            pipelines: Vec::new(),
            stacks: Vec::new(),
            format: Format::Json,
            deny_warnings: false,
            deploy_roles: DeployRoles::default(),
        }
    }

    /// Adds a pipeline; its files go to `<dir>/<folder>/`, the folder named
    /// by [`Pipeline::folder_name`]: the pipeline's name when that is a
    /// literal, otherwise its logical id.
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

    /// Adds a stack: several pipelines in one template, written to
    /// `<dir>/<stack name>/template.json` (or `.yaml`), each pipeline's other
    /// files (`pipeline.json`, rules, cross-account roles) in
    /// `<dir>/<stack name>/<folder>/`. The manifest lists the stack under
    /// `stacks`, and each of its pipelines under `pipelines` with the folder
    /// `<stack name>/<folder>`.
    pub fn add_stack(mut self, stack: &'a Stack) -> Self {
        self.stacks.push(stack);
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

    /// The roles the AWS CDK CLI assumes to deploy the stacks of accounts
    /// other than their pipeline's (see [`crate::cloud_assembly`]); by
    /// default the deploy role `cdk bootstrap` creates in each account.
    pub fn deploy_roles(mut self, roles: DeployRoles) -> Self {
        self.deploy_roles = roles;
        self
    }

    /// Validates every pipeline and renders every file, without writing.
    pub fn assemble(&self) -> Result<Assembly, SynthError> {
        if self.pipelines.is_empty() && self.stacks.is_empty() {
            return Err(SynthError::NoPipelines);
        }
        let mut findings = check(&self.pipelines);
        findings.extend(check_stacks(&self.stacks, &self.pipelines));
        if findings.iter().any(|finding| self.deny_warnings || finding.is_error()) {
            return Err(SynthError::Invalid(findings));
        }
        let mut manifest = Manifest::new(self.format);
        let mut files = Vec::new();
        let mut failures = Vec::new();
        let mut all_not_written = Vec::new();
        // A pipeline added alone gets its own template; a stack's pipelines
        // are written in the stack's folder, their template is the stack's.
        let alone = self.pipelines.iter().map(|pipeline| (*pipeline, pipeline.folder_name(), Some(self.format)));
        let in_stacks = self.stacks.iter().flat_map(|stack| {
            stack
                .pipelines()
                .iter()
                .map(move |pipeline| (pipeline, format!("{}/{}", stack.name(), pipeline.folder_name()), None))
        });
        for (pipeline, folder, template) in alone.chain(in_stacks) {
            match emit_pipeline(pipeline, template) {
                Ok(emitted) => {
                    let entry =
                        manifest.add(pipeline, &folder, &emitted.files, &emitted.not_written, &self.deploy_roles);
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
        for stack in &self.stacks {
            match cloudformation::emit_stack(stack, self.format) {
                Ok(template) => {
                    let twin = match cloud_assembly::json_twin(&template) {
                        Ok(twin) => twin,
                        Err(error) => {
                            failures.push(Violation::new(
                                Location::stack(stack.name()),
                                Rule::Template,
                                error.to_string(),
                            ));
                            continue;
                        }
                    };
                    manifest.add_stack(stack, &template, twin.as_ref(), &self.deploy_roles);
                    files.extend(std::iter::once(template).chain(twin).map(|file| AssembledFile {
                        path: format!("{}/{}", stack.name(), file.path),
                        kind: Some(file.kind),
                        contents: file.contents,
                    }));
                }
                Err(error) => {
                    failures.push(Violation::new(Location::stack(stack.name()), Rule::Template, error.to_string()))
                }
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
        let pipelines = self.pipelines.len() + self.stacks.iter().map(|stack| stack.pipelines().len()).sum::<usize>();
        Ok(Assembly { files, pipelines, warnings: findings, not_written: all_not_written })
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
/// pipelines whose folders are unique and can be folders, a logical id where
/// the name is not a literal, and self-contained templates.
pub fn check(pipelines: &[&Pipeline]) -> Vec<Violation> {
    let mut findings = Vec::new();
    for (index, pipeline) in pipelines.iter().enumerate() {
        let own = folder_findings(pipeline, &pipelines[..index]);
        let has_logical_id = own.is_empty();
        findings.extend(own);
        findings.extend(pipeline.check());
        findings.extend(region_unset(pipeline));
        if has_logical_id {
            findings.extend(cloudformation::check(pipeline));
        }
    }
    findings.extend(role_name_collisions(&[], pipelines));
    findings
}

/// Every finding of every stack and its pipelines: a stack name that can
/// name a stack and a folder no pipeline or other stack has, the rules of
/// [`check`] for each of its pipelines inside the stack's folder, and a
/// self-contained stack template.
pub fn check_stacks(stacks: &[&Stack], pipelines: &[&Pipeline]) -> Vec<Violation> {
    let mut findings = Vec::new();
    for (index, stack) in stacks.iter().enumerate() {
        let name = stack.name();
        let location = Location::stack(name);
        let valid = name.len() <= 128
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid {
            findings.push(Violation::new(
                location.clone(),
                Rule::StackName,
                format!(
                    "\"{}\" is not a stack name: a letter, then up to 127 letters, digits and '-'",
                    printable(name)
                ),
            ));
        }
        let taken = stacks[..index].iter().any(|other| other.name() == name)
            || pipelines.iter().any(|pipeline| pipeline.folder_name() == name);
        if taken {
            findings.push(Violation::new(
                location,
                Rule::StackName,
                format!(
                    "the folder \"{}\" is already another stack's or pipeline's: rename the stack",
                    printable(name)
                ),
            ));
        }
        let members: Vec<&Pipeline> = stack.pipelines().iter().collect();
        let mut has_logical_ids = true;
        for (member, pipeline) in members.iter().enumerate() {
            let own = folder_findings(pipeline, &members[..member]);
            has_logical_ids &= own.is_empty();
            findings.extend(own);
            findings.extend(pipeline.check());
            findings.extend(region_unset(pipeline));
        }
        if has_logical_ids {
            findings.extend(cloudformation::check_stack(stack));
        }
    }
    let members: Vec<&Pipeline> = stacks.iter().flat_map(|stack| stack.pipelines()).collect();
    findings.extend(role_name_collisions(pipelines, &members));
    findings
}

/// `pipeline-region-unset`: a pipeline without a Region, whose deploy
/// commands then run in whatever Region the AWS CLI is configured with.
fn region_unset(pipeline: &Pipeline) -> Option<Violation> {
    pipeline.region().is_none().then(|| {
        Violation::new(
            Location::pipeline(&pipeline.declaration().name),
            Rule::PipelineRegionUnset,
            "the pipeline sets no Region, so the manifest's deploy commands and the cloud assembly's environment \
             depend on the AWS CLI's default Region (AWS_REGION, or the profile's): call `p.region(\"us-east-1\")` \
             with the Region the pipeline is created in",
        )
    })
}

/// The findings on the folder and logical id of `pipeline`, added after
/// `earlier` into one folder: a folder another has, a name that is not a
/// literal without a logical id, a logical id CloudFormation refuses, a
/// folder name that cannot be one.
fn folder_findings(pipeline: &Pipeline, earlier: &[&Pipeline]) -> Vec<Violation> {
    let mut findings = Vec::new();
    let location = Location::pipeline(&pipeline.declaration().name);
    let folder = pipeline.folder_name();
    if earlier.iter().any(|other| other.folder_name() == folder) {
        let message = match pipeline.declaration().name.as_literal() {
            Some(_) => "two pipelines have this name; names are unique per account and Region and each names \
                        its output folder: rename one of them"
                .to_owned(),
            None => format!(
                "two pipelines have the logical id \"{}\", which names the output folder of a pipeline whose \
                 name is not a literal: give one another with `p.logical_id(..)`",
                printable(&folder)
            ),
        };
        findings.push(Violation::new(location.clone(), Rule::PipelineNameUnique, message));
    }
    let literal_name = pipeline.declaration().name.as_literal().filter(|_| !pipeline.is_name_generated());
    match (literal_name, pipeline.logical_id()) {
        (None, None) => findings.push(Violation::new(
            location.clone(),
            Rule::PipelineNameLiteral,
            "the name is a CloudFormation expression, so synth cannot derive the pipeline's logical id and \
             output folder from it: give one with `p.logical_id(\"Pipeline\")` (letters and digits)",
        )),
        (_, Some(id)) if !is_logical_id(id) => findings.push(Violation::new(
            location.clone(),
            Rule::PipelineLogicalId,
            format!(
                "the logical id \"{}\" is not 1 to {LOGICAL_ID_MAX_CHARS} ASCII letters and digits: give one \
                 such as \"Pipeline\" with `p.logical_id(..)`",
                printable(id)
            ),
        )),
        _ => {}
    }
    if matches!(folder.as_str(), "." | ".." | manifest::FILE_NAME) {
        findings.push(Violation::new(
            location,
            Rule::PipelineNameFolder,
            format!(
                "\"{folder}\" cannot name the pipeline's output folder (it is `.`, `..` or the manifest): \
                 rename the pipeline"
            ),
        ));
    }
    findings
}

/// `role-name-collision`: a role that two pipelines both create in one
/// account, reported at the second; each of `checked` is compared with every
/// pipeline of `earlier` and the ones before it in `checked`.
fn role_name_collisions(earlier: &[&Pipeline], checked: &[&Pipeline]) -> Vec<Violation> {
    let mut created: Vec<(String, String, String)> = earlier
        .iter()
        .flat_map(|pipeline| {
            support::roles_created(pipeline).into_iter().map(|(account, role)| (account, role, pipeline.name()))
        })
        .collect();
    let mut findings = Vec::new();
    for pipeline in checked {
        for (account, role) in support::roles_created(pipeline) {
            let first = created.iter().find(|(known_account, known_role, owner)| {
                *known_account == account && *known_role == role && *owner != pipeline.name()
            });
            if let Some((_, _, owner)) = first {
                findings.push(Violation::new(
                    Location::pipeline(&pipeline.declaration().name),
                    Rule::RoleNameCollision,
                    format!(
                        "the pipeline {owner} also creates the role {role} in account {account}; the second stack \
                         to deploy fails with EntityAlreadyExists: give one pipeline's action or deployment role \
                         another name"
                    ),
                ));
            } else {
                created.push((account, role, pipeline.name()));
            }
        }
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
/// an error, reported like a broken rule. Without a `template` format the
/// template is left out: a stack's template holds the pipeline.
fn emit_pipeline(pipeline: &Pipeline, template: Option<Format>) -> Result<PipelineFiles, Vec<Violation>> {
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
    if let Some(format) = template {
        emitted.files.push(cloudformation::emit(pipeline, format).map_err(|error| failure(Rule::Template, error))?);
    }
    for rule_files in [events::emit(pipeline), notifications::emit(pipeline)] {
        emitted.files.extend(rule_files.files);
        emitted.not_written.extend(rule_files.refused.into_iter().map(|(path, violation)| NotWritten {
            path,
            reason: format!("{}: {}", violation.location, printable(&violation.message)),
        }));
    }
    emitted.files.extend(emit::support::emit(pipeline).map_err(|Violations(violations)| violations)?);
    emitted.files.extend(cross_account::emit(pipeline).map_err(|Violations(violations)| violations)?);
    let mut twins = Vec::new();
    for file in emitted.files.iter().filter(|file| manifest::is_stack(file.kind)) {
        if let Some(twin) = cloud_assembly::json_twin(file).map_err(|error| failure(Rule::Template, error))? {
            twins.push(twin);
        }
    }
    emitted.files.extend(twins);
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
