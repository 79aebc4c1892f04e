//! Start a pipeline on another service's events, and report with a pattern
//! of your own.
//!
//! ```sh
//! cargo run --example 06_custom_event_rule -- synth --out out
//! ```
//!
//! Shows: a pipeline started by an EventBridge rule on SageMaker's events
//! (a model package approved in the model registry) instead of its source's
//! changes, the source no longer polling; a rule whose pattern is written as
//! JSON, sending this pipeline's failed deploy actions to a topic; and a
//! scheduled rule whose target is a Lambda function, not the pipeline.

use pipewright::events::{EventPattern, ModelApprovalStatus, RateUnit, Schedule};
use pipewright::prelude::*;

/// `churn-model`: in account 123456789012 (us-east-1); when a model of the
/// `churn-models` group is approved, packages the model bucket's latest
/// deployment bundle and deploys the inference endpoint stack.
pub fn pipeline() -> Pipeline {
    Pipeline::build("churn-model", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("churn-model-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(S3Source::new("Bundle", "churn-model-bundles", "endpoint.zip").poll_for_source_changes(false))
        });
        let [package] = p.stage("Package", |s| {
            s.add(CodeBuild::new("Package", "churn-model-package", source.artifact()).output("Endpoint")).artifacts
        });
        p.stage("Deploy", |s| {
            s.add(CloudFormationDeploy::create_update(
                "Endpoint",
                "churn-model-endpoint",
                package.path("endpoint.yaml"),
                "arn:aws:iam::123456789012:role/CloudFormationDeploymentRole",
            ));
        });
        p.start_on_event(
            "churn-model-approved",
            EventPattern::SageMakerModelPackage {
                group: "churn-models".into(),
                statuses: vec![ModelApprovalStatus::Approved],
            },
        )
        .description("Deploys the endpoint when a churn model is approved");
        p.on_event(
            "churn-model-deploy-failed",
            EventPattern::custom(serde_json::json!({
                "source": ["aws.codepipeline"],
                "detail-type": ["CodePipeline Action Execution State Change"],
                "detail": {
                    "pipeline": ["churn-model"],
                    "state": ["FAILED"],
                    "type": {"category": ["Deploy"]},
                },
            })),
            "arn:aws:sns:us-east-1:123456789012:ml-alerts",
        )
        .target_id("ml-alerts");
        p.on_schedule(
            "churn-model-retrain",
            Schedule::rate(7, RateUnit::Days),
            "arn:aws:lambda:us-east-1:123456789012:function:start-churn-retraining",
        )
        .description("Starts a retraining job every week");
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
