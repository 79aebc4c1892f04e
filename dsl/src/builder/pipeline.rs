//! The branded pipeline builder: the settings of the pipeline, its stages
//! and the actions added to them, and turning all of it into a [`Pipeline`].

use crate::action_handle::ActionHandle;
use crate::action_ref::{ActionRef, Brand};
use crate::action_spec::{ActionSpec, AddedAction};
use crate::actions::ConnectionVariables;
use crate::artifact::Artifact;
use crate::model::cloudformation::TemplateCondition;
use crate::model::{
    ArtifactStore, BeforeEntryConditions, ExecutionMode, FailureConditions, GitConfiguration, GitPullRequestFilter,
    GitPushFilter, PipelineType, PipelineVariable, RegionalArtifactStore, Str, SuccessConditions, Tag,
    TriggerDeclaration, TriggerProviderType,
};
use crate::pipeline::{DerivedName, Pipeline, Surroundings};
use crate::provision::{ArtifactBuckets, DeploymentRolePermissions, Provision, ServiceRole, TargetAccountRoles};
use crate::support;
use crate::template::{Parameter, Resource};
use crate::variables::PipelineVar;
use crate::{Location, Rule, Violation};

use super::stage::{SourceStageBuilder, StageBuilder};

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
        let mut pipeline = builder.finish();
        support::apply(&mut pipeline);
        pipeline
    }

    /// Defines a pipeline that CloudFormation names: its template leaves out
    /// `Name`, and its resource is `logical_id`, which also names its output
    /// folder. Inside the pipeline's own template its name is
    /// `{"Ref": logical_id}`, which is how findings show it; `pipeline.json`
    /// and the CLI forms of its rules need a literal name and are not written
    /// (the manifest's `notWritten` says so).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::unnamed("Pipeline", |p| {
    ///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    /// });
    /// assert!(pipeline.is_name_generated());
    /// assert_eq!(pipeline.logical_id(), Some("Pipeline"));
    /// assert_eq!(pipeline.name(), "!Ref Pipeline");
    /// assert!(pipeline.to_cfn("Pipeline").to_properties().get("Name").is_none());
    /// ```
    pub fn unnamed<F>(logical_id: &str, define: F) -> Pipeline
    where
        F: for<'p> FnOnce(&mut PipelineBuilder<'p>),
    {
        let mut pipeline = Pipeline::build(crate::cfn::reference(logical_id), |p| {
            p.logical_id(logical_id);
            define(p);
        });
        pipeline.name_generated = true;
        pipeline
    }
}

/// Defines one pipeline; handed to the closure of [`Pipeline::build`].
pub struct PipelineBuilder<'p> {
    pub(super) name: Str,
    pub(super) role_arn: Option<Str>,
    pub(super) artifact_store: Option<ArtifactStore>,
    pub(super) artifact_stores: Vec<RegionalArtifactStore>,
    pub(super) pipeline_type: Option<PipelineType>,
    pub(super) execution_mode: Option<ExecutionMode>,
    pub(super) variables: Vec<PipelineVariable>,
    pub(super) triggers: Vec<TriggerDeclaration>,
    pub(super) tags: Vec<Tag>,
    pub(super) restart_execution_on_update: Option<bool>,
    pub(super) stages: Vec<StageState<'p>>,
    /// Each artifact's name, by id: a literal or an expression.
    pub(super) artifacts: Vec<Str>,
    pub(super) brand: Brand<'p>,
    pub(super) surroundings: Surroundings,
    /// `action-output-count` findings, reported with the builder's others.
    pub(super) output_count_mismatches: Vec<Violation>,
    /// The output artifact names derived from action names.
    pub(super) derived_artifact_names: Vec<DerivedName>,
    /// The CloudFormation conditions declared for the template.
    pub(super) conditions: Vec<TemplateCondition>,
}

