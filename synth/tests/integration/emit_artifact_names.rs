//! Artifacts named by a CloudFormation expression: the template writes the
//! expression where the artifact is produced and wherever it is read (inputs,
//! artifact paths); `pipeline.json` cannot hold it, so synth leaves that file
//! out and says why, and writes the rest.

use std::fs;

use pipewright_dsl::prelude::*;
use pipewright_synth::emit::{api_json, cloudformation, Format};
use pipewright_synth::Synth;
use serde_json::{json, Value};

const DEPLOY_ROLE: &str = "arn:aws:iam::123456789012:role/CloudFormationRole";

/// A change set whose output artifact is named `${AWS::StackName}ChangeSet`,
/// read by a test and by a deploy that takes a file from it.
fn pipeline() -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        let [change_set] = p.stage("Prepare", |s| {
            let template = source.artifact().path("app.yaml");
            let create =
                CloudFormationDeploy::create_replace_change_set("Create", "app", "app-cs", template, DEPLOY_ROLE)
                    .output_file_name("outputs.json")
                    .output_name(cfn::sub("${AWS::StackName}ChangeSet"));
            s.add(create).artifacts
        });
        p.stage("Check", |s| {
            s.add(CodeBuild::test("Inspect", "inspect-project", change_set));
            s.add(CloudFormationDeploy::create_update("Stage", "app-stage", change_set.path("app.yaml"), DEPLOY_ROLE));
        });
    })
}

fn stages(template: &Value) -> &Value {
    &template["Resources"]["AppPipeline"]["Properties"]["Stages"]
}

#[test]
fn the_template_writes_the_expression_where_the_artifact_is_produced_and_read() {
    let file = cloudformation::emit(&pipeline(), Format::Json).unwrap();
    let template: Value = serde_json::from_str(&file.contents).unwrap();
    let stages = stages(&template);
    let name = json!({"Fn::Sub": "${AWS::StackName}ChangeSet"});
    assert_eq!(stages[1]["Actions"][0]["OutputArtifacts"], json!([{"Name": name}]));
    assert_eq!(stages[2]["Actions"][0]["InputArtifacts"], json!([{"Name": name}]));
    assert_eq!(stages[2]["Actions"][1]["InputArtifacts"], json!([{"Name": name}]));
    assert_eq!(
        stages[2]["Actions"][1]["Configuration"]["TemplatePath"],
        json!({"Fn::Sub": "${AWS::StackName}ChangeSet::app.yaml"})
    );
    let yaml = cloudformation::emit(&pipeline(), Format::Yaml).unwrap();
    let from_yaml: Value = serde_yaml::from_str(&yaml.contents).unwrap();
    assert_eq!(from_yaml, template);
}

#[test]
fn validation_finds_nothing_to_report_about_the_expression_name() {
    let findings: Vec<String> = pipeline().check().iter().map(ToString::to_string).collect();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_api_form_refuses_the_expression_name_naming_its_path() {
    let error = api_json::emit(&pipeline()).unwrap_err().to_string();
    assert_eq!(
        error,
        "pipeline.stages[1].actions[0].outputArtifacts[0].name holds the CloudFormation expression \
         !Sub ${AWS::StackName}ChangeSet, which pipeline.json cannot hold: deploy this pipeline with its \
         CloudFormation template (template.json or template.yaml), or give the field a literal value"
    );
}

#[test]
fn synth_leaves_out_only_pipeline_json_and_says_why() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let report = Synth::new(&out).add(&pipeline()).write().unwrap();
    let not_written: Vec<(&str, &str)> =
        report.not_written.iter().map(|file| (file.path.as_str(), file.reason.as_str())).collect();
    assert_eq!(not_written.len(), 1, "{not_written:?}");
    assert_eq!(not_written[0].0, "app/pipeline.json");
    assert!(
        not_written[0]
            .1
            .starts_with("pipeline.stages[1].actions[0].outputArtifacts[0].name holds the CloudFormation expression"),
        "{}",
        not_written[0].1
    );
    assert!(!out.join("app/pipeline.json").exists());
    let template: Value = serde_json::from_slice(&fs::read(out.join("app/template.json")).unwrap()).unwrap();
    assert_eq!(
        stages(&template)[2]["Actions"][0]["InputArtifacts"][0]["Name"]["Fn::Sub"],
        "${AWS::StackName}ChangeSet"
    );
    let manifest: Value = serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["pipelines"][0]["notWritten"][0]["path"], "app/pipeline.json");
}
