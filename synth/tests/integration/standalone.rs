//! The standalone `synth` binary, run as a process on files.

use std::fs;
use std::path::Path;
use std::process::Command;

/// Runs the binary in `dir`; returns the exit code, stdout and stderr.
pub(crate) fn synth(args: &[&str], dir: &Path) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_synth")).args(args).current_dir(dir).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const PIPELINE_JSON: &str = r#"{
  "pipeline": {
    "name": "my-pipeline",
    "roleArn": "arn:aws:iam::123456789012:role/CodePipelineRole",
    "artifactStore": {"type": "S3", "location": "my-pipeline-artifacts"},
    "stages": [
      {"name": "Source", "actions": [{
        "name": "Checkout",
        "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
        "configuration": {"RepositoryName": "my-repo", "BranchName": "main"},
        "outputArtifacts": [{"name": "Code"}]
      }]},
      {"name": "Build", "actions": [{
        "name": "Build",
        "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
        "configuration": {"ProjectName": "my-project"},
        "inputArtifacts": [{"name": "Code"}]
      }]}
    ]
  },
  "metadata": {"pipelineArn": "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline"}
}
"#;

const TEMPLATE_YAML: &str = "\
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Release:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: release
      RoleArn: !GetAtt PipelineRole.Arn
      ArtifactStore: {Type: S3, Location: !Ref Bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: 1}
              Configuration: {RepositoryName: my-repo, BranchName: main, PollForSourceChanges: false}
              OutputArtifacts: [{Name: Code}]
        - Name: Approve
          Actions:
            - Name: Approve
              ActionTypeId: {Category: Approval, Owner: AWS, Provider: Manual, Version: 1}
";

#[test]
fn validates_get_pipeline_json_and_templates() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("pipeline.json"), PIPELINE_JSON).unwrap();
    fs::write(dir.path().join("template.yaml"), TEMPLATE_YAML).unwrap();
    assert_eq!(
        synth(&["validate", "pipeline.json", "template.yaml"], dir.path()),
        (
            0,
            "pipeline.json: pipeline \"my-pipeline\": 0 errors, 0 warnings\n\
             template.yaml > Release: pipeline \"release\": 0 errors, 0 warnings\n\
             checked 2 files: 0 errors, 0 warnings\n"
                .to_owned(),
            String::new()
        )
    );
}

#[test]
fn a_file_of_the_wrong_shape_is_an_error_with_its_path_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.json"),
        PIPELINE_JSON.replace("\"configuration\": {\"ProjectName\"", "\"config\": {\"ProjectName\""),
    )
    .unwrap();
    fs::write(dir.path().join("notes.json"), "{\"hello\": \"world\"}").unwrap();
    let (code, stdout, stderr) = synth(&["validate", "bad.json", "notes.json"], dir.path());
    assert_eq!((code, stdout.as_str()), (1, "checked 2 files: 2 errors, 0 warnings\n"));
    assert_eq!(
        stderr,
        "error: bad.json: pipeline.stages[1].actions[0].config: unknown field `config`, expected one of `name`, \
         `actionTypeId`, `runOrder`, `configuration`, `commands`, `outputArtifacts`, `inputArtifacts`, \
         `outputVariables`, `roleArn`, `region`, `namespace`, `timeoutInMinutes`, `environmentVariables`\n\
         error: notes.json: not a pipeline: expected create-pipeline or get-pipeline JSON ({\"pipeline\": {...}}) \
         or a CloudFormation template with an AWS::CodePipeline::Pipeline resource\n"
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_with_3() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("broken.json"), "{\"pipeline\": ").unwrap();
    let (code, stdout, stderr) = synth(&["validate", "missing.json", "broken.json"], dir.path());
    assert_eq!((code, stdout.as_str()), (3, "checked 2 files: 2 errors, 0 warnings\n"));
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("error: missing.json: cannot read the file: "), "{stderr}");
    assert_eq!(lines[1], "error: broken.json: line 1, column 13: EOF while parsing a value");
}

#[test]
fn help_lists_the_command_and_the_exit_codes_and_no_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = synth(&["--help"], dir.path());
    assert_eq!(code, 0);
    assert!(
        stdout.contains("validate  Check pipeline files and print every finding, prefixed with the file"),
        "{stdout}"
    );
    assert!(stdout.contains("  3  a file or folder could not be read or written"), "{stdout}");
    let (code, _, stderr) = synth(&["validate"], dir.path());
    assert_eq!(code, 2);
    assert!(stderr.contains("the following required arguments were not provided:\n  <FILE>..."), "{stderr}");
}
