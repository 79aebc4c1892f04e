//! Stage conditions.

use crate::validate_support::*;
use serde_json::{json, Value};

/// A rule of `provider` with a configuration.
fn rule(name: &str, provider: &str, rest: Value) -> Value {
    let mut rule =
        json!({"name": name, "ruleTypeId": {"category": "Rule", "owner": "AWS", "provider": provider, "version": "1"}});
    for (key, value) in rest.as_object().unwrap() {
        rule[key] = value.clone();
    }
    rule
}

#[test]
fn a_block_holds_exactly_one_condition() {
    let window = rule("Window", "DeploymentWindow", json!({"configuration": {"Cron": "0 9 ? * MON-FRI *"}}));
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/beforeEntry", json!({"conditions": []}));
        set(
            doc,
            "/pipeline/stages/2/onSuccess",
            json!({"conditions": [
                {"result": "ROLLBACK", "rules": [window.clone()]},
                {"result": "ROLLBACK", "rules": [window]}
            ]}),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[condition-count]: pipeline "app" > stage "Deploy" > beforeEntry.conditions: beforeEntry has 0 conditions; a condition block holds exactly 1 condition"#,
            r#"error[condition-count]: pipeline "app" > stage "Deploy" > onSuccess.conditions: onSuccess has 2 conditions; a condition block holds exactly 1 condition"#,
        ]
    );
}

#[test]
fn a_condition_has_one_to_five_rules() {
    let rules: Vec<Value> = (1..=6)
        .map(|index| {
            rule(&format!("Alarm{index}"), "CloudWatchAlarm", json!({"configuration": {"AlarmName": "errors"}}))
        })
        .collect();
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/onFailure", json!({"conditions": [{"result": "ROLLBACK", "rules": rules}]}));
    });
    assert_eq!(
        found,
        [
            r#"error[condition-rule-count]: pipeline "app" > stage "Deploy" > onFailure.conditions[0].rules: the condition has 6 rules; a condition has 1 to 5 rules"#
        ]
    );
}

#[test]
fn an_unknown_rule_provider_is_a_warning() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/2/beforeEntry",
            json!({"conditions": [{"result": "FAIL", "rules": [
                rule("Check", "VariableChecker", json!({}))
            ]}]}),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[condition-rule-provider]: pipeline "app" > stage "Deploy" > beforeEntry.conditions[0].rules[0] > ruleTypeId.provider: "VariableChecker" is not a rule provider AWS documents; the providers are CloudWatchAlarm, CodeBuild, Commands, DeploymentWindow, LambdaInvoke, VariableCheck"#
        ]
    );
}

#[test]
fn rule_inputs_exist_when_the_rule_runs() {
    let scan =
        |input: &str| rule("Scan", "Commands", json!({"commands": ["./scan"], "inputArtifacts": [{"name": input}]}));
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/beforeEntry",
            json!({"conditions": [{"result": "FAIL", "rules": [scan("Image")]}]}),
        );
        set(
            doc,
            "/pipeline/stages/1/onSuccess",
            json!({"conditions": [{"result": "ROLLBACK", "rules": [scan("Image")]}]}),
        );
        set(
            doc,
            "/pipeline/stages/2/onFailure",
            json!({"conditions": [{"result": "ROLLBACK", "rules": [scan("Report")]}]}),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[condition-rule-input]: pipeline "app" > stage "Build" > beforeEntry.conditions[0].rules[0] > inputArtifacts: the rule reads the artifact "Image", which is not produced by an action of an earlier stage (beforeEntry runs before this stage)"#,
            r#"error[condition-rule-input]: pipeline "app" > stage "Deploy" > onFailure.conditions[0].rules[0] > inputArtifacts: the rule reads the artifact "Report", which is not produced by an action of an earlier stage or of this stage"#,
        ]
    );
}
