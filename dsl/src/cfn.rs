//! CloudFormation intrinsic functions, for values that a template resolves at
//! deploy time: a template parameter, an imported value, another resource's
//! attribute.
//!
//! ```
//! use pipewright_dsl::cfn;
//!
//! let bucket = cfn::reference("ArtifactBucket");
//! assert_eq!(serde_json::to_value(&bucket).unwrap(), serde_json::json!({"Ref": "ArtifactBucket"}));
//! let role = cfn::get_att("PipelineRole", "Arn");
//! assert_eq!(serde_json::to_value(&role).unwrap(), serde_json::json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}));
//!
//! let key = cfn::import_value(cfn::sub("${Shared}-KeyArn"));
//! assert_eq!(serde_json::to_value(&key).unwrap(), serde_json::json!({"Fn::ImportValue": {"Fn::Sub": "${Shared}-KeyArn"}}));
//! let region = cfn::find_in_map("Regions", cfn::reference("AWS::Region"), "Deploy");
//! assert_eq!(
//!     serde_json::to_value(&region).unwrap(),
//!     serde_json::json!({"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Deploy"]})
//! );
//! let role = cfn::if_("IsProd", cfn::get_att("DeployRole", "Arn"), cfn::reference("AWS::NoValue"));
//! assert_eq!(
//!     serde_json::to_value(&role).unwrap(),
//!     serde_json::json!({"Fn::If": ["IsProd", {"Fn::GetAtt": ["DeployRole", "Arn"]}, {"Ref": "AWS::NoValue"}]})
//! );
//! ```
//!
//! Conditions are declared once, as handles ([`TemplateCondition`]), and
//! used around stages, actions and values:
//!
//! ```
//! use pipewright_dsl::cfn;
//!
//! let prod = cfn::equals(cfn::reference("Env"), "prod");
//! assert_eq!(serde_json::to_value(&prod).unwrap(), serde_json::json!({"Fn::Equals": [{"Ref": "Env"}, "prod"]}));
//! let feature = cfn::TemplateCondition::new("HasFeature", cfn::not(cfn::equals(cfn::reference("Feature"), "")));
//! let both = cfn::and([prod, (&feature).into()]);
//! assert_eq!(
//!     serde_json::to_value(&both).unwrap(),
//!     serde_json::json!({"Fn::And": [{"Fn::Equals": [{"Ref": "Env"}, "prod"]}, {"Condition": "HasFeature"}]})
//! );
//! ```

use serde_json::{json, Value};

use crate::model::cloudformation::if_expression;
pub use crate::model::cloudformation::{IfThen, TemplateCondition};
use crate::model::{Expr, Str};

fn function(name: &str, argument: Value) -> Str {
    Str::Expr(Expr::new(name, argument).expect("the names used here are intrinsic functions"))
}

/// `{"Ref": name}`: a template parameter, a pseudo parameter
/// (`AWS::Region`) or another resource's primary id.
pub fn reference(name: &str) -> Str {
    function("Ref", json!(name))
}

/// `{"Fn::GetAtt": [resource, attribute]}`.
pub fn get_att(resource: &str, attribute: &str) -> Str {
    function("Fn::GetAtt", json!([resource, attribute]))
}

/// `{"Fn::ImportValue": export}`: a value another stack exports.
pub fn import_value(export: impl Into<Str>) -> Str {
    function("Fn::ImportValue", json!(export.into()))
}

/// `{"Fn::Sub": template}`: `${Param}` and `${Resource.Attr}` substituted.
pub fn sub(template: &str) -> Str {
    function("Fn::Sub", json!(template))
}

