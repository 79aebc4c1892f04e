//! `06-codeconnections-cfn-notification-rule.yaml`: a GitHub repository read
//! through a CodeConnections connection, a CodeBuild build that packages a
//! template, a CloudFormation deployment of it, and a notification rule that
//! mails the pipeline's start, success and failure.

use pipewright::prelude::*;

use super::{companions, parameters, Companion};

/// The pipeline resource `Pipeline` and its notification rule.
pub fn pipeline() -> Pipeline {
    Pipeline::build("group2-englishstudy-pipeline", |p| {
        p.logical_id("Pipeline");
        parameters(p, &["GitHubBranch", "GitHubConnectionArn", "GitHubRepo"]);
        companions(
            p,
            &[
                Companion::Bucket("ArtifactBucket"),
                Companion::Role("CloudFormationRole", "cloudformation"),
                Companion::BuildProject("CodeBuildProject"),
                Companion::Topic("NotificationTopic"),
                Companion::Role("PipelineRole", "codepipeline"),
            ],
        );
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeStarConnectionSource::new(
                    "GitHub",
                    cfn::reference("GitHubConnectionArn"),
                    cfn::reference("GitHubRepo"),
                    cfn::reference("GitHubBranch"),
                )
                .output_artifact_format(OutputArtifactFormat::CodeZip)
                .detect_changes(true)
                .output_name("SourceArtifact")
                .run_order(1),
            )
        });
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", cfn::reference("CodeBuildProject"), source.artifact())
                    .output("BuildArtifact")
                    .run_order(1),
            )
        });
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "group2-englishstudy-prod",
                    build.artifact().path("packaged-template.yaml"),
                    cfn::get_att("CloudFormationRole", "Arn"),
                )
                .capabilities(&[Capability::Iam, Capability::AutoExpand])
                .run_order(1),
            );
        });
        p.notify(
            NotificationRule::new(
                "group2-pipeline-notifications",
                [
                    PipelineEvent::PipelineExecutionStarted,
                    PipelineEvent::PipelineExecutionSucceeded,
                    PipelineEvent::PipelineExecutionFailed,
                ],
            )
            .detail_type(DetailType::Full)
            .target(NotificationTarget::sns(cfn::reference("NotificationTopic")))
            .resource(cfn::sub("arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}")),
        );
    })
}
