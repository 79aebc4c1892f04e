//! `03-get-pipeline-codecommit-lambda.json`: a `get-pipeline` document, a
//! CodeCommit source whose commit a Lambda function turns into a Step
//! Functions execution.

use pipewright::prelude::*;

use super::KnownDifference;

/// The pipeline `StepFunctionsDrivenDeploymentPipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build("StepFunctionsDrivenDeploymentPipeline", |p| {
        p.role_arn("arn:aws:iam::665243897136:role/AWS-CodePipeline-Service");
        p.artifact_store(ArtifactStore::s3("codepipeline-us-east-1-418586629775"));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("Source", "SampleApp", "master")
                    .poll_for_source_changes(true)
                    .output_name("CodeCommitOutput")
                    .run_order(1),
            )
        });
        p.stage("Prod", |s| {
            s.add(
                LambdaInvoke::new("Deploy", "StateMachineTriggerLambda")
                    .input(source.artifact())
                    .user_parameters(
                        r#"{"s3Bucket": "codepipeline-stepfunctions-sample", "stateMachineFile": "state_machine_input.json"}"#,
                    )
                    .run_order(1),
            );
        });
    })
}

/// Where the synthesized pipeline differs from the original.
pub const KNOWN_DIFFERENCES: &[KnownDifference] = &[
    KnownDifference::layout(
        "pipeline.stages[0].actions[0].inputArtifacts",
        "get-pipeline writes an empty list where an action has no input; synth leaves the key out",
    ),
    KnownDifference::layout(
        "pipeline.stages[1].actions[0].outputArtifacts",
        "get-pipeline writes an empty list where an action has no output; synth leaves the key out",
    ),
    KnownDifference::layout(
        "pipeline.version",
        "get-pipeline reports the version AWS keeps; a pipeline built in Rust has none",
    ),
];
