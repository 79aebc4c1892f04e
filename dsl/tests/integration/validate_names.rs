//! Names, patterns and lengths.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn pipeline_name_pattern() {
    let found = findings_after(|doc| set(doc, "/pipeline/name", json!("my/app")));
    assert_eq!(
        found,
        [
            r#"error[pipeline-name]: pipeline "my/app": the pipeline name "my/app" contains "/"; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        ]
    );
}

#[test]
fn pipeline_name_length() {
    let long = "p".repeat(101);
    let found = findings_after(|doc| set(doc, "/pipeline/name", json!(long)));
    assert_eq!(
        found,
        [format!(
            r#"error[pipeline-name]: pipeline "{long}": the pipeline name "{long}" is 101 characters long; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        )]
    );
}

#[test]
fn pipeline_name_may_use_dots_and_at_signs() {
    assert_eq!(findings_after(|doc| set(doc, "/pipeline/name", json!("team@app.v2_x-1"))), Vec::<String>::new());
}

#[test]
fn stage_name_pattern() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/name", json!("Deploy to prod")));
    assert_eq!(
        found,
        [
            r#"error[stage-name]: pipeline "app" > stage "Deploy to prod": the stage name "Deploy to prod" contains " "; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        ]
    );
}

#[test]
fn action_name_pattern_lists_each_bad_character_once() {
    let found =
        findings_after(|doc| set(doc, "/pipeline/stages/1/actions/0/name", json!("Unit tests (fast), then lint")));
    assert_eq!(
        found,
        [
            r#"error[action-name]: pipeline "app" > stage "Build" > action "Unit tests (fast), then lint": the action name "Unit tests (fast), then lint" contains " ", "(", ")" and ","; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        ]
    );
}

#[test]
fn empty_action_name() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/name", json!("")));
    assert_eq!(
        found,
        [
            r#"error[action-name]: pipeline "app" > stage "Deploy" > action "": the action name "" is empty; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        ]
    );
}

#[test]
fn artifact_names_allow_no_dots() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/outputArtifacts/0/name", json!("image.v1"));
        set(doc, "/pipeline/stages/2/actions/0/inputArtifacts/0/name", json!("image.v1"));
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-name]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts[0].name: the artifact name "image.v1" contains "."; use 1 to 100 characters from [a-zA-Z0-9_\-]"#
        ]
    );
}

#[test]
fn namespace_pattern() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/0/actions/0/namespace", json!("Source.Vars")));
    assert_eq!(
        found,
        [
            r#"error[namespace-name]: pipeline "app" > stage "Source" > action "Checkout" > namespace: the namespace "Source.Vars" contains "."; use 1 to 100 characters from [A-Za-z0-9@\-_]"#
        ]
    );
}

#[test]
fn reserved_namespaces() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/namespace", json!("codepipeline"));
        set(doc, "/pipeline/stages/1/actions/0/namespace", json!("variables"));
    });
    assert_eq!(
        found,
        [
            r#"error[namespace-reserved]: pipeline "app" > stage "Source" > action "Checkout" > namespace: the namespace "codepipeline" is reserved by CodePipeline ("codepipeline" and "variables" are built in); choose another namespace"#,
            r#"error[namespace-reserved]: pipeline "app" > stage "Build" > action "Compile" > namespace: the namespace "variables" is reserved by CodePipeline ("codepipeline" and "variables" are built in); choose another namespace"#,
        ]
    );
}

#[test]
fn pipeline_variable_name_pattern_and_length() {
    let long = "V".repeat(129);
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(doc, "/pipeline/variables", json!([{"name": "deploy env"}, {"name": long}, {"name": "Region@1"}]));
    });
    assert_eq!(
        found,
        [
            r#"error[variable-name]: pipeline "app" > variables[0].name: the pipeline variable name "deploy env" contains " "; use 1 to 128 characters from [A-Za-z0-9@\-_]"#.to_owned(),
            format!(
                r#"error[variable-name]: pipeline "app" > variables[1].name: the pipeline variable name "{long}" is 129 characters long; use 1 to 128 characters from [A-Za-z0-9@\-_]"#
            ),
        ]
    );
}

#[test]
fn provider_and_version_patterns() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0/actionTypeId",
            json!({"category": "Build", "owner": "Custom", "provider": "Jenkins CI", "version": "1.0"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[provider-name]: pipeline "app" > stage "Build" > action "Compile" > actionTypeId.provider: the provider "Jenkins CI" contains " "; use 1 to 35 characters from [0-9A-Za-z_-]"#,
            r#"error[provider-version]: pipeline "app" > stage "Build" > action "Compile" > actionTypeId.version: the version "1.0" contains "."; use 1 to 9 characters from [0-9A-Za-z_-]"#,
        ]
    );
}

#[test]
fn environment_variable_name_pattern() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            commands_compile(json!({
                "commands": ["make"],
                "environmentVariables": [{"name": "BUILD-ID", "value": "1"}, {"name": "STAGE", "value": "prod"}]
            })),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[environment-variable-name]: pipeline "app" > stage "Build" > action "Compile" > environmentVariables[0].name: the environment variable name "BUILD-ID" contains "-"; use 1 to 128 characters from [A-Za-z0-9_]"#
        ]
    );
}

#[test]
fn condition_rule_name_pattern() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/2/beforeEntry",
            json!({"conditions": [{"result": "FAIL", "rules": [
                {"name": "Business hours", "ruleTypeId": {"category": "Rule", "owner": "AWS", "provider": "DeploymentWindow", "version": "1"},
                 "configuration": {"Cron": "* 9-17 ? * MON-FRI *"}}
            ]}]}),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[condition-rule-name]: pipeline "app" > stage "Deploy" > beforeEntry.conditions[0].rules[0] > name: the rule name "Business hours" contains " "; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
        ]
    );
}

#[test]
fn names_that_are_cloudformation_expressions_are_not_checked() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/name", json!({"Fn::Sub": "${AWS::StackName} pipeline"}));
        set(doc, "/pipeline/stages/1/actions/0/namespace", json!({"Ref": "Namespace"}));
    });
    assert_eq!(found, Vec::<String>::new());
}
