//! The escape hatch: actions of providers pipewright has no typed builder
//! for, still wired with artifact handles.
//!
//! Use [`GenericAction`] or [`GenericSource`] for a custom action type
//! registered in the account, a partner provider, or an AWS provider not
//! modelled here (Device Farm, Service Catalog, EKS, ...). Prefer a typed
//! action when one exists: it knows the required keys, the enums and the
//! artifact counts, which here only [`crate::Pipeline::validate`] and AWS
//! check.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::{input_setter, output_setters, source_output_name};
use crate::inputs::PathInput;
use crate::model::{ActionCategory, ActionOwner, Str};
use crate::variables::NamedVariables;

/// The category of a [`GenericAction`]: any but `Source`, which
/// [`GenericSource`] covers.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// use pipewright_dsl::model::ActionCategory;
///
/// assert_eq!(ActionCategory::from(NonSourceCategory::Compute), ActionCategory::Compute);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NonSourceCategory {
    /// `Build`.
    Build,
    /// `Test`.
    Test,
    /// `Deploy`.
    Deploy,
    /// `Approval`.
    Approval,
    /// `Invoke`.
    Invoke,
    /// `Compute`.
    Compute,
}

impl From<NonSourceCategory> for ActionCategory {
    fn from(category: NonSourceCategory) -> ActionCategory {
        match category {
            NonSourceCategory::Build => ActionCategory::Build,
            NonSourceCategory::Test => ActionCategory::Test,
            NonSourceCategory::Deploy => ActionCategory::Deploy,
            NonSourceCategory::Approval => ActionCategory::Approval,
            NonSourceCategory::Invoke => ActionCategory::Invoke,
            NonSourceCategory::Compute => ActionCategory::Compute,
        }
    }
}

/// Any non-source action, given by its type id and raw configuration; inputs
/// are artifact handles and `.output(name)` declares up to 5 outputs.
///
/// Set configuration keys with [`crate::ActionSettings::configuration`]; keys
/// whose value names a file or an artifact take handles through
/// [`GenericAction::configuration_path`] and
/// [`GenericAction::configuration_artifact`], which also wire the artifact as
/// an input. Its variables are whatever the provider emits, by name.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Test", |s| {
///         s.add(GenericAction::new("DeviceTests", NonSourceCategory::Test, ActionOwner::Aws, "DeviceFarm", "1")
///             .configuration("AppType", "Android")
///             .configuration("ProjectId", "eec4905f-98f8-40aa-9afc-4c1cfexample")
///             .configuration_path("App", source.artifact().path("app-release.apk"))
///             .configuration("DevicePoolArn", "arn:aws:devicefarm:us-west-2::devicepool:example")
///             .configuration("TestType", "APPIUM_PYTHON"))
///     });
/// });
/// let action = &pipeline.declaration().stages[1].actions[0];
/// assert_eq!(action.configuration.as_ref().unwrap()["App"], "CheckoutOutput::app-release.apk");
/// assert_eq!(action.input_artifacts.as_ref().unwrap()[0].name, "CheckoutOutput");
/// ```
#[derive(Clone, Debug)]
pub struct GenericAction<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> GenericAction<'p, 0> {
    /// An action of type `category / owner / provider / version`.
    pub fn new(
        name: impl Into<Str>,
        category: NonSourceCategory,
        owner: ActionOwner,
        provider: impl Into<Str>,
        version: impl Into<Str>,
    ) -> Self {
        GenericAction { spec: ActionSpec::new(name, category.into(), owner, provider, version) }
    }
}

impl<'p, const N: usize> GenericAction<'p, N> {
    /// Sets `key` to `<ArtifactName>::<file>` and wires the artifact as an
    /// input.
    pub fn configuration_path(mut self, key: &str, file: impl PathInput<'p>) -> Self {
        self.spec.set_path(key, file.into_path());
        self
    }

    /// Sets `key` to the artifact's name and wires it as an input.
    pub fn configuration_artifact(mut self, key: &str, artifact: impl crate::actions::ArtifactInput<'p>) -> Self {
        self.spec.set_artifact_name(key, artifact.into_artifact());
        self
    }

    /// `timeoutInMinutes`, for providers that honour it.
    pub fn timeout_in_minutes(mut self, minutes: u32) -> Self {
        self.spec.set_timeout_in_minutes(minutes);
        self
    }
}

input_setter!(GenericAction: "as many as the provider takes");
output_setters!(GenericAction: 0 => 1, 1 => 2, 2 => 3, 3 => 4, 4 => 5);

typed_action!(GenericAction<'p, const N: usize>, NonSourceAction + CrossRegionAction, ActionHandle<'p, N, NamedVariables<'p>>);

/// A source action of a provider without a typed builder (a custom source
/// type, or a newer AWS or partner source), given by owner, provider,
/// version and raw configuration. Like every source it goes only in the
/// source stage and produces one artifact, `<ActionName>Output` unless
/// `.output_name(...)` says otherwise.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| {
///         s.add(GenericSource::new("Checkout", ActionOwner::Custom, "MyScm", "2")
///             .configuration("Repository", "platform/app")
///             .output_name("Code"))
///     });
///     p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
/// });
/// let action = &pipeline.declaration().stages[0].actions[0];
/// assert_eq!(action.action_type_id.provider, "MyScm");
/// assert_eq!(action.output_artifacts.as_ref().unwrap()[0].name, "Code");
/// ```
#[derive(Clone, Debug)]
pub struct GenericSource<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> GenericSource<'p> {
    /// A source action of type `Source / owner / provider / version`.
    pub fn new(name: impl Into<Str>, owner: ActionOwner, provider: impl Into<Str>, version: impl Into<Str>) -> Self {
        let mut spec = ActionSpec::new(name, ActionCategory::Source, owner, provider, version);
        spec.default_output();
        GenericSource { spec }
    }
}

source_output_name!(GenericSource);

typed_action!(GenericSource<'p>, SourceAction, ActionHandle<'p, 1, NamedVariables<'p>>);
