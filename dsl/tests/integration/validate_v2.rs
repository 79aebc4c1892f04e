//! V2 features in a V1 pipeline, the builder making a pipeline V2 when it
//! uses them, and rollback in PARALLEL mode.

use crate::validate_support::*;
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn v2_features_in_a_v1_pipeline() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V1"));
        set(doc, "/pipeline/executionMode", json!("QUEUED"));
        set(doc, "/pipeline/variables", json!([{"name": "Env", "defaultValue": "dev"}]));
        set(
            doc,
            "/pipeline/stages/0/actions/0",
            action(
                "Checkout",
                "Source",
                "CodeStarSourceConnection",
                json!({
                    "configuration": {
                        "ConnectionArn": "arn:aws:codeconnections:us-east-1:111111111111:connection/abc",
                        "FullRepositoryId": "team/app",
                        "BranchName": "main"
                    },
                    "outputArtifacts": [{"name": "Code"}]
                }),
            ),
        );
        set(
            doc,
            "/pipeline/triggers",
            json!([{"providerType": "CodeStarSourceConnection", "gitConfiguration": {
                "sourceActionName": "Checkout", "push": [{"branches": {"includes": ["main"]}}]
            }}]),
        );
        set(doc, "/pipeline/stages/2/onFailure", json!({"result": "ROLLBACK"}));
        set(doc, "/pipeline/stages/1/actions/0", commands_compile(json!({"commands": ["make"]})));
    });
    assert_eq!(
        found,
        [
            r#"error[requires-v2]: pipeline "app" > variables: pipeline variables require a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > triggers: triggers require a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > executionMode: the QUEUED execution mode requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > stage "Deploy": stage conditions (onFailure) require a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > stage "Build" > action "Compile" > actionTypeId: the Commands (Compute) action requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
        ]
    );
}

#[test]
fn v2_only_providers() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V1"));
        set(
            doc,
            "/pipeline/stages/2/actions/0",
            action(
                "Release",
                "Deploy",
                "EKS",
                json!({
                    "configuration": {"ClusterName": "prod", "ManifestFiles": "k8s.yaml"},
                    "inputArtifacts": [{"name": "Image"}]
                }),
            ),
        );
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Next",
                "Invoke",
                "CodePipeline",
                json!({
                    "configuration": {"PipelineName": "downstream"}
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[requires-v2]: pipeline "app" > stage "Deploy" > action "Release" > actionTypeId: the EKS (Deploy) action requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > stage "Deploy" > action "Next" > actionTypeId: the CodePipeline (Invoke) action requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
        ]
    );
}

#[test]
fn v2_features_without_a_pipeline_type_or_in_v2_are_valid() {
    for pipeline_type in [None, Some("V2")] {
        let found = findings_after(|doc| {
            if let Some(pipeline_type) = pipeline_type {
                set(doc, "/pipeline/pipelineType", json!(pipeline_type));
            }
            set(doc, "/pipeline/executionMode", json!("PARALLEL"));
            set(doc, "/pipeline/variables", json!([{"name": "Env", "defaultValue": "dev"}]));
            set(
                doc,
                "/pipeline/stages/2/onFailure",
                json!({"result": "RETRY", "retryConfiguration": {"retryMode": "FAILED_ACTIONS"}}),
            );
        });
        assert_eq!(found, Vec::<String>::new(), "pipelineType {pipeline_type:?}");
    }
}

#[test]
fn no_rollback_in_parallel_mode() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(doc, "/pipeline/executionMode", json!("PARALLEL"));
        set(doc, "/pipeline/stages/2/onFailure", json!({"result": "ROLLBACK"}));
        set(
            doc,
            "/pipeline/stages/1/onSuccess",
            json!({"conditions": [{"result": "ROLLBACK", "rules": [
                {"name": "NoAlarm", "ruleTypeId": {"category": "Rule", "owner": "AWS", "provider": "CloudWatchAlarm", "version": "1"},
                 "configuration": {"AlarmName": "errors"}}
            ]}]}),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[rollback-in-parallel]: pipeline "app" > stage "Build" > onSuccess.conditions[0].result: ROLLBACK is not available in the PARALLEL execution mode; use another result (RETRY, FAIL) or the QUEUED or SUPERSEDED mode"#,
            r#"error[rollback-in-parallel]: pipeline "app" > stage "Deploy" > onFailure.result: ROLLBACK is not available in the PARALLEL execution mode; use another result (RETRY, FAIL) or the QUEUED or SUPERSEDED mode"#,
        ]
    );
}

/// A built pipeline with a Commands action (a typed V2-only provider) and a
/// generic EKS action (known only to the provider catalog).
fn built_with_v2_only_providers(pipeline_type: Option<PipelineType>) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        if let Some(pipeline_type) = pipeline_type {
            p.pipeline_type(pipeline_type);
        }
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(Commands::new("Lint", source.artifact(), ["make lint"]));
        });
        p.stage("Deploy", |s| {
            s.add(
                GenericAction::new("Release", NonSourceCategory::Deploy, ActionOwner::Aws, "EKS", "1")
                    .input(source.artifact())
                    .configuration("ClusterName", "prod"),
            );
        });
    })
}

#[test]
fn the_builder_makes_a_pipeline_with_a_v2_only_provider_v2() {
    let pipeline = built_with_v2_only_providers(None);
    assert_eq!(pipeline.declaration().pipeline_type, Some(PipelineType::V2));
    assert_eq!(rendered(&pipeline), Vec::<String>::new());
}

#[test]
fn an_explicit_v1_with_a_v2_only_provider_stays_and_is_reported() {
    let pipeline = built_with_v2_only_providers(Some(PipelineType::V1));
    assert_eq!(pipeline.declaration().pipeline_type, Some(PipelineType::V1));
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[requires-v2]: pipeline "app" > stage "Build" > action "Lint" > actionTypeId: the Commands (Compute) action requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
            r#"error[requires-v2]: pipeline "app" > stage "Deploy" > action "Release" > actionTypeId: the EKS (Deploy) action requires a V2 pipeline, but pipelineType is V1; set pipelineType to V2"#,
        ]
    );
}
