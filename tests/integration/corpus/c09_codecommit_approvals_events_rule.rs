//! `09-codecommit-approvals-events-rule.yaml`: a CodeCommit source started by
//! an EventBridge rule, a template scan, and builds for three environments,
//! the later two behind chains of manual approvals. (The template's
//! notification rule watches the repository's pull requests, not the
//! pipeline.)

use pipewright::prelude::*;
use pipewright::NoVariables;

use super::{codecommit_push, companions, parameters, Companion};

/// One CodeBuild deployment stage: `Build-Action` runs `project` on the
/// source and writes `output`.
fn deployment<'p>(p: &mut PipelineBuilder<'p>, stage: &str, project: &str, source: Artifact<'p>, output: &str) {
    p.stage(stage, |s| {
        s.add(CodeBuild::new("Build-Action", cfn::reference(project), source).output(output).run_order(1));
    });
}

/// Manual approvals one after another, each announced on `topic`.
fn approvals<'p>(p: &mut PipelineBuilder<'p>, stage: &str, names: &[&str], topic: &str) {
    p.stage(stage, |s| {
        let mut previous: Option<ActionHandle<'p, 0, NoVariables>> = None;
        for name in names {
            let approval = ManualApproval::new(*name).notification_arn(cfn::reference(topic));
            let approval = match &previous {
                Some(before) => approval.after(before),
                None => approval.run_order(1),
            };
            previous = Some(s.add(approval));
        }
    });
}

/// The pipeline resource `OUCICDPipeline` and the rule that starts it.
pub fn pipeline() -> Pipeline {
    Pipeline::build(cfn::sub("${ApplicationName}-cicd-pipeline"), |p| {
        p.logical_id("OUCICDPipeline");
        parameters(
            p,
            &[
                "AppRepositoryName",
                "ApplicationName",
                "CloudWatchEventRoleARN",
                "CodePipelineRoleARN",
                "ProdApprovalSNSARN",
                "TESTApprovalSNSARN",
                "TemplateBucket",
            ],
        );
        companions(
            p,
            &[
                Companion::BuildProject("OUCICDCodeDevBuildProject"),
                Companion::BuildProject("OUCICDCodeProdBuildProject"),
                Companion::BuildProject("OUCICDCodeTESTBuildProject"),
                Companion::BuildProject("OUCICDTemplateScanner"),
            ],
        );
        p.role_arn(cfn::reference("CodePipelineRoleARN"));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("Source-Action", cfn::reference("AppRepositoryName"), "main")
                    .poll_for_source_changes(false)
                    .output_name("SourceArtifact")
                    .run_order(1),
            )
        });
        // `arn:<partition>:<service>:<region>:<account>:<resource>`, as the template joins it.
        let arn = |service: &str, resource: Str| {
            cfn::join(
                "",
                [
                    "arn:".into(),
                    cfn::reference("AWS::Partition"),
                    format!(":{service}:").into(),
                    cfn::reference("AWS::Region"),
                    ":".into(),
                    cfn::reference("AWS::AccountId"),
                    ":".into(),
                    resource,
                ],
            )
        };
        let repository_arn = arn("codecommit", cfn::reference("AppRepositoryName"));
        p.start_on_event("cicdpipeline-trigger-rule", codecommit_push(repository_arn, "main"))
            .rule_name(cfn::sub("${ApplicationName}-cicdpipeline-trigger-rule"))
            .pipeline_arn(arn("codepipeline", cfn::reference("OUCICDPipeline")))
            .target_id(cfn::sub("${ApplicationName}-cicdPipeline"))
            .role_arn(cfn::reference("CloudWatchEventRoleARN"));
        p.stage("CFN-Scanner", |s| {
            s.add(
                CodeBuild::new("Build-Action", cfn::reference("OUCICDTemplateScanner"), source.artifact())
                    .output("ScannedArtifact")
                    .run_order(1),
            );
        });
        deployment(p, "Dev-Deployment", "OUCICDCodeDevBuildProject", source.artifact(), "DevBuildArtifact");
        approvals(
            p,
            "TEST-Approval",
            &["DP-Pipeline-Approval", "SecOps-Pipeline-Approval", "WPaaS-Admin-Approval"],
            "TESTApprovalSNSARN",
        );
        deployment(p, "TEST-Deployment", "OUCICDCodeTESTBuildProject", source.artifact(), "TESTBuildArtifact");
        approvals(p, "Prod-Approval", &["SecOps-Pipeline-Approval", "WPaaS-Admin-Approval"], "ProdApprovalSNSARN");
        deployment(p, "Prod-Deployment", "OUCICDCodeProdBuildProject", source.artifact(), "ProdBuildArtifact");
        p.artifact_store(ArtifactStore::s3(cfn::reference("TemplateBucket")));
    })
}
