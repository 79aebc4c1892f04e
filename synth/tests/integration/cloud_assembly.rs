//! `manifest.json` as an AWS CDK cloud assembly: a stack artifact per
//! template, with its environment, its JSON template, the stacks deployed
//! before it and, in another account, the role the CDK CLI assumes there.

use crate::emit_cross_account::seed::{cross_account_pipeline, store_with_key};
use indexmap::IndexMap;
use pipewright_dsl::prelude::*;
use pipewright_synth::cloud_assembly::{display_name, insert_unique, DeployRoles, StackArtifact, StackProperties};
use pipewright_synth::{Format, Synth};
use serde_json::{json, Value};

/// A pipeline in account 123456789012, in `region` when one is given.
fn single_account(region: Option<&str>) -> Pipeline {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app", source.artifact()));
        });
    });
    match region {
        Some(region) => pipeline.with_region(region),
        None => pipeline,
    }
}

/// The manifest and every file of a synth, by path.
fn assemble(synth: Synth<'_>) -> (Value, Vec<(String, String)>) {
    let assembly = synth.assemble().unwrap();
    let files: Vec<(String, String)> = assembly.files.into_iter().map(|file| (file.path, file.contents)).collect();
    let manifest = files.iter().find(|(path, _)| path == "manifest.json").unwrap();
    (serde_json::from_str(&manifest.1).unwrap(), files)
}

fn contents<'a>(files: &'a [(String, String)], path: &str) -> &'a str {
    &files.iter().find(|(file, _)| file == path).unwrap_or_else(|| panic!("{path} was not written")).1
}

#[test]
fn a_single_account_pipeline_is_one_stack_deployed_with_the_callers_credentials() {
    let pipeline = single_account(Some("eu-west-1"));
    let (manifest, files) = assemble(Synth::new("out").add(&pipeline));
    assert_eq!(manifest["version"], "36.0.0");
    assert_eq!(manifest["generator"], "pipewright", "pipewright's own keys stay beside CDK's");
    assert_eq!(
        manifest["artifacts"],
        json!({"app-template": {
            "type": "aws:cloudformation:stack",
            "environment": "aws://123456789012/eu-west-1",
            "displayName": "app/template",
            "properties": {"templateFile": "app/template.json", "stackName": "app"},
        }})
    );
    let template: Value = serde_json::from_str(contents(&files, "app/template.json")).unwrap();
    assert!(template["Resources"].as_object().unwrap().values().any(|r| r["Type"] == "AWS::CodePipeline::Pipeline"));
    let entry = &manifest["pipelines"][0]["files"][1];
    assert_eq!((&entry["path"], &entry["artifact"]), (&json!("app/template.json"), &json!("app-template")));
}

#[test]
fn an_unknown_region_is_written_the_way_cdk_writes_it() {
    let pipeline = single_account(None);
    let (manifest, _) = assemble(Synth::new("out").add(&pipeline));
    assert_eq!(manifest["artifacts"]["app-template"]["environment"], "aws://123456789012/unknown-region");
}

#[test]
fn yaml_templates_get_json_twins_for_the_cdk_cli() {
    let pipeline = single_account(Some("us-east-1"));
    let (manifest, files) = assemble(Synth::new("out").add(&pipeline).format(Format::Yaml));
    let yaml: Value = serde_yaml::from_str(contents(&files, "app/template.yaml")).unwrap();
    let json: Value = serde_json::from_str(contents(&files, "app/template.json")).unwrap();
    assert_eq!(json, yaml, "the twin is the same template");
    assert_eq!(manifest["artifacts"]["app-template"]["properties"]["templateFile"], "app/template.json");
    let listed = manifest["pipelines"][0]["files"].as_array().unwrap();
    let twin = listed.iter().find(|file| file["path"] == "app/template.json").expect("the twin is listed");
    assert_eq!(twin["jsonTwinOf"], "app/template.yaml");
    assert_eq!(twin.get("artifact"), None, "the twin is not a stack of its own");
    let original = listed.iter().find(|file| file["path"] == "app/template.yaml").unwrap();
    assert_eq!(original["artifact"], "app-template");
}

