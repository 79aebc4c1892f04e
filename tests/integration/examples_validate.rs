//! `synth validate` accepts everything synth writes: each example is
//! synthesized into a temporary folder (templates in JSON and in YAML), and
//! the standalone `synth validate` checks the folder.

use pipewright::prelude::*;
use pipewright::synth::{standalone, Exit};

use crate::examples::{self, cross_region_cross_account};

/// Runs `synth validate <folder>` on the output folder of `pipelines`;
/// returns the exit code and what was printed on stdout and stderr.
fn validate_output_folder(pipelines: &[Pipeline], format: Format) -> (Exit, String, String) {
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add_all(pipelines).format(format).write().unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let folder = out.path().to_str().unwrap();
    let exit = standalone::run(["synth", "validate", folder], &mut stdout, &mut stderr);
    let shown = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(folder, "<out>");
    (exit, shown(stdout), shown(stderr))
}

fn assert_accepted(example: &str, pipelines: &[Pipeline]) {
    for format in [Format::Json, Format::Yaml] {
        let (exit, stdout, stderr) = validate_output_folder(pipelines, format);
        assert_eq!(exit, Exit::Success, "{example} ({format:?}):\n{stdout}\n{stderr}");
        assert_eq!(stderr, "", "{example} ({format:?})");
        assert!(stdout.contains("<out>/manifest.json: checked: the manifest\n"), "{example}:\n{stdout}");
        assert!(!stdout.contains("skipped"), "{example}: every file synth writes is known:\n{stdout}");
    }
}

#[test]
fn every_example_output_folder_is_accepted() {
    for (example, pipelines) in examples::all() {
        assert_accepted(example, &pipelines);
    }
}

/// The cross-Region example's `pipeline.json` names Regions on its actions;
/// the folder's manifest says the pipeline is in us-east-1, which makes them
/// valid, and each file of the folder gets its line.
#[test]
fn a_folder_is_checked_in_the_regions_of_its_manifest() {
    let (exit, stdout, stderr) = validate_output_folder(&[cross_region_cross_account::pipeline()], Format::Yaml);
    assert_eq!((exit, stderr.as_str()), (Exit::Success, ""));
    assert_eq!(
        stdout,
        "<out>/manifest.json: checked: the manifest\n\
         <out>/platform/cross-account/222222222222-eu-west-1.template.yaml: checked: a cross-account role template\n\
         <out>/platform/cross-account/333333333333-us-east-1.template.yaml: checked: a cross-account role template\n\
         <out>/platform/pipeline.json: pipeline \"platform\": 0 errors, 0 warnings\n\
         <out>/platform/template.yaml > PlatformPipeline: pipeline \"platform\": 0 errors, 0 warnings\n\
         checked 2 files: 0 errors, 0 warnings\n"
    );
}

/// A single-store pipeline in eu-west-1 whose build names that Region:
/// its `pipeline.json` does not say where the pipeline is, so on its own the
/// build's Region looks like another one; `--region` says where it is, as
/// the manifest does for the folder.
#[test]
fn a_pipeline_file_is_checked_in_the_region_given() {
    let pipeline = Pipeline::build("regional", |p| {
        p.region("eu-west-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("regional-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-build-project", source.artifact()).region("eu-west-1"));
        });
    });
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add(&pipeline).write().unwrap();
    let file = out.path().join("regional/pipeline.json");
    let file = file.to_str().unwrap();
    let run = |args: &[&str]| {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let exit = standalone::run(args, &mut stdout, &mut stderr);
        (exit, String::from_utf8(stdout).unwrap().replace(file, "<file>"))
    };
    let (exit, stdout) = run(&["synth", "validate", file]);
    assert_eq!(exit, Exit::Invalid, "{stdout}");
    assert!(stdout.contains("error[action-region-store]"), "{stdout}");
    let (exit, stdout) = run(&["synth", "validate", "--region", "eu-west-1", file]);
    assert_eq!((exit, stdout.as_str()), (Exit::Success, "<file>: pipeline \"regional\": 0 errors, 0 warnings\n"));
    let (exit, stdout) = run(&["synth", "validate", out.path().to_str().unwrap()]);
    assert_eq!(exit, Exit::Success, "{stdout}");
}
