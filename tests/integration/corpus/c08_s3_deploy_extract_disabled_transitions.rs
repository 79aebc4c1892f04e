//! `08-s3-deploy-extract-disabled-transitions.yaml`: a static web site, built
//! from a CodeCommit repository and extracted into the site's bucket.

use pipewright::prelude::*;

use super::{companions, parameters, Companion};

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build(cfn::reference("PipelineName"), |p| {
        p.logical_id("Pipeline");
        parameters(p, &["PipelineName"]);
        companions(
            p,
            &[
                Companion::Bucket("ArtifactStoreBucket"),
                Companion::BuildProject("CodeBuildProject"),
                Companion::Role("PipelineRole", "codepipeline"),
                Companion::Bucket("StaticWebsiteBucket"),
            ],
        );
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactStoreBucket")));
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.write_empty_disabled_transitions();
        let template_source = p.source_stage("CCSource", |s| {
            s.add(
                CodeCommitSource::new("TemplateSource", cfn::import_value("CCRepov2"), "main")
                    .output_name("TemplateSource")
                    .run_order(1),
            )
        });
        let build = p.stage("BuildStage", |s| {
            s.add(
                CodeBuild::new("BuildApp", cfn::reference("CodeBuildProject"), template_source.artifact())
                    .output("BuildArtifact")
                    .run_order(2),
            )
        });
        p.stage("DeployStage", |s| {
            s.add(S3Deploy::extract("DeploytoS3", cfn::reference("StaticWebsiteBucket"), build.artifact()));
        });
    })
}
