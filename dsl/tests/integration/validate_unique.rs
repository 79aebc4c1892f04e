//! Uniqueness of names.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn stage_names_are_unique() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/name", json!("Build")));
    assert_eq!(
        found,
        [
            r#"error[stage-name-unique]: pipeline "app" > stage #3 "Build": stages 2 and 3 are both named "Build"; stage names must be unique within the pipeline"#
        ]
    );
}

#[test]
fn action_names_are_unique_within_a_stage() {
    let found = findings_after(|doc| {
        push(
            doc,
            "/pipeline/stages/1/actions",
            action(
                "Compile",
                "Test",
                "CodeBuild",
                json!({
                    "configuration": {"ProjectName": "app-test"},
                    "inputArtifacts": [{"name": "Code"}]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[action-name-unique]: pipeline "app" > stage "Build" > action #2 "Compile": actions 1 and 2 of stage "Build" are both named "Compile"; action names must be unique within a stage"#
        ]
    );
}

#[test]
fn the_same_action_name_in_two_stages_is_valid() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/name", json!("Compile")));
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn output_artifact_names_are_unique_in_the_pipeline() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0/outputArtifacts",
            json!([{"name": "Image"}, {"name": "Code"}, {"name": "Image"}]),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-name-unique]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts[1].name: the output artifact name "Code" is not unique: it is also produced by stage "Source" > action "Checkout"; every output artifact of the pipeline needs its own name"#,
            r#"error[artifact-name-unique]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts[2].name: the output artifact name "Image" is not unique: this action lists it twice; every output artifact of the pipeline needs its own name"#,
        ]
    );
}

#[test]
fn namespaces_are_unique_in_the_pipeline() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/namespace", json!("Vars"));
        set(doc, "/pipeline/stages/1/actions/0/namespace", json!("Vars"));
    });
    assert_eq!(
        found,
        [
            r#"error[namespace-unique]: pipeline "app" > stage "Build" > action "Compile" > namespace: the namespace "Vars" is also declared by stage "Source" > action "Checkout"; namespaces must be unique in the pipeline"#
        ]
    );
}

#[test]
fn a_namespace_is_not_an_artifact_name() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/0/actions/0/namespace", json!("Image")));
    assert_eq!(
        found,
        [
            r#"error[namespace-artifact-clash]: pipeline "app" > stage "Source" > action "Checkout" > namespace: the namespace "Image" is also the name of the artifact produced by stage "Build" > action "Compile"; a namespace may not equal an artifact name, so rename one of them"#
        ]
    );
}

#[test]
fn pipeline_variable_names_are_unique() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/variables",
            json!([{"name": "Env", "defaultValue": "dev"}, {"name": "Env", "defaultValue": "prod"}]),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[variable-name-unique]: pipeline "app" > variables[1].name: variables 1 and 2 are both named "Env"; pipeline variable names must be unique"#
        ]
    );
}
