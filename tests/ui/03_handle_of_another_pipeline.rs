//! Guarantee 3: every handle is branded with the `Pipeline::build` call that
//! created it, so an artifact of one pipeline cannot be used in another. The
//! compiler reports it as a lifetime error: the artifact's brand belongs to
//! the first pipeline's closure and cannot enter the second one's.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("first", |first| {
        let source = first.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        Pipeline::build("second", |second| {
            second.stage("Build", |s| {
                s.add(CodeBuild::new("Build", "project", source.artifact()));
            });
        });
    });
}
