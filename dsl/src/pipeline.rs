//! The branded pipeline builder and the finished [`Pipeline`].

use std::collections::HashSet;

use crate::actions::ConnectionVariables;
use crate::handle::{ActionHandle, ActionRef, Artifact, Brand};
use crate::model::cloudformation::{CfnPipeline, PipelineProperties, StageTransition};
use crate::model::{
    ActionDeclaration, ArtifactStore, ArtifactStores, BeforeEntryConditions, ExecutionMode, FailureConditions,
    GitConfiguration, GitPullRequestFilter, GitPushFilter, InputArtifact, OutputArtifact, PipelineDeclaration,
    PipelineDocument, PipelineType, PipelineVariable, RegionalArtifactStore, StageDeclaration, Str, SuccessConditions,
    Tag, TriggerDeclaration, TriggerProviderType,
};
use crate::spec::{ActionSpec, AddedAction, ConfigValue};
use crate::stage::{SourceStageBuilder, StageBuilder};
use crate::surroundings::Surroundings;
use crate::validate;
use crate::variables::PipelineVar;
use crate::{Location, Rule, Violation, Violations};

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
    /// Defines a pipeline. Every handle created inside `define` is branded
    /// with this call and cannot be used in another pipeline.
    ///
    /// The brand is a lifetime, so the compiler reports a handle used in
    /// another pipeline as a lifetime error, not in pipewright's words. This
    /// error means an artifact, file or action handle of one `build` closure
    /// is used inside another's:
    ///
    /// ```text
    /// error[E0521]: borrowed data escapes outside of closure
    ///    |
    /// 10 |         let source = first.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///    |             ------ `source` declared here, outside of the closure body
    /// 11 |         Pipeline::build("second", |second| {
    ///    |                                    ------ `second` is a reference that is only valid in the closure body
    /// 12 |             second.stage("Build", |s| {
    /// 13 |                 s.add(CodeBuild::new("Build", "project", source.artifact()));
    ///    |                                                          ^^^^^^^^^^^^^^^^^ `second` escapes the closure body here
    ///
    /// error: lifetime may not live long enough
    /// ```
    ///
    /// ```compile_fail,E0521
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("first", |first| {
    ///     let source = first.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     Pipeline::build("second", |second| {
    ///         second.stage("Build", |s| {
    ///             s.add(CodeBuild::new("Build", "project", source.artifact()));
    ///         });
    ///     });
    /// });
    /// ```
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    ///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
    ///     let source = p.source_stage("Source", |s| {
    ///         s.add(CodeStarConnectionSource::new(
    ///             "SourceAction",
    ///             "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
    ///             "user/repo",
    ///             "main",
    ///         ).output_name("SourceOutput"))
    ///     });
    ///     let [built] = p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("BuildAction", "my-build-project", source.artifact()).output("BuildOutput")).artifacts
    ///     });
    ///     p.stage("Deploy", |s| {
    ///         s.add(EcsDeploy::new("DeployAction", "my-cluster", "my-service", built));
    ///     });
    /// });
    /// assert_eq!(pipeline.name(), "my-pipeline");
    /// assert!(pipeline.validate().is_ok());
    /// ```
    pub fn build<F>(name: impl Into<Str>, define: F) -> Pipeline
    where
        F: for<'p> FnOnce(&mut PipelineBuilder<'p>),
    {
        let mut builder = PipelineBuilder::new(name.into());
        define(&mut builder);
        builder.finish()
    }

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
    /// its tags, disabled transitions and restart flag.
    pub fn from_cfn(resource: CfnPipeline) -> Pipeline {
        Pipeline {
            declaration: resource.declaration,
            tags: resource.tags.unwrap_or_default(),
            disabled_transitions: resource.disable_inbound_stage_transitions.unwrap_or_default(),
            restart_execution_on_update: resource.restart_execution_on_update,
            name_generated: !resource.name_given,
            build_violations: Vec::new(),
            derived_names: Vec::new(),
            surroundings: Surroundings::default(),
        }
    }

    /// The pipeline as the CloudFormation resource `logical_id`; its
    /// [`to_properties`](CfnPipeline::to_properties) are the resource's
    /// `Properties`. Empty tag and transition lists are left out.
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
            disable_inbound_stage_transitions: (!self.disabled_transitions.is_empty())
                .then(|| self.disabled_transitions.clone()),
            restart_execution_on_update: self.restart_execution_on_update,
            tags: (!self.tags.is_empty()).then(|| self.tags.clone()),
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
            (!self.disabled_transitions.is_empty()).then_some(self.disabled_transitions.as_slice()),
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

    /// Whether CloudFormation starts an execution after each update.
    pub fn restart_execution_on_update(&self) -> Option<bool> {
        self.restart_execution_on_update
    }

    /// Every finding, errors and warnings, in rule order: first what the
    /// builder noticed, then the rules over the model and the declarations
    /// around it. A model finding that describes a mistake the builder
    /// already reported there is left out.
    pub fn check(&self) -> Vec<Violation> {
        validate::findings(self)
    }

    /// Checks every rule the types cannot carry and reports all findings at
    /// once, each with its path and what would be valid. Fails when any of
    /// them is an error; warnings alone pass (see [`Pipeline::check`]).
    pub fn validate(&self) -> Result<(), Violations> {
        let violations = self.check();
        if violations.iter().any(Violation::is_error) {
            Err(Violations(violations))
        } else {
            Ok(())
        }
    }
}

