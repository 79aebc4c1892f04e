//! Guarantee 6: actions that take no input (manual approval, source actions)
//! have no method to give them one.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Approval", |s| {
            s.add(ManualApproval::new("Approve").input(source.artifact()));
        });
        p.source_stage("Second", |s| {
            s.add(S3Source::new("Config", "bucket", "config.zip").input(source.artifact()));
        });
    });
}
