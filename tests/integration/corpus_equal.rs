//! Every pipeline of `../shared/corpus`, rebuilt with typed builders
//! (`crate::corpus`), synthesizes to what the original says.
//!
//! - The `get-pipeline` document (file 03) is compared with synth's
//!   `pipeline.json` exactly.
//! - A template's pipeline is compared by its whole `Properties` with those
//!   of the pipeline resource synth writes, as JSON values whose scalars are
//!   compared as strings: CloudFormation coerces them so (`Version: 1` is
//!   `"1"`, `PollForSourceChanges: false` is `"false"`).
//! - The original template's EventBridge rules (`AWS::Events::Rule`) and
//!   notification rules (`AWS::CodeStarNotifications::NotificationRule`)
//!   that refer to the pipeline (in their targets, resource or event
//!   pattern) are compared, in order, with every rule synth writes into the
//!   template, by their whole `Properties` likewise. Rules on other
//!   resources only (09's notification rule on a repository) are not the
//!   pipeline's.
//!
//! Each difference is printed with its JSON path, and there must be none.
//! Three normalisations compare forms that AWS reads alike; each applies
//! only where it says, and every place it applies is printed too. They are
//! defined once, in `synth/tests/integration/normalisation.rs`, which the
//! import round trip of pipewright-synth uses as well:
//!
//! - **Empty lists and objects** (`normalisation::EMPTY_MEANS_ABSENT`): an action's
//!   `inputArtifacts: []`, `outputArtifacts: []` or `configuration: {}`
//!   (either case) equals the key left out. `get-pipeline` writes the empty
//!   lists for every action that has none, and CodePipeline stores an action
//!   without artifacts or configuration the same either way; synth leaves
//!   the keys out. (Where the empty list is a setting of its own,
//!   `DisableInboundStageTransitions: []`, the rebuild writes it:
//!   `p.write_empty_disabled_transitions()`.)
//! - **JSON text** (`normalisation::JSON_TEXT_KEYS`): the configuration values that
//!   CodeBuild (`EnvironmentVariables`) and CloudFormation
//!   (`ParameterOverrides`) parse as JSON are compared as the JSON values
//!   they hold, so spaces, line breaks and the order of an object's keys do
//!   not count; synth writes them compactly with keys in the documented
//!   order. Lists keep their order.
//! - **The version** of a `get-pipeline` document (`pipeline.version`) is
//!   AWS's count of the pipeline's updates, not part of its definition (a
//!   create-pipeline input leaves it out, and import drops it too); it is
//!   not compared.

use std::fs;
use std::path::Path;

use pipewright::model::cloudformation::parse_template;
use pipewright::prelude::Synth;
use pipewright::synth::emit::{api_json, cloudformation};
use pipewright::synth::import::refers_to;
use pipewright::synth::{standalone, Exit};
use pipewright::Pipeline;
use serde_json::{json, Value};

use crate::corpus::{rebuilds, Form, Rebuild};
use crate::normalisation::{empty_means_absent, same_json_text, without_version};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");

/// The resource types of the rules compared with the pipeline.
const RULE_TYPES: [&str; 2] = ["AWS::Events::Rule", "AWS::CodeStarNotifications::NotificationRule"];

/// One place where a rebuild and its original disagree.
#[derive(Debug, PartialEq)]
struct Difference {
    path: String,
    original: Option<Value>,
    rebuilt: Option<Value>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |value: &Option<Value>| value.as_ref().map_or("(absent)".to_owned(), Value::to_string);
        write!(f, "{}: original {} / rebuilt {}", self.path, show(&self.original), show(&self.rebuilt))
    }
}

/// How scalars are compared.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scalars {
    /// As they are (the API JSON form).
    Exact,
    /// As strings, CloudFormation's coercion (templates).
    AsStrings,
}

/// What a comparison found: the differences, and the places where a
/// normalisation made two forms equal (printed, so that none goes unseen).
#[derive(Debug, Default, PartialEq)]
struct Comparison {
    differences: Vec<Difference>,
    normalised: Vec<String>,
}

