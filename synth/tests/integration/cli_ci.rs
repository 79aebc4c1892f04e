//! The App's command line in CI: --version, --deny-warnings, findings as
//! JSON, -q/-v, a repeated --pipeline, and `graph`.

use std::path::Path;

use pipewright_dsl::prelude::*;
use pipewright_synth::{App, Exit};

/// A valid pipeline whose connection ARN is shortened: one warning
/// (`configuration-arn`), no error.
pub(crate) fn warned() -> Pipeline {
    Pipeline::build("warned", |p| {
        p.region("us-east-1");
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("warned-artifacts"));
        let source = p.source_stage("Source", |s| {
            s.add(CodeStarConnectionSource::new("Checkout", "arn:aws:codestar-connections:...", "user/repo", "main"))
        });
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    })
}

/// A pipeline with an error: no role.
pub(crate) fn broken() -> Pipeline {
    Pipeline::build("broken", |p| {
        p.region("us-east-1");
        p.artifact_store(ArtifactStore::s3("broken-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    })
}

fn run(app: &App, args: &[&str]) -> (Exit, String, String) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = app.run_with(std::iter::once("pipelines").chain(args.iter().copied()), &mut stdout, &mut stderr);
    (exit, String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

const WARNING: &str = "warning[configuration-arn]: pipeline \"warned\" > stage \"Source\" > action \"Checkout\" > \
                       configuration.ConnectionArn: ConnectionArn \"arn:aws:codestar-connections:...\" is not a \
                       complete connection ARN: expected \
                       arn:aws:codestar-connections:<region>:<12-digit account>:connection/<id> (or \
                       arn:aws:codeconnections:...); the pipeline is still written, but the action fails when it runs";

/// The version is pipewright-synth's, from its Cargo metadata.
#[test]
fn version_prints_the_crate_version() {
    let (exit, stdout, stderr) = run(&App::new(), &["--version"]);
    assert_eq!(
        (exit, stdout, stderr),
        (Exit::Success, format!("pipewright-synth {}\n", env!("CARGO_PKG_VERSION")), String::new())
    );
}

#[test]
fn warnings_pass_validate_unless_denied() {
    let app = App::new().pipeline(warned());
    assert_eq!(
        run(&app, &["validate"]),
        (Exit::Success, format!("{WARNING}\nchecked 1 pipeline: 0 errors, 1 warning\n"), String::new())
    );
    assert_eq!(
        run(&app, &["validate", "--deny-warnings"]),
        (Exit::Invalid, format!("{WARNING}\nchecked 1 pipeline: 0 errors, 1 warning\n"), String::new())
    );
}

#[test]
fn synth_with_denied_warnings_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let app = App::new().pipeline(warned());
    let (exit, stdout, stderr) = run(&app, &["synth", "--out", out.to_str().unwrap(), "--deny-warnings"]);
    assert_eq!(
        (exit, stdout, stderr),
        (Exit::Invalid, String::new(), format!("{WARNING}\n0 errors, 1 warning: nothing was written\n"))
    );
    assert!(!out.exists());
    assert_eq!(run(&app, &["synth", "--out", out.to_str().unwrap()]).0, Exit::Success);
    assert!(out.join("warned/pipeline.json").is_file());
}

#[test]
fn validate_prints_findings_as_json() {
    let app = App::new().pipeline(warned()).pipeline(broken());
    let (exit, stdout, stderr) = run(&app, &["validate", "--format", "json"]);
    assert_eq!((exit, stderr.as_str()), (Exit::Invalid, ""));
    let findings: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 2, "{stdout}");
    assert_eq!(
        findings[0],
        serde_json::json!({
            "rule": "configuration-arn",
            "severity": "warning",
            "location": "pipeline \"warned\" > stage \"Source\" > action \"Checkout\" > configuration.ConnectionArn",
            "message": WARNING.split_once("configuration.ConnectionArn: ").unwrap().1,
        })
    );
    assert_eq!((&findings[1]["rule"], &findings[1]["severity"]), (&"role-required".into(), &"error".into()));
    assert_eq!(findings[1]["location"], "pipeline \"broken\"");
}

#[test]
fn quiet_prints_only_errors_and_verbose_each_pipeline() {
    let app = App::new().pipeline(warned()).pipeline(broken());
    let (exit, stdout, _) = run(&app, &["validate", "--quiet"]);
    assert_eq!(exit, Exit::Invalid);
    assert!(stdout.starts_with("error[role-required]: pipeline \"broken\": "), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let (_, json, _) = run(&app, &["-q", "validate", "--format", "json"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap().as_array().unwrap().len(), 1);

    let (exit, stdout, _) = run(&app, &["validate", "-v"]);
    assert_eq!(exit, Exit::Invalid);
    let tail: Vec<&str> = stdout.lines().skip(2).collect();
    assert_eq!(
        tail,
        [
            "checked pipeline \"warned\": 0 errors, 1 warning",
            "checked pipeline \"broken\": 1 error, 0 warnings",
            "checked 2 pipelines: 1 error, 1 warning",
        ]
    );
    let (exit, _, stderr) = run(&app, &["validate", "-q", "-v"]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn quiet_synth_prints_no_warning_and_verbose_synth_each_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let app = App::new().pipeline(warned());
    let out_arg = out.to_str().unwrap();
    assert_eq!(run(&app, &["synth", "--out", out_arg, "-q"]), (Exit::Success, String::new(), String::new()));
    let (exit, stdout, stderr) = run(&app, &["synth", "--out", out_arg, "--verbose"]);
    assert_eq!((exit, stderr), (Exit::Success, format!("{WARNING}\n")));
    let shown = Path::new(out_arg);
    assert!(
        stdout.starts_with(&format!(
            "checked pipeline \"warned\": 0 errors, 1 warning\nwrote {}\n",
            shown.join("warned/pipeline.json").display()
        )),
        "{stdout}"
    );
}

#[test]
fn a_pipeline_named_twice_is_selected_once() {
    let app = App::new().pipeline(warned()).pipeline(broken());
    let (exit, stdout, _) = run(&app, &["validate", "--pipeline", "warned", "--pipeline", "warned"]);
    assert_eq!((exit, stdout), (Exit::Success, format!("{WARNING}\nchecked 1 pipeline: 0 errors, 1 warning\n")));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (exit, _, stderr) =
        run(&app, &["synth", "--out", out.to_str().unwrap(), "--pipeline", "warned", "--pipeline", "warned"]);
    assert_eq!(exit, Exit::Success, "{stderr}");
}

#[test]
fn graph_prints_the_selected_pipelines_in_either_language() {
    let app = App::new().pipeline(warned()).pipeline(broken());
    let (exit, mermaid, stderr) = run(&app, &["graph", "--pipeline", "broken"]);
    assert_eq!((exit, stderr.as_str()), (Exit::Success, ""));
    assert_eq!(
        mermaid,
        "flowchart LR
  subgraph p_broken[\"broken\"]
    subgraph s_broken__Source[\"Source\"]
      a_broken__Source__Checkout[\"Checkout<br/>CodeCommit\"]
    end
    subgraph s_broken__Build[\"Build\"]
      a_broken__Build__Build[\"Build<br/>CodeBuild\"]
    end
  end
  s_broken__Source ==> s_broken__Build
  a_broken__Source__Checkout -->|\"CheckoutOutput\"| a_broken__Build__Build
"
    );
    let (exit, dot, _) = run(&app, &["graph", "--format", "dot"]);
    assert_eq!(exit, Exit::Success);
    assert!(dot.starts_with("digraph \"pipelines\" {\n") && dot.ends_with("}\n"), "{dot}");
    assert!(dot.contains("subgraph \"cluster_p_warned\"") && dot.contains("subgraph \"cluster_p_broken\""), "{dot}");
    let (exit, _, stderr) = run(&app, &["graph", "--pipeline", "nope"]);
    assert_eq!(exit, Exit::Usage);
    assert!(stderr.starts_with("error: --pipeline nope: no pipeline has this name"), "{stderr}");
}
