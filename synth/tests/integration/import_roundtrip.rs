//! `synth import` round trip: every pipeline JSON of the seed (and, with
//! ../shared, the corpus's get-pipeline JSON) is imported by the binary,
//! all generated programs go into ONE scratch crate with path dependencies
//! on the workspace, which is linted with clippy `-D warnings` once, built
//! once and run; each pipeline's synthesized API JSON must equal the input
//! except exactly at the paths the import listed as not reproduced.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use crate::standalone::synth;

/// The workspace root.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// One imported file.
struct Imported {
    module: String,
    input: Value,
    /// The paths the import said it does not reproduce.
    reported: BTreeSet<String>,
    exit: i32,
    rust_lines: usize,
    input_lines: usize,
    millis: u128,
}

/// The paths where `a` and `b` differ, `pipeline.stages[0].name` style.
fn differences(a: &Value, b: &Value, path: &str, found: &mut BTreeSet<String>) {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys()) {
                match (a.get(key), b.get(key)) {
                    (Some(a), Some(b)) => differences(a, b, &join(key), found),
                    _ => {
                        found.insert(join(key));
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if !a.is_empty() && !b.is_empty() => {
            for index in 0..a.len().max(b.len()) {
                match (a.get(index), b.get(index)) {
                    (Some(a), Some(b)) => differences(a, b, &format!("{path}[{index}]"), found),
                    _ => {
                        found.insert(format!("{path}[{index}]"));
                    }
                }
            }
        }
        _ if a != b => {
            found.insert(path.to_owned());
        }
        _ => {}
    }
}

/// Imports `file` twice (program and function layout) into `crate_dir`.
fn import(file: &Path, module: &str, crate_dir: &Path) -> Imported {
    let file = file.to_str().unwrap();
    let started = Instant::now();
    let (exit, program, stderr) = synth(&["import", file], &workspace());
    let millis = started.elapsed().as_millis();
    let (function_exit, function, _) = synth(&["import", "--function", file], &workspace());
    assert_eq!(exit, function_exit, "{stderr}");
    std::fs::write(crate_dir.join(format!("src/bin/{module}.rs")), &program).unwrap();
    std::fs::write(crate_dir.join(format!("src/{module}.rs")), &function).unwrap();
    let prefix = format!("not reproduced: {file}: ");
    let reported = stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|rest| rest.split_once(": ").unwrap().0.to_owned())
        .collect();
    let text = std::fs::read_to_string(file).unwrap();
    Imported {
        module: module.to_owned(),
        input: serde_json::from_str(&text).unwrap(),
        reported,
        exit,
        rust_lines: program.lines().count(),
        input_lines: text.lines().count(),
        millis,
    }
}

