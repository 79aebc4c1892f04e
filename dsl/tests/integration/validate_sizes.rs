//! Value sizes and list lengths.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn configuration_key_and_value_lengths() {
    let long_key = "K".repeat(51);
    let long_value = "v".repeat(1001);
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/configuration/BranchName", json!(""));
        set(doc, &format!("/pipeline/stages/2/actions/0/configuration/{long_key}"), json!("x"));
        set(doc, "/pipeline/stages/2/actions/0/configuration/FileName", json!(long_value));
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-value-length]: pipeline "app" > stage "Source" > action "Checkout" > configuration.BranchName: the value of BranchName is empty; use 1 to 1000 characters (references like #{ns.Key} count as written), or leave the key out"#.to_owned(),
            format!(
                r#"error[configuration-key-length]: pipeline "app" > stage "Deploy" > action "Release" > configuration.{long_key}: the configuration key "{long_key}" is 51 characters long; use 1 to 50 characters"#
            ),
            r#"error[configuration-value-length]: pipeline "app" > stage "Deploy" > action "Release" > configuration.FileName: the value of FileName is 1001 characters long; use 1 to 1000 characters (references like #{ns.Key} count as written), or leave the key out"#.to_owned(),
        ]
    );
}

#[test]
fn commands_action_lists() {
    let commands: Vec<String> = (0..51).map(|index| format!("echo {index}")).collect();
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            commands_compile(json!({
                "commands": commands,
                "outputArtifacts": [{"name": "Image", "files": []}],
                "outputVariables": ["VERSION", ""],
                "environmentVariables": [{"name": "LONG", "value": "x".repeat(2001)}]
            })),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[commands-size]: pipeline "app" > stage "Build" > action "Compile" > commands: commands has 51 entries; give 1 to 50, or leave commands out"#,
            r#"error[output-variables-size]: pipeline "app" > stage "Build" > action "Compile" > outputVariables[1]: the output variable name is empty; use 1 to 128 characters"#,
            r#"error[output-files-size]: pipeline "app" > stage "Build" > action "Compile" > outputArtifacts[0].files: outputArtifacts[0].files has 0 entries; give 1 to 10, or leave outputArtifacts[0].files out"#,
            r#"error[environment-variables-size]: pipeline "app" > stage "Build" > action "Compile" > environmentVariables[0]: the environment variable value is 2001 characters long; use 1 to 2000 characters"#,
        ]
    );
}

#[test]
fn pipeline_variable_sizes() {
    let variables: Vec<_> = (0..51).map(|index| json!({"name": format!("V{index}")})).collect();
    let found = findings_after(|doc| {
        set(doc, "/pipeline/variables", json!(variables));
        set(doc, "/pipeline/variables/0/defaultValue", json!(""));
        set(doc, "/pipeline/variables/1/description", json!("d".repeat(201)));
    });
    assert_eq!(
        found,
        [
            r#"error[variables-size]: pipeline "app" > variables: the pipeline declares 51 variables; a pipeline has at most 50"#,
            r#"error[variables-size]: pipeline "app" > variables[0].defaultValue: the defaultValue of variable "V0" is empty; use 1 to 1000 characters"#,
            r#"error[variables-size]: pipeline "app" > variables[1].description: the description of variable "V1" is 201 characters long; use at most 200 characters"#,
        ]
    );
}
