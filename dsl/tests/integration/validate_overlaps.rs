//! One mistake, one finding: an empty or malformed value that a specific
//! rule checks is reported by that rule alone.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn an_empty_cloudformation_role_is_only_a_role_finding() {
    let found = findings_with_deploy_action(stack_action(
        "Release",
        json!({"RoleArn": "", "TemplatePath": "Image::template.yaml"}),
        json!({"inputArtifacts": [{"name": "Image"}]}),
    ));
    assert_eq!(
        found,
        [
            r#"error[cloudformation-role-arn]: pipeline "app" > stage "Deploy" > action "Release" > configuration.RoleArn: the CloudFormation deployment role RoleArn "" is not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)"#
        ]
    );
}

#[test]
fn an_empty_artifact_setting_is_only_an_artifact_finding() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/1/actions/0/configuration/PrimarySource", json!("")));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("error[artifact-name-input]: "), "{found:?}");
}

#[test]
fn an_empty_arn_setting_is_an_error_about_its_length_without_an_arn_warning() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/0/actions/0",
            action(
                "Checkout",
                "Source",
                "CodeStarSourceConnection",
                json!({"configuration": {"ConnectionArn": "", "FullRepositoryId": "o/r", "BranchName": "main"},
                       "outputArtifacts": [{"name": "Code"}]}),
            ),
        )
    });
    assert_eq!(
        found,
        [
            r#"error[configuration-value-length]: pipeline "app" > stage "Source" > action "Checkout" > configuration.ConnectionArn: the value of ConnectionArn is empty; use 1 to 1000 characters (references like #{ns.Key} count as written), or leave the key out"#
        ]
    );
}

#[test]
fn an_empty_region_is_only_a_region_finding() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/1/actions/0/region", json!("")));
    assert_eq!(
        found,
        [
            r#"error[region-name]: pipeline "app" > stage "Build" > action "Compile" > region: the Region "" is not a Region name; use one such as "us-east-1" or "eu-west-2""#
        ]
    );
}

#[test]
fn an_empty_provider_is_only_a_provider_name_finding() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/1/actions/0/actionTypeId/provider", json!("")));
    assert_eq!(
        found,
        [
            r#"error[provider-name]: pipeline "app" > stage "Build" > action "Compile" > actionTypeId.provider: the provider "" is empty; use 1 to 35 characters from [0-9A-Za-z_-]"#
        ]
    );
}
