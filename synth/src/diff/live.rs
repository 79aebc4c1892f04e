//! The deployed side from the AWS CLI: `aws codepipeline get-pipeline`.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::process::{Command, Stdio};

use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::{printable, Pipeline};

use super::Definition;

/// Where the AWS CLI looks: its `--profile` and `--region`; everything else
/// (credentials, `AWS_ENDPOINT_URL`, `AWS_PROFILE`, ...) it reads itself
/// from the environment and its configuration files.
#[derive(Clone, Debug)]
pub struct AwsCliTarget {
    /// The AWS CLI program: `aws` on PATH.
    pub program: OsString,
    /// `--profile`, when given.
    pub profile: Option<String>,
    /// `--region`, when given.
    pub region: Option<String>,
}

/// The pipeline `name` as deployed, or `None` when there is no pipeline of
/// that name (`PipelineNotFoundException`). `region` is the Region to ask
/// when the command line gave none.
pub fn get_pipeline(target: &AwsCliTarget, name: &str, region: Option<&str>) -> Result<Option<Definition>, String> {
    let mut command = Command::new(&target.program);
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

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    use super::{get_pipeline, region_of_arn, AwsCliTarget};

    /// A stand-in for the AWS CLI: a script that prints its arguments to
    /// `args` next to it, then `body`'s output.
    fn fake_aws(folder: &Path, body: &str) -> AwsCliTarget {
        let program = folder.join("aws");
        let script = format!("#!/bin/sh\necho \"$@\" > '{}'\n{body}\n", folder.join("args").display());
        std::fs::write(&program, script).unwrap();
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        AwsCliTarget { program: program.into(), profile: Some("prod".into()), region: None }
    }

    #[test]
    fn the_region_of_a_pipeline_arn_is_its_fourth_part() {
        assert_eq!(region_of_arn("arn:aws:codepipeline:eu-west-1:123456789012:p").as_deref(), Some("eu-west-1"));
        assert_eq!(region_of_arn("not an arn"), None);
    }

    #[test]
    fn the_deployed_pipeline_is_read_from_get_pipeline_with_its_region() {
        let folder = tempfile::tempdir().unwrap();
        let answer = concat!(
            r#"{"pipeline": {"name": "p", "roleArn": "arn:aws:iam::123456789012:role/R", "#,
            r#""artifactStore": {"type": "S3", "location": "b"}, "stages": [], "version": 2}, "#,
            r#""metadata": {"pipelineArn": "arn:aws:codepipeline:eu-west-1:123456789012:p"}}"#
        );
        let target = fake_aws(folder.path(), &format!("echo '{answer}'"));
        let deployed = get_pipeline(&target, "p", Some("us-east-2")).unwrap().unwrap();
        assert_eq!(deployed.name(), "p");
        assert_eq!(deployed.region.as_deref(), Some("eu-west-1"));
        let args = std::fs::read_to_string(folder.path().join("args")).unwrap();
        assert_eq!(args, "codepipeline get-pipeline --name p --output json --profile prod --region us-east-2\n");
    }

    #[test]
    fn a_pipeline_aws_does_not_know_is_not_deployed() {
        let folder = tempfile::tempdir().unwrap();
        let target = fake_aws(
            folder.path(),
            "echo 'An error occurred (PipelineNotFoundException) when calling the GetPipeline operation' >&2; exit 254",
        );
        assert_eq!(get_pipeline(&target, "p", None), Ok(None));
    }

    #[test]
    fn a_failed_call_says_what_the_aws_cli_said() {
        let folder = tempfile::tempdir().unwrap();
        let target = fake_aws(folder.path(), "echo 'Unable to locate credentials' >&2; exit 253");
        let message = get_pipeline(&target, "p", None).unwrap_err();
        assert!(
            message.starts_with("error: aws codepipeline get-pipeline --name p failed (exit status: 253): "),
            "{message}"
        );
        assert!(message.ends_with("Unable to locate credentials"), "{message}");
    }

    #[test]
    fn a_missing_aws_cli_is_named() {
        let folder = tempfile::tempdir().unwrap();
        let target = AwsCliTarget { program: folder.path().join("no-aws").into(), profile: None, region: None };
        let message = get_pipeline(&target, "p", None).unwrap_err();
        assert!(message.contains("`aws` is not installed or not on PATH"), "{message}");
    }
}
