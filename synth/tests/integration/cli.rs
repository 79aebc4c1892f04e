//! The command line of `App`, run in-process.

use std::fs;
use std::path::Path;

use pipewright_dsl::prelude::*;
use pipewright_synth::{App, Exit};

fn pipeline(name: &str, role: Option<&str>) -> Pipeline {
    Pipeline::build(name, |p| {
        p.region("us-east-1");
        if let Some(role) = role {
            p.role_arn(role);
        }
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        let built =
            p.stage("Build", |s| s.add(CodeBuild::new("Build", "my-project", source.artifact()).output("Built")));
        p.stage("Deploy", |s| {
            s.add(EcsDeploy::new("Web", "my-cluster", "web", built.artifact()));
            s.add(EcsDeploy::new("Worker", "my-cluster", "worker", built.artifact()));
        });
    })
}

const ROLE: Option<&str> = Some("arn:aws:iam::123456789012:role/CodePipelineRole");

fn app() -> App {
    App::new().pipeline(pipeline("app", ROLE)).pipeline(pipeline("api-service", ROLE))
}

/// Runs the app's command line; returns the exit, stdout and stderr.
fn run(app: &App, args: &[&str]) -> (Exit, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = app.run_with(std::iter::once("pipelines").chain(args.iter().copied()), &mut stdout, &mut stderr);
    (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

fn out_arg(dir: &Path) -> String {
    dir.join("out").to_string_lossy().into_owned()
}

#[test]
fn list_shows_each_pipeline_with_its_stage_and_action_counts() {
    assert_eq!(
        run(&app(), &["list"]),
        (
            Exit::Success,
            "app          3 stages  4 actions\napi-service  3 stages  4 actions\n".to_owned(),
            String::new()
        )
    );
}

#[test]
fn validate_prints_a_summary_and_succeeds_without_errors() {
    assert_eq!(
        run(&app(), &["validate"]),
        (Exit::Success, "checked 2 pipelines: 0 errors, 0 warnings\n".to_owned(), String::new())
    );
}

#[test]
fn validate_prints_every_error_and_exits_with_1() {
    let app = app().pipeline(pipeline("no-role", None)).pipeline(pipeline("app", ROLE));
    let (exit, stdout, stderr) = run(&app, &["validate"]);
    assert_eq!(exit, Exit::Invalid);
    assert_eq!(
        stdout,
        "error[role-required]: pipeline \"no-role\": the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`\n\
         error[pipeline-name-unique]: pipeline \"app\": two pipelines have this name; names are unique per account and Region and each names its output folder: rename one of them\n\
         checked 4 pipelines: 2 errors, 0 warnings\n"
    );
    assert_eq!(stderr, "");
}

#[test]
fn validate_checks_only_the_named_pipelines() {
    let app = app().pipeline(pipeline("no-role", None));
    assert_eq!(
        run(&app, &["validate", "--pipeline", "api-service"]),
        (Exit::Success, "checked 1 pipeline: 0 errors, 0 warnings\n".to_owned(), String::new())
    );
}

#[test]
fn synth_prints_one_line_per_file_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    let (exit, stdout, stderr) = run(&app(), &["synth", "--out", &out]);
    assert_eq!((exit, stderr.as_str()), (Exit::Success, ""));
    assert_eq!(
        stdout,
        format!(
            "wrote {out}/app/pipeline.json\nwrote {out}/app/template.json\n\
             wrote {out}/api-service/pipeline.json\nwrote {out}/api-service/template.json\n\
             wrote {out}/manifest.json\nwrote 5 files for 2 pipelines to {out}/\n"
        )
    );
    assert!(Path::new(&out).join("api-service/pipeline.json").is_file());
}

#[test]
fn synth_writes_only_the_named_pipelines() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    let (exit, stdout, _) = run(&app(), &["synth", "--out", &out, "--pipeline", "api-service"]);
    assert_eq!(exit, Exit::Success);
    assert!(stdout.ends_with(&format!("wrote 3 files for 1 pipeline to {out}/\n")), "{stdout}");
    assert!(Path::new(&out).join("api-service/pipeline.json").is_file());
    assert!(!Path::new(&out).join("app").exists());
}

#[test]
fn an_unknown_pipeline_name_is_a_usage_error_that_lists_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    assert_eq!(
        run(&app(), &["synth", "--out", &out, "--pipeline", "ap"]),
        (
            Exit::Usage,
            String::new(),
            "error: --pipeline ap: no pipeline has this name; the pipelines are: app, api-service\n".to_owned()
        )
    );
    assert!(!Path::new(&out).exists());
}

#[test]
fn quiet_synth_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    assert_eq!(run(&app(), &["synth", "--out", &out, "--quiet"]), (Exit::Success, String::new(), String::new()));
    assert!(Path::new(&out).join("manifest.json").is_file());
}

