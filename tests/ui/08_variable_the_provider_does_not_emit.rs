//! Guarantee 8: output variables come from the producer's handle, typed per
//! provider: a CodeCommit source has no image URI, a manual approval no
//! variables at all.

use pipewright::prelude::*;

fn main() {
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let approval = p.stage("Approval", |s| s.add(ManualApproval::new("Approve")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "project", source.artifact()).environment_variables([
                EnvVar::plaintext("IMAGE", source.vars().image_uri()),
                EnvVar::plaintext("APPROVER", approval.vars().get("Approver")),
            ]));
        });
    });
}
