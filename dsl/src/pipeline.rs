//! The finished [`Pipeline`]: the model plus what lives around it (tags,
//! disabled transitions, its Region, EventBridge and notification rules) and
//! what the builder noticed while defining it. Nothing here knows the
//! builders or the validation rules: [`Pipeline::build`] is defined with the
//! builder, [`Pipeline::validate`] with the rules.

use crate::events::EventRule;
use crate::model::cloudformation::{CfnPipeline, PipelineProperties, StageTransition, TemplateCondition};
use crate::model::{PipelineDeclaration, PipelineDocument, Tag};
use crate::notifications::NotificationRule;
use crate::provision::Provision;
use crate::template::{Parameter, Resource};
use crate::{Location, Violation};

/// A finished pipeline: the model plus what lives around it (tags, disabled
/// transitions), ready to validate and synthesize.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    pub(crate) declaration: PipelineDeclaration,
    pub(crate) tags: Vec<Tag>,
    pub(crate) disabled_transitions: Vec<DisabledTransition>,
    pub(crate) restart_execution_on_update: Option<bool>,
    /// The name stands in for the one CloudFormation generates (a template
    /// without `Name`); it is not written back to a template.
    pub(crate) name_generated: bool,
    pub(crate) build_violations: Vec<Violation>,
    /// Names the builder derived (an artifact or namespace made from the
    /// action's name): a finding at one of them says so.
    pub(crate) derived_names: Vec<DerivedName>,
    pub(crate) surroundings: Surroundings,
}

/// A name the builder derived, where it is in the model, and what to say
/// about it in a finding there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DerivedName {
    /// The field that holds the name.
    pub(crate) location: Location,
    /// E.g. `artifact name "CheckoutOutput" was derived from action
    /// "Checkout" — set one with .output_name(..)`.
    pub(crate) note: String,
}

/// A stage whose inbound transition is disabled when the pipeline is deployed:
/// the CloudFormation model's `DisableInboundStageTransitions` item.
pub type DisabledTransition = StageTransition;

impl Pipeline {
    /// Wraps a pipeline read from JSON or a template, to validate or
    /// synthesize it like a built one.
    pub fn from_document(document: PipelineDocument) -> Pipeline {
        Pipeline {
            declaration: document.pipeline,
            tags: document.tags.unwrap_or_default(),
            disabled_transitions: Vec::new(),
            restart_execution_on_update: None,
            name_generated: false,
            build_violations: Vec::new(),
            derived_names: Vec::new(),
            surroundings: Surroundings::default(),
        }
    }

    /// Wraps a pipeline resource read from a CloudFormation template, with
    /// its tags, disabled transitions and restart flag. A resource without
    /// `Name` keeps its logical id, which stands in for the name.
    pub fn from_cfn(resource: CfnPipeline) -> Pipeline {
        let empty_transitions_written = resource.disable_inbound_stage_transitions.as_ref().is_some_and(Vec::is_empty);
        Pipeline {
            declaration: resource.declaration,
            tags: resource.tags.unwrap_or_default(),
            disabled_transitions: resource.disable_inbound_stage_transitions.unwrap_or_default(),
            restart_execution_on_update: resource.restart_execution_on_update,
            name_generated: !resource.name_given,
            build_violations: Vec::new(),
            derived_names: Vec::new(),
            surroundings: Surroundings {
                empty_transitions_written,
                logical_id: (!resource.name_given).then_some(resource.logical_id),
                conditions: resource.conditions,
                conditions_known: true,
                ..Surroundings::default()
            },
        }
    }

    /// The pipeline as the CloudFormation resource `logical_id`; its
    /// [`to_properties`](CfnPipeline::to_properties) are the resource's
    /// `Properties`. Empty tag and transition lists are left out (the latter
    /// unless [`Pipeline::transitions_written`]).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.role_arn(cfn::get_att("PipelineRole", "Arn"));
    ///     p.artifact_store(ArtifactStore::s3(cfn::reference("ArtifactBucket")));
    ///     p.restart_execution_on_update(true);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("Build", "my-build-project", source.artifact()));
    ///     });
    /// });
    /// let properties = pipeline.to_cfn("Pipeline").to_properties();
    /// assert_eq!(properties["Name"], "my-pipeline");
    /// assert_eq!(properties["RoleArn"], serde_json::json!({"Fn::GetAtt": ["PipelineRole", "Arn"]}));
    /// assert_eq!(properties["Stages"][1]["Actions"][0]["Configuration"]["ProjectName"], "my-build-project");
    /// assert_eq!(properties["RestartExecutionOnUpdate"], true);
    /// ```
    pub fn to_cfn(&self, logical_id: &str) -> CfnPipeline {
        CfnPipeline {
            logical_id: logical_id.to_owned(),
            declaration: self.declaration.clone(),
            name_given: !self.name_generated,
            disable_inbound_stage_transitions: self.transitions_written().then(|| self.disabled_transitions.clone()),
            restart_execution_on_update: self.restart_execution_on_update,
            tags: (!self.tags.is_empty()).then(|| self.tags.clone()),
            conditions: self.surroundings.conditions.clone(),
        }
    }

