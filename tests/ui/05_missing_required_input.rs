//! Guarantee 5: required inputs and settings are arguments of the
//! constructor: an ECS deploy needs its image definitions artifact, a
//! CloudFormation deploy its template.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "cluster", "service"));
            s.add(CloudFormationDeploy::create_update("Stack", "my-stack"));
        });
    });
}