/// Defines one pipeline; handed to the closure of [`Pipeline::build`].
pub struct PipelineBuilder<'p> {
    name: Str,
    role_arn: Option<Str>,
    artifact_store: Option<ArtifactStore>,
    artifact_stores: Vec<RegionalArtifactStore>,
    pipeline_type: Option<PipelineType>,
    execution_mode: Option<ExecutionMode>,
    variables: Vec<PipelineVariable>,
    triggers: Vec<TriggerDeclaration>,
    tags: Vec<Tag>,
    restart_execution_on_update: Option<bool>,
    pub(crate) stages: Vec<StageState<'p>>,
    artifacts: Vec<String>,
    brand: Brand<'p>,
    pub(crate) surroundings: Surroundings,
    /// `action-output-count` findings, reported with the builder's others.
    output_count_mismatches: Vec<Violation>,
    /// The output artifact names derived from action names.
    derived_artifact_names: Vec<DerivedName>,
}

/// A stage while it is being defined.
pub(crate) struct StageState<'p> {
    pub(crate) name: Str,
    is_source: bool,
    pub(crate) actions: Vec<ActionSpec<'p>>,
    namespaces: Vec<String>,
    outputs: Vec<Vec<Artifact<'p>>>,
    pub(crate) disabled_reason: Option<String>,
    pub(crate) on_failure: Option<FailureConditions>,
    pub(crate) on_success: Option<SuccessConditions>,
    pub(crate) before_entry: Option<BeforeEntryConditions>,
}

impl<'p> PipelineBuilder<'p> {
    fn new(name: Str) -> Self {
        PipelineBuilder {
            name,
            role_arn: None,
            artifact_store: None,
            artifact_stores: Vec::new(),
            pipeline_type: None,
            execution_mode: None,
            variables: Vec::new(),
            triggers: Vec::new(),
            tags: Vec::new(),
            restart_execution_on_update: None,
            stages: Vec::new(),
            artifacts: Vec::new(),
            brand: Brand::default(),
            surroundings: Surroundings::default(),
            output_count_mismatches: Vec::new(),
            derived_artifact_names: Vec::new(),
        }
    }

    /// The service role CodePipeline assumes (required).
    pub fn role_arn(&mut self, arn: impl Into<Str>) -> &mut Self {
        self.role_arn = Some(arn.into());
        self
    }

    /// The artifact store of a single-Region pipeline.
    pub fn artifact_store(&mut self, store: ArtifactStore) -> &mut Self {
        self.artifact_store = Some(store);
        self
    }

    /// The artifact store for one Region of a cross-Region pipeline
    /// (`artifactStores`); list the pipeline's own Region too.
    pub fn artifact_store_in(&mut self, region: impl Into<Str>, store: ArtifactStore) -> &mut Self {
        self.artifact_stores.push(RegionalArtifactStore { region: region.into(), artifact_store: store });
        self
    }

