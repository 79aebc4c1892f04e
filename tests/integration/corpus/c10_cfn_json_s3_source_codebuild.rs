//! `10-cfn-json-s3-source-codebuild.json`: a JSON template; a zip in an S3
//! bucket built by CodeBuild with one environment variable.

use pipewright::prelude::*;

use super::{companions, Companion};

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::unnamed("Pipeline", |p| {
        companions(
            p,
            &[
                Companion::Bucket("ArtifactBucket"),
                Companion::BuildProject("BuildProject"),
                Companion::Role("PipelineRole", "codepipeline"),
                Companion::Bucket("SourceBucket"),
            ],
        );
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        let source = p.source_stage("Source", |s| {
            s.add(
                S3Source::new("S3Source", cfn::reference("SourceBucket"), "source.zip")
                    .poll_for_source_changes(true)
                    .output_name("source"),
            )
        });
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("BuildAction0", cfn::reference("BuildProject"), source.artifact())
                    .environment_variables([EnvVar::plaintext("MY_VAR", "abc")])
                    .run_order(1),
            );
        });
    })
}
