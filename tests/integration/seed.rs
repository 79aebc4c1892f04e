//! The seed example reproduces the origin document.
//!
//! The "Basic Pipeline" is a whole create-pipeline document, so
//! `my-pipeline/pipeline.json` must be equal to it as JSON: no field missing,
//! none added.
//!
//! Every other pipeline fragment of the document must be *contained* in some
//! emitted `pipeline.json`, at some depth. A fragment is contained in a value
//! when
//! - both are objects and every key of the fragment is in the value, with a
//!   value that contains the fragment's value (the value may have more keys);
//! - both are arrays of the same length and each element of the value
//!   contains the fragment's element at the same index;
//! - otherwise, both are equal.
//!
//! Containment, not equality, because the fragments show only what their
//! section is about: the document's parallel Test stage has CodeBuild actions
//! without `inputArtifacts`, which AWS requires (the emitted stage adds them);
//! the action fragments show `actionTypeId` and `configuration` without the
//! action's `name`; the cross-account fragment shows one configuration key of
//! a CloudFormation action that needs more. Arrays must keep their length so
//! that "the Test stage has exactly these three actions, each with
//! `runOrder` 1" is what is checked, not "some three actions somewhere".

use std::fs;
use std::path::Path;

use crate::examples::seed;
use pipewright::prelude::*;
use serde_json::{json, Value};

const SEED_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed");

/// Seed files that are not fragments of a pipeline's JSON, and why.
const NOT_PIPELINE_FRAGMENTS: [(&str, &str); 3] = [
    ("basic-pipeline.json", "a whole document, compared for equality"),
    ("imagedefinitions.json", "a file a build writes into an artifact, read by the ECS deploy action"),
    ("eventbridge-rule.json", "an EventBridge event pattern, compared with the rule synth writes"),
];

/// Whether `fragment` is contained in `value` (see the module's doc).
fn contains(value: &Value, fragment: &Value) -> bool {
    match (value, fragment) {
        (Value::Object(value), Value::Object(fragment)) => {
            fragment.iter().all(|(key, wanted)| value.get(key).is_some_and(|found| contains(found, wanted)))
        }
        (Value::Array(values), Value::Array(fragments)) => {
            values.len() == fragments.len()
                && values.iter().zip(fragments).all(|(value, wanted)| contains(value, wanted))
        }
        _ => value == fragment,
    }
}

/// Whether `fragment` is contained in `value` or in any value inside it.
fn contained_anywhere(value: &Value, fragment: &Value) -> bool {
    contains(value, fragment)
        || match value {
            Value::Object(object) => object.values().any(|child| contained_anywhere(child, fragment)),
            Value::Array(items) => items.iter().any(|child| contained_anywhere(child, fragment)),
            _ => false,
        }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Synthesizes the seed example into a temporary folder.
fn synthesize() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add_all(&seed::pipelines()).write().unwrap();
    out
}

/// Synthesizes the seed example and reads back each pipeline's
/// `pipeline.json`, by pipeline name.
fn synthesized() -> Vec<(String, Value)> {
    let out = synthesize();
    seed::pipelines()
        .iter()
        .map(|pipeline| (pipeline.name(), read_json(&out.path().join(pipeline.name()).join("pipeline.json"))))
        .collect()
}

#[test]
fn my_pipeline_is_the_basic_pipeline_of_the_seed() {
    let emitted = synthesized();
    assert_eq!(emitted[0].0, "my-pipeline");
    assert_eq!(emitted[0].1, read_json(&Path::new(SEED_DATA).join("basic-pipeline.json")));
}

