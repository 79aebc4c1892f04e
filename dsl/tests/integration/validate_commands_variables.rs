//! A Commands action exports only the output variables it declares; reading
//! another key of its namespace is an error.

use crate::validate_support::rendered;
use pipewright_dsl::prelude::*;

/// A pipeline whose Commands action declares `IMAGE_TAG` and whose deploy
/// action reads `key` of it.
fn reading(key: &str) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        let build = p.stage("Build", |s| {
            s.add(
                Commands::new("Package", source.artifact(), ["export IMAGE_TAG=1"])
                    .output_variables(["IMAGE_TAG"])
                    .output_files("Image", ["image.json"]),
            )
        });
        p.stage("Deploy", |s| {
            s.add(
                EcsDeploy::new("Release", "prod", "app", build.artifact())
                    .configuration("FileName", build.vars().get(key)),
            );
        });
    })
}

#[test]
fn a_declared_output_variable_is_read_without_finding() {
    assert_eq!(rendered(&reading("IMAGE_TAG")), Vec::<String>::new());
}

#[test]
fn an_undeclared_output_variable_is_an_error() {
    assert_eq!(
        rendered(&reading("IMAGE_TAGS")),
        [
            r#"error[variable-key-undeclared]: pipeline "app" > stage "Deploy" > action "Release" > configuration.FileName: #{Build_Package.IMAGE_TAGS}: the Commands action stage "Build" > action "Package" exports only the variables its outputVariables declare, and "IMAGE_TAGS" is not one of them; it declares "IMAGE_TAG"; read one of those, or add "IMAGE_TAGS" with `.output_variables([..])`"#
        ]
    );
}
