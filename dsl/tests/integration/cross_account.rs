//! Cross-account targets derived from the model, the roles they must hold,
//! and the rules cross-account actions must follow.

mod seed;

use pipewright_dsl::cross_account::{self, policy_document, RoleKind, Trust};
use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::prelude::*;
use pipewright_dsl::Violation;
use seed::{basic_pipeline, cross_account_pipeline, seed_json, store_with_key};
use serde_json::json;

const PIPELINE_ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";

/// Reading the seed's artifacts: its bucket, its objects, its key.
fn read_seed_artifacts() -> serde_json::Value {
    json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::my-pipeline-artifacts"]},
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
         "Resource": ["arn:aws:s3:::my-pipeline-artifacts/*"]},
        {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
         "Resource": ["arn:aws:kms:us-east-1:123456789012:key/abc123"]},
    ]})
}

fn findings(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(Violation::to_string).collect()
}

#[test]
fn the_seed_cross_account_deploy_gives_one_target_with_both_roles() {
    let pipeline = cross_account_pipeline(store_with_key());
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    let targets = cross_account::targets(&pipeline).unwrap();
    assert_eq!(targets.len(), 1);
    let target = &targets[0];
    assert_eq!((target.account.as_str(), target.region.as_str()), ("987654321098", "us-east-1"));
    let [action_role, deployment_role] = &target.roles[..] else { panic!("two roles: {:?}", target.roles) };

    assert_eq!(action_role.arn, "arn:aws:iam::987654321098:role/CrossAccountAssumeRole");
    assert_eq!((action_role.name.as_str(), action_role.path.as_str()), ("CrossAccountAssumeRole", "/"));
    assert_eq!(action_role.kind, RoleKind::Action);
    assert_eq!(action_role.used_by, ["Deploy/DeployToB"]);
    assert_eq!(
        action_role.trust.document(),
        json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "sts:AssumeRole",
            "Condition": {"ArnEquals": {"aws:PrincipalArn": PIPELINE_ROLE}},
        }]})
    );
    let policies: Vec<(&str, serde_json::Value)> =
        action_role.policies.iter().map(|policy| (policy.name.as_str(), policy_document(&policy.statements))).collect();
    assert_eq!(
        policies,
        [
            ("ArtifactAccess", read_seed_artifacts()),
            (
                "DeployDeployToB",
                json!({"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow",
                     "Action": ["cloudformation:CreateStack", "cloudformation:DescribeStackEvents",
                                "cloudformation:DescribeStacks", "cloudformation:GetStackPolicy",
                                "cloudformation:GetTemplate", "cloudformation:SetStackPolicy",
                                "cloudformation:UpdateStack"],
                     "Resource": ["arn:aws:cloudformation:us-east-1:987654321098:stack/my-stack/*"]},
                    {"Effect": "Allow", "Action": ["iam:PassRole"],
                     "Resource": ["arn:aws:iam::987654321098:role/CrossAccountDeployRole"],
                     "Condition": {"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}}},
                ]})
            ),
        ]
    );

    assert_eq!(deployment_role.arn, "arn:aws:iam::987654321098:role/CrossAccountDeployRole");
    assert_eq!(deployment_role.kind, RoleKind::CloudFormationDeployment);
    assert_eq!(deployment_role.trust, Trust::Service("cloudformation.amazonaws.com"));
    assert_eq!(deployment_role.managed_policy_arns, [seed::DEPLOYMENT_POLICY]);
    let policies: Vec<(&str, serde_json::Value)> = deployment_role
        .policies
        .iter()
        .map(|policy| (policy.name.as_str(), policy_document(&policy.statements)))
        .collect();
    assert_eq!(
        policies,
        [("ArtifactAccess", read_seed_artifacts())],
        "the deployment role reads the artifacts CloudFormation deploys from"
    );
}

#[test]
fn no_policy_grants_every_action() {
    let pipeline = cross_account_pipeline(store_with_key());
    let targets = cross_account::targets(&pipeline).unwrap();
    let actions: Vec<&String> = targets
        .iter()
        .flat_map(|target| &target.roles)
        .flat_map(|role| &role.policies)
        .flat_map(|policy| &policy.statements)
        .flat_map(|statement| &statement.actions)
        .collect();
    assert!(!actions.is_empty());
    assert!(actions.iter().all(|action| !action.contains('*')), "{actions:?}");
}

