//! Provider settings: categories, required keys, enumerated values,
//! timeouts, provider-only fields.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn an_aws_provider_in_the_wrong_category() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/actionTypeId/category", json!("Invoke")));
    assert_eq!(
        found,
        [
            r#"error[provider-category]: pipeline "app" > stage "Deploy" > action "Release" > actionTypeId: AWS offers ECS in category Deploy, not Invoke; set the category to Deploy"#
        ]
    );
}

#[test]
fn an_unknown_aws_provider_is_a_warning() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/actionTypeId/provider", json!("Ecs")));
    assert_eq!(
        found,
        [
            r#"warning[provider-unknown]: pipeline "app" > stage "Deploy" > action "Release" > actionTypeId: "Ecs" is not an AWS Deploy provider pipewright knows; check the provider name (it is case-sensitive)"#
        ]
    );
}

#[test]
fn a_deprecated_provider_is_a_warning() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/0/actions/0/actionTypeId",
            json!({"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"}),
        );
        set(
            doc,
            "/pipeline/stages/0/actions/0/configuration",
            json!({"Owner": "my-org", "Repo": "app", "Branch": "main", "OAuthToken": "****"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[provider-deprecated]: pipeline "app" > stage "Source" > action "Checkout" > actionTypeId: GitHub version 1 (OAuth) actions are deprecated; use a CodeStarSourceConnection source through a connection to GitHub"#
        ]
    );
}

#[test]
fn required_configuration_keys() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/stages/0/actions/0/configuration/BranchName");
        remove(doc, "/pipeline/stages/2/actions/0/configuration");
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-required]: pipeline "app" > stage "Source" > action "Checkout" > configuration.BranchName: the CodeCommit (Source) action needs the configuration key BranchName; its required keys are RepositoryName, BranchName"#,
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Release" > configuration.ClusterName: the ECS (Deploy) action needs the configuration key ClusterName; its required keys are ClusterName, ServiceName"#,
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Release" > configuration.ServiceName: the ECS (Deploy) action needs the configuration key ServiceName; its required keys are ClusterName, ServiceName"#,
        ]
    );
}

#[test]
fn s3_deploy_without_extract_needs_an_object_key() {
    let upload = |extract: &str| {
        action(
            "Upload",
            "Deploy",
            "S3",
            json!({
                "configuration": {"BucketName": "releases", "Extract": extract},
                "inputArtifacts": [{"name": "Image"}]
            }),
        )
    };
    let found = findings_with_deploy_action(upload("false"));
    assert_eq!(
        found,
        [
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Upload" > configuration.ObjectKey: the S3 (Deploy) action needs the configuration key ObjectKey; it is required when Extract is false"#
        ]
    );
    assert_eq!(findings_with_deploy_action(upload("true")), Vec::<String>::new());
}

#[test]
fn cloudformation_keys_per_action_mode() {
    let stack = |name: &str, configuration| {
        action(
            name,
            "Deploy",
            "CloudFormation",
            json!({"configuration": configuration, "inputArtifacts": [{"name": "Image"}]}),
        )
    };
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/2/actions",
            json!([
                stack("Prepare", json!({"ActionMode": "CHANGE_SET_REPLACE", "StackName": "app"})),
                stack(
                    "Execute",
                    json!({"ActionMode": "CHANGE_SET_EXECUTE", "StackName": "app", "ChangeSetName": "app-changes"})
                ),
                stack(
                    "Remove",
                    json!({"ActionMode": "DELETE_ONLY", "StackName": "old", "RoleArn": "arn:aws:iam::111111111111:role/Cfn"})
                ),
                stack(
                    "Update",
                    json!({"ActionMode": "CREATE_UPDATE", "StackName": "app", "TemplatePath": "Image::template.yaml"})
                ),
            ]),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Prepare" > configuration.ChangeSetName: the CloudFormation (Deploy) action needs the configuration key ChangeSetName; it is required when ActionMode is CHANGE_SET_REPLACE"#,
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Prepare" > configuration.TemplatePath: the CloudFormation (Deploy) action needs the configuration key TemplatePath; it is required when ActionMode is CHANGE_SET_REPLACE"#,
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Prepare" > configuration.RoleArn: the CloudFormation (Deploy) action needs the configuration key RoleArn; it is required when ActionMode is CHANGE_SET_REPLACE: the ARN of the role CloudFormation deploys the stack with (without it the action fails when it runs)"#,
            r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Update" > configuration.RoleArn: the CloudFormation (Deploy) action needs the configuration key RoleArn; it is required when ActionMode is CREATE_UPDATE: the ARN of the role CloudFormation deploys the stack with (without it the action fails when it runs)"#,
        ]
    );
}

