//! CodeBuild produces at most five output artifacts: the handle's artifact
//! count is in its type, and a sixth `.output(...)` does not exist.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", "project", source.artifact())
                    .output("One")
                    .output("Two")
                    .output("Three")
                    .output("Four")
                    .output("Five")
                    .output("Six"),
            );
        });
    });
}
