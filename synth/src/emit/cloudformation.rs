//! `template.json` / `template.yaml`: a CloudFormation template with the
//! pipeline (`AWS::CodePipeline::Pipeline`, PascalCase properties,
//! `DisableInboundStageTransitions`, `RestartExecutionOnUpdate`, `Tags`) and
//! the EventBridge and notification rules declared with it.
//!
//! CloudFormation expressions are written as they are. The pipeline's
//! logical id is derived from its name, so it stays the same from one synth
//! to the next and CloudFormation updates the pipeline in place.

use heck::ToUpperCamelCase;
use pipewright_dsl::model::cloudformation::{PipelineProperties, TemplateCondition};
use pipewright_dsl::Pipeline;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::api_json::region_option;
use super::{events, notifications, DeployStep, EmitError, FileKind, Format, OutputFile};

/// The resource type of the pipeline.
const PIPELINE_TYPE: &str = "AWS::CodePipeline::Pipeline";

/// The logical id of a pipeline's resource: its name in UpperCamelCase,
/// alphanumerics only, followed by `Pipeline`.
///
/// ```
/// use pipewright_synth::emit::cloudformation::logical_id;
///
/// assert_eq!(logical_id("my-pipeline"), "MyPipelinePipeline");
/// assert_eq!(logical_id("web.app_v2@prod"), "WebAppV2ProdPipeline");
/// ```
pub fn logical_id(pipeline_name: &str) -> String {
    let mut id: String = pipeline_name.to_upper_camel_case().chars().filter(char::is_ascii_alphanumeric).collect();
    id.push_str("Pipeline");
    id
}

/// The name of the stack that holds the pipeline: its name with `.`, `@` and
/// `_` turned into `-`, and `pipeline-` in front when it does not start with
/// a letter (stack names are `[a-zA-Z][-a-zA-Z0-9]*`).
///
/// ```
/// use pipewright_synth::emit::cloudformation::stack_name;
///
/// assert_eq!(stack_name("my-pipeline"), "my-pipeline");
/// assert_eq!(stack_name("2024_release.v2"), "pipeline-2024-release-v2");
/// ```
pub fn stack_name(pipeline_name: &str) -> String {
    let name: String =
        pipeline_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("pipeline-{name}")
    }
}

/// The template of one pipeline, ready to serialize: the pipeline resource
/// is written straight from the model, with CloudFormation's property names.
#[derive(Serialize)]
pub struct Template<'a> {
    #[serde(rename = "AWSTemplateFormatVersion")]
    format_version: &'static str,
    #[serde(rename = "Description")]
    description: String,
    #[serde(rename = "Conditions", skip_serializing_if = "Conditions::is_empty")]
    conditions: Conditions<'a>,
    #[serde(rename = "Resources")]
    resources: Resources<'a>,
}

/// The template's `Conditions`: each condition's name and expression.
struct Conditions<'a>(&'a [TemplateCondition]);

impl Conditions<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Conditions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for condition in self.0 {
            map.serialize_entry(condition.name(), condition.expression())?;
        }
        map.end()
    }
}

/// The pipeline resource first, then the rules declared with it.
struct Resources<'a> {
    pipeline_id: String,
    pipeline: PipelineProperties<'a>,
    rules: Vec<(String, Value)>,
}

/// `{"Type": "AWS::CodePipeline::Pipeline", "Properties": {...}}`.
#[derive(Serialize)]
struct PipelineResource<'a, 'p> {
    #[serde(rename = "Type")]
    resource_type: &'static str,
    #[serde(rename = "Properties")]
    properties: &'a PipelineProperties<'p>,
}

impl Serialize for Resources<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1 + self.rules.len()))?;
        map.serialize_entry(
            &self.pipeline_id,
            &PipelineResource { resource_type: PIPELINE_TYPE, properties: &self.pipeline },
        )?;
        for (id, resource) in &self.rules {
            map.serialize_entry(id, resource)?;
        }
        map.end()
    }
}

impl Template<'_> {
    /// Whether the template declares IAM resources, which `aws
    /// cloudformation deploy` creates only when told it may.
    fn holds_iam_resources(&self) -> bool {
        self.resources
            .rules
            .iter()
            .any(|(_, resource)| resource["Type"].as_str().is_some_and(|kind| kind.starts_with("AWS::IAM::")))
    }
}

/// The template of `pipeline`. Refuses two resources with one logical id.
pub fn template(pipeline: &Pipeline) -> Result<Template<'_>, EmitError> {
    let id = logical_id(&pipeline.name());
    let mut rules = events::template_resources(pipeline, &id);
    rules.extend(notifications::template_resources(pipeline, &id));
    for (index, (resource_id, _)) in rules.iter().enumerate() {
        if *resource_id == id || rules[..index].iter().any(|(other, _)| other == resource_id) {
            return Err(EmitError::Serialize(format!(
                "two resources of the template have the logical id {resource_id}: rename one of the rules"
            )));
        }
    }
    Ok(Template {
        format_version: "2010-09-09",
        description: format!("The CodePipeline pipeline {} and the rules declared with it", pipeline.name()),
        conditions: Conditions(pipeline.conditions()),
        resources: Resources { pipeline_id: id, pipeline: pipeline.cfn_properties(), rules },
    })
}

/// Writes `template.json` or `template.yaml` for `pipeline`.
pub fn emit(pipeline: &Pipeline, format: Format) -> Result<OutputFile, EmitError> {
    let template = template(pipeline)?;
    let path = format!("template.{}", format.extension());
    let mut command = format!(
        "aws cloudformation deploy{} --template-file {path} --stack-name {}",
        region_option(pipeline),
        stack_name(&pipeline.name())
    );
    if template.holds_iam_resources() {
        command.push_str(" --capabilities CAPABILITY_NAMED_IAM");
    }
    Ok(OutputFile {
        contents: format.render(&template)?,
        path,
        kind: FileKind::Template,
        deploy: Some(DeployStep {
            command,
            account: pipeline.account().map(str::to_owned),
            region: pipeline.region().map(str::to_owned),
            order: 1,
        }),
    })
}
