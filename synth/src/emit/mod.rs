//! One emitter per output form. Emitters read the model of a finished
//! [`pipewright_dsl::Pipeline`]; they never look at builders.

pub mod api_json;
pub mod cloudformation;
pub mod cross_account;
pub mod events;
pub mod notifications;

/// One file an emitter produces for a pipeline, before it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the pipeline's folder, with `/` separators
    /// (e.g. `events/source-change.json`).
    pub path: String,
    /// What the file is.
    pub kind: FileKind,
    /// The file's bytes, ending in a newline.
    pub contents: String,
    /// How a person deploys it, if it is deployed on its own.
    pub deploy: Option<DeployStep>,
}

/// The kinds of files `synth` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `pipeline.json`: `aws codepipeline create-pipeline --cli-input-json`.
    PipelineJson,
    /// `template.json` / `template.yaml`: the pipeline's CloudFormation stack.
    Template,
    /// `events/*.json`: `aws events put-rule` / `put-targets` input.
    EventRule,
    /// `notifications/*.json`: `aws codestar-notifications create-notification-rule` input.
    NotificationRule,
    /// `cross-account/<account>-<region>.template.yaml`: roles a target account must hold.
    CrossAccountTemplate,
}

/// The command that deploys one file, and where it must run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeployStep {
    /// The shell command, relative to the pipeline's folder.
    pub command: String,
    /// The account the command must run in, when known.
    pub account: Option<String>,
    /// The Region the command must run in, when known.
    pub region: Option<String>,
    /// Lower runs first: target-account roles (0) before the pipeline (1)
    /// before rules that reference the pipeline (2).
    pub order: u32,
}
