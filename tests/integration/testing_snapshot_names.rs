//! Several pipelines snapshotted in one test file: each pipeline's files,
//! its manifest included, get snapshots of their own, so the tests pass in
//! any order.

use pipewright::prelude::*;

fn pipeline(name: &str, repository: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3(format!("{name}-artifacts")));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", repository, "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", format!("{name}-build"), source.artifact()));
        });
    })
}

#[test]
fn the_api_pipeline_is_unchanged() {
    insta::with_settings!({ snapshot_path => "../../snapshots" }, {
        pipewright::testing::assert_synth_snapshot!(pipeline("api", "api-repo"));
    });
}

#[test]
fn the_worker_pipeline_is_unchanged() {
    insta::with_settings!({ snapshot_path => "../../snapshots" }, {
        pipewright::testing::assert_synth_snapshot!(pipeline("worker", "worker-repo"));
    });
}

#[test]
fn each_pipeline_names_its_own_snapshots_manifest_included() {
    let names = |name: &str| -> Vec<String> {
        pipewright::testing::snapshots(&pipeline(name, "repo"), Format::Yaml)
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    };
    assert_eq!(names("api"), ["api/pipeline.json", "api/template.yaml", "api/manifest.json"]);
    assert_eq!(names("worker"), ["worker/pipeline.json", "worker/template.yaml", "worker/manifest.json"]);
}
