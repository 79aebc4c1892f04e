//! `manifest.json`: every file `synth` wrote, what it is, where it goes, and
//! the commands that deploy it, in order.
//!
//! A pipeline can be deployed two ways, and the manifest lists both:
//! `cloudformation` (the target-account role templates, then one stack with
//! the pipeline and its rules) or `awsCli` (the role templates, then
//! `create-pipeline` with `pipeline.json`, then the rules). Every command runs
//! from the output folder, the one that holds `manifest.json`.
//!
//! The same file is an AWS CDK cloud assembly manifest (`version`,
//! `artifacts`; see [`crate::cloud_assembly`]): every CloudFormation
//! template is a stack the CDK CLI deploys, in the same order.

use indexmap::IndexMap;
use pipewright_dsl::stack::Stack;
use pipewright_dsl::Pipeline;
use serde::Serialize;
use serde_json::Value;

use crate::cloud_assembly::{self, DeployRoles, StackArtifact, StackProperties};
use crate::emit::{api_json, DeployStep, FileKind, Format, OutputFile};

/// The file's name in the output folder.
pub const FILE_NAME: &str = "manifest.json";

/// The `generator` every manifest carries; `synth` replaces an existing
/// output folder only when its manifest says this and lists every file in it.
pub const GENERATOR: &str = "pipewright";

/// The whole manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// Always [`GENERATOR`].
    pub generator: &'static str,
    /// The manifest's format version, 1.
    pub manifest_version: u32,
    /// `json` or `yaml`: the form of the templates.
    pub template_format: &'static str,
    /// One entry per pipeline, in the order they were added (a stack's
    /// pipelines after the pipelines added alone).
    pub pipelines: Vec<PipelineManifest>,
    /// One entry per stack of several pipelines, in the order they were added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stacks: Vec<StackManifest>,
    /// The cloud assembly schema version, [`cloud_assembly::SCHEMA_VERSION`].
    pub version: &'static str,
    /// Every CloudFormation stack as a cloud assembly artifact, by id.
    pub artifacts: IndexMap<String, StackArtifact>,
}

/// What was written for a stack: the template that holds its pipelines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackManifest {
    /// The stack's name.
    pub name: String,
    /// Its folder in the output folder (the stack's name).
    pub folder: String,
    /// The folders of its pipelines, whose other files are listed under `pipelines`.
    pub pipelines: Vec<String>,
    /// Its template, and the template's JSON twin when it is YAML.
    pub files: Vec<FileEntry>,
    /// The command that deploys the template; run it after the
    /// cross-account steps of the stack's pipelines.
    pub deploy: Vec<Step>,
}

/// What was written for one pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PipelineManifest {
    /// The pipeline's name.
    pub name: String,
    /// Its folder in the output folder (the pipeline's name).
    pub folder: String,
    /// The account of the pipeline's service role, where it is created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Every file of the pipeline, by path from the output folder.
    pub files: Vec<FileEntry>,
    /// Files this pipeline does not get, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_written: Vec<NotWritten>,
    /// The commands that deploy it.
    pub deploy: Deploy,
}

/// One file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    /// Path from the output folder, with `/` separators.
    pub path: String,
    /// `pipeline-json`, `template`, `event-rule`, `event-role`,
    /// `notification-rule`, `cross-account-template` or `support-template`.
    pub kind: &'static str,
    /// The account it is deployed in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The Region it is deployed in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// For a JSON twin of a YAML template (the CDK CLI reads JSON only): the
    /// template it is a copy of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_twin_of: Option<String>,
    /// For a template deployed as a stack: its id among the manifest's
    /// `artifacts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub artifact: Option<String>,
    /// For a template deployed as a stack: every parameter it declares and
    /// where its value comes from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<StackParameter>,
}

/// A parameter of a stack's template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackParameter {
    /// The parameter's logical name.
    pub name: String,
    /// Where the value comes from: `default` (the template's `Default`,
    /// which `default` holds) or `deploy-command` (the deploy command's
    /// `--parameter-overrides`; the CDK CLI cannot supply it).
    pub from: &'static str,
    /// The template's default value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
}

/// A file an emitter refused to write, e.g. `pipeline.json` for a pipeline
/// that holds CloudFormation expressions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotWritten {
    /// The file's path from the output folder (relative to the pipeline's
    /// folder while an emitter reports it).
    pub path: String,
    /// Why it was not written.
    pub reason: String,
}

