//! Guarantee 4: source actions go only in the source stage, and the source
//! stage takes only source actions.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            let code = s.add(CodeCommitSource::new("Checkout", "repo", "main"));
            s.add(CodeBuild::new("Build", "project", code.artifact()));
            code
        });
        p.stage("Build", |s| {
            s.add(S3Source::new("Config", "bucket", "config.zip"));
            s.add(CodeBuild::new("Build", "project", source.artifact()));
        });
    });
}
