//! Reading and writing the `AWS::CodePipeline::Pipeline` resource of a
//! CloudFormation template.
//!
//! A template writes the same pipeline as the API JSON, with PascalCase
//! property names, `ArtifactStores` as a list of `{Region, ArtifactStore}`,
//! intrinsic functions where strings go, and a few properties of its own
//! (`DisableInboundStageTransitions`, `RestartExecutionOnUpdate`, `Tags`;
//! `Name` is optional). [`CfnPipeline`] holds one such resource:
//! [`read_template`] reads every pipeline of a template (JSON or YAML, short
//! forms included), [`CfnPipeline::from_properties`] and
//! [`CfnPipeline::to_properties`] convert one resource's properties, and
//! [`PipelineProperties`] writes them without an intermediate JSON value.
//!
//! The model keeps what CloudFormation means, not how it was spelled:
//! booleans and numbers in string positions are read as their string form
//! (CloudFormation's own coercion), a `Configuration` written as a JSON
//! string is read as its object, and YAML short forms become the long form.
//!
//! [`first_expression`] finds the expression that keeps a serialized
//! pipeline from being valid API JSON.

mod condition;
mod expression;
mod pascal_case;
mod properties;
mod recase;
mod resource;
mod template;
pub(crate) mod value_path;
mod yaml;
mod yaml_check;

pub(crate) use condition::if_expression;
pub use condition::{IfThen, TemplateCondition};
pub use expression::{first_expression, ExpressionAt};
pub use properties::PipelineProperties;
pub use resource::{CfnPipeline, StageTransition};
pub use template::{
    for_each_message, parse_template, parse_template_as, read_template, template_pipelines, TemplateFormat,
    TemplatePipelines, PIPELINE_RESOURCE_TYPE,
};
