//! Who provides the roles of target accounts: role templates synth writes
//! (the default), or roles that exist already, for which synth writes no
//! template, no deploy step and no assembly stack, while the pipeline
//! account's grants to them stay.

use pipewright_dsl::prelude::*;
use pipewright_dsl::Rule;
use pipewright_synth::Synth;
use serde_json::Value;

const ACTION_ROLE: &str = "arn:aws:iam::222222222222:role/ActionRole";
const DEPLOYMENT_ROLE: &str = "arn:aws:iam::222222222222:role/DeploymentRole";

/// A deploy with both roles in account 222222222222, generated support
/// resources, and deployment role permissions only for generated roles.
fn pipeline(roles: TargetAccountRoles) -> Pipeline {
    Pipeline::build("app", |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        p.target_account_roles(roles);
        if roles == TargetAccountRoles::generated() {
            p.deployment_role_permissions(
                DEPLOYMENT_ROLE,
                DeploymentRolePermissions::managed_policies(["arn:aws:iam::aws:policy/AmazonSNSFullAccess"]),
            );
        }
        source_and_deploy(p);
    })
}

/// A CodeCommit source and a CloudFormation deploy with both roles in
/// account 222222222222.
fn source_and_deploy(p: &mut PipelineBuilder<'_>) {
    let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
    p.stage("Deploy", |s| {
        s.add(
            CloudFormationDeploy::create_update("Deploy", "app", source.artifact().path("app.yaml"), DEPLOYMENT_ROLE)
                .role_arn(ACTION_ROLE),
        );
    });
}

/// The paths of the assembled files, and the support template.
fn assemble(pipeline: &Pipeline) -> (Vec<String>, Value, String) {
    let assembly = Synth::new("unused").add(pipeline).assemble().unwrap();
    let paths: Vec<String> = assembly.files.iter().map(|file| file.path.clone()).collect();
    let support = assembly.files.iter().find(|file| file.path == "app/support/111111111111-us-east-1.template.json");
    let support: Value = serde_json::from_str(&support.unwrap().contents).unwrap();
    let everything: String = assembly.files.iter().map(|file| file.contents.as_str()).collect();
    (paths, support, everything)
}

#[test]
fn generated_target_roles_get_a_role_template_a_deploy_step_and_a_stack() {
    let (paths, _, everything) = assemble(&pipeline(TargetAccountRoles::generated()));
    assert!(paths.contains(&"app/cross-account/222222222222-us-east-1.template.yaml".to_owned()), "{paths:?}");
    assert!(everything.contains("app-cross-account-roles"), "the deploy step and the assembly stack name it");
}

#[test]
fn existing_target_roles_get_no_role_template_and_keep_the_pipeline_accounts_grants() {
    let pipeline = pipeline(TargetAccountRoles::existing());
    assert_eq!(pipeline.check(), Vec::new(), "no deployment-role-permissions without a role template");
    let (paths, support, everything) = assemble(&pipeline);
    assert!(!paths.iter().any(|path| path.contains("cross-account")), "{paths:?}");
    assert!(!everything.contains("cross-account-roles"), "no deploy step or stack of role templates");
    let resources = &support["Resources"];
    let role_policies = resources["PipelineRole"]["Properties"]["Policies"].to_string();
    assert!(role_policies.contains("sts:AssumeRole") && role_policies.contains(ACTION_ROLE), "{role_policies}");
    let bucket_policy = resources["ArtifactBucketPolicy"]["Properties"]["PolicyDocument"].to_string();
    assert!(bucket_policy.contains("arn:aws:iam::222222222222:root"), "{bucket_policy}");
    assert!(bucket_policy.contains(DEPLOYMENT_ROLE), "{bucket_policy}");
    let key_policy = resources["ArtifactKey"]["Properties"]["KeyPolicy"].to_string();
    assert!(key_policy.contains("DecryptFrom222222222222"), "{key_policy}");
}

#[test]
fn existing_target_roles_are_not_reported_as_created() {
    let first = pipeline(TargetAccountRoles::existing());
    let second = Pipeline::build("other", |p| {
        p.account("111111111111").region("us-east-1").role_arn("arn:aws:iam::111111111111:role/Mine");
        p.artifact_store(
            ArtifactStore::s3("other-artifacts").with_kms_key("arn:aws:kms:us-east-1:111111111111:key/abc123"),
        );
        p.target_account_roles(TargetAccountRoles::existing());
        source_and_deploy(p);
    });
    let assembly = Synth::new("unused").add(&first).add(&second).assemble().unwrap();
    assert!(
        assembly.warnings.iter().all(|warning| warning.rule != Rule::RoleNameCollision),
        "two pipelines may use one existing role: {:?}",
        assembly.warnings
    );
}
