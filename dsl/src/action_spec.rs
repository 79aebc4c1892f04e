//! What every typed action turns into, and the traits that place actions in
//! the right kind of stage.

use indexmap::IndexMap;

use crate::action_handle::ActionHandle;
use crate::action_ref::{ActionRef, HasActionRef};
use crate::artifact::{Artifact, ArtifactPath, GetParam};
use crate::model::cloudformation::TemplateCondition;
use crate::model::{ActionCategory, ActionOwner, ActionTypeId, EnvironmentVariable, EnvironmentVariableType, Str};
use crate::text::Text;
use crate::variables::VariableSet;

/// The provider-neutral description of one action, before artifact names,
/// run order and namespace are resolved by the pipeline builder.
///
/// Its artifacts (inputs, outputs, settings that name an artifact) are set
/// only by the typed actions, so that what an action declares always matches
/// its handle; the public methods change its configuration, commands and
/// variables.
///
/// Typed actions build one in `new(...)`; [`crate::actions::GenericAction`]
/// and [`crate::actions::GenericSource`] build one from a raw type id and
/// configuration for providers pipewright does not know.
#[derive(Clone, Debug)]
pub struct ActionSpec<'p> {
    pub(crate) name: Str,
    pub(crate) type_id: ActionTypeId,
    pub(crate) configuration: IndexMap<String, ConfigValue<'p>>,
    pub(crate) inputs: Vec<Artifact<'p>>,
    pub(crate) outputs: Vec<OutputSpec>,
    pub(crate) commands: Option<Vec<Str>>,
    pub(crate) output_variables: Option<Vec<Str>>,
    pub(crate) environment_variables: Option<Vec<EnvironmentVariable>>,
    pub(crate) role_arn: Option<Str>,
    pub(crate) region: Option<Str>,
    pub(crate) namespace: Option<Str>,
    pub(crate) timeout_in_minutes: Option<u32>,
    pub(crate) run_order: Option<u32>,
    pub(crate) after: Vec<ActionRef<'p>>,
    pub(crate) uses: Vec<ActionRef<'p>>,
    /// The CloudFormation condition the action exists under.
    pub(crate) condition: Option<String>,
}