/// The two ways to deploy a pipeline; use one of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deploy {
    /// With CloudFormation: the pipeline's template holds the pipeline and
    /// its rules.
    pub cloudformation: Vec<Step>,
    /// With the AWS CLI: `pipeline.json`, then the rules as CLI inputs.
    /// Empty when a file of this route could not be written (see
    /// `notWritten`).
    pub aws_cli: Vec<Step>,
}

/// One command to run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Lower runs first; equal orders may run in any order.
    pub order: u32,
    /// The file the command deploys, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The account whose credentials the command needs, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The Region the command must run in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The command, run from the output folder.
    pub command: String,
    /// The command that updates what `command` created, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_command: Option<String>,
}

impl Manifest {
    /// An empty manifest for templates in `format`.
    pub fn new(format: Format) -> Manifest {
        Manifest {
            generator: GENERATOR,
            manifest_version: 1,
            template_format: format.extension(),
            pipelines: Vec::new(),
            stacks: Vec::new(),
            version: cloud_assembly::SCHEMA_VERSION,
            artifacts: IndexMap::new(),
        }
    }

    /// Records the files of one pipeline, written to `folder`, and the files
    /// that were not written (paths relative to `folder`); returns the entry.
    /// Its templates become stack artifacts, deployed in other accounts
    /// through the roles `deploy_roles` names.
    pub fn add(
        &mut self,
        pipeline: &Pipeline,
        folder: &str,
        files: &[OutputFile],
        not_written: &[NotWritten],
        deploy_roles: &DeployRoles,
    ) -> &PipelineManifest {
        let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
        let from_root = |command: &str| from_output_folder(command, folder, &paths);
        let mut deploy = Deploy::default();
        for file in files {
            let Some(step) = &file.deploy else { continue };
            let entry = Step {
                order: step.order,
                file: Some(format!("{folder}/{}", file.path)),
                account: step.account.clone(),
                region: step.region.clone(),
                command: from_root(&step.command),
                update_command: (file.kind == FileKind::PipelineJson)
                    .then(|| from_root(&api_json::update_command(pipeline))),
            };
            let (cloudformation, aws_cli) = routes(file.kind);
            if cloudformation {
                deploy.cloudformation.push(entry.clone());
            }
            if aws_cli {
                deploy.aws_cli.push(entry.clone());
            }
            if file.kind == FileKind::PipelineJson {
                deploy.aws_cli.extend(api_json::transition_commands(pipeline).into_iter().map(|command| Step {
                    order: step.order,
                    file: None,
                    command,
                    update_command: None,
                    ..entry.clone()
                }));
            }
        }
        if !not_written.is_empty() {
            // Deploying the rest of this route would leave part of the
            // pipeline out; notWritten says why.
            deploy.aws_cli.clear();
        }
        deploy.cloudformation.sort_by_key(|step| step.order);
        deploy.aws_cli.sort_by_key(|step| step.order);
        let stacks = self.add_stacks(pipeline, folder, files, deploy_roles);
        self.pipelines.push(PipelineManifest {
            name: pipeline.name(),
            folder: folder.to_owned(),
            account: pipeline.account().map(str::to_owned),
            files: files
                .iter()
                .map(|file| {
                    let stack = stacks.iter().find(|(path, _)| *path == file.path);
                    FileEntry {
                        path: format!("{folder}/{}", file.path),
                        kind: file.kind.as_str(),
                        account: file.deploy.as_ref().and_then(|step| step.account.clone()),
                        region: file.deploy.as_ref().and_then(|step| step.region.clone()),
                        json_twin_of: files
                            .iter()
                            .find(|other| {
                                cloud_assembly::json_twin_path(&other.path).as_deref() == Some(file.path.as_str())
                            })
                            .map(|other| format!("{folder}/{}", other.path)),
                        artifact: stack.map(|(_, id)| id.clone()),
                        parameters: stack.map(|_| parameters(file, files)).unwrap_or_default(),
                    }
                })
                .collect(),
            not_written: not_written
                .iter()
                .map(|file| NotWritten { path: format!("{folder}/{}", file.path), reason: file.reason.clone() })
                .collect(),
            deploy,
        });
        self.pipelines.last().expect("an entry was just added")
    }

