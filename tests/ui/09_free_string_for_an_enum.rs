//! Guarantee 9: closed sets of values are enums, never free strings: the S3
//! canned ACL, CloudFormation capabilities, the output artifact format, the
//! execution mode. (The CloudFormation action mode is chosen by the
//! constructor and has no string slot at all.)

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        p.execution_mode("QUEUED");
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Checkout", "repo", "main").output_artifact_format("CODE_ZIP"))
        });
        p.stage("Deploy", |s| {
            s.add(S3Deploy::extract("Site", "bucket", source.artifact()).canned_acl("public-read"));
            s.add(
                CloudFormationDeploy::create_update(
                    "Stack",
                    "my-stack",
                    source.artifact().path("t.yaml"),
                    "arn:aws:iam::123456789012:role/CloudFormationRole",
                )
                .capabilities(&["CAPABILITY_IAM"]),
            );
        });
    });
}
