//! The smallest useful pipeline: a CodeCommit source and a CodeBuild build.
//!
//! ```sh
//! cargo run --example 01_minimal -- synth --out out
//! ```

use pipewright::prelude::*;

/// Two stages: check out `main` of `my-repo`, then build it.
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
