//! Whole pipelines: the valid base, the seed's basic pipeline, several
//! problems at once, and the corpus.

use std::path::Path;

use crate::validate_support::*;
use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::{Pipeline, Severity};
use serde_json::json;

#[test]
fn the_valid_base_pipeline_has_no_findings() {
    assert_eq!(findings(valid()), Vec::<String>::new());
}

#[test]
fn the_seed_basic_pipeline_has_only_the_placeholder_arn_warning() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seed/basic-pipeline.json");
    let pipeline =
        Pipeline::from_document(PipelineDocument::from_json(&std::fs::read_to_string(path).unwrap()).unwrap());
    let found: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            r#"warning[configuration-arn]: pipeline "my-pipeline" > stage "Source" > action "SourceAction" > configuration.ConnectionArn: ConnectionArn "arn:aws:codestar-connections:..." is not a complete connection ARN: expected arn:aws:codestar-connections:<region>:<12-digit account>:connection/<id> (or arn:aws:codeconnections:...); the pipeline is still written, but the action fails when it runs"#
        ]
    );
    assert!(pipeline.validate().is_ok());
}

#[test]
fn several_problems_are_reported_at_once_in_rule_order() {
    let mut document = valid();
    set(&mut document, "/tags", json!([{"key": "k".repeat(129), "value": "v"}]));
    set(&mut document, "/pipeline/artifactStore/location", json!("App_Artifacts"));
    set(&mut document, "/pipeline/stages/2/actions/0/roleArn", json!("DeployRole"));
    set(&mut document, "/pipeline/stages/2/actions/0/configuration/FileName", json!("#{Build.ImageFile}"));
    remove(&mut document, "/pipeline/stages/2/actions/0/configuration/ServiceName");
    set(&mut document, "/pipeline/stages/2/actions/0/inputArtifacts/0/name", json!("Images"));
    set(&mut document, "/pipeline/stages/2/actions/0/runOrder", json!(0));
    set(&mut document, "/pipeline/stages/1/actions/0/outputArtifacts/0/name", json!("Code"));
    set(&mut document, "/pipeline/stages/1/name", json!("Build and test"));
    let pipeline = pipeline(document);
    let violations = pipeline.check();
    let found: Vec<String> = violations.iter().map(ToString::to_string).collect();
    let expected = [
        r#"error[stage-name]: pipeline "app" > stage "Build and test": the stage name "Build and test" contains " "; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#.to_owned(),
        r#"error[artifact-name-unique]: pipeline "app" > stage "Build and test" > action "Compile" > outputArtifacts[0].name: the output artifact name "Code" is not unique: it is also produced by stage "Source" > action "Checkout"; every output artifact of the pipeline needs its own name"#.to_owned(),
        r#"error[input-artifact-unknown]: pipeline "app" > stage "Deploy" > action "Release" > inputArtifacts[0].name: no action produces the input artifact "Images"; artifacts produced before this action: "Code" (stage "Source" > action "Checkout"), "Code" (stage "Build and test" > action "Compile")"#.to_owned(),
        r#"error[run-order-range]: pipeline "app" > stage "Deploy" > action "Release" > runOrder: runOrder 0 is out of range; use 1 to 999 (actions with the same runOrder run in parallel, higher ones later)"#.to_owned(),
        r#"error[artifact-store-bucket]: pipeline "app" > artifactStore > location: the bucket name "App_Artifacts" contains "_"; use 3 to 63 characters from [a-zA-Z0-9\-\.] (the name of an S3 bucket, not an ARN or a path)"#.to_owned(),
        r#"error[role-arn]: pipeline "app" > stage "Deploy" > action "Release" > roleArn: roleArn "DeployRole" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#.to_owned(),
        r#"error[variable-namespace-unknown]: pipeline "app" > stage "Deploy" > action "Release" > configuration.FileName: #{Build.ImageFile} names the namespace "Build", which no action declares; no action that runs before this one declares a namespace; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#.to_owned(),
        r#"error[configuration-required]: pipeline "app" > stage "Deploy" > action "Release" > configuration.ServiceName: the ECS (Deploy) action needs the configuration key ServiceName; its required keys are ClusterName, ServiceName"#.to_owned(),
        format!(
            r#"error[tag-size]: pipeline "app" > tags[0] > key: the tag key "{}" is 129 characters long; use 1 to 128 characters"#,
            "k".repeat(129)
        ),
    ];
    assert_eq!(found, expected);
    assert_eq!(pipeline.validate().unwrap_err().to_string(), expected.join("\n"));
    assert!(violations.iter().all(|violation| violation.severity() == Severity::Error));
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_api_json_pipelines_have_no_errors() {
    let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("03-") && name.ends_with(".json")) {
            continue;
        }
        let document = PipelineDocument::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = Pipeline::from_document(document)
            .check()
            .iter()
            .filter(|violation| violation.is_error())
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors, Vec::<String>::new(), "{name}");
        checked += 1;
    }
    assert!(checked > 0, "no API JSON pipeline found in {}", corpus.display());
}
