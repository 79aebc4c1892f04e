//! Data flows one way inside the crate: every top-level module of `dsl/src`
//! uses only the modules of its own layer or of the layers above it, and no
//! top-level modules import each other in a cycle (the order is stated in
//! the crate docs, `dsl/src/lib.rs`). Run with
//! `cargo test -p pipewright-dsl --test integration module_order::`.
//!
//! How a dependency is read: a file belongs to the top-level module of its
//! path (`src/builder/finish.rs` to `builder`); every `crate::name` and
//! `$crate::name` in its code (comments and `#[cfg(test)] mod tests` left
//! out), and every first segment inside `use crate::{...}`, is a dependency
//! on `name` when `name` is a top-level module. When `name` is a root
//! re-export (`crate::Violation`), it is a dependency on the module `lib.rs`
//! re-exports it from (`pub use validate::{..}` gives `validate`), except
//! the findings types ([`FINDINGS`]), which are their own layer, `findings`,
//! wherever they are defined.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

/// The layers, first to last: a module may use its own layer and those
/// above it. Keep in step with the crate docs in `dsl/src/lib.rs`.
const LAYERS: &[(&str, &[&str])] = &[
    ("the model and plain helpers", &["model", "printable", "arn", "cfn", "references", "iam", "provision"]),
    (
        "what every action is made of",
        &["action_ref", "artifact", "variables", "action_handle", "text", "inputs", "action_spec"],
    ),
    ("provider descriptions", &["providers"]),
    ("findings", &["findings"]),
    (
        "the finished pipeline and what lives around it",
        &[
            "events",
            "notifications",
            "template",
            "pipeline",
            "surroundings",
            "placement",
            "cross_account",
            "support",
            "stack",
        ],
    ),
    ("builders", &["actions", "builder"]),
    ("validation rules", &["validate"]),
];

/// The root re-exports that form the findings layer, whichever module
/// defines them.
const FINDINGS: &[&str] = &["Location", "Severity", "Violation", "Violations", "Rule", "RuleGroup"];

/// Each top-level module and the top-level modules (or `findings`) it uses.
type Dependencies = BTreeMap<String, BTreeSet<String>>;

/// The dependencies among the top-level modules of `files`, given as
/// (path relative to `src`, text); `lib.rs` supplies the root re-exports.
fn dependencies(files: &[(String, String)]) -> Dependencies {
    let top_of = |path: &str| path.split('/').next().unwrap_or(path).trim_end_matches(".rs").to_owned();
    let modules: BTreeSet<String> = files.iter().map(|(path, _)| top_of(path)).filter(|top| top != "lib").collect();
    let lib = files.iter().find(|(path, _)| path == "lib.rs").map(|(_, text)| text.as_str()).unwrap_or("");
    let reexports = root_reexports(lib);
    let resolve = |name: &str| -> Option<String> {
        if FINDINGS.contains(&name) {
            Some("findings".to_owned())
        } else if modules.contains(name) {
            Some(name.to_owned())
        } else {
            reexports.get(name).cloned()
        }
    };
    let mut dependencies = Dependencies::new();
    for (path, text) in files {
        let top = top_of(path);
        if top == "lib" {
            continue;
        }
        let used = dependencies.entry(top.clone()).or_default();
        for name in crate_paths(&code_of(text)) {
            if let Some(module) = resolve(&name).filter(|module| *module != top) {
                used.insert(module);
            }
        }
    }
    dependencies
}

/// `text` without comments and without a trailing `#[cfg(test)] mod tests`.
fn code_of(text: &str) -> String {
    let tests = Regex::new(r"(?s)#\[cfg\(test\)\]\s*mod tests\s*\{.*").expect("a valid pattern");
    let comments = Regex::new(r"//[^\n]*").expect("a valid pattern");
    comments.replace_all(&tests.replace(text, ""), "").into_owned()
}

/// The first segment of every path starting at `crate::`, including each
/// item of a `crate::{...}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let single = Regex::new(r"crate::(\w+)").expect("a valid pattern");
    let mut names: Vec<String> = single.captures_iter(code).map(|capture| capture[1].to_owned()).collect();
    for (start, _) in code.match_indices("crate::{") {
        let group = &code[start + "crate::{".len()..];
        let mut depth = 0;
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    names.extend(first_segment(&item));
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        names.extend(first_segment(&item));
    }
    names
}

/// `a` of `a::b::{c}` or of `a as b`.
fn first_segment(item: &str) -> Option<String> {
    let segment = item.trim().split(|c: char| !(c.is_alphanumeric() || c == '_')).next()?;
    (!segment.is_empty()).then(|| segment.to_owned())
}