/// The differences between `original` and `rebuilt`, below `path`, and
/// where the normalisations made them equal.
fn differences(path: &str, original: &Value, rebuilt: &Value, scalars: Scalars, found: &mut Comparison) {
    let difference = |path: String, original: Option<&Value>, rebuilt: Option<&Value>| Difference {
        path,
        original: original.cloned(),
        rebuilt: rebuilt.cloned(),
    };
    let key = path.rsplit(['.', ']']).next().unwrap_or_default();
    match (original, rebuilt) {
        (Value::Object(original), Value::Object(rebuilt)) => {
            let absent = |key: &str, value: &Value, side: &str, found: &mut Comparison| {
                let at = member(path, key);
                if empty_means_absent(key, value) {
                    found.normalised.push(format!("{at}: {value} in the {side} only, the same as absent"));
                    true
                } else {
                    false
                }
            };
            for (key, value) in original {
                let at = member(path, key);
                match rebuilt.get(key) {
                    Some(other) => differences(&at, value, other, scalars, found),
                    None if absent(key, value, "original", found) => {}
                    None => found.differences.push(difference(at, Some(value), None)),
                }
            }
            for (key, value) in rebuilt.iter().filter(|(key, _)| !original.contains_key(*key)) {
                if !absent(key, value, "rebuild", found) {
                    found.differences.push(difference(member(path, key), None, Some(value)));
                }
            }
        }
        (Value::Array(original), Value::Array(rebuilt)) => {
            for index in 0..original.len().max(rebuilt.len()) {
                let at = format!("{path}[{index}]");
                match (original.get(index), rebuilt.get(index)) {
                    (Some(value), Some(other)) => differences(&at, value, other, scalars, found),
                    (value, other) => found.differences.push(difference(at, value, other)),
                }
            }
        }
        _ if scalars == Scalars::AsStrings
            && as_string(original).is_some_and(|text| Some(text) == as_string(rebuilt)) => {}
        _ if original == rebuilt => {}
        _ if same_json_text(key, original, rebuilt) => {
            found.normalised.push(format!("{path}: the same JSON value as text written otherwise"));
        }
        _ => found.differences.push(difference(path.to_owned(), Some(original), Some(rebuilt))),
    }
}

