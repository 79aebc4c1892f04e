//! `synth validate` given an output folder: the pipeline files are checked,
//! the other files synth writes are checked for their shape, and any other
//! file is skipped, each with a line.

use std::fs;

use pipewright_dsl::prelude::*;
use pipewright_synth::{standalone, Exit, Synth};

fn notified_pipeline() -> Pipeline {
    Pipeline::build("app", |p| {
        p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.start_on_change("app-main", &source);
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app-build", source.artifact()));
        });
    })
}

fn validate(folder: &std::path::Path) -> (Exit, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = standalone::run(["synth", "validate", folder.to_str().unwrap()], &mut stdout, &mut stderr);
    let shown = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(folder.to_str().unwrap(), "<out>");
    (exit, shown(stdout), shown(stderr))
}

#[test]
fn every_file_of_a_folder_gets_a_line() {
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add(&notified_pipeline()).write().unwrap();
    fs::write(out.path().join("NOTES.md"), "deployed on Mondays").unwrap();
    let (exit, stdout, stderr) = validate(out.path());
    assert_eq!((exit, stderr.as_str()), (Exit::Success, ""));
    assert_eq!(
        stdout,
        "<out>/NOTES.md: skipped: not a file synth writes\n\
         <out>/app/events/app-main.json: checked: an EventBridge rule's CLI input\n\
         <out>/app/events/start-pipeline.role.json: checked: an EventBridge rule's CLI input\n\
         <out>/manifest.json: checked: the manifest\n\
         <out>/app/pipeline.json: pipeline \"app\": 0 errors, 0 warnings\n\
         <out>/app/template.json > AppPipeline: pipeline \"app\": 0 errors, 0 warnings\n\
         checked 2 files: 0 errors, 0 warnings\n"
    );
}

#[test]
fn a_broken_rule_file_is_an_error() {
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add(&notified_pipeline()).write().unwrap();
    fs::write(out.path().join("app/events/app-main.json"), r#"{"PutRule": {"Name": "app-main"}}"#).unwrap();
    let (exit, _, stderr) = validate(out.path());
    assert_eq!(exit, Exit::Invalid);
    assert_eq!(
        stderr,
        "error: <out>/app/events/app-main.json: an EventBridge rule's CLI input: \"PutTargets\" is missing; expected \
         an object with PutRule, PutTargets\n"
    );
}
