//! Real pipelines by other people (`../shared/corpus`, see its SOURCES.md):
//! every one reads into the model and writes back what it said, and the
//! model crosses between the template and the API JSON form only when its
//! values are all literal.
//!
//! The corpus is not part of the repository; these tests are ignored unless
//! it is present (`cargo test -- --include-ignored`).

use std::fs;
use std::path::Path;

use pipewright_dsl::model::cloudformation::{first_expression, parse_template, read_template, CfnPipeline};
use pipewright_dsl::model::{PipelineDocument, PipelineType, Str};
use pipewright_dsl::Pipeline;
use serde_json::{json, Value};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus");

/// What a corpus template's pipeline is, read off the file by hand.
struct TemplatePipeline {
    file: &'static str,
    logical_id: &'static str,
    name_given: bool,
    stages: usize,
    /// The first CloudFormation expression in the pipeline's API JSON form:
    /// where it is and what it is.
    first_expression: (&'static str, Value),
}

fn template_pipelines() -> Vec<TemplatePipeline> {
    let pipeline = |file, logical_id, name_given, stages, path, expression| TemplatePipeline {
        file,
        logical_id,
        name_given,
        stages,
        first_expression: (path, expression),
    };
    vec![
        pipeline(
            "01-cross-account-codecommit-kms.yaml",
            "CodePipeline",
            true,
            2,
            "pipeline.name",
            json!({"Ref": "Name"}),
        ),
        pipeline(
            "02-cross-region-s3-codedeploy.yaml",
            "MultiRegionPipeline",
            false,
            2,
            "pipeline.roleArn",
            json!({"Fn::GetAtt": ["CodePipelineServiceRole", "Arn"]}),
        ),
        pipeline(
            "04-github-v1-codebuild-ecs.yaml",
            "Pipeline",
            false,
            3,
            "pipeline.roleArn",
            json!({"Fn::GetAtt": ["CodePipelineServiceRole", "Arn"]}),
        ),
        pipeline(
            "05-importvalue-primarysource-approval.yaml",
            "Pipeline",
            true,
            3,
            "pipeline.name",
            json!({"Fn::Sub": "${AWS::StackName}-Code-Pipeline"}),
        ),
        pipeline(
            "06-codeconnections-cfn-notification-rule.yaml",
            "Pipeline",
            true,
            3,
            "pipeline.roleArn",
            json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}),
        ),
        pipeline(
            "07-v2-triggers-path-filter-commands.yaml",
            "Pipeline",
            true,
            2,
            "pipeline.roleArn",
            json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}),
        ),
        pipeline(
            "08-s3-deploy-extract-disabled-transitions.yaml",
            "Pipeline",
            true,
            3,
            "pipeline.name",
            json!({"Ref": "PipelineName"}),
        ),
        pipeline(
            "09-codecommit-approvals-events-rule.yaml",
            "OUCICDPipeline",
            true,
            7,
            "pipeline.name",
            json!({"Fn::Sub": "${ApplicationName}-cicd-pipeline"}),
        ),
        pipeline(
            "10-cfn-json-s3-source-codebuild.json",
            "Pipeline",
            false,
            2,
            "pipeline.roleArn",
            json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}),
        ),
        pipeline(
            "11-codedeploy-ecs-bluegreen-namespaces.yaml",
            "rAppPipeline",
            true,
            6,
            "pipeline.name",
            json!({"Fn::Sub": "${pApplicationName}-pipeline"}),
        ),
        pipeline(
            "12-cross-account-kms-changesets.yaml",
            "Pipeline",
            true,
            5,
            "pipeline.name",
            json!({"Ref": "AWS::StackName"}),
        ),
    ]
}

const API_JSON_FILE: &str = "03-get-pipeline-codecommit-lambda.json";

fn read_corpus(file: &str) -> String {
    fs::read_to_string(Path::new(CORPUS).join(file)).unwrap_or_else(|error| panic!("{CORPUS}/{file}: {error}"))
}

