//! `03-get-pipeline-codecommit-lambda.json`: a `get-pipeline` document, a
//! CodeCommit source whose commit a Lambda function turns into a Step
//! Functions execution.

use pipewright::prelude::*;

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
