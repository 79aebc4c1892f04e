//! Names the builder derived from an action's name are named as derived in
//! findings, with the setter that overrides them, and non-ASCII action names
//! derive names that keep them apart.

use crate::validate_support::rendered;
use pipewright_dsl::prelude::*;

/// A pipeline with two S3 sources named `first` and `second`, read by one
/// build action.
fn two_sources(first: &str, second: &str) -> Pipeline {
    Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let (a, b) = p.source_stage("Source", |s| {
            (s.add(S3Source::new(first, "bucket", "a.zip")), s.add(S3Source::new(second, "bucket", "b.zip")))
        });
        p.stage("Build", |s| {
            s.add(CodeBuild::new("CompileA", "app-build", a.artifact()));
            s.add(CodeBuild::new("CompileB", "app-build", b.artifact()));
        });
    })
}

#[test]
fn non_ascii_action_names_derive_different_artifacts() {
    let pipeline = two_sources("构建", "部署");
    let names: Vec<String> = pipeline.declaration().stages[0]
        .actions
        .iter()
        .map(|action| action.output_artifacts.as_ref().unwrap()[0].name.to_string())
        .collect();
    assert_eq!(names, ["Stage1Action1Output", "Stage1Action2Output"]);
    let rules: Vec<String> =
        rendered(&pipeline).iter().map(|finding| finding.split(']').next().unwrap().to_owned()).collect();
    assert_eq!(rules, ["error[action-name", "error[action-name"]);
    let ascii_kept = two_sources("Ünïcode", "Check");
    let name = &ascii_kept.declaration().stages[0].actions[0].output_artifacts.as_ref().unwrap()[0].name;
    assert_eq!(name, "ncodeStage1Action1Output");
}

#[test]
fn a_finding_on_a_derived_artifact_name_says_it_was_derived() {
    let found = rendered(&two_sources("Config", "Con fig"));
    assert_eq!(
        found,
        [
            r#"error[action-name]: pipeline "app" > stage "Source" > action "Con fig": the action name "Con fig" contains " "; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#,
            r#"error[artifact-name-unique]: pipeline "app" > stage "Source" > action "Con fig" > outputArtifacts[0].name: the output artifact name "ConfigOutput" is not unique: it is also produced by stage "Source" > action "Config"; every output artifact of the pipeline needs its own name; artifact name "ConfigOutput" was derived from action "Con fig" — set one with .output_name(..)"#,
        ]
    );
}

#[test]
fn a_finding_on_a_derived_namespace_says_it_was_derived() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Compile", "app-build", source.artifact())
                    .output("Source_Checkout")
                    .environment_variables([EnvVar::plaintext("COMMIT", source.vars().commit_id())]),
            );
        });
    });
    assert_eq!(
        rendered(&pipeline),
        [
            r#"error[namespace-artifact-clash]: pipeline "app" > stage "Source" > action "Checkout" > namespace: the namespace "Source_Checkout" is also the name of the artifact produced by stage "Build" > action "Compile"; a namespace may not equal an artifact name, so rename one of them; namespace "Source_Checkout" was derived from stage "Source" and action "Checkout" — set one with .namespace(..)"#
        ]
    );
}
