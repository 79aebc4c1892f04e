//! The forms of a pipeline that AWS reads alike, which the comparisons of
//! a synthesized pipeline with its original treat as equal. One file for
//! both test binaries that compare: this one (the import round trip) and
//! the workspace's (`tests/integration/corpus_equal.rs`, which includes it
//! by path), so the two never disagree on what counts as equal. It is a
//! test module rather than a public function of the crate because it is a
//! rule of these comparisons, not something a user of the crate calls.
//!
//! - **Empty lists and objects** ([`EMPTY_MEANS_ABSENT`]): an action's
//!   `inputArtifacts: []`, `outputArtifacts: []` or `configuration: {}`
//!   (either case) equals the key left out. `get-pipeline` writes the empty
//!   lists for every action that has none, and CodePipeline stores an action
//!   without artifacts or configuration the same either way; synth leaves
//!   the keys out.
//! - **JSON text** ([`JSON_TEXT_KEYS`]): the configuration values that
//!   CodeBuild (`EnvironmentVariables`) and CloudFormation
//!   (`ParameterOverrides`) parse as JSON are compared as the JSON values
//!   they hold.
//! - **The version** of a `get-pipeline` document (`pipeline.version`) is
//!   AWS's count of the pipeline's updates, not part of its definition; it
//!   is not compared ([`without_version`]).

use serde_json::Value;

/// The keys whose empty list or object equals the key left out.
pub const EMPTY_MEANS_ABSENT: [&str; 6] =
    ["inputArtifacts", "outputArtifacts", "configuration", "InputArtifacts", "OutputArtifacts", "Configuration"];

/// The configuration keys whose text is compared as the JSON value it holds.
pub const JSON_TEXT_KEYS: [&str; 2] = ["EnvironmentVariables", "ParameterOverrides"];

/// Whether `value` is an empty list or object.
pub fn is_empty_container(value: &Value) -> bool {
    value.as_array().is_some_and(Vec::is_empty) || value.as_object().is_some_and(serde_json::Map::is_empty)
}

/// Whether `value`, present at `key` on one side only, equals the key left out.
pub fn empty_means_absent(key: &str, value: &Value) -> bool {
    EMPTY_MEANS_ABSENT.contains(&key) && is_empty_container(value)
}

/// The JSON value held by the text at `key`, when `key` is one of
/// [`JSON_TEXT_KEYS`] and the text parses.
pub fn json_text(key: &str, value: &Value) -> Option<Value> {
    JSON_TEXT_KEYS.contains(&key).then(|| serde_json::from_str(value.as_str()?).ok()).flatten()
}

/// Whether the texts `a` and `b` at `key` hold the same JSON value.
pub fn same_json_text(key: &str, a: &Value, b: &Value) -> bool {
    json_text(key, a).is_some_and(|value| Some(value) == json_text(key, b))
}

/// Takes the `version` out of a `get-pipeline` document, returning it.
pub fn without_version(document: &mut Value) -> Option<Value> {
    document.get_mut("pipeline")?.as_object_mut()?.remove("version")
}