/// A stage while it is being defined.
pub(super) struct StageState<'p> {
    pub(super) name: Str,
    pub(super) is_source: bool,
    pub(super) actions: Vec<ActionSpec<'p>>,
    pub(super) namespaces: Vec<String>,
    pub(super) outputs: Vec<Vec<Artifact<'p>>>,
    pub(super) disabled_reason: Option<String>,
    pub(super) on_failure: Option<FailureConditions>,
    pub(super) on_success: Option<SuccessConditions>,
    pub(super) before_entry: Option<BeforeEntryConditions>,
    /// The CloudFormation condition the stage exists under.
    pub(super) condition: Option<String>,
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
            surroundings: Surroundings {
                provision: Provision { built: true, ..Provision::default() },
                ..Surroundings::default()
            },
            output_count_mismatches: Vec::new(),
            derived_artifact_names: Vec::new(),
            conditions: Vec::new(),
        }
    }

    /// The Region the pipeline is created in, e.g. `us-east-1`. The CLI
    /// forms of EventBridge and notification rules need it to write the
    /// pipeline's ARN; cross-account role templates need it to name the
    /// Region of actions that set none.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    /// });
    /// assert_eq!(pipeline.arn().unwrap(), "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline");
    /// ```
    pub fn region(&mut self, region: impl Into<String>) -> &mut Self {
        self.surroundings.region = Some(region.into());
        self
    }

    /// The logical id of the pipeline's resource in its template, e.g.
    /// `Pipeline`, so that a `Ref` to it elsewhere in a stack matches. Without
    /// one it is derived from the pipeline's literal name
    /// (`my-pipeline` → `MyPipelinePipeline`); a pipeline named by an
    /// expression needs one, and its output folder is named after it.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build(cfn::sub("${AWS::StackName}-pipeline"), |p| {
    ///     p.logical_id("Pipeline");
    /// });
    /// assert_eq!(pipeline.logical_id(), Some("Pipeline"));
    /// assert_eq!(pipeline.folder_name(), "Pipeline");
    /// ```
    pub fn logical_id(&mut self, logical_id: impl Into<String>) -> &mut Self {
        self.surroundings.logical_id = Some(logical_id.into());
        self
    }

    /// Declares a template parameter, written in the template's
    /// `Parameters`, and returns its value (`{"Ref": name}`) for use wherever
    /// an expression is.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::template::Parameter;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     let bucket = p.parameter(Parameter::string("ArtifactBucket").description("Where artifacts are kept"));
    ///     p.artifact_store(ArtifactStore::s3(bucket));
    /// });
    /// assert_eq!(pipeline.parameters()[0].name(), "ArtifactBucket");
    /// let store = pipeline.declaration().artifact_store.as_ref().unwrap();
    /// assert_eq!(serde_json::to_value(&store.location).unwrap(), serde_json::json!({"Ref": "ArtifactBucket"}));
    /// ```
    pub fn parameter(&mut self, parameter: Parameter) -> Str {
        let value = parameter.reference();
        self.surroundings.parameters.push(parameter);
        value
    }

    /// Declares a template mapping (its `Mappings`): `entries` is the
    /// object `{top key: {second key: value}}` written as given. Read a
    /// value with [`cfn::find_in_map`](crate::cfn::find_in_map) and the
    /// mapping's name; a template that reads a mapping it does not declare
    /// is a finding.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use serde_json::json;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.mapping("SecondRegion", json!({"us-east-1": {"Region": "us-west-2"}}));
    ///     p.tag("second-region", cfn::find_in_map("SecondRegion", cfn::reference("AWS::Region"), "Region"));
    /// });
    /// assert_eq!(pipeline.mappings()[0].0, "SecondRegion");
    /// ```
    pub fn mapping(&mut self, name: impl Into<String>, entries: serde_json::Value) -> &mut Self {
        self.surroundings.mappings.push((name.into(), entries));
        self
    }

    /// Adds a companion resource to the pipeline's template (a raw
    /// [`Resource`], or a typed one such as
    /// [`IamPolicy`](crate::template::IamPolicy)). Take its
    /// [`reference`](Resource::reference) or
    /// [`get_att`](Resource::get_att) before adding it.
    pub fn resource(&mut self, resource: impl Into<Resource>) -> &mut Self {
        self.surroundings.resources.push(resource.into());
        self
    }

    /// Makes CloudFormation create the resource `logical_id` (a companion
    /// resource, such as the policy the service role needs) before the
    /// pipeline: the pipeline resource's `DependsOn`.
    pub fn depends_on(&mut self, logical_id: impl Into<String>) -> &mut Self {
        self.surroundings.depends_on.push(logical_id.into());
        self
    }

    /// The account the pipeline is created in, e.g. `123456789012`: the
    /// generated support resources are named with it. A pipeline with a
    /// role of its own takes its account from the role's ARN.
    pub fn account(&mut self, account: impl Into<String>) -> &mut Self {
        self.surroundings.provision.account = Some(account.into());
        self
    }

    /// The service role CodePipeline assumes (required), by ARN: the same as
    /// `p.service_role(ServiceRole::existing(arn))`.
    pub fn role_arn(&mut self, arn: impl Into<Str>) -> &mut Self {
        self.service_role(ServiceRole::existing(arn))
    }

    /// The service role CodePipeline assumes: one of the user's
    /// ([`ServiceRole::existing`]) or one synth generates
    /// ([`ServiceRole::generated`], `<pipeline>-pipeline-role` in the
    /// pipeline's account, which [`account`](Self::account) names, with a
    /// policy derived from the pipeline's actions). The last call counts.
    pub fn service_role(&mut self, role: ServiceRole) -> &mut Self {
        match role {
            ServiceRole::Generated => {
                self.role_arn = None;
                self.surroundings.provision.service_role = true;
            }
            ServiceRole::Existing(arn) => {
                self.role_arn = Some(arn);
                self.surroundings.provision.service_role = false;
            }
        }
        self
    }

    /// Artifact buckets synth generates: one per Region the pipeline uses,
    /// and a KMS key per Region when an action runs in another account. It
    /// replaces stores given with [`artifact_store`](Self::artifact_store) or
    /// [`artifact_store_in`](Self::artifact_store_in), and they replace it:
    /// the last call counts.
    pub fn artifact_buckets(&mut self, buckets: ArtifactBuckets) -> &mut Self {
        match buckets {
            ArtifactBuckets::Generated => {
                self.artifact_store = None;
                self.artifact_stores.clear();
                self.surroundings.provision.artifact_buckets = true;
            }
        }
        self
    }

    /// The artifact store of a single-Region pipeline, a bucket of the
    /// user's own.
    pub fn artifact_store(&mut self, store: ArtifactStore) -> &mut Self {
        self.artifact_store = Some(store);
        self.surroundings.provision.artifact_buckets = false;
        self
    }

    /// The artifact store for one Region of a cross-Region pipeline
    /// (`artifactStores`), a bucket of the user's own; list the pipeline's
    /// own Region too.
    pub fn artifact_store_in(&mut self, region: impl Into<Str>, store: ArtifactStore) -> &mut Self {
        self.artifact_stores.push(RegionalArtifactStore { region: region.into(), artifact_store: store });
        self.surroundings.provision.artifact_buckets = false;
        self
    }

    /// Who provides the roles the pipeline's actions use in other accounts:
    /// role templates synth writes ([`TargetAccountRoles::generated`], the
    /// default) or the accounts themselves ([`TargetAccountRoles::existing`]:
    /// no role template, and no [`deployment_role_permissions`](Self::deployment_role_permissions)
    /// needed). The last call counts.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("app", |p| {
    ///     p.target_account_roles(TargetAccountRoles::existing());
    /// });
    /// # let _ = pipeline;
    /// ```
    pub fn target_account_roles(&mut self, roles: TargetAccountRoles) -> &mut Self {
        self.surroundings.provision.target_account_roles = roles;
        self
    }

    /// What the CloudFormation deployment role `role_arn` in another account
    /// may do; its role template grants exactly this (and read access to the
    /// artifacts). Every such role needs it, unless the roles exist already
    /// ([`target_account_roles`](Self::target_account_roles)): a missing one
    /// is a `deployment-role-permissions` error.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("app", |p| {
    ///     p.deployment_role_permissions(
    ///         "arn:aws:iam::222222222222:role/CloudFormationDeploymentRole",
    ///         DeploymentRolePermissions::managed_policies(["arn:aws:iam::aws:policy/AWSLambda_FullAccess"]),
    ///     );
    /// });
    /// # let _ = pipeline;
    /// ```
    pub fn deployment_role_permissions(
        &mut self,
        role_arn: impl Into<String>,
        permissions: DeploymentRolePermissions,
    ) -> &mut Self {
        self.surroundings.provision.give_deployment_role(role_arn.into(), permissions);
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
            condition: None,
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
        self.declare_variable(PipelineVariable {
            name: name.into(),
            default_value: None,
            description: None,
            condition: None,
        })
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
            condition: None,
        });
        self
    }

    /// A resource tag on the pipeline.
    pub fn tag(&mut self, key: impl Into<Str>, value: impl Into<Str>) -> &mut Self {
        self.tags.push(Tag { key: key.into(), value: value.into(), condition: None });
        self
    }

    /// A resource tag set only under a CloudFormation condition declared
    /// with [`condition`](Self::condition): the template writes it as
    /// `{"Fn::If": [condition, {"Key": .., "Value": ..}, {"Ref":
    /// "AWS::NoValue"}]}` in `Tags`. The API JSON form cannot hold it.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("app", |p| {
    ///     let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
    ///     p.tag("team", "platform").tag_when(&prod, "cost-center", "production");
    ///     p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// });
    /// let template = serde_json::to_value(pipeline.cfn_properties()).unwrap();
    /// assert_eq!(template["Tags"][0], serde_json::json!({"Key": "team", "Value": "platform"}));
    /// assert_eq!(
    ///     template["Tags"][1],
    ///     serde_json::json!({"Fn::If": ["IsProd", {"Key": "cost-center", "Value": "production"}, {"Ref": "AWS::NoValue"}]})
    /// );
    /// ```
    pub fn tag_when(&mut self, condition: &TemplateCondition, key: impl Into<Str>, value: impl Into<Str>) -> &mut Self {
        let condition = Some(condition.name().to_owned());
        self.tags.push(Tag { key: key.into(), value: value.into(), condition });
        self
    }

    /// Writes `DisableInboundStageTransitions` in the template even when no
    /// stage disables its inbound transition, as an empty list, which means
    /// the same as leaving it out: for templates that say so explicitly.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.write_empty_disabled_transitions();
    /// });
    /// let properties = pipeline.to_cfn("Pipeline").to_properties();
    /// assert_eq!(properties["DisableInboundStageTransitions"], serde_json::json!([]));
    /// ```
    pub fn write_empty_disabled_transitions(&mut self) -> &mut Self {
        self.surroundings.empty_transitions_written = true;
        self
    }

    /// Whether CloudFormation starts an execution after each update of the
    /// pipeline (template only).
    pub fn restart_execution_on_update(&mut self, restart: bool) -> &mut Self {
        self.restart_execution_on_update = Some(restart);
        self
    }

    /// Declares a CloudFormation condition of the template (its
    /// `Conditions`) and returns its handle, to put stages
    /// ([`StageBuilder::when`]), actions
    /// ([`ActionSettings::when`](crate::ActionSettings::when)) and tags
    /// ([`tag_when`](Self::tag_when)) under it or choose a value with it
    /// ([`TemplateCondition::then`]).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("app", |p| {
    ///     p.role_arn(cfn::get_att("PipelineRole", "Arn"));
    ///     let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Approve", |s| {
    ///         s.when(&prod);
    ///         s.add(ManualApproval::new("Approve"));
    ///     });
    ///     p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("Build", "project", source.artifact()).role_arn(prod.then(cfn::get_att("ProdRole", "Arn"))));
    ///     });
    /// });
    /// let template = serde_json::to_value(pipeline.cfn_properties()).unwrap();
    /// assert_eq!(template["Stages"][1]["Fn::If"][0], "IsProd");
    /// assert_eq!(template["Stages"][1]["Fn::If"][1]["Name"], "Approve");
    /// assert_eq!(pipeline.conditions()[0].name(), "IsProd");
    /// ```
    pub fn condition(&mut self, name: &str, expression: impl Into<Str>) -> TemplateCondition {
        let condition = TemplateCondition::new(name, expression);
        self.conditions.push(condition.clone());
        condition
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
            condition: None,
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
                    Str::from(name)
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
