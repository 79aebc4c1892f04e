//! Cross-account actions.

use crate::validate_support::*;
use serde_json::json;

/// The role of account 222222222222 the pipeline assumes for an action.
const OTHER_ACCOUNT_ROLE: &str = "arn:aws:iam::222222222222:role/DeployRole";
/// The pipeline account's key.
const KEY: &str = "arn:aws:kms:us-east-1:111111111111:key/1234abcd";

#[test]
fn a_cross_account_action_needs_a_customer_managed_key() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE)));
    assert_eq!(
        found,
        [
            r#"error[cross-account-kms-key]: pipeline "app" > stage "Deploy" > action "Release" > roleArn: this action runs in account 222222222222 (its roleArn), not the pipeline's account 111111111111, but its artifact store (artifactStore "app-artifacts") has no encryptionKey: artifacts are then encrypted with the AWS-managed aws/s3 key, which no other account can use; give the store a customer-managed KMS key (encryptionKey with the key ARN, arn:aws:kms:<region>:111111111111:key/<key-id>)"#
        ]
    );
    let in_a_known_region = findings_in_region("us-east-1", |doc| {
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE))
    });
    assert_eq!(
        in_a_known_region,
        [
            r#"error[cross-account-kms-key]: pipeline "app" > stage "Deploy" > action "Release" > roleArn: this action runs in account 222222222222 (its roleArn), not the pipeline's account 111111111111, but its artifact store (artifactStore "app-artifacts") has no encryptionKey: artifacts are then encrypted with the AWS-managed aws/s3 key, which no other account can use; give the store a customer-managed KMS key (encryptionKey with the key ARN, arn:aws:kms:us-east-1:111111111111:key/<key-id>)"#
        ]
    );
    let with_key = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": KEY}));
    });
    assert_eq!(with_key, Vec::<String>::new());
}

#[test]
fn the_key_is_needed_on_the_store_of_the_action_region() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(
            doc,
            "/pipeline/artifactStores",
            json!({
                "us-east-1": {"type": "S3", "location": "app-artifacts", "encryptionKey": {"type": "KMS", "id": KEY}},
                "eu-west-1": {"type": "S3", "location": "app-artifacts-euw1"}
            }),
        );
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
        set(doc, "/pipeline/stages/2/actions/0/region", json!("eu-west-1"));
    });
    assert_eq!(
        found,
        [
            r#"error[cross-account-kms-key]: pipeline "app" > stage "Deploy" > action "Release" > roleArn: this action runs in account 222222222222 (its roleArn), not the pipeline's account 111111111111, but its artifact store (artifactStores.eu-west-1 "app-artifacts-euw1") has no encryptionKey: artifacts are then encrypted with the AWS-managed aws/s3 key, which no other account can use; give the store a customer-managed KMS key (encryptionKey with the key ARN, arn:aws:kms:eu-west-1:111111111111:key/<key-id>)"#
        ]
    );
}

#[test]
fn a_cross_account_codebuild_action_has_no_outputs() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": KEY}));
        set(doc, "/pipeline/stages/1/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
    });
    assert_eq!(
        found,
        [
            r#"error[cross-account-codebuild-output]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts: this action runs in account 222222222222 (its roleArn), not the pipeline's account 111111111111, and a cross-account CodeBuild action cannot have output artifacts; run the build in the pipeline's account, or produce the artifact with another action"#
        ]
    );
}

#[test]
fn an_artifact_does_not_pass_between_two_other_accounts() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": KEY}));
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            action(
                "Package",
                "Deploy",
                "CloudFormation",
                json!({
                    "roleArn": "arn:aws:iam::333333333333:role/PackageRole",
                    "configuration": {
                        "ActionMode": "CREATE_UPDATE",
                        "StackName": "package",
                        "TemplatePath": "Code::package.yaml",
                        "RoleArn": "arn:aws:iam::333333333333:role/CloudFormationRole",
                        "OutputFileName": "outputs.json"
                    },
                    "inputArtifacts": [{"name": "Code"}],
                    "outputArtifacts": [{"name": "Image"}]
                }),
            ),
        );
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
    });
    assert_eq!(
        found,
        [
            r#"error[cross-account-artifact]: pipeline "app" > stage "Deploy" > action "Release" > inputArtifacts[0].name: this action runs in account 222222222222 (its roleArn), not the pipeline's account 111111111111, and its input "Image" was produced by stage "Build" > action "Package" in account 333333333333; an artifact cannot pass between two accounts other than the pipeline's: produce it in the pipeline's account or in account 222222222222"#
        ]
    );
}

