//! `template.json` / `template.yaml`: a CloudFormation template with the
//! parameters, mappings and conditions declared with the pipeline, the pipeline
//! (`AWS::CodePipeline::Pipeline`, PascalCase properties, `DependsOn`,
//! `DisableInboundStageTransitions`, `RestartExecutionOnUpdate`, `Tags`), the
//! EventBridge and notification rules declared with it, and its companion
//! resources.
//!
//! CloudFormation expressions are written as they are. The pipeline's
//! logical id is the one given with `p.logical_id(..)`, or derived from its
//! name, so it stays the same from one synth to the next and CloudFormation
//! updates the pipeline in place. A template is self-contained: a reference
//! to a name it does not declare is a finding ([`check`]). To place the
//! pipeline in a template of your own, take its resource from
//! [`Pipeline::to_cfn`] instead; that is not checked.

use heck::{ToShoutySnakeCase, ToUpperCamelCase};
use pipewright_dsl::model::cloudformation::{PipelineProperties, TemplateCondition};
use pipewright_dsl::model::Str;
use pipewright_dsl::stack::Stack;
use pipewright_dsl::template::{Parameter, Resource};
use pipewright_dsl::{Location, Pipeline, Rule, Violation};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::api_json::region_option;
use super::template_references::undeclared_references;
use super::{events, notifications, shell_word, DeployStep, EmitError, FileKind, Format, OutputFile};

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

/// The logical id of `pipeline`'s resource: the one it was given, or
/// [`logical_id`] of the name that names its folder.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::emit::cloudformation::pipeline_logical_id;
///
/// assert_eq!(pipeline_logical_id(&Pipeline::build("my-pipeline", |_| {})), "MyPipelinePipeline");
/// assert_eq!(pipeline_logical_id(&Pipeline::build("my-pipeline", |p| { p.logical_id("Pipeline"); })), "Pipeline");
/// ```
pub fn pipeline_logical_id(pipeline: &Pipeline) -> String {
    pipeline.logical_id().map_or_else(|| logical_id(&pipeline.folder_name()), str::to_owned)
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
    #[serde(rename = "Parameters", skip_serializing_if = "Section::is_empty")]
    parameters: Section<'a, Parameter>,
    #[serde(rename = "Mappings", skip_serializing_if = "Section::is_empty")]
    mappings: Section<'a, Value>,
    #[serde(rename = "Conditions", skip_serializing_if = "Section::is_empty")]
    conditions: Section<'a, Str>,
    #[serde(rename = "Resources")]
    resources: Resources<'a>,
}

/// A section of the template that maps names to entries (`Parameters`,
/// `Mappings`, `Conditions`), in declaration order.
struct Section<'a, T>(Vec<(&'a str, &'a T)>);

impl<T> Section<'_, T> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for Section<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, entry) in &self.0 {
            map.serialize_entry(name, entry)?;
        }
        map.end()
    }
}

/// The pipeline resources first, then the rules declared with them, then
/// the companion resources.
struct Resources<'a> {
    pipelines: Vec<PipelineEntry<'a>>,
    rules: Vec<(String, Value)>,
    companions: Vec<&'a Resource>,
}

/// One pipeline resource: its logical id, what it waits for, its properties.
struct PipelineEntry<'a> {
    logical_id: String,
    depends_on: &'a [String],
    properties: PipelineProperties<'a>,
}

/// `{"Type": "AWS::CodePipeline::Pipeline", "DependsOn": [...], "Properties": {...}}`.
#[derive(Serialize)]
struct PipelineResource<'a, 'p> {
    #[serde(rename = "Type")]
    resource_type: &'static str,
    #[serde(rename = "DependsOn", skip_serializing_if = "<[String]>::is_empty")]
    depends_on: &'a [String],
    #[serde(rename = "Properties")]
    properties: &'a PipelineProperties<'p>,
}

