//! The `Properties` of an `AWS::CodePipeline::Pipeline` resource, written
//! straight from the model.

use serde::{Serialize, Serializer};

use super::pascal_case::PascalCase;
use super::resource::StageTransition;
use crate::model::{
    ArtifactStore, ExecutionMode, PipelineDeclaration, PipelineType, PipelineVariable, RegionalArtifactStore,
    StageDeclaration, Str, Tag, TriggerDeclaration,
};

/// The `Properties` of a pipeline resource, borrowed from the model: it
/// serializes (to JSON or YAML) with CloudFormation's property names, in the
/// order of [`CfnPipeline::to_properties`](super::CfnPipeline::to_properties),
/// without building an intermediate JSON value.
///
/// Get one from [`CfnPipeline::properties`](super::CfnPipeline::properties)
/// or [`Pipeline::cfn_properties`](crate::Pipeline::cfn_properties).
///
/// ```
/// use pipewright_dsl::model::cloudformation::CfnPipeline;
/// use serde_json::json;
///
/// let properties = json!({"RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "Stages": [], "Tags": [{"Key": "team", "Value": "web"}]});
/// let pipeline = CfnPipeline::from_properties("Pipeline", &properties).unwrap();
/// assert_eq!(
///     serde_json::to_string(&pipeline.properties()).unwrap(),
///     r#"{"RoleArn":{"Fn::GetAtt":["Role","Arn"]},"Stages":[],"Tags":[{"Key":"team","Value":"web"}]}"#
/// );
/// ```
pub struct PipelineProperties<'a>(Properties<'a>);

/// The properties under the model's (camelCase) field names, which
/// [`PascalCase`] writes in CloudFormation's case.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a Str>,
    role_arn: &'a Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    artifact_store: Option<&'a ArtifactStore>,
    /// A list of `{Region, ArtifactStore}`: the Region may be an expression,
    /// which the API form (a map keyed by Region) cannot hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    artifact_stores: Option<&'a [RegionalArtifactStore]>,
    #[serde(serialize_with = "crate::model::conditional::items::serialize")]
    stages: &'a [StageDeclaration],
    #[serde(skip_serializing_if = "Option::is_none")]
    execution_mode: Option<&'a ExecutionMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pipeline_type: Option<&'a PipelineType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::model::conditional::optional_items::serialize")]
    variables: Option<&'a [PipelineVariable]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::model::conditional::optional_items::serialize")]
    triggers: Option<&'a [TriggerDeclaration]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disable_inbound_stage_transitions: Option<&'a [StageTransition]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    restart_execution_on_update: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "crate::model::conditional::optional_items::serialize")]
    tags: Option<&'a [Tag]>,
}

impl<'a> PipelineProperties<'a> {
    /// The properties of `declaration` plus those only CloudFormation has.
    /// `Name` is written only when `name_given`; `Version` never (it is
    /// read-only in CloudFormation).
    pub(crate) fn new(
        declaration: &'a PipelineDeclaration,
        name_given: bool,
        disable_inbound_stage_transitions: Option<&'a [StageTransition]>,
        restart_execution_on_update: Option<bool>,
        tags: Option<&'a [Tag]>,
    ) -> Self {
        // Every field named, so that a field added to the model cannot be
        // left out of the template unnoticed.
        let PipelineDeclaration {
            name,
            role_arn,
            artifact_store,
            artifact_stores,
            stages,
            version: _,
            execution_mode,
            pipeline_type,
            variables,
            triggers,
        } = declaration;
        PipelineProperties(Properties {
            name: name_given.then_some(name),
            role_arn,
            artifact_store: artifact_store.as_ref(),
            artifact_stores: artifact_stores.as_ref().map(|stores| stores.0.as_slice()),
            stages,
            execution_mode: execution_mode.as_ref(),
            pipeline_type: pipeline_type.as_ref(),
            variables: variables.as_deref(),
            triggers: triggers.as_deref(),
            disable_inbound_stage_transitions,
            restart_execution_on_update,
            tags,
        })
    }
}

impl Serialize for PipelineProperties<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PascalCase(&self.0).serialize(serializer)
    }
}
