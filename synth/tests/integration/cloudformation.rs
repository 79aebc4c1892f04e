//! The CloudFormation emitter: the template's exact shape, its logical id,
//! expressions written as they are, and YAML equal to JSON.

use pipewright_dsl::prelude::*;
use pipewright_synth::emit::cloudformation::{self, logical_id, stack_name};
use pipewright_synth::emit::{FileKind, Format};
use serde_json::json;

fn pipeline(role: Str) -> Pipeline {
    Pipeline::build("web-app", |p| {
        p.role_arn(role);
        p.artifact_store(ArtifactStore::s3("web-app-artifacts"));
        p.tag("team", "web");
        p.restart_execution_on_update(true);
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "web-app", "main")));
        p.stage("Deploy", |s| {
            s.disable_inbound_transition("Frozen until release");
            s.add(EcsDeploy::new("Deploy", "web", "web-app", source.artifact()));
        });
    })
}

#[test]
fn writes_the_pipeline_resource_with_the_template_only_properties() {
    let file = cloudformation::emit(&pipeline("arn:aws:iam::123456789012:role/CodePipelineRole".into()), Format::Json)
        .unwrap();
    assert_eq!((file.path.as_str(), file.kind), ("template.json", FileKind::Template));
    assert!(
        file.contents.ends_with("}\n") && file.contents.contains("\n  \"Resources\": {\n    \"WebAppPipeline\": {")
    );
    let template: serde_json::Value = serde_json::from_str(&file.contents).unwrap();
    assert_eq!(
        template,
        json!({
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": "The CodePipeline pipeline web-app and the rules declared with it",
            "Resources": {
                "WebAppPipeline": {
                    "Type": "AWS::CodePipeline::Pipeline",
                    "Properties": {
                        "Name": "web-app",
                        "RoleArn": "arn:aws:iam::123456789012:role/CodePipelineRole",
                        "ArtifactStore": {"Type": "S3", "Location": "web-app-artifacts"},
                        "Stages": [
                            {"Name": "Source", "Actions": [{
                                "Name": "Checkout",
                                "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "CodeCommit", "Version": "1"},
                                "Configuration": {"RepositoryName": "web-app", "BranchName": "main"},
                                "OutputArtifacts": [{"Name": "CheckoutOutput"}]
                            }]},
                            {"Name": "Deploy", "Actions": [{
                                "Name": "Deploy",
                                "ActionTypeId": {"Category": "Deploy", "Owner": "AWS", "Provider": "ECS", "Version": "1"},
                                "Configuration": {"ClusterName": "web", "ServiceName": "web-app"},
                                "InputArtifacts": [{"Name": "CheckoutOutput"}]
                            }]}
                        ],
                        "DisableInboundStageTransitions": [{"StageName": "Deploy", "Reason": "Frozen until release"}],
                        "RestartExecutionOnUpdate": true,
                        "Tags": [{"Key": "team", "Value": "web"}]
                    }
                }
            }
        })
    );
    let deploy = file.deploy.unwrap();
    assert_eq!(
        deploy.command,
        "aws cloudformation deploy --template-file template.json --stack-name web-app --no-fail-on-empty-changeset"
    );
    assert_eq!((deploy.account.as_deref(), deploy.order), (Some("123456789012"), 1));
}

#[test]
fn keeps_expressions_as_written() {
    let file = cloudformation::emit(&pipeline(cfn::get_att("PipelineRole", "Arn")), Format::Yaml).unwrap();
    assert_eq!(file.path, "template.yaml");
    assert!(
        file.contents.contains("      RoleArn:\n        Fn::GetAtt:\n        - PipelineRole\n        - Arn\n"),
        "{}",
        file.contents
    );
    assert_eq!(file.deploy.unwrap().account, None, "the account is unknown when the role is an expression");
}

#[test]
fn yaml_and_json_hold_the_same_template() {
    let pipeline = pipeline(cfn::sub("arn:aws:iam::${AWS::AccountId}:role/CodePipelineRole"));
    let json = cloudformation::emit(&pipeline, Format::Json).unwrap().contents;
    let yaml = cloudformation::emit(&pipeline, Format::Yaml).unwrap().contents;
    let from_json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let from_yaml: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(from_yaml, from_json);
    assert!(yaml.ends_with('\n') && !yaml.ends_with("\n\n"));
}

#[test]
fn the_logical_id_and_stack_name_follow_the_pipeline_name() {
    let cases = [
        ("my-pipeline", "MyPipelinePipeline", "my-pipeline"),
        ("Release", "ReleasePipeline", "Release"),
        ("api_v2.prod@eu", "ApiV2ProdEuPipeline", "api-v2-prod-eu"),
        ("2024-release", "2024ReleasePipeline", "pipeline-2024-release"),
    ];
    for (name, id, stack) in cases {
        assert_eq!((logical_id(name).as_str(), stack_name(name).as_str()), (id, stack), "{name}");
    }
}

#[test]
fn the_same_pipeline_gives_the_same_bytes() {
    let role = || Str::from("arn:aws:iam::123456789012:role/CodePipelineRole");
    for format in [Format::Json, Format::Yaml] {
        assert_eq!(cloudformation::emit(&pipeline(role()), format), cloudformation::emit(&pipeline(role()), format));
    }
}
