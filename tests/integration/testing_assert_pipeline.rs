//! `pipewright::testing::assert_pipeline`: targeted assertions that pass on
//! what the pipeline holds and fail in the pipeline's words.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pipewright::notifications::PipelineEvent;
use pipewright::prelude::*;
use pipewright::testing::assert_pipeline;

fn pipeline() -> Pipeline {
    Pipeline::build("service", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("service-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "service", "main")));
        p.stage("Deploy", |s| {
            s.add(CloudFormationDeploy::create_update(
                "Prod",
                "staging",
                source.artifact().path("stack.yaml"),
                "arn:aws:iam::123456789012:role/CloudFormationDeploymentRole",
            ));
        });
        p.start_on_change("service-main", &source);
        p.on_pipeline_state("failures", [PipelineExecutionState::Failed], "arn:aws:sns:us-east-1:123456789012:alerts");
        p.notify(
            NotificationRule::new("service-approvals", [PipelineEvent::ManualApprovalNeeded])
                .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:approvals")),
        );
    })
}

/// The message of the panic `check` raises.
fn failure(check: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(check)).expect_err("the assertion should fail");
    payload.downcast_ref::<String>().cloned().expect("a formatted panic message")
}

#[test]
fn what_the_pipeline_holds_passes() {
    let pipeline = pipeline();
    let pipeline = assert_pipeline(&pipeline);
    pipeline
        .stage("Deploy")
        .action("Prod")
        .provider("CloudFormation")
        .configuration("StackName", "staging")
        .configuration("TemplatePath", "CheckoutOutput::stack.yaml");
    pipeline.event_rule("service-main").starts_pipeline();
    pipeline.event_rule("failures").target("arn:aws:sns:us-east-1:123456789012:alerts");
    pipeline
        .notification_rule("service-approvals")
        .event(PipelineEvent::ManualApprovalNeeded)
        .target("arn:aws:sns:us-east-1:123456789012:approvals");
}

#[test]
fn a_different_configuration_value_names_the_path_the_value_and_the_expected_one() {
    let pipeline = pipeline();
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).stage("Deploy").action("Prod").configuration("StackName", "prod");
        }),
        r#"stage "Deploy" > action "Prod": configuration.StackName is "staging", expected "prod""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).stage("Deploy").action("Prod").configuration("ParameterOverrides", "{}");
        }),
        r#"stage "Deploy" > action "Prod": configuration.ParameterOverrides is not set, expected "{}"; the configuration sets "ActionMode", "StackName", "TemplatePath", "RoleArn""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).stage("Deploy").action("Prod").provider("CodeBuild");
        }),
        r#"stage "Deploy" > action "Prod": the provider is "CloudFormation", expected "CodeBuild""#
    );
}

#[test]
fn a_missing_stage_or_action_lists_the_names_there_are() {
    let pipeline = pipeline();
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).stage("Nope");
        }),
        r#"pipeline "service" has no stage "Nope"; its stages are "Source", "Deploy""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).stage("Deploy").action("Staging");
        }),
        r#"stage "Deploy" has no action "Staging"; its actions are "Prod""#
    );
}

#[test]
fn rules_that_differ_say_what_they_hold() {
    let pipeline = pipeline();
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).event_rule("nightly");
        }),
        r#"pipeline "service" has no event rule "nightly"; its event rules are "service-main", "failures""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).event_rule("failures").starts_pipeline();
        }),
        r#"event rule "failures" does not start the pipeline; it targets "arn:aws:sns:us-east-1:123456789012:alerts""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline)
                .notification_rule("service-approvals")
                .event(PipelineEvent::PipelineExecutionFailed);
        }),
        r#"notification rule "service-approvals" does not report codepipeline-pipeline-pipeline-execution-failed; it reports "codepipeline-pipeline-manual-approval-needed""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline)
                .notification_rule("service-approvals")
                .target("arn:aws:sns:us-east-1:123456789012:other");
        }),
        r#"notification rule "service-approvals" does not notify "arn:aws:sns:us-east-1:123456789012:other"; it notifies "arn:aws:sns:us-east-1:123456789012:approvals""#
    );
    assert_eq!(
        failure(|| {
            assert_pipeline(&pipeline).notification_rule("other");
        }),
        r#"pipeline "service" has no notification rule "other"; its notification rules are "service-approvals""#
    );
}
