//! The pipelines this package deploys.

use pipewright::prelude::*;

/// Every pipeline, in the order they are synthesized.
pub fn all() -> Vec<Pipeline> {
    vec![service("api", "main"), service("worker", "main")]
}

/// A pipeline that builds the repository `name` from `branch`.
fn service(name: &str, branch: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3(format!("{name}-artifacts")));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", name, branch)));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", format!("{name}-build"), source.artifact()));
        });
    })
}
