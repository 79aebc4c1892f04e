//! CloudFormation's PascalCase property names and the API's camelCase field
//! names differ only in the first letter, so a template's pipeline values are
//! recased mechanically into the API's form (writing goes the other way in
//! [`PascalCase`](super::pascal_case::PascalCase)), except inside opaque values: an action's or rule's
//! `Configuration` (its keys are the provider's own) and intrinsic functions
//! (kept exactly as written).

use serde_json::{Map, Value};

use super::value_path::{Segment, ValuePath};
use crate::model::conditional::IF;
use crate::model::{is_intrinsic_name, ReadError};

/// The template key whose value is a provider's configuration map.
const CONFIGURATION: &str = "Configuration";
/// The same key in the API form.
const API_CONFIGURATION: &str = "configuration";

/// The name of the function when `object` is an intrinsic function
/// (`{"Ref": ..}`, `{"Fn::Sub": ..}`, ...).
pub(crate) fn intrinsic_function(object: &Map<String, Value>) -> Option<&str> {
    match object.iter().next() {
        Some((key, _)) if object.len() == 1 && is_intrinsic_name(key) => Some(key),
        _ => None,
    }
}

/// A template mapping in the API's form: keys' first letter lowercased, and
/// booleans and numbers turned into their string form, as CloudFormation
/// coerces them (numeric fields such as `RunOrder` read numeric strings).
/// A `Configuration` written as a JSON string is read as the object it holds.
///
/// `path` is where `object` sits in the template, for errors: a key that
/// starts with a lowercase letter is one.
pub(crate) fn object_to_api(
    object: &Map<String, Value>,
    path: &mut ValuePath,
) -> Result<Map<String, Value>, ReadError> {
    let mut api = Map::with_capacity(object.len());
    for (key, value) in object {
        path.push_key(key);
        if key.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Err(ReadError::Shape {
                path: path.to_string(),
                message: format!("property names are PascalCase in a template: write `{}`", upper_first(key)),
            });
        }
        let value = if key == CONFIGURATION { configuration_to_api(value, path)? } else { to_api(value, path)? };
        path.pop();
        api.insert(lower_first(key), value);
    }
    Ok(api)
}

fn to_api(value: &Value, path: &mut ValuePath) -> Result<Value, ReadError> {
    Ok(match value {
        // A stage, action or artifact under a condition: its branches are
        // recased like the part itself (strings and expressions stay).
        Value::Object(object) if intrinsic_function(object) == Some(IF) => {
            path.push_key(IF);
            let branches = to_api(&object[IF], path)?;
            path.pop();
            serde_json::json!({ IF: branches })
        }
        Value::Object(object) if intrinsic_function(object).is_some() => value.clone(),
        Value::Object(object) => Value::Object(object_to_api(object, path)?),
        Value::Array(items) => {
            let mut array = Vec::with_capacity(items.len());
            for (index, item) in items.iter().enumerate() {
                path.push_index(index);
                array.push(to_api(item, path)?);
                path.pop();
            }
            Value::Array(array)
        }
        scalar => scalar_text(scalar),
    })
}

/// Keys kept; values that are scalars become text, expressions stay.
fn configuration_to_api(value: &Value, path: &ValuePath) -> Result<Value, ReadError> {
    match value {
        Value::String(text) => match serde_json::from_str::<Value>(text) {
            Ok(parsed @ Value::Object(_)) => configuration_to_api(&parsed, path),
            Ok(_) => Err(ReadError::Shape {
                path: path.to_string(),
                message: "a Configuration written as a string must hold a JSON object".to_owned(),
            }),
            Err(error) => Err(ReadError::Shape {
                path: path.to_string(),
                message: format!("a Configuration written as a string must hold a JSON object: {error}"),
            }),
        },
        Value::Object(object) => match intrinsic_function(object) {
            Some(function) => Err(intrinsic_in_structure(path, function)),
            None => Ok(Value::Object(
                object
                    .iter()
                    .map(|(key, entry)| {
                        let entry = match entry {
                            Value::Object(_) | Value::Array(_) => entry.clone(),
                            scalar => scalar_text(scalar),
                        };
                        (key.clone(), entry)
                    })
                    .collect(),
            )),
        },
        other => Ok(other.clone()),
    }
}

/// Booleans and numbers as CloudFormation turns them into strings; other
/// values unchanged.
fn scalar_text(value: &Value) -> Value {
    match value {
        Value::Bool(flag) => Value::String(flag.to_string()),
        Value::Number(number) => Value::String(number.to_string()),
        other => other.clone(),
    }
}

/// The error for an intrinsic function where the model needs a structure,
/// a list or a number.
pub(crate) fn intrinsic_in_structure(path: &ValuePath, function: &str) -> ReadError {
    ReadError::Shape {
        path: path.to_string(),
        message: format!(
            "the intrinsic function `{function}` cannot stand here: the pipeline model reads intrinsic functions \
             only where CloudFormation expects a string"
        ),
    }
}