    /// Adds a stack artifact for every template of the pipeline that is
    /// deployed as a stack; each depends on the pipeline's stacks deployed
    /// before it (a lower deploy order). Returns each template's path (in
    /// the pipeline's folder) with its artifact id.
    fn add_stacks<'f>(
        &mut self,
        pipeline: &Pipeline,
        folder: &str,
        files: &'f [OutputFile],
        deploy_roles: &DeployRoles,
    ) -> Vec<(&'f str, String)> {
        let mut stacks: Vec<(&'f str, String, u32)> = Vec::new();
        for file in files.iter().filter(|file| is_stack(file.kind)) {
            let Some(step) = &file.deploy else { continue };
            let path = format!("{folder}/{}", file.path);
            let artifact = stack_artifact(path, step, pipeline.account(), deploy_roles);
            let id = cloud_assembly::insert_unique(&mut self.artifacts, artifact);
            stacks.push((&file.path, id, step.order));
        }
        // Once every id is known: each stack after those of lower orders.
        for (_, id, order) in &stacks {
            let before: Vec<String> =
                stacks.iter().filter(|(_, _, other)| other < order).map(|(_, other, _)| other.clone()).collect();
            if let Some(artifact) = self.artifacts.get_mut(id) {
                artifact.dependencies = before;
            }
        }
        stacks.into_iter().map(|(path, id, _)| (path, id)).collect()
    }
}

/// The cloud assembly artifact of the template at `path` (from the output
/// folder), deployed by `step`: stacks in an account other than
/// `deploying_account` name the role the CDK CLI assumes there. Its
/// dependencies are filled in once every artifact is known.
fn stack_artifact(
    path: String,
    step: &DeployStep,
    deploying_account: Option<&str>,
    deploy_roles: &DeployRoles,
) -> StackArtifact {
    let account = step.account.as_deref();
    let region = step.region.as_deref();
    let other_account = account.filter(|account| Some(*account) != deploying_account);
    StackArtifact {
        artifact_type: cloud_assembly::STACK_TYPE,
        environment: cloud_assembly::environment(account, region),
        display_name: cloud_assembly::display_name(&path),
        dependencies: Vec::new(),
        properties: StackProperties {
            template_file: cloud_assembly::json_twin_path(&path).unwrap_or(path),
            stack_name: stack_name(&step.command),
            assume_role_arn: other_account.map(|account| deploy_roles.role_for(account, region)),
            cloud_formation_execution_role_arn: other_account
                .and_then(|account| deploy_roles.execution_role_for(account, region)),
        },
    }
}

/// Whether a kind of file is a CloudFormation template deployed as a stack
/// of its own (and so an artifact of the cloud assembly).
pub(crate) fn is_stack(kind: FileKind) -> bool {
    match kind {
        FileKind::Template | FileKind::CrossAccountTemplate | FileKind::SupportTemplate => true,
        FileKind::PipelineJson | FileKind::EventRule | FileKind::EventRole | FileKind::NotificationRule => false,
    }
}

/// The stack name a deploy command gives with `--stack-name`.
fn stack_name(command: &str) -> Option<String> {
    let mut words = command.split(' ');
    words.find(|word| *word == "--stack-name")?;
    words.next().map(str::to_owned)
}

/// Every parameter the template declares, read from the template or its
/// JSON twin, and where its value comes from.
fn parameters(template: &OutputFile, files: &[OutputFile]) -> Vec<StackParameter> {
    let json = cloud_assembly::json_twin_path(&template.path)
        .and_then(|twin| files.iter().find(|file| file.path == twin))
        .unwrap_or(template);
    let Ok(value) = serde_json::from_str::<Value>(&json.contents) else { return Vec::new() };
    let Some(declared) = value.get("Parameters").and_then(Value::as_object) else { return Vec::new() };
    declared
        .iter()
        .map(|(name, declaration)| {
            let default = declaration.get("Default").cloned();
            StackParameter {
                name: name.clone(),
                from: if default.is_some() { "default" } else { "deploy-command" },
                default,
            }
        })
        .collect()
}