    /// The `Properties` of the pipeline's CloudFormation resource, borrowed:
    /// they serialize to the same bytes as
    /// [`to_cfn(..)`](Pipeline::to_cfn)`.`[`to_properties()`](CfnPipeline::to_properties)
    /// without copying the model or building a JSON value.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    ///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("Build", "my-build-project", source.artifact()));
    ///     });
    /// });
    /// let text = serde_json::to_string(&pipeline.cfn_properties()).unwrap();
    /// assert!(text.starts_with(r#"{"Name":"my-pipeline","RoleArn":"arn:aws:iam::123456789012:role/CodePipelineRole","#));
    /// assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), pipeline.to_cfn("Pipeline").to_properties());
    /// ```
    pub fn cfn_properties(&self) -> PipelineProperties<'_> {
        PipelineProperties::new(
            &self.declaration,
            !self.name_generated,
            self.transitions_written().then_some(self.disabled_transitions.as_slice()),
            self.restart_execution_on_update,
            (!self.tags.is_empty()).then_some(self.tags.as_slice()),
        )
    }

    /// The pipeline's name as written (an expression prints in its short form, `!Ref Name`).
    pub fn name(&self) -> String {
        self.declaration.name.to_string()
    }

    /// The model of the pipeline.
    pub fn declaration(&self) -> &PipelineDeclaration {
        &self.declaration
    }

    /// The create-pipeline input: the pipeline and its tags.
    pub fn document(&self) -> PipelineDocument {
        PipelineDocument {
            pipeline: self.declaration.clone(),
            tags: (!self.tags.is_empty()).then(|| self.tags.clone()),
            metadata: None,
        }
    }

    /// Resource tags.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    /// Stages whose inbound transition is disabled on deploy.
    pub fn disabled_transitions(&self) -> &[DisabledTransition] {
        &self.disabled_transitions
    }

    /// Whether the template writes `DisableInboundStageTransitions`: when a
    /// transition is disabled, or when asked to write the empty list
    /// ([`PipelineBuilder::write_empty_disabled_transitions`](crate::PipelineBuilder::write_empty_disabled_transitions),
    /// or a template read with one).
    pub fn transitions_written(&self) -> bool {
        !self.disabled_transitions.is_empty() || self.surroundings.empty_transitions_written
    }

    /// The CloudFormation conditions the pipeline's template declares (its
    /// `Conditions`), in declaration order: those declared with
    /// [`PipelineBuilder::condition`](crate::PipelineBuilder::condition), or
    /// read with a template.
    pub fn conditions(&self) -> &[TemplateCondition] {
        &self.surroundings.conditions
    }

    /// Whether the pipeline knows its template's `Conditions`: true for a
    /// pipeline built with the builders or read from a template, false for
    /// one read from API JSON (which has no template).
    pub fn conditions_known(&self) -> bool {
        self.surroundings.conditions_known
    }

    /// Whether CloudFormation starts an execution after each update.
    pub fn restart_execution_on_update(&self) -> Option<bool> {
        self.restart_execution_on_update
    }
}

impl AsRef<PipelineDeclaration> for Pipeline {
    fn as_ref(&self) -> &PipelineDeclaration {
        &self.declaration
    }
}

/// The declarations around one pipeline, kept beside its model.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Surroundings {
    /// The Region the pipeline is created in.
    pub(crate) region: Option<String>,
    /// EventBridge rules, in declaration order.
    pub(crate) event_rules: Vec<EventRule>,
    /// Notification rules, in declaration order.
    pub(crate) notification_rules: Vec<NotificationRule>,
    /// The pipeline resource's logical id, when one was given.
    pub(crate) logical_id: Option<String>,
    /// The template parameters declared with the pipeline.
    pub(crate) parameters: Vec<Parameter>,
    /// The companion resources declared with the pipeline.
    pub(crate) resources: Vec<Resource>,
    /// The logical ids the pipeline resource waits for (`DependsOn`).
    pub(crate) depends_on: Vec<String>,
    /// Which support resources synth generates, and the permissions of
    /// deployment roles in other accounts.
    pub(crate) provision: Provision,
    /// The CloudFormation conditions of the template, in declaration order.
    pub(crate) conditions: Vec<TemplateCondition>,
    /// Whether the pipeline knows its template's conditions (built, or read
    /// from a template): then a condition it names must be among them.
    pub(crate) conditions_known: bool,
    /// Whether the template writes `DisableInboundStageTransitions` when no
    /// transition is disabled (an empty list).
    pub(crate) empty_transitions_written: bool,
    /// The template's mappings (`Mappings`), in declaration order.
    pub(crate) mappings: Vec<(String, serde_json::Value)>,
}
