//! Guarantee 8 has no side door: a variable cannot be made by hand from an
//! action reference and a key, so a typed provider's variables come only
//! from the methods of its handle's variable set.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let image = Var::of(source.action, source.namespace(), "ImageURI");
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact())
                .environment_variables([EnvVar::plaintext("IMAGE", image)]));
        });
    });
}
