//! The CLI input file of one rule declared around a pipeline (an EventBridge
//! rule, a notification rule): written as pretty JSON and deployed in the
//! pipeline's account and Region once the pipeline exists.

use pipewright_dsl::{Pipeline, Violation, Violations};
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

/// The CLI input files of a pipeline's rules, and those that cannot be
/// written in that form (a value is a CloudFormation expression, the
/// pipeline's ARN is unknown): each left out alone, by its path, with the
/// finding that says why. The template still deploys every rule.
#[derive(Debug, Default)]
pub struct RuleFiles {
    /// The files written.
    pub files: Vec<OutputFile>,
    /// The path of each file left out, relative to the pipeline's folder,
    /// and why.
    pub refused: Vec<(String, Violation)>,
}

impl RuleFiles {
    /// Every file, or the findings of those that cannot be written.
    pub fn into_result(self) -> Result<Vec<OutputFile>, Violations> {
        if self.refused.is_empty() {
            Ok(self.files)
        } else {
            Err(Violations(self.refused.into_iter().map(|(_, violation)| violation).collect()))
        }
    }
}
