//! Artifact flow, artifact counts per provider, and configuration values
//! that name input artifacts.

use crate::validate_support::*;
use serde_json::json;

#[test]
fn an_input_that_no_action_produces() {
    let found =
        findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/inputArtifacts/0/name", json!("BuildOutput")));
    assert_eq!(
        found,
        [
            r#"error[input-artifact-unknown]: pipeline "app" > stage "Deploy" > action "Release" > inputArtifacts[0].name: no action produces the input artifact "BuildOutput"; artifacts produced before this action: "Code" (stage "Source" > action "Checkout"), "Image" (stage "Build" > action "Compile")"#
        ]
    );
}

#[test]
fn an_input_produced_in_a_later_stage() {
    // AWS CDK's cross-stage comparator never fires; this is the case it misses.
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/inputArtifacts", json!([{"name": "Code"}, {"name": "Config"}]));
        set(doc, "/pipeline/stages/1/actions/0/configuration/PrimarySource", json!("Code"));
        set(
            doc,
            "/pipeline/stages/2/actions/0",
            action(
                "Package",
                "Build",
                "CodeBuild",
                json!({
                    "configuration": {"ProjectName": "package"},
                    "inputArtifacts": [{"name": "Image"}],
                    "outputArtifacts": [{"name": "Config"}]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[input-artifact-order]: pipeline "app" > stage "Build" > action "Compile" > inputArtifacts[1].name: the input artifact "Config" is produced by stage "Deploy" > action "Package", which does not run before this action (stage "Deploy" runs after stage "Build"); an input must come from an earlier stage, or from an action of the same stage with a lower runOrder"#
        ]
    );
}

#[test]
fn an_input_produced_beside_it_in_the_same_stage() {
    let found = findings_after(|doc| {
        push(
            doc,
            "/pipeline/stages/1/actions",
            action(
                "Scan",
                "Test",
                "CodeBuild",
                json!({
                    "configuration": {"ProjectName": "scan"},
                    "inputArtifacts": [{"name": "Image"}],
                    "runOrder": 1
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[input-artifact-order]: pipeline "app" > stage "Build" > action "Scan" > inputArtifacts[0].name: the input artifact "Image" is produced by stage "Build" > action "Compile", which does not run before this action (it is in the same stage with runOrder 1, not lower than this action's runOrder 1); an input must come from an earlier stage, or from an action of the same stage with a lower runOrder"#
        ]
    );
}

#[test]
fn an_input_produced_by_a_lower_run_order_in_the_same_stage_is_valid() {
    let found = findings_after(|doc| {
        push(
            doc,
            "/pipeline/stages/1/actions",
            action(
                "Scan",
                "Test",
                "CodeBuild",
                json!({
                    "configuration": {"ProjectName": "scan"},
                    "inputArtifacts": [{"name": "Image"}],
                    "runOrder": 2
                }),
            ),
        );
    });
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn an_action_consuming_its_own_output() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/inputArtifacts", json!([{"name": "Image"}]));
    });
    assert_eq!(
        found,
        [
            r#"error[input-artifact-order]: pipeline "app" > stage "Build" > action "Compile" > inputArtifacts[0].name: the input artifact "Image" is produced by stage "Build" > action "Compile", which does not run before this action (that is this action itself); an input must come from an earlier stage, or from an action of the same stage with a lower runOrder"#
        ]
    );
}

#[test]
fn artifact_counts_of_known_providers() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/stages/1/actions/0/inputArtifacts");
        set(doc, "/pipeline/stages/2/actions/0/inputArtifacts", json!([{"name": "Image"}, {"name": "Code"}]));
        push(
            doc,
            "/pipeline/stages/2/actions",
            action(
                "Approve",
                "Approval",
                "Manual",
                json!({
                    "outputArtifacts": [{"name": "Approval"}]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-count]: pipeline "app" > stage "Build" > action "Compile" > inputArtifacts: CodeBuild (Build) takes 1 to 5 input artifacts, found 0"#,
            r#"error[artifact-count]: pipeline "app" > stage "Deploy" > action "Release" > inputArtifacts: ECS (Deploy) takes exactly 1 input artifact, found 2"#,
            r#"error[artifact-count]: pipeline "app" > stage "Deploy" > action "Approve" > outputArtifacts: Manual (Approval) takes no output artifacts, found 1"#,
        ]
    );
}

#[test]
fn artifact_counts_of_unknown_custom_providers() {
    let found = findings_after(|doc| {
        let inputs: Vec<_> = (0..6).map(|_| json!({"name": "Code"})).collect();
        push(
            doc,
            "/pipeline/stages/2/actions",
            owned_action(
                "Scan",
                "Test",
                "Custom",
                "BlazeMeter",
                json!({
                    "inputArtifacts": inputs
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-count]: pipeline "app" > stage "Deploy" > action "Scan" > inputArtifacts: a Custom action of the provider "BlazeMeter" takes at most 5 input artifacts, found 6"#
        ]
    );
}

#[test]
fn lambda_deploy_takes_no_input_with_a_published_target_version() {
    let lambda = |configuration| action("Shift", "Deploy", "Lambda", json!({"configuration": configuration}));
    let without = findings_with_deploy_action(lambda(json!({"FunctionName": "api"})));
    assert_eq!(
        without,
        [
            r#"error[artifact-count]: pipeline "app" > stage "Deploy" > action "Shift" > inputArtifacts: Lambda (Deploy) takes exactly 1 input artifact (none when PublishedTargetVersion is set), found 0"#
        ]
    );
    let with = findings_with_deploy_action(lambda(json!({"FunctionName": "api", "PublishedTargetVersion": "7"})));
    assert_eq!(with, Vec::<String>::new());
}

#[test]
fn cloudformation_template_paths_start_with_an_input_artifact() {
    let found = findings_with_deploy_action(stack_action(
        "Stack",
        json!({
            "RoleArn": "arn:aws:iam::111111111111:role/CloudFormationRole",
            "TemplatePath": "BuildOutput::template.yaml",
            "TemplateConfiguration": "config.json"
        }),
        json!({"inputArtifacts": [{"name": "Image"}, {"name": "Code"}]}),
    ));
    assert_eq!(
        found,
        [
            r#"error[artifact-path-input]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.TemplatePath: TemplatePath "BuildOutput::template.yaml" reads from "BuildOutput", which is not an input artifact of this action; start it with one of this action's input artifacts ("Image" or "Code") followed by "::", e.g. "Image::template.yaml""#,
            r#"error[artifact-path-input]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.TemplateConfiguration: TemplateConfiguration "config.json" does not name an artifact; start it with one of this action's input artifacts ("Image" or "Code") followed by "::", e.g. "Image::config.json""#,
        ]
    );
}

#[test]
fn a_template_path_without_input_artifacts() {
    let found = findings_with_deploy_action(stack_action(
        "Stack",
        json!({
            "RoleArn": "arn:aws:iam::111111111111:role/CloudFormationRole",
            "TemplatePath": "Image::template.yaml"
        }),
        json!({}),
    ));
    assert_eq!(
        found,
        [
            r#"error[artifact-path-input]: pipeline "app" > stage "Deploy" > action "Stack" > configuration.TemplatePath: TemplatePath "Image::template.yaml" reads from "Image", which is not an input artifact of this action; this action has no input artifacts: add the artifact that holds the file as an input and write <InputArtifactName>::<path>"#
        ]
    );
}

#[test]
fn codebuild_with_several_inputs_needs_a_primary_source() {
    let found = findings_with_deploy_action(action(
        "Package",
        "Build",
        "CodeBuild",
        json!({
            "configuration": {"ProjectName": "package"},
            "inputArtifacts": [{"name": "Code"}, {"name": "Image"}]
        }),
    ));
    assert_eq!(
        found,
        [
            r#"error[primary-source-required]: pipeline "app" > stage "Deploy" > action "Package" > configuration.PrimarySource: CodeBuild needs PrimarySource when it has more than one input artifact: set it to the input that holds the buildspec, one of "Code" or "Image""#
        ]
    );
}

#[test]
fn configuration_values_that_name_an_input_artifact() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/configuration/PrimarySource", json!("Source"));
        set(
            doc,
            "/pipeline/stages/2/actions/0",
            action(
                "BlueGreen",
                "Deploy",
                "CodeDeployToECS",
                json!({
                    "configuration": {
                        "ApplicationName": "app",
                        "DeploymentGroupName": "app-dg",
                        "TaskDefinitionTemplateArtifact": "Image",
                        "AppSpecTemplateArtifact": "Image",
                        "Image1ArtifactName": "Code",
                        "Image1ContainerName": "IMAGE1_NAME"
                    },
                    "inputArtifacts": [{"name": "Image"}]
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-name-input]: pipeline "app" > stage "Build" > action "Compile" > configuration.PrimarySource: PrimarySource "Source" is not an input artifact of this action; use one of its input artifacts: "Code""#,
            r#"error[artifact-name-input]: pipeline "app" > stage "Deploy" > action "BlueGreen" > configuration.Image1ArtifactName: Image1ArtifactName "Code" is not an input artifact of this action; use one of its input artifacts: "Image""#,
        ]
    );
}

#[test]
fn input_names_that_are_expressions_are_not_checked() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/actions/0/inputArtifacts/0/name", json!({"Fn::ImportValue": "BuildArtifact"}));
    });
    assert_eq!(found, Vec::<String>::new());
}
