//! ARN shapes: role ARNs are errors, other ARNs in configuration warnings.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn pipeline_role_arn_shape() {
    let found = findings_after(|doc| set(doc, "/pipeline/roleArn", json!("arn:aws:iam::111111111111:user/deployer")));
    assert_eq!(
        found,
        [
            r#"error[role-arn]: pipeline "app" > roleArn: roleArn "arn:aws:iam::111111111111:user/deployer" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}

#[test]
fn an_empty_pipeline_role() {
    let found = findings_after(|doc| set(doc, "/pipeline/roleArn", json!("")));
    assert_eq!(
        found,
        [
            r#"error[role-required]: pipeline "app": the pipeline has no service role (roleArn is empty); set roleArn to an IAM role that trusts codepipeline.amazonaws.com: arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}

#[test]
fn action_role_arn_shape_in_other_partitions() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/roleArn", json!("arn:aws-us-gov:iam::111111111111:role/PipelineRole"));
        set(doc, "/pipeline/stages/2/actions/0/roleArn", json!("arn:aws:iam::1111:role/DeployRole"));
    });
    assert_eq!(
        found,
        [
            r#"error[role-arn]: pipeline "app" > stage "Deploy" > action "Release" > roleArn: roleArn "arn:aws:iam::1111:role/DeployRole" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}

#[test]
fn cloudformation_deployment_role_is_an_iam_role_arn() {
    let found = findings_with_deploy_action(stack_action(
        "Stack",
        json!({"TemplatePath": "Image::template.yaml", "RoleArn": "CloudFormationRole"}),
        json!({"inputArtifacts": [{"name": "Image"}]}),
    ));
    assert_eq!(
        found,
        [
            r#"error[cloudformation-role-arn]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.RoleArn: the CloudFormation deployment role RoleArn "CloudFormationRole" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}

#[test]
fn configuration_arns_are_warnings() {
    let document = {
        let mut doc = valid();
        set(
            &mut doc,
            "/pipeline/stages/0/actions/0",
            action(
                "Checkout",
                "Source",
                "CodeStarSourceConnection",
                json!({
                    "configuration": {
                        "ConnectionArn": "arn:aws:codestar-connections:...",
                        "FullRepositoryId": "team/app",
                        "BranchName": "main"
                    },
                    "outputArtifacts": [{"name": "Code"}]
                }),
            ),
        );
        push(
            &mut doc,
            "/pipeline/stages/2/actions",
            action(
                "Approve",
                "Approval",
                "Manual",
                json!({
                    "configuration": {"NotificationArn": "arn:aws:sns:us-east-1:111111111111:approvals"}
                }),
            ),
        );
        push(
            &mut doc,
            "/pipeline/stages/2/actions",
            action(
                "Upload",
                "Deploy",
                "S3",
                json!({
                    "configuration": {"BucketName": "site", "Extract": "true", "KMSEncryptionKeyARN": "arn:aws:kms:us-east-1:key"},
                    "inputArtifacts": [{"name": "Image"}]
                }),
            ),
        );
        doc
    };
    let pipeline = pipeline(document);
    let found: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            r#"warning[configuration-arn]: pipeline "app" > stage "Source" > action "Checkout" > configuration.ConnectionArn: ConnectionArn "arn:aws:codestar-connections:..." is not a complete connection ARN: expected arn:aws:codestar-connections:<region>:<12-digit account>:connection/<id> (or arn:aws:codeconnections:...); the pipeline is still written, but the action fails when it runs"#,
            r#"warning[configuration-arn]: pipeline "app" > stage "Deploy" > action "Upload" > configuration.KMSEncryptionKeyARN: KMSEncryptionKeyARN "arn:aws:kms:us-east-1:key" is not a complete KMS key ARN: expected arn:aws:kms:<region>:<12-digit account>:key/<id> (or :alias/<name>); the pipeline is still written, but the action fails when it runs"#,
        ]
    );
    assert!(pipeline.validate().is_ok());
}

#[test]
fn configuration_arns_with_variables_or_key_ids_are_not_checked() {
    let found = findings_after(|doc| {
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Upload",
                "Deploy",
                "S3",
                json!({
                    "configuration": {"BucketName": "site", "Extract": "true", "KMSEncryptionKeyARN": "1234abcd-12ab-34cd-56ef-1234567890ab"},
                    "inputArtifacts": [{"name": "Image"}]
                }),
            ),
        );
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Approve",
                "Approval",
                "Manual",
                json!({
                    "configuration": {"NotificationArn": "#{variables.Topic}"}
                }),
            ),
        );
        set(
            doc,
            "/pipeline/variables",
            json!([{"name": "Topic", "defaultValue": "arn:aws:sns:us-east-1:111111111111:t"}]),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn artifact_store_kms_key_arn_shape_is_a_warning() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/artifactStore/encryptionKey",
            json!({"type": "KMS", "id": "arn:aws:kms:us-east-1:111111111111:abc"}),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[kms-key-arn]: pipeline "app" > artifactStore > encryptionKey.id: the KMS key "arn:aws:kms:us-east-1:111111111111:abc" is not a complete key or alias ARN: expected arn:aws:kms:<region>:<12-digit account>:key/<id> (or :alias/<name>)"#
        ]
    );
}
