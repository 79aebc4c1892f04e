//! Every file every example writes, pinned with insta snapshots in
//! `snapshots/` (review changes with `cargo insta review`).
//!
//! Each example is synthesized with JSON templates and with YAML templates.
//! Files that depend on the format (templates and the manifest) are pinned
//! for each run (`<example>__json__...`, `<example>__yaml__...`); the others
//! are pinned once (`<example>__<path>`) and must be byte-for-byte the same
//! in both runs. A listing of the output folder is pinned
//! too, so a file that appears or disappears shows up in review.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::examples::{
    build_and_deploy, conditional_environments, cross_region_cross_account, custom_event_rule, minimal, seed,
    stack_set_across_accounts, variables_and_approval,
};
use pipewright::prelude::*;

/// Synthesizes `pipelines` into a temporary folder and reads back every
/// file, by path from the output folder.
fn synthesize(pipelines: &[Pipeline], format: Format) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                files.insert(relative, fs::read_to_string(&path).unwrap());
            }
        }
    }
    let out = tempfile::tempdir().unwrap();
    Synth::new(out.path()).add_all(pipelines).format(format).write().unwrap();
    let mut files = BTreeMap::new();
    walk(out.path(), out.path(), &mut files);
    files
}

/// Whether a file depends on the template format: the templates, and the
/// manifest that names them.
fn format_specific(path: &str) -> bool {
    path == "manifest.json" || path.ends_with("/template.json") || path.ends_with("/template.yaml")
}

fn assert_example_snapshots(example: &str, pipelines: &[Pipeline]) {
    let json = synthesize(pipelines, Format::Json);
    let yaml = synthesize(pipelines, Format::Yaml);
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        for (format, files) in [("json", &json), ("yaml", &yaml)] {
            let listing: String = files.keys().map(|path| format!("{path}\n")).collect();
            insta::assert_snapshot!(format!("{example}__{format}__files"), listing);
        }
        for (path, contents) in &json {
            let name = if format_specific(path) { format!("{example}__json__{path}") } else { format!("{example}__{path}") };
            insta::assert_snapshot!(name, contents);
        }
        for (path, contents) in &yaml {
            if format_specific(path) {
                insta::assert_snapshot!(format!("{example}__yaml__{path}"), contents);
            } else {
                assert_eq!(Some(contents), json.get(path), "{example}: only templates and the manifest may differ");
            }
        }
    });
}

#[test]
fn minimal() {
    assert_example_snapshots("01_minimal", &[minimal::pipeline()]);
}

#[test]
fn build_and_deploy() {
    assert_example_snapshots("02_build_and_deploy", &[build_and_deploy::pipeline()]);
}

#[test]
fn variables_and_approval() {
    assert_example_snapshots("03_variables_and_approval", &[variables_and_approval::pipeline()]);
}

#[test]
fn cross_region_cross_account() {
    assert_example_snapshots("04_cross_region_cross_account", &[cross_region_cross_account::pipeline()]);
}

#[test]
fn stack_set_across_accounts() {
    assert_example_snapshots("05_stack_set_across_accounts", &[stack_set_across_accounts::pipeline()]);
}

#[test]
fn custom_event_rule() {
    assert_example_snapshots("06_custom_event_rule", &[custom_event_rule::pipeline()]);
}

#[test]
fn conditional_environments() {
    assert_example_snapshots("07_conditional_environments", &[conditional_environments::pipeline()]);
}

#[test]
fn seed() {
    assert_example_snapshots("seed", &seed::pipelines());
}
