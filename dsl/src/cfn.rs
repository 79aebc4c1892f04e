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

use serde_json::{json, Value};

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

/// `{"Fn::Join": [separator, parts]}`.
pub fn join(separator: &str, parts: impl IntoIterator<Item = Str>) -> Str {
    let parts: Vec<Str> = parts.into_iter().collect();
    function("Fn::Join", json!([separator, parts]))
}

/// `{"Fn::If": [condition, then, else]}`.
pub fn if_(condition: &str, then: impl Into<Str>, otherwise: impl Into<Str>) -> Str {
    function("Fn::If", json!([condition, then.into(), otherwise.into()]))
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