/// The items `lib.rs` re-exports at the crate root, each with the module it
/// re-exports it from (`pub use module::{A, B};`, `pub use module::A;`).
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let reexport = Regex::new(r"pub use (\w+)::(\{[^}]*\}|\w+);").expect("a valid pattern");
    let mut reexports = BTreeMap::new();
    for capture in reexport.captures_iter(lib) {
        for item in capture[2].trim_matches(|c| c == '{' || c == '}').split(',') {
            if let Some(name) = first_segment(item) {
                reexports.insert(name, capture[1].to_owned());
            }
        }
    }
    reexports
}

/// The modules that import each other in a cycle (the strongly connected
/// components with more than one module), each sorted.
fn cycles(dependencies: &Dependencies) -> Vec<Vec<String>> {
    let reaches = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(module) = todo.pop() {
            for next in dependencies.get(&module).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> =
        dependencies.keys().map(|module| (module, reaches(module))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (module, reached) in &reach {
        let cycle: Vec<String> = reach
            .iter()
            .filter(|(other, back)| reached.contains(other.as_str()) && back.contains(module.as_str()))
            .map(|(other, _)| (*other).clone())
            .collect();
        if cycle.len() > 1 && !found.contains(&cycle) {
            found.push(cycle);
        }
    }
    found
}

/// Each cycle as `a -> [b]; b -> [a]`: its modules and what each uses
/// inside the cycle.
fn describe(cycles: &[Vec<String>], dependencies: &Dependencies) -> String {
    cycles
        .iter()
        .map(|cycle| {
            cycle
                .iter()
                .map(|module| {
                    let inside: Vec<&String> =
                        dependencies[module].iter().filter(|used| cycle.contains(used)).collect();
                    format!("{module} -> {inside:?}")
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `.rs` file under `dsl/src`, as (path relative to `src`, text).
fn dsl_sources() -> Vec<(String, String)> {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("dsl/src is readable").flatten().collect();
        entries.sort_by_key(|entry| entry.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, files);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(root).expect("under src").to_string_lossy().replace('\\', "/");
                files.push((relative, std::fs::read_to_string(&path).expect("a source file is text")));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files
}

#[test]
fn no_top_level_modules_of_the_dsl_crate_import_each_other_in_a_cycle() {
    let dependencies = dependencies(&dsl_sources());
    let found = cycles(&dependencies);
    assert!(
        found.is_empty(),
        "top-level modules of dsl/src import each other in a cycle:\n{}",
        describe(&found, &dependencies)
    );
}

#[test]
fn every_top_level_module_of_the_dsl_crate_uses_only_its_layer_and_those_above() {
    let layer_of = |module: &str| LAYERS.iter().position(|(_, modules)| modules.contains(&module));
    let mut wrong = Vec::new();
    for (module, used) in dependencies(&dsl_sources()) {
        let Some(layer) = layer_of(&module) else {
            wrong.push(format!("{module} is in no layer: add it to LAYERS here and to the order in dsl/src/lib.rs"));
            continue;
        };
        for other in used {
            if layer_of(&other).is_some_and(|theirs| theirs > layer) {
                wrong.push(format!("{module} ({}) uses {other}, which comes later", LAYERS[layer].0));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_cycle_is_named_with_its_modules_and_root_reexports_count_as_their_module() {
    let file = |path: &str, text: &str| (path.to_owned(), text.to_owned());
    let files = [
        file("lib.rs", "mod handle;\nmod text;\npub use text::{Text, Word};\npub use rules::Location;\n"),
        file("handle.rs", "use crate::variables::VariableSet;\n// crate::text in a comment is not a use\n"),
        file("variables/mod.rs", "use crate::{handle::ActionRef, Text};\n"),
        file("text.rs", "use crate::Violation;\n#[cfg(test)]\nmod tests {\n    use crate::handle;\n}\n"),
    ];
    let dependencies = dependencies(&files);
    assert_eq!(dependencies["handle"], BTreeSet::from(["variables".to_owned()]));
    assert_eq!(dependencies["variables"], BTreeSet::from(["handle".to_owned(), "text".to_owned()]));
    assert_eq!(dependencies["text"], BTreeSet::from(["findings".to_owned()]));
    let found = cycles(&dependencies);
    assert_eq!(found, [["handle".to_owned(), "variables".to_owned()]]);
    assert_eq!(describe(&found, &dependencies), r#"handle -> ["variables"]; variables -> ["handle"]"#);
}
