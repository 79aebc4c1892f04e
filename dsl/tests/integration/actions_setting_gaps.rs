//! Settings that real definitions use and the typed actions had no setter
//! for: a CloudFormation deploy's output artifact without `OutputFileName`,
//! the deployment role of a change set's execution, an action's provider
//! version, and a CodeBuild environment variable written without `type`.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use serde_json::json;

const ROLE: &str = "arn:aws:iam::123456789012:role/CloudFormationRole";

#[test]
fn a_cloudformation_deploy_declares_an_output_without_an_outputs_file() {
    let pipeline = after_checkout("Deploy", |s, source| {
        let deploy = s.add(
            CloudFormationDeploy::create_update("Deploy", "app", source.artifact().path("app.yaml"), ROLE)
                .output("StackOutput"),
        );
        let [stack_output] = deploy.artifacts;
        s.add(CodeBuild::new("Test", "tests", stack_output).after(&deploy));
    });
    let deploy = action_json(&pipeline, 1, 0);
    assert_eq!(deploy["outputArtifacts"], json!([{"name": "StackOutput"}]));
    assert_eq!(
        deploy["configuration"],
        json!({"ActionMode": "CREATE_UPDATE", "StackName": "app", "TemplatePath": "CheckoutOutput::app.yaml", "RoleArn": ROLE})
    );
    assert_eq!(action_json(&pipeline, 1, 1)["inputArtifacts"], json!([{"name": "StackOutput"}]));
}

#[test]
fn a_change_set_is_executed_with_the_deployment_role_given() {
    let pipeline = after_checkout("Deploy", |s, source| {
        let plan = s.add(CloudFormationDeploy::create_replace_change_set(
            "Plan",
            "app",
            "app-changes",
            source.artifact().path("app.yaml"),
            ROLE,
        ));
        s.add(CloudFormationDeploy::execute_change_set_with_role("Apply", "app", "app-changes", ROLE).after(&plan));
    });
    assert_eq!(
        action_json(&pipeline, 1, 1)["configuration"],
        json!({"ActionMode": "CHANGE_SET_EXECUTE", "StackName": "app", "ChangeSetName": "app-changes", "RoleArn": ROLE})
    );
}

#[test]
fn an_action_sets_its_provider_version() {
    let pipeline = after_checkout("Build", |s, source| {
        s.add(CodeBuild::new("Build", "project", source.artifact()).version("2"));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0)["actionTypeId"],
        json!({"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "2"})
    );
}

#[test]
fn an_untyped_environment_variable_is_written_without_type() {
    let pipeline = after_checkout("Build", |s, source| {
        s.add(CodeBuild::new("Build", "project", source.artifact()).environment_variables([
            EnvVar::untyped("STAGE", "prod"),
            EnvVar::plaintext("MODE", "full"),
            EnvVar::parameter_store("DB_HOST", "/app/db-host"),
        ]));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"]["EnvironmentVariables"],
        r#"[{"name":"STAGE","value":"prod"},{"name":"MODE","value":"full","type":"PLAINTEXT"},{"name":"DB_HOST","value":"/app/db-host","type":"PARAMETER_STORE"}]"#
    );
}
