//! What the command line prints of names from input is safe to print: no
//! control character reaches the terminal, no name forges a line, and a
//! 10 MB name prints a few kilobytes.

use pipewright_dsl::prelude::*;
use pipewright_synth::{App, Exit};

/// A pipeline whose pipeline, stage and action names are all `name`.
fn named(name: &str) -> Pipeline {
    Pipeline::build(name, |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage(name, |s| {
            s.add(CodeBuild::new(name, "my-project", source.artifact()));
        });
    })
}

/// Runs the command line over one pipeline named `name`; stdout and stderr.
fn run(name: &str, args: &[&str]) -> (Exit, String, String) {
    let app = App::new().pipeline(named(name));
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = app.run_with(std::iter::once("pipelines").chain(args.iter().copied()), &mut stdout, &mut stderr);
    (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

#[test]
fn validate_prints_a_forged_line_as_part_of_one_finding() {
    let (exit, stdout, _) = run("x\r\npipeline \"x\": 0 errors", &["validate"]);
    assert_eq!(exit, Exit::Invalid);
    assert!(!stdout.contains('\r'));
    let forged = stdout.lines().filter(|line| line.starts_with("pipeline \"x\"")).count();
    assert_eq!(forged, 0, "{stdout}");
    assert!(stdout.lines().last().unwrap().starts_with("checked 1 pipeline: "), "{stdout}");
    assert!(stdout.starts_with(r#"error[pipeline-name]: pipeline "x\r\npipeline "x": 0 errors": "#), "{stdout}");
}

#[test]
fn validate_and_list_escape_ansi_and_nul() {
    for name in ["\u{1b}[31mred", "nul\0here"] {
        for command in ["validate", "list"] {
            let (_, stdout, stderr) = run(name, &[command]);
            for output in [&stdout, &stderr] {
                assert!(!output.contains('\u{1b}') && !output.contains('\0'), "{command}: {output:?}");
            }
        }
    }
    let (_, listed, _) = run("nul\0here", &["list"]);
    assert_eq!(listed, "nul\\0here  2 stages  2 actions\n");
}

#[test]
fn a_ten_megabyte_name_prints_a_few_kilobytes() {
    let name = "n".repeat(10_000_000);
    for command in ["validate", "list"] {
        let (_, stdout, stderr) = run(&name, &[command]);
        assert!(stdout.len() + stderr.len() < 40_000, "{command} printed {} bytes", stdout.len() + stderr.len());
    }
}

#[test]
fn an_unknown_pipeline_asked_for_is_named_escaped() {
    let (exit, _, stderr) = run("\u{1b}[31mred", &["validate", "--pipeline", "other\u{1b}[0m"]);
    assert_eq!(exit, Exit::Usage);
    assert_eq!(
        stderr,
        "error: --pipeline other\\u{1b}[0m: no pipeline has this name; the pipelines are: \\u{1b}[31mred\n"
    );
}
