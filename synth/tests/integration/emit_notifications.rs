//! The notifications emitter: the seed's create-notification-rule command
//! as CLI input, its deploy command, and the template resource.

use pipewright_dsl::notifications::{
    DetailType, NotificationRule, NotificationStatus, NotificationTarget, PipelineEvent,
};
use pipewright_dsl::prelude::*;
use pipewright_dsl::{Rule, Violation};
use pipewright_synth::emit::notifications::{emit, template_resources};
use pipewright_synth::emit::{DeployStep, FileKind};
use serde_json::{json, Value};

/// The seed's rule: `--name pipeline-notifications --detail-type FULL
/// --event-type-ids ...-failed ...-succeeded --targets TargetType=SNS,...`.
fn seed_rule() -> NotificationRule {
    NotificationRule::new(
        "pipeline-notifications",
        [PipelineEvent::PipelineExecutionFailed, PipelineEvent::PipelineExecutionSucceeded],
    )
    .detail_type(DetailType::Full)
    .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:notifications"))
}

fn seed_pipeline(region: Option<&str>, rule: NotificationRule) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        if let Some(region) = region {
            p.region(region);
        }
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.notify(rule);
    })
}

#[test]
fn the_seed_command_is_reproduced_as_cli_input() {
    let files = emit(&seed_pipeline(Some("us-east-1"), seed_rule())).into_result().unwrap();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(file.path, "notifications/pipeline-notifications.json");
    assert_eq!(file.kind, FileKind::NotificationRule);
    let written_from_the_seed = json!({
        "Name": "pipeline-notifications",
        "Resource": "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline",
        "DetailType": "FULL",
        "EventTypeIds": [
            "codepipeline-pipeline-pipeline-execution-failed",
            "codepipeline-pipeline-pipeline-execution-succeeded",
        ],
        "Targets": [{"TargetType": "SNS", "TargetAddress": "arn:aws:sns:us-east-1:123456789012:notifications"}],
    });
    assert_eq!(file.contents, format!("{}\n", serde_json::to_string_pretty(&written_from_the_seed).unwrap()));
    assert_eq!(
        file.deploy,
        Some(DeployStep {
            command: "aws codestar-notifications create-notification-rule --region us-east-1 --cli-input-json \
                      file://notifications/pipeline-notifications.json"
                .to_owned(),
            account: Some("123456789012".to_owned()),
            region: Some("us-east-1".to_owned()),
            order: 2,
        })
    );
}

#[test]
fn a_status_and_a_slack_target_are_written() {
    let rule = NotificationRule::new("approvals", PipelineEvent::MANUAL_APPROVAL)
        .detail_type(DetailType::Basic)
        .target(NotificationTarget::chatbot_slack("arn:aws:chatbot::123456789012:chat-configuration/slack-channel/ops"))
        .status(NotificationStatus::Disabled);
    let files = emit(&seed_pipeline(Some("eu-west-1"), rule)).into_result().unwrap();
    let input: Value = serde_json::from_str(&files[0].contents).unwrap();
    assert_eq!(
        input,
        json!({
            "Name": "approvals",
            "Resource": "arn:aws:codepipeline:eu-west-1:123456789012:my-pipeline",
            "DetailType": "BASIC",
            "EventTypeIds": [
                "codepipeline-pipeline-manual-approval-failed",
                "codepipeline-pipeline-manual-approval-needed",
                "codepipeline-pipeline-manual-approval-succeeded",
            ],
            "Targets": [{"TargetType": "AWSChatbotSlack",
                         "TargetAddress": "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/ops"}],
            "Status": "DISABLED",
        })
    );
}

#[test]
fn the_template_resource_references_the_pipeline_resource() {
    let rule = NotificationRule::new("pipeline-notifications", [PipelineEvent::PipelineExecutionFailed])
        .target(NotificationTarget::sns(cfn::reference("NotificationsTopic")));
    assert_eq!(
        template_resources(&seed_pipeline(None, rule), "Pipeline"),
        [(
            "PipelinePipelineNotificationsNotificationRule".to_owned(),
            json!({"Type": "AWS::CodeStarNotifications::NotificationRule", "Properties": {
                "Name": "pipeline-notifications",
                "Resource": {"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"},
                "DetailType": "FULL",
                "EventTypeIds": ["codepipeline-pipeline-pipeline-execution-failed"],
                "Targets": [{"TargetType": "SNS", "TargetAddress": {"Ref": "NotificationsTopic"}}],
            }})
        )]
    );
}