#[test]
fn enumerated_configuration_values() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/configuration/PollForSourceChanges", json!("no"));
        set(
            doc,
            "/pipeline/stages/2/actions",
            json!([action(
                "Stack",
                "Deploy",
                "CloudFormation",
                json!({
                    "configuration": {
                        "ActionMode": "CREATE_OR_UPDATE",
                        "StackName": "app",
                        "RoleArn": "arn:aws:iam::111111111111:role/Cfn",
                        "TemplatePath": "Image::template.yaml",
                        "Capabilities": "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND,CAPABILITY_ALL"
                    },
                    "inputArtifacts": [{"name": "Image"}]
                })
            )]),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-value]: pipeline "app" > stage "Source" > action "Checkout" > configuration.PollForSourceChanges: PollForSourceChanges "no" is not valid; use one of true, false"#,
            r#"error[configuration-value]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.ActionMode: ActionMode "CREATE_OR_UPDATE" is not valid; use one of CREATE_UPDATE, REPLACE_ON_FAILURE, DELETE_ONLY, CHANGE_SET_REPLACE, CHANGE_SET_EXECUTE"#,
            r#"error[configuration-value]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.Capabilities: Capabilities "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND,CAPABILITY_ALL" is not valid; use a comma-separated list of CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND"#,
        ]
    );
}

#[test]
fn manual_approval_timeout() {
    let approval = |minutes: u32| action("Approve", "Approval", "Manual", json!({"timeoutInMinutes": minutes}));
    let found = findings_after(|doc| {
        push(doc, "/pipeline/stages/2/actions", approval(4));
        push(doc, "/pipeline/stages/1/actions", approval(86_401));
    });
    assert_eq!(
        found,
        [
            r#"error[timeout-range]: pipeline "app" > stage "Build" > action "Approve" > timeoutInMinutes: timeoutInMinutes 86401 is out of range; use 5 to 86400 minutes (60 days)"#,
            r#"error[timeout-range]: pipeline "app" > stage "Deploy" > action "Approve" > timeoutInMinutes: timeoutInMinutes 4 is out of range; use 5 to 86400 minutes (60 days)"#,
        ]
    );
    assert_eq!(findings_after(|doc| push(doc, "/pipeline/stages/2/actions", approval(5))), Vec::<String>::new());
}

#[test]
fn fields_only_some_providers_take() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/commands", json!(["make"]));
        set(doc, "/pipeline/stages/1/actions/0/outputVariables", json!(["VERSION"]));
        set(doc, "/pipeline/stages/1/actions/0/outputArtifacts/0/files", json!(["dist/**"]));
        set(doc, "/pipeline/stages/2/actions/0/environmentVariables", json!([{"name": "STAGE", "value": "prod"}]));
    });
    assert_eq!(
        found,
        [
            r#"error[provider-only-field]: pipeline "app" > stage "Build" > action "Compile" > commands: commands is only for the Commands action; remove it from this action"#,
            r#"error[provider-only-field]: pipeline "app" > stage "Build" > action "Compile" > outputVariables: outputVariables is only for the Commands action (other actions publish their variables themselves); remove it from this action"#,
            r#"error[provider-only-field]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts[0].files: outputArtifacts[0].files is only for the Commands action; remove it from this action"#,
            r#"error[provider-only-field]: pipeline "app" > stage "Deploy" > action "Release" > environmentVariables: environmentVariables is only for the Commands and EKS actions (CodeBuild takes EnvironmentVariables in its configuration); remove it from this action"#,
        ]
    );
}

#[test]
fn the_commands_action_needs_commands() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            commands_compile(json!({
                "outputArtifacts": [{"name": "Image", "files": ["dist/**"]}],
                "outputVariables": ["VERSION"]
            })),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-required]: pipeline "app" > stage "Build" > action "Compile" > commands: the Commands action needs commands: 1 to 50 single-line shell commands"#
        ]
    );
}

#[test]
fn numeric_configuration_values() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/actions/0/configuration/DeploymentTimeout", json!("90"));
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "StackSet",
                "Deploy",
                "CloudFormationStackSet",
                json!({
                    "configuration": {
                        "StackSetName": "baseline",
                        "TemplatePath": "Code::baseline.yaml",
                        "FailureTolerancePercentage": "10.5",
                        "MaxConcurrentPercentage": "100"
                    },
                    "inputArtifacts": [{"name": "Code"}]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-value]: pipeline "app" > stage "Deploy" > action "Release" > configuration.DeploymentTimeout: DeploymentTimeout "90" is not valid; use a whole number from 1 to 60 (minutes)"#,
            r#"error[configuration-value]: pipeline "app" > stage "Deploy" > action "StackSet" > configuration.FailureTolerancePercentage: FailureTolerancePercentage "10.5" is not valid; use a whole number from 0 to 100 (percent)"#,
        ]
    );
}
