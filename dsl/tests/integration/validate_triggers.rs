//! V2 triggers.

use crate::validate_support::*;
use serde_json::{json, Value};

/// The valid pipeline with a connection source "Checkout" and `triggers`.
fn with_triggers(triggers: Value) -> Vec<String> {
    findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(
            doc,
            "/pipeline/stages/0/actions/0",
            action(
                "Checkout",
                "Source",
                "CodeStarSourceConnection",
                json!({
                    "configuration": {
                        "ConnectionArn": "arn:aws:codestar-connections:us-east-1:111111111111:connection/abc",
                        "FullRepositoryId": "team/app",
                        "BranchName": "main"
                    },
                    "outputArtifacts": [{"name": "Code"}]
                }),
            ),
        );
        push(
            doc,
            "/pipeline/stages/0/actions",
            action(
                "Config",
                "Source",
                "CodeCommit",
                json!({
                    "configuration": {"RepositoryName": "config", "BranchName": "main"},
                    "outputArtifacts": [{"name": "Config"}]
                }),
            ),
        );
        set(doc, "/pipeline/triggers", triggers);
    })
}

/// A trigger on `source` with these Git settings.
fn trigger(source: &str, git: Value) -> Value {
    let mut configuration = json!({"sourceActionName": source});
    for (key, value) in git.as_object().unwrap() {
        configuration[key] = value.clone();
    }
    json!({"providerType": "CodeStarSourceConnection", "gitConfiguration": configuration})
}

#[test]
fn a_valid_trigger() {
    let found = with_triggers(json!([trigger(
        "Checkout",
        json!({
            "push": [{"branches": {"includes": ["main", "release/**"]}, "filePaths": {"excludes": ["docs/**"]}}, {"tags": {"includes": ["v*"]}}],
            "pullRequest": [{"events": ["OPEN", "UPDATED"], "branches": {"includes": ["main"]}}]
        })
    )]));
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn the_source_action_exists_and_is_a_connection() {
    let found = with_triggers(json!([
        trigger("Checkuot", json!({})),
        trigger("Config", json!({})),
        trigger("Compile", json!({})),
    ]));
    assert_eq!(
        found,
        [
            r#"error[trigger-source-action]: pipeline "app" > triggers[0].gitConfiguration.sourceActionName: no action is named "Checkuot"; triggers start CodeStarSourceConnection source actions: "Checkout""#,
            r#"error[trigger-source-action]: pipeline "app" > triggers[1].gitConfiguration.sourceActionName: stage "Source" > action "Config" is a CodeCommit source, not a CodeStarSourceConnection source; triggers start CodeStarSourceConnection source actions: "Checkout""#,
            r#"error[trigger-source-action]: pipeline "app" > triggers[2].gitConfiguration.sourceActionName: stage "Build" > action "Compile" is not a source action; triggers start CodeStarSourceConnection source actions: "Checkout""#,
        ]
    );
}

#[test]
fn one_trigger_per_source_action() {
    let branches = json!({"push": [{"branches": {"includes": ["main"]}}]});
    let found = with_triggers(json!([trigger("Checkout", branches.clone()), trigger("Checkout", branches)]));
    assert_eq!(
        found,
        [
            r#"error[trigger-source-action-unique]: pipeline "app" > triggers[1].gitConfiguration.sourceActionName: another trigger already starts the source action "Checkout"; a source action takes one trigger: merge their filters into one trigger (up to 3 push and 3 pull-request filters)"#
        ]
    );
}

#[test]
fn filter_list_sizes() {
    let push: Vec<Value> = (0..4).map(|_| json!({"tags": {"includes": ["v*"]}})).collect();
    let branches: Vec<String> = (0..9).map(|index| format!("b{index}")).collect();
    let found = with_triggers(json!([trigger(
        "Checkout",
        json!({
            "push": push,
            "pullRequest": [{"events": [], "branches": {"includes": branches, "excludes": ["x".repeat(256)]}}]
        })
    )]));
    assert_eq!(
        found,
        [
            r#"error[trigger-filter-size]: pipeline "app" > triggers[0].gitConfiguration.push: the list has 4 filters; give 1 to 3 filters, or leave the list out"#.to_owned(),
            r#"error[trigger-filter-size]: pipeline "app" > triggers[0].gitConfiguration.pullRequest[0].events: events has 0 entries; give 1 to 3 of OPEN, UPDATED and CLOSED, or leave events out"#.to_owned(),
            r#"error[trigger-filter-size]: pipeline "app" > triggers[0].gitConfiguration.pullRequest[0].branches.includes: the list has 9 patterns; give 1 to 8 patterns, or leave includes out"#.to_owned(),
            format!(
                r#"error[trigger-filter-size]: pipeline "app" > triggers[0].gitConfiguration.pullRequest[0].branches.excludes: the pattern "{}" is 256 characters long; a pattern has 1 to 255 characters"#,
                "x".repeat(256)
            ),
        ]
    );
}

#[test]
fn push_filters_need_tags_or_branches() {
    let found = with_triggers(json!([trigger(
        "Checkout",
        json!({
            "push": [{"filePaths": {"includes": ["src/**"]}}, {"tags": {"includes": ["v*"]}, "filePaths": {"includes": ["src/**"]}}]
        })
    )]));
    assert_eq!(
        found,
        [
            r#"error[trigger-push-filter]: pipeline "app" > triggers[0].gitConfiguration.push[0]: a push filter needs tags or branches; valid push filters have tags, branches, or branches with filePaths"#,
            r#"error[trigger-push-filter]: pipeline "app" > triggers[0].gitConfiguration.push[1]: a push filter with filePaths needs branches; valid push filters have tags, branches, or branches with filePaths"#,
        ]
    );
}

#[test]
fn pull_request_filters_need_branches() {
    let found = with_triggers(json!([trigger(
        "Checkout",
        json!({
            "pullRequest": [{"events": ["OPEN"], "filePaths": {"includes": ["src/**"]}}]
        })
    )]));
    assert_eq!(
        found,
        [
            r#"error[trigger-pull-request-filter]: pipeline "app" > triggers[0].gitConfiguration.pullRequest[0]: a pull-request filter needs branches (the destination branches of the pull requests), optionally with filePaths"#
        ]
    );
}

#[test]
fn at_most_fifty_triggers() {
    let triggers: Vec<Value> = (0..51).map(|_| trigger("Checkout", json!({}))).collect();
    let found = with_triggers(json!(triggers));
    assert_eq!(found.len(), 51);
    assert_eq!(
        found[0],
        r#"error[trigger-count]: pipeline "app" > triggers: the pipeline has 51 triggers; a pipeline has at most 50"#
    );
}
