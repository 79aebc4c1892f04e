//! One action of a stage (`ActionDeclaration`).

use derive_builder::{Builder, UninitializedFieldError};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::builder::build_naming_the_struct;
use super::value::lenient_u32;
use super::Str;

/// An action as the CodePipeline API declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ActionCategory, ActionDeclarationBuilder, ActionOwner, ActionTypeIdBuilder, InputArtifactBuilder};

let action = ActionDeclarationBuilder::default()
    .name("Scan")
    .action_type_id(
        ActionTypeIdBuilder::default()
            .category(ActionCategory::Test)
            .owner(ActionOwner::Custom)
            .provider("Scanner")
            .version("1")
            .build()?,
    )
    .input_artifacts(vec![InputArtifactBuilder::default().name("SourceOutput").build()?])
    .run_order(2u32)
    .build()?;
assert_eq!(action.run_order, Some(2));
assert_eq!(action.region, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct ActionDeclaration {
    /// Unique within the stage (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// Category, owner, provider and version of the action type.
    pub action_type_id: ActionTypeId,
    /// Order inside the stage (1..999); equal values run in parallel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32::deserialize::<_, 1, 999>"
    )]
    #[builder(default)]
    pub run_order: Option<u32>,
    /// Provider-specific settings; every value is a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub configuration: Option<IndexMap<String, Str>>,
    /// Shell commands (Commands action only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub commands: Option<Vec<Str>>,
    /// Artifacts this action produces.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::conditional::optional_items")]
    #[builder(default)]
    pub output_artifacts: Option<Vec<OutputArtifact>>,
    /// Artifacts this action consumes.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::conditional::optional_items")]
    #[builder(default)]
    pub input_artifacts: Option<Vec<InputArtifact>>,
    /// Environment variable names to export (Commands action only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub output_variables: Option<Vec<Str>>,
    /// Role the pipeline assumes to run the action; may be in another account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub role_arn: Option<Str>,
    /// Region the action runs in, when not the pipeline's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub region: Option<Str>,
    /// Namespace under which the action's output variables are visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub namespace: Option<Str>,
    /// Timeout in minutes (5..86400); honoured by manual approvals.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32::deserialize::<_, 5, 86400>"
    )]
    #[builder(default)]
    pub timeout_in_minutes: Option<u32>,
    /// Action-level environment variables (Commands and EKS actions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub environment_variables: Option<Vec<EnvironmentVariable>>,
    /// The CloudFormation condition the action exists under (template form
    /// only): the action is written as `{"Fn::If": [condition, action,
    /// {"Ref": "AWS::NoValue"}]}`.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// Identifies the kind of an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ActionCategory, ActionOwner, ActionTypeIdBuilder};

let type_id = ActionTypeIdBuilder::default()
    .category(ActionCategory::Build)
    .owner(ActionOwner::Custom)
    .provider("Jenkins")
    .version("1")
    .build()?;
assert_eq!(type_id.provider, "Jenkins");

let error = ActionTypeIdBuilder::default().category(ActionCategory::Build).owner(ActionOwner::Aws).build().unwrap_err();
assert_eq!(error.field(), "provider");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct ActionTypeId {
    /// What the action does.
    pub category: ActionCategory,
    /// Who provides it.
    pub owner: ActionOwner,
    /// The provider name, e.g. `CodeBuild` (`[0-9A-Za-z_-]+`, 1..35).
    pub provider: Str,
    /// The provider version, `"1"` for every AWS provider (1..9).
    pub version: Str,
}

/// The category of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ActionCategory {
    /// Produces the pipeline's input from a repository, bucket or registry.
    Source,
    /// Builds.
    Build,
    /// Tests.
    Test,
    /// Deploys.
    Deploy,
    /// Waits for a person.
    Approval,
    /// Calls a function, state machine or pipeline.
    Invoke,
    /// Runs commands (the Commands action).
    Compute,
}

/// Who provides an action type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ActionOwner {
    /// An AWS service.
    #[serde(rename = "AWS")]
    Aws,
    /// A partner integration such as GitHub (version 1).
    ThirdParty,
    /// A custom action type registered in the account (Jenkins, ...).
    Custom,
}

impl ActionCategory {
    /// The name AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionCategory::Source => "Source",
            ActionCategory::Build => "Build",
            ActionCategory::Test => "Test",
            ActionCategory::Deploy => "Deploy",
            ActionCategory::Approval => "Approval",
            ActionCategory::Invoke => "Invoke",
            ActionCategory::Compute => "Compute",
        }
    }
}

impl ActionOwner {
    /// The name AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionOwner::Aws => "AWS",
            ActionOwner::ThirdParty => "ThirdParty",
            ActionOwner::Custom => "Custom",
        }
    }
}

/// An artifact an action consumes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::InputArtifactBuilder;

let input = InputArtifactBuilder::default().name("SourceOutput").build()?;
assert_eq!(input.name, "SourceOutput");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct InputArtifact {
    /// The name of an artifact produced earlier (`[a-zA-Z0-9_\-]+`, 1..100).
    pub name: Str,
    /// The CloudFormation condition the input is read under (template form
    /// only), written as `Fn::If` around it.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// An artifact an action produces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{OutputArtifactBuilder, Str};

let output = OutputArtifactBuilder::default().name("Reports").files(vec![Str::from("reports/**/*")]).build()?;
assert_eq!(output.files.unwrap()[0], "reports/**/*");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct OutputArtifact {
    /// Unique in the pipeline (`[a-zA-Z0-9_\-]+`, 1..100).
    pub name: Str,
    /// Files to export (Commands action only), 1..10 globs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub files: Option<Vec<Str>>,
    /// The CloudFormation condition the output is produced under (template
    /// form only), written as `Fn::If` around it.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// An action-level environment variable (Commands and EKS actions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{EnvironmentVariableBuilder, EnvironmentVariableType};

let variable = EnvironmentVariableBuilder::default()
    .name("TOKEN")
    .value("app/token")
    .variable_type(EnvironmentVariableType::SecretsManager)
    .build()?;
assert_eq!(variable.variable_type, Some(EnvironmentVariableType::SecretsManager));
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct EnvironmentVariable {
    /// Name (`[A-Za-z0-9_]+`, 1..128).
    pub name: Str,
    /// Value (1..2000); may contain variable references.
    pub value: Str,
    /// How the value is read; `PLAINTEXT` when absent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub variable_type: Option<EnvironmentVariableType>,
}

/// How an action-level environment variable's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum EnvironmentVariableType {
    /// The value itself.
    Plaintext,
    /// The name of a Secrets Manager secret.
    SecretsManager,
}

build_naming_the_struct!(
    ActionDeclaration => ActionDeclarationBuilder,
    ActionTypeId => ActionTypeIdBuilder,
    InputArtifact => InputArtifactBuilder,
    OutputArtifact => OutputArtifactBuilder,
    EnvironmentVariable => EnvironmentVariableBuilder,
);
