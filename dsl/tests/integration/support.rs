//! Helpers shared by the action tests: a pipeline to add an action to, the
//! JSON of one built action, and the origin document's fragments kept in
//! `tests/data/seed/`.

use pipewright_dsl::prelude::*;
use pipewright_dsl::{ActionHandle, StageBuilder};
use serde_json::Value;

/// The handle of the CodeCommit source action "Checkout".
pub type Checkout<'p> = ActionHandle<'p, 1, CodeCommitVariables<'p>>;

/// A pipeline "p" whose source stage holds the CodeCommit action "Checkout"
/// (repository "repo", branch "main", output "CheckoutOutput") and whose
/// second stage, named `stage`, holds what `add` adds given that action.
pub fn after_checkout<F>(stage: &str, add: F) -> Pipeline
where
    F: for<'p> FnOnce(&mut StageBuilder<'p, '_>, Checkout<'p>),
{
    Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage(stage, |s| add(s, source));
    })
}

/// The ActionDeclaration JSON of action `action` of stage `stage`.
pub fn action_json(pipeline: &Pipeline, stage: usize, action: usize) -> Value {
    serde_json::to_value(&pipeline.declaration().stages[stage].actions[action]).expect("an action is JSON")
}

/// The StageDeclaration JSON of stage `stage`.
pub fn stage_json(pipeline: &Pipeline, stage: usize) -> Value {
    serde_json::to_value(&pipeline.declaration().stages[stage]).expect("a stage is JSON")
}

/// A fragment of the origin document, from `tests/data/seed/<file>`.
pub fn seed(file: &str) -> Value {
    let path = format!("{}/../tests/data/seed/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {path}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path} is not JSON: {error}"))
}

/// Asserts that every field the seed fragment shows has exactly that value in
/// `actual`, keys in the same order (a fragment shows only part of an action,
/// e.g. no artifacts).
pub fn assert_reproduces(actual: &Value, fragment: &Value) {
    let fields = fragment.as_object().expect("a seed fragment is an object");
    assert!(!fields.is_empty(), "the fragment shows nothing to compare");
    for (key, expected) in fields {
        let actual_field = actual.get(key).unwrap_or_else(|| panic!("no field `{key}` in {actual:#}"));
        assert_eq!(actual_field.to_string(), expected.to_string(), "field `{key}`");
    }
}

/// Asserts that `actual` holds what a partial fragment shows: objects are
/// compared key by key (keys the fragment leaves out are ignored), anything
/// else exactly. For fragments that show one setting of a configuration.
pub fn assert_contains(actual: &Value, fragment: &Value) {
    match fragment {
        Value::Object(fields) => {
            assert!(!fields.is_empty(), "the fragment shows nothing to compare");
            for (key, expected) in fields {
                let actual_field = actual.get(key).unwrap_or_else(|| panic!("no field `{key}` in {actual:#}"));
                assert_contains(actual_field, expected);
            }
        }
        _ => assert_eq!(actual, fragment),
    }
}
