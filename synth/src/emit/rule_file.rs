//! The CLI input file of one rule declared around a pipeline (an EventBridge
//! rule, a notification rule): written as pretty JSON and deployed in the
//! pipeline's account and Region once the pipeline exists.

use pipewright_dsl::Pipeline;
use serde_json::Value;

use super::format::pretty;
use super::{DeployStep, FileKind, OutputFile};

/// The file at `path` holding `input`; `command` gets the ` --region <region>`
/// option (empty when the pipeline's Region is unknown) and the path, and
/// returns the command that deploys the file.
pub(super) fn rule_file(
    pipeline: &Pipeline,
    kind: FileKind,
    path: String,
    input: &Value,
    command: impl FnOnce(&str, &str) -> String,
) -> OutputFile {
    let region = pipeline.region().map(|region| format!(" --region {region}")).unwrap_or_default();
    OutputFile {
        deploy: Some(DeployStep {
            command: command(&region, &path),
            account: pipeline.account().map(str::to_owned),
            region: pipeline.region().map(str::to_owned),
            order: 2,
        }),
        path,
        kind,
        contents: pretty(input),
    }
}
