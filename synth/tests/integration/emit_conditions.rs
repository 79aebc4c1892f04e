//! CloudFormation conditions in the output: the template declares them in
//! `Conditions` and writes conditional stages, actions and tags with
//! `Fn::If`, in JSON and YAML alike; the API JSON form refuses them with
//! their path; `synth validate` reads the template back.

use std::fs;

use pipewright_dsl::prelude::*;
use pipewright_synth::emit::{api_json, cloudformation, Format};
use serde_json::json;

use crate::standalone::synth;

fn pipeline() -> Pipeline {
    Pipeline::build("web-app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("web-app-artifacts"));
        let prod = p.condition("IsProd", cfn::equals(cfn::reference("AWS::AccountId"), "123456789012"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "web-app", "main")));
        p.stage("Approve", |s| {
            s.when(&prod);
            s.add(ManualApproval::new("Approve"));
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "web", "web-app", source.artifact()).when(&prod));
            s.add(ManualApproval::new("Notify").run_order(2));
        });
    })
}

#[test]
fn the_template_declares_the_conditions_its_parts_use() {
    let file = cloudformation::emit(&pipeline(), Format::Json).unwrap();
    let template: serde_json::Value = serde_json::from_str(&file.contents).unwrap();
    let keys: Vec<&str> = template.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["AWSTemplateFormatVersion", "Description", "Conditions", "Resources"]);
    assert_eq!(template["Conditions"], json!({"IsProd": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "123456789012"]}}));
    let stages = &template["Resources"]["WebAppPipeline"]["Properties"]["Stages"];
    assert_eq!(stages[1]["Fn::If"][0], "IsProd");
    assert_eq!(stages[1]["Fn::If"][1]["Name"], "Approve");
    assert_eq!(stages[1]["Fn::If"][2], json!({"Ref": "AWS::NoValue"}));
    assert_eq!(stages[2]["Actions"][0]["Fn::If"][1]["Configuration"]["ClusterName"], "web");
    assert_eq!(stages[2]["Actions"][1]["Name"], "Notify");
    let yaml = cloudformation::emit(&pipeline(), Format::Yaml).unwrap();
    let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml.contents).unwrap();
    assert_eq!(from_yaml, template);
}

#[test]
fn a_pipeline_without_conditions_writes_no_conditions_section() {
    let plain = Pipeline::build("plain", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "web-app", "main")));
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
    });
    let file = cloudformation::emit(&plain, Format::Json).unwrap();
    assert!(!file.contents.contains("Conditions"), "{}", file.contents);
}

#[test]
fn the_api_form_refuses_a_conditional_stage_naming_its_path() {
    let error = api_json::emit(&pipeline()).unwrap_err().to_string();
    assert_eq!(
        error,
        "pipeline.stages[1] exists only under the CloudFormation condition \"IsProd\" (`Fn::If`), which \
         pipeline.json cannot hold: deploy this pipeline with its CloudFormation template (template.json or \
         template.yaml), or drop the condition"
    );
}

#[test]
fn synth_validate_reads_back_the_conditional_template_synth_writes() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = cloudformation::emit(&pipeline(), Format::Yaml).unwrap();
    fs::write(dir.path().join("template.yaml"), &yaml.contents).unwrap();
    let without_conditions = yaml.contents.replace("Conditions:\n  IsProd:", "Unused:\n  IsProd:");
    fs::write(dir.path().join("undeclared.yaml"), without_conditions).unwrap();
    let (code, stdout, _) = synth(&["validate", "template.yaml", "undeclared.yaml"], dir.path());
    assert_eq!(code, 1, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "template.yaml > WebAppPipeline: pipeline \"web-app\": 0 errors, 0 warnings");
    assert!(
        lines[1..].iter().any(|line| line.contains("error[template-condition-undeclared]")
            && line.contains("Stages[1].Fn::If: the condition \"IsProd\" is not declared")),
        "{stdout}"
    );
}

/// A pipeline with one tag always set and one under `IsProd`.
fn tagged() -> Pipeline {
    Pipeline::build("web-app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("web-app-artifacts"));
        let prod = p.condition("IsProd", cfn::equals(cfn::reference("AWS::AccountId"), "123456789012"));
        p.tag("team", "web").tag_when(&prod, "cost-center", "production");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "web-app", "main")));
        p.stage("Deploy", |s| s.add(EcsDeploy::new("Deploy", "web", "web-app", source.artifact())));
    })
}

#[test]
fn a_conditional_tag_is_written_with_fn_if_in_the_template() {
    let file = cloudformation::emit(&tagged(), Format::Json).unwrap();
    let template: serde_json::Value = serde_json::from_str(&file.contents).unwrap();
    assert_eq!(
        template["Resources"]["WebAppPipeline"]["Properties"]["Tags"],
        json!([
            {"Key": "team", "Value": "web"},
            {"Fn::If": ["IsProd", {"Key": "cost-center", "Value": "production"}, {"Ref": "AWS::NoValue"}]},
        ])
    );
    assert_eq!(template["Conditions"]["IsProd"]["Fn::Equals"][1], "123456789012");
    let yaml = cloudformation::emit(&tagged(), Format::Yaml).unwrap();
    let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml.contents).unwrap();
    assert_eq!(from_yaml, template);
}

#[test]
fn the_api_form_refuses_a_conditional_tag_naming_its_path() {
    let error = api_json::emit(&tagged()).unwrap_err().to_string();
    assert_eq!(
        error,
        "tags[1] exists only under the CloudFormation condition \"IsProd\" (`Fn::If`), which pipeline.json cannot \
         hold: deploy this pipeline with its CloudFormation template (template.json or template.yaml), or drop the \
         condition"
    );
}
