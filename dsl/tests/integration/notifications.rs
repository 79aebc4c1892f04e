//! Notification rules declared with a pipeline, and what validation reports
//! about them.

use std::collections::HashSet;

use pipewright_dsl::notifications::{
    DetailType, NotificationRule, NotificationStatus, NotificationTarget, PipelineEvent,
};
use pipewright_dsl::prelude::*;
use pipewright_dsl::Violation;

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:notifications";

/// A valid two-stage pipeline that declares `rules`.
fn pipeline_notifying(rules: Vec<NotificationRule>) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
        for rule in rules {
            p.notify(rule);
        }
    })
}

fn findings(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(Violation::to_string).collect()
}

#[test]
fn the_eighteen_events_have_distinct_ids_of_their_groups() {
    let ids: HashSet<&str> = PipelineEvent::ALL.iter().map(|event| event.event_type_id()).collect();
    assert_eq!(ids.len(), 18);
    assert!(ids.iter().all(|id| id.starts_with("codepipeline-pipeline-")));
    let groups = [
        (&PipelineEvent::PIPELINE_EXECUTION[..], "codepipeline-pipeline-pipeline-execution-"),
        (&PipelineEvent::STAGE_EXECUTION[..], "codepipeline-pipeline-stage-execution-"),
        (&PipelineEvent::ACTION_EXECUTION[..], "codepipeline-pipeline-action-execution-"),
        (&PipelineEvent::MANUAL_APPROVAL[..], "codepipeline-pipeline-manual-approval-"),
    ];
    let mut grouped = 0;
    for (events, prefix) in groups {
        assert!(events.iter().all(|event| event.event_type_id().starts_with(prefix)), "{prefix}");
        grouped += events.len();
    }
    assert_eq!(grouped, 18);
    assert_eq!(PipelineEvent::ManualApprovalNeeded.event_type_id(), "codepipeline-pipeline-manual-approval-needed");
}

#[test]
fn a_rule_keeps_each_event_once_and_defaults_to_full_detail() {
    let rule = NotificationRule::new(
        "failures",
        [
            PipelineEvent::PipelineExecutionFailed,
            PipelineEvent::StageExecutionFailed,
            PipelineEvent::PipelineExecutionFailed,
        ],
    );
    assert_eq!(rule.events, [PipelineEvent::PipelineExecutionFailed, PipelineEvent::StageExecutionFailed]);
    assert_eq!(rule.detail_type, DetailType::Full);
    assert_eq!(rule.status, None);
    let rule = rule.detail_type(DetailType::Basic).status(NotificationStatus::Disabled);
    assert_eq!((rule.detail_type.as_str(), rule.status.unwrap().as_str()), ("BASIC", "DISABLED"));
}

#[test]
fn a_well_formed_rule_passes() {
    let pipeline = pipeline_notifying(vec![NotificationRule::new("pipeline notifications_1", PipelineEvent::ALL)
        .target(NotificationTarget::sns(TOPIC))
        .target(NotificationTarget::chatbot_slack(
            "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/builds",
        ))]);
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    assert_eq!(pipeline.notification_rules()[0].targets[1].target_type(), "AWSChatbotSlack");
}

#[test]
fn names_events_and_targets_are_checked() {
    let mut crowded = NotificationRule::new("crowded", [PipelineEvent::PipelineExecutionFailed]);
    for _ in 0..11 {
        crowded = crowded.target(NotificationTarget::sns(TOPIC));
    }
    let pipeline = pipeline_notifying(vec![
        NotificationRule::new("failures!", [PipelineEvent::PipelineExecutionFailed])
            .target(NotificationTarget::sns(TOPIC)),
        NotificationRule::new("failures", []).target(NotificationTarget::sns(TOPIC)),
        NotificationRule::new("failures", [PipelineEvent::PipelineExecutionFailed]),
        crowded,
        NotificationRule::new("wrong-targets", [PipelineEvent::PipelineExecutionFailed])
            .target(NotificationTarget::sns("arn:aws:lambda:us-east-1:123456789012:function:notify"))
            .target(NotificationTarget::chatbot_slack("builds")),
    ]);
    assert_eq!(
        findings(&pipeline),
        [
            "error[notification-rule-name]: pipeline \"my-pipeline\" > notification rule \"failures!\": the rule name \
             \"failures!\" is not valid: use 1 to 64 letters, digits, spaces, '-' or '_'",
            "error[notification-rule-name-unique]: pipeline \"my-pipeline\" > notification rule \"failures\": the names \
             \"failures!\" and \"failures\" both give the file notifications/failures.json; rename one of the rules",
            "error[notification-rule-events]: pipeline \"my-pipeline\" > notification rule \"failures\": the rule \
             reports no events; give at least one PipelineEvent",
            "error[notification-rule-name-unique]: pipeline \"my-pipeline\" > notification rule \"failures\": another \
             notification rule is also named \"failures\"; give each rule its own name",
            "error[notification-rule-targets]: pipeline \"my-pipeline\" > notification rule \"failures\": the rule has \
             no targets; add one with `.target(NotificationTarget::sns(\"arn:aws:sns:<region>:<account>:<topic>\"))`",
            "error[notification-rule-targets]: pipeline \"my-pipeline\" > notification rule \"crowded\": the rule has 11 \
             targets; a notification rule allows at most 10",
            "error[notification-target]: pipeline \"my-pipeline\" > notification rule \"wrong-targets\": the SNS target \
             \"arn:aws:lambda:us-east-1:123456789012:function:notify\" is not an SNS topic ARN \
             (arn:aws:sns:<region>:<account>:<topic>) of at most 320 characters",
            "error[notification-target]: pipeline \"my-pipeline\" > notification rule \"wrong-targets\": the \
             AWSChatbotSlack target \"builds\" is not an AWS Chatbot channel configuration ARN \
             (arn:aws:chatbot::<account>:chat-configuration/slack-channel/<name>) of at most 320 characters",
        ]
    );
}
