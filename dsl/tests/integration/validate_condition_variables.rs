//! Variable references in stage condition rules are checked like those of
//! actions, against the actions that have run when the condition is checked.

use crate::validate_support::*;
use serde_json::{json, Value};

/// A VariableCheck rule that compares `variable` with "ok".
fn variable_check(variable: &str) -> Value {
    json!({"conditions": [{"result": "FAIL", "rules": [{
        "name": "Check",
        "ruleTypeId": {"category": "Rule", "owner": "AWS", "provider": "VariableCheck", "version": "1"},
        "configuration": {"Variable": variable, "Value": "ok", "Operator": "EQ"}
    }]}]})
}

/// The findings of the valid pipeline (V2) with namespaces on the Build
/// and Deploy actions and `block` of stage `stage` set to a VariableCheck
/// rule reading `variable`.
fn findings_with_condition(stage: usize, block: &str, variable: &str) -> Vec<String> {
    findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(doc, "/pipeline/stages/1/actions/0/namespace", json!("BuildVars"));
        set(doc, "/pipeline/stages/2/actions/0/namespace", json!("DeployVars"));
        set(doc, &format!("/pipeline/stages/{stage}/{block}"), variable_check(variable));
    })
}

#[test]
fn an_unknown_namespace_in_a_before_entry_rule_is_reported() {
    assert_eq!(
        findings_with_condition(2, "beforeEntry", "#{Nope.Var}"),
        [
            r#"error[variable-namespace-unknown]: pipeline "app" > stage "Deploy" > beforeEntry.conditions[0].rules[0].configuration.Variable: #{Nope.Var} names the namespace "Nope", which no action declares; namespaces of earlier actions: "BuildVars" (stage "Build" > action "Compile"); prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn a_before_entry_rule_cannot_read_its_own_stage_or_a_later_one() {
    assert_eq!(
        findings_with_condition(1, "beforeEntry", "#{BuildVars.Tag}"),
        [
            r#"error[variable-namespace-order]: pipeline "app" > stage "Build" > beforeEntry.conditions[0].rules[0].configuration.Variable: #{BuildVars.Tag} reads the namespace of stage "Build" > action "Compile", which has not run when this beforeEntry condition is checked (before any action of stage "Build"); a beforeEntry condition can only read the variables of actions of earlier stages; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
    assert_eq!(findings_with_condition(1, "beforeEntry", "#{DeployVars.Tag}").len(), 1);
}

#[test]
fn an_on_success_rule_reads_its_own_stage_but_not_a_later_one() {
    assert_eq!(findings_with_condition(1, "onSuccess", "#{BuildVars.Tag}"), Vec::<String>::new());
    assert_eq!(
        findings_with_condition(1, "onSuccess", "#{DeployVars.Tag}"),
        [
            r#"error[variable-namespace-order]: pipeline "app" > stage "Build" > onSuccess.conditions[0].rules[0].configuration.Variable: #{DeployVars.Tag} reads the namespace of stage "Deploy" > action "Release", which has not run when this condition is checked (stage "Deploy" runs after stage "Build"); an onSuccess or onFailure condition can only read the variables of actions of earlier stages or of its own stage; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn an_undeclared_pipeline_variable_in_a_rule_is_reported() {
    let found = findings_with_condition(2, "beforeEntry", "#{variables.RELEASE}");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with(
            r#"error[pipeline-variable-undeclared]: pipeline "app" > stage "Deploy" > beforeEntry.conditions[0].rules[0].configuration.Variable: #{variables.RELEASE} names no declared pipeline variable"#
        ),
        "{}",
        found[0]
    );
}
