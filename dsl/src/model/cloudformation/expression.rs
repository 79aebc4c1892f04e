//! Finding CloudFormation expressions where only literals may stand.

use std::fmt;

use serde_json::Value;

use super::recase::intrinsic_function;
use super::value_path::ValuePath;
use crate::model::Expr;

/// A CloudFormation expression found in a document that needs literals,
/// and where it is.
///
/// Its message names the field and says what to do, so an emitter of the
/// API JSON form can report it as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExpressionAt {
    /// Where, e.g. `pipeline.stages[0].actions[0].configuration.RepositoryName`.
    pub path: String,
    /// The expression as written.
    pub expression: Expr,
}

impl fmt::Display for ExpressionAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} is a CloudFormation expression, which only a template can resolve; the API JSON form needs a \
             literal value here (write the resolved value, or synthesize a CloudFormation template)",
            self.path,
            self.expression.to_json()
        )
    }
}

impl std::error::Error for ExpressionAt {}

/// The first CloudFormation intrinsic function (`{"Ref": ..}`,
/// `{"Fn::Sub": ..}`, ...) in a JSON document, in document order, or `None`
/// when every value is literal.
///
/// The API JSON emitter serializes the pipeline
/// ([`PipelineDocument`](crate::model::PipelineDocument)) and calls this on
/// the result: create-pipeline JSON cannot hold an expression. (Serializing a
/// Region that is an expression, in `artifactStores`, already fails.)
///
/// ```
/// use pipewright_dsl::model::cloudformation::first_expression;
/// use serde_json::json;
///
/// let document = json!({"pipeline": {"name": "p", "roleArn": {"Fn::GetAtt": ["Role", "Arn"]},
///     "stages": [{"name": "Source", "actions": [{"configuration": {"RepositoryName": {"Ref": "Repo"}}}]}]}});
/// let found = first_expression(&document).unwrap();
/// assert_eq!(found.path, "pipeline.roleArn");
/// assert_eq!(found.expression.function(), "Fn::GetAtt");
/// assert!(found.to_string().starts_with(
///     r#"pipeline.roleArn: {"Fn::GetAtt":["Role","Arn"]} is a CloudFormation expression"#));
///
/// assert_eq!(first_expression(&json!({"pipeline": {"name": "p"}})), None);
/// ```
pub fn first_expression(document: &Value) -> Option<ExpressionAt> {
    find(document, &mut ValuePath::root())
}

fn find(value: &Value, path: &mut ValuePath) -> Option<ExpressionAt> {
    match value {
        Value::Object(object) if intrinsic_function(object).is_some() => {
            Expr::from_json(value).map(|expression| ExpressionAt { path: path.to_string(), expression })
        }
        Value::Object(object) => object.iter().find_map(|(key, entry)| {
            path.push_key(key);
            let found = find(entry, path);
            path.pop();
            found
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            path.push_index(index);
            let found = find(item, path);
            path.pop();
            found
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn finds_the_first_expression_in_document_order_inside_lists() {
        let document = json!({"a": "x", "b": [{"c": "y"}, {"d": {"Fn::ImportValue": "Repo"}, "e": {"Ref": "X"}}]});
        let found = first_expression(&document).unwrap();
        assert_eq!(found.path, "b[1].d");
        assert_eq!(found.expression.to_json(), json!({"Fn::ImportValue": "Repo"}));
    }

    #[test]
    fn a_mapping_with_more_than_one_key_is_no_expression() {
        assert_eq!(first_expression(&json!({"a": {"Ref": "X", "Other": 1}})), None);
    }
}