/// The path of `key` inside the object at `path`.
fn member(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A scalar's string form: what CloudFormation makes of it.
fn as_string(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The rule resources of `template` (their `Properties`, in template
/// order) that `keep` selects.
fn rules(template: &Value, keep: impl Fn(&Value) -> bool) -> Vec<Value> {
    let resources = template["Resources"].as_object().expect("a template has Resources");
    resources
        .values()
        .filter(|resource| RULE_TYPES.iter().any(|kind| resource["Type"] == *kind))
        .map(|rule| rule["Properties"].clone())
        .filter(|properties| keep(properties))
        .collect()
}

/// The template synth writes for `pipeline`, as a JSON value.
fn synthesized_template(pipeline: &Pipeline) -> Value {
    serde_json::to_value(cloudformation::template(pipeline).expect("the template is written"))
        .expect("the template is JSON")
}

/// The logical id synth gives the pipeline in its template.
fn synthesized_logical_id(template: &Value) -> String {
    let resources = template["Resources"].as_object().expect("a template has Resources");
    let (id, _) = resources
        .iter()
        .find(|(_, resource)| resource["Type"] == "AWS::CodePipeline::Pipeline")
        .expect("the template holds the pipeline");
    id.clone()
}

/// Every difference between a rebuild and its original file, and where
/// the normalisations applied.
fn compare_rebuild(rebuild: &Rebuild) -> Comparison {
    let text = fs::read_to_string(Path::new(CORPUS).join(rebuild.file))
        .unwrap_or_else(|error| panic!("{CORPUS}/{}: {error}", rebuild.file));
    let pipeline = (rebuild.pipeline)();
    let mut found = Comparison::default();
    match rebuild.form {
        Form::ApiJson => {
            let mut original: Value = serde_json::from_str(&text).expect("the document is JSON");
            if let Some(version) = without_version(&mut original) {
                found.normalised.push(format!("pipeline.version: {version}, AWS's count of updates, not compared"));
            }
            let rebuilt = api_json::document(&pipeline).expect("the pipeline is literal");
            differences("", &original, &rebuilt, Scalars::Exact, &mut found);
        }
        Form::Template { logical_id } => {
            let original = parse_template(&text).unwrap_or_else(|error| panic!("{}: {error}", rebuild.file));
            let original_pipeline = &original["Resources"][logical_id]["Properties"];
            // The original's rules about the pipeline; every rule synth writes is declared with it.
            let original_rules = rules(&original, |rule| refers_to(rule, logical_id));
            let synthesized = synthesized_template(&pipeline);
            let rebuilt_pipeline = &synthesized["Resources"][synthesized_logical_id(&synthesized)]["Properties"];
            let rebuilt_rules = rules(&synthesized, |_| true);
            differences("Properties", original_pipeline, rebuilt_pipeline, Scalars::AsStrings, &mut found);
            differences(
                "rules",
                &Value::Array(original_rules),
                &Value::Array(rebuilt_rules),
                Scalars::AsStrings,
                &mut found,
            );
        }
    }
    found
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn every_corpus_pipeline_rebuilt_with_typed_builders_equals_the_original() {
    let mut report = Vec::new();
    for rebuild in rebuilds() {
        let found = compare_rebuild(&rebuild);
        for normalised in &found.normalised {
            println!("{}: normalised {normalised}", rebuild.file);
        }
        for difference in &found.differences {
            println!("{}: {difference}", rebuild.file);
            report.push(format!("{}: {difference}", rebuild.file));
        }
    }
    assert!(report.is_empty(), "the rebuilds differ from their originals:\n  {}", report.join("\n  "));
}

#[test]
fn the_rebuilds_use_typed_actions_only() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/corpus");
    let mut files = 0;
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let code = fs::read_to_string(&path).unwrap();
        assert!(
            !code.contains("GenericAction") && !code.contains("GenericSource"),
            "{} uses an untyped action",
            path.display()
        );
        files += 1;
    }
    assert_eq!(files, 13, "twelve rebuilds and their mod.rs");
}

#[test]
fn template_scalars_compare_as_strings_and_api_json_scalars_exactly() {
    let original = json!({"Version": 1, "Poll": false, "Name": "a"});
    let rebuilt = json!({"Version": "1", "Poll": "false", "Name": "a"});
    let mut found = Comparison::default();
    differences("Properties", &original, &rebuilt, Scalars::AsStrings, &mut found);
    assert_eq!(found, Comparison::default());
    differences("pipeline", &original, &rebuilt, Scalars::Exact, &mut found);
    let paths: Vec<&str> = found.differences.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["pipeline.Version", "pipeline.Poll"]);
}

#[test]
fn a_difference_names_its_path_and_both_sides() {
    let original = json!({"Stages": [{"Name": "Source", "RunOrder": 1}], "Gone": {"Ref": "X"}});
    let rebuilt = json!({"Stages": [{"Name": "Src"}, {"Name": "Extra"}], "Added": []});
    let mut found = Comparison::default();
    differences("Properties", &original, &rebuilt, Scalars::AsStrings, &mut found);
    let printed: Vec<String> = found.differences.iter().map(ToString::to_string).collect();
    assert_eq!(
        printed,
        [
            r#"Properties.Stages[0].Name: original "Source" / rebuilt "Src""#,
            "Properties.Stages[0].RunOrder: original 1 / rebuilt (absent)",
            r#"Properties.Stages[1]: original (absent) / rebuilt {"Name":"Extra"}"#,
            r#"Properties.Gone: original {"Ref":"X"} / rebuilt (absent)"#,
            "Properties.Added: original (absent) / rebuilt []",
        ]
    );
}

#[test]
fn empty_artifact_lists_and_configurations_equal_absent_keys_but_nothing_else_does() {
    let original = json!({"Actions": [{"inputArtifacts": [], "Configuration": {}, "OutputArtifacts": [],
                                       "Tags": [], "RunOrder": 1}]});
    let rebuilt = json!({"Actions": [{"RunOrder": 1, "outputArtifacts": [], "Variables": {}}]});
    let mut found = Comparison::default();
    differences("Properties", &original, &rebuilt, Scalars::AsStrings, &mut found);
    let printed: Vec<String> = found.differences.iter().map(ToString::to_string).collect();
    assert_eq!(
        printed,
        [
            "Properties.Actions[0].Tags: original [] / rebuilt (absent)",
            "Properties.Actions[0].Variables: original (absent) / rebuilt {}",
        ]
    );
    assert_eq!(
        found.normalised,
        [
            "Properties.Actions[0].inputArtifacts: [] in the original only, the same as absent",
            "Properties.Actions[0].Configuration: {} in the original only, the same as absent",
            "Properties.Actions[0].OutputArtifacts: [] in the original only, the same as absent",
            "Properties.Actions[0].outputArtifacts: [] in the rebuild only, the same as absent",
        ]
    );
}

#[test]
fn json_text_compares_as_its_value_only_where_aws_parses_it() {
    let original = json!({
        "EnvironmentVariables": "[\n  {\"name\": \"A\", \"type\": \"PLAINTEXT\", \"value\": \"1\"}\n]",
        "ParameterOverrides": "{ \"Image\": \"x\" }",
        "UserParameters": "{ \"a\": 1 }",
    });
    let rebuilt = json!({
        "EnvironmentVariables": r#"[{"name":"A","value":"1","type":"PLAINTEXT"}]"#,
        "ParameterOverrides": r#"{"Image":"y"}"#,
        "UserParameters": r#"{"a":1}"#,
    });
    let mut found = Comparison::default();
    differences("Configuration", &original, &rebuilt, Scalars::AsStrings, &mut found);
    let paths: Vec<&str> = found.differences.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["Configuration.ParameterOverrides", "Configuration.UserParameters"]);
    assert_eq!(found.normalised, ["Configuration.EnvironmentVariables: the same JSON value as text written otherwise"]);
}

