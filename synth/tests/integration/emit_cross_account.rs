//! The cross-account emitter: one role template per target account and
//! Region, read back from YAML and compared with the template written by
//! hand.

#[path = "../../../dsl/tests/integration/cross_account/seed.rs"]
pub(crate) mod seed;

use pipewright_dsl::prelude::*;
use pipewright_dsl::Violation;
use pipewright_synth::emit::cross_account::emit;
use pipewright_synth::emit::{DeployStep, FileKind, OutputFile};
use seed::{cross_account_pipeline, store_with_key};
use serde_json::{json, Value};

fn template_of(file: &OutputFile) -> Value {
    serde_yaml::from_str(&file.contents).unwrap()
}

#[test]
fn the_seed_cross_account_deploy_gives_a_template_of_both_roles() {
    // Both roles read the seed's artifacts: its bucket, its objects, its key.
    let read_artifacts = json!({"PolicyName": "ArtifactAccess", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::my-pipeline-artifacts"]},
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
         "Resource": ["arn:aws:s3:::my-pipeline-artifacts/*"]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
         "Resource": ["arn:aws:kms:us-east-1:123456789012:key/abc123"]},
    ]}});
    let files = emit(&cross_account_pipeline(store_with_key())).unwrap();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(file.path, "cross-account/987654321098-us-east-1.template.yaml");
    assert_eq!(file.kind, FileKind::CrossAccountTemplate);
    assert_eq!(
        file.deploy,
        Some(DeployStep {
            command: "aws cloudformation deploy --region us-east-1 --stack-name my-pipeline-cross-account-roles \
                      --template-file cross-account/987654321098-us-east-1.template.yaml --capabilities \
                      CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
                .to_owned(),
            account: Some("987654321098".to_owned()),
            region: Some("us-east-1".to_owned()),
            order: 0,
        })
    );
    assert_eq!(
        template_of(file),
        json!({
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": "Roles account 987654321098 holds for the pipeline my-pipeline of account 123456789012",
            "Resources": {
                "CrossAccountAssumeRole": {"Type": "AWS::IAM::Role", "Properties": {
                    "RoleName": "CrossAccountAssumeRole",
                    "Description": "Assumed by the pipeline my-pipeline (account 123456789012) for Deploy/DeployToB",
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow",
                        "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                        "Action": "sts:AssumeRole",
                        "Condition": {"ArnEquals": {
                            "aws:PrincipalArn": "arn:aws:iam::123456789012:role/CodePipelineRole"}},
                    }]},
                    "Policies": [
                        read_artifacts.clone(),
                        {"PolicyName": "DeployDeployToB", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                            {"Effect": "Allow",
                             "Action": ["cloudformation:CreateStack", "cloudformation:DescribeStackEvents",
                                        "cloudformation:DescribeStacks", "cloudformation:GetStackPolicy",
                                        "cloudformation:GetTemplate", "cloudformation:SetStackPolicy",
                                        "cloudformation:UpdateStack"],
                             "Resource": ["arn:aws:cloudformation:us-east-1:987654321098:stack/my-stack/*"]},
                            {"Effect": "Allow", "Action": ["iam:PassRole"],
                             "Resource": ["arn:aws:iam::987654321098:role/CrossAccountDeployRole"],
                             "Condition": {"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}}},
                        ]}},
                    ],
                }},
                "CrossAccountDeployRole": {"Type": "AWS::IAM::Role", "Properties": {
                    "RoleName": "CrossAccountDeployRole",
                    "Description": "CloudFormation deploys the stacks of the pipeline my-pipeline with it for \
                                    Deploy/DeployToB",
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow", "Principal": {"Service": "cloudformation.amazonaws.com"},
                        "Action": "sts:AssumeRole"}]},
                    "Policies": [
                        read_artifacts.clone(),
                    ],
                    "ManagedPolicyArns": [seed::DEPLOYMENT_POLICY],
                }},
            },
        })
    );
}

#[test]
fn an_ecs_deploy_in_another_account_gets_the_ecs_permissions_and_its_role_path() {
    let pipeline = Pipeline::build("web.app", |p| {
        p.region("eu-west-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(
            ArtifactStore::s3("web-artifacts").with_kms_key("arn:aws:kms:eu-west-1:123456789012:key/abc123"),
        );
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "web", "main")));
        p.stage("Prod", |s| {
            s.add(
                EcsDeploy::new("Deploy", "prod-cluster", "web", source.artifact())
                    .role_arn("arn:aws:iam::555555555555:role/deploy/EcsDeploy"),
            );
        });
    });
    let files = emit(&pipeline).unwrap();
    assert_eq!(files[0].path, "cross-account/555555555555-eu-west-1.template.yaml");
    assert_eq!(
        files[0].deploy.as_ref().unwrap().command,
        "aws cloudformation deploy --region eu-west-1 --stack-name web-app-cross-account-roles --template-file \
         cross-account/555555555555-eu-west-1.template.yaml --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
    );
    let template = template_of(&files[0]);
    assert_eq!(template.get("Parameters"), None);
    let role = &template["Resources"]["EcsDeploy"]["Properties"];
    assert_eq!((&role["RoleName"], &role["Path"]), (&json!("EcsDeploy"), &json!("/deploy/")));
    assert_eq!(
        role["Policies"][1],
        json!({"PolicyName": "ProdDeploy", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
             "Resource": ["arn:aws:ecs:eu-west-1:555555555555:service/prod-cluster/web"]},
            {"Effect": "Allow", "Action": ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"],
             "Resource": ["*"]},
            {"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::555555555555:role/*"],
             "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
        ]}})
    );
}

#[test]
fn a_pipeline_in_one_account_gives_no_templates() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(
                EcsDeploy::new("Deploy", "cluster", "service", source.artifact())
                    .role_arn("arn:aws:iam::123456789012:role/DeployRole"),
            );
        });
    });
    assert_eq!(emit(&pipeline).unwrap(), []);
}

#[test]
fn a_stack_named_by_expression_cannot_be_templated() {
    let mut document = cross_account_pipeline(store_with_key()).document();
    let deploy = &mut document.pipeline.stages[2].actions[0];
    deploy.configuration.as_mut().unwrap().insert("StackName".to_owned(), cfn::reference("StackName"));
    let pipeline = Pipeline::from_document(document).with_region("us-east-1");
    let errors: Vec<String> = emit(&pipeline).unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        [
            "error[cross-account-template]: pipeline \"my-pipeline\" > stage \"Deploy\" > action \"DeployToB\": \
             configuration.StackName is a CloudFormation expression; the role template needs its literal value",
            "error[deployment-role-permissions]: pipeline \"my-pipeline\" > stage \"Deploy\" > action \"DeployToB\" > \
             configuration.RoleArn: the deployment role arn:aws:iam::987654321098:role/CrossAccountDeployRole is in \
             another account, and its role template needs the permissions it deploys the stack's resources with: call \
             `p.deployment_role_permissions(\"arn:aws:iam::987654321098:role/CrossAccountDeployRole\", \
             DeploymentRolePermissions::managed_policies([..]))` or `DeploymentRolePermissions::statements([..])`"
        ]
    );
}
