//! Resource tags and disabled stage transitions.

use crate::validate_support::*;
use pipewright_dsl::prelude::*;
use serde_json::{json, Value};

#[test]
fn tag_sizes_and_keys() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/tags",
            json!([
                {"key": "", "value": "x"},
                {"key": "team", "value": "v".repeat(257)},
                {"key": "team", "value": "platform"},
            ]),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[tag-size]: pipeline "app" > tags[0] > key: the tag key "" is empty; use 1 to 128 characters"#,
            r#"error[tag-size]: pipeline "app" > tags[1] > value: the value of tag "team" is 257 characters long; use at most 256 characters"#,
            r#"error[tag-key-unique]: pipeline "app" > tags[2] > key: the tag key "team" is used twice; each tag key appears once"#,
        ]
    );
}

#[test]
fn at_most_fifty_tags() {
    let tags: Vec<Value> = (0..51).map(|index| json!({"key": format!("k{index}"), "value": ""})).collect();
    let found = findings_after(|doc| set(doc, "/tags", json!(tags)));
    assert_eq!(
        found,
        [r#"error[tag-count]: pipeline "app" > tags: the pipeline has 51 tags; a resource has at most 50 tags"#]
    );
}

/// A builder pipeline whose Deploy stage's inbound transition is disabled for `reason`.
fn disabled(reason: &str) -> Vec<String> {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Release", "prod", "app", source.artifact()));
            s.disable_inbound_transition(reason);
        });
    });
    pipeline.check().iter().map(ToString::to_string).collect()
}

#[test]
fn disabled_transition_reason() {
    assert_eq!(disabled("Waiting for the change window (see ticket 42)!"), Vec::<String>::new());
    assert_eq!(
        disabled("Frozen: release #42"),
        [
            r##"error[transition-reason]: pipeline "app" > DisableInboundStageTransitions[0] > Reason: the reason "Frozen: release #42" contains ":" and "#"; use 1 to 300 characters from [a-zA-Z0-9!@ \(\)\.\*\?\-]"##
        ]
    );
    assert_eq!(
        disabled(""),
        [
            r#"error[transition-reason]: pipeline "app" > DisableInboundStageTransitions[0] > Reason: the reason "" is empty; use 1 to 300 characters from [a-zA-Z0-9!@ \(\)\.\*\?\-]"#
        ]
    );
}
