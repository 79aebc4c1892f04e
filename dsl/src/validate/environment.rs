//! Environment variables: CodeBuild's `EnvironmentVariables` configuration
//! (JSON text), and secrets written into plain-text variables.

use serde::Deserialize;

use super::context::Context;
use super::{Location, Violation};
use crate::model::{EnvironmentVariableType, Str};
use crate::providers;

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
            if plaintext && holds_secret(value) {
                let field = location.field(&format!("environmentVariables[{index}]"));
                out.push(plaintext_secret(field, &variable.name.to_string(), "SECRETS_MANAGER"));
            }
        }
    }
}

/// The JSON list of `{name, value, type}` and the secrets in it.
fn codebuild_variables(location: Location, text: &str, out: &mut Vec<Violation>) {
    let variables: Vec<CodeBuildVariable> = match serde_json::from_str(text) {
        Ok(variables) => variables,
        Err(error) => {
            out.push(Violation::new(
                location,
                "codebuild-environment-variables",
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
                "codebuild-environment-variables",
                format!(
                    "the variable \"{}\" has type \"{kind}\"; use one of {}",
                    variable.name,
                    CODEBUILD_TYPES.join(", ")
                ),
            ));
        } else if kind == "PLAINTEXT" && holds_secret(&variable.value) {
            out.push(plaintext_secret(location.clone(), &variable.name, "SECRETS_MANAGER or PARAMETER_STORE"));
        }
    }
}

/// Whether a value is resolved from a secret by CloudFormation.
fn holds_secret(value: &str) -> bool {
    SECRET_REFERENCES.iter().any(|reference| value.contains(reference))
}

/// A secret in a plain-text variable.
fn plaintext_secret(location: Location, name: &str, types: &str) -> Violation {
    Violation::warning(
        location,
        "plaintext-secret",
        format!(
            "the plain-text variable \"{name}\" holds a secret reference, which CloudFormation resolves into the \
             pipeline's configuration, readable by anyone who can read the pipeline; use type {types} with the \
             secret's name instead"
        ),
    )
}
