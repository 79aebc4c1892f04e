//! `template.json` / `template.yaml`: a CloudFormation template with the
//! pipeline (`AWS::CodePipeline::Pipeline`, PascalCase properties,
//! `DisableInboundStageTransitions`, `RestartExecutionOnUpdate`, `Tags`) and
//! the EventBridge and notification rules declared with it.
//!
//! CloudFormation expressions are written as they are. The pipeline's
//! logical id is derived from its name, so it stays the same from one synth
//! to the next and CloudFormation updates the pipeline in place.

use heck::ToUpperCamelCase;
use pipewright_dsl::Pipeline;
use serde_json::{Map, Value};

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

/// The template as a JSON value.
pub fn template(pipeline: &Pipeline) -> Result<Value, EmitError> {
    let id = logical_id(&pipeline.name());
    let mut resources = Map::new();
    // Built with `insert`, not `json!`: `json!` copies a value given to it
    // by serializing it again, which for the pipeline doubled the work.
    let mut resource = Map::new();
    resource.insert("Type".to_owned(), Value::from(PIPELINE_TYPE));
    resource.insert("Properties".to_owned(), pipeline.to_cfn(&id).into_properties());
    resources.insert(id.clone(), Value::Object(resource));
    let rules = events::template_resources(pipeline, &id).into_iter();
    for (resource_id, resource) in rules.chain(notifications::template_resources(pipeline, &id)) {
        if resources.insert(resource_id.clone(), resource).is_some() {
            return Err(EmitError::Serialize(format!(
                "two resources of the template have the logical id {resource_id}: rename one of the rules"
            )));
        }
    }
    let mut template = Map::new();
    template.insert("AWSTemplateFormatVersion".to_owned(), Value::from("2010-09-09"));
    template.insert(
        "Description".to_owned(),
        Value::from(format!("The CodePipeline pipeline {} and the rules declared with it", pipeline.name())),
    );
    template.insert("Resources".to_owned(), Value::Object(resources));
    Ok(Value::Object(template))
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
    if holds_iam_resources(&template) {
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

/// Whether the template declares IAM resources, which `aws cloudformation
/// deploy` creates only when told it may.
fn holds_iam_resources(template: &Value) -> bool {
    template["Resources"].as_object().is_some_and(|resources| {
        resources.values().any(|resource| resource["Type"].as_str().is_some_and(|kind| kind.starts_with("AWS::IAM::")))
    })
}