/// A configuration value whose text depends on names the builder assigns.
#[derive(Clone, Debug)]
pub(crate) enum ConfigValue<'p> {
    /// Written as is.
    Text(Str),
    /// `<ArtifactName>::<file>`.
    Path(ArtifactPath<'p>),
    /// `<ArtifactName>`.
    ArtifactName(Artifact<'p>),
    /// `{"Fn::GetParam":["<ArtifactName>","<file>","<key>"]}`, as text.
    GetParam(GetParam<'p>),
    /// The values one after the other (a JSON text with `Fn::GetParam`s).
    Concat(Vec<ConfigValue<'p>>),
}

/// An output artifact the action declares; `name: None` gets the default
/// name `<ActionName>Output`. A name may be an expression
/// (`cfn::sub("${AWS::StackName}ChangeSet")`): every action that reads the
/// artifact then writes the same expression.
#[derive(Clone, Debug)]
pub(crate) struct OutputSpec {
    pub(crate) name: Option<Str>,
    pub(crate) files: Option<Vec<Str>>,
}

impl<'p> ActionSpec<'p> {
    /// An action of the given type with no settings yet.
    pub fn new(
        name: impl Into<Str>,
        category: ActionCategory,
        owner: ActionOwner,
        provider: impl Into<Str>,
        version: impl Into<Str>,
    ) -> Self {
        ActionSpec {
            name: name.into(),
            type_id: ActionTypeId { category, owner, provider: provider.into(), version: version.into() },
            configuration: IndexMap::new(),
            inputs: Vec::new(),
            outputs: Vec::new(),
            commands: None,
            output_variables: None,
            environment_variables: None,
            role_arn: None,
            region: None,
            namespace: None,
            timeout_in_minutes: None,
            run_order: None,
            after: Vec::new(),
            uses: Vec::new(),
            condition: None,
        }
    }

    /// An AWS-owned action, version `1`.
    pub fn aws(name: impl Into<Str>, category: ActionCategory, provider: &str) -> Self {
        ActionSpec::new(name, category, ActionOwner::Aws, provider, "1")
    }

    /// The action's name.
    pub fn name(&self) -> &Str {
        &self.name
    }

    /// The action's type.
    pub fn type_id(&self) -> &ActionTypeId {
        &self.type_id
    }

    /// Sets a configuration key; variables referenced by the value order this
    /// action after their producers.
    pub fn set(&mut self, key: &str, value: impl Into<Text<'p>>) {
        let value = value.into();
        self.uses.extend(value.uses);
        self.configuration.insert(key.to_owned(), ConfigValue::Text(value.value));
    }

    /// Sets a configuration key to `<ArtifactName>::<file>` and wires the
    /// artifact as an input.
    pub(crate) fn set_path(&mut self, key: &str, path: ArtifactPath<'p>) {
        self.input(path.artifact);
        self.configuration.insert(key.to_owned(), ConfigValue::Path(path));
    }

    /// Sets a configuration key to a file's path inside its artifact (no
    /// artifact name: the provider reads it from its only input) and wires
    /// the artifact as an input.
    pub(crate) fn set_file(&mut self, key: &str, path: ArtifactPath<'p>) {
        self.input(path.artifact);
        self.set(key, path.file);
    }

    /// Sets a configuration key to an artifact's name and wires the artifact
    /// as an input.
    pub(crate) fn set_artifact_name(&mut self, key: &str, artifact: Artifact<'p>) {
        self.input(artifact);
        self.configuration.insert(key.to_owned(), ConfigValue::ArtifactName(artifact));
    }

    /// Sets a configuration key to a value made of pieces, some of which
    /// name artifacts (`Fn::GetParam`): those artifacts become inputs.
    pub(crate) fn set_pieces(&mut self, key: &str, pieces: Vec<ConfigValue<'p>>) {
        for piece in &pieces {
            match piece {
                ConfigValue::GetParam(get_param) => self.input(get_param.path.artifact),
                ConfigValue::Path(path) => self.input(path.artifact),
                ConfigValue::ArtifactName(artifact) => self.input(*artifact),
                ConfigValue::Text(_) | ConfigValue::Concat(_) => {}
            }
        }
        self.configuration.insert(key.to_owned(), ConfigValue::Concat(pieces));
    }

    /// Adds an input artifact (once; a second use of the same artifact is kept
    /// as one input).
    pub(crate) fn input(&mut self, artifact: Artifact<'p>) {
        if !self.inputs.contains(&artifact) {
            self.inputs.push(artifact);
        }
    }

    /// Declares an output artifact with this name (literal or expression).
    pub(crate) fn output(&mut self, name: impl Into<Str>) {
        self.outputs.push(OutputSpec { name: Some(name.into()), files: None });
    }

    /// Declares an output artifact named `<ActionName>Output` unless
    /// [`ActionSpec::rename_output`] names it.
    pub(crate) fn default_output(&mut self) {
        self.outputs.push(OutputSpec { name: None, files: None });
    }

    /// Names the output artifact at `index` (literal or expression).
    pub(crate) fn rename_output(&mut self, index: usize, name: impl Into<Str>) {
        if let Some(output) = self.outputs.get_mut(index) {
            output.name = Some(name.into());
        }
    }

    /// Sets the files exported in the output at `index` (Commands action).
    pub(crate) fn output_files(&mut self, index: usize, files: Vec<Str>) {
        if let Some(output) = self.outputs.get_mut(index) {
            output.files = Some(files);
        }
    }

    /// Sets the action-level `commands` (Commands action).
    pub fn set_commands(&mut self, commands: Vec<Text<'p>>) {
        let commands = commands
            .into_iter()
            .map(|command| {
                self.uses.extend(command.uses);
                command.value
            })
            .collect();
        self.commands = Some(commands);
    }

    /// Sets the action-level `outputVariables` (Commands action).
    pub fn set_output_variables(&mut self, names: Vec<Str>) {
        self.output_variables = Some(names);
    }

    /// Adds an action-level environment variable (Commands and EKS actions);
    /// variables referenced by the value order this action after their
    /// producers, as for configuration values.
    pub fn add_environment_variable(
        &mut self,
        name: impl Into<Str>,
        value: impl Into<Text<'p>>,
        variable_type: EnvironmentVariableType,
    ) {
        let value = value.into();
        self.uses.extend(value.uses);
        let variable =
            EnvironmentVariable { name: name.into(), value: value.value, variable_type: Some(variable_type) };
        self.environment_variables.get_or_insert_with(Vec::new).push(variable);
    }

    /// Sets `timeoutInMinutes`.
    pub fn set_timeout_in_minutes(&mut self, minutes: u32) {
        self.timeout_in_minutes = Some(minutes);
    }

    /// Records that this action reads variables of `producer`.
    pub fn uses(&mut self, producer: ActionRef<'p>) {
        self.uses.push(producer);
    }
}

/// A typed action that can be added to a stage.
pub trait IntoAction<'p> {
    /// What adding the action returns.
    type Handle: FromAddedAction<'p>;

    /// The action's description.
    fn into_spec(self) -> ActionSpec<'p>;
}

/// The builder's record of an added action, turned into the action's handle.
pub trait FromAddedAction<'p> {
    /// How many output artifacts the handle holds. When an action declares
    /// another number, the builder reports `action-output-count` and the
    /// handle still gets this many.
    const OUTPUT_ARTIFACTS: usize;

    /// Builds the handle.
    fn from_added(added: AddedAction<'p>) -> Self;
}

/// What the pipeline builder made of an added action: its reference, its
/// output artifacts (exactly [`FromAddedAction::OUTPUT_ARTIFACTS`] of them)
/// and its namespace. Only the builder makes one.
#[derive(Debug)]
pub struct AddedAction<'p> {
    pub(crate) action: ActionRef<'p>,
    pub(crate) outputs: Vec<Artifact<'p>>,
    pub(crate) namespace: String,
}

impl<'p, const N: usize, V: VariableSet<'p>> FromAddedAction<'p> for ActionHandle<'p, N, V> {
    const OUTPUT_ARTIFACTS: usize = N;

    fn from_added(added: AddedAction<'p>) -> Self {
        let artifacts: [Artifact<'p>; N] =
            added.outputs.try_into().expect("the builder mints exactly OUTPUT_ARTIFACTS artifacts for every handle");
        ActionHandle {
            action: added.action,
            artifacts,
            namespace: added.namespace,
            variables: std::marker::PhantomData,
        }
    }
}

/// Marks the actions that belong in the source stage.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a source action, so it cannot go in the source stage",
    label = "only source actions can be added to the source stage",
    note = "source actions are CodeCommitSource, CodeStarConnectionSource, S3Source, EcrSource, GitHubSource and \
            GenericSource; add build, test, deploy, approval, invoke and compute actions with `p.stage(name, |s| ...)`"
)]
pub trait SourceAction<'p>: IntoAction<'p> {}