    /// V1 or V2. Without it, a pipeline that uses what only V2 offers
    /// (variables, triggers, stage conditions, the QUEUED and PARALLEL
    /// execution modes, a V2-only provider such as Commands) is V2; an
    /// explicit V1 is kept, and validation reports what needs V2.
    pub fn pipeline_type(&mut self, pipeline_type: PipelineType) -> &mut Self {
        self.pipeline_type = Some(pipeline_type);
        self
    }

    /// How concurrent executions are handled.
    pub fn execution_mode(&mut self, mode: ExecutionMode) -> &mut Self {
        self.execution_mode = Some(mode);
        self
    }

    /// Declares a pipeline-level variable with a default value and returns
    /// its reference, `#{variables.NAME}`.
    pub fn variable(&mut self, name: &str, default_value: impl Into<Str>) -> PipelineVar<'p> {
        self.declare_variable(PipelineVariable {
            name: name.into(),
            default_value: Some(default_value.into()),
            description: None,
        })
    }

    /// Declares a pipeline-level variable that must be given at every start.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let release = p.required_variable("RELEASE");
    ///     assert_eq!(release.to_string(), "#{variables.RELEASE}");
    /// });
    /// let variables = pipeline.declaration().variables.as_ref().unwrap();
    /// assert_eq!(serde_json::to_value(variables).unwrap(), serde_json::json!([{"name": "RELEASE"}]));
    /// assert_eq!(pipeline.declaration().pipeline_type, Some(PipelineType::V2));
    /// ```
    pub fn required_variable(&mut self, name: &str) -> PipelineVar<'p> {
        self.declare_variable(PipelineVariable { name: name.into(), default_value: None, description: None })
    }

    /// Declares a pipeline-level variable with every field of the model.
    pub fn declare_variable(&mut self, variable: PipelineVariable) -> PipelineVar<'p> {
        let name = variable.name.to_string();
        self.variables.push(variable);
        PipelineVar { name, brand: self.brand }
    }

    /// A V2 trigger on a connection source: which pushes and pull requests
    /// start the pipeline. Empty filter lists are left out.
    pub fn trigger(
        &mut self,
        source: &ActionHandle<'p, 1, ConnectionVariables<'p>>,
        push: Vec<GitPushFilter>,
        pull_request: Vec<GitPullRequestFilter>,
    ) -> &mut Self {
        let action = source.action;
        let source_action_name = self.stages[action.stage].actions[action.index].name.clone();
        self.triggers.push(TriggerDeclaration {
            provider_type: TriggerProviderType::CodeStarSourceConnection,
            git_configuration: GitConfiguration {
                source_action_name,
                push: (!push.is_empty()).then_some(push),
                pull_request: (!pull_request.is_empty()).then_some(pull_request),
            },
        });
        self
    }

    /// A resource tag on the pipeline.
    pub fn tag(&mut self, key: impl Into<Str>, value: impl Into<Str>) -> &mut Self {
        self.tags.push(Tag { key: key.into(), value: value.into() });
        self
    }

    /// Whether CloudFormation starts an execution after each update of the
    /// pipeline (template only).
    pub fn restart_execution_on_update(&mut self, restart: bool) -> &mut Self {
        self.restart_execution_on_update = Some(restart);
        self
    }

    /// Defines the source stage, which must come first and holds only source
    /// actions. Returns what `define` returns (usually the source handles).
    pub fn source_stage<R>(
        &mut self,
        name: impl Into<Str>,
        define: impl FnOnce(&mut SourceStageBuilder<'p, '_>) -> R,
    ) -> R {
        let stage = self.open_stage(name.into(), true);
        define(&mut SourceStageBuilder { pipeline: self, stage })
    }

    /// Defines a stage of build, test, deploy, approval, invoke or compute
    /// actions. Returns what `define` returns.
    pub fn stage<R>(&mut self, name: impl Into<Str>, define: impl FnOnce(&mut StageBuilder<'p, '_>) -> R) -> R {
        let stage = self.open_stage(name.into(), false);
        define(&mut StageBuilder { pipeline: self, stage })
    }

    fn open_stage(&mut self, name: Str, is_source: bool) -> usize {
        self.stages.push(StageState {
            name,
            is_source,
            actions: Vec::new(),
            namespaces: Vec::new(),
            outputs: Vec::new(),
            disabled_reason: None,
            on_failure: None,
            on_success: None,
            before_entry: None,
        });
        self.stages.len() - 1
    }

    /// Records an action and mints its output artifacts, as many as its
    /// handle holds (`handle_outputs`): an action that declares another
    /// number is reported (`action-output-count`) and gets default outputs
    /// up to that number, so its handle is whole.
    pub(crate) fn add_action(
        &mut self,
        stage: usize,
        mut spec: ActionSpec<'p>,
        handle_outputs: usize,
    ) -> AddedAction<'p> {
        if spec.outputs.len() != handle_outputs {
            self.output_count_mismatches.push(Violation::new(
                Location::action(&self.name, &self.stages[stage].name, &spec.name),
                Rule::ActionOutputCount,
                format!(
                    "the action declares {} output artifacts but its handle holds {handle_outputs}; an \
                     `IntoAction` implementation must declare as many outputs in its `ActionSpec` as its `Handle` \
                     holds (build the spec with a typed action such as `GenericAction`, whose `.output(..)` \
                     setters keep both in step)",
                    spec.outputs.len()
                ),
            ));
            while spec.outputs.len() < handle_outputs {
                spec.default_output();
            }
        }
        let state = &self.stages[stage];
        let action = ActionRef { stage, index: state.actions.len(), brand: self.brand };
        let namespace = match &spec.namespace {
            Some(namespace) => namespace.to_string(),
            None => default_namespace(&state.name, &spec.name, action),
        };
        let mut outputs: Vec<Artifact<'p>> = Vec::with_capacity(spec.outputs.len());
        for (index, output) in spec.outputs.iter().enumerate() {
            let name = match &output.name {
                Some(name) => name.clone(),
                None => {
                    let name = default_artifact_name(&spec.name, action);
                    self.derived_artifact_names.push(DerivedName {
                        location: Location::action(&self.name, &state.name, &spec.name)
                            .field(&format!("outputArtifacts[{index}].name")),
                        note: format!(
                            "artifact name \"{name}\" was derived from action \"{}\" — set one with .output_name(..)",
                            spec.name
                        ),
                    });
                    name
                }
            };
            self.artifacts.push(name);
            outputs.push(Artifact { id: self.artifacts.len() - 1, brand: self.brand });
        }
        let state = &mut self.stages[stage];
        state.actions.push(spec);
        state.namespaces.push(namespace.clone());
        state.outputs.push(outputs.clone());
        outputs.truncate(handle_outputs);
        AddedAction { action, outputs, namespace }
    }

    fn finish(self) -> Pipeline {
        let mut violations = self.output_count_mismatches.clone();
        let used_namespaces: HashSet<ActionRef<'p>> = self
            .stages
            .iter()
            .flat_map(|stage| stage.actions.iter().flat_map(|spec| spec.uses.iter().copied()))
            .collect();
        let producers: Vec<ActionRef<'p>> = self.producer_of_each_artifact();
        if self.stages.first().is_some_and(|stage| !stage.is_source) || self.stages.iter().skip(1).any(|s| s.is_source)
        {
            violations.push(Violation::new(
                Location::pipeline(&self.name),
                Rule::SourceStageFirst,
                "the source stage must be the first stage and come only once: call `p.source_stage(...)` once, before any `p.stage(...)`",
            ));
        }
        let mut derived_names = self.derived_artifact_names.clone();
        let mut stages = Vec::with_capacity(self.stages.len());
        for (stage_index, stage) in self.stages.iter().enumerate() {
            let run_orders = self.run_orders(stage_index, &producers, &mut violations);
            let several = stage.actions.len() > 1;
            let actions = stage
                .actions
                .iter()
                .enumerate()
                .map(|(index, spec)| {
                    let action = ActionRef { stage: stage_index, index, brand: self.brand };
                    let emit_namespace = spec.namespace.is_some() || used_namespaces.contains(&action);
                    if spec.namespace.is_none() && emit_namespace {
                        derived_names.push(DerivedName {
                            location: Location::action(&self.name, &stage.name, &spec.name).field("namespace"),
                            note: format!(
                                "namespace \"{}\" was derived from stage \"{}\" and action \"{}\" — set one with \
                                 .namespace(..)",
                                stage.namespaces[index], stage.name, spec.name
                            ),
                        });
                    }
                    ActionDeclaration {
                        name: spec.name.clone(),
                        action_type_id: spec.type_id.clone(),
                        run_order: (several || spec.run_order.is_some()).then_some(run_orders[index]),
                        configuration: (!spec.configuration.is_empty()).then(|| {
                            spec.configuration.iter().map(|(key, value)| (key.clone(), self.resolve(value))).collect()
                        }),
                        commands: spec.commands.clone(),
                        output_artifacts: (!spec.outputs.is_empty()).then(|| {
                            spec.outputs
                                .iter()
                                .zip(&stage.outputs[index])
                                .map(|(output, artifact)| OutputArtifact {
                                    name: self.artifacts[artifact.id].as_str().into(),
                                    files: output.files.clone(),
                                })
                                .collect()
                        }),
                        input_artifacts: (!spec.inputs.is_empty()).then(|| {
                            spec.inputs
                                .iter()
                                .map(|artifact| InputArtifact { name: self.artifacts[artifact.id].as_str().into() })
                                .collect()
                        }),
                        output_variables: spec.output_variables.clone(),
                        role_arn: spec.role_arn.clone(),
                        region: spec.region.clone(),
                        namespace: emit_namespace.then(|| Str::from(stage.namespaces[index].as_str())),
                        timeout_in_minutes: spec.timeout_in_minutes,
                        environment_variables: spec.environment_variables.clone(),
                    }
                })
                .collect();
            stages.push(StageDeclaration {
                name: stage.name.clone(),
                blockers: None,
                actions,
                on_failure: stage.on_failure.clone(),
                on_success: stage.on_success.clone(),
                before_entry: stage.before_entry.clone(),
            });
        }
        let uses_v2 = !self.variables.is_empty()
            || !self.triggers.is_empty()
            || matches!(self.execution_mode, Some(ExecutionMode::Queued | ExecutionMode::Parallel))
            || stages.iter().any(|s| s.on_failure.is_some() || s.on_success.is_some() || s.before_entry.is_some())
            || stages.iter().flat_map(|s| &s.actions).any(|action| validate::requires_v2(&action.action_type_id));
        let pipeline_type = self.pipeline_type.or(uses_v2.then_some(PipelineType::V2));
        if self.role_arn.is_none() {
            violations.push(Violation::new(
                Location::pipeline(&self.name),
                Rule::RoleRequired,
                "the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`",
            ));
        }
        let disabled_transitions = self
            .stages
            .iter()
            .filter_map(|stage| {
                stage
                    .disabled_reason
                    .as_ref()
                    .map(|reason| DisabledTransition { stage_name: stage.name.clone(), reason: reason.into() })
            })
            .collect();
        Pipeline {
            declaration: PipelineDeclaration {
                name: self.name,
                role_arn: self.role_arn.unwrap_or_default(),
                artifact_store: self.artifact_store,
                artifact_stores: (!self.artifact_stores.is_empty()).then_some(ArtifactStores(self.artifact_stores)),
                stages,
                version: None,
                execution_mode: self.execution_mode,
                pipeline_type,
                variables: (!self.variables.is_empty()).then_some(self.variables),
                triggers: (!self.triggers.is_empty()).then_some(self.triggers),
            },
            tags: self.tags,
            disabled_transitions,
            restart_execution_on_update: self.restart_execution_on_update,
            name_generated: false,
            build_violations: violations,
            derived_names,
            surroundings: self.surroundings,
        }
    }

    fn producer_of_each_artifact(&self) -> Vec<ActionRef<'p>> {
        let mut producers = vec![None; self.artifacts.len()];
        for (stage_index, stage) in self.stages.iter().enumerate() {
            for (index, outputs) in stage.outputs.iter().enumerate() {
                for artifact in outputs {
                    producers[artifact.id] = Some(ActionRef { stage: stage_index, index, brand: self.brand });
                }
            }
        }
        producers.into_iter().map(|producer| producer.expect("every artifact is minted by an action")).collect()
    }

    /// Derives each action's runOrder from the data flow inside the stage:
    /// one more than the latest same-stage action it consumes from, reads
    /// variables of, or is ordered after; 1 when there is none. An explicit
    /// runOrder is kept, and reported when it contradicts the data flow.
    fn run_orders(&self, stage_index: usize, producers: &[ActionRef<'p>], violations: &mut Vec<Violation>) -> Vec<u32> {
        let stage = &self.stages[stage_index];
        let mut run_orders: Vec<u32> = Vec::with_capacity(stage.actions.len());
        for spec in &stage.actions {
            let dependencies = spec
                .inputs
                .iter()
                .map(|artifact| (producers[artifact.id], Dependency::Artifact(&self.artifacts[artifact.id])))
                .chain(spec.uses.iter().map(|action| (*action, Dependency::Variables)))
                .chain(spec.after.iter().map(|action| (*action, Dependency::After)))
                .filter(|(action, _)| action.stage == stage_index);
            let mut derived = 1;
            let mut latest: Option<(u32, ActionRef<'p>, Dependency<'_>)> = None;
            for (action, why) in dependencies {
                let their = run_orders[action.index];
                if their + 1 > derived {
                    derived = their + 1;
                    latest = Some((their, action, why));
                }
            }
            let run_order = match (spec.run_order, latest) {
                (Some(explicit), Some((their, action, why))) if explicit <= their => {
                    let producer = &stage.actions[action.index].name;
                    violations.push(Violation::new(
                        Location::action(&self.name, &stage.name, &spec.name),
                        Rule::RunOrderDataFlow,
                        format!(
                            "runOrder {explicit} runs this action before or beside \"{producer}\" (runOrder {their}), {}; \
                             use runOrder {} or more, or drop `.run_order(...)` to derive it",
                            why.describe(),
                            their + 1
                        ),
                    ));
                    explicit
                }
                (Some(explicit), _) => explicit,
                (None, _) => derived,
            };
            run_orders.push(run_order);
        }
        run_orders
    }

    fn resolve(&self, value: &ConfigValue<'p>) -> Str {
        match value {
            ConfigValue::Text(text) => text.clone(),
            ConfigValue::Path(path) => format!("{}::{}", self.artifacts[path.artifact.id], path.file).into(),
            ConfigValue::ArtifactName(artifact) => self.artifacts[artifact.id].as_str().into(),
        }
    }
}