/// Runs `cargo` in the scratch crate with the shared target folder.
fn cargo(crate_dir: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(crate_dir)
        .env("CARGO_TARGET_DIR", workspace().join("target/import-roundtrip"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A scratch crate with path dependencies on the workspace and its
/// Cargo.lock, so `--offline` builds find every dependency.
fn scratch_crate() -> tempfile::TempDir {
    let scratch = tempfile::tempdir().unwrap();
    let crate_dir = scratch.path();
    std::fs::create_dir_all(crate_dir.join("src/bin")).unwrap();
    let root = workspace();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"imported\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\npipewright = {{ path = {root:?} }}\npipewright-synth = {{ path = {synth:?} }}\n\
             serde_json = \"1\"\n\n[workspace]\n",
            synth = root.join("synth")
        ),
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
    scratch
}

/// The round trip of `files`: imports, one scratch crate, clippy, one run.
/// Returns each file's module and the paths reported as not reproduced.
pub(crate) fn round_trip(files: &[PathBuf]) -> Vec<(String, BTreeSet<String>)> {
    let scratch = scratch_crate();
    let crate_dir = scratch.path();
    let imported: Vec<Imported> = files
        .iter()
        .map(|file| {
            let stem = file.file_stem().unwrap().to_string_lossy().replace(['-', '.'], "_");
            import(file, &format!("p_{stem}"), crate_dir)
        })
        .collect();
    let modules: String = imported.iter().map(|file| format!("pub mod {};\n", file.module)).collect();
    std::fs::write(crate_dir.join("src/lib.rs"), format!("//! Imported pipelines.\n{modules}")).unwrap();
    let printed: String = imported
        .iter()
        .map(|file| {
            format!(
                "documents.insert({:?}.to_owned(), imported::{}::pipelines().iter().map(|p| \
                 pipewright_synth::emit::api_json::document(p).unwrap()).collect::<Vec<_>>().into());\n",
                file.module, file.module
            )
        })
        .collect();
    std::fs::write(
        crate_dir.join("src/bin/round_trip.rs"),
        format!(
            "//! Prints each module's pipelines as API JSON.\nfn main() {{\nlet mut documents = \
             serde_json::Map::new();\n{printed}println!(\"{{}}\", serde_json::Value::Object(documents));\n}}\n"
        ),
    )
    .unwrap();
    cargo(crate_dir, &["clippy", "--offline", "--quiet", "--all-targets", "--", "-D", "warnings"]);
    cargo(crate_dir, &["build", "--offline", "--quiet", "--bins"]);
    let output = cargo(crate_dir, &["run", "--offline", "--quiet", "--bin", "round_trip"]);
    let documents: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut table = String::from("| file | differences | Rust lines / input lines | import ms |\n|---|---|---|---|\n");
    for file in &imported {
        let written = &documents[&file.module][0];
        let mut found = BTreeSet::new();
        differences(&file.input, written, "", &mut found);
        table.push_str(&format!(
            "| {} | {} | {} / {} | {} |\n",
            file.module,
            found.len(),
            file.rust_lines,
            file.input_lines,
            file.millis
        ));
        assert_eq!(found, file.reported, "{}: the differences are not the ones reported", file.module);
        // The program itself writes the same pipeline.json (it validates
        // first, so only an input without errors is written).
        if file.exit == 0 {
            let out = crate_dir.join("out").join(&file.module);
            let program = workspace().join("target/import-roundtrip/debug").join(&file.module);
            let status = Command::new(program).args(["synth", "--quiet", "--out"]).arg(&out).status().unwrap();
            assert!(status.success(), "{}: the program's synth failed", file.module);
            let name = file.input["pipeline"]["name"].as_str().unwrap();
            let text = std::fs::read_to_string(out.join(name).join("pipeline.json")).unwrap();
            assert_eq!(&serde_json::from_str::<Value>(&text).unwrap(), written, "{}", file.module);
        }
    }
    println!("{table}");
    imported.into_iter().map(|file| (file.module, file.reported)).collect()
}

/// The seed's pipeline JSON files, and the import fixtures (every
/// feature import writes; an invalid pipeline).
#[test]
fn seed_pipelines_round_trip_through_typed_rust() {
    let seed = workspace().join("tests/data/seed");
    let fixtures = workspace().join("synth/tests/data/import");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&seed)
        .unwrap()
        .chain(std::fs::read_dir(&fixtures).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            serde_json::from_str::<Value>(&text).ok().is_some_and(|value| value["pipeline"]["name"].is_string())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 3, "no pipeline JSON in {} and {}", seed.display(), fixtures.display());
    round_trip(&files);
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_get_pipeline_json_round_trips_through_typed_rust() {
    round_trip(&[
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/03-get-pipeline-codecommit-lambda.json")
    ]);
}

/// The corpus's templates (one pipeline each, expressions, several
/// providers) import to programs that pass clippy `-D warnings`, and each
/// program's pipeline has the stages and actions of its template.
#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_templates_import_to_programs_that_pass_clippy() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let scratch = scratch_crate();
    let crate_dir = scratch.path();
    let mut counts = String::new();
    let mut modules = String::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let file = entry.unwrap().path();
        let Some(extension) = file.extension().and_then(|extension| extension.to_str()) else { continue };
        if !matches!(extension, "yaml" | "json") {
            continue;
        }
        let module = format!("p_{}", file.file_stem().unwrap().to_string_lossy().replace(['-', '.'], "_"));
        let (exit, code, stderr) = synth(&["import", "--function", file.to_str().unwrap()], &workspace());
        assert_eq!(exit, 0, "{stderr}");
        // A template's other resources are said to be left out; a pipeline JSON has none.
        let is_template = std::fs::read_to_string(&file).unwrap().contains("Resources");
        assert_eq!(stderr.contains("only the template's pipeline resources are imported"), is_template, "{stderr}");
        std::fs::write(crate_dir.join(format!("src/{module}.rs")), code).unwrap();
        modules.push_str(&format!("pub mod {module};\n"));
        let read = pipewright_synth::input::read_file(&file, pipewright_synth::input::DEFAULT_MAX_FILE_SIZE).unwrap();
        let expected: Vec<Vec<usize>> = read
            .pipelines
            .iter()
            .map(|read| read.pipeline.declaration().stages.iter().map(|stage| stage.actions.len()).collect())
            .collect();
        counts.push_str(&format!(
            "assert_eq!(imported::{module}::pipelines().iter().map(|p| p.declaration().stages.iter()\
             .map(|s| s.actions.len()).collect::<Vec<_>>()).collect::<Vec<_>>(), {expected:?}, {module:?});\n"
        ));
    }
    std::fs::write(crate_dir.join("src/lib.rs"), format!("//! Imported pipelines.\n{modules}")).unwrap();
    std::fs::write(crate_dir.join("src/bin/counts.rs"), format!("//! Stage shapes.\nfn main() {{\n{counts}}}\n"))
        .unwrap();
    cargo(crate_dir, &["clippy", "--offline", "--quiet", "--all-targets", "--", "-D", "warnings"]);
    cargo(crate_dir, &["run", "--offline", "--quiet", "--bin", "counts"]);
}
