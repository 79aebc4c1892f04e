//! The standalone `synth` binary in CI: --version, --help, --deny-warnings,
//! findings as JSON with their file, no colour when not on a terminal, and
//! `graph FILE`.

use std::fs;
use std::process::Command;

use crate::standalone::synth;

/// A pipeline whose only finding is a warning (its connection ARN is
/// shortened); its build reads the source's commit.
const WARNED_JSON: &str = r##"{"pipeline": {
  "name": "warned",
  "roleArn": "arn:aws:iam::123456789012:role/CodePipelineRole",
  "artifactStore": {"type": "S3", "location": "warned-artifacts"},
  "stages": [
    {"name": "Source", "actions": [{"name": "Checkout",
      "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
      "configuration": {"ConnectionArn": "arn:aws:codestar-connections:...", "FullRepositoryId": "user/repo", "BranchName": "main"},
      "outputArtifacts": [{"name": "Code"}], "namespace": "SourceVariables"}]},
    {"name": "Build", "actions": [{"name": "Build",
      "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
      "configuration": {"ProjectName": "my-project",
        "EnvironmentVariables": "[{\"name\":\"COMMIT\",\"value\":\"#{SourceVariables.CommitId}\",\"type\":\"PLAINTEXT\"}]"},
      "inputArtifacts": [{"name": "Code"}]}]}
  ]}}"##;

fn folder_with_warned() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("warned.json"), WARNED_JSON).unwrap();
    dir
}

#[test]
fn version_and_help_say_what_the_binary_is() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = synth(&["--version"], dir.path());
    assert_eq!((code, stdout), (0, format!("synth {}\n", env!("CARGO_PKG_VERSION"))));
    let (code, help, _) = synth(&["--help"], dir.path());
    assert_eq!(code, 0);
    assert!(
        help.starts_with(
            "synth, pipewright's standalone command line: checks, draws and compares existing AWS CodePipeline"
        ),
        "{help}"
    );
    for command in
        ["validate  Check pipeline files", "graph     Draw the pipelines of files", "diff      Show what differs"]
    {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn warnings_fail_validate_when_denied() {
    let dir = folder_with_warned();
    let (code, stdout, _) = synth(&["validate", "warned.json"], dir.path());
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.starts_with("warned.json: warning[configuration-arn]: "), "{stdout}");
    let (denied, denied_stdout, _) = synth(&["validate", "--deny-warnings", "warned.json"], dir.path());
    assert_eq!((denied, denied_stdout), (1, stdout));
}

#[test]
fn findings_as_json_name_their_file() {
    let dir = folder_with_warned();
    fs::write(dir.path().join("twice.json"), WARNED_JSON).unwrap();
    let (code, stdout, stderr) = synth(&["validate", "--format", "json", "warned.json", "twice.json"], dir.path());
    assert_eq!((code, stderr.as_str()), (0, ""));
    let findings: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let files: Vec<&str> =
        findings.as_array().unwrap().iter().map(|finding| finding["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["warned.json", "twice.json"]);
    assert_eq!(findings[0]["rule"], "configuration-arn");
    assert_eq!(findings[0]["severity"], "warning");
}

#[test]
fn findings_are_not_coloured_when_stdout_is_not_a_terminal() {
    let dir = folder_with_warned();
    let output = Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(["validate", "warned.json"])
        .env_remove("NO_COLOR")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!output.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn graph_draws_the_pipelines_of_files() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = WARNED_JSON.replace(
        r#""inputArtifacts": [{"name": "Code"}]}"#,
        r#""inputArtifacts": [{"name": "Code"}], "roleArn": "arn:aws:iam::222222222222:role/BuildRole", "region": "eu-west-1"}"#,
    );
    fs::write(dir.path().join("warned.json"), elsewhere).unwrap();
    let (code, stdout, stderr) = synth(&["graph", "warned.json"], dir.path());
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(
        stdout.contains("a_warned__Build__Build[\"Build<br/>CodeBuild<br/>↗ 222222222222 / eu-west-1\"]"),
        "{stdout}"
    );
    assert!(stdout.contains("a_warned__Source__Checkout -->|\"Code\"| a_warned__Build__Build"), "{stdout}");
    let (code, dot, _) = synth(&["graph", "--format", "dot", "warned.json"], dir.path());
    assert_eq!(code, 0);
    assert!(dot.contains("\"a_warned__Source__Checkout\" -> \"a_warned__Build__Build\" [label=\"Code\"];"), "{dot}");
    let variable = "\"a_warned__Source__Checkout\" -> \"a_warned__Build__Build\" [label=\"#{SourceVariables.CommitId}\", style=dashed];";
    assert!(dot.contains(variable), "{dot}");
}

#[test]
fn graph_draws_nothing_when_a_file_cannot_be_read() {
    let dir = folder_with_warned();
    let (code, stdout, stderr) = synth(&["graph", "warned.json", "missing.json"], dir.path());
    assert_eq!((code, stdout.as_str()), (3, ""));
    assert!(stderr.starts_with("error: missing.json: "), "{stderr}");
}
