//! `diff`: a program's pipelines against recorded get-pipeline answers
//! (in-process), and the standalone `synth diff` over files and output
//! folders (as a process).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pipewright_dsl::Pipeline;
use pipewright_synth::{cli, input, Exit};
use serde_json::json;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/diff").join(file)
}

/// The program's side: the pipeline of a create-pipeline file.
fn program(file: &str) -> Vec<Pipeline> {
    input::read_file(&data(file), input::DEFAULT_MAX_FILE_SIZE)
        .unwrap()
        .pipelines
        .into_iter()
        .map(|read| read.pipeline)
        .collect()
}

fn run_app(pipelines: &[Pipeline], args: &[&str]) -> (Exit, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = cli::run(pipelines, ["app", "diff"].iter().chain(args), &mut stdout, &mut stderr);
    (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

fn synth(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_synth")).args(args).env_remove("NO_COLOR").output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const EVERY_CHANGE: &str = r#"pipeline app-pipeline
  ~ roleArn: "arn:aws:iam::123456789012:role/OldPipelineRole" → "arn:aws:iam::123456789012:role/AppPipelineRole"
  ~ executionMode: "SUPERSEDED" → "QUEUED"
  ~ artifact store: location: "app-pipeline-artifacts-old" → "app-pipeline-artifacts"
  ~ variable ENVIRONMENT: defaultValue: "dev" → "staging"
  - variable LEGACY_FLAG removed
  ~ stage Build: onFailure: (absent) → {"result":"RETRY","retryConfiguration":{"retryMode":"FAILED_ACTIONS"}}
  ~ stage Build > action Build: configuration.ProjectName: "app-build-legacy" → "app-build"
  ~ stage Build > action Build: outputArtifacts[0].name: "BuildOut" → "BuildOutput"
  ~ stage Build > action UnitTest: moved from position 1 to 2
  ~ stage Build > action UnitTest: runOrder: 1 → 2
  ~ stage Test: moved from position 2 to 3
  ~ stage Deploy > action Approve: configuration.CustomData: "Release?" → "Release #{variables.ENVIRONMENT}?"
  + stage Deploy: action Prod added
  - stage Deploy: action Staging removed
  - stage Cleanup removed
  ~ trigger on Source: gitConfiguration.push[0].branches.includes: ["main"] → ["main","release/*"]
"#;

#[test]
fn an_unchanged_deployed_pipeline_prints_no_differences() {
    let deployed = data("deployed-v1.json");
    let (exit, stdout, stderr) =
        run_app(&program("program-v1.json"), &["--deployed", deployed.to_str().unwrap(), "--color", "never"]);
    assert_eq!((exit, stdout.as_str(), stderr.as_str()), (Exit::Success, "no differences\n", ""));
}

#[test]
fn every_kind_of_change_reads_in_pipeline_words() {
    let deployed = data("deployed.json");
    let (exit, stdout, stderr) =
        run_app(&program("program.json"), &["--deployed", deployed.to_str().unwrap(), "--color", "never"]);
    assert_eq!(stderr, "");
    assert_eq!(stdout, EVERY_CHANGE);
    assert_eq!(exit, Exit::Invalid);
}

#[test]
fn every_kind_of_change_as_json() {
    let deployed = data("deployed.json");
    let (exit, stdout, _) =
        run_app(&program("program.json"), &["--deployed", deployed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(exit, Exit::Invalid);
    let build = |action: &str| json!({"in": "action", "stage": "Build", "action": action});
    let changed = |place: serde_json::Value, field: &str, old: serde_json::Value, new: serde_json::Value| {
        let mut change = place;
        change["change"] = json!("changed");
        change["field"] = json!(field);
        change["old"] = old;
        change["new"] = new;
        change
    };
    let with = |place: serde_json::Value, fields: serde_json::Value| {
        let mut change = place;
        change.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
        change
    };
    let expected = json!({
        "differs": true,
        "pipelines": [{
            "name": "app-pipeline",
            "status": "changed",
            "changes": [
                changed(json!({"in": "pipeline"}), "roleArn",
                    json!("arn:aws:iam::123456789012:role/OldPipelineRole"),
                    json!("arn:aws:iam::123456789012:role/AppPipelineRole")),
                changed(json!({"in": "pipeline"}), "executionMode", json!("SUPERSEDED"), json!("QUEUED")),
                changed(json!({"in": "artifactStore"}), "location",
                    json!("app-pipeline-artifacts-old"), json!("app-pipeline-artifacts")),
                changed(json!({"in": "variable", "variable": "ENVIRONMENT"}), "defaultValue", json!("dev"), json!("staging")),
                {"in": "variable", "variable": "LEGACY_FLAG", "change": "removed"},
                changed(json!({"in": "stage", "stage": "Build"}), "onFailure", json!(null),
                    json!({"result": "RETRY", "retryConfiguration": {"retryMode": "FAILED_ACTIONS"}})),
                changed(build("Build"), "configuration.ProjectName", json!("app-build-legacy"), json!("app-build")),
                changed(build("Build"), "outputArtifacts[0].name", json!("BuildOut"), json!("BuildOutput")),
                with(build("UnitTest"), json!({"change": "moved", "from": 1, "to": 2})),
                changed(build("UnitTest"), "runOrder", json!(1), json!(2)),
                {"in": "stage", "stage": "Test", "change": "moved", "from": 2, "to": 3},
                changed(json!({"in": "action", "stage": "Deploy", "action": "Approve"}), "configuration.CustomData",
                    json!("Release?"), json!("Release #{variables.ENVIRONMENT}?")),
                {"in": "action", "stage": "Deploy", "action": "Prod", "change": "added"},
                {"in": "action", "stage": "Deploy", "action": "Staging", "change": "removed"},
                {"in": "stage", "stage": "Cleanup", "change": "removed"},
                changed(json!({"in": "trigger", "sourceAction": "Source"}), "gitConfiguration.push[0].branches.includes",
                    json!(["main"]), json!(["main", "release/*"])),
            ]
        }],
        "ruleFiles": []
    });
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout).unwrap(), expected);
}

#[test]
fn a_deployed_file_must_be_readable() {
    let (exit, stdout, stderr) = run_app(&program("program.json"), &["--deployed", "no-such-file.json"]);
    assert_eq!((exit, stdout.as_str()), (Exit::Io, ""));
    assert!(stderr.starts_with("error: no-such-file.json: cannot read the file: "), "{stderr}");
}

#[test]
fn a_deployed_side_is_required_and_aws_options_need_live() {
    let (exit, _, stderr) = run_app(&program("program.json"), &[]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.contains("--deployed <FILE>|--live"), "{stderr}");
    let deployed = data("deployed.json");
    let (exit, _, stderr) =
        run_app(&program("program.json"), &["--deployed", deployed.to_str().unwrap(), "--profile", "p"]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.contains("--live"), "{stderr}");
}

#[test]
fn a_deployed_file_of_another_pipeline_is_a_usage_error_when_the_program_has_several() {
    let pipelines = [program("program.json"), program("program-v1.json")].concat();
    let deployed = data("deployed-v1.json");
    let (exit, _, _) = run_app(&pipelines, &["--deployed", deployed.to_str().unwrap(), "--color", "never"]);
    assert_eq!(exit, Exit::Success, "found by its name");
    let (exit, _, stderr) =
        run_app(&pipelines, &["--deployed", deployed.to_str().unwrap(), "--pipeline", "app-pipeline"]);
    assert_eq!(exit, Exit::Invalid, "paired as the one against the one: {stderr}");
    let other = data("deployed.json");
    let renamed = fs::read_to_string(other).unwrap().replace("app-pipeline\"", "old-pipeline\"");
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("deployed.json"), renamed).unwrap();
    let (exit, _, stderr) = run_app(&pipelines, &["--deployed", folder.path().join("deployed.json").to_str().unwrap()]);
    assert_eq!(exit, Exit::Usage);
    assert!(
        stderr.contains("holds the pipelines old-pipeline, and none of app-pipeline, lambda-pipeline has its name"),
        "{stderr}"
    );
}

#[test]
fn standalone_diff_of_two_files_prints_the_same_words_without_colour_when_piped() {
    let (old, new) = (data("deployed.json"), data("program.json"));
    let (code, stdout, stderr) = synth(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, EVERY_CHANGE, ""));
    let (code, stdout, _) = synth(&["diff", new.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, "no differences\n"));
}

#[test]
fn colour_is_asked_for_or_off() {
    let (old, new) = (data("deployed-v1.json"), data("program.json"));
    let (code, stdout, _) = synth(&["diff", old.to_str().unwrap(), new.to_str().unwrap(), "--color", "always"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("\u{1b}[1mpipeline app-pipeline\u{1b}[0m\n"), "{stdout}");
    assert!(stdout.contains("  \u{1b}[31m- stage Prod removed\u{1b}[0m\n"), "{stdout}");
    assert!(stdout.contains("  \u{1b}[32m+ stage Build added\u{1b}[0m\n"), "{stdout}");
}

#[test]
fn disabled_transitions_of_two_templates_are_compared() {
    let template = |transitions: &str| {
        format!(
            "Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: app
      RoleArn: arn:aws:iam::123456789012:role/R
      ArtifactStore: {{Type: S3, Location: bucket}}
{transitions}      Stages:
        - Name: Source
          Actions:
            - Name: Source
              ActionTypeId: {{Category: Source, Owner: AWS, Provider: CodeCommit, Version: '1'}}
              Configuration: {{RepositoryName: app, BranchName: main}}
              OutputArtifacts: [{{Name: Code}}]
        - Name: Deploy
          Actions:
            - Name: Deploy
              ActionTypeId: {{Category: Invoke, Owner: AWS, Provider: Lambda, Version: '1'}}
              Configuration: {{FunctionName: deploy}}
"
        )
    };
    let folder = tempfile::tempdir().unwrap();
    let (old, new) = (folder.path().join("old.yaml"), folder.path().join("new.yaml"));
    fs::write(&old, template("      DisableInboundStageTransitions: [{StageName: Source, Reason: Frozen}]\n")).unwrap();
    fs::write(&new, template("      DisableInboundStageTransitions: [{StageName: Deploy, Reason: Release freeze}]\n"))
        .unwrap();
    let (code, stdout, _) = synth(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(
        (code, stdout.as_str()),
        (
            1,
            "pipeline app\n  ~ stage Deploy: inbound transition disabled (\"Release freeze\")\n  \
             ~ stage Source: inbound transition enabled\n"
        )
    );
}

#[test]
fn output_folders_compare_pipelines_and_rule_files() {
    let folder = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = folder.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    let program = fs::read_to_string(data("program.json")).unwrap();
    let lambda = fs::read_to_string(data("program-v1.json")).unwrap();
    write("old/app-pipeline/pipeline.json", &program);
    write("old/app-pipeline/events/app-pipeline-failed.json", r#"{"Name": "failed", "State": "ENABLED"}"#);
    write("old/app-pipeline/events/app-pipeline-started.json", r#"{"Name": "started"}"#);
    write("old/lambda-pipeline/pipeline.json", &lambda);
    write("new/app-pipeline/pipeline.json", &program.replace("\"app-build\"", "\"app-build-v2\""));
    write("new/app-pipeline/events/app-pipeline-failed.json", r#"{"Name": "failed", "State": "DISABLED"}"#);
    write("new/app-pipeline/notifications/app-pipeline.json", r#"{"Name": "app"}"#);
    write("new/web-pipeline/pipeline.json", &lambda.replace("lambda-pipeline\"", "web-pipeline\""));
    let (old, new) = (folder.path().join("old"), folder.path().join("new"));
    let (code, stdout, stderr) = synth(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(stderr, "");
    assert_eq!(
        stdout,
        "pipeline app-pipeline
  ~ stage Build > action Build: configuration.ProjectName: \"app-build\" → \"app-build-v2\"
+ pipeline web-pipeline added
- pipeline lambda-pipeline removed
rule files
  ~ rule file app-pipeline/events/app-pipeline-failed.json: State: \"ENABLED\" → \"DISABLED\"
  + rule file app-pipeline/notifications/app-pipeline.json added
  - rule file app-pipeline/events/app-pipeline-started.json removed
"
    );
    assert_eq!(code, 1);
    let (code, stdout, _) = synth(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, "no differences\n"));
}

#[test]
fn a_folder_without_pipelines_is_not_an_output_folder() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().to_str().unwrap();
    let (code, stdout, stderr) = synth(&["diff", path, path]);
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert!(stderr.contains("not an output folder: no PIPELINE/pipeline.json in it"), "{stderr}");
}

#[test]
fn diff_help_has_examples_and_exit_codes() {
    let (code, stdout, _) = synth(&["diff", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("synth diff old-out/ out/"), "{stdout}");
    assert!(stdout.contains("  1  something differs"), "{stdout}");
    let (exit, stdout, _) = run_app(&[], &["--help"]);
    assert_eq!(exit, Exit::Success);
    assert!(stdout.contains("cargo run -- diff --deployed deployed.json"), "{stdout}");
}

#[test]
fn standalone_diff_takes_two_paths_or_one_with_live() {
    let file = data("program.json");
    let file = file.to_str().unwrap();
    let (code, _, stderr) = synth(&["diff", file]);
    assert_eq!(
        (code, stderr.as_str()),
        (2, "error: give two files or output folders, OLD and NEW (or one with --live)\n")
    );
    let (code, _, stderr) = synth(&["diff", "--live", file, file]);
    assert_eq!((code, stderr.as_str()), (2, "error: with --live, give one file or output folder: the new side\n"));
    let (code, _, stderr) = synth(&["diff", file, file, "--region", "eu-west-1"]);
    assert_eq!((code, stderr.as_str()), (2, "error: --profile and --region are options of --live\n"));
}
