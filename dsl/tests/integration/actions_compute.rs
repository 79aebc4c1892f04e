//! The Commands action.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn commands_with_files_variables_and_environment() {
    let pipeline = Pipeline::build("p", |p| {
        p.pipeline_type(PipelineType::V2);
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| {
            s.add(
                Commands::new(
                    "Build",
                    source.artifact(),
                    [Text::from("echo \"Build from CloudFormation\""), Text::from("ls -la")],
                )
                .environment_variable("COMMIT", source.vars().commit_id())
                .secret_environment_variable("TOKEN", "app/token")
                .output_variables(["VERSION"])
                .compute_type(CommandsComputeType::Medium)
                .environment_type(CommandsEnvironmentType::LinuxContainer)
                .vpc("vpc-1", &["subnet-a", "subnet-b"], &["sg-1"])
                .output_files("Dist", ["dist/**/*"]),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Build",
            "actionTypeId": {"category": "Compute", "owner": "AWS", "provider": "Commands", "version": "1"},
            "configuration": {
                "ComputeType": "BUILD_GENERAL1_MEDIUM",
                "EnvironmentType": "LINUX_CONTAINER",
                "VpcId": "vpc-1",
                "Subnets": "subnet-a,subnet-b",
                "SecurityGroupIds": "sg-1"
            },
            "commands": ["echo \"Build from CloudFormation\"", "ls -la"],
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "Dist", "files": ["dist/**/*"]}],
            "outputVariables": ["VERSION"],
            "environmentVariables": [
                {"name": "COMMIT", "value": "#{Source_Checkout.CommitId}", "type": "PLAINTEXT"},
                {"name": "TOKEN", "value": "app/token", "type": "SECRETS_MANAGER"}
            ]
        })
    );
    assert_eq!(action_json(&pipeline, 0, 0)["namespace"], "Source_Checkout");
}

#[test]
fn a_variable_in_a_command_orders_the_commands_after_their_producer() {
    let pipeline = after_checkout("Build", |s, source| {
        let version = s.add(
            Commands::new("Version", source.artifact(), ["export VERSION=$(cat VERSION)"])
                .output_variables(["VERSION"]),
        );
        s.add(Commands::new(
            "Tag",
            source.artifact(),
            [Text::concat(["git tag v".into(), version.vars().get("VERSION").into()])],
        ));
    });
    let version = action_json(&pipeline, 1, 0);
    let tag = action_json(&pipeline, 1, 1);
    assert_eq!((version["runOrder"].clone(), tag["runOrder"].clone()), (json!(1), json!(2)));
    assert_eq!(version["namespace"], "Build_Version");
    assert_eq!(tag["commands"], json!(["git tag v#{Build_Version.VERSION}"]));
    assert_eq!(tag.get("configuration"), None);
}