impl Serialize for Resources<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map =
            serializer.serialize_map(Some(self.pipelines.len() + self.rules.len() + self.companions.len()))?;
        for pipeline in &self.pipelines {
            map.serialize_entry(
                &pipeline.logical_id,
                &PipelineResource {
                    resource_type: PIPELINE_TYPE,
                    depends_on: pipeline.depends_on,
                    properties: &pipeline.properties,
                },
            )?;
        }
        for (id, resource) in &self.rules {
            map.serialize_entry(id, resource)?;
        }
        for resource in &self.companions {
            map.serialize_entry(resource.logical_id(), &resource.to_json())?;
        }
        map.end()
    }
}

impl Template<'_> {
    /// Whether the template declares IAM resources, which `aws
    /// cloudformation deploy` creates only when told it may.
    fn holds_iam_resources(&self) -> bool {
        let iam = |kind: &str| kind.starts_with("AWS::IAM::");
        self.resources.rules.iter().any(|(_, resource)| resource["Type"].as_str().is_some_and(iam))
            || self.resources.companions.iter().any(|resource| iam(resource.resource_type()))
    }

    /// ` --parameter-overrides Name=value ...`: each parameter's default, and
    /// `Name="$NAME"` (an environment variable the person deploying sets) for
    /// each parameter without one; empty without parameters.
    fn parameter_overrides(&self) -> String {
        let overrides: Vec<String> = self
            .parameters
            .0
            .iter()
            .map(|(name, parameter)| match parameter.default() {
                Some(value) => shell_word(&format!("{name}={value}")),
                None => format!("{name}=\"${}\"", name.to_shouty_snake_case()),
            })
            .collect();
        if overrides.is_empty() {
            String::new()
        } else {
            format!(" --parameter-overrides {}", overrides.join(" "))
        }
    }
}

/// The template of `pipeline`. Refuses two resources or parameters with one
/// logical id.
pub fn template(pipeline: &Pipeline) -> Result<Template<'_>, EmitError> {
    let description = format!("The CodePipeline pipeline {} and the rules declared with it", pipeline.folder_name());
    template_of(&[pipeline], &[], &[], description)
}

/// The template of `stack`: every pipeline of it, the rules declared with
/// them, the stack's and the pipelines' parameters (one declared in several
/// places, the same each time, is written once) and resources. Refuses two
/// resources or parameters with one logical id.
pub fn stack_template(stack: &Stack) -> Result<Template<'_>, EmitError> {
    let pipelines: Vec<&Pipeline> = stack.pipelines().iter().collect();
    let description =
        format!("The CodePipeline pipelines of the stack {} and the rules declared with them", stack.name());
    template_of(&pipelines, stack.parameters(), stack.resources(), description)
}

/// The template holding `pipelines` with their rules, parameters and
/// companion resources, after the `shared` ones.
fn template_of<'a>(
    pipelines: &[&'a Pipeline],
    shared_parameters: &'a [Parameter],
    shared_resources: &'a [Resource],
    description: String,
) -> Result<Template<'a>, EmitError> {
    let mut entries = Vec::with_capacity(pipelines.len());
    let mut rules = Vec::new();
    for pipeline in pipelines {
        let id = pipeline_logical_id(pipeline);
        rules.extend(events::template_resources(pipeline, &id));
        rules.extend(notifications::template_resources(pipeline, &id));
        entries.push(PipelineEntry {
            logical_id: id,
            depends_on: pipeline.depends_on(),
            properties: pipeline.cfn_properties(),
        });
    }
    let mut parameters: Vec<&Parameter> = Vec::new();
    for parameter in shared_parameters.iter().chain(pipelines.iter().flat_map(|pipeline| pipeline.parameters())) {
        if !parameters.contains(&parameter) {
            parameters.push(parameter);
        }
    }
    let mut conditions: Vec<&TemplateCondition> = Vec::new();
    for condition in pipelines.iter().flat_map(|pipeline| pipeline.conditions()) {
        if !conditions.contains(&condition) {
            conditions.push(condition);
        }
    }
    let mut mappings: Vec<(&str, &Value)> = Vec::new();
    for (name, entries) in pipelines.iter().flat_map(|pipeline| pipeline.mappings()) {
        if !mappings.iter().any(|(known, _)| known == name) {
            mappings.push((name.as_str(), entries));
        }
    }
    let companions: Vec<&Resource> =
        shared_resources.iter().chain(pipelines.iter().flat_map(|pipeline| pipeline.resources())).collect();
    let ids = entries
        .iter()
        .map(|entry| entry.logical_id.as_str())
        .chain(rules.iter().map(|(rule_id, _)| rule_id.as_str()))
        .chain(companions.iter().map(|resource| resource.logical_id()))
        .chain(parameters.iter().map(|parameter| parameter.name()));
    let mut seen = std::collections::HashSet::new();
    for resource_id in ids {
        if !seen.insert(resource_id) {
            return Err(EmitError::Serialize(format!(
                "two parameters or resources of the template have the logical id {resource_id}: rename one of them"
            )));
        }
    }
    Ok(Template {
        format_version: "2010-09-09",
        description,
        parameters: Section(parameters.into_iter().map(|parameter| (parameter.name(), parameter)).collect()),
        mappings: Section(mappings),
        conditions: Section(
            conditions.into_iter().map(|condition| (condition.name(), condition.expression())).collect(),
        ),
        resources: Resources { pipelines: entries, rules, companions },
    })
}