#[test]
fn every_pipeline_fragment_of_the_seed_is_contained_in_an_emitted_pipeline() {
    let emitted = synthesized();
    let mut fragments: Vec<String> = fs::read_dir(SEED_DATA)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && NOT_PIPELINE_FRAGMENTS.iter().all(|(skipped, _)| name != skipped))
        .collect();
    fragments.sort();
    assert_eq!(fragments.len(), 14, "every fragment file is found: {fragments:?}");
    let missing: Vec<&String> = fragments
        .iter()
        .filter(|name| {
            let fragment = read_json(&Path::new(SEED_DATA).join(name));
            !emitted.iter().any(|(_, document)| contained_anywhere(document, &fragment))
        })
        .collect();
    assert!(missing.is_empty(), "no emitted pipeline.json contains {missing:?}");
}

#[test]
fn the_parallel_test_stage_runs_its_three_actions_together_on_the_built_artifact() {
    let emitted = synthesized();
    let web_app = &emitted.iter().find(|(name, _)| name == "web-app").unwrap().1;
    let test = &web_app["pipeline"]["stages"][2];
    assert_eq!(test["name"], "Test");
    for action in test["actions"].as_array().unwrap() {
        assert_eq!((&action["runOrder"], &action["inputArtifacts"]), (&json!(1), &json!([{"name": "BuildOutput"}])));
    }
}

#[test]
fn the_eventbridge_rule_has_the_pattern_of_the_seed() {
    let out = synthesize();
    let rule = read_json(&out.path().join("container-app/events/my-repo-main.json"));
    let pattern: Value = serde_json::from_str(rule["PutRule"]["EventPattern"].as_str().unwrap()).unwrap();
    assert_eq!(pattern, read_json(&Path::new(SEED_DATA).join("eventbridge-rule.json")));
    assert_eq!(rule["PutTargets"]["Targets"][0]["Arn"], "arn:aws:codepipeline:us-east-1:123456789012:container-app");
}

/// The document's notification example is a command line:
///
/// ```sh
/// aws codestar-notifications create-notification-rule \
///   --name pipeline-notifications \
///   --resource arn:aws:codepipeline:us-east-1:123456789012:my-pipeline \
///   --detail-type FULL \
///   --event-type-ids \
///     codepipeline-pipeline-pipeline-execution-failed \
///     codepipeline-pipeline-pipeline-execution-succeeded \
///   --targets TargetType=SNS,TargetAddress=arn:aws:sns:us-east-1:123456789012:notifications
/// ```
///
/// whose `--cli-input-json` form is the file synth writes.
#[test]
fn the_notification_rule_is_the_create_notification_rule_of_the_seed() {
    let out = synthesize();
    assert_eq!(
        read_json(&out.path().join("my-pipeline/notifications/pipeline-notifications.json")),
        json!({
            "Name": "pipeline-notifications",
            "Resource": "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline",
            "DetailType": "FULL",
            "EventTypeIds": [
                "codepipeline-pipeline-pipeline-execution-failed",
                "codepipeline-pipeline-pipeline-execution-succeeded"
            ],
            "Targets": [{"TargetType": "SNS", "TargetAddress": "arn:aws:sns:us-east-1:123456789012:notifications"}]
        })
    );
}

#[test]
fn containment_needs_every_key_and_same_length_arrays() {
    let value = json!({"name": "Test", "actions": [{"name": "A", "runOrder": 1}, {"name": "B", "runOrder": 1}]});
    assert!(contains(&value, &json!({"actions": [{"runOrder": 1}, {"name": "B"}]})));
    assert!(!contains(&value, &json!({"actions": [{"runOrder": 1}]})), "an array must keep its length");
    assert!(!contains(&value, &json!({"actions": [{"name": "B"}, {"name": "A"}]})), "an array keeps its order");
    assert!(!contains(&value, &json!({"name": "Test", "blockers": []})), "a key must be present");
    assert!(!contains(&value, &json!({"name": "Build"})), "a scalar must be equal");
    assert!(!contains(&json!({"runOrder": "1"}), &json!({"runOrder": 1})), "types must be equal");
    assert!(contained_anywhere(&json!({"pipeline": value}), &json!({"name": "B"})));
    assert!(!contained_anywhere(&json!({"pipeline": value}), &json!({"name": "C"})));
}
