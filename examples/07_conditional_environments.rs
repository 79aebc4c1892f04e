//! One template for several environments: stages and actions that exist
//! only in some of them, chosen by CloudFormation conditions.
//!
//! ```sh
//! cargo run --example 07_conditional_environments -- synth --out out
//! ```
//!
//! The same template is deployed in the development, staging and production
//! accounts; conditions on the account decide what each pipeline holds:
//!
//! - every account builds and deploys the site to its own bucket (a value
//!   chosen with `prod.then(..).otherwise(..)`);
//! - staging and production run the integration tests first (a stage under
//!   `TestsRun`, itself `IsStaging` or `IsProduction`);
//! - production waits for an approval (a stage under `IsProduction`) and
//!   runs a smoke test after deploying (an action under `IsProduction`).
//!
//! The template declares the three conditions in its `Conditions` section
//! and writes each conditional stage and action as
//! `Fn::If [Condition, part, !Ref AWS::NoValue]`. `pipeline.json` cannot
//! hold conditions, so the folder has the template only.

use pipewright::prelude::*;

/// The account of each environment.
const STAGING_ACCOUNT: &str = "222222222222";
const PRODUCTION_ACCOUNT: &str = "333333333333";

/// `site`: Source > Build > IntegrationTests (staging, production) >
/// Approve (production) > Deploy (+ smoke test in production).
pub fn pipeline() -> Pipeline {
    Pipeline::build("site", |p| {
        p.region("us-east-1");
        p.role_arn(cfn::sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/SitePipelineRole"));
        p.artifact_store(ArtifactStore::s3(cfn::sub("site-pipeline-artifacts-${AWS::AccountId}")));
        let production = p.condition("IsProduction", cfn::equals(cfn::reference("AWS::AccountId"), PRODUCTION_ACCOUNT));
        let staging = p.condition("IsStaging", cfn::equals(cfn::reference("AWS::AccountId"), STAGING_ACCOUNT));
        let tests_run = p.condition("TestsRun", cfn::or([(&production).into(), (&staging).into()]));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "site", "main")));
        let [site] = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "site-build", source.artifact()).output("Site")).artifacts
        });
        p.stage("IntegrationTests", |s| {
            s.when(&tests_run);
            s.add(CodeBuild::test("IntegrationTests", "site-integration-tests", site));
        });
        p.stage("Approve", |s| {
            s.when(&production);
            s.add(ManualApproval::new("Release").custom_data("Publish the site to production?"));
        });
        p.stage("Deploy", |s| {
            let bucket = production
                .then("site-production")
                .otherwise(staging.then("site-staging").otherwise("site-development"));
            let deploy = s.add(S3Deploy::extract("Publish", bucket, site));
            s.add(CodeBuild::test("SmokeTest", "site-smoke-test", site).after(&deploy).when(&production));
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
