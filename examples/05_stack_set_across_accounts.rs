//! Deploy one template to many accounts and Regions with a StackSet.
//!
//! ```sh
//! cargo run --example 05_stack_set_across_accounts -- synth --out out
//! ```
//!
//! Shows: a self-managed StackSet (the administration role in the pipeline's
//! account, the execution role in each target account) created or updated
//! from the template in the source and deployed to two test accounts in one
//! Region, then, after approval, instances of the same StackSet in two
//! production accounts and two Regions, with a parameter overridden there.

use pipewright::prelude::*;

/// `guardrails`: account-wide guardrails kept in CodeCommit in the tools
/// account 111111111111 (us-east-1), rolled out to the test accounts
/// 222222222222 and 333333333333 (us-east-1), then to the production
/// accounts 444444444444 and 555555555555 (us-east-1 and eu-west-1).
pub fn pipeline() -> Pipeline {
    Pipeline::build("guardrails", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::111111111111:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("guardrails-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "guardrails", "main")));
        p.stage("Test", |s| {
            s.add(
                CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("guardrails.yaml"))
                    .description("Account guardrails")
                    .parameters(&[("AlarmEmail", "platform-test@example.com")])
                    .capabilities(&[StackSetCapability::NamedIam])
                    .administration_role_arn(
                        "arn:aws:iam::111111111111:role/AWSCloudFormationStackSetAdministrationRole",
                    )
                    .execution_role_name("AWSCloudFormationStackSetExecutionRole")
                    .deployment_targets(StackSetTargets::accounts(&["222222222222", "333333333333"]), &["us-east-1"])
                    .failure_tolerance_percentage(0)
                    .max_concurrent_percentage(100),
            );
        });
        p.stage("Production", |s| {
            let approval = s.add(ManualApproval::new("Approve"));
            s.add(
                CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1", "eu-west-1"])
                    .deployment_targets(StackSetTargets::accounts(&["444444444444", "555555555555"]))
                    .parameter_overrides(&[("AlarmEmail", "platform-oncall@example.com")])
                    .failure_tolerance_percentage(10)
                    .max_concurrent_percentage(50)
                    .after(&approval),
            );
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
