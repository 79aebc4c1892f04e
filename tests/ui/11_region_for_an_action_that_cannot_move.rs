//! Source actions and custom actions such as Jenkins always run in the
//! pipeline's Region: `.region(...)` exists only for the actions that may
//! run elsewhere.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Checkout", "repo", "main").region("eu-west-1"))
        });
        p.stage("Build", |s| {
            s.add(Jenkins::new("Build", "MyJenkins", "1", "job").input(source.artifact()).region("eu-west-1"));
        });
    });
}
