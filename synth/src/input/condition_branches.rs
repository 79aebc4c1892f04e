//! Templates whose pipelines hold `Fn::If` around whole values (an action, a
//! stage, a list item, a map): the pipeline model reads intrinsic functions
//! only where CloudFormation expects a string, so such a template is read
//! once with every condition true and once with every condition false, each
//! branch chosen in place (`AWS::NoValue` leaves the item or key out).

use serde_json::{Map, Value};

/// Which branch of every structural `Fn::If` a reading takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Branch {
    /// The first branch: every condition true.
    True,
    /// The second branch: every condition false.
    False,
}

impl Branch {
    /// How a pipeline read this way is labelled after its source.
    pub(super) fn label(self) -> &'static str {
        match self {
            Branch::True => "every condition true",
            Branch::False => "every condition false",
        }
    }
}

/// `template` with every `Fn::If` around a whole value replaced by its
/// `branch`, or `None` when it has no such `Fn::If`.
pub(super) fn choose(template: &Value, branch: Branch) -> Option<Value> {
    let mut found = false;
    let chosen = resolve(template, branch, &mut found)?;
    found.then_some(chosen)
}

/// The branches of `value` when it is `{"Fn::If": [condition, a, b]}`.
fn if_branches(value: &Value) -> Option<(&Value, &Value)> {
    let object = value.as_object().filter(|object| object.len() == 1)?;
    match object.get("Fn::If")?.as_array()?.as_slice() {
        [_, first, second] => Some((first, second)),
        _ => None,
    }
}

/// Whether `value` is `{"Ref": "AWS::NoValue"}`.
fn is_no_value(value: &Value) -> bool {
    value.as_object().is_some_and(|object| object.len() == 1 && object.get("Ref") == Some(&"AWS::NoValue".into()))
}

/// Whether `value` is a whole value the model cannot hold as an
/// expression: a list, or a map that is not an intrinsic function.
fn is_structure(value: &Value) -> bool {
    match value {
        Value::Array(_) => true,
        Value::Object(object) => {
            !(object.len() == 1 && object.keys().all(|key| key == "Ref" || key.starts_with("Fn::")))
        }
        _ => false,
    }
}

/// `value` with its structural `Fn::If`s resolved to `branch`; `None` when
/// `value` itself resolves to `AWS::NoValue` (its key or item is left out).
fn resolve(value: &Value, branch: Branch, found: &mut bool) -> Option<Value> {
    if let Some((first, second)) = if_branches(value) {
        if is_structure(first) || is_structure(second) {
            *found = true;
            let chosen = match branch {
                Branch::True => first,
                Branch::False => second,
            };
            return if is_no_value(chosen) { None } else { resolve(chosen, branch, found) };
        }
    }
    Some(match value {
        Value::Array(items) => Value::Array(items.iter().filter_map(|item| resolve(item, branch, found)).collect()),
        Value::Object(object) => Value::Object(
            object
                .iter()
                .filter_map(|(key, item)| resolve(item, branch, found).map(|item| (key.clone(), item)))
                .collect::<Map<String, Value>>(),
        ),
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn structural_ifs_take_one_branch_and_no_value_leaves_the_item_out() {
        let template = json!({
            "Stages": [
                {"Name": "Build"},
                {"Fn::If": ["IsProd", {"Name": "Deploy"}, {"Ref": "AWS::NoValue"}]},
            ],
            "Tags": {"Fn::If": ["IsProd", [{"Key": "env", "Value": "prod"}], [{"Key": "env", "Value": "dev"}]]},
            "Name": {"Fn::If": ["IsProd", "app", "app-dev"]},
        });
        assert_eq!(
            choose(&template, Branch::True),
            Some(json!({
                "Stages": [{"Name": "Build"}, {"Name": "Deploy"}],
                "Tags": [{"Key": "env", "Value": "prod"}],
                "Name": {"Fn::If": ["IsProd", "app", "app-dev"]},
            }))
        );
        assert_eq!(
            choose(&template, Branch::False),
            Some(json!({
                "Stages": [{"Name": "Build"}],
                "Tags": [{"Key": "env", "Value": "dev"}],
                "Name": {"Fn::If": ["IsProd", "app", "app-dev"]},
            }))
        );
    }

    #[test]
    fn an_if_around_strings_is_left_to_the_model() {
        let template = json!({"Name": {"Fn::If": ["IsProd", "app", {"Ref": "AWS::NoValue"}]}});
        assert_eq!(choose(&template, Branch::True), None);
    }
}
