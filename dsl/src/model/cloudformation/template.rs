//! Reading a CloudFormation template (JSON or YAML) and its pipelines.

use serde_json::Value;

use super::condition::TemplateCondition;
use super::resource::CfnPipeline;
use super::value_path::ValuePath;
use super::yaml;
use super::yaml_check::{check_events, nested_too_deep};
use crate::model::json::parse_json;
use crate::model::{Expr, ReadError};

/// The resource type of a pipeline.
pub const PIPELINE_RESOURCE_TYPE: &str = "AWS::CodePipeline::Pipeline";

/// The prefix of a resource key that repeats a resource per item of a list
/// (the `AWS::LanguageExtensions` transform expands it at deploy time).
const FOR_EACH_PREFIX: &str = "Fn::ForEach::";

/// The two ways a template is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateFormat {
    /// JSON: read strictly, a repeated key is an error.
    Json,
    /// YAML, with CloudFormation's short-form tags.
    Yaml,
}

impl TemplateFormat {
    /// The format of a text whose file name does not tell: JSON when its
    /// first character other than white space is `{` or `[` (or `/`, which
    /// starts a comment only JSON writers add), YAML otherwise. A UTF-8 byte
    /// order mark is skipped.
    ///
    /// ```
    /// use pipewright_dsl::model::cloudformation::TemplateFormat;
    ///
    /// assert_eq!(TemplateFormat::detect("\n  {\"Resources\": {}}"), TemplateFormat::Json);
    /// assert_eq!(TemplateFormat::detect("// exported\n{}"), TemplateFormat::Json);
    /// assert_eq!(TemplateFormat::detect("Resources: {}"), TemplateFormat::Yaml);
    /// ```
    pub fn detect(text: &str) -> TemplateFormat {
        match without_bom(text).trim_start().as_bytes().first() {
            Some(b'{' | b'[' | b'/') => TemplateFormat::Json,
            _ => TemplateFormat::Yaml,
        }
    }
}

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
    parse_template_as(text, TemplateFormat::detect(text))
}

/// Parses a template of a known format (see [`parse_template`]); the other
/// format is never tried, so a JSON file with an error gets a JSON message.
/// Nesting deeper than [`MAX_NESTING_DEPTH`](crate::model::MAX_NESTING_DEPTH)
/// and a repeated key are errors in both formats, and so are YAML tags that
/// CloudFormation does not define (`!!binary`, `!!python/..`).
///
/// ```
/// use pipewright_dsl::model::cloudformation::{parse_template_as, TemplateFormat};
///
/// let error = parse_template_as("{\"Resources\": {}, // note\n}", TemplateFormat::Json).unwrap_err();
/// assert_eq!(error.to_string(), "line 1, column 19: key must be a string");
/// ```
pub fn parse_template_as(text: &str, format: TemplateFormat) -> Result<Value, ReadError> {
    let text = without_bom(text);
    match format {
        TemplateFormat::Json => parse_json(text),
        TemplateFormat::Yaml => parse_yaml(text),
    }
}

/// The text without a UTF-8 byte order mark.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
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
    let found = template_pipelines(&parse_template(text)?)?;
    match found.in_for_each.first() {
        Some(key) => Err(ReadError::Shape { path: format!("Resources.{key}"), message: for_each_message() }),
        None => Ok(found.pipelines),
    }
}

/// The pipelines of a parsed template, and the `Fn::ForEach` blocks that
/// hold pipelines pipewright cannot read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplatePipelines {
    /// Every `AWS::CodePipeline::Pipeline` resource, in template order.
    pub pipelines: Vec<CfnPipeline>,
    /// The keys of `Resources` (`Fn::ForEach::Envs`) whose blocks hold a
    /// pipeline: the `AWS::LanguageExtensions` transform makes one pipeline
    /// per item at deploy time, so none can be read or checked here.
    pub in_for_each: Vec<String>,
}

/// Why a pipeline inside `Fn::ForEach` is not read, for messages.
pub fn for_each_message() -> String {
    format!(
        "an {PIPELINE_RESOURCE_TYPE} inside `Fn::ForEach` cannot be checked: the AWS::LanguageExtensions transform \
         makes one pipeline per item at deploy time; write the pipelines out (or check the template the transform \
         produces) to have them checked"
    )
}

