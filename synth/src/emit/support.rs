//! The support emitter: for each Region of a pipeline that generates its
//! service role or artifact buckets, `support/<account>-<region>.template.<ext>`,
//! a CloudFormation template of what [`pipewright_dsl::support`] derives:
//!
//! - `PipelineRole` (in the pipeline's Region): the service role, trusting
//!   `codepipeline.amazonaws.com`, with its derived inline policies;
//! - `ArtifactKey` and `ArtifactKeyAlias`, when an action runs in another
//!   account: a customer managed symmetric key with rotation on, its key
//!   policy granting the target accounts' roles;
//! - `ArtifactBucket` and `ArtifactBucketPolicy`: encrypted (with the key,
//!   else S3-managed keys), versioned, public access blocked, TLS only, and
//!   admitting the target accounts' roles.
//!
//! The bucket and key are kept when the stack is deleted (they hold the
//! artifacts of past executions). The template is JSON whatever the
//! pipeline's template format, the form the AWS CDK CLI reads from a cloud
//! assembly, and takes no parameters; its
//! stack, `<pipeline>-support`, is deployed before the pipeline on both
//! routes, because the API form of the pipeline names the role and buckets
//! by ARN.

use pipewright_dsl::iam::resource_policy_document;
use pipewright_dsl::support::{self, SupportStack};
use pipewright_dsl::{Pipeline, Violations};
use serde_json::{json, Map};

use super::cross_account::{role_properties, stack_deploy_step, TEMPLATE_VERSION};
use super::{FileKind, Format, OutputFile};

/// One support template per Region; none when the pipeline generates nothing.
pub fn emit(pipeline: &Pipeline) -> Result<Vec<OutputFile>, Violations> {
    let stacks = support::stacks(pipeline)?;
    Ok(stacks.iter().map(|stack| stack_file(pipeline, stack)).collect())
}

/// The template of one support stack and the command that deploys it.
fn stack_file(pipeline: &Pipeline, stack: &SupportStack) -> OutputFile {
    let mut resources = Map::new();
    if let Some(role) = &stack.role {
        let description = format!("Service role of the pipeline {}", pipeline.name());
        let properties = role_properties(&role.name, "/", description, &role.trust, &role.policies, &[]);
        resources.insert("PipelineRole".into(), json!({"Type": "AWS::IAM::Role", "Properties": properties}));
    }
    if let Some(key) = &stack.key {
        resources.insert(
            "ArtifactKey".into(),
            json!({
                "Type": "AWS::KMS::Key",
                "DeletionPolicy": "Retain",
                "UpdateReplacePolicy": "Retain",
                "Properties": {
                    "Description": format!("Encrypts the artifacts of the pipeline {} in {}", pipeline.name(), stack.region),
                    "EnableKeyRotation": true,
                    "KeyPolicy": resource_policy_document(&key.policy),
                },
            }),
        );
        resources.insert(
            "ArtifactKeyAlias".into(),
            json!({
                "Type": "AWS::KMS::Alias",
                "Properties": {"AliasName": key.alias, "TargetKeyId": {"Ref": "ArtifactKey"}},
            }),
        );
    }
    if let Some(bucket) = &stack.bucket {
        let encryption = match stack.key {
            Some(_) => json!({
                "SSEAlgorithm": "aws:kms",
                "KMSMasterKeyID": {"Fn::GetAtt": ["ArtifactKey", "Arn"]},
            }),
            None => json!({"SSEAlgorithm": "AES256"}),
        };
        resources.insert(
            "ArtifactBucket".into(),
            json!({
                "Type": "AWS::S3::Bucket",
                "DeletionPolicy": "Retain",
                "UpdateReplacePolicy": "Retain",
                "Metadata": {"checkov": {"skip": [{
                    "id": "CKV_AWS_18",
                    "comment": "Access logs need a bucket of their own; the pipeline's executions record who \
                                wrote which artifact, and CloudTrail data events can add object access",
                }]}},
                "Properties": {
                    "BucketName": bucket.name,
                    "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                        {"ServerSideEncryptionByDefault": encryption, "BucketKeyEnabled": true},
                    ]},
                    "VersioningConfiguration": {"Status": "Enabled"},
                    "PublicAccessBlockConfiguration": {
                        "BlockPublicAcls": true,
                        "BlockPublicPolicy": true,
                        "IgnorePublicAcls": true,
                        "RestrictPublicBuckets": true,
                    },
                },
            }),
        );
        resources.insert(
            "ArtifactBucketPolicy".into(),
            json!({
                "Type": "AWS::S3::BucketPolicy",
                "Properties": {"Bucket": {"Ref": "ArtifactBucket"}, "PolicyDocument": resource_policy_document(&bucket.policy)},
            }),
        );
    }
    let template = json!({
        "AWSTemplateFormatVersion": TEMPLATE_VERSION,
        "Description": format!(
            "What the pipeline {} needs around it in account {}, {}: generated by pipewright",
            pipeline.name(),
            stack.account,
            stack.region
        ),
        "Resources": resources,
    });
    let path = format!("support/{}-{}.template.json", stack.account, stack.region);
    let contents = Format::Json.render(&template).expect("a JSON value always serializes");
    OutputFile {
        contents,
        deploy: Some(stack_deploy_step(pipeline, "support", &stack.account, &stack.region, &path)),
        path,
        kind: FileKind::SupportTemplate,
    }
}
