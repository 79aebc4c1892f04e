//! `synth validate` accepts everything synth writes: each example and each
//! corpus rebuild (`crate::corpus`, which needs no corpus file) is
//! synthesized into a folder of its own, once with JSON and once with YAML
//! templates, and the standalone `synth validate` checks the folder: it must
//! exit 0, print nothing on stderr, know every file, and find no error.
//!
//! With `PIPEWRIGHT_KEEP_OUTPUTS=<dir>` the folders are written to
//! `<dir>/<examples|corpus>/<name>/<json|yaml>` and kept (emptied first),
//! for other tools to check: `scripts/validate-outputs` lints the corpus
//! rebuilds' templates with cfn-lint this way.

use std::path::{Path, PathBuf};

use pipewright::prelude::*;
use pipewright::synth::{standalone, Exit};

use crate::{corpus, examples};

/// The variable naming the folder the output folders are kept in.
const KEEP: &str = "PIPEWRIGHT_KEEP_OUTPUTS";

/// Where one output folder is written: under [`KEEP`] when it is set, else
/// a temporary folder (removed when the guard is dropped).
fn output_folder(group: &str, name: &str, format: Format) -> (PathBuf, Option<tempfile::TempDir>) {
    let format = match format {
        Format::Json => "json",
        _ => "yaml",
    };
    match std::env::var_os(KEEP) {
        Some(root) => {
            let folder = Path::new(&root).join(group).join(name).join(format);
            if folder.exists() {
                std::fs::remove_dir_all(&folder).unwrap();
            }
            std::fs::create_dir_all(&folder).unwrap();
            (folder, None)
        }
        None => {
            let temporary = tempfile::tempdir().unwrap();
            (temporary.path().to_owned(), Some(temporary))
        }
    }
}

/// Synthesizes `pipelines` in both formats and checks each folder with
/// `synth validate`; returns what went wrong, one entry per folder.
fn refusals(group: &str, name: &str, pipelines: &[Pipeline]) -> Vec<String> {
    let mut found = Vec::new();
    for format in [Format::Json, Format::Yaml] {
        let (out, _guard) = output_folder(group, name, format);
        if let Err(error) = Synth::new(&out).add_all(pipelines).format(format).write() {
            found.push(format!("{group}/{name} ({format:?}): synth failed: {error}"));
            continue;
        }
        let folder = out.to_str().unwrap();
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let exit = standalone::run(["synth", "validate", folder], &mut stdout, &mut stderr);
        let shown = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(folder, "<out>");
        let (stdout, stderr) = (shown(stdout), shown(stderr));
        let accepted = exit == Exit::Success
            && stderr.is_empty()
            && stdout.contains("<out>/manifest.json: checked: the manifest\n")
            && !stdout.contains("skipped")
            && stdout.lines().last().is_some_and(|last| last.contains(": 0 errors,"));
        if !accepted {
            found.push(format!("{group}/{name} ({format:?}): exit {exit:?}\n{stdout}{stderr}"));
        }
    }
    found
}

#[test]
fn every_file_synth_writes_for_the_examples_and_the_corpus_rebuilds_is_accepted() {
    let mut found = Vec::new();
    for (example, pipelines) in examples::all() {
        found.extend(refusals("examples", example, &pipelines));
    }
    for rebuild in corpus::rebuilds() {
        let name = rebuild.file.rsplit_once('.').map_or(rebuild.file, |(stem, _)| stem);
        found.extend(refusals("corpus", name, &[(rebuild.pipeline)()]));
    }
    assert!(found.is_empty(), "synth validate refused what synth wrote:\n{}", found.join("\n"));
}
