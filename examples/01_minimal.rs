//! The smallest useful pipeline: check out a CodeCommit branch and build it.
//!
//! ```sh
//! cargo run --example 01_minimal -- synth --out out
//! ```
//!
//! writes `out/minimal/pipeline.json` (for `aws codepipeline create-pipeline`),
//! `out/minimal/template.json` (a CloudFormation stack) and `out/manifest.json`.

use pipewright::prelude::*;

/// Two stages: the source stage checks out `main` of `my-repo`; the build
/// stage builds what it checked out.
pub fn pipeline() -> Pipeline {
    Pipeline::build("minimal", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("minimal-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-build-project", source.artifact()));
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
