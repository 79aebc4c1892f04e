//! Every JSON fragment of the seed reads into the model type it is and
//! writes back equal (compared as JSON values); unknown fields in API JSON
//! are errors that name the field and its path.

use std::fs;
use std::path::Path;

use pipewright_dsl::model::{ActionDeclaration, ArtifactStores, PipelineDocument, PipelineVariable, StageDeclaration};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seed");

/// What each seed file holds.
enum Fragment {
    /// `{"pipeline": ...}`: create-pipeline input.
    Document,
    /// One stage.
    Stage,
    /// Part of an action: the fields an action declaration requires but the
    /// fragment leaves out (`name`, `actionTypeId`) are added to read it, and
    /// taken out again before comparing.
    PartialAction,
    /// `{"artifactStores": {region: store}}`.
    ArtifactStores,
    /// `{"pipeline": {"variables": [...]}}`.
    Variables,
    /// Not part of the pipeline model: an EventBridge pattern or an ECS
    /// image-definitions file.
    Other,
}

fn fragment_of(file: &str) -> Fragment {
    match file {
        "basic-pipeline.json" => Fragment::Document,
        "stage-manual-approval.json" | "stage-parallel-test.json" => Fragment::Stage,
        "action-cross-account.json"
        | "action-output-variables.json"
        | "deploy-cloudformation.json"
        | "deploy-ecs.json"
        | "deploy-lambda.json"
        | "deploy-s3.json"
        | "source-codecommit.json"
        | "source-codestar-connection.json"
        | "source-ecr.json"
        | "source-s3.json" => Fragment::PartialAction,
        "artifact-stores-cross-region.json" => Fragment::ArtifactStores,
        "pipeline-variables.json" => Fragment::Variables,
        "eventbridge-rule.json" | "imagedefinitions.json" => Fragment::Other,
        other => panic!("seed file {other} is new: say which model type it is in `fragment_of`"),
    }
}

fn round_trip<T: DeserializeOwned + Serialize>(value: &Value) -> Value {
    let model: T = serde_json::from_value(value.clone()).unwrap_or_else(|error| panic!("{error} in {value}"));
    serde_json::to_value(&model).unwrap()
}

fn round_trip_partial_action(fragment: &Value) -> Value {
    let mut action = fragment.as_object().unwrap().clone();
    let added: Vec<&str> = [
        ("name", json!("Action")),
        ("actionTypeId", json!({"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"})),
    ]
    .into_iter()
    .filter_map(|(key, value)| (!action.contains_key(key)).then(|| action.insert(key.to_owned(), value)).map(|_| key))
    .collect();
    let mut written = round_trip::<ActionDeclaration>(&Value::Object(action));
    for key in added {
        written.as_object_mut().unwrap().remove(key);
    }
    written
}

#[test]
fn every_seed_fragment_writes_back_what_it_read() {
    let mut checked = 0;
    let mut files: Vec<_> = fs::read_dir(SEED).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    for path in &files {
        let file = path.file_name().unwrap().to_str().unwrap();
        let original: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        let written = match fragment_of(file) {
            Fragment::Document => {
                let document = PipelineDocument::from_json(&fs::read_to_string(path).unwrap()).unwrap();
                serde_json::to_value(&document).unwrap()
            }
            Fragment::Stage => round_trip::<StageDeclaration>(&original),
            Fragment::PartialAction => round_trip_partial_action(&original),
            Fragment::ArtifactStores => {
                json!({"artifactStores": round_trip::<ArtifactStores>(&original["artifactStores"])})
            }
            Fragment::Variables => {
                json!({"pipeline": {"variables": round_trip::<Vec<PipelineVariable>>(&original["pipeline"]["variables"])}})
            }
            Fragment::Other => continue,
        };
        assert_eq!(written, original, "{file} does not write back what it read");
        checked += 1;
    }
    assert_eq!(checked, 15, "every pipeline fragment of the seed is checked");
}

#[test]
fn the_basic_pipeline_reads_into_the_model_it_describes() {
    let text = fs::read_to_string(Path::new(SEED).join("basic-pipeline.json")).unwrap();
    let document = PipelineDocument::from_json(&text).unwrap();
    let pipeline = &document.pipeline;
    assert_eq!(pipeline.name, "my-pipeline");
    let stage_names: Vec<String> = pipeline.stages.iter().map(|stage| stage.name.to_string()).collect();
    assert_eq!(stage_names, ["Source", "Build", "Deploy"]);
    let build = &pipeline.stages[1].actions[0];
    assert_eq!(build.configuration.as_ref().unwrap()["ProjectName"], "my-build-project");
    assert_eq!(build.input_artifacts.as_ref().unwrap()[0].name, "SourceOutput");
    assert_eq!(pipeline.artifact_store.as_ref().unwrap().location, "my-pipeline-artifacts");
}

#[test]
fn an_unknown_field_in_api_json_names_the_field_and_its_path() {
    let text = fs::read_to_string(Path::new(SEED).join("basic-pipeline.json")).unwrap();
    let mut document: Value = serde_json::from_str(&text).unwrap();
    document["pipeline"]["stages"][1]["actions"][0]["foo"] = json!("bar");
    let error = PipelineDocument::from_json(&document.to_string()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "pipeline.stages[1].actions[0].foo: unknown field `foo`, expected one of `name`, `actionTypeId`, \
         `runOrder`, `configuration`, `commands`, `outputArtifacts`, `inputArtifacts`, `outputVariables`, \
         `roleArn`, `region`, `namespace`, `timeoutInMinutes`, `environmentVariables`"
    );
}

#[test]
fn a_template_property_name_is_unknown_in_api_json() {
    let text = r#"{"pipeline": {"name": "p", "RoleArn": "arn:aws:iam::123456789012:role/R", "stages": []}}"#;
    let error = PipelineDocument::from_json(text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "pipeline.RoleArn: unknown field `RoleArn`, expected one of `name`, `roleArn`, `artifactStore`, \
         `artifactStores`, `stages`, `version`, `executionMode`, `pipelineType`, `variables`, `triggers`"
    );
}