#[test]
fn the_cloudformation_deployment_role_is_in_the_action_account() {
    let stack = |role: Option<&str>| {
        let mut stack = stack_action(
            "Stack",
            json!({
                "TemplatePath": "Image::template.yaml",
                "RoleArn": "arn:aws:iam::222222222222:role/CloudFormationRole"
            }),
            json!({"inputArtifacts": [{"name": "Image"}]}),
        );
        if let Some(role) = role {
            stack["roleArn"] = json!(role);
        }
        stack
    };
    let found = findings_with_deploy_action(stack(None));
    assert_eq!(
        found,
        [
            r#"error[cloudformation-role-account]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.RoleArn: the deployment role RoleArn is in account 222222222222, but the action runs in account 111111111111 (the pipeline's role, as it has no roleArn); the action's role passes the deployment role to CloudFormation, which only works within one account: use a deployment role of account 111111111111, or set the action's roleArn to a role of account 222222222222"#
        ]
    );
    let in_the_same_account = findings_after(|doc| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": KEY}));
        set(doc, "/pipeline/stages/2/actions/0", stack(Some(OTHER_ACCOUNT_ROLE)));
    });
    assert_eq!(in_the_same_account, Vec::<String>::new());
    let not_cloudformation = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/2/actions/0/configuration/RoleArn",
            json!("arn:aws:iam::222222222222:role/NotForEcs"),
        );
    });
    assert_eq!(not_cloudformation, Vec::<String>::new(), "only CloudFormation actions have a deployment role");
}

/// The rule is reported alone, also for a role of another account: the
/// other cross-account rules do not apply to an action that cannot have one.
#[test]
fn custom_actions_have_no_role() {
    for role in ["arn:aws:iam::111111111111:role/JenkinsRole", OTHER_ACCOUNT_ROLE] {
        let found = findings_after(|doc| {
            push(
                doc,
                "/pipeline/stages/1/actions",
                owned_action(
                    "Jenkins",
                    "Test",
                    "Custom",
                    "JenkinsTest",
                    json!({
                        "configuration": {"ProjectName": "smoke"},
                        "inputArtifacts": [{"name": "Code"}],
                        "roleArn": role
                    }),
                ),
            );
        });
        assert_eq!(
            found,
            [
                r#"error[custom-action-role]: pipeline "app" > stage "Build" > action "Jenkins" > roleArn: a Custom action (Jenkins or another job worker) cannot have roleArn: CodePipeline assumes no role for it, so it cannot run in another account; remove roleArn"#
            ],
            "{role}"
        );
    }
}

#[test]
fn a_key_given_by_alias_is_a_warning_with_cross_account_actions() {
    let edit = |doc: &mut serde_json::Value| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": "alias/pipeline"}));
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
    };
    let mut document = valid();
    edit(&mut document);
    let pipeline = pipeline(document).with_region("us-east-1");
    assert_eq!(
        rendered(&pipeline),
        [
            r#"warning[cross-account-kms-key-arn]: pipeline "app" > artifactStore > encryptionKey.id: the KMS key "alias/pipeline" is not an ARN, and the actions that run in account 222222222222 would look it up in their own account; use the key ARN, arn:aws:kms:us-east-1:111111111111:key/<key-id>"#
        ]
    );
    assert!(pipeline.validate().is_ok(), "a warning alone does not stop synthesis");
    let both_accounts = findings_after(|doc| {
        edit(doc);
        set(doc, "/pipeline/stages/1/actions/0/roleArn", json!("arn:aws:iam::333333333333:role/BuildRole"));
        remove(doc, "/pipeline/stages/1/actions/0/outputArtifacts");
        set(doc, "/pipeline/stages/2/actions/0/inputArtifacts/0/name", json!("Code"));
    });
    assert_eq!(
        both_accounts,
        [
            r#"warning[cross-account-kms-key-arn]: pipeline "app" > artifactStore > encryptionKey.id: the KMS key "alias/pipeline" is not an ARN, and the actions that run in accounts 333333333333, 222222222222 would look it up in their own account; use the key ARN, arn:aws:kms:<region>:111111111111:key/<key-id>"#
        ]
    );
}

#[test]
fn a_provider_whose_permissions_are_unknown_is_a_warning() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": KEY}));
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Notify",
                "Invoke",
                "StepFunctions",
                json!({
                    "configuration": {"StateMachineArn": "arn:aws:states:us-east-1:222222222222:stateMachine:notify"},
                    "roleArn": OTHER_ACCOUNT_ROLE
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[cross-account-permissions]: pipeline "app" > stage "Deploy" > action "Notify": pipewright does not know what a StepFunctions action needs, so the role template for account 222222222222 grants its role only access to the artifacts; add the provider's permissions to that role"#
        ]
    );
}

#[test]
fn a_pipeline_role_given_as_an_expression_hides_cross_account_actions() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/roleArn", json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}));
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
    });
    assert_eq!(
        found,
        [
            r#"warning[cross-account-detection]: pipeline "app" > roleArn: the pipeline's roleArn is a CloudFormation expression (!GetAtt PipelineRole.Arn), so pipewright cannot tell which actions run in another account: their cross-account rules are not checked and no role templates are written for them; write the role as arn:aws:iam::<account>:role/<name> to have both"#
        ]
    );
    let not_a_role = findings_after(|doc| {
        set(doc, "/pipeline/roleArn", json!("PipelineRole"));
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!(OTHER_ACCOUNT_ROLE));
    });
    assert_eq!(
        not_a_role,
        [
            r#"error[role-arn]: pipeline "app" > roleArn: roleArn "PipelineRole" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ],
        "a literal that is no role ARN is reported once, by role-arn"
    );
}

#[test]
fn roles_that_are_expressions_are_not_compared() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/2/actions/0/roleArn",
            json!({"Fn::If": ["Prod", {"Fn::Sub": "arn:aws:iam::${Prod}:role/R"}, {"Ref": "AWS::NoValue"}]}),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}
