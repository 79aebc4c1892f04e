//! Environment variables a CodeBuild action passes to its build (the
//! `EnvironmentVariables` configuration key).

use crate::actions::json_text;
use crate::text::Text;

/// Where a CodeBuild environment variable's value comes from.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let secret = EnvVar::new("TOKEN", "app/token", EnvVarType::SecretsManager);
/// assert_eq!(secret, EnvVar::secrets_manager("TOKEN", "app/token"));
/// assert_eq!(EnvVarType::ParameterStore.as_str(), "PARAMETER_STORE");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnvVarType {
    /// `PLAINTEXT`: the value itself.
    Plaintext,
    /// `PARAMETER_STORE`: the value is the name of a Systems Manager
    /// Parameter Store parameter.
    ParameterStore,
    /// `SECRETS_MANAGER`: the value is a Secrets Manager secret id
    /// (`secret-id:json-key:version-stage:version-id`).
    SecretsManager,
}

impl EnvVarType {
    /// The value AWS uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvVarType::Plaintext => "PLAINTEXT",
            EnvVarType::ParameterStore => "PARAMETER_STORE",
            EnvVarType::SecretsManager => "SECRETS_MANAGER",
        }
    }
}

/// One environment variable of a CodeBuild action, overriding the project's.
///
/// The value may reference output variables: the producing action then gets
/// its namespace and runs first.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "project", source.artifact()).environment_variables([
///             EnvVar::plaintext("COMMIT_ID", source.vars().commit_id()),
///             EnvVar::parameter_store("DB_HOST", "/app/db-host"),
///             EnvVar::secrets_manager("TOKEN", "app/token"),
///         ]))
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(
///     configuration["EnvironmentVariables"],
///     r##"[{"name":"COMMIT_ID","value":"#{Source_Checkout.CommitId}","type":"PLAINTEXT"},{"name":"DB_HOST","value":"/app/db-host","type":"PARAMETER_STORE"},{"name":"TOKEN","value":"app/token","type":"SECRETS_MANAGER"}]"##
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvVar<'p> {
    name: String,
    value: Text<'p>,
    /// `None` leaves `type` out (CodeBuild reads the value as plain text).
    variable_type: Option<EnvVarType>,
}

impl<'p> EnvVar<'p> {
    /// A variable `name` whose value is read as `variable_type` says.
    pub fn new(name: impl Into<String>, value: impl Into<Text<'p>>, variable_type: EnvVarType) -> Self {
        EnvVar { name: name.into(), value: value.into(), variable_type: Some(variable_type) }
    }

    /// A variable with a literal value written without `type`, which
    /// CodeBuild reads as `PLAINTEXT`: for keeping a definition that leaves
    /// the type out as it is.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Build", |s| {
    ///         s.add(CodeBuild::new("Build", "project", source.artifact())
    ///             .environment_variables([EnvVar::untyped("STAGE", "prod"), EnvVar::plaintext("MODE", "full")]))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(
    ///     configuration["EnvironmentVariables"],
    ///     r#"[{"name":"STAGE","value":"prod"},{"name":"MODE","value":"full","type":"PLAINTEXT"}]"#
    /// );
    /// ```
    pub fn untyped(name: impl Into<String>, value: impl Into<Text<'p>>) -> Self {
        EnvVar { name: name.into(), value: value.into(), variable_type: None }
    }

    /// A variable with a literal value (which may reference variables).
    pub fn plaintext(name: impl Into<String>, value: impl Into<Text<'p>>) -> Self {
        EnvVar::new(name, value, EnvVarType::Plaintext)
    }

    /// A variable read from the Parameter Store parameter `parameter`.
    pub fn parameter_store(name: impl Into<String>, parameter: impl Into<Text<'p>>) -> Self {
        EnvVar::new(name, parameter, EnvVarType::ParameterStore)
    }

    /// A variable read from the Secrets Manager secret `secret`.
    pub fn secrets_manager(name: impl Into<String>, secret: impl Into<Text<'p>>) -> Self {
        EnvVar::new(name, secret, EnvVarType::SecretsManager)
    }

    /// The compact JSON object `{"name":…,"value":…,"type":…}`, without
    /// `type` for an untyped variable.
    fn to_json(&self) -> Text<'p> {
        let name = ("name".to_owned(), Text::from(self.name.as_str()));
        let value = ("value".to_owned(), self.value.clone());
        let kind = self.variable_type.map(|kind| ("type".to_owned(), Text::from(kind.as_str())));
        json_text::object([name, value].into_iter().chain(kind))
    }
}

/// The `EnvironmentVariables` value: a compact JSON array, keys in the order
/// name, value, type.
pub(crate) fn environment_variables_json<'p>(variables: impl IntoIterator<Item = EnvVar<'p>>) -> Text<'p> {
    json_text::array(variables.into_iter().map(|variable| variable.to_json()))
}
