//! `validate --format sarif`: a SARIF 2.1.0 log that the OASIS schema
//! accepts, from the App's command line and from the standalone binary.

use std::fs;
use std::process::Command;

use pipewright_dsl::Rule;
use pipewright_synth::{App, Exit};
use serde_json::Value;

use crate::cli_ci::{broken, warned};

/// The SARIF 2.1.0 schema (see tests/data/README.md for where it is from).
fn schema() -> jsonschema::Validator {
    let text = include_str!("../data/sarif-schema-2.1.0.json");
    jsonschema::draft4::new(&serde_json::from_str(text).unwrap()).unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let errors: Vec<String> =
        schema().iter_errors(log).map(|error| format!("{} at {}", error, error.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}\n{log:#}");
}

/// One warning (a shortened connection ARN) and one error (no role).
fn pipelines() -> App {
    App::new().pipeline(warned()).pipeline(broken())
}

/// The position of the rule `code` in the tool's rule list.
fn index_of(code: &str) -> usize {
    Rule::ALL.iter().position(|rule| rule.code() == code).unwrap()
}

#[test]
fn the_apps_sarif_log_is_valid_and_holds_every_finding() {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = pipelines().run_with(["app", "validate", "--format", "sarif"], &mut stdout, &mut stderr);
    assert_eq!((exit, stderr.as_slice()), (Exit::Invalid, &b""[..]));
    let log: Value = serde_json::from_slice(&stdout).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "pipewright");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Rule::ALL.len());
    for (rule, descriptor) in Rule::ALL.iter().zip(rules) {
        assert_eq!(descriptor["id"], rule.code());
        assert_eq!(descriptor["help"]["text"], rule.explanation());
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(
        (&results[0]["ruleId"], &results[0]["ruleIndex"], &results[0]["level"]),
        (&"configuration-arn".into(), &index_of("configuration-arn").into(), &"warning".into())
    );
    assert_eq!(
        (&results[1]["ruleId"], &results[1]["ruleIndex"], &results[1]["level"]),
        (&"role-required".into(), &index_of("role-required").into(), &"error".into())
    );
    assert_eq!(results[1]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "pipeline \"broken\"");
    assert!(results[1]["locations"][0].get("physicalLocation").is_none());
}

#[test]
fn the_standalone_sarif_log_names_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    pipelines().run_with(
        ["app", "synth", "--out", dir.path().join("out").to_str().unwrap(), "--pipeline", "warned"],
        &mut stdout,
        &mut stderr,
    );
    fs::rename(dir.path().join("out/warned/pipeline.json"), dir.path().join("my pipeline.json")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(["validate", "--format", "sarif", "my pipeline.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_sarif(&log);
    let location = &log["runs"][0]["results"][0]["locations"][0];
    assert_eq!(location["physicalLocation"]["artifactLocation"]["uri"], "my%20pipeline.json");
}

#[test]
fn the_schema_refuses_a_log_that_is_not_sarif() {
    assert!(!schema().is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]})));
}
