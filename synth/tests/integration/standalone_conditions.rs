//! `synth validate` on templates with `Fn::If`: around a stage or an action
//! the model holds the condition and the pipeline is checked once, with the
//! conditional parts present or absent; around a whole value the model
//! cannot hold (an action's `Configuration`), the pipeline is read once with
//! every condition true and once with every condition false, and each
//! reading is checked.

use pipewright_synth::{standalone, Exit};

const TEMPLATE: &str = r#"
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: app
      RoleArn: arn:aws:iam::123456789012:role/CodePipelineRole
      ArtifactStore:
        Type: S3
        Location: app-artifacts
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1"}
              Configuration: {RepositoryName: app, BranchName: main}
              OutputArtifacts: [{Name: Src}]
        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1"}
              Configuration: {ProjectName: !If [IsProd, app, app-dev]}
              InputArtifacts: [{Name: Src}]
            - !If
              - IsProd
              - Name: Scan
                ActionTypeId: {Category: Test, Owner: AWS, Provider: CodeBuild, Version: "1"}
                Configuration: {ProjectName: scan}
                InputArtifacts: [{Name: Scanned}]
              - !Ref AWS::NoValue
        - !If
          - IsProd
          - Name: Deploy
            Actions:
              - Name: Deploy
                ActionTypeId: {Category: Deploy, Owner: AWS, Provider: S3, Version: "1"}
                Configuration: {BucketName: prod-site, Extract: "true"}
                InputArtifacts: [{Name: Src}]
          - !Ref AWS::NoValue
"#;

/// Runs `synth validate` on `template`; the exit code and stdout, with the
/// file's path shortened to `template.yaml`.
fn validate(template: &str) -> (Exit, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("template.yaml");
    std::fs::write(&path, template).unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = standalone::run(["synth", "validate", path.to_str().unwrap()], &mut stdout, &mut stderr);
    assert_eq!(String::from_utf8(stderr).unwrap(), "");
    (exit, String::from_utf8(stdout).unwrap().replace(path.to_str().unwrap(), "template.yaml"))
}

#[test]
fn conditional_stages_and_actions_are_checked_as_present_or_absent() {
    assert_eq!(
        validate(TEMPLATE),
        (
            Exit::Invalid,
            "template.yaml > Pipeline: error[input-artifact-unknown]: pipeline \"app\" > stage \"Build\" > action \
             \"Scan\" > inputArtifacts[0].name: no action produces the input artifact \"Scanned\"; artifacts \
             produced before this action: \"Src\" (stage \"Source\" > action \"Checkout\")\n\
             template.yaml > Pipeline: pipeline \"app\": 1 error, 0 warnings\n"
                .to_owned()
        )
    );
}

#[test]
fn each_branch_of_a_condition_around_a_whole_configuration_is_checked() {
    let template = TEMPLATE.replace(
        "Configuration: {ProjectName: !If [IsProd, app, app-dev]}",
        "Configuration: !If [IsProd, {ProjectName: app}, {ProjectName: app-dev, PrimarySource: Missing}]",
    );
    assert_eq!(
        validate(&template),
        (
            Exit::Invalid,
            "template.yaml > Pipeline (every condition true): error[input-artifact-unknown]: pipeline \"app\" > \
             stage \"Build\" > action \"Scan\" > inputArtifacts[0].name: no action produces the input artifact \
             \"Scanned\"; artifacts produced before this action: \"Src\" (stage \"Source\" > action \"Checkout\")\n\
             template.yaml > Pipeline (every condition true): pipeline \"app\": 1 error, 0 warnings\n\
             template.yaml > Pipeline (every condition false): error[artifact-name-input]: pipeline \"app\" > \
             stage \"Build\" > action \"Build\" > configuration.PrimarySource: PrimarySource \"Missing\" is not \
             an input artifact of this action; use one of its input artifacts: \"Src\"\n\
             template.yaml > Pipeline (every condition false): pipeline \"app\": 1 error, 0 warnings\n"
                .to_owned()
        )
    );
}