/// `{"Fn::Sub": [template, {name: value, ...}]}`: `${name}` substituted by
/// the values given here, other `${..}` by parameters and resources.
///
/// ```
/// use pipewright_dsl::cfn;
///
/// let url = cfn::sub_with("https://${Host}/${Path}", [("Host", cfn::get_att("Site", "DomainName")), ("Path", "index.html".into())]);
/// assert_eq!(
///     serde_json::to_value(&url).unwrap(),
///     serde_json::json!({"Fn::Sub": ["https://${Host}/${Path}", {"Host": {"Fn::GetAtt": ["Site", "DomainName"]}, "Path": "index.html"}]})
/// );
/// ```
pub fn sub_with<'a>(template: &str, variables: impl IntoIterator<Item = (&'a str, Str)>) -> Str {
    let variables: serde_json::Map<String, Value> =
        variables.into_iter().map(|(name, value)| (name.to_owned(), json!(value))).collect();
    function("Fn::Sub", json!([template, variables]))
}

/// `{"Fn::Join": [separator, parts]}`.
pub fn join(separator: &str, parts: impl IntoIterator<Item = Str>) -> Str {
    let parts: Vec<Str> = parts.into_iter().collect();
    function("Fn::Join", json!([separator, parts]))
}

/// `{"Fn::Join": [separator, list]}` over a list-valued expression, such
/// as an attribute that is a list (`!GetAtt Endpoint.DnsEntries`) or
/// `Fn::Split`.
///
/// ```
/// use pipewright_dsl::cfn;
///
/// let names = cfn::join_list(",", cfn::get_att("Endpoint", "DnsEntries"));
/// assert_eq!(
///     serde_json::to_value(&names).unwrap(),
///     serde_json::json!({"Fn::Join": [",", {"Fn::GetAtt": ["Endpoint", "DnsEntries"]}]})
/// );
/// ```
pub fn join_list(separator: &str, list: Str) -> Str {
    function("Fn::Join", json!([separator, list]))
}

/// `{"Fn::Equals": [left, right]}`: a condition's expression.
pub fn equals(left: impl Into<Str>, right: impl Into<Str>) -> Str {
    function("Fn::Equals", json!([left.into(), right.into()]))
}

/// `{"Fn::And": [conditions]}`: every condition holds (2..10 of them).
pub fn and(conditions: impl IntoIterator<Item = Str>) -> Str {
    function("Fn::And", json!(conditions.into_iter().collect::<Vec<_>>()))
}

/// `{"Fn::Or": [conditions]}`: one of the conditions holds (2..10 of them).
pub fn or(conditions: impl IntoIterator<Item = Str>) -> Str {
    function("Fn::Or", json!(conditions.into_iter().collect::<Vec<_>>()))
}

/// `{"Fn::Not": [condition]}`.
pub fn not(condition: impl Into<Str>) -> Str {
    function("Fn::Not", json!([condition.into()]))
}

/// `{"Condition": name}`: a condition declared elsewhere (in the user's own
/// template), as an operand of [`and`], [`or`] or [`not`]; a condition
/// declared here converts from its handle (`(&handle).into()`).
pub fn condition_named(name: &str) -> Str {
    function("Condition", json!(name))
}

/// `{"Fn::If": [condition, then, else]}`; with a declared condition,
/// [`TemplateCondition::then`] writes the same.
pub fn if_(condition: &str, then: impl Into<Str>, otherwise: impl Into<Str>) -> Str {
    if_expression(condition, then.into(), otherwise.into())
}

/// `{"Fn::Select": [index, list]}`.
pub fn select(index: usize, list: Str) -> Str {
    function("Fn::Select", json!([index.to_string(), list]))
}

/// `{"Fn::Split": [separator, text]}`.
pub fn split(separator: &str, text: impl Into<Str>) -> Str {
    function("Fn::Split", json!([separator, text.into()]))
}

/// `{"Fn::FindInMap": [map, top_key, second_key]}`.
pub fn find_in_map(map: &str, top_key: impl Into<Str>, second_key: impl Into<Str>) -> Str {
    function("Fn::FindInMap", json!([map, top_key.into(), second_key.into()]))
}