/// Every pipeline of a template parsed already ([`parse_template`]), like
/// [`read_template`], and the `Fn::ForEach` blocks that hold pipelines.
///
/// ```
/// use pipewright_dsl::model::cloudformation::{parse_template, template_pipelines};
///
/// let template = parse_template(r#"{"Resources": {"Fn::ForEach::Envs": ["Env", ["Dev", "Prod"],
///     {"${Env}Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": {}}}]}}"#).unwrap();
/// let found = template_pipelines(&template).unwrap();
/// assert!(found.pipelines.is_empty());
/// assert_eq!(found.in_for_each, ["Fn::ForEach::Envs"]);
/// ```
pub fn template_pipelines(template: &Value) -> Result<TemplatePipelines, ReadError> {
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
                message: format!("a template is a mapping with a `Resources` section, found {}", kind(template)),
            })
        }
    };
    let conditions = template_conditions(template)?;
    let mut found = TemplatePipelines::default();
    for (logical_id, resource) in resources {
        if logical_id.starts_with(FOR_EACH_PREFIX) && holds_a_pipeline(resource) {
            found.in_for_each.push(logical_id.clone());
            continue;
        }
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
        let mut pipeline = CfnPipeline::from_properties(logical_id, properties).map_err(|error| within(error, &at))?;
        pipeline.conditions.clone_from(&conditions);
        found.pipelines.push(pipeline);
    }
    Ok(found)
}

/// The template's `Conditions`, in template order: each a name and an
/// intrinsic function (`Fn::Equals`, `Fn::And`, ...).
fn template_conditions(template: &Value) -> Result<Vec<TemplateCondition>, ReadError> {
    let Some(section) = template.get("Conditions") else { return Ok(Vec::new()) };
    let Value::Object(section) = section else {
        return Err(ReadError::Shape {
            path: "Conditions".to_owned(),
            message: format!("expected a mapping of condition names to expressions, found {}", kind(section)),
        });
    };
    section
        .iter()
        .map(|(name, expression)| match Expr::from_json(expression) {
            Some(expression) => Ok(TemplateCondition::new(name, expression)),
            None => Err(ReadError::Shape {
                path: ValuePath::of_keys(["Conditions", name]).to_string(),
                message: format!(
                    "a condition is an intrinsic function (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, \
                     `Condition`), found {}",
                    kind(expression)
                ),
            }),
        })
        .collect()
}

/// Whether a value (a `Fn::ForEach` block) declares a pipeline resource
/// anywhere inside it.
fn holds_a_pipeline(value: &Value) -> bool {
    match value {
        Value::Object(object) => {
            object.get("Type").and_then(Value::as_str) == Some(PIPELINE_RESOURCE_TYPE)
                || object.values().any(holds_a_pipeline)
        }
        Value::Array(items) => items.iter().any(holds_a_pipeline),
        _ => false,
    }
}

fn parse_yaml(text: &str) -> Result<Value, ReadError> {
    check_events(text)?;
    let document: serde_yaml::Value = serde_yaml::from_str(text).map_err(yaml_error)?;
    yaml::to_json(document, &mut ValuePath::root())
}

fn yaml_error(error: serde_yaml::Error) -> ReadError {
    let message = error.to_string();
    match error.location() {
        Some(location) => {
            let mut message = without_position(&message, location.line(), location.column());
            if message == "recursion limit exceeded" {
                // Aliases can nest deeper than the text does.
                message = nested_too_deep();
            }
            if message.contains("duplicate entry") {
                message.push_str("; a template may not repeat a key");
            }
            ReadError::Syntax { line: location.line(), column: location.column(), message }
        }
        None if message == "repetition limit exceeded" => ReadError::Shape {
            path: ValuePath::root().to_string(),
            message: "the aliases (`*name`) expand to too many values (serde_yaml's limit, against a \"billion \
                      laughs\"); write the values out"
                .to_owned(),
        },
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
