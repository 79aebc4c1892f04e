//! Deploy into other accounts and Regions.
//!
//! ```sh
//! cargo run --example 04_cross_region_cross_account -- synth --out out
//! ```
//!
//! Shows: what the pipeline needs around it, generated (its service role,
//! an artifact bucket per Region and, because actions run in other
//! accounts, a customer managed KMS key per Region whose key and bucket
//! policies admit those accounts' roles), and CloudFormation deploy actions
//! that run in another Region (`.region(...)`) with a role of another
//! account (`.role_arn(...)`) and a deployment role there (the last
//! argument of `CloudFormationDeploy::create_update`) whose permissions are
//! given with `p.deployment_role_permissions(...)`.
//!
//! The output holds `platform/support/111111111111-<region>.template.json`
//! for the tools account and `platform/cross-account/<account>-<region>.template.yaml`
//! for each target account; the manifest deploys them before the pipeline.

use pipewright::prelude::*;

/// What the deployment roles may do: deploy the platform's stacks, which
/// create SNS topics and SQS queues.
fn deployment_permissions(account: &str, region: &str) -> DeploymentRolePermissions {
    DeploymentRolePermissions::statements([
        PolicyStatement::allow(
            &["sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:TagResource"],
            [format!("arn:aws:sns:{region}:{account}:platform-*")],
        ),
        PolicyStatement::allow(
            &["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:TagQueue"],
            [format!("arn:aws:sqs:{region}:{account}:platform-*")],
        ),
    ])
}

/// `platform`: built in the tools account 111111111111 (us-east-1), deployed
/// to staging (222222222222, eu-west-1) and, after approval, production
/// (333333333333, us-east-1).
pub fn pipeline() -> Pipeline {
    Pipeline::build("platform", |p| {
        p.account("111111111111").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        p.deployment_role_permissions(
            "arn:aws:iam::222222222222:role/CloudFormationDeploymentRole",
            deployment_permissions("222222222222", "eu-west-1"),
        );
        p.deployment_role_permissions(
            "arn:aws:iam::333333333333:role/CloudFormationDeploymentRole",
            deployment_permissions("333333333333", "us-east-1"),
        );
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "platform", "main")));
        let built = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "platform-build", source.artifact()).output("Templates"))
        });
        let template = built.artifact().path("platform.yaml");
        p.stage("Staging", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "platform",
                    template.clone(),
                    "arn:aws:iam::222222222222:role/CloudFormationDeploymentRole",
                )
                .capabilities(&[Capability::NamedIam])
                .role_arn("arn:aws:iam::222222222222:role/CodePipelineCrossAccountRole")
                .region("eu-west-1"),
            );
        });
        p.stage("Production", |s| {
            let approval = s.add(ManualApproval::new("Approve"));
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "platform",
                    template,
                    "arn:aws:iam::333333333333:role/CloudFormationDeploymentRole",
                )
                .capabilities(&[Capability::NamedIam])
                .role_arn("arn:aws:iam::333333333333:role/CodePipelineCrossAccountRole")
                .region("us-east-1")
                .after(&approval),
            );
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