#[test]
fn a_cross_region_action_uses_the_store_and_key_of_its_region() {
    let mut pipeline_json = basic_pipeline();
    let mut deploy = seed::cross_account_deploy_action();
    deploy["region"] = json!("us-west-2");
    pipeline_json["pipeline"]["stages"][2]["actions"] = json!([deploy]);
    let stores = seed_json("artifact-stores-cross-region.json");
    let object = pipeline_json["pipeline"].as_object_mut().unwrap();
    object.remove("artifactStore");
    object.insert("artifactStores".into(), stores["artifactStores"].clone());
    let document: PipelineDocument = serde_json::from_value(pipeline_json).unwrap();
    let pipeline = Pipeline::from_document(document).with_region("us-east-1").with_deployment_role_permissions(
        seed::DEPLOYMENT_ROLE,
        DeploymentRolePermissions::managed_policies([seed::DEPLOYMENT_POLICY]),
    );

    let targets = cross_account::targets(&pipeline).unwrap();
    assert_eq!((targets[0].account.as_str(), targets[0].region.as_str()), ("987654321098", "us-west-2"));
    let artifact_access = policy_document(&targets[0].roles[0].policies[0].statements);
    assert_eq!(artifact_access["Statement"][0]["Resource"], json!(["arn:aws:s3:::pipeline-artifacts-us-west-2"]));
    assert_eq!(artifact_access["Statement"][2]["Resource"], json!(["arn:aws:kms:us-west-2:123456789012:key/def456"]));
    let stack = policy_document(&targets[0].roles[0].policies[1].statements);
    assert_eq!(
        stack["Statement"][0]["Resource"],
        json!(["arn:aws:cloudformation:us-west-2:987654321098:stack/my-stack/*"])
    );
}

/// The rules about these actions (no outputs from a cross-account CodeBuild
/// action, providers of unknown permissions) are tested with the other
/// cross-account rules in `validate_cross_account.rs`; here, what their role
/// templates grant.
#[test]
fn a_build_that_writes_artifacts_may_write_them_and_unknown_providers_get_artifact_access() {
    let mut document = basic_pipeline();
    let build = &mut document["pipeline"]["stages"][1]["actions"][0];
    build["roleArn"] = json!("arn:aws:iam::987654321098:role/BuildRole");
    let mut lambda = seed_json("deploy-lambda.json");
    lambda["name"] = json!("DeployFunction");
    lambda["roleArn"] = json!("arn:aws:iam::987654321098:role/LambdaDeployRole");
    lambda["inputArtifacts"] = json!([{"name": "BuildOutput"}]);
    document["pipeline"]["stages"][2]["actions"] = json!([lambda]);
    document["pipeline"]["artifactStore"] = store_with_key()["artifactStore"].clone();
    let document: PipelineDocument = serde_json::from_value(document).unwrap();
    let pipeline = Pipeline::from_document(document).with_region("us-east-1");
    let targets = cross_account::targets(&pipeline).unwrap();
    let names: Vec<&str> = targets[0].roles.iter().map(|role| role.name.as_str()).collect();
    assert_eq!(names, ["BuildRole", "LambdaDeployRole"]);
    let lambda_policies: Vec<&str> = targets[0].roles[1].policies.iter().map(|policy| policy.name.as_str()).collect();
    assert_eq!(lambda_policies, ["ArtifactAccess"]);
    let build_access = policy_document(&targets[0].roles[0].policies[0].statements);
    assert_eq!(
        build_access["Statement"][2],
        json!({"Effect": "Allow", "Action": ["s3:PutObject", "s3:PutObjectAcl"],
               "Resource": ["arn:aws:s3:::my-pipeline-artifacts/*"]})
    );
    assert_eq!(
        build_access["Statement"][4],
        json!({"Effect": "Allow",
               "Action": ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
               "Resource": ["arn:aws:kms:us-east-1:123456789012:key/abc123"]})
    );
}

#[test]
fn same_account_actions_give_no_targets() {
    let mut document = basic_pipeline();
    document["pipeline"]["stages"][2]["actions"][0]["roleArn"] = json!("arn:aws:iam::123456789012:role/DeployRole");
    let document: PipelineDocument = serde_json::from_value(document).unwrap();
    let pipeline = Pipeline::from_document(document).with_region("us-east-1");
    assert_eq!(cross_account::targets(&pipeline).unwrap(), []);
    assert_eq!(findings(&pipeline), Vec::<String>::new());
}

/// `validate_cross_account.rs` tests the warning such a pipeline gets.
#[test]
fn a_pipeline_role_that_is_no_literal_arn_hides_cross_account_actions() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(
                EcsDeploy::new("Deploy", "cluster", "service", source.artifact())
                    .role_arn("arn:aws:iam::987654321098:role/DeployRole"),
            );
        });
    });
    assert_eq!(cross_account::targets(&pipeline).unwrap(), []);
}

#[test]
fn a_cross_account_action_of_unknown_region_cannot_be_templated() {
    let pipeline = Pipeline::from_document(
        serde_json::from_value::<PipelineDocument>({
            let mut document = basic_pipeline();
            document["pipeline"]["stages"][2]["actions"][0]["roleArn"] =
                json!("arn:aws:iam::987654321098:role/DeployRole");
            document
        })
        .unwrap(),
    );
    let errors: Vec<String> =
        cross_account::targets(&pipeline).unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        ["error[cross-account-region]: pipeline \"my-pipeline\" > stage \"Deploy\" > action \"DeployAction\": the \
             action uses a role in another account, and its Region is unknown, so its role template cannot be named: \
             call `p.region(\"us-east-1\")` with the pipeline's Region, or give the action `.region(...)`"]
    );
}