#[test]
fn role_stacks_of_other_accounts_are_deployed_first_through_the_bootstrap_deploy_role() {
    let pipeline = cross_account_pipeline(store_with_key());
    let (manifest, files) = assemble(Synth::new("out").add(&pipeline));
    let artifacts = manifest["artifacts"].as_object().unwrap();
    let roles = &artifacts["my-pipeline-cross-account-987654321098-us-east-1"];
    assert_eq!(roles["type"], "aws:cloudformation:stack");
    assert_eq!(roles["environment"], "aws://987654321098/us-east-1");
    assert_eq!(
        roles["properties"]["assumeRoleArn"],
        "arn:${AWS::Partition}:iam::987654321098:role/cdk-hnb659fds-deploy-role-987654321098-us-east-1"
    );
    assert_eq!(
        roles["properties"]["cloudFormationExecutionRoleArn"],
        "arn:${AWS::Partition}:iam::987654321098:role/cdk-hnb659fds-cfn-exec-role-987654321098-us-east-1",
        "the bootstrap deploy role may only pass the execution role"
    );
    assert_eq!(roles.get("dependencies"), None);
    let template_file = roles["properties"]["templateFile"].as_str().unwrap();
    assert_eq!(template_file, "my-pipeline/cross-account/987654321098-us-east-1.template.json");
    let twin: Value = serde_json::from_str(contents(&files, template_file)).unwrap();
    let yaml: Value =
        serde_yaml::from_str(contents(&files, "my-pipeline/cross-account/987654321098-us-east-1.template.yaml"))
            .unwrap();
    assert_eq!(twin, yaml);

    let stack = &artifacts["my-pipeline-template"];
    assert_eq!(stack["environment"], "aws://123456789012/us-east-1");
    assert_eq!(stack["properties"].get("assumeRoleArn"), None, "the pipeline's own account deploys it");
    assert_eq!(stack["properties"].get("cloudFormationExecutionRoleArn"), None);
    assert_eq!(stack["dependencies"], json!(["my-pipeline-cross-account-987654321098-us-east-1"]));
    for artifact in artifacts.values() {
        for dependency in artifact["dependencies"].as_array().into_iter().flatten() {
            assert!(artifacts.contains_key(dependency.as_str().unwrap()), "{dependency} is an artifact");
        }
    }
}

#[test]
fn the_role_assumed_in_an_account_can_be_named() {
    let pipeline = cross_account_pipeline(store_with_key());
    let roles = DeployRoles::default().with("987654321098", "arn:aws:iam::987654321098:role/Deployer");
    let (manifest, _) = assemble(Synth::new("out").add(&pipeline).deploy_roles(roles));
    let properties = &manifest["artifacts"]["my-pipeline-cross-account-987654321098-us-east-1"]["properties"];
    assert_eq!(properties["assumeRoleArn"], "arn:aws:iam::987654321098:role/Deployer");
    assert_eq!(properties.get("cloudFormationExecutionRoleArn"), None, "the named role deploys with its own rights");
}

#[test]
fn every_stack_lists_its_parameters_and_where_their_values_come_from() {
    let pipeline = cross_account_pipeline(store_with_key());
    let (manifest, files) = assemble(Synth::new("out").add(&pipeline));
    for entry in manifest["pipelines"][0]["files"].as_array().unwrap() {
        let Some(path) = entry["path"].as_str().filter(|_| entry.get("artifact").is_some()) else { continue };
        let template: Value = serde_yaml::from_str(contents(&files, path)).unwrap();
        let declared: Vec<&String> =
            template.get("Parameters").and_then(Value::as_object).map(|p| p.keys().collect()).unwrap_or_default();
        let listed: Vec<&str> = entry["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|parameter| parameter["name"].as_str().unwrap())
            .collect();
        assert_eq!(listed, declared, "{path}");
        for parameter in entry["parameters"].as_array().into_iter().flatten() {
            let default = &template["Parameters"][parameter["name"].as_str().unwrap()].get("Default");
            let expected = if default.is_some() { "default" } else { "deploy-command" };
            assert_eq!(parameter["from"], expected, "{path}: {parameter}");
        }
    }
}

#[test]
fn two_display_names_that_give_the_same_id_get_distinct_ids() {
    let artifact = |name: &str| StackArtifact {
        artifact_type: "aws:cloudformation:stack",
        environment: "aws://123456789012/us-east-1".to_owned(),
        display_name: name.to_owned(),
        dependencies: Vec::new(),
        properties: StackProperties {
            template_file: format!("{name}.json"),
            stack_name: None,
            assume_role_arn: None,
            cloud_formation_execution_role_arn: None,
        },
    };
    let mut artifacts = IndexMap::new();
    let one = insert_unique(&mut artifacts, artifact("a/b-template"));
    let two = insert_unique(&mut artifacts, artifact("a-b/template"));
    assert_eq!((one.as_str(), two.as_str()), ("a-b-template", "a-b-template-2"));
    assert_eq!(artifacts[&two].display_name, "a-b/template");
    assert_eq!(display_name("a/cross-account/1-r.template.yaml"), "a/cross-account/1-r");
}
