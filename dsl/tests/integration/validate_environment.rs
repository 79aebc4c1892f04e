//! CodeBuild's EnvironmentVariables and secrets in plain-text variables.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn codebuild_environment_variables_are_a_json_list() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables", json!("STAGE=prod"));
    });
    assert_eq!(
        found,
        [
            r#"error[codebuild-environment-variables]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: EnvironmentVariables is not a JSON list of {"name", "value", "type"} objects (expected value at line 1 column 1); write it like [{"name":"STAGE","value":"prod","type":"PLAINTEXT"}]"#
        ]
    );
}

#[test]
fn codebuild_environment_variable_types() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables",
            json!(r#"[{"name":"STAGE","value":"prod"},{"name":"TOKEN","value":"/app/token","type":"SSM"}]"#),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[codebuild-environment-variables]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: the variable "TOKEN" has type "SSM"; use one of PLAINTEXT, PARAMETER_STORE, SECRETS_MANAGER"#
        ]
    );
}

#[test]
fn secrets_in_plain_text_variables_are_warnings() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(
            doc,
            "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables",
            json!(
                r#"[{"name":"DB_PASSWORD","value":"{{resolve:secretsmanager:db:SecretString:password}}","type":"PLAINTEXT"},{"name":"DB_USER","value":"db-user","type":"SECRETS_MANAGER"}]"#
            ),
        );
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Migrate",
                "Compute",
                "Commands",
                json!({
                    "commands": ["./migrate"],
                    "inputArtifacts": [{"name": "Code"}],
                    "environmentVariables": [
                        {"name": "API_KEY", "value": "{{resolve:ssm-secure:/app/api-key}}"},
                        {"name": "DB_URL", "value": "db-url", "type": "SECRETS_MANAGER"}
                    ]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[plaintext-secret]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: the plain-text variable "DB_PASSWORD" holds a secret reference, which CloudFormation resolves into the pipeline's configuration, readable by anyone who can read the pipeline; use type SECRETS_MANAGER or PARAMETER_STORE with the secret's name instead"#,
            r#"warning[plaintext-secret]: pipeline "app" > stage "Deploy" > action "Migrate" > environmentVariables[0]: the plain-text variable "API_KEY" holds a secret reference, which CloudFormation resolves into the pipeline's configuration, readable by anyone who can read the pipeline; use type SECRETS_MANAGER with the secret's name instead"#,
        ]
    );
}