#[test]
fn each_known_provider_gets_its_own_permissions_in_its_account_and_region() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(PIPELINE_ROLE);
        p.artifact_store(
            ArtifactStore::s3("my-artifacts").with_kms_key("arn:aws:kms:us-east-1:123456789012:key/abc123"),
        );
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            let role = "arn:aws:iam::987654321098:role/DeployRole";
            s.add(CodeBuild::new("Package", "packager", source.artifact()).batch_enabled(true).role_arn(role));
            s.add(CodeDeploy::new("Servers", "web", "web-fleet", source.artifact()).role_arn(role));
            s.add(
                S3Deploy::extract("Site", "my-site", source.artifact())
                    .kms_encryption_key_arn("arn:aws:kms:us-east-1:987654321098:key/site")
                    .role_arn(role),
            );
            s.add(LambdaInvoke::new("Smoke", "arn:aws:lambda:us-east-1:987654321098:function:smoke").role_arn(role));
            s.add(LambdaInvoke::new("Notify", "notify").role_arn(role));
            s.add(CloudFormationDeploy::execute_change_set("Apply", "app", "app-changes").role_arn(role));
        });
    });
    assert_eq!(findings(&pipeline), Vec::<String>::new());
    let targets = cross_account::targets(&pipeline).unwrap();
    let [target] = &targets[..] else { panic!("one target: {targets:?}") };
    let [role] = &target.roles[..] else { panic!("one shared role: {:?}", target.roles) };
    assert_eq!(
        role.used_by,
        ["Deploy/Package", "Deploy/Servers", "Deploy/Site", "Deploy/Smoke", "Deploy/Notify", "Deploy/Apply"]
    );
    let policies: Vec<(&str, serde_json::Value)> =
        role.policies.iter().map(|policy| (policy.name.as_str(), policy_document(&policy.statements))).collect();
    let document = |statements: serde_json::Value| json!({"Version": "2012-10-17", "Statement": statements});
    assert_eq!(
        policies,
        [
            (
                "ArtifactAccess",
                document(json!([
                    {"Effect": "Allow", "Action": ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"],
                     "Resource": ["arn:aws:s3:::my-artifacts"]},
                    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                     "Resource": ["arn:aws:s3:::my-artifacts/*"]},
                    {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"],
                     "Resource": ["arn:aws:kms:us-east-1:123456789012:key/abc123"]},
                ]))
            ),
            (
                "DeployPackage",
                document(json!([{"Effect": "Allow",
                    "Action": ["codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"],
                    "Resource": ["arn:aws:codebuild:us-east-1:987654321098:project/packager"]}]))
            ),
            (
                "DeployServers",
                document(json!([
                    {"Effect": "Allow",
                     "Action": ["codedeploy:GetApplication", "codedeploy:GetApplicationRevision",
                                "codedeploy:RegisterApplicationRevision"],
                     "Resource": ["arn:aws:codedeploy:us-east-1:987654321098:application:web"]},
                    {"Effect": "Allow", "Action": ["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
                     "Resource": ["arn:aws:codedeploy:us-east-1:987654321098:deploymentgroup:web/web-fleet"]},
                    {"Effect": "Allow", "Action": ["codedeploy:GetDeploymentConfig"],
                     "Resource": ["arn:aws:codedeploy:us-east-1:987654321098:deploymentconfig:*"]},
                ]))
            ),
            (
                "DeploySite",
                document(json!([
                    {"Effect": "Allow", "Action": ["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"],
                     "Resource": ["arn:aws:s3:::my-site"]},
                    {"Effect": "Allow", "Action": ["s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
                     "Resource": ["arn:aws:s3:::my-site/*"]},
                    {"Effect": "Allow", "Action": ["kms:GenerateDataKey"],
                     "Resource": ["arn:aws:kms:us-east-1:987654321098:key/site"]},
                ]))
            ),
            (
                "DeploySmoke",
                document(json!([{"Effect": "Allow", "Action": ["lambda:InvokeFunction"],
                    "Resource": ["arn:aws:lambda:us-east-1:987654321098:function:smoke"]}]))
            ),
            (
                "DeployNotify",
                document(json!([{"Effect": "Allow", "Action": ["lambda:InvokeFunction"],
                    "Resource": ["arn:aws:lambda:us-east-1:987654321098:function:notify"]}]))
            ),
            (
                "DeployApply",
                document(json!([{"Effect": "Allow",
                    "Action": ["cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks",
                               "cloudformation:ExecuteChangeSet"],
                    "Resource": ["arn:aws:cloudformation:us-east-1:987654321098:stack/app/*"]}]))
            ),
        ]
    );
}