/// The findings synth's template of `pipeline` gives rise to: every
/// reference to a name the template does not declare
/// (`template-reference-undeclared`), at its path in the template.
pub fn check(pipeline: &Pipeline) -> Vec<Violation> {
    let location = Location::pipeline(&pipeline.declaration().name).field("template");
    template(pipeline).map(|template| undeclared(&template, &location)).unwrap_or_default()
}

/// [`check`] for the template of `stack`.
pub fn check_stack(stack: &Stack) -> Vec<Violation> {
    let location = Location::stack(stack.name()).field("template");
    stack_template(stack).map(|template| undeclared(&template, &location)).unwrap_or_default()
}

/// A `template-reference-undeclared` finding below `location` for every
/// reference of `template` to a name it does not declare.
fn undeclared(template: &Template<'_>, location: &Location) -> Vec<Violation> {
    let Ok(value) = serde_json::to_value(template) else { return Vec::new() };
    undeclared_references(&value)
        .into_iter()
        .map(|found| {
            let declare = match found.function {
                "Fn::FindInMap" => format!("declare the mapping with `p.mapping(\"{}\", ..)`", found.name),
                _ => format!(
                    "declare it with `p.parameter(Parameter::string(\"{}\"))` or add the resource with \
                     `p.resource(..)`",
                    found.name
                ),
            };
            Violation::new(
                location.field(&found.path),
                Rule::TemplateReferenceUndeclared,
                format!(
                    "{} refers to \"{}\", which the template does not declare: {declare}; to place the pipeline in \
                     a template of your own, take its resource from `Pipeline::to_cfn(..)`",
                    found.function, found.name
                ),
            )
        })
        .collect()
}

/// Writes `template.json` or `template.yaml` for `pipeline`.
pub fn emit(pipeline: &Pipeline, format: Format) -> Result<OutputFile, EmitError> {
    render(&template(pipeline)?, &stack_name(&pipeline.folder_name()), pipeline, format)
}

/// Writes `template.json` or `template.yaml` for `stack`, deployed as the
/// stack of its name in the account and Region of its first pipeline.
pub fn emit_stack(stack: &Stack, format: Format) -> Result<OutputFile, EmitError> {
    let first = stack.pipelines().first().ok_or_else(|| {
        EmitError::Serialize(format!("the stack {} holds no pipeline: add one with `.pipeline(..)`", stack.name()))
    })?;
    render(&stack_template(stack)?, stack.name(), first, format)
}

/// The template file and the command that deploys it as `stack`, in the
/// account and Region of `pipeline`.
fn render(template: &Template<'_>, stack: &str, pipeline: &Pipeline, format: Format) -> Result<OutputFile, EmitError> {
    let path = format!("template.{}", format.extension());
    let mut command =
        format!("aws cloudformation deploy{} --template-file {path} --stack-name {stack}", region_option(pipeline),);
    command.push_str(&template.parameter_overrides());
    if template.holds_iam_resources() {
        command.push_str(" --capabilities CAPABILITY_NAMED_IAM");
    }
    command.push_str(" --no-fail-on-empty-changeset");
    Ok(OutputFile {
        contents: format.render(template)?,
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