/// The template-side path of a path into the API form:
/// `stages[1].actions[0].configuration.BranchName` is
/// `Stages[1].Actions[0].Configuration.BranchName`.
pub(crate) fn template_path(api_path: &ValuePath) -> ValuePath {
    let mut opaque = false;
    api_path
        .segments()
        .iter()
        .map(|segment| match segment {
            // The branches of `Fn::If` are parts of the model.
            Segment::Key(key) if !opaque && key == IF => Segment::Key(key.clone()),
            Segment::Key(key) if opaque || is_intrinsic_name(key) => {
                opaque = true;
                Segment::Key(key.clone())
            }
            Segment::Key(key) => {
                opaque = key == API_CONFIGURATION;
                Segment::Key(upper_first(key))
            }
            Segment::Index(index) => Segment::Index(*index),
        })
        .collect()
}

/// serde's messages about fields (`unknown field `foo`, expected one of
/// `name`, ...`) with the field names in the template's case.
pub(crate) fn template_message(message: &str) -> String {
    let about_fields = ["unknown field", "missing field", "duplicate field"].iter().any(|p| message.starts_with(p));
    if !about_fields {
        return message.to_owned();
    }
    message
        .split('`')
        .enumerate()
        .map(|(position, part)| if position % 2 == 1 { upper_first(part) } else { part.to_owned() })
        .collect::<Vec<_>>()
        .join("`")
}

/// `roleArn` → `RoleArn`.
pub(crate) fn upper_first(key: &str) -> String {
    let mut chars = key.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// `RoleArn` → `roleArn`.
fn lower_first(key: &str) -> String {
    let mut chars = key.chars();
    chars.next().map(|first| first.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn api(template: Value) -> Result<Value, ReadError> {
        object_to_api(template.as_object().unwrap(), &mut ValuePath::root()).map(Value::Object)
    }

    #[test]
    fn recases_keys_but_not_configuration_keys_or_intrinsic_functions() {
        let template = json!({
            "RoleArn": {"Fn::GetAtt": ["Role", "Arn"]},
            "Stages": [{"Name": "Source", "Actions": [{
                "RunOrder": 1,
                "Configuration": {"PollForSourceChanges": false, "BranchName": {"Fn::Sub": "${Branch}"}, "OAuthToken": "t"},
                "ActionTypeId": {"Version": 1}
            }]}],
            "ExecutionMode": {"Fn::If": ["C", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}
        });
        let expected = json!({
            "roleArn": {"Fn::GetAtt": ["Role", "Arn"]},
            "stages": [{"name": "Source", "actions": [{
                "runOrder": "1",
                "configuration": {"PollForSourceChanges": "false", "BranchName": {"Fn::Sub": "${Branch}"}, "OAuthToken": "t"},
                "actionTypeId": {"version": "1"}
            }]}],
            "executionMode": {"Fn::If": ["C", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]}
        });
        assert_eq!(api(template).unwrap(), expected);
    }

    #[test]
    fn reads_a_configuration_written_as_a_json_string() {
        let template = json!({"Configuration": "{\"ProjectName\": \"p\", \"Batch\": true}"});
        assert_eq!(api(template).unwrap(), json!({"configuration": {"ProjectName": "p", "Batch": "true"}}));
    }

    #[test]
    fn a_configuration_string_that_is_not_an_object_is_an_error() {
        let error = api(json!({"A": [{"Configuration": "[1]"}]})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "A[0].Configuration: a Configuration written as a string must hold a JSON object"
        );
        let error = api(json!({"Configuration": "{"})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Configuration: a Configuration written as a string must hold a JSON object: \
             EOF while parsing an object at line 1 column 1"
        );
    }

    #[test]
    fn a_whole_configuration_as_an_intrinsic_function_is_an_error() {
        let error = api(json!({"Configuration": {"Fn::If": ["C", {}, {}]}})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Configuration: the intrinsic function `Fn::If` cannot stand here: the pipeline model reads intrinsic \
             functions only where CloudFormation expects a string"
        );
    }

    #[test]
    fn a_camel_case_property_name_is_an_error() {
        let error = api(json!({"Stages": [{"Actions": [{"runOrder": 1}]}]})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Stages[0].Actions[0].runOrder: property names are PascalCase in a template: write `RunOrder`"
        );
    }

    #[test]
    fn paths_and_field_messages_follow_the_template_case() {
        let mut path = ValuePath::of_keys(["stages"]);
        path.push_index(0);
        path.push_key("configuration");
        path.push_key("branchName");
        assert_eq!(template_path(&path).to_string(), "Stages[0].Configuration.branchName");
        let path = ValuePath::of_keys(["roleArn", "Fn::Sub", "x"]);
        assert_eq!(template_path(&path).to_string(), "RoleArn.Fn::Sub.x");
        let mut path = ValuePath::of_keys(["stages", "Fn::If"]);
        path.push_index(1);
        path.push_key("name");
        assert_eq!(template_path(&path).to_string(), "Stages.Fn::If[1].Name");
        assert_eq!(
            template_message("unknown field `foo`, expected `name` or `files`"),
            "unknown field `Foo`, expected `Name` or `Files`"
        );
        assert_eq!(
            template_message("unknown variant `queued`, expected one of `SUPERSEDED`, `QUEUED`"),
            "unknown variant `queued`, expected one of `SUPERSEDED`, `QUEUED`"
        );
    }
}
