//! Rules on patterns written as JSON: validation checks their shape, a
//! literal name written instead of the declared one is checked too, and a
//! description that is an expression is not measured.

use pipewright_dsl::events::{EventPattern, RuleTrigger};
use pipewright_dsl::notifications::{NotificationRule, NotificationTarget, PipelineEvent};
use pipewright_dsl::prelude::*;
use serde_json::json;

use crate::validate_support::rendered;

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:alerts";

/// A valid two-stage pipeline; `around` declares its rules.
fn pipeline_with(around: impl for<'p> FnOnce(&mut PipelineBuilder<'p>)) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
        around(p);
    })
}

fn with_pattern(pattern: serde_json::Value) -> Pipeline {
    pipeline_with(|p| {
        p.start_on_event("custom", EventPattern::custom(pattern));
    })
}

fn pattern_findings(pattern: serde_json::Value) -> Vec<String> {
    rendered(&with_pattern(pattern))
}

#[test]
fn a_well_formed_custom_pattern_is_valid_and_starts_the_pipeline() {
    let pattern = json!({
        "source": ["aws.ecr"],
        "account": ["222222222222"],
        "detail-type": ["ECR Image Action"],
        "detail": {"repository-name": [{"prefix": "base-"}]},
        "$or": [{"region": ["us-east-1"]}, {"region": ["eu-west-1"]}],
    });
    let pipeline = with_pattern(pattern.clone());
    assert_eq!(rendered(&pipeline), Vec::<String>::new());
    let rule = &pipeline.event_rules()[0];
    assert!(rule.starts_pipeline());
    assert_eq!(rule.trigger, RuleTrigger::Pattern(EventPattern::custom(pattern)));
}

#[test]
fn a_custom_pattern_is_an_object_of_event_fields() {
    let prefix = r#"error[event-rule-pattern]: pipeline "my-pipeline" > event rule "custom": "#;
    let cases = [
        (
            json!(["aws.ecr"]),
            "the pattern is a list, not a JSON object; write an object such as {\"source\": [\"aws.ecr\"], \
             \"detail-type\": [\"ECR Image Action\"]}",
        ),
        (json!({}), "the pattern is empty and would match nothing; give at least \"source\""),
        (
            json!({"source": ["aws.ecr"], "detailType": ["ECR Image Action"]}),
            "the pattern's key \"detailType\" is not an event field; use source, detail-type, detail, account, \
             region, resources, id, time, version or $or",
        ),
        (json!({"source": "aws.ecr"}), "\"source\" is a string; write a list of the values to match, e.g. [\"value\"]"),
        (json!({"source": ["aws.ecr"], "detail": ["PUSH"]}), "\"detail\" is a list; write an object of fields"),
        (json!({"$or": {"source": ["aws.ecr"]}}), "\"$or\" is an object; write a list of patterns"),
    ];
    for (pattern, problem) in cases {
        assert_eq!(pattern_findings(pattern), [format!("{prefix}{problem}")]);
    }
}

#[test]
fn a_description_that_is_an_expression_is_not_measured() {
    let long = "x".repeat(600);
    let pipeline = pipeline_with(|p| {
        p.on_pipeline_state("literal", [], TOPIC).description(long.as_str());
        p.on_pipeline_state("expression", [], TOPIC).description(cfn::sub(&format!("${{AWS::StackName}}{long}")));
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[event-rule-description]: pipeline "my-pipeline" > event rule "literal": the description has 600 characters; EventBridge allows at most 512"#
        ]
    );
}

#[test]
fn a_literal_name_written_instead_is_checked_like_the_declared_one() {
    let pipeline = pipeline_with(|p| {
        p.on_pipeline_state("failures", [], TOPIC).rule_name("nightly failures!");
        p.on_pipeline_state("expression", [], TOPIC).rule_name(cfn::sub("${AWS::StackName} failures"));
        p.notify(
            NotificationRule::new("events", [PipelineEvent::PipelineExecutionFailed])
                .rule_name("events/failed")
                .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:notifications")),
        );
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[event-rule-name]: pipeline "my-pipeline" > event rule "failures": the rule name "nightly failures!" is not valid: use 1 to 64 letters, digits, '.', '-' or '_'"#,
            r#"error[notification-rule-name]: pipeline "my-pipeline" > notification rule "events": the rule name "events/failed" is not valid: use 1 to 64 letters, digits, spaces, '-' or '_'"#,
        ]
    );
}