/// Marks the actions that belong in any stage but the source stage.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is a source action, so it cannot go in a build, test, deploy, approval, invoke or compute stage",
    label = "source actions can only be added to the source stage",
    note = "add source actions with `p.source_stage(name, |s| s.add(...))`"
)]
pub trait NonSourceAction<'p>: IntoAction<'p> {}

/// Marks the actions that may run in another Region than the pipeline's:
/// AWS-owned actions outside the source stage.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot run in another Region",
    label = "`.region(...)` is only for AWS-owned actions outside the source stage",
    note = "source actions, Jenkins and other custom or third-party actions always run in the pipeline's Region"
)]
pub trait CrossRegionAction<'p>: NonSourceAction<'p> {}

/// Settings every action has.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(EcsDeploy::new("Deploy", "cluster", "service", source.artifact())
///             .role_arn("arn:aws:iam::987654321098:role/CrossAccountAssumeRole")
///             .region("us-east-1"));
///     });
/// });
/// ```
pub trait ActionSettings<'p>: Sized {
    /// The description being built.
    fn spec_mut(&mut self) -> &mut ActionSpec<'p>;

    /// The role the pipeline assumes to run this action (`roleArn`); may be in
    /// another account.
    fn role_arn(mut self, arn: impl Into<Str>) -> Self {
        self.spec_mut().role_arn = Some(arn.into());
        self
    }

    /// The namespace the action's output variables are published under; by
    /// default `<Stage>_<Action>`, written only when a variable is used.
    fn namespace(mut self, namespace: impl Into<Str>) -> Self {
        self.spec_mut().namespace = Some(namespace.into());
        self
    }

    /// An explicit `runOrder` (1..999). By default it is derived from the data
    /// flow; an explicit value that runs the action before something it
    /// consumes is a validation error.
    fn run_order(mut self, run_order: u32) -> Self {
        self.spec_mut().run_order = Some(run_order);
        self
    }

    /// Runs this action after `other` (same stage) without consuming anything
    /// of it.
    fn after(mut self, other: &impl HasActionRef<'p>) -> Self {
        self.spec_mut().after.push(other.action_ref());
        self
    }

    /// Runs the action in another Region (cross-Region action); the pipeline
    /// needs an artifact store in that Region. Source, custom and third-party
    /// actions cannot.
    fn region(mut self, region: impl Into<Str>) -> Self
    where
        Self: CrossRegionAction<'p>,
    {
        self.spec_mut().region = Some(region.into());
        self
    }

    /// The provider version (`actionTypeId.version`), `"1"` unless set: for
    /// a custom action type registered in several versions, or a provider
    /// AWS publishes a newer version of.
    fn version(mut self, version: impl Into<Str>) -> Self {
        self.spec_mut().type_id.version = version.into();
        self
    }

    /// Puts the action under a CloudFormation condition declared with
    /// [`PipelineBuilder::condition`](crate::PipelineBuilder::condition): the
    /// template writes it as `{"Fn::If": [condition, action, {"Ref":
    /// "AWS::NoValue"}]}`, so the action exists only when the condition
    /// holds. Validation treats it as present or absent: an unconditional
    /// action may not consume its outputs. The API JSON form cannot hold it.
    fn when(mut self, condition: &TemplateCondition) -> Self {
        self.spec_mut().condition = Some(condition.name().to_owned());
        self
    }

    /// Sets a configuration key that the typed setters do not cover. Prefer
    /// the typed setters; this is an escape hatch.
    fn configuration(mut self, key: &str, value: impl Into<Text<'p>>) -> Self {
        self.spec_mut().set(key, value);
        self
    }
}

