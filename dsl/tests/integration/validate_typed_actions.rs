//! Pipelines written with the typed actions, used as documented, pass every
//! rule: the rules and the builders agree. What a rule would report about a
//! required setting the typed actions take as an argument (a CloudFormation
//! deployment role) does not compile (`tests/ui/05_missing_required_input.rs`);
//! the rule itself is tested on JSON in `validate_providers.rs`.

use pipewright_dsl::prelude::*;

#[test]
fn a_pipeline_of_typed_actions_has_no_findings() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        p.pipeline_type(PipelineType::V2);
        let environment = p.variable("Environment", "prod");
        let [code, image] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("Checkout", "app", "main")).artifact(),
                s.add(EcrSource::new("Image", "app")).artifact(),
            ]
        });
        let [built] =
            p.stage("Build", |s| s.add(CodeBuild::new("Compile", "app-build", code).output("Built")).artifacts);
        p.stage("Test", |s| {
            s.add(Commands::new("Lint", code, ["make lint"]).environment_variable("ENVIRONMENT", environment));
        });
        p.stage("Approve", |s| {
            s.add(ManualApproval::new("Approve").custom_data("Release to production?").timeout_in_minutes(60));
        });
        p.stage("Deploy", |s| {
            let stack = s.add(CloudFormationDeploy::create_update(
                "Stack",
                "app",
                built.path("template.yaml"),
                "arn:aws:iam::111111111111:role/CloudFormationRole",
            ));
            s.add(EcsDeploy::new("Release", "prod", "app", built).after(&stack));
            s.add(
                CodeDeployToEcs::new("BlueGreen", "app", "app-group", code, code.path("appspec.yml"))
                    .image(image, "IMAGE1_NAME"),
            );
            s.add(S3Deploy::extract("Website", "app-site", built));
            s.add(LambdaInvoke::new("Notify", "notify").user_parameters("released"));
        });
    });
    let found: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(found, Vec::<String>::new());
}
