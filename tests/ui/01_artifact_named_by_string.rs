//! Guarantee 1: an artifact no action produces cannot be consumed. Artifacts
//! have no public constructor, so naming one by a string does not compile.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", "CheckoutOutput"));
        });
    });
}