impl Manifest {
    /// Records the template of `stack`, written to its folder with its JSON
    /// twin when it is YAML, and adds it to the cloud assembly after every
    /// stack of its pipelines' folders (their support and cross-account
    /// stacks).
    pub fn add_stack(
        &mut self,
        stack: &Stack,
        template: &OutputFile,
        twin: Option<&OutputFile>,
        deploy_roles: &DeployRoles,
    ) {
        let folder = stack.name();
        let path = format!("{folder}/{}", template.path);
        let step = template.deploy.as_ref();
        let artifact = step.map(|step| {
            let mut artifact = stack_artifact(path.clone(), step, step.account.as_deref(), deploy_roles);
            let inside = format!("{folder}/");
            artifact.dependencies = self
                .artifacts
                .iter()
                .filter(|(_, other)| other.properties.template_file.starts_with(&inside))
                .map(|(id, _)| id.clone())
                .collect();
            cloud_assembly::insert_unique(&mut self.artifacts, artifact)
        });
        let files: Vec<OutputFile> = std::iter::once(template).chain(twin).cloned().collect();
        let entries = files
            .iter()
            .map(|file| {
                let is_template = std::ptr::eq(file, &files[0]);
                FileEntry {
                    path: format!("{folder}/{}", file.path),
                    kind: file.kind.as_str(),
                    account: step.and_then(|step| step.account.clone()),
                    region: step.and_then(|step| step.region.clone()),
                    json_twin_of: (!is_template).then(|| path.clone()),
                    artifact: artifact.clone().filter(|_| is_template),
                    parameters: if is_template { parameters(template, &files) } else { Vec::new() },
                }
            })
            .collect();
        self.stacks.push(StackManifest {
            name: stack.name().to_owned(),
            folder: folder.to_owned(),
            pipelines: stack
                .pipelines()
                .iter()
                .map(|pipeline| format!("{folder}/{}", pipeline.folder_name()))
                .collect(),
            files: entries,
            deploy: step
                .map(|step| Step {
                    order: step.order,
                    file: Some(path.clone()),
                    account: step.account.clone(),
                    region: step.region.clone(),
                    command: from_output_folder(&step.command, folder, &[template.path.as_str()]),
                    update_command: None,
                })
                .into_iter()
                .collect(),
        });
    }
}

/// Which routes deploy a kind of file: (CloudFormation, AWS CLI). The
/// template carries the pipeline and its rules, so the CLI inputs of the
/// rules belong to the CLI route only; target-account roles belong to both.
fn routes(kind: FileKind) -> (bool, bool) {
    match kind {
        FileKind::Template => (true, false),
        FileKind::PipelineJson | FileKind::EventRule | FileKind::EventRole | FileKind::NotificationRule => {
            (false, true)
        }
        FileKind::CrossAccountTemplate | FileKind::SupportTemplate => (true, true),
    }
}

/// Rewrites a command that names the pipeline's files by their path inside
/// the pipeline's folder (`file://pipeline.json`, `template.yaml`) so that it
/// runs from the output folder (`file://my-pipeline/pipeline.json`).
fn from_output_folder(command: &str, folder: &str, paths: &[&str]) -> String {
    command
        .split(' ')
        .map(|word| {
            let core = word.trim_matches(|c: char| matches!(c, '"' | '\'' | '(' | ')' | '$' | '`'));
            let (prefix, path) = match core.find("file://") {
                Some(at) => core.split_at(at + "file://".len()),
                None => ("", core),
            };
            if paths.contains(&path) {
                word.replacen(core, &format!("{prefix}{folder}/{path}"), 1)
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::from_output_folder;

    #[test]
    fn commands_name_files_from_the_output_folder() {
        let paths = ["pipeline.json", "template.yaml", "events/source.json"];
        let cases = [
            (
                "aws codepipeline create-pipeline --cli-input-json file://pipeline.json",
                "aws codepipeline create-pipeline --cli-input-json file://app/pipeline.json",
            ),
            (
                "aws cloudformation deploy --template-file template.yaml --stack-name app",
                "aws cloudformation deploy --template-file app/template.yaml --stack-name app",
            ),
            (
                "aws events put-rule --cli-input-json=file://events/source.json",
                "aws events put-rule --cli-input-json=file://app/events/source.json",
            ),
            (
                "aws codepipeline update-pipeline --cli-input-json \"$(jq '{pipeline}' pipeline.json)\"",
                "aws codepipeline update-pipeline --cli-input-json \"$(jq '{pipeline}' app/pipeline.json)\"",
            ),
            ("echo other.json file://other.json", "echo other.json file://other.json"),
        ];
        for (command, expected) in cases {
            assert_eq!(from_output_folder(command, "app", &paths), expected);
        }
    }
}
