//! The pipeline (`PipelineDeclaration`) and the create-pipeline envelope.

use derive_builder::{Builder, UninitializedFieldError};
use serde::{Deserialize, Serialize};

use super::builder::build_naming_the_struct;
use super::value::lenient_u32;
use super::{ArtifactStore, ArtifactStores, StageDeclaration, Str, TriggerDeclaration};

/// The input of `aws codepipeline create-pipeline --cli-input-json`, and the
/// output of `get-pipeline` (which adds `metadata`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{PipelineDocumentBuilder, TagBuilder};
use pipewright_dsl::prelude::*;

let pipeline = Pipeline::build("app", |p| {
    let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    p.stage("Build", |s| {
        s.add(CodeBuild::new("Build", "project", source.artifact()));
    });
});
let document = PipelineDocumentBuilder::default()
    .pipeline(pipeline.declaration().clone())
    .tags(vec![TagBuilder::default().key("team").value("platform").build()?])
    .build()?;
assert_eq!(document.pipeline.stages.len(), 2);
assert_eq!(document.metadata, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct PipelineDocument {
    /// The pipeline.
    pub pipeline: PipelineDeclaration,
    /// Resource tags (create-pipeline only).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::conditional::optional_items")]
    #[builder(default)]
    pub tags: Option<Vec<Tag>>,
    /// What get-pipeline reports about the pipeline (ARN, dates); must be
    /// removed before the JSON goes back to update-pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub metadata: Option<serde_json::Value>,
}

/// A pipeline as the CodePipeline API declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ArtifactStore, ExecutionMode, PipelineDeclarationBuilder, PipelineType};

let declaration = PipelineDeclarationBuilder::default()
    .name("app")
    .role_arn("arn:aws:iam::123456789012:role/PipelineRole")
    .artifact_store(ArtifactStore::s3("app-artifacts"))
    .stages(vec![])
    .pipeline_type(PipelineType::V2)
    .execution_mode(ExecutionMode::Queued)
    .build()?;
assert_eq!(declaration.execution_mode, Some(ExecutionMode::Queued));
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct PipelineDeclaration {
    /// Unique per account and Region (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// The service role CodePipeline assumes.
    pub role_arn: Str,
    /// The artifact store of a single-Region pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub artifact_store: Option<ArtifactStore>,
    /// One artifact store per Region of a cross-Region pipeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub artifact_stores: Option<ArtifactStores>,
    /// The stages, in order (2..50).
    #[serde(with = "super::conditional::items")]
    pub stages: Vec<StageDeclaration>,
    /// Structure version, as get-pipeline reports it; omitted on create.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32::deserialize::<_, 1, 4294967295>"
    )]
    #[builder(default)]
    pub version: Option<u32>,
    /// How concurrent executions are handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub execution_mode: Option<ExecutionMode>,
    /// V1 or V2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub pipeline_type: Option<PipelineType>,
    /// Pipeline-level variables (V2, at most 50).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::conditional::optional_items")]
    #[builder(default)]
    pub variables: Option<Vec<PipelineVariable>>,
    /// Git triggers (V2, at most 50).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::conditional::optional_items")]
    #[builder(default)]
    pub triggers: Option<Vec<TriggerDeclaration>>,
}

/// How concurrent executions of a pipeline are handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ExecutionMode {
    /// A newer execution may replace an older one waiting between stages (default).
    Superseded,
    /// Executions run one at a time, in order (V2).
    Queued,
    /// Executions run independently and at the same time (V2).
    Parallel,
}

/// The pipeline type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum PipelineType {
    /// The original pipeline type.
    V1,
    /// Adds variables, triggers, conditions, and the QUEUED and PARALLEL modes.
    V2,
}

/// A pipeline-level variable (V2), referenced as `#{variables.NAME}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::PipelineVariableBuilder;

let variable = PipelineVariableBuilder::default()
    .name("Environment")
    .default_value("staging")
    .description("Where the pipeline deploys")
    .build()?;
assert_eq!(variable.default_value.unwrap(), "staging");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct PipelineVariable {
    /// Name (`[A-Za-z0-9@\-_]+`, 1..128).
    pub name: Str,
    /// Default (1..1000); without one the value must be given at start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub default_value: Option<Str>,
    /// Description (0..200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub description: Option<Str>,
    /// The CloudFormation condition the variable is declared under
    /// (template form only), written as `Fn::If` around it.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// A resource tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::TagBuilder;

let tag = TagBuilder::default().key("team").value("platform").build()?;
assert_eq!(tag.value, "platform");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct Tag {
    /// Key (1..128).
    pub key: Str,
    /// Value (0..256).
    pub value: Str,
    /// The CloudFormation condition the tag is set under (template form
    /// only), written as `Fn::If` around it.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

build_naming_the_struct!(
    PipelineDocument => PipelineDocumentBuilder,
    PipelineDeclaration => PipelineDeclarationBuilder,
    PipelineVariable => PipelineVariableBuilder,
    Tag => TagBuilder,
);
