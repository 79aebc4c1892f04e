//! `07-v2-triggers-path-filter-commands.yaml`: a V2 pipeline in QUEUED mode
//! started by pushes to `main` that touch `app/` or `src/` (but not
//! `app/test/`), running two shell commands.

use pipewright::prelude::*;

use super::{companions, parameters, Companion};

/// The pipeline resource `Pipeline`.
pub fn pipeline() -> Pipeline {
    Pipeline::build("cfn-path-filter-demo-pipeline", |p| {
        p.logical_id("Pipeline");
        parameters(p, &["ConnectionArn"]);
        companions(p, &[Companion::Bucket("ArtifactBucket"), Companion::Role("PipelineRole", "codepipeline")]);
        p.pipeline_type(PipelineType::V2);
        p.execution_mode(ExecutionMode::Queued);
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeStarConnectionSource::new(
                    "Source",
                    cfn::reference("ConnectionArn"),
                    "toshiro3/codepipeline-path-filter-demo",
                    "main",
                )
                .detect_changes(true)
                .output_name("SourceArtifact"),
            )
        });
        let patterns = |patterns: &[&str]| patterns.iter().copied().map(Str::from).collect::<Vec<_>>();
        let push = GitPushFilterBuilder::default()
            .branches(FilterCriteriaBuilder::default().includes(patterns(&["main"])).build().expect("branches"))
            .file_paths(
                FilterCriteriaBuilder::default()
                    .includes(patterns(&["app/**", "src/**"]))
                    .excludes(patterns(&["app/test/**"]))
                    .build()
                    .expect("file paths"),
            )
            .build()
            .expect("a push filter");
        p.trigger(&source, vec![push], Vec::new());
        p.stage("Build", |s| {
            s.add(Commands::new("Build", source.artifact(), ["echo \"Build from CloudFormation\"", "ls -la"]));
        });
    })
}
