//! IAM in every template every example writes (the pipeline's stacks, the
//! support stacks and the target accounts' role templates): no statement
//! allows a wildcard action, every trust policy and resource policy names
//! its principal, and every `iam:PassRole` says which service the role is
//! passed to.

use pipewright::synth::Synth;
use serde_json::Value;

use crate::examples::{build_and_deploy, cross_region_cross_account, minimal, seed, variables_and_approval};

/// Every template the examples write, by path, read into JSON.
fn templates() -> Vec<(String, Value)> {
    let mut pipelines = vec![minimal::pipeline(), build_and_deploy::pipeline(), variables_and_approval::pipeline()];
    pipelines.push(cross_region_cross_account::pipeline());
    pipelines.extend(seed::pipelines());
    let assembly = Synth::new("unused").add_all(&pipelines).assemble().unwrap();
    assembly
        .files
        .iter()
        .filter(|file| file.path.ends_with(".json") && file.path.contains("template") || file.path.ends_with(".yaml"))
        .map(|file| {
            let value: Value = if file.path.ends_with(".yaml") {
                serde_yaml::from_str(&file.contents).unwrap()
            } else {
                serde_json::from_str(&file.contents).unwrap()
            };
            (file.path.clone(), value)
        })
        .collect()
}

/// Every policy statement in `value`, wherever it sits.
fn statements<'a>(value: &'a Value, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::Array(list)) = object.get("Statement") {
                found.extend(list.iter());
            }
            object.values().for_each(|inner| statements(inner, found));
        }
        Value::Array(list) => list.iter().for_each(|inner| statements(inner, found)),
        _ => {}
    }
}

fn as_list(value: &Value) -> Vec<String> {
    match value {
        Value::String(text) => vec![text.clone()],
        Value::Array(list) => list.iter().filter_map(|item| item.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn no_generated_statement_allows_a_wildcard_action_and_every_passed_role_names_its_service() {
    let templates = templates();
    assert!(templates.iter().any(|(path, _)| path.contains("/support/")), "the examples generate support stacks");
    let mut checked = 0;
    for (path, template) in &templates {
        let mut found = Vec::new();
        statements(template, &mut found);
        for statement in found.into_iter().filter(|statement| statement["Effect"] == "Allow") {
            checked += 1;
            for action in as_list(&statement["Action"]) {
                assert!(action != "*" && !action.ends_with(":*"), "{path}: wildcard action in {statement}");
                if action == "iam:PassRole" {
                    assert!(
                        statement["Condition"]["StringEquals"]["iam:PassedToService"].is_string(),
                        "{path}: iam:PassRole without iam:PassedToService in {statement}"
                    );
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} statements were found");
}

#[test]
fn every_trust_policy_and_resource_policy_names_its_principal() {
    for (path, template) in templates() {
        let Some(resources) = template["Resources"].as_object() else { continue };
        for (id, resource) in resources {
            let properties = &resource["Properties"];
            let documents =
                [&properties["AssumeRolePolicyDocument"], &properties["KeyPolicy"], &properties["PolicyDocument"]];
            let kind = resource["Type"].as_str().unwrap_or_default();
            for document in documents.into_iter().filter(|document| !document.is_null()) {
                if kind == "AWS::IAM::Policy" {
                    continue;
                }
                for statement in document["Statement"].as_array().unwrap() {
                    let principal = &statement["Principal"];
                    assert!(
                        principal["AWS"].is_string() || principal["Service"].is_string() || principal["AWS"].is_array(),
                        "{path} {id}: a statement without a principal: {statement}"
                    );
                }
            }
        }
    }
}
