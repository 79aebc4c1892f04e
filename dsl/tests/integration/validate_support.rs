//! Helpers shared by the `validate_*` tests: a valid pipeline document to
//! start from, edits by JSON pointer, and the rendered findings.

use pipewright_dsl::model::PipelineDocument;
use pipewright_dsl::Pipeline;
use serde_json::{json, Value};

/// A valid pipeline: CodeCommit source "Checkout" (output "Code"), CodeBuild
/// "Compile" in stage "Build" (output "Image"), ECS deploy "Release" in
/// stage "Deploy".
pub fn valid() -> Value {
    json!({"pipeline": {
        "name": "app",
        "roleArn": "arn:aws:iam::111111111111:role/PipelineRole",
        "artifactStore": {"type": "S3", "location": "app-artifacts"},
        "stages": [
            {"name": "Source", "actions": [action("Checkout", "Source", "CodeCommit", json!({
                "configuration": {"RepositoryName": "app", "BranchName": "main"},
                "outputArtifacts": [{"name": "Code"}]
            }))]},
            {"name": "Build", "actions": [action("Compile", "Build", "CodeBuild", json!({
                "configuration": {"ProjectName": "app-build"},
                "inputArtifacts": [{"name": "Code"}],
                "outputArtifacts": [{"name": "Image"}]
            }))]},
            {"name": "Deploy", "actions": [action("Release", "Deploy", "ECS", json!({
                "configuration": {"ClusterName": "prod", "ServiceName": "app"},
                "inputArtifacts": [{"name": "Image"}]
            }))]}
        ]
    }})
}

/// An AWS-owned action, version 1, with the extra fields of `rest` (an
/// object).
pub fn action(name: &str, category: &str, provider: &str, rest: Value) -> Value {
    owned_action(name, category, "AWS", provider, rest)
}

/// An action of any owner, version 1, with the extra fields of `rest`.
pub fn owned_action(name: &str, category: &str, owner: &str, provider: &str, rest: Value) -> Value {
    let mut action = json!({
        "name": name,
        "actionTypeId": {"category": category, "owner": owner, "provider": provider, "version": "1"}
    });
    for (key, value) in rest.as_object().expect("the extra fields are an object") {
        action[key] = value.clone();
    }
    action
}

/// Sets the value at a JSON pointer, creating missing object keys on the way.
pub fn set(document: &mut Value, pointer: &str, value: Value) {
    let mut target = document;
    for token in pointer.split('/').skip(1) {
        target = match target {
            Value::Array(items) => &mut items[token.parse::<usize>().expect("an array index")],
            other => &mut other[token],
        };
    }
    *target = value;
}

/// Removes the object key at a JSON pointer.
pub fn remove(document: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    document.pointer_mut(parent).and_then(Value::as_object_mut).expect("the parent is an object").remove(key);
}

/// Appends to the array at a JSON pointer.
pub fn push(document: &mut Value, pointer: &str, value: Value) {
    document.pointer_mut(pointer).and_then(Value::as_array_mut).expect("an array").push(value);
}

/// The pipeline a document describes.
pub fn pipeline(document: Value) -> Pipeline {
    Pipeline::from_document(PipelineDocument::from_value(document).expect("the test document has the pipeline's shape"))
}

/// Every finding of a pipeline document, rendered.
pub fn findings(document: Value) -> Vec<String> {
    rendered(&pipeline(document))
}

/// Every finding of a pipeline, rendered.
pub fn rendered(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(ToString::to_string).collect()
}

/// The findings of the valid pipeline, created in `region`, after `edit`.
pub fn findings_in_region(region: &str, edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut document = valid();
    edit(&mut document);
    rendered(&pipeline(document).with_region(region))
}

/// The findings of the valid pipeline after `edit`.
pub fn findings_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut document = valid();
    edit(&mut document);
    findings(document)
}

/// The findings of the valid pipeline with the one action of its Deploy
/// stage replaced by `action`.
pub fn findings_with_deploy_action(action: Value) -> Vec<String> {
    findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0", action))
}

/// A CloudFormation (Deploy) action that creates or updates the stack
/// "app", with the configuration keys of `configuration` (an object) added
/// and the extra fields of `rest`.
pub fn stack_action(name: &str, configuration: Value, rest: Value) -> Value {
    let mut settings = json!({"ActionMode": "CREATE_UPDATE", "StackName": "app"});
    for (key, value) in configuration.as_object().expect("the configuration is an object") {
        settings[key] = value.clone();
    }
    let mut rest = rest;
    rest["configuration"] = settings;
    action(name, "Deploy", "CloudFormation", rest)
}

/// A Commands (Compute) action "Compile" that reads "Code" and writes
/// "Image", with the fields of `fields` added or replacing those; it takes
/// the place of the valid pipeline's CodeBuild action.
pub fn commands_compile(fields: Value) -> Value {
    let mut rest = json!({"inputArtifacts": [{"name": "Code"}], "outputArtifacts": [{"name": "Image"}]});
    for (key, value) in fields.as_object().expect("the fields are an object") {
        rest[key] = value.clone();
    }
    action("Compile", "Compute", "Commands", rest)
}
