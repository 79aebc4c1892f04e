//! Pipelines whose name is not a literal: named by an expression, or left
//! for CloudFormation to name. Their logical id names their template
//! resource and their output folder; without one synth refuses them.

use std::fs;

use pipewright_dsl::prelude::*;
use pipewright_dsl::template::Parameter;
use pipewright_synth::{Synth, SynthError};
use serde_json::{json, Value};

/// A pipeline named `name`, with `define` run first.
fn pipeline(name: Str, define: impl for<'p> FnOnce(&mut PipelineBuilder<'p>)) -> Pipeline {
    Pipeline::build(name, |p| {
        p.region("us-east-1");
        define(p);
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    })
}

/// The findings of a synth that must fail, as printed; nothing is written.
fn refused(pipelines: &[&Pipeline]) -> Vec<String> {
    let parent = tempfile::tempdir().unwrap();
    let error = Synth::new(parent.path().join("out")).add_all(pipelines.iter().copied()).write().unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors, got {error}") };
    assert!(!parent.path().join("out").exists(), "nothing is written");
    findings.iter().map(ToString::to_string).collect()
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_pipeline_named_by_an_expression_without_a_logical_id_is_refused() {
    let pipeline = pipeline(cfn::sub("${AWS::StackName}-pipeline"), |_| {});
    assert_eq!(
        refused(&[&pipeline]),
        ["error[pipeline-name-literal]: pipeline \"!Sub ${AWS::StackName}-pipeline\": the name is a CloudFormation \
          expression, so synth cannot derive the pipeline's logical id and output folder from it: give one with \
          `p.logical_id(\"Pipeline\")` (letters and digits)"]
    );
}

#[test]
fn a_pipeline_named_by_an_expression_is_written_under_its_logical_id() {
    let pipeline = pipeline(cfn::sub("${AWS::StackName}-pipeline"), |p| {
        p.logical_id("Pipeline");
    });
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let report = Synth::new(&out).add(&pipeline).write().unwrap();
    let template = read_json(&out.join("Pipeline/template.json"));
    assert_eq!(
        template["Resources"]["Pipeline"]["Properties"]["Name"],
        json!({"Fn::Sub": "${AWS::StackName}-pipeline"})
    );
    assert!(!out.join("Pipeline/pipeline.json").exists());
    let not_written: Vec<&str> = report.not_written.iter().map(|file| file.path.as_str()).collect();
    assert_eq!(not_written, ["Pipeline/pipeline.json"]);
    assert!(report.not_written[0].reason.starts_with("pipeline.name holds the CloudFormation expression"));
    let manifest = read_json(&out.join("manifest.json"));
    assert_eq!(manifest["pipelines"][0]["folder"], "Pipeline");
    assert_eq!(manifest["pipelines"][0]["name"], "!Sub ${AWS::StackName}-pipeline");
    assert_eq!(
        manifest["pipelines"][0]["deploy"]["cloudformation"][0]["command"],
        "aws cloudformation deploy --region us-east-1 --template-file Pipeline/template.json --stack-name Pipeline \
         --no-fail-on-empty-changeset"
    );
}

#[test]
fn an_unnamed_pipeline_leaves_name_out_and_keeps_its_logical_id() {
    let unnamed = Pipeline::unnamed("Release", |p| {
        p.region("us-east-1");
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    });
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let report = Synth::new(&out).add(&unnamed).write().unwrap();
    let template = read_json(&out.join("Release/template.json"));
    let resources = template["Resources"].as_object().unwrap();
    assert_eq!(resources.keys().collect::<Vec<_>>(), ["Release"]);
    assert!(resources["Release"]["Properties"].get("Name").is_none(), "CloudFormation names the pipeline");
    assert_eq!(report.not_written.iter().map(|file| file.path.as_str()).collect::<Vec<_>>(), ["Release/pipeline.json"]);
}

#[test]
fn a_logical_id_given_to_a_literal_name_keeps_the_folder_and_renames_the_resource() {
    let pipeline = pipeline("my-pipeline".into(), |p| {
        p.logical_id("Pipeline");
    });
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    Synth::new(&out).add(&pipeline).write().unwrap();
    let template = read_json(&out.join("my-pipeline/template.json"));
    assert_eq!(template["Resources"]["Pipeline"]["Properties"]["Name"], "my-pipeline");
    assert!(out.join("my-pipeline/pipeline.json").is_file());
}

#[test]
fn a_logical_id_that_cloudformation_refuses_is_a_finding() {
    let pipeline = pipeline("my-pipeline".into(), |p| {
        p.logical_id("my-pipeline");
    });
    assert_eq!(
        refused(&[&pipeline]),
        ["error[pipeline-logical-id]: pipeline \"my-pipeline\": the logical id \"my-pipeline\" is not 1 to 255 ASCII \
          letters and digits: give one such as \"Pipeline\" with `p.logical_id(..)`"]
    );
}

#[test]
fn two_pipelines_named_by_expressions_need_different_logical_ids() {
    let env = Parameter::string("Env").default_value("dev");
    let first = pipeline(cfn::sub("${Env}-web"), |p| {
        p.parameter(env.clone());
        p.logical_id("Pipeline");
    });
    let second = pipeline(cfn::sub("${Env}-api"), |p| {
        p.parameter(env.clone());
        p.logical_id("Pipeline");
    });
    assert_eq!(
        refused(&[&first, &second]),
        ["error[pipeline-name-unique]: pipeline \"!Sub ${Env}-api\": two pipelines have the logical id \"Pipeline\", \
          which names the output folder of a pipeline whose name is not a literal: give one another with \
          `p.logical_id(..)`"]
    );
}

#[test]
fn a_pipeline_read_from_a_template_without_name_keeps_its_logical_id() {
    let template: Value = serde_json::from_str(
        r#"{"Resources": {"Release": {"Type": "AWS::CodePipeline::Pipeline", "Properties": {
            "RoleArn": "arn:aws:iam::123456789012:role/CodePipelineRole",
            "ArtifactStore": {"Type": "S3", "Location": "my-artifacts"},
            "Stages": [
                {"Name": "Source", "Actions": [{"Name": "Checkout",
                    "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "CodeCommit", "Version": "1"},
                    "Configuration": {"RepositoryName": "my-repo", "BranchName": "main"},
                    "OutputArtifacts": [{"Name": "Source"}]}]},
                {"Name": "Build", "Actions": [{"Name": "Build",
                    "ActionTypeId": {"Category": "Build", "Owner": "AWS", "Provider": "CodeBuild", "Version": "1"},
                    "Configuration": {"ProjectName": "my-project"},
                    "InputArtifacts": [{"Name": "Source"}]}]}
            ]}}}}"#,
    )
    .unwrap();
    let resource = pipewright_dsl::model::cloudformation::CfnPipeline::from_properties(
        "Release",
        &template["Resources"]["Release"]["Properties"],
    )
    .unwrap();
    let pipeline = Pipeline::from_cfn(resource);
    assert_eq!((pipeline.logical_id(), pipeline.folder_name().as_str()), (Some("Release"), "Release"));
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    Synth::new(&out).add(&pipeline).write().unwrap();
    let written = read_json(&out.join("Release/template.json"));
    assert!(written["Resources"]["Release"]["Properties"].get("Name").is_none());
}
