//! Secrets written into plain-text environment variables: by the variable's
//! name or by a well-known credential format, never printing the value.

use crate::validate_support::*;
use pipewright_dsl::prelude::*;
use serde_json::json;

const ROLE: &str = "arn:aws:iam::111111111111:role/PipelineRole";

/// The findings of the valid pipeline with the CodeBuild action's
/// `EnvironmentVariables` set to `variables` (a JSON list).
fn codebuild_findings(variables: serde_json::Value) -> Vec<String> {
    findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables", json!(variables.to_string()))
    })
}

fn github_token() -> String {
    format!("ghp_{}", "x7Yz".repeat(9))
}

#[test]
fn a_codebuild_variable_named_like_a_secret_with_a_written_value_is_reported() {
    let found = codebuild_findings(json!([
        {"name": "DB_PASSWORD", "value": "hunter2", "type": "PLAINTEXT"},
        {"name": "TOKENIZER_MODE", "value": "fast", "type": "PLAINTEXT"},
        {"name": "API_TOKEN", "value": "", "type": "PLAINTEXT"},
        {"name": "DEPLOY_TOKEN", "value": "#{variables.DEPLOY_TOKEN}", "type": "PLAINTEXT"},
        {"name": "DB_SECRET", "value": "prod/db", "type": "SECRETS_MANAGER"}
    ]));
    assert_eq!(
        found,
        [
            r#"error[pipeline-variable-undeclared]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: #{variables.DEPLOY_TOKEN} names no declared pipeline variable; the pipeline declares no variables: declare "DEPLOY_TOKEN" in variables (with the builder, `p.variable("DEPLOY_TOKEN", default)` returns its reference)"#,
            r#"warning[plaintext-secret-name]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: the plain-text variable "DB_PASSWORD" is named like a secret (the word "PASSWORD") and its value is written into the pipeline's configuration, readable by anyone who can read the pipeline; keep the value in Secrets Manager or Parameter Store and declare the variable with `EnvVar::secrets_manager(name, secret)` or `EnvVar::parameter_store(name, parameter)` (type SECRETS_MANAGER or PARAMETER_STORE); if the value is no secret, rename the variable"#,
        ]
    );
    assert!(found.iter().all(|finding| !finding.contains("hunter2")));
}

#[test]
fn well_known_credential_formats_are_reported_by_kind_without_the_value() {
    let token = github_token();
    let found = codebuild_findings(json!([
        {"name": "GH", "value": token, "type": "PLAINTEXT"},
        {"name": "KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"},
        {"name": "AWS_SAK", "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
        {"name": "DEPLOY_KEY", "value": "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn"},
        {"name": "HOOK", "value": "xoxb-1234567890-abcdefghij"}
    ]));
    let kinds: Vec<&str> = found
        .iter()
        .map(|finding| {
            assert!(finding.starts_with("warning[plaintext-credential]: "), "{finding}");
            finding.split("holds what looks like ").nth(1).unwrap().split(',').next().unwrap()
        })
        .collect();
    assert_eq!(
        kinds,
        ["a GitHub token", "an AWS access key ID", "an AWS secret access key", "a private key", "a Slack token"]
    );
    for secret in [token.as_str(), "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "b3Blbn", "xoxb-"] {
        assert!(found.iter().all(|finding| !finding.contains(secret)), "{secret} was printed");
    }
}

#[test]
fn typed_builders_are_checked_on_the_model() {
    let token = github_token();
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn(ROLE);
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Compile", "app-build", source.artifact()).environment_variables([
                EnvVar::plaintext("DB_PASSWORD", "hunter2"),
                EnvVar::secrets_manager("API_KEY", "prod/api-key"),
            ]));
            s.add(
                Commands::new("Publish", source.artifact(), ["npm publish"])
                    .environment_variable("NPM_CONFIG", token.as_str())
                    .environment_variable("npmToken", "abc")
                    .secret_environment_variable("GITHUB_TOKEN", "prod/github"),
            );
        });
    });
    let found = rendered(&pipeline);
    assert_eq!(
        found,
        [
            r#"warning[plaintext-secret-name]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: the plain-text variable "DB_PASSWORD" is named like a secret (the word "PASSWORD") and its value is written into the pipeline's configuration, readable by anyone who can read the pipeline; keep the value in Secrets Manager or Parameter Store and declare the variable with `EnvVar::secrets_manager(name, secret)` or `EnvVar::parameter_store(name, parameter)` (type SECRETS_MANAGER or PARAMETER_STORE); if the value is no secret, rename the variable"#,
            r#"warning[plaintext-credential]: pipeline "app" > stage "Build" > action "Publish" > environmentVariables[0]: the plain-text variable "NPM_CONFIG" holds what looks like a GitHub token, which is written into the pipeline's configuration, readable by anyone who can read the pipeline; keep the value in Secrets Manager and declare the variable with `.secret_environment_variable(name, secret)` (type SECRETS_MANAGER)"#,
            r#"warning[plaintext-secret-name]: pipeline "app" > stage "Build" > action "Publish" > environmentVariables[1]: the plain-text variable "npmToken" is named like a secret (the word "TOKEN") and its value is written into the pipeline's configuration, readable by anyone who can read the pipeline; keep the value in Secrets Manager and declare the variable with `.secret_environment_variable(name, secret)` (type SECRETS_MANAGER); if the value is no secret, rename the variable"#,
        ]
    );
}

#[test]
fn a_credential_in_a_command_is_reported_without_the_value() {
    let token = github_token();
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            commands_compile(json!({"commands": ["make", format!("git clone https://{token}@github.com/o/r")]})),
        );
    });
    assert_eq!(
        found,
        [
            r#"warning[plaintext-credential]: pipeline "app" > stage "Build" > action "Compile" > commands[1]: the command holds what looks like a GitHub token, which is written into the pipeline's configuration, readable by anyone who can read the pipeline; keep the value in Secrets Manager and declare the variable with `.secret_environment_variable(name, secret)` (type SECRETS_MANAGER)"#
        ]
    );
}
