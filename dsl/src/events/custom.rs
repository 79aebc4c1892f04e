//! An event pattern written as JSON, for events pipewright has no typed
//! pattern for, and the check of its shape.

use serde_json::Value;

/// The fields of an EventBridge event, the top-level keys of a pattern.
const EVENT_FIELDS: &[&str] =
    &["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"];

/// An event pattern written as JSON: an object whose keys are event fields
/// (`source`, `detail-type`, `detail`, `account`, `region`, `resources`,
/// ...) or `$or`, each holding a list of values to match (`detail` an
/// object of such lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomPattern(Value);

impl CustomPattern {
    /// The pattern `pattern`, checked when the pipeline is validated.
    pub fn new(pattern: Value) -> CustomPattern {
        CustomPattern(pattern)
    }

    /// The pattern as written.
    pub fn value(&self) -> &Value {
        &self.0
    }

    /// What EventBridge would refuse in the pattern's shape, if anything.
    ///
    /// ```
    /// use pipewright_dsl::events::CustomPattern;
    /// use serde_json::json;
    ///
    /// assert_eq!(CustomPattern::new(json!({"source": ["aws.ecr"]})).problem(), None);
    /// assert_eq!(
    ///     CustomPattern::new(json!({"sources": ["aws.ecr"]})).problem().unwrap(),
    ///     "the pattern's key \"sources\" is not an event field; use source, detail-type, detail, account, region, \
    ///      resources, id, time, version or $or"
    /// );
    /// ```
    pub fn problem(&self) -> Option<String> {
        let Some(fields) = self.0.as_object() else {
            return Some(format!(
                "the pattern is {}, not a JSON object; write an object such as \
                 {{\"source\": [\"aws.ecr\"], \"detail-type\": [\"ECR Image Action\"]}}",
                kind(&self.0)
            ));
        };
        if fields.is_empty() {
            return Some("the pattern is empty and would match nothing; give at least \"source\"".to_owned());
        }
        for (key, value) in fields {
            let problem = match key.as_str() {
                "detail" if !value.is_object() => {
                    Some(format!("\"detail\" is {}; write an object of fields", kind(value)))
                }
                "$or" if !value.is_array() => Some(format!("\"$or\" is {}; write a list of patterns", kind(value))),
                "detail" | "$or" => None,
                field if EVENT_FIELDS.contains(&field) && !value.is_array() => Some(format!(
                    "\"{field}\" is {}; write a list of the values to match, e.g. [\"value\"]",
                    kind(value)
                )),
                field if EVENT_FIELDS.contains(&field) => None,
                other => Some(format!(
                    "the pattern's key \"{other}\" is not an event field; use source, detail-type, detail, account, \
                     region, resources, id, time, version or $or"
                )),
            };
            if problem.is_some() {
                return problem;
            }
        }
        None
    }
}

/// What kind of JSON value `value` is, as a message says it.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
