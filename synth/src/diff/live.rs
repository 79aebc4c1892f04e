//! The deployed side from the AWS CLI: `aws codepipeline get-pipeline`.

use std::io::ErrorKind;
use std::process::{Command, Stdio};

use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::{printable, Pipeline};

use super::Definition;

/// Where the AWS CLI looks: its `--profile` and `--region`; everything else
/// (credentials, `AWS_ENDPOINT_URL`, `AWS_PROFILE`, ...) it reads itself
/// from the environment and its configuration files.
#[derive(Clone, Debug, Default)]
pub struct AwsCliTarget {
    /// `--profile`, when given.
    pub profile: Option<String>,
    /// `--region`, when given.
    pub region: Option<String>,
}

/// The pipeline `name` as deployed, or `None` when there is no pipeline of
/// that name (`PipelineNotFoundException`). `region` is the Region to ask
/// when the command line gave none.
pub fn get_pipeline(target: &AwsCliTarget, name: &str, region: Option<&str>) -> Result<Option<Definition>, String> {
    let mut command = Command::new("aws");
    command.args(["codepipeline", "get-pipeline", "--name", name, "--output", "json"]);
    if let Some(profile) = &target.profile {
        command.args(["--profile", profile]);
    }
    if let Some(region) = target.region.as_deref().or(region) {
        command.args(["--region", region]);
    }
    let output = command.stdin(Stdio::null()).output().map_err(|error| match error.kind() {
        ErrorKind::NotFound => "error: --live runs the AWS CLI, and `aws` is not installed or not on PATH; \
                                install it (https://aws.amazon.com/cli/) or compare with --deployed FILE \
                                (the output of `aws codepipeline get-pipeline`)"
            .to_owned(),
        _ => format!("error: cannot run the AWS CLI (aws): {error}"),
    })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        if stderr.contains("PipelineNotFoundException") {
            return Ok(None);
        }
        return Err(format!(
            "error: aws codepipeline get-pipeline --name {} failed ({}): {}",
            printable(name),
            output.status,
            printable(stderr.trim())
        ));
    }
    let unreadable = |reason: String| {
        format!("error: aws codepipeline get-pipeline --name {}: unexpected answer: {reason}", printable(name))
    };
    let value: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|error| unreadable(error.to_string()))?;
    let document = PipelineDocument::from_value(value).map_err(|error| unreadable(error.to_string()))?;
    let deployed_region = document
        .metadata
        .as_ref()
        .and_then(|metadata| metadata.get("pipelineArn"))
        .and_then(serde_json::Value::as_str)
        .and_then(region_of_arn);
    Definition::without_transitions(&Pipeline::from_document(document))
        .map(|definition| Some(definition.or_region(deployed_region)))
}

/// The Region of `arn:aws:codepipeline:REGION:ACCOUNT:NAME`.
pub fn region_of_arn(arn: &str) -> Option<String> {
    arn.split(':').nth(3).filter(|region| !region.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_region_of_a_pipeline_arn_is_its_fourth_part() {
        assert_eq!(super::region_of_arn("arn:aws:codepipeline:eu-west-1:123456789012:p").as_deref(), Some("eu-west-1"));
        assert_eq!(super::region_of_arn("not an arn"), None);
    }
}