#[test]
fn a_failed_synth_prints_every_violation_exits_with_1_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    assert_eq!(run(&app(), &["synth", "--out", &out, "--quiet"]).0, Exit::Success);
    let before = fs::read(Path::new(&out).join("app/pipeline.json")).unwrap();

    let broken = app().pipeline(pipeline("no-role", None)).pipeline(pipeline("also-no-role", None));
    let (exit, stdout, stderr) = run(&broken, &["synth", "--out", &out]);
    assert_eq!((exit, stdout.as_str()), (Exit::Invalid, ""));
    assert_eq!(
        stderr,
        "error[role-required]: pipeline \"no-role\": the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`\n\
         error[role-required]: pipeline \"also-no-role\": the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`\n\
         2 errors, 0 warnings: nothing was written\n"
    );
    assert_eq!(fs::read(Path::new(&out).join("app/pipeline.json")).unwrap(), before);
    assert!(!Path::new(&out).join("no-role").exists());
}

#[test]
fn an_output_folder_synth_may_not_replace_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = out_arg(dir.path());
    fs::create_dir(&out).unwrap();
    fs::write(Path::new(&out).join("notes.txt"), "mine").unwrap();
    let (exit, stdout, stderr) = run(&app(), &["synth", "--out", &out]);
    assert_eq!((exit, stdout.as_str()), (Exit::Io, ""));
    assert_eq!(
        stderr,
        format!(
            "error: {out}: the folder is not empty and holds no manifest.json of an earlier synth, so synth will not \
             replace it: move its contents elsewhere, or choose another output folder (--out)\n"
        )
    );
}

#[test]
fn help_explains_the_commands_and_the_exit_codes() {
    let (exit, stdout, stderr) = run(&app(), &["--help"]);
    assert_eq!((exit, stderr.as_str()), (Exit::Success, ""));
    for expected in [
        "Usage: pipelines [OPTIONS] <COMMAND>",
        "synth     Write each pipeline's files and manifest.json to a folder",
        "graph     Draw the pipelines: stages, actions, artifacts and variables",
        "-q, --quiet",
        "-V, --version",
        "list      List the pipelines with their stage and action counts",
        "validate  Check the pipelines and print every finding; write nothing",
        "cargo run -- synth --out build/pipelines --format yaml",
        "  1  a pipeline or input file has errors; nothing was written",
        "  3  a file or folder could not be read or written",
    ] {
        assert!(stdout.contains(expected), "--help lacks {expected:?}:\n{stdout}");
    }
    let (exit, stdout, _) = run(&app(), &["synth", "--help"]);
    assert_eq!(exit, Exit::Success);
    assert!(stdout.contains("--pipeline <NAME>") && stdout.contains("[default: out]"), "{stdout}");
}

#[test]
fn a_wrong_command_line_exits_with_2() {
    let (exit, stdout, stderr) = run(&app(), &["synth", "--format", "xml"]);
    assert_eq!((exit, stdout.as_str()), (Exit::Usage, ""));
    assert!(stderr.starts_with("error: invalid value 'xml' for '--format <FORMAT>'"), "{stderr}");
    assert_eq!(run(&app(), &[]).0, Exit::Usage);
}

#[test]
fn a_pipeline_named_by_an_expression_is_listed_and_selected_by_its_logical_id() {
    let named_by_stack = Pipeline::build(cfn::sub("${AWS::StackName}-pipeline"), |p| {
        p.region("us-east-1");
        p.logical_id("Pipeline").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    });
    let app = App::new().pipeline(pipeline("app", ROLE)).pipeline(named_by_stack);
    assert_eq!(
        run(&app, &["list"]).1,
        "app       3 stages  4 actions\nPipeline  2 stages  2 actions  name: !Sub ${AWS::StackName}-pipeline\n"
    );
    assert_eq!(
        run(&app, &["validate", "--pipeline", "Pipeline"]),
        (Exit::Success, "checked 1 pipeline: 0 errors, 0 warnings\n".to_owned(), String::new())
    );
    let (exit, _, stderr) = run(&app, &["validate", "--pipeline", "!Sub ${AWS::StackName}-pipeline"]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.contains("no pipeline has this name; the pipelines are: app, Pipeline"), "{stderr}");
}

#[test]
fn a_stack_is_listed_selected_and_synthesized_by_its_name() {
    let stack = pipewright_dsl::stack::Stack::new("branches")
        .pipeline(pipeline("app-main", ROLE))
        .pipeline(pipeline("app-develop", ROLE));
    let app = App::new().pipeline(pipeline("app", ROLE)).stack(stack);
    assert_eq!(
        run(&app, &["list"]).1,
        "app                   3 stages  4 actions\n\
         branches/app-main     3 stages  4 actions\n\
         branches/app-develop  3 stages  4 actions\n"
    );
    assert_eq!(
        run(&app, &["validate", "--pipeline", "branches"]),
        (Exit::Success, "checked 2 pipelines: 0 errors, 0 warnings\n".to_owned(), String::new())
    );
    let (exit, _, stderr) = run(&app, &["validate", "--pipeline", "app-main"]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.ends_with("the pipelines are: app; the stacks are: branches\n"), "{stderr}");
    let parent = tempfile::tempdir().unwrap();
    let (exit, _, _) = run(&app, &["synth", "--out", &out_arg(parent.path()), "--pipeline", "branches"]);
    let out = parent.path().join("out");
    assert_eq!(exit, Exit::Success);
    assert!(out.join("branches/template.json").is_file());
    assert!(out.join("branches/app-main/pipeline.json").is_file());
    assert!(!out.join("app").exists(), "only the stack was selected");
}
