//! The one-line snapshot helper users get with the `testing` feature.

use pipewright::prelude::*;

fn pipeline() -> Pipeline {
    Pipeline::build("snapshot-helper", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("snapshot-helper-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    })
}

#[test]
fn snapshots_every_file_synth_writes() {
    let files = pipewright::testing::synthesized_files(&pipeline(), Format::Yaml);
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "snapshot-helper/pipeline.json",
            "snapshot-helper/template.yaml",
            "snapshot-helper/template.json",
            "manifest.json"
        ]
    );

    insta::with_settings!({ snapshot_path => "../../snapshots" }, {
        pipewright::testing::assert_synth_snapshot!(pipeline());
    });
}

#[test]
#[should_panic(expected = "pipeline \"no-role\" cannot be synthesized:\nerror[role-required]")]
fn an_invalid_pipeline_fails_the_test_with_every_finding() {
    let pipeline = Pipeline::build("no-role", |p| {
        p.artifact_store(ArtifactStore::s3("artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    });
    pipewright::testing::assert_synth_snapshot!(pipeline);
}