/// The only pipeline of a corpus template, and the template it came from.
fn only_pipeline(file: &str) -> (CfnPipeline, Value) {
    let text = read_corpus(file);
    let mut pipelines = read_template(&text).unwrap_or_else(|error| panic!("{file}: {error}"));
    assert_eq!(pipelines.len(), 1, "{file} holds one pipeline");
    (pipelines.remove(0), parse_template(&text).unwrap())
}

/// Booleans and numbers as their string form, everywhere. This is exactly
/// CloudFormation's own coercion of scalars in string-typed properties
/// (`PollForSourceChanges: false` is the string "false", `Version: 1` is
/// "1"), which the model applies on reading; the integer properties
/// (`RunOrder`, `TimeoutInMinutes`) and `RestartExecutionOnUpdate` read both
/// forms alike, so comparing them as strings loses nothing.
fn scalars_as_strings(value: &Value) -> Value {
    match value {
        Value::Bool(flag) => Value::String(flag.to_string()),
        Value::Number(number) => Value::String(number.to_string()),
        Value::Array(items) => Value::Array(items.iter().map(scalars_as_strings).collect()),
        Value::Object(object) => {
            Value::Object(object.iter().map(|(key, entry)| (key.clone(), scalars_as_strings(entry))).collect())
        }
        text_or_null => text_or_null.clone(),
    }
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn every_template_pipeline_writes_back_its_properties() {
    for expected in template_pipelines() {
        let (pipeline, template) = only_pipeline(expected.file);
        assert_eq!(pipeline.logical_id, expected.logical_id, "{}", expected.file);
        assert_eq!(pipeline.name_given, expected.name_given, "{}", expected.file);
        assert_eq!(pipeline.declaration.stages.len(), expected.stages, "{}", expected.file);
        let original = &template["Resources"][expected.logical_id]["Properties"];
        assert_eq!(
            scalars_as_strings(&pipeline.to_properties()),
            scalars_as_strings(original),
            "{} does not write back its Properties",
            expected.file
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn template_pipelines_survive_the_pipeline_wrapper() {
    for expected in template_pipelines() {
        let (pipeline, _) = only_pipeline(expected.file);
        let again = Pipeline::from_cfn(pipeline.clone()).to_cfn(expected.logical_id);
        // A pipeline holds tags as a list, so an empty list written in the
        // template means the same as none; an empty list of disabled
        // transitions (08) is kept and written back.
        let mut properties = pipeline.to_properties();
        let properties_map = properties.as_object_mut().unwrap();
        if properties_map.get("Tags") == Some(&json!([])) {
            properties_map.shift_remove("Tags");
        }
        assert_eq!(again.to_properties(), properties, "{}", expected.file);
    }
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn the_api_json_pipeline_round_trips_exactly() {
    let text = read_corpus(API_JSON_FILE);
    let document = PipelineDocument::from_json(&text).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&document).unwrap(), original);
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn a_literal_pipeline_crosses_to_api_json_and_back_unchanged() {
    let document = PipelineDocument::from_json(&read_corpus(API_JSON_FILE)).unwrap();
    let api_json = serde_json::to_value(&document).unwrap();
    assert_eq!(first_expression(&api_json), None);
    assert_eq!(PipelineDocument::from_json(&api_json.to_string()).unwrap(), document);

    // Through the template form too: the read-only `version` is not written.
    let resource = Pipeline::from_document(document.clone()).to_cfn("Pipeline");
    let back = CfnPipeline::from_properties("Pipeline", &resource.to_properties()).unwrap();
    let mut expected = document.pipeline;
    expected.version = None;
    assert_eq!(back.declaration, expected);
    let through_api =
        PipelineDocument::from_json(&serde_json::to_string(&Pipeline::from_cfn(back).document()).unwrap());
    assert_eq!(through_api.unwrap().pipeline, expected);
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn a_pipeline_with_expressions_names_the_first_one_when_written_as_api_json() {
    for expected in template_pipelines() {
        let (pipeline, _) = only_pipeline(expected.file);
        let api_json = serde_json::to_value(Pipeline::from_cfn(pipeline).document()).unwrap();
        let found = first_expression(&api_json).unwrap_or_else(|| panic!("{} has expressions", expected.file));
        let (path, expression) = &expected.first_expression;
        assert_eq!((found.path.as_str(), &found.expression.to_json()), (*path, expression), "{}", expected.file);
        assert_eq!(
            found.to_string(),
            format!(
                "{path}: {expression} is a CloudFormation expression, which only a template can resolve; the API \
                 JSON form needs a literal value here (write the resolved value, or synthesize a CloudFormation \
                 template)"
            )
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_features_read_as_written() {
    let (cross_region, _) = only_pipeline("02-cross-region-s3-codedeploy.yaml");
    let stores = &cross_region.declaration.artifact_stores.as_ref().unwrap().0;
    let regions: Vec<&Str> = stores.iter().map(|store| &store.region).collect();
    assert_eq!(regions, ["us-west-2", "us-east-1", "ap-southeast-2"]);
    let deploy = &cross_region.declaration.stages[1].actions[0];
    assert_eq!(
        serde_json::to_value(deploy.region.as_ref().unwrap()).unwrap(),
        json!({"Fn::FindInMap": ["SecondRegionMap", {"Ref": "AWS::Region"}, "SecondRegion1"]})
    );
    assert_eq!(
        cross_region.declaration.stages[0].actions[0].configuration.as_ref().unwrap()["PollForSourceChanges"],
        "true"
    );

    let (restart_off, _) = only_pipeline("05-importvalue-primarysource-approval.yaml");
    assert_eq!(restart_off.restart_execution_on_update, Some(false));

    let (v2, _) = only_pipeline("07-v2-triggers-path-filter-commands.yaml");
    assert_eq!(v2.declaration.pipeline_type, Some(PipelineType::V2));
    let push = &v2.declaration.triggers.as_ref().unwrap()[0].git_configuration.push.as_ref().unwrap()[0];
    assert_eq!(push.file_paths.as_ref().unwrap().excludes.as_ref().unwrap(), &["app/test/**"]);
    assert_eq!(v2.declaration.stages[1].actions[0].configuration.as_ref().map(|c| c.len()), Some(0));

    let (static_site, _) = only_pipeline("08-s3-deploy-extract-disabled-transitions.yaml");
    assert_eq!(static_site.disable_inbound_stage_transitions, Some(Vec::new()));
    assert_eq!(static_site.declaration.stages[2].actions[0].configuration.as_ref().unwrap()["Extract"], "true");

    let (json_template, _) = only_pipeline("10-cfn-json-s3-source-codebuild.json");
    let build = &json_template.declaration.stages[1].actions[0];
    assert_eq!(build.action_type_id.version, "1");
    assert!(build.configuration.as_ref().unwrap()["EnvironmentVariables"].as_literal().unwrap().contains("MY_VAR"));

    let (blue_green, _) = only_pipeline("11-codedeploy-ecs-bluegreen-namespaces.yaml");
    assert_eq!(blue_green.restart_execution_on_update, Some(true));
    assert_eq!(blue_green.declaration.stages[1].actions[1].namespace.as_ref().unwrap(), "BuildImageVariables");

    let (cross_account, _) = only_pipeline("12-cross-account-kms-changesets.yaml");
    let key = cross_account.declaration.artifact_store.as_ref().unwrap().encryption_key.as_ref().unwrap();
    assert_eq!(serde_json::to_value(&key.id).unwrap(), json!({"Ref": "CMKARN"}));
    let role = cross_account.declaration.stages[0].actions[0].role_arn.as_ref().unwrap();
    assert_eq!(
        serde_json::to_value(role).unwrap(),
        json!({"Fn::If": [
            "AddCodeBuildResource",
            {"Fn::Sub": "arn:aws:iam::${DevAccount}:role/ToolsAcctCodePipelineCodeCommitRole"},
            {"Ref": "AWS::NoValue"}
        ]})
    );
}
