//! Build once, test in parallel, deploy infrastructure and then the service.
//!
//! ```sh
//! cargo run --example 02_build_and_deploy -- synth --out out
//! ```
//!
//! Shows: a GitHub source through a CodeStar connection, a build with two
//! output artifacts, parallel test actions, a file inside an artifact as a
//! CloudFormation template (`templates.path("service.yaml")`, which also
//! wires `templates` as the action's input), and ordering inside a stage.

use pipewright::prelude::*;

/// `service`: Source > Build > Test > Deploy.
pub fn pipeline() -> Pipeline {
    Pipeline::build("service", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("service-pipeline-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(CodeStarConnectionSource::new(
                "GitHub",
                "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
                "my-org/service",
                "main",
            ))
        });
        // Two outputs: the image definitions and the CloudFormation templates.
        let [images, templates] = p
            .stage("Build", |s| {
                s.add(CodeBuild::new("Build", "service-build", source.artifact()).output("Images").output("Templates"))
            })
            .artifacts;
        // Nothing orders these three, so they run side by side: each gets
        // runOrder 1.
        p.stage("Test", |s| {
            s.add(CodeBuild::test("UnitTests", "service-unit-tests", source.artifact()));
            s.add(CodeBuild::test("Lint", "service-lint", source.artifact()));
            s.add(CodeBuild::test("ContainerScan", "service-container-scan", images));
        });
        p.stage("Deploy", |s| {
            let stack = s.add(
                CloudFormationDeploy::create_update(
                    "Infrastructure",
                    "service-infra",
                    templates.path("service.yaml"),
                    "arn:aws:iam::123456789012:role/CloudFormationDeploymentRole",
                )
                .capabilities(&[Capability::NamedIam]),
            );
            // Runs after the stack is up: runOrder 2.
            s.add(EcsDeploy::new("Service", "production", "service", images).after(&stack));
        });
    })
}

fn main() -> std::process::ExitCode {
    App::new().pipeline(pipeline()).run()
}