/// Implements [`IntoAction`], [`ActionSettings`], the stage marker and any
/// further markers (e.g. `NonSourceAction + CrossRegionAction`) for a typed
/// action struct whose description is in its `spec` field. With
/// `into_spec = path`, that function turns the action into its description
/// (for actions that hold settings outside `spec` until they are added).
macro_rules! typed_action {
    ($type:ident<'p $(, const $n:ident: usize)?>, $kind:ident $(+ $marker:ident)*, $handle:ty $(, into_spec = $finish:path)?) => {
        impl<'p $(, const $n: usize)?> $crate::action_spec::IntoAction<'p> for $type<'p $(, $n)?> {
            type Handle = $handle;
            fn into_spec(self) -> $crate::action_spec::ActionSpec<'p> {
                typed_action!(@into_spec self $(, $finish)?)
            }
        }
        impl<'p $(, const $n: usize)?> $crate::action_spec::ActionSettings<'p> for $type<'p $(, $n)?> {
            fn spec_mut(&mut self) -> &mut $crate::action_spec::ActionSpec<'p> {
                &mut self.spec
            }
        }
        typed_action!(@markers $type<'p $(, const $n: usize)?>; $kind $(, $marker)*);
    };
    (@into_spec $action:ident) => {
        $action.spec
    };
    (@into_spec $action:ident, $finish:path) => {
        $finish($action)
    };
    (@markers $type:ident<'p $(, const $n:ident: usize)?>;) => {};
    (@markers $type:ident<'p $(, const $n:ident: usize)?>; $marker:ident $(, $rest:ident)*) => {
        impl<'p $(, const $n: usize)?> $crate::action_spec::$marker<'p> for $type<'p $(, $n)?> {}
        typed_action!(@markers $type<'p $(, const $n: usize)?>; $($rest),*);
    };
}
pub(crate) use typed_action;
