//! Environment variables: CodeBuild's `EnvironmentVariables` configuration
//! (JSON text), and secrets written into plain-text variables: secret
//! references CloudFormation resolves, values in a well-known credential
//! format, and literal values of variables named like a secret (the rules of
//! both are in `secrets.rs`). A secret's value is never printed.

use serde::Deserialize;

use super::context::Context;
use super::secrets::{credential_format, is_written_value, secret_name_words};
use crate::model::{EnvironmentVariableType, Str};
use crate::providers;
use crate::{Location, Rule, Violation};

/// The types CodeBuild accepts in `EnvironmentVariables`.
const CODEBUILD_TYPES: [&str; 3] = ["PLAINTEXT", "PARAMETER_STORE", "SECRETS_MANAGER"];
/// How CloudFormation dynamic references to secrets start.
const SECRET_REFERENCES: [&str; 2] = ["{{resolve:secretsmanager:", "{{resolve:ssm-secure:"];

/// One entry of CodeBuild's `EnvironmentVariables`.
#[derive(Deserialize)]
struct CodeBuildVariable {
    name: String,
    value: String,
    #[serde(rename = "type", default)]
    variable_type: Option<String>,
}

/// Checks CodeBuild's environment variables and the plain-text variables of
/// every action.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let location = cx.location(placed);
        if placed.is_aws(providers::CODEBUILD.name) {
            if let Some(text) = placed.config("EnvironmentVariables").and_then(Str::as_literal) {
                codebuild_variables(location.field("configuration.EnvironmentVariables"), text, out);
            }
        }
        for (index, variable) in placed.action.environment_variables.iter().flatten().enumerate() {
            let plaintext = variable.variable_type.is_none_or(|kind| kind == EnvironmentVariableType::Plaintext);
            let Some(value) = variable.value.as_literal() else { continue };
            if plaintext {
                let field = || location.field(&format!("environmentVariables[{index}]"));
                out.extend(plaintext_finding(field, &variable.name.to_string(), value, SecretTypes::ActionLevel));
            }
        }
        for (index, command) in placed.action.commands.iter().flatten().enumerate() {
            let Some(kind) = command.as_literal().and_then(|command| credential_format("", command)) else { continue };
            out.push(Violation::new(
                location.field(&format!("commands[{index}]")),
                Rule::PlaintextCredential,
                format!(
                    "the command holds what looks like {kind}, which is written into the pipeline's configuration, \
                     readable by anyone who can read the pipeline; {}",
                    SecretTypes::ActionLevel.advice()
                ),
            ));
        }
    }
}

/// Where a variable is declared, which decides how a secret is referenced
/// instead.
#[derive(Clone, Copy)]
enum SecretTypes {
    /// CodeBuild's `EnvironmentVariables`: Secrets Manager or Parameter Store.
    CodeBuild,
    /// An action-level `environmentVariables` (Commands, EKS): Secrets
    /// Manager.
    ActionLevel,
}

impl SecretTypes {
    /// The types a secret can be declared with.
    fn names(self) -> &'static str {
        match self {
            SecretTypes::CodeBuild => "SECRETS_MANAGER or PARAMETER_STORE",
            SecretTypes::ActionLevel => "SECRETS_MANAGER",
        }
    }

    /// What to write instead of the value.
    fn advice(self) -> &'static str {
        match self {
            SecretTypes::CodeBuild => {
                "keep the value in Secrets Manager or Parameter Store and declare the variable with \
                 `EnvVar::secrets_manager(name, secret)` or `EnvVar::parameter_store(name, parameter)` \
                 (type SECRETS_MANAGER or PARAMETER_STORE)"
            }
            SecretTypes::ActionLevel => {
                "keep the value in Secrets Manager and declare the variable with \
                 `.secret_environment_variable(name, secret)` (type SECRETS_MANAGER)"
            }
        }
    }
}

/// The finding for a plain-text variable that holds a secret, if it does:
/// a secret reference, a value in a credential format, or a written value
/// under a name that says secret, checked in that order.
fn plaintext_finding(
    location: impl FnOnce() -> Location,
    name: &str,
    value: &str,
    types: SecretTypes,
) -> Option<Violation> {
    if holds_secret(value) {
        return Some(plaintext_secret(location(), name, types.names()));
    }
    if let Some(kind) = credential_format(name, value) {
        return Some(Violation::new(
            location(),
            Rule::PlaintextCredential,
            format!(
                "the plain-text variable \"{name}\" holds what looks like {kind}, which is written into the \
                 pipeline's configuration, readable by anyone who can read the pipeline; {}",
                types.advice()
            ),
        ));
    }
    let word = secret_name_words(name).filter(|_| is_written_value(value))?;
    Some(Violation::new(
        location(),
        Rule::PlaintextSecretName,
        format!(
            "the plain-text variable \"{name}\" is named like a secret (the word \"{word}\") and its value is \
             written into the pipeline's configuration, readable by anyone who can read the pipeline; {}; if the \
             value is no secret, rename the variable",
            types.advice()
        ),
    ))
}

/// The JSON list of `{name, value, type}` and the secrets in it.
fn codebuild_variables(location: Location, text: &str, out: &mut Vec<Violation>) {
    let variables: Vec<CodeBuildVariable> = match serde_json::from_str(text) {
        Ok(variables) => variables,
        Err(error) => {
            out.push(Violation::new(
                location,
                Rule::CodeBuildEnvironmentVariables,
                format!(
                    "EnvironmentVariables is not a JSON list of {{\"name\", \"value\", \"type\"}} objects ({error}); \
                     write it like [{{\"name\":\"STAGE\",\"value\":\"prod\",\"type\":\"PLAINTEXT\"}}]"
                ),
            ));
            return;
        }
    };
    for variable in variables {
        let kind = variable.variable_type.as_deref().unwrap_or("PLAINTEXT");
        if !CODEBUILD_TYPES.contains(&kind) {
            out.push(Violation::new(
                location.clone(),
                Rule::CodeBuildEnvironmentVariables,
                format!(
                    "the variable \"{}\" has type \"{kind}\"; use one of {}",
                    variable.name,
                    CODEBUILD_TYPES.join(", ")
                ),
            ));
        } else if kind == "PLAINTEXT" {
            let finding =
                plaintext_finding(|| location.clone(), &variable.name, &variable.value, SecretTypes::CodeBuild);
            out.extend(finding);
        }
    }
}

/// Whether a value is resolved from a secret by CloudFormation.
fn holds_secret(value: &str) -> bool {
    SECRET_REFERENCES.iter().any(|reference| value.contains(reference))
}

/// A secret in a plain-text variable.
fn plaintext_secret(location: Location, name: &str, types: &str) -> Violation {
    Violation::new(
        location,
        Rule::PlaintextSecret,
        format!(
            "the plain-text variable \"{name}\" holds a secret reference, which CloudFormation resolves into the \
             pipeline's configuration, readable by anyone who can read the pipeline; use type {types} with the \
             secret's name instead"
        ),
    )
}