#[test]
fn only_the_original_rules_that_refer_to_the_pipeline_are_compared() {
    let template = json!({"Resources": {
        "Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": {"Name": "p"}},
        "OnRepository": {"Type": "AWS::CodeStarNotifications::NotificationRule",
                         "Properties": {"Resource": {"Fn::GetAtt": ["Repository", "Arn"]}}},
        "OnPipeline": {"Type": "AWS::CodeStarNotifications::NotificationRule",
                       "Properties": {"Resource": {"Fn::Sub": "arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"}}},
        "Starts": {"Type": "AWS::Events::Rule",
                   "Properties": {"Targets": [{"Arn": {"Fn::Join": ["", ["arn:", {"Ref": "Pipeline"}]]}}]}},
        "Other": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [{"Arn": {"Ref": "PipelineTopic"}}]}},
        "Failed": {"Type": "AWS::Events::Rule",
                   "Properties": {"EventPattern": {"resources": [{"Fn::Sub": ["${P}", {"P": {"Ref": "Pipeline"}}]}]}}}
    }});
    let about_pipeline = rules(&template, |rule| refers_to(rule, "Pipeline"));
    let resources = &template["Resources"];
    let properties = |id: &str| resources[id]["Properties"].clone();
    assert_eq!(about_pipeline, [properties("OnPipeline"), properties("Starts"), properties("Failed")]);
}

#[test]
fn every_rebuild_passes_validation() {
    for rebuild in rebuilds() {
        if let Err(errors) = (rebuild.pipeline)().validate() {
            panic!("{}: {errors}", rebuild.file);
        }
    }
}

/// What the get-pipeline document holds beyond the rebuild (empty artifact
/// lists, the version AWS keeps) is layout: `synth diff`, which compares
/// pipelines as AWS does, finds nothing between the two.
#[test]
#[ignore = "needs ../shared/corpus"]
fn synth_diff_finds_nothing_between_the_get_pipeline_document_and_its_rebuild() {
    let pipeline = crate::corpus::c03_get_pipeline_codecommit_lambda::pipeline();
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add(&pipeline).write().unwrap();
    let rebuilt = out.path().join(pipeline.name()).join(api_json::FILE_NAME);
    let original = Path::new(CORPUS).join("03-get-pipeline-codecommit-lambda.json");
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = standalone::run(
        ["synth", "diff", original.to_str().unwrap(), rebuilt.to_str().unwrap()],
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(
        (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap()),
        (Exit::Success, "no differences\n".to_owned(), String::new())
    );
}
