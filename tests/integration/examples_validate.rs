//! `synth validate` on the output folders of the examples: the folder's
//! manifest gives the Regions the files are checked in, and a lone
//! `pipeline.json` is checked in the Region given. (That every file synth
//! writes for each example, and each corpus rebuild, is accepted is
//! `output_folders_validate`.)

use pipewright::prelude::*;
use pipewright::synth::{standalone, Exit};

use crate::examples::cross_region_cross_account;

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
         <out>/platform/cross-account/222222222222-eu-west-1.template.json: checked: the JSON twin of a YAML template\n\
         <out>/platform/cross-account/222222222222-eu-west-1.template.yaml: checked: a cross-account role template\n\
         <out>/platform/cross-account/333333333333-us-east-1.template.json: checked: the JSON twin of a YAML template\n\
         <out>/platform/cross-account/333333333333-us-east-1.template.yaml: checked: a cross-account role template\n\
         <out>/platform/support/111111111111-eu-west-1.template.json: checked: a support template\n\
         <out>/platform/support/111111111111-us-east-1.template.json: checked: a support template\n\
         <out>/platform/template.json: checked: the JSON twin of a YAML template\n\
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
