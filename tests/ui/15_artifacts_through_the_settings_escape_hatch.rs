//! Guarantee 6 and 10 hold through `ActionSettings::spec_mut()`: the
//! description it opens changes configuration and variables, never the
//! artifacts an action declares or takes, so an action and its handle always
//! agree.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| {
            let mut build = CodeBuild::new("Build", "project", source.artifact());
            build.spec_mut().output("Extra");
            s.add(build);
        });
        p.stage("Approval", |s| {
            let mut approval = ManualApproval::new("Approve");
            approval.spec_mut().input(source.artifact());
            s.add(approval);
        });
    });
}
