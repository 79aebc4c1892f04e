//! The smallest useful pipeline: check out a CodeCommit branch and build it.
//!
//! ```sh
//! cargo run --example 01_minimal -- synth --out out
//! ```
//!
//! writes `out/minimal/pipeline.json` (for `aws codepipeline create-pipeline`),
//! `out/minimal/template.json` (a CloudFormation stack),
//! `out/minimal/support/123456789012-us-east-1.template.json` (the generated
//! service role and artifact bucket, deployed first) and `out/manifest.json`.

use pipewright::prelude::*;

/// Two stages: the source stage checks out `main` of `my-repo`; the build
/// stage builds what it checked out. synth generates the service role (allowed
/// exactly to check out `my-repo` and start `my-build-project`) and the
/// artifact bucket.
pub fn pipeline() -> Pipeline {
    Pipeline::build("minimal", |p| {
        p.account("123456789012").region("us-east-1");
        p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-build-project", source.artifact()));
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
