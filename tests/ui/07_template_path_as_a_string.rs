//! Guarantee 7: a file inside an artifact is `artifact.path("file")`, which
//! carries the artifact and wires it as an input; a `<Artifact>::<file>`
//! string does not compile.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| {
            s.add(
                CloudFormationDeploy::create_update(
                    "Deploy",
                    "my-stack",
                    "CheckoutOutput::template.yaml",
                    "arn:aws:iam::123456789012:role/CloudFormationRole",
                )
                .template_configuration(source.artifact()),
            );
        });
    });
}
