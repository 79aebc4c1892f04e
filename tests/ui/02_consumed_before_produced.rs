//! Guarantee 2: an artifact cannot be consumed before the action that
//! produces it has been added: its handle does not exist yet at that point
//! of the code.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Deploy", "cluster", "service", built));
        });
        let built = p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact()).output("BuildOutput")).artifact()
        });
    });
}
