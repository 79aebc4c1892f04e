//! Variables flow between actions, and a person approves the release.
//!
//! ```sh
//! cargo run --example 03_variables_and_approval -- synth --out out
//! ```
//!
//! Shows: a pipeline-level variable (`#{variables.ENVIRONMENT}`), a source's
//! output variables (`source.vars().commit_id()`, which gives the source a
//! namespace), a build's exported variable (`build.vars().get("IMAGE_TAG")`),
//! a manual approval whose message carries them, an archive named after the
//! execution, and a notification rule.

use pipewright::prelude::*;

/// `release`: Source > Build > Approval > Deploy.
pub fn pipeline() -> Pipeline {
    Pipeline::build("release", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("release-pipeline-artifacts"));
        let environment = p.variable("ENVIRONMENT", "staging");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "release", "main")));
        let commit = source.vars().commit_id();
        let build = p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", "release-build", source.artifact())
                    .environment_variables([
                        EnvVar::plaintext("COMMIT_ID", &commit),
                        EnvVar::plaintext("ENVIRONMENT", &environment),
                    ])
                    .output("Release"),
            )
        });
        // The buildspec exports IMAGE_TAG.
        let image_tag = build.vars().get("IMAGE_TAG");
        p.stage("Approval", |s| {
            s.add(
                ManualApproval::new("Approve")
                    .notification_arn("arn:aws:sns:us-east-1:123456789012:release-approvals")
                    .custom_data(Text::concat([
                        "Release image ".into(),
                        image_tag.into(),
                        " (commit ".into(),
                        commit.into(),
                        ") to ".into(),
                        environment.into(),
                    ]))
                    .timeout_in_minutes(24 * 60),
            );
        });
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Service", "release-cluster", "release", build.artifact()));
            s.add(S3Deploy::object("Archive", "release-archive", Var::execution_id(), build.artifact()));
        });
        // Tell the approvers, and everyone when a release fails.
        p.notify(
            NotificationRule::new(
                "release-events",
                [PipelineEvent::ManualApprovalNeeded, PipelineEvent::PipelineExecutionFailed],
            )
            .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:release-approvals")),
        );
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
