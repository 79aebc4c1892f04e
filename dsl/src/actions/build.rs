//! Build and test actions: CodeBuild and Jenkins serve both categories, with
//! `new` for a build and `test` for a test.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::codebuild_env::{environment_variables_json, EnvVar};
use crate::actions::{input_setter, output_setters};
use crate::inputs::ArtifactInput;
use crate::model::{ActionCategory, ActionOwner, Str};
use crate::providers;
use crate::text::Text;
use crate::variables::{NamedVariables, NoVariables};

/// `Build` or `Test / AWS / CodeBuild / 1`: runs a CodeBuild project on 1..5
/// input artifacts and produces `N` (0..5) output artifacts. Its variables
/// are the buildspec's `env.exported-variables`.
///
/// With more than one input (`.input(...)`), name the one holding the
/// buildspec with [`CodeBuild::primary_source`]; the others are available to
/// the build at `$CODEBUILD_SRC_DIR_<ArtifactName>`.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "my-project", source.artifact()).output("BuildOutput"))
///     });
///     let [built] = build.artifacts;
///     let image_tag: Var = build.vars().get("IMAGE_TAG");
///     p.stage("Test", |s| {
///         s.add(CodeBuild::test("Integration", "integration-tests", built)
///             .environment_variables([EnvVar::plaintext("IMAGE_TAG", image_tag)]))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeBuild<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeBuild<'p, 0> {
    /// Builds `input` with the CodeBuild project `project` (category Build).
    pub fn new(name: impl Into<Str>, project: impl Into<Text<'p>>, input: impl ArtifactInput<'p>) -> Self {
        CodeBuild::with_category(name, ActionCategory::Build, project, input)
    }

    /// Tests `input` with the CodeBuild project `project` (category Test).
    pub fn test(name: impl Into<Str>, project: impl Into<Text<'p>>, input: impl ArtifactInput<'p>) -> Self {
        CodeBuild::with_category(name, ActionCategory::Test, project, input)
    }

    fn with_category(
        name: impl Into<Str>,
        category: ActionCategory,
        project: impl Into<Text<'p>>,
        input: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::CODEBUILD.action_in(name, category);
        spec.set("ProjectName", project);
        spec.input(input.into_artifact());
        CodeBuild { spec }
    }
}

impl<'p, const N: usize> CodeBuild<'p, N> {
    /// `PrimarySource`: the input whose buildspec runs and which is checked
    /// out at `$CODEBUILD_SRC_DIR`; required with more than one input. The
    /// artifact becomes an input if it is not one yet.
    pub fn primary_source(mut self, artifact: impl ArtifactInput<'p>) -> Self {
        self.spec.set_artifact_name("PrimarySource", artifact.into_artifact());
        self
    }

    /// `EnvironmentVariables`: variables for this build, written as the
    /// compact JSON text CodeBuild reads (at most 1000 characters).
    pub fn environment_variables(mut self, variables: impl IntoIterator<Item = EnvVar<'p>>) -> Self {
        self.spec.set("EnvironmentVariables", environment_variables_json(variables));
        self
    }

    /// `BatchEnabled`: runs a batch build.
    pub fn batch_enabled(mut self, enabled: bool) -> Self {
        self.spec.set("BatchEnabled", enabled.to_string());
        self
    }

    /// `CombineArtifacts`: combines the batch's artifacts into one (needs
    /// [`CodeBuild::batch_enabled`]).
    pub fn combine_artifacts(mut self, combine: bool) -> Self {
        self.spec.set("CombineArtifacts", combine.to_string());
        self
    }

    /// `BuildspecOverride`: an inline buildspec, or a path relative to
    /// `$CODEBUILD_SRC_DIR` or an S3 ARN, used instead of the project's.
    pub fn buildspec_override(mut self, buildspec: impl Into<Text<'p>>) -> Self {
        self.spec.set("BuildspecOverride", buildspec);
        self
    }
}

input_setter!(CodeBuild: "1..5 in all");
output_setters!(CodeBuild: 0 => 1, 1 => 2, 2 => 3, 3 => 4, 4 => 5);

typed_action!(CodeBuild<'p, const N: usize>, NonSourceAction + CrossRegionAction, ActionHandle<'p, N, NamedVariables<'p>>);

/// `Build` or `Test / Custom / <ProviderName> / <version>`: a Jenkins job,
/// through the custom action type the CodePipeline Jenkins plugin registered
/// in the account. It takes 0..5 inputs and produces `N` (0..5) outputs; it
/// cannot run in another account or Region.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| {
///         s.add(Jenkins::new("Build", "MyJenkinsProvider", "1", "build-job").input(source.artifact()).output("Packaged"))
///     });
///     p.stage("Test", |s| s.add(Jenkins::test("Test", "MyJenkinsTestProvider", "1", "test-job").input(build.artifact())));
/// });
/// ```
#[derive(Clone, Debug)]
pub struct Jenkins<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> Jenkins<'p, 0> {
    /// Runs the Jenkins job `project` as a build, through the custom provider
    /// `provider_name`, version `version`, as registered.
    pub fn new(
        name: impl Into<Str>,
        provider_name: impl Into<Str>,
        version: impl Into<Str>,
        project: impl Into<Text<'p>>,
    ) -> Self {
        Jenkins::with_category(name, ActionCategory::Build, provider_name, version, project)
    }

    /// Runs the Jenkins job `project` as a test; a test provider is
    /// registered separately from the build provider of the same name.
    pub fn test(
        name: impl Into<Str>,
        provider_name: impl Into<Str>,
        version: impl Into<Str>,
        project: impl Into<Text<'p>>,
    ) -> Self {
        Jenkins::with_category(name, ActionCategory::Test, provider_name, version, project)
    }

    fn with_category(
        name: impl Into<Str>,
        category: ActionCategory,
        provider_name: impl Into<Str>,
        version: impl Into<Str>,
        project: impl Into<Text<'p>>,
    ) -> Self {
        let mut spec = ActionSpec::new(name, category, ActionOwner::Custom, provider_name, version);
        spec.set("ProjectName", project);
        Jenkins { spec }
    }
}

input_setter!(Jenkins: "0..5 in all");
output_setters!(Jenkins: 0 => 1, 1 => 2, 2 => 3, 3 => 4, 4 => 5);

typed_action!(Jenkins<'p, const N: usize>, NonSourceAction, ActionHandle<'p, N, NoVariables>);
