//! Invoke actions: Lambda and Step Functions.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn lambda_invoke_with_inputs_outputs_and_user_parameters() {
    let pipeline = Pipeline::build("p", |p| {
        let [code, config] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("App", "app", "main")).artifact(),
                s.add(CodeCommitSource::new("Config", "config", "main")).artifact(),
            ]
        });
        p.stage("Invoke", |s| {
            s.add(
                LambdaInvoke::new("Check", "check-function")
                    .user_parameters("{\"stage\":\"prod\"}")
                    .input(code)
                    .input(config)
                    .output("Report")
                    .output("Summary"),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Check",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "Lambda", "version": "1"},
            "configuration": {"FunctionName": "check-function", "UserParameters": "{\"stage\":\"prod\"}"},
            "inputArtifacts": [{"name": "AppOutput"}, {"name": "ConfigOutput"}],
            "outputArtifacts": [{"name": "Report"}, {"name": "Summary"}]
        })
    );
}

#[test]
fn lambda_invoke_output_variables_order_a_same_stage_reader() {
    let pipeline = after_checkout("Release", |s, source| {
        let lookup = s.add(LambdaInvoke::new("Lookup", "lookup").user_parameters(source.vars().branch_name()));
        s.add(ManualApproval::new("Approve").custom_data(lookup.vars().get("ReleaseName")));
    });
    let lookup = action_json(&pipeline, 1, 0);
    let approve = action_json(&pipeline, 1, 1);
    assert_eq!(lookup["configuration"]["UserParameters"], "#{Source_Checkout.BranchName}");
    assert_eq!(lookup["namespace"], "Release_Lookup");
    assert_eq!(lookup["runOrder"], 1);
    assert_eq!(approve["runOrder"], 2);
    assert_eq!(approve["configuration"]["CustomData"], "#{Release_Lookup.ReleaseName}");
}

#[test]
fn step_functions_with_a_literal_input() {
    let pipeline = after_checkout("Invoke", |s, _| {
        s.add(
            StepFunctionsInvoke::new("Workflow", "arn:aws:states:us-east-1:123456789012:stateMachine:release")
                .execution_name_prefix("release")
                .literal_input("{\"dryRun\":false}"),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Workflow",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "StepFunctions", "version": "1"},
            "configuration": {
                "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:release",
                "ExecutionNamePrefix": "release",
                "InputType": "Literal",
                "Input": "{\"dryRun\":false}"
            }
        })
    );
}

#[test]
fn step_functions_with_a_file_input_wires_its_artifact_and_exposes_the_execution() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let workflow = p.stage("Invoke", |s| {
            s.add(
                StepFunctionsInvoke::new("Workflow", "arn:aws:states:us-east-1:123456789012:stateMachine:release")
                    .file_input(source.artifact().path("input.json"))
                    .output("WorkflowOutput"),
            )
        });
        assert_eq!(workflow.vars().execution_arn().to_string(), "#{Invoke_Workflow.ExecutionArn}");
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Workflow",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "StepFunctions", "version": "1"},
            "configuration": {
                "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:release",
                "InputType": "FilePath",
                "Input": "input.json"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "WorkflowOutput"}]
        })
    );
}
