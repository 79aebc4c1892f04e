//! Guarantee 5: required inputs and settings are arguments of the
//! constructor: an ECS deploy needs its image definitions artifact, a
//! CloudFormation deploy its template and its deployment role, and no mode
//! that takes the deployment role lets it be set a second time.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "cluster", "service"));
            s.add(CloudFormationDeploy::create_update("Stack", "my-stack"));
            s.add(CloudFormationDeploy::delete_only("Remove", "old-stack"));
            s.add(
                CloudFormationDeploy::create_update(
                    "Update",
                    "my-stack",
                    source.artifact().path("template.yaml"),
                    "arn:aws:iam::123456789012:role/CloudFormationRole",
                )
                .deployment_role("arn:aws:iam::123456789012:role/OtherRole"),
            );
        });
    });
}
