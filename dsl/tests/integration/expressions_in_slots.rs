//! CloudFormation expressions where templates put them: an artifact path,
//! `Fn::GetParam` values in `ParameterOverrides` with their artifact wired as
//! an input, extra inputs on a CloudFormation deploy, `Fn::Sub` with a map
//! of values, `Fn::Join` over a list-valued attribute, `Fn::Sub` kept
//! when parameters and pipeline variables mix, and an artifact named by an
//! expression, which every reader writes as its producer does.

use pipewright_dsl::prelude::*;
use serde_json::{json, Value};

use crate::support::action_json;

const DEPLOY_ROLE: &str = "arn:aws:iam::123456789012:role/CloudFormationRole";

/// Source, a build producing `Config`, and a deploy defined by `deploy`.
fn deploy_after_build<F>(deploy: F) -> Pipeline
where
    F: for<'p> FnOnce(
        Artifact<'p>,
        Artifact<'p>,
        &ActionHandle<'p, 1, CodeCommitVariables<'p>>,
    ) -> CloudFormationDeploy<'p>,
{
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let [config] = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact()).output("Config")).artifacts
        });
        p.stage("Deploy", |s| s.add(deploy(source.artifact(), config, &source)));
    })
}

fn configuration(pipeline: &Pipeline, key: &str) -> Value {
    action_json(pipeline, 2, 0)["configuration"][key].clone()
}

fn inputs(pipeline: &Pipeline) -> Value {
    action_json(pipeline, 2, 0)["inputArtifacts"].clone()
}

#[test]
fn an_artifact_path_may_be_an_expression() {
    let pipeline = deploy_after_build(|_, config, _| {
        CloudFormationDeploy::create_update("Deploy", "app", config.path(cfn::sub("${Base}.json")), DEPLOY_ROLE)
    });
    assert_eq!(configuration(&pipeline, "TemplatePath"), json!({"Fn::Sub": "Config::${Base}.json"}));
    assert_eq!(inputs(&pipeline), json!([{"name": "Config"}]));
}

#[test]
fn get_param_values_are_objects_in_parameter_overrides_and_wire_their_artifact() {
    let pipeline = deploy_after_build(|code, config, _| {
        CloudFormationDeploy::create_update("Deploy", "app", code.path("app.yaml"), DEPLOY_ROLE).parameter_overrides([
            ("Bucket", ParameterValue::from(config.path("outputs.json").get_param("BucketName"))),
            ("Env", cfn::reference("Env").into()),
        ])
    });
    assert_eq!(
        configuration(&pipeline, "ParameterOverrides"),
        json!({"Fn::Join": ["", [
            "{\"Bucket\":{\"Fn::GetParam\":[\"Config\",\"outputs.json\",\"BucketName\"]},\"Env\":\"",
            {"Ref": "Env"},
            "\"}"
        ]]})
    );
    assert_eq!(inputs(&pipeline), json!([{"name": "CheckoutOutput"}, {"name": "Config"}]));
}

#[test]
fn a_cloudformation_deploy_takes_extra_inputs() {
    let pipeline = deploy_after_build(|code, config, _| {
        CloudFormationDeploy::create_update("Deploy", "app", code.path("app.yaml"), DEPLOY_ROLE)
            .input(config)
            .input(code)
    });
    assert_eq!(inputs(&pipeline), json!([{"name": "CheckoutOutput"}, {"name": "Config"}]));
}

#[test]
fn fn_sub_is_kept_when_parameters_and_pipeline_variables_mix() {
    let pipeline = deploy_after_build(|code, _, source| {
        let stack = Text::concat([cfn::sub("${Env}-app-").into(), source.vars().commit_id().into()]);
        CloudFormationDeploy::create_update("Deploy", stack, code.path("app.yaml"), DEPLOY_ROLE)
    });
    assert_eq!(configuration(&pipeline, "StackName"), json!({"Fn::Sub": "${Env}-app-#{Source_Checkout.CommitId}"}));
    // The variable's producer publishes its namespace.
    assert_eq!(action_json(&pipeline, 0, 0)["namespace"], "Source_Checkout");
}

#[test]
fn sub_with_values_and_join_over_a_list_attribute() {
    let pipeline = deploy_after_build(|code, _, _| {
        CloudFormationDeploy::create_update("Deploy", "app", code.path("app.yaml"), DEPLOY_ROLE).parameter_overrides([
            ("Url", cfn::sub_with("https://${Host}/", [("Host", cfn::get_att("Site", "DomainName"))])),
            ("Names", cfn::join_list(",", cfn::get_att("Endpoint", "DnsEntries"))),
        ])
    });
    assert_eq!(
        configuration(&pipeline, "ParameterOverrides"),
        json!({"Fn::Join": ["", [
            "{\"Url\":\"",
            {"Fn::Sub": ["https://${Host}/", {"Host": {"Fn::GetAtt": ["Site", "DomainName"]}}]},
            "\",\"Names\":\"",
            {"Fn::Join": [",", {"Fn::GetAtt": ["Endpoint", "DnsEntries"]}]},
            "\"}"
        ]]})
    );
}

#[test]
fn an_artifact_named_by_an_expression_is_read_by_the_same_expression() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Checkout", "repo", "main").output_name(cfn::sub("${AWS::StackName}Code")))
        });
        p.stage("Deploy", |s| {
            let code = source.artifact();
            s.add(
                CloudFormationDeploy::create_update("Deploy", "app", code.path("app.yaml"), DEPLOY_ROLE)
                    .parameter_overrides([("Tag", code.path("tag.json").get_param("Tag"))]),
            )
        });
    });
    let name = json!({"Fn::Sub": "${AWS::StackName}Code"});
    assert_eq!(action_json(&pipeline, 0, 0)["outputArtifacts"], json!([{"name": name}]));
    let deploy = action_json(&pipeline, 1, 0);
    assert_eq!(deploy["inputArtifacts"], json!([{"name": name}]));
    assert_eq!(deploy["configuration"]["TemplatePath"], json!({"Fn::Sub": "${AWS::StackName}Code::app.yaml"}));
    assert_eq!(
        deploy["configuration"]["ParameterOverrides"],
        json!({"Fn::Sub": "{\"Tag\":{\"Fn::GetParam\":[\"${AWS::StackName}Code\",\"tag.json\",\"Tag\"]}}"})
    );
    assert!(pipeline.check().is_empty(), "{:?}", pipeline.check());
}
