//! A pipeline without a Region: synth still writes it, and warns that its
//! deploy commands then depend on the AWS CLI's default Region.

use pipewright_dsl::prelude::*;
use pipewright_synth::Synth;

fn pipeline(region: Option<&str>) -> Pipeline {
    Pipeline::build("app", |p| {
        if let Some(region) = region {
            p.region(region);
        }
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app-build", source.artifact()));
        });
    })
}

fn warnings(pipeline: &Pipeline) -> Vec<String> {
    Synth::new("unused").add(pipeline).assemble().unwrap().warnings.iter().map(ToString::to_string).collect()
}

#[test]
fn a_pipeline_without_a_region_is_warned_about_and_still_written() {
    assert_eq!(
        warnings(&pipeline(None)),
        ["warning[pipeline-region-unset]: pipeline \"app\": the pipeline sets no Region, so the manifest's deploy \
          commands and the cloud assembly's environment depend on the AWS CLI's default Region (AWS_REGION, or the \
          profile's): call `p.region(\"us-east-1\")` with the Region the pipeline is created in"]
    );
}

#[test]
fn a_pipeline_with_a_region_is_not() {
    assert_eq!(warnings(&pipeline(Some("eu-west-1"))), Vec::<String>::new());
}