/// Why one action of a stage must run after another.
#[derive(Clone, Copy)]
enum Dependency<'a> {
    Artifact(&'a str),
    Variables,
    After,
}

impl Dependency<'_> {
    fn describe(self) -> String {
        match self {
            Dependency::Artifact(name) => format!("whose output artifact \"{name}\" it consumes"),
            Dependency::Variables => "whose output variables it reads".to_owned(),
            Dependency::After => "which it was ordered after with `.after(...)`".to_owned(),
        }
    }
}

/// `<Stage>_<Action>` with the characters a namespace may not hold replaced
/// by `_`. A name with non-ASCII characters would lose them all (two such
/// names could derive the same namespace), so then the stage's and the
/// action's positions are added: `Build__n_code_2_1`.
fn default_namespace(stage: &Str, action: &Str, position: ActionRef<'_>) -> String {
    let namespace: String = format!("{stage}_{action}")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '@' | '-' | '_') { c } else { '_' })
        .collect();
    if has_non_ascii(stage) || has_non_ascii(action) {
        format!("{namespace}_{}_{}", position.stage + 1, position.index + 1)
    } else {
        namespace
    }
}

/// `<Action>Output` with the characters an artifact name may not hold
/// removed. An action name with non-ASCII characters keeps its ASCII letters
/// and digits and adds the stage's and the action's positions, so names that
/// differ only outside ASCII still derive different artifacts:
/// `ncodeStage2Action1Output` for "Ünïcode", `Stage2Action1Output` for "构建".
fn default_artifact_name(action: &Str, position: ActionRef<'_>) -> String {
    let base: String =
        action.to_string().chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')).collect();
    if has_non_ascii(action) {
        format!("{base}Stage{}Action{}Output", position.stage + 1, position.index + 1)
    } else {
        format!("{base}Output")
    }
}

/// Whether a literal name holds characters outside ASCII.
fn has_non_ascii(name: &Str) -> bool {
    name.as_literal().is_some_and(|name| !name.is_ascii())
}
