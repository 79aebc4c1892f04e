//! Reading a CloudFormation template (JSON or YAML) and its pipelines.

use serde_json::Value;

use super::resource::CfnPipeline;
use super::value_path::ValuePath;
use super::yaml;
use crate::model::ReadError;

/// The resource type of a pipeline.
pub const PIPELINE_RESOURCE_TYPE: &str = "AWS::CodePipeline::Pipeline";

/// Parses a CloudFormation template written in JSON or YAML into its JSON
/// form: YAML short-form tags (`!Ref`, `!Sub`, `!GetAtt`, ...) become the
/// long form (`{"Ref": ..}`, `{"Fn::Sub": ..}`, `{"Fn::GetAtt": [..]}`).
///
/// YAML aliases are expanded; a repeated key is an error (CloudFormation
/// rejects it too). Scalars keep their type here.
///
/// ```
/// use pipewright_dsl::model::cloudformation::parse_template;
/// use serde_json::json;
///
/// let template = parse_template("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-artifacts'\n").unwrap();
/// assert_eq!(template["Resources"]["Bucket"]["Properties"]["BucketName"], json!({"Fn::Sub": "${AWS::StackName}-artifacts"}));
/// ```
pub fn parse_template(text: &str) -> Result<Value, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).or_else(|json_error| {
            // A flow mapping is YAML too; when that fails as well, the JSON
            // error is the one that speaks to the author.
            parse_yaml(text).map_err(|_| ReadError::Syntax {
                line: json_error.line(),
                column: json_error.column(),
                message: without_position(&json_error.to_string(), json_error.line(), json_error.column()),
            })
        });
    }
    parse_yaml(text)
}

/// Every `AWS::CodePipeline::Pipeline` resource of a template (JSON or YAML),
/// in template order. Errors name the path from the template's root, e.g.
/// `Resources.Pipeline.Properties.Stages[1].Actions[0].Foo`.
///
/// ```
/// use pipewright_dsl::model::cloudformation::read_template;
///
/// let template = "
/// Resources:
///   Pipeline:
///     Type: AWS::CodePipeline::Pipeline
///     Properties:
///       Name: app
///       RoleArn: !GetAtt PipelineRole.Arn
///       ArtifactStore: {Type: S3, Location: !Ref ArtifactBucket}
///       Stages:
///         - Name: Source
///           Actions:
///             - Name: Checkout
///               ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
///               Configuration: {S3Bucket: !Ref SourceBucket, S3ObjectKey: app.zip, PollForSourceChanges: false}
///               OutputArtifacts: [{Name: Source}]
/// ";
/// let pipelines = read_template(template).unwrap();
/// assert_eq!(pipelines.len(), 1);
/// assert_eq!(pipelines[0].logical_id, "Pipeline");
/// assert_eq!(pipelines[0].declaration.name, "app");
/// assert_eq!(pipelines[0].declaration.role_arn.as_literal(), None);
/// ```
pub fn read_template(text: &str) -> Result<Vec<CfnPipeline>, ReadError> {
    let template = parse_template(text)?;
    let resources = match template.get("Resources") {
        Some(Value::Object(resources)) => resources,
        Some(other) => {
            return Err(ReadError::Shape {
                path: "Resources".to_owned(),
                message: format!("expected a mapping of logical ids to resources, found {}", kind(other)),
            })
        }
        None if template.is_object() => {
            return Err(ReadError::Shape {
                path: "Resources".to_owned(),
                message: "missing; a template declares its resources there".to_owned(),
            })
        }
        None => {
            return Err(ReadError::Shape {
                path: ValuePath::root().to_string(),
                message: format!("a template is a mapping with a `Resources` section, found {}", kind(&template)),
            })
        }
    };
    let mut pipelines = Vec::new();
    for (logical_id, resource) in resources {
        if resource.get("Type").and_then(Value::as_str) != Some(PIPELINE_RESOURCE_TYPE) {
            continue;
        }
        let Some(properties) = resource.get("Properties") else {
            return Err(ReadError::Shape {
                path: ValuePath::of_keys(["Resources", logical_id]).to_string(),
                message: "the pipeline has no `Properties`; it needs at least `RoleArn` and `Stages`".to_owned(),
            });
        };
        let at = ValuePath::of_keys(["Resources", logical_id, "Properties"]);
        pipelines.push(CfnPipeline::from_properties(logical_id, properties).map_err(|error| within(error, &at))?);
    }
    Ok(pipelines)
}

fn parse_yaml(text: &str) -> Result<Value, ReadError> {
    let document: serde_yaml::Value = serde_yaml::from_str(text).map_err(yaml_error)?;
    yaml::to_json(document, &mut ValuePath::root())
}

fn yaml_error(error: serde_yaml::Error) -> ReadError {
    let message = error.to_string();
    match error.location() {
        Some(location) => {
            let mut message = without_position(&message, location.line(), location.column());
            if message.contains("duplicate entry") {
                message.push_str("; a template may not repeat a key");
            }
            ReadError::Syntax { line: location.line(), column: location.column(), message }
        }
        None if message.contains("more than one document") => ReadError::Shape {
            path: ValuePath::root().to_string(),
            message: "the text holds more than one YAML document; a template is a single document".to_owned(),
        },
        None => ReadError::Shape { path: ValuePath::root().to_string(), message },
    }
}

/// A parser's message without the position it ends with or holds, which
/// [`ReadError::Syntax`] puts first already.
fn without_position(message: &str, line: usize, column: usize) -> String {
    message.replacen(&format!(" at line {line} column {column}"), "", 1)
}

/// An error of a resource's properties, with the path from the template's
/// root.
fn within(error: ReadError, at: &ValuePath) -> ReadError {
    match error {
        ReadError::Shape { path, message } => {
            let path = match path.as_str() {
                "." => at.to_string(),
                relative if relative.starts_with('[') => format!("{at}{relative}"),
                relative => format!("{at}.{relative}"),
            };
            ReadError::Shape { path, message }
        }
        syntax => syntax,
    }
}

/// What kind of value this is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}
