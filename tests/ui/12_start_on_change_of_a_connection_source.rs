//! EventBridge rules start pipelines from the changes of CodeCommit, ECR and
//! S3 sources only: a CodeStarSourceConnection source starts its pipeline
//! itself (DetectChanges) or through a trigger, so `p.start_on_change(...)`
//! does not take its handle.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            s.add(CodeStarConnectionSource::new(
                "Checkout",
                "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
                "user/repo",
                "main",
            ))
        });
        p.start_on_change("on-push", &source);
    });
}
