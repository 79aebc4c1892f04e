//! Deploy into other accounts and Regions.
//!
//! ```sh
//! cargo run --example 04_cross_region_cross_account -- synth --out out
//! ```
//!
//! Shows: one artifact store per Region, each encrypted with a
//! customer-managed KMS key (other accounts cannot read artifacts encrypted
//! with the AWS-managed key), and CloudFormation deploy actions that run in
//! another Region (`.region(...)`) with a role of another account
//! (`.role_arn(...)`) and a deployment role there (the last argument of
//! `CloudFormationDeploy::create_update`).

use pipewright::prelude::*;

/// `platform`: built in the tools account 111111111111 (us-east-1), deployed
/// to staging (222222222222, eu-west-1) and, after approval, production
/// (333333333333, us-east-1).
pub fn pipeline() -> Pipeline {
    Pipeline::build("platform", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::111111111111:role/CodePipelineRole");
        p.artifact_store_in(
            "us-east-1",
            ArtifactStore::s3("platform-artifacts-us-east-1")
                .with_kms_key("arn:aws:kms:us-east-1:111111111111:key/1111aaaa-11aa-11aa-11aa-111111aaaaaa"),
        );
        p.artifact_store_in(
            "eu-west-1",
            ArtifactStore::s3("platform-artifacts-eu-west-1")
                .with_kms_key("arn:aws:kms:eu-west-1:111111111111:key/2222bbbb-22bb-22bb-22bb-222222bbbbbb"),
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
