//! The CloudFormation StackSets actions: the JSON each typed builder
//! produces, for a minimal and a full configuration, against the keys of the
//! AWS action reference (`CloudFormationStackSet`,
//! `CloudFormationStackInstances`).

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use pipewright_dsl::providers;
use serde_json::json;

#[test]
fn a_minimal_stack_set_writes_its_name_and_template_and_reads_the_template_artifact() {
    let pipeline = after_checkout("Deploy", |s, source| {
        s.add(CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml")));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "StackSet",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CloudFormationStackSet", "version": "1"},
            "configuration": {"StackSetName": "guardrails", "TemplatePath": "CheckoutOutput::template.yaml"},
            "inputArtifacts": [{"name": "CheckoutOutput"}]
        })
    );
}

#[test]
fn a_full_stack_set_writes_every_key_and_reads_each_file_artifact_once() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let [config] = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact()).output("Config")).artifacts
        });
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
                    .description("Account guardrails")
                    .parameters_file(config.path("parameters.json"))
                    .capabilities(&[StackSetCapability::Iam, StackSetCapability::NamedIam])
                    .permission_model(StackSetPermissionModel::ServiceManaged)
                    .organizations_auto_deployment(OrganizationsAutoDeployment::EnabledWithStackRetention)
                    .deployment_targets(StackSetTargets::file(config.path("targets.json")), &["us-west-2", "us-east-1"])
                    .failure_tolerance_percentage(20)
                    .max_concurrent_percentage(25),
            );
        });
    });
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "StackSet",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CloudFormationStackSet", "version": "1"},
            "configuration": {
                "StackSetName": "guardrails",
                "TemplatePath": "CheckoutOutput::template.yaml",
                "Description": "Account guardrails",
                "Parameters": "Config::parameters.json",
                "Capabilities": "CAPABILITY_IAM,CAPABILITY_NAMED_IAM",
                "PermissionModel": "SERVICE_MANAGED",
                "OrganizationsAutoDeployment": "EnabledWithStackRetention",
                "DeploymentTargets": "Config::targets.json",
                "Regions": "us-west-2,us-east-1",
                "FailureTolerancePercentage": "20",
                "MaxConcurrentPercentage": "25"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}, {"name": "Config"}]
        })
    );
}

#[test]
fn self_managed_stack_set_parameters_and_accounts_are_written_in_the_shorthand() {
    let pipeline = after_checkout("Deploy", |s, source| {
        s.add(
            CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
                .parameters(&[("Stage", "prod"), ("Owner", "platform")])
                .administration_role_arn("arn:aws:iam::123456789012:role/StackSetAdmin")
                .execution_role_name("StackSetExecution")
                .deployment_targets(StackSetTargets::accounts(&["111111222222", "333333444444"]), &["eu-west-1"]),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"],
        json!({
            "StackSetName": "guardrails",
            "TemplatePath": "CheckoutOutput::template.yaml",
            "Parameters": "ParameterKey=Stage,ParameterValue=prod ParameterKey=Owner,ParameterValue=platform",
            "AdministrationRoleArn": "arn:aws:iam::123456789012:role/StackSetAdmin",
            "ExecutionRoleName": "StackSetExecution",
            "DeploymentTargets": "111111222222,333333444444",
            "Regions": "eu-west-1"
        })
    );
}

#[test]
fn minimal_stack_instances_write_the_stack_set_and_regions_and_read_no_artifact() {
    let pipeline = after_checkout("Deploy", |s, _| {
        s.add(CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1", "eu-west-1"]));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Instances",
            "actionTypeId": {
                "category": "Deploy",
                "owner": "AWS",
                "provider": "CloudFormationStackInstances",
                "version": "1"
            },
            "configuration": {"StackSetName": "guardrails", "Regions": "us-east-1,eu-west-1"}
        })
    );
}

#[test]
fn full_stack_instances_write_every_key() {
    let pipeline = after_checkout("Deploy", |s, source| {
        s.add(
            CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"])
                .deployment_targets(StackSetTargets::organizational_units(&["ou-abcd-12345678", "ou-efgh-87654321"]))
                .parameter_overrides_file(source.artifact().path("overrides.json"))
                .failure_tolerance_percentage(0)
                .max_concurrent_percentage(100),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Instances",
            "actionTypeId": {
                "category": "Deploy",
                "owner": "AWS",
                "provider": "CloudFormationStackInstances",
                "version": "1"
            },
            "configuration": {
                "StackSetName": "guardrails",
                "Regions": "us-east-1",
                "DeploymentTargets": "ou-abcd-12345678,ou-efgh-87654321",
                "ParameterOverrides": "CheckoutOutput::overrides.json",
                "FailureTolerancePercentage": "0",
                "MaxConcurrentPercentage": "100"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}]
        })
    );
}

#[test]
fn stack_instance_parameter_overrides_are_written_in_the_shorthand() {
    let pipeline = after_checkout("Deploy", |s, _| {
        s.add(
            CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"])
                .parameter_overrides(&[("Stage", "prod")]),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"]["ParameterOverrides"],
        "ParameterKey=Stage,ParameterValue=prod"
    );
}

#[test]
fn stack_set_enums_are_the_description_value_sets() {
    let values = |key: &str| match providers::CLOUDFORMATION_STACK_SET.key(key).map(|key| key.values) {
        Some(providers::Values::OneOf(values) | providers::Values::ListOf(values)) => values.to_vec(),
        other => panic!("{key} has no closed value set ({other:?})"),
    };
    let capabilities: Vec<&str> = StackSetCapability::ALL.iter().map(|value| value.as_str()).collect();
    assert_eq!(capabilities, ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]);
    assert_eq!(values("Capabilities"), capabilities);
    let models: Vec<&str> = StackSetPermissionModel::ALL.iter().map(|value| value.as_str()).collect();
    assert_eq!(models, ["SELF_MANAGED", "SERVICE_MANAGED"]);
    assert_eq!(values("PermissionModel"), models);
    let settings: Vec<&str> = OrganizationsAutoDeployment::ALL.iter().map(|value| value.as_str()).collect();
    assert_eq!(settings, ["Enabled", "Disabled", "EnabledWithStackRetention"]);
    assert_eq!(values("OrganizationsAutoDeployment"), settings);
}

#[test]
fn stack_set_variables_name_the_operation() {
    after_checkout("Deploy", |s, source| {
        let stack_set =
            s.add(CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml")));
        assert_eq!(stack_set.vars().stack_set_id().to_string(), "#{Deploy_StackSet.StackSetId}");
        let instances = s.add(CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"]));
        assert_eq!(instances.vars().operation_id().to_string(), "#{Deploy_Instances.OperationId}");
    });
}
