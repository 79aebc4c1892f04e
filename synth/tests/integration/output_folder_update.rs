//! `Synth::update` and the times of modification: a file whose bytes did not
//! change is not rewritten and keeps its time, by `write` too; an output
//! that did not change at all is left untouched; the output folder's rules
//! still hold.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use pipewright_dsl::prelude::*;
use pipewright_synth::{Synth, SynthError};

fn pipeline(name: &str, branch: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", branch)));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    })
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

/// Moves the time of modification of every file below `dir` an hour back, so
/// that a rewrite cannot leave the same time by chance.
fn age(dir: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path);
        } else {
            fs::File::options().append(true).open(&path).unwrap().set_modified(hour_ago).unwrap();
        }
    }
}

#[test]
fn update_rewrites_only_the_files_that_changed() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let (api, worker) = (pipeline("api", "main"), pipeline("worker", "main"));
    let first = Synth::new(&out).add(&api).add(&worker).update().unwrap();
    assert_eq!(first.changed, first.report.files);
    age(&out);
    let before = |file: &str| modified(&out.join(file));
    let (api_before, manifest_before) = (before("api/pipeline.json"), before("manifest.json"));

    let worker = pipeline("worker", "release");
    let second = Synth::new(&out).add(&api).add(&worker).update().unwrap();
    assert_eq!(second.changed, [out.join("worker/pipeline.json"), out.join("worker/template.json")]);
    assert_eq!(modified(&out.join("api/pipeline.json")), api_before);
    assert_eq!(modified(&out.join("manifest.json")), manifest_before);
    assert_ne!(modified(&out.join("worker/pipeline.json")), api_before);
    assert!(fs::read_to_string(out.join("worker/pipeline.json")).unwrap().contains("\"release\""));
}

#[test]
fn update_leaves_an_output_that_did_not_change_untouched() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let api = pipeline("api", "main");
    Synth::new(&out).add(&api).update().unwrap();
    age(&out);
    let folder_before = modified(&out);
    let manifest_before = modified(&out.join("manifest.json"));

    let again = Synth::new(&out).add(&api).update().unwrap();
    assert!(again.changed.is_empty());
    assert_eq!(again.report.files.len(), 3);
    assert_eq!(modified(&out), folder_before, "the folder was replaced");
    assert_eq!(modified(&out.join("manifest.json")), manifest_before);
}

#[test]
fn write_keeps_the_time_of_files_whose_bytes_did_not_change() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    Synth::new(&out).add(&pipeline("api", "main")).add(&pipeline("worker", "main")).write().unwrap();
    age(&out);
    let api_before = modified(&out.join("api/template.json"));
    let worker_before = modified(&out.join("worker/template.json"));

    Synth::new(&out).add(&pipeline("api", "main")).add(&pipeline("worker", "release")).write().unwrap();
    assert_eq!(modified(&out.join("api/template.json")), api_before);
    assert_ne!(modified(&out.join("worker/template.json")), worker_before);
}

#[test]
fn update_refuses_a_folder_with_a_file_synth_did_not_write_even_when_nothing_changed() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let api = pipeline("api", "main");
    Synth::new(&out).add(&api).update().unwrap();
    fs::write(out.join("notes.txt"), "mine\n").unwrap();

    let error = Synth::new(&out).add(&api).update().unwrap_err();
    assert!(matches!(error, SynthError::NotOutputFolder(_)), "{error:?}");
    assert!(error.to_string().contains("notes.txt"), "{error}");
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine\n");
}
