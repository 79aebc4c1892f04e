//! `synth validate` on a template with `Fn::If` around whole values (a
//! stage, an action): the pipeline is read once with every condition true
//! and once with every condition false, and each reading is checked.

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

#[test]
fn each_branch_of_the_conditions_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("template.yaml");
    std::fs::write(&path, TEMPLATE).unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = standalone::run(["synth", "validate", path.to_str().unwrap()], &mut stdout, &mut stderr);
    let stdout = String::from_utf8(stdout).unwrap().replace(path.to_str().unwrap(), "template.yaml");
    assert_eq!((exit, String::from_utf8(stderr).unwrap().as_str()), (Exit::Invalid, ""));
    assert_eq!(
        stdout,
        "template.yaml > Pipeline (every condition true): error[input-artifact-unknown]: pipeline \"app\" > stage \
         \"Build\" > action \"Scan\" > inputArtifacts[0].name: no action produces the input artifact \"Scanned\"; \
         artifacts produced before this action: \"Src\" (stage \"Source\" > action \"Checkout\")\n\
         template.yaml > Pipeline (every condition true): pipeline \"app\": 1 error, 0 warnings\n\
         template.yaml > Pipeline (every condition false): pipeline \"app\": 0 errors, 0 warnings\n"
    );
}
