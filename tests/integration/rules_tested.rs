//! Every rule is raised by at least one test: some test or snapshot of the
//! workspace expects a finding printed with its code, `error[code]` or
//! `warning[code]`.

use std::fs;
use std::path::{Path, PathBuf};

use pipewright::Rule;

/// Rules no test provokes: they report a pipeline.json or template that could
/// not be serialized, which no known input reaches once validation passed.
const UNREACHABLE: [Rule; 2] = [Rule::PipelineJson, Rule::Template];

/// Where tests, snapshots and doc examples live; `findings/` is left out, as
/// it declares the codes.
const SEARCHED: [&str; 7] = ["dsl/tests", "dsl/src", "synth/tests", "synth/src", "tests", "snapshots", "examples"];

fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && !path.ends_with("findings") {
            files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs" || extension == "snap") {
            found.push(path);
        }
    }
}

#[test]
fn every_rule_is_raised_by_a_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in SEARCHED {
        files(&root.join(dir), &mut found);
    }
    let texts: Vec<String> = found.iter().filter_map(|path| fs::read_to_string(path).ok()).collect();
    let expected = |rule: &Rule| {
        let severity = rule.severity().to_string();
        let printed = format!("{severity}[{}]", rule.code());
        texts.iter().any(|text| text.contains(&printed))
    };
    let untested: Vec<&str> = Rule::ALL
        .iter()
        .filter(|rule| !UNREACHABLE.contains(rule) && !expected(rule))
        .map(|rule| rule.code())
        .collect();
    assert!(untested.is_empty(), "no test expects a finding of {untested:?}");
    let tested_after_all: Vec<&str> =
        UNREACHABLE.iter().filter(|rule| expected(rule)).map(|rule| rule.code()).collect();
    assert!(tested_after_all.is_empty(), "{tested_after_all:?} are tested now: take them out of UNREACHABLE");
}
