//! The CodePipeline invoke action: the JSON its typed builder produces, for
//! a minimal and a full configuration, against the keys of the AWS action
//! reference.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn a_minimal_codepipeline_invoke_names_the_pipeline_and_has_no_artifacts() {
    let pipeline = after_checkout("Release", |s, _| {
        s.add(CodePipelineInvoke::new("StartDeploy", "deploy-pipeline"));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "StartDeploy",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "CodePipeline", "version": "1"},
            "configuration": {"PipelineName": "deploy-pipeline"}
        })
    );
}

#[test]
fn a_full_codepipeline_invoke_writes_its_revisions_and_variables_as_json_text() {
    let pipeline = after_checkout("Release", |s, source| {
        s.add(
            CodePipelineInvoke::new("StartDeploy", "deploy-pipeline")
                .source_revision("Source", SourceRevisionType::CommitId, source.vars().commit_id())
                .source_revision("Image", SourceRevisionType::ImageDigest, "sha256:0123")
                .variable("STAGE", "prod")
                .variable("NOTE", "say \"hi\""),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "StartDeploy",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "CodePipeline", "version": "1"},
            "configuration": {
                "PipelineName": "deploy-pipeline",
                "SourceRevisions": concat!(
                    r##"[{"actionName":"Source","revisionType":"COMMIT_ID","revisionValue":"#{Source_Checkout.CommitId}"},"##,
                    r#"{"actionName":"Image","revisionType":"IMAGE_DIGEST","revisionValue":"sha256:0123"}]"#
                ),
                "Variables": r#"[{"name":"STAGE","value":"prod"},{"name":"NOTE","value":"say \"hi\""}]"#
            }
        })
    );
}

#[test]
fn source_revision_types_are_the_start_pipeline_execution_values() {
    let written: Vec<&str> = SourceRevisionType::ALL.iter().map(|kind| kind.as_str()).collect();
    assert_eq!(written, ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"]);
}
