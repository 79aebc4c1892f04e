//! A pipeline whose name cannot name its output folder is refused.

use pipewright_dsl::prelude::*;
use pipewright_synth::{Synth, SynthError};

#[test]
fn a_pipeline_named_by_an_expression_is_refused() {
    let pipeline = Pipeline::build(cfn::reference("PipelineName"), |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
        });
    });
    let parent = tempfile::tempdir().unwrap();
    let error = Synth::new(parent.path().join("out")).add(&pipeline).write().unwrap_err();
    let SynthError::Invalid(findings) = error else { panic!("expected validation errors") };
    let findings: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        findings,
        ["error[pipeline-name-literal]: pipeline \"!Ref PipelineName\": the name is a CloudFormation \
             expression, but synth names the pipeline's output folder after it: give the pipeline a literal name"]
    );
    assert!(!parent.path().join("out").exists(), "nothing is written");
}
