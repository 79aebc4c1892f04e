//! The shape of the pipeline: stage counts, the source stage, action counts.

use crate::validate_support::*;
use serde_json::{json, Value};

/// `count` Manual approvals named `A1`, `A2`, ...
fn approvals(count: usize) -> Value {
    (1..=count).map(|index| action(&format!("A{index}"), "Approval", "Manual", json!({}))).collect()
}

#[test]
fn at_least_two_stages() {
    let found = findings_after(|doc| {
        let source = doc["pipeline"]["stages"][0].clone();
        set(doc, "/pipeline/stages", json!([source]));
    });
    assert_eq!(
        found,
        [
            r#"error[stage-count]: pipeline "app": the pipeline has 1 stage; a pipeline has 2 to 50 stages: a source stage first, then at least one stage of build, test, deploy, approval, invoke or compute actions"#,
            r#"error[non-source-action-required]: pipeline "app": the pipeline has no action other than Source actions; add at least one build, test, deploy, approval, invoke or compute action in a later stage"#,
        ]
    );
}

#[test]
fn at_most_fifty_stages() {
    let found = findings_after(|doc| {
        for index in 4..=51 {
            push(doc, "/pipeline/stages", json!({"name": format!("Approve{index}"), "actions": approvals(1)}));
        }
    });
    assert_eq!(
        found,
        [
            r#"error[stage-count]: pipeline "app": the pipeline has 51 stages; a pipeline has 2 to 50 stages: a source stage first, then at least one stage of build, test, deploy, approval, invoke or compute actions"#
        ]
    );
}

#[test]
fn the_first_stage_holds_only_source_actions() {
    let found = findings_after(|doc| {
        push(doc, "/pipeline/stages/0/actions", action("Approve", "Approval", "Manual", json!({})))
    });
    assert_eq!(
        found,
        [
            r#"error[first-stage-source-only]: pipeline "app" > stage "Source" > action "Approve": Approval actions cannot be in the first stage, which holds only Source actions; move this one to a later stage"#
        ]
    );
}

#[test]
fn the_first_stage_has_a_source_action() {
    let found = findings_after(|doc| {
        let stages = doc["pipeline"]["stages"].as_array_mut().unwrap();
        stages.swap(0, 1);
    });
    assert_eq!(
        found,
        [
            r#"error[first-stage-source]: pipeline "app" > stage "Build": the first stage has no Source action; the first stage holds the pipeline's source actions (at least one)"#,
            r#"error[first-stage-source-only]: pipeline "app" > stage "Build" > action "Compile": Build actions cannot be in the first stage, which holds only Source actions; move this one to a later stage"#,
            r#"error[source-outside-first-stage]: pipeline "app" > stage "Source" > action "Checkout": a Source action can only be in the first stage ("Build"); move it there"#,
            r#"error[input-artifact-order]: pipeline "app" > stage "Build" > action "Compile" > inputArtifacts[0].name: the input artifact "Code" is produced by stage "Source" > action "Checkout", which does not run before this action (stage "Source" runs after stage "Build"); an input must come from an earlier stage, or from an action of the same stage with a lower runOrder"#,
        ]
    );
}

#[test]
fn a_stage_has_one_to_fifty_actions() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/actions", json!([]));
        push(doc, "/pipeline/stages", json!({"name": "Approvals", "actions": approvals(51)}));
    });
    assert_eq!(
        found,
        [
            r#"error[stage-action-count]: pipeline "app" > stage "Deploy": the stage has 0 actions; a stage has 1 to 50 actions"#,
            r#"error[stage-action-count]: pipeline "app" > stage "Approvals": the stage has 51 actions; a stage has 1 to 50 actions"#,
        ]
    );
}

#[test]
fn a_pipeline_has_at_most_five_hundred_actions() {
    let found = findings_after(|doc| {
        for index in 1..=10 {
            push(doc, "/pipeline/stages", json!({"name": format!("Approvals{index}"), "actions": approvals(50)}));
        }
    });
    assert_eq!(
        found,
        [
            r#"error[pipeline-action-count]: pipeline "app": the pipeline has 503 actions; a pipeline has at most 500 actions"#
        ]
    );
}

#[test]
fn a_pipeline_has_a_non_source_action() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            action(
                "Mirror",
                "Source",
                "CodeCommit",
                json!({
                    "configuration": {"RepositoryName": "mirror", "BranchName": "main"},
                    "outputArtifacts": [{"name": "Mirror"}]
                }),
            ),
        );
        let stages = doc["pipeline"]["stages"].as_array_mut().unwrap();
        stages.truncate(2);
    });
    assert_eq!(
        found,
        [
            r#"error[source-outside-first-stage]: pipeline "app" > stage "Build" > action "Mirror": a Source action can only be in the first stage ("Source"); move it there"#,
            r#"error[non-source-action-required]: pipeline "app": the pipeline has no action other than Source actions; add at least one build, test, deploy, approval, invoke or compute action in a later stage"#,
        ]
    );
}
