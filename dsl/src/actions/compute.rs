//! Compute actions: the Commands action (V2 pipelines only).

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::input_setter;
use crate::inputs::ArtifactInput;
use crate::model::{EnvironmentVariableType, Str};
use crate::providers;
use crate::text::Text;
use crate::variables::NamedVariables;

/// The compute size of a Commands action (`ComputeType`); see
/// [`Commands::compute_type`].
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(CommandsComputeType::Large.as_str(), "BUILD_GENERAL1_LARGE");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommandsComputeType {
    /// `BUILD_GENERAL1_SMALL` (the default; not with Windows).
    Small,
    /// `BUILD_GENERAL1_MEDIUM`.
    Medium,
    /// `BUILD_GENERAL1_LARGE`.
    Large,
}

impl CommandsComputeType {
    /// The value AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            CommandsComputeType::Small => "BUILD_GENERAL1_SMALL",
            CommandsComputeType::Medium => "BUILD_GENERAL1_MEDIUM",
            CommandsComputeType::Large => "BUILD_GENERAL1_LARGE",
        }
    }
}

/// The environment a Commands action runs in (`EnvironmentType`); see
/// [`Commands::environment_type`].
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(CommandsEnvironmentType::WindowsServer2022Container.as_str(), "WINDOWS_SERVER_2022_CONTAINER");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommandsEnvironmentType {
    /// `LINUX_CONTAINER` (the default).
    LinuxContainer,
    /// `WINDOWS_SERVER_2022_CONTAINER` (needs a medium or large compute type).
    WindowsServer2022Container,
}

impl CommandsEnvironmentType {
    /// The value AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            CommandsEnvironmentType::LinuxContainer => "LINUX_CONTAINER",
            CommandsEnvironmentType::WindowsServer2022Container => "WINDOWS_SERVER_2022_CONTAINER",
        }
    }
}

/// `Compute / AWS / Commands / 1`: runs shell commands on CodePipeline-managed
/// CodeBuild compute (V2 pipelines only). It takes 1..10 inputs and at most
/// one output ([`Commands::output_files`]); its variables are the names
/// given to [`Commands::output_variables`].
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.pipeline_type(PipelineType::V2);
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| {
///         s.add(Commands::new("Build", source.artifact(), ["make dist", "echo VERSION=$(cat VERSION)"])
///             .environment_variable("COMMIT", source.vars().commit_id())
///             .output_variables(["VERSION"])
///             .output_files("Dist", ["dist/**/*"]))
///     });
///     let _version: Var = build.vars().get("VERSION");
/// });
/// ```
#[derive(Clone, Debug)]
pub struct Commands<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> Commands<'p, 0> {
    /// Runs `commands` (1..50 single-line commands; they may reference
    /// variables) on `input`.
    pub fn new<C: Into<Text<'p>>>(
        name: impl Into<Str>,
        input: impl ArtifactInput<'p>,
        commands: impl IntoIterator<Item = C>,
    ) -> Self {
        let mut spec = providers::COMMANDS.action(name);
        spec.input(input.into_artifact());
        spec.set_commands(commands.into_iter().map(Into::into).collect());
        Commands { spec }
    }

    /// Declares the output artifact `name` (literal or expression) holding
    /// `files` (1..10 CodeBuild-style globs, e.g. `dist/**/*`).
    pub fn output_files<F: Into<Str>>(
        mut self,
        name: impl Into<Str>,
        files: impl IntoIterator<Item = F>,
    ) -> Commands<'p, 1> {
        self.spec.output(name);
        self.spec.output_files(0, files.into_iter().map(Into::into).collect());
        Commands { spec: self.spec }
    }
}

impl<'p, const N: usize> Commands<'p, N> {
    /// `outputVariables`: environment variables (1..15) exported after the
    /// commands ran, then readable as `handle.vars().get(name)`.
    pub fn output_variables<V: Into<Str>>(mut self, names: impl IntoIterator<Item = V>) -> Self {
        self.spec.set_output_variables(names.into_iter().map(Into::into).collect());
        self
    }

    /// Adds a plain environment variable (at most 10 in all); the value may
    /// reference variables.
    pub fn environment_variable(mut self, name: impl Into<Str>, value: impl Into<Text<'p>>) -> Self {
        self.spec.add_environment_variable(name, value, EnvironmentVariableType::Plaintext);
        self
    }

    /// Adds an environment variable read from the Secrets Manager secret
    /// `secret` (the role then needs `secretsmanager:GetSecretValue`).
    pub fn secret_environment_variable(mut self, name: impl Into<Str>, secret: impl Into<Text<'p>>) -> Self {
        self.spec.add_environment_variable(name, secret, EnvironmentVariableType::SecretsManager);
        self
    }

    /// `ComputeType`: the size of the build host.
    pub fn compute_type(mut self, compute_type: CommandsComputeType) -> Self {
        self.spec.set("ComputeType", compute_type.as_str());
        self
    }

    /// `EnvironmentType`: Linux (default) or Windows.
    pub fn environment_type(mut self, environment_type: CommandsEnvironmentType) -> Self {
        self.spec.set("EnvironmentType", environment_type.as_str());
        self
    }

    /// `VpcId`, `Subnets` and `SecurityGroupIds`: runs the commands inside a
    /// VPC (lists written comma-separated).
    pub fn vpc(mut self, vpc_id: impl Into<Text<'p>>, subnets: &[&str], security_group_ids: &[&str]) -> Self {
        self.spec.set("VpcId", vpc_id);
        self.spec.set("Subnets", subnets.join(","));
        self.spec.set("SecurityGroupIds", security_group_ids.join(","));
        self
    }
}

input_setter!(Commands: "1..10 in all");

typed_action!(Commands<'p, const N: usize>, NonSourceAction + CrossRegionAction, ActionHandle<'p, N, NamedVariables<'p>>);
