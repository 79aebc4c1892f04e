//! `12-cross-account-kms-changesets.yaml`: the reference cross-account
//! pipeline. A CodeCommit repository of the dev account, a build in the tools
//! account, then change sets created and executed in the test account and,
//! after an approval, in production, with artifacts encrypted by a
//! customer-managed key. The roles of other accounts are used only when the
//! `AddCodeBuildResource` condition holds (the stack is deployed twice: once
//! to create the key and bucket, once with the cross-account roles).

use pipewright::cfn::TemplateCondition;
use pipewright::prelude::*;

use super::{companions, parameters, Companion};
use pipewright::StageBuilder;

/// `arn:aws:iam::${<account>}:role/<role>` when the cross-account roles
/// exist (`cross_account` holds), no value otherwise.
fn cross_account_role(cross_account: &TemplateCondition, account: &str, role: &str) -> Str {
    cross_account.then(cfn::sub(&format!("arn:aws:iam::${{{account}}}:role/{role}"))).into()
}

/// A change set of `stack` created from the build's template and executed
/// after it (the execution reads the template's artifact too), in `account`.
fn change_set<'p>(
    s: &mut StageBuilder<'p, '_>,
    cross_account: &TemplateCondition,
    environment: &str,
    stack: &str,
    template: ArtifactPath<'p>,
    account: &str,
) {
    let action_role = cross_account_role(cross_account, account, "ToolsAcctCodePipelineCloudFormationRole");
    let deployment_role = cross_account_role(cross_account, account, "cloudformationdeployer-role");
    let built = template.artifact();
    let create = s.add(
        CloudFormationDeploy::create_replace_change_set(
            format!("CreateChangeSet{environment}"),
            stack,
            stack,
            template,
            deployment_role.clone(),
        )
        .capabilities(&[Capability::NamedIam])
        .role_arn(action_role.clone())
        .run_order(1),
    );
    s.add(
        CloudFormationDeploy::execute_change_set_with_role(
            format!("DeployChangeSet{environment}"),
            stack,
            stack,
            deployment_role,
        )
        .input(built)
        .role_arn(action_role)
        .after(&create),
    );
}

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build(cfn::reference("AWS::StackName"), |p| {
        p.logical_id("Pipeline");
        parameters(
            p,
            &[
                "CMKARN",
                "CrossAccountCondition",
                "DevAccount",
                "ProductionAccount",
                "ProjectName",
                "S3Bucket",
                "TestAccount",
            ],
        );
        companions(p, &[Companion::BuildProject("BuildProject"), Companion::Role("PipeLineRole", "codepipeline")]);
        let cross_account =
            p.condition("AddCodeBuildResource", cfn::equals(cfn::reference("CrossAccountCondition"), "true"));
        p.role_arn(cfn::get_att("PipeLineRole", "Arn"));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("App", cfn::reference("ProjectName"), "master")
                    .output_name("SCCheckoutArtifact")
                    .run_order(1)
                    .role_arn(cross_account_role(&cross_account, "DevAccount", "ToolsAcctCodePipelineCodeCommitRole")),
            )
        });
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", cfn::reference("BuildProject"), source.artifact())
                    .output("BuildOutput")
                    .run_order(1),
            )
        });
        let template = build.artifact().path("packaged-template.yml");
        p.stage("DeployToTest", |s| {
            change_set(s, &cross_account, "Test", "sample-lambda-test", template.clone(), "TestAccount");
        });
        p.stage("ApproveDeployProd", |s| {
            s.add(
                ManualApproval::new("ApproveDeployProd")
                    .custom_data("Log into the TEST account and test out your changes before approving."),
            );
        });
        p.stage("DeployToProduction", |s| {
            change_set(s, &cross_account, "Prod", "sample-lambda-production", template, "ProductionAccount");
        });
        p.artifact_store(ArtifactStore::s3(cfn::reference("S3Bucket")).with_kms_key(cfn::reference("CMKARN")));
    })
}
