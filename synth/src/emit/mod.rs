//! One emitter per output form. Emitters read the model of a finished
//! [`pipewright_dsl::Pipeline`]; they never look at builders.
//!
//! Every emitter returns [`OutputFile`]s: a path inside the pipeline's
//! folder, the file's kind, its bytes and the command that deploys it. The
//! [`crate::assembly`] writer puts them on disk and lists them in the
//! manifest.

pub mod api_json;
pub mod cloudformation;
pub mod cross_account;
mod error;
pub mod events;
mod format;
pub mod notifications;
mod rule_file;
mod shell;

pub use error::EmitError;
pub use format::{json_text, Format};
pub use rule_file::RuleFiles;
pub use shell::shell_word;

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
#[non_exhaustive]
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

impl FileKind {
    /// The name the manifest uses, e.g. `pipeline-json`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::PipelineJson => "pipeline-json",
            FileKind::Template => "template",
            FileKind::EventRule => "event-rule",
            FileKind::NotificationRule => "notification-rule",
            FileKind::CrossAccountTemplate => "cross-account-template",
        }
    }
}

/// The command that deploys one file, and where it must run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeployStep {
    /// The shell command, as run from the pipeline's folder: it names the
    /// pipeline's files by their [`OutputFile::path`], as `file://<path>` or
    /// as a word of its own. The manifest rewrites those names so that the
    /// command runs from the output folder (`file://my-pipeline/pipeline.json`).
    pub command: String,
    /// The account the command must run in, when known.
    pub account: Option<String>,
    /// The Region the command must run in, when known.
    pub region: Option<String>,
    /// Lower runs first: target-account roles (0) before the pipeline (1)
    /// before rules that reference the pipeline (2).
    pub order: u32,
}
