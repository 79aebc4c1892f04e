//! Configuration values that are JSON written as a string (CodeBuild
//! `EnvironmentVariables`, CloudFormation `ParameterOverrides`), built from
//! [`Text`] pieces so variable references keep ordering their producers and
//! CloudFormation expressions stay expressions.

use crate::model::Str;
use crate::text::Text;

/// A compact JSON object `{"key":"value",...}` in the given key order.
pub(crate) fn object<'p>(fields: impl IntoIterator<Item = (String, Text<'p>)>) -> Text<'p> {
    let mut parts = vec![Text::from("{")];
    for (index, (key, value)) in fields.into_iter().enumerate() {
        if index > 0 {
            parts.push(",".into());
        }
        parts.push(literal_string(&key));
        parts.push(":".into());
        parts.push(string(value));
    }
    parts.push("}".into());
    Text::concat(parts)
}

/// A compact JSON array `[item,...]` of already-encoded items.
pub(crate) fn array<'p>(items: impl IntoIterator<Item = Text<'p>>) -> Text<'p> {
    let mut parts = vec![Text::from("[")];
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            parts.push(",".into());
        }
        parts.push(item);
    }
    parts.push("]".into());
    Text::concat(parts)
}

/// A JSON string: a literal is escaped; an expression is placed between
/// quotes as is, since its value is only known at deploy time.
pub(crate) fn string(value: Text<'_>) -> Text<'_> {
    match &value.value {
        Str::Literal(text) => Text { value: Str::Literal(quote(text)), uses: value.uses },
        Str::Expr(_) => Text::concat(["\"".into(), value, "\"".into()]),
    }
}

pub(crate) fn literal_string<'p>(text: &str) -> Text<'p> {
    Text::from(quote(text))
}

fn quote(text: &str) -> String {
    serde_json::to_string(text).expect("a string is always JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cfn;

    #[test]
    fn literal_values_are_escaped_into_one_literal() {
        let text = array([object([("name".to_owned(), Text::from("A \"quoted\" value"))])]);
        assert_eq!(text.as_str(), &Str::from(r#"[{"name":"A \"quoted\" value"}]"#));
    }

    #[test]
    fn an_expression_value_becomes_a_join_around_the_expression() {
        let text = object([("Bucket".to_owned(), Text::from(cfn::reference("ArtifactBucket")))]);
        assert_eq!(
            serde_json::to_value(text.as_str()).unwrap(),
            serde_json::json!({"Fn::Join": ["", ["{\"Bucket\":\"", {"Ref": "ArtifactBucket"}, "\"}"]]})
        );
    }
}
