//! `04-github-v1-codebuild-ecs.yaml`: a GitHub (version 1, OAuth token)
//! source, a CodeBuild image build and a standard ECS deployment of the
//! image definitions it writes.

use pipewright::prelude::*;

use super::{companions, parameters, Companion};

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::unnamed("Pipeline", |p| {
        parameters(p, &["Cluster", "GitHubBranch", "GitHubRepo", "GitHubToken", "GitHubUser", "Service"]);
        companions(
            p,
            &[
                Companion::Bucket("ArtifactBucket"),
                Companion::BuildProject("CodeBuildProject"),
                Companion::Role("CodePipelineServiceRole", "codepipeline"),
            ],
        );
        p.role_arn(cfn::get_att("CodePipelineServiceRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        let app = p.source_stage("Source", |s| {
            s.add(
                GitHubSource::new(
                    "App",
                    cfn::reference("GitHubUser"),
                    cfn::reference("GitHubRepo"),
                    cfn::reference("GitHubBranch"),
                    cfn::reference("GitHubToken"),
                )
                .output_name("App")
                .run_order(1),
            )
        });
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", cfn::reference("CodeBuildProject"), app.artifact())
                    .output("BuildOutput")
                    .run_order(1),
            )
        });
        p.stage("Deploy", |s| {
            s.add(
                EcsDeploy::new(
                    "Deploy",
                    cfn::reference("Cluster"),
                    cfn::reference("Service"),
                    build.artifact().path("images.json"),
                )
                .run_order(1),
            );
        });
    })
}
