//! `synth import` round trip: every pipeline JSON of the seed (and, with
//! ../shared, the corpus's get-pipeline JSON) is imported by the binary,
//! all generated programs go into ONE scratch crate with path dependencies
//! on the workspace, which is linted with clippy `-D warnings` once, built
//! once and run; each pipeline's synthesized API JSON must equal the input
//! except exactly at the paths the import listed as not reproduced.
//!
//! Templates (the import fixtures that are templates, and with ../shared
//! the corpus's) go the same way to synthesized templates, compared as JSON
//! values whose scalars are compared as strings: the pipeline's
//! `Properties`, the EventBridge and notification rules about it, the
//! template's `Parameters` and `Conditions`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

use crate::normalisation::{empty_means_absent, same_json_text, without_version};
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

/// The paths where `a` and `b` differ, `pipeline.stages[0].name` style;
/// where they differ only in forms AWS reads alike (see
/// [`crate::normalisation`]), the path goes to `normalised` instead.
fn differences(a: &Value, b: &Value, path: &str, found: &mut BTreeSet<String>, normalised: &mut BTreeSet<String>) {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    let key = path.rsplit(['.', ']']).next().unwrap_or_default();
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys()) {
                match (a.get(key), b.get(key)) {
                    (Some(a), Some(b)) => differences(a, b, &join(key), found, normalised),
                    (Some(value), None) | (None, Some(value)) if empty_means_absent(key, value) => {
                        normalised.insert(join(key));
                    }
                    _ => {
                        found.insert(join(key));
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if !a.is_empty() && !b.is_empty() => {
            for index in 0..a.len().max(b.len()) {
                match (a.get(index), b.get(index)) {
                    (Some(a), Some(b)) => differences(a, b, &format!("{path}[{index}]"), found, normalised),
                    _ => {
                        found.insert(format!("{path}[{index}]"));
                    }
                }
            }
        }
        _ if a == b => {}
        _ if same_json_text(key, a, b) => {
            normalised.insert(path.to_owned());
        }
        _ => {
            found.insert(path.to_owned());
        }
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

/// What the round trip found for one file.
pub(crate) struct RoundTrip {
    pub(crate) module: String,
    /// The paths the import reported as not reproduced.
    pub(crate) reported: BTreeSet<String>,
    /// The paths where the synthesized pipeline differs from the input,
    /// after the normalisations.
    pub(crate) differences: BTreeSet<String>,
}

/// The round trip of `files`: imports, one scratch crate, clippy, one run.
/// Each difference must be one the import reported, and each path it
/// reported must differ or be normalised away (an empty list it leaves out).
pub(crate) fn round_trip(files: &[PathBuf]) -> Vec<RoundTrip> {
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
    let mut results = Vec::new();
    for file in &imported {
        let written = &documents[&file.module][0];
        let mut found = BTreeSet::new();
        let mut normalised = BTreeSet::new();
        let mut input = file.input.clone();
        if without_version(&mut input).is_some() {
            normalised.insert("pipeline.version".to_owned());
        }
        differences(&input, written, "", &mut found, &mut normalised);
        for path in &normalised {
            println!("{}: normalised {path}", file.module);
        }
        table.push_str(&format!(
            "| {} | {} | {} / {} | {} |\n",
            file.module,
            found.len(),
            file.rust_lines,
            file.input_lines,
            file.millis
        ));
        let expected: BTreeSet<String> = file.reported.difference(&normalised).cloned().collect();
        assert_eq!(found, expected, "{}: the differences are not the ones reported", file.module);
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
        results.push(found);
    }
    println!("{table}");
    imported
        .into_iter()
        .zip(results)
        .map(|(file, differences)| RoundTrip { module: file.module, reported: file.reported, differences })
        .collect()
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
    for file in round_trip(&files) {
        // The seed's pipelines come back whole; the import fixtures show what
        // import cannot carry over (each such difference is reported).
        if file.module != "p_invalid" {
            assert!(file.differences.is_empty(), "{}: differs at {:?}", file.module, file.differences);
        }
    }
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_get_pipeline_json_round_trips_through_typed_rust() {
    for file in round_trip(&[
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/03-get-pipeline-codecommit-lambda.json")
    ]) {
        assert!(file.differences.is_empty(), "{}: differs at {:?}", file.module, file.differences);
    }
}

/// The import fixtures that are templates (parameters, conditions, rules
/// that start and watch the pipeline, a notification rule, resources import
/// leaves in the template) round trip like the corpus's templates.
#[test]
fn seed_templates_round_trip_through_typed_rust() {
    let fixtures = workspace().join("synth/tests/data/import");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no template in {}", fixtures.display());
    template_round_trip(&files);
}

/// The corpus's templates round trip: each is imported by the binary, all
/// programs go into one scratch crate (clippy `-D warnings`, one run), and
/// each pipeline's synthesized template must equal its input as JSON values
/// whose scalars are compared as strings (CloudFormation's coercion): the
/// pipeline resource's `Properties`, and the EventBridge and notification
/// rules about the pipeline, in order, with every rule synth writes, and the
/// template's `Parameters` and `Conditions`. Each difference must be one the
/// import listed as not reproduced (a pipeline path in its API form,
/// `pipeline.stages[0].name`, or a path in the template,
/// `Resources.Rule.Properties.State`, `Parameters.Token.MinLength`), and
/// each such template path it listed must differ.
#[test]
#[ignore = "needs ../shared/corpus"]
fn corpus_templates_round_trip_through_typed_rust() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|file| {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            file.extension().is_some_and(|extension| extension == "yaml" || extension == "json")
                && text.contains("Resources")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no templates in {}", corpus.display());
    for (module, count) in template_round_trip(&files) {
        assert_eq!(count, 0, "{module}: differs from its template (see the table)");
    }
}

/// One imported template.
struct ImportedTemplate {
    module: String,
    file: PathBuf,
    /// `(source, path)` of each thing the import said it does not reproduce.
    reported: BTreeSet<(String, String)>,
    /// The sources of its pipelines, `file > LogicalId`, in order.
    sources: Vec<String>,
    rust_lines: usize,
    input_lines: usize,
    millis: u128,
}

/// The template round trip of `files` (see
/// [`corpus_templates_round_trip_through_typed_rust`]); returns each
/// file's module and its number of differences after the normalisations.
fn template_round_trip(files: &[PathBuf]) -> Vec<(String, usize)> {
    let scratch = scratch_crate();
    let crate_dir = scratch.path();
    let mut imported = Vec::new();
    for file in files {
        let module = format!("p_{}", file.file_stem().unwrap().to_string_lossy().replace(['-', '.'], "_"));
        let name = file.to_str().unwrap();
        let started = Instant::now();
        let (exit, code, stderr) = synth(&["import", "--function", name], &workspace());
        let millis = started.elapsed().as_millis();
        assert_eq!(exit, 0, "{stderr}");
        assert!(!stderr.contains("are not yet"), "{stderr}");
        std::fs::write(crate_dir.join(format!("src/{module}.rs")), &code).unwrap();
        let reported = stderr
            .lines()
            .filter_map(|line| line.strip_prefix("not reproduced: "))
            .filter_map(|rest| {
                let (source, rest) = rest.split_once(": ")?;
                Some((source.to_owned(), rest.split_once(": ")?.0.to_owned()))
            })
            .collect();
        let read = pipewright_synth::input::read_file(file, pipewright_synth::input::DEFAULT_MAX_FILE_SIZE).unwrap();
        imported.push(ImportedTemplate {
            module,
            file: file.clone(),
            reported,
            sources: read.pipelines.iter().map(|pipeline| pipeline.source.clone()).collect(),
            rust_lines: code.lines().count(),
            input_lines: std::fs::read_to_string(file).unwrap().lines().count(),
            millis,
        });
    }
    let modules: String = imported.iter().map(|file| format!("pub mod {};\n", file.module)).collect();
    std::fs::write(crate_dir.join("src/lib.rs"), format!("//! Imported pipelines.\n{modules}")).unwrap();
    let printed: String = imported
        .iter()
        .map(|file| {
            format!(
                "documents.insert({:?}.to_owned(), imported::{}::pipelines().iter().map(|p| \
                 serde_json::to_value(pipewright_synth::emit::cloudformation::template(p).unwrap()).unwrap())\
                 .collect::<Vec<_>>().into());\n",
                file.module, file.module
            )
        })
        .collect();
    std::fs::write(
        crate_dir.join("src/bin/templates.rs"),
        format!(
            "//! Prints each module's pipelines as templates.\nfn main() {{\nlet mut documents = \
             serde_json::Map::new();\n{printed}println!(\"{{}}\", serde_json::Value::Object(documents));\n}}\n"
        ),
    )
    .unwrap();
    cargo(crate_dir, &["clippy", "--offline", "--quiet", "--all-targets", "--", "-D", "warnings"]);
    let output = cargo(crate_dir, &["run", "--offline", "--quiet", "--bin", "templates"]);
    let documents: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut table = String::from("| file | differences | Rust lines / input lines | import ms |\n|---|---|---|---|\n");
    let mut wrong = Vec::new();
    let mut counts = Vec::new();
    for file in &imported {
        let text = std::fs::read_to_string(&file.file).unwrap();
        let original = pipewright_dsl::model::cloudformation::parse_template(&text).unwrap();
        let mut count = 0;
        for (index, source) in file.sources.iter().enumerate() {
            let rest = source.rsplit_once(" > ").unwrap().1;
            let (logical_id, branch) = match rest.split_once(" (") {
                Some((logical_id, branch)) => (logical_id, Some(branch.starts_with("every condition true"))),
                None => (rest, None),
            };
            let written = &documents[&file.module][index];
            let (found, normalised) = template_differences(&original, logical_id, branch, written);
            for path in &normalised {
                println!("{source}: normalised {path}");
            }
            count += found.len();
            let reported: Vec<&String> =
                file.reported.iter().filter(|(from, _)| from == source).map(|(_, path)| path).collect();
            let covers = |reported: &str, difference: &str| {
                let within = |inner: &str, outer: &str| {
                    inner == outer || inner.starts_with(&format!("{outer}.")) || inner.starts_with(&format!("{outer}["))
                };
                within(difference, reported) || within(reported, difference)
            };
            for difference in &found {
                if !reported.iter().any(|reported| covers(reported, difference)) {
                    wrong.push(format!("{source}: {difference} differs and is not reported; reported: {reported:?}"));
                }
            }
            let surrounding = ["Resources.", "Parameters.", "Conditions."];
            for rule_loss in reported.iter().filter(|path| surrounding.iter().any(|start| path.starts_with(start))) {
                if !found.iter().any(|difference| covers(rule_loss, difference)) {
                    wrong.push(format!("{source}: {rule_loss} is reported and does not differ: {found:?}"));
                }
            }
        }
        table.push_str(&format!(
            "| {} | {} | {} / {} | {} |\n",
            file.module, count, file.rust_lines, file.input_lines, file.millis
        ));
        counts.push((file.module.clone(), count));
    }
    println!("{table}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    counts
}

/// The paths where the synthesized `written` template differs from
/// `original` for its pipeline `logical_id` (read with every condition
/// true or false when `branch` says so): the pipeline's properties, mapped
/// to the API form's paths, and its rules, mapped to the original's
/// `Resources.<id>.Properties` paths. Second, where the two differ only in
/// forms AWS reads alike ([`crate::normalisation`]), by the same paths.
fn template_differences(
    original: &Value,
    logical_id: &str,
    branch: Option<bool>,
    written: &Value,
) -> (Vec<String>, Vec<String>) {
    let resolve = |value: &Value| branch.map_or_else(|| value.clone(), |branch| choose(value, branch));
    let written_id = written["Resources"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, resource)| resource["Type"] == "AWS::CodePipeline::Pipeline")
        .map(|(id, _)| id.clone())
        .unwrap();
    let mut found = BTreeSet::new();
    let mut normalised = BTreeSet::new();
    template_paths(
        &resolve(&original["Resources"][logical_id]["Properties"]),
        &written["Resources"][&written_id]["Properties"],
        "",
        &mut found,
        &mut normalised,
    );
    let mut paths: Vec<String> = found.into_iter().map(|path| api_path(&path)).collect();
    let mut normalised_paths: Vec<String> = normalised.into_iter().map(|path| api_path(&path)).collect();
    // The template's parameters, mappings and conditions, by their paths there.
    for section in ["Parameters", "Mappings", "Conditions"] {
        let absent = Value::Object(serde_json::Map::new());
        let original = original.get(section).unwrap_or(&absent);
        let mut found = BTreeSet::new();
        let mut normalised = BTreeSet::new();
        template_paths(original, written.get(section).unwrap_or(&absent), section, &mut found, &mut normalised);
        paths.extend(found);
        normalised_paths.extend(normalised);
    }
    let original_rules: Vec<(&String, &Value)> = pipewright_synth::import::pipeline_rules(original, logical_id);
    let written_rules: Vec<&Value> = written["Resources"]
        .as_object()
        .unwrap()
        .values()
        .filter(|resource| {
            resource["Type"] == "AWS::Events::Rule"
                || resource["Type"] == "AWS::CodeStarNotifications::NotificationRule"
        })
        .collect();
    for index in 0..original_rules.len().max(written_rules.len()) {
        match (original_rules.get(index), written_rules.get(index)) {
            (Some((id, rule)), Some(other)) => {
                let mut found = BTreeSet::new();
                let mut normalised = BTreeSet::new();
                template_paths(&resolve(&rule["Properties"]), &other["Properties"], "", &mut found, &mut normalised);
                paths.extend(found.into_iter().map(|path| format!("Resources.{id}.Properties{}", dotted(&path))));
                normalised_paths
                    .extend(normalised.into_iter().map(|path| format!("Resources.{id}.Properties{}", dotted(&path))));
            }
            (Some((id, _)), None) => paths.push(format!("Resources.{id}")),
            _ => paths.push(format!("rules[{index}]")),
        }
    }
    (paths, normalised_paths)
}

/// `.path`, or nothing for the root.
fn dotted(path: &str) -> String {
    if path.is_empty() || path.starts_with('[') {
        path.to_owned()
    } else {
        format!(".{path}")
    }
}

/// Differences as [`differences`] finds them, scalars compared as strings.
fn template_paths(a: &Value, b: &Value, path: &str, found: &mut BTreeSet<String>, normalised: &mut BTreeSet<String>) {
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    let key = path.rsplit(['.', ']']).next().unwrap_or_default();
    let text = |value: &Value| match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    };
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys().filter(|key| !a.contains_key(*key))) {
                match (a.get(key), b.get(key)) {
                    (Some(a), Some(b)) => template_paths(a, b, &join(key), found, normalised),
                    (Some(value), None) | (None, Some(value)) if empty_means_absent(key, value) => {
                        normalised.insert(join(key));
                    }
                    _ => {
                        found.insert(join(key));
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for index in 0..a.len().max(b.len()) {
                match (a.get(index), b.get(index)) {
                    (Some(a), Some(b)) => template_paths(a, b, &format!("{path}[{index}]"), found, normalised),
                    _ => {
                        found.insert(format!("{path}[{index}]"));
                    }
                }
            }
        }
        _ if text(a).is_some_and(|a| Some(a) == text(b)) => {}
        _ if a == b => {}
        _ if same_json_text(key, a, b) => {
            normalised.insert(path.to_owned());
        }
        _ => {
            found.insert(path.to_owned());
        }
    }
}

/// A path of a pipeline resource's `Properties` in the API form's words:
/// `Stages[1].Actions[0].RunOrder` → `pipeline.stages[1].actions[0].runOrder`
/// (configuration keys as they are).
fn api_path(path: &str) -> String {
    let mut words = Vec::new();
    let mut in_configuration = false;
    for segment in path.split('.') {
        if in_configuration {
            words.push(segment.to_owned());
            continue;
        }
        in_configuration = segment == "Configuration";
        let mut chars = segment.chars();
        let first = chars.next().map(|first| first.to_ascii_lowercase()).into_iter();
        words.push(first.chain(chars).collect());
    }
    format!("pipeline.{}", words.join("."))
}

/// `value` with each `Fn::If` replaced by its branch, and a branch that is
/// `AWS::NoValue` left out, as the importer's reader does.
fn choose(value: &Value, branch: bool) -> Value {
    let is_no_value = |value: &Value| value.get("Ref").is_some_and(|name| name == "AWS::NoValue");
    let pick = |value: &Value| -> Option<Value> {
        let parts = value.get("Fn::If")?.as_array()?;
        Some(parts[if branch { 1 } else { 2 }].clone())
    };
    match value {
        Value::Object(object) => {
            if let Some(picked) = pick(value) {
                return choose(&picked, branch);
            }
            Value::Object(
                object
                    .iter()
                    .map(|(key, value)| (key.clone(), choose(value, branch)))
                    .filter(|(_, value)| !is_no_value(value))
                    .collect(),
            )
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| choose(item, branch)).filter(|item| !is_no_value(item)).collect())
        }
        other => other.clone(),
    }
}