#[test]
fn the_cli_form_needs_the_region_and_literal_targets() {
    let errors = |pipeline: &Pipeline| -> Vec<String> {
        emit(pipeline).into_result().unwrap_err().0.iter().map(Violation::to_string).collect()
    };
    assert_eq!(
        errors(&seed_pipeline(None, seed_rule())),
        ["error[notification-rule-cli]: pipeline \"my-pipeline\" > notification rule \"pipeline-notifications\": the \
             pipeline's ARN needs its Region, which is unknown: call `p.region(\"us-east-1\")` with the Region the \
             pipeline is created in"]
    );
    let rule = NotificationRule::new("pipeline-notifications", [PipelineEvent::PipelineExecutionFailed])
        .target(NotificationTarget::sns(cfn::reference("NotificationsTopic")));
    assert_eq!(
        errors(&seed_pipeline(Some("us-east-1"), rule)),
        ["error[notification-rule-cli]: pipeline \"my-pipeline\" > notification rule \"pipeline-notifications\": the \
             SNS target is a CloudFormation expression (!Ref NotificationsTopic); the CLI form needs a literal \
             ARN, so deploy this rule with the pipeline's template"]
    );
}

#[test]
fn a_name_and_tags_may_be_expressions_in_the_template_only() {
    let rule = seed_rule().rule_name(cfn::sub("${AWS::StackName}-notifications")).tag("team", cfn::reference("Team"));
    let pipeline = seed_pipeline(Some("us-east-1"), rule);
    let resources = template_resources(&pipeline, "Pipeline");
    let properties = &resources[0].1["Properties"];
    assert_eq!(resources[0].0, "PipelinePipelineNotificationsNotificationRule");
    assert_eq!(properties["Name"], json!({"Fn::Sub": "${AWS::StackName}-notifications"}));
    assert_eq!(properties["Tags"], json!({"team": {"Ref": "Team"}}));
    let errors: Vec<String> = emit(&pipeline).into_result().unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        ["error[notification-rule-cli]: pipeline \"my-pipeline\" > notification rule \"pipeline-notifications\": the \
             rule's name is a CloudFormation expression (!Sub ${AWS::StackName}-notifications); the CLI form needs a \
             literal, so deploy this rule with the pipeline's template"]
    );
}

#[test]
fn literal_tags_are_written_in_both_forms() {
    let pipeline = seed_pipeline(Some("us-east-1"), seed_rule().tag("team", "release").tag("cost-center", "42"));
    let files = emit(&pipeline).into_result().unwrap();
    let input: Value = serde_json::from_str(&files[0].contents).unwrap();
    assert_eq!(input["Tags"], json!({"team": "release", "cost-center": "42"}));
    assert_eq!(input["Name"], "pipeline-notifications");
    assert_eq!(template_resources(&pipeline, "Pipeline")[0].1["Properties"]["Tags"], input["Tags"]);
}

#[test]
fn a_static_resource_arn_is_written_in_both_forms_and_needs_no_region() {
    let arn = "arn:aws:codepipeline:eu-west-1:123456789012:my-pipeline";
    let pipeline = seed_pipeline(None, seed_rule().resource(arn));
    assert!(pipeline.check().iter().all(|finding| finding.rule != Rule::NotificationRuleResource));
    let files = emit(&pipeline).into_result().unwrap();
    let input: Value = serde_json::from_str(&files[0].contents).unwrap();
    assert_eq!(input["Resource"], arn);
    assert_eq!(template_resources(&pipeline, "Pipeline")[0].1["Properties"]["Resource"], arn);
}

#[test]
fn a_resource_expression_is_written_in_the_template_and_the_cli_form_derives_the_arn() {
    let written = cfn::sub("arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}");
    let pipeline = seed_pipeline(Some("us-east-1"), seed_rule().resource(written));
    assert_eq!(
        template_resources(&pipeline, "Pipeline")[0].1["Properties"]["Resource"],
        json!({"Fn::Sub": "arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"})
    );
    let files = emit(&pipeline).into_result().unwrap();
    let input: Value = serde_json::from_str(&files[0].contents).unwrap();
    assert_eq!(input["Resource"], "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline");
}

#[test]
fn a_static_resource_arn_of_another_pipeline_or_service_is_an_error() {
    let findings = |arn: &str| -> Vec<String> {
        let pipeline = seed_pipeline(None, seed_rule().resource(arn));
        let findings = pipeline.check().into_iter().filter(|finding| finding.rule == Rule::NotificationRuleResource);
        findings.map(|finding| finding.to_string()).collect()
    };
    assert_eq!(
        findings("arn:aws:codepipeline:us-east-1:123456789012:other-pipeline"),
        ["error[notification-rule-resource]: pipeline \"my-pipeline\" > notification rule \"pipeline-notifications\": \
          the pipeline ARN \"arn:aws:codepipeline:us-east-1:123456789012:other-pipeline\" names the pipeline \
          \"other-pipeline\", not this one (\"my-pipeline\")"]
    );
    assert_eq!(
        findings("arn:aws:codecommit:us-east-1:123456789012:my-pipeline"),
        ["error[notification-rule-resource]: pipeline \"my-pipeline\" > notification rule \"pipeline-notifications\": \
          the pipeline ARN \"arn:aws:codecommit:us-east-1:123456789012:my-pipeline\" is not a CodePipeline ARN; use \
          arn:aws:codepipeline:<region>:<12-digit account>:<pipeline name>"]
    );
}
