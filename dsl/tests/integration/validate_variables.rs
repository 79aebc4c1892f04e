//! Hand-written variable references.

use crate::validate_support::*;
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn a_reference_to_a_namespace_no_action_declares() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/namespace", json!("SourceVariables"));
        set(doc, "/pipeline/stages/2/actions/0/configuration/FileName", json!("#{BuildVariables.File}"));
    });
    assert_eq!(
        found,
        [
            r#"error[variable-namespace-unknown]: pipeline "app" > stage "Deploy" > action "Release" > configuration.FileName: #{BuildVariables.File} names the namespace "BuildVariables", which no action declares; namespaces of earlier actions: "SourceVariables" (stage "Source" > action "Checkout"); prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn a_reference_when_no_earlier_action_declares_a_namespace() {
    let found = findings_after(|doc| {
        set(
            doc,
            "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables",
            json!(r##"[{"name":"COMMIT","value":"#{SourceVariables.CommitId}"}]"##),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[variable-namespace-unknown]: pipeline "app" > stage "Build" > action "Compile" > configuration.EnvironmentVariables: #{SourceVariables.CommitId} names the namespace "SourceVariables", which no action declares; no action that runs before this one declares a namespace; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn a_reference_to_an_action_that_runs_later() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/pipelineType", json!("V2"));
        set(doc, "/pipeline/stages/2/actions/0/namespace", json!("DeployVariables"));
        set(
            doc,
            "/pipeline/stages/1/actions/0",
            commands_compile(json!({"commands": ["make", "echo #{DeployVariables.Url}"]})),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[variable-namespace-order]: pipeline "app" > stage "Build" > action "Compile" > commands[1]: #{DeployVariables.Url} reads the namespace of stage "Deploy" > action "Release", which does not run before this action (stage "Deploy" runs after stage "Build"); an action can only read the variables of an action that runs earlier: a previous stage, or the same stage with a lower runOrder; prefer the producer's typed variables (e.g. `source.vars().commit_id()`), which declare the namespace and order the actions for you"#
        ]
    );
}

#[test]
fn references_to_earlier_namespaces_and_built_in_ones_are_valid() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/namespace", json!("SourceVariables"));
        set(doc, "/pipeline/stages/1/actions/0/namespace", json!("BuildVariables"));
        set(
            doc,
            "/pipeline/stages/1/actions/0/configuration/EnvironmentVariables",
            json!(
                r##"[{"name":"C","value":"#{SourceVariables.CommitId}"},{"name":"E","value":"#{codepipeline.PipelineExecutionId}"}]"##
            ),
        );
        set(doc, "/pipeline/stages/2/actions/0/configuration/FileName", json!("#{BuildVariables.ImageFile}"));
    });
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_key_the_provider_does_not_emit_is_a_warning() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/0/actions/0/namespace", json!("SourceVariables"));
        set(doc, "/pipeline/stages/2/actions/0/configuration/FileName", json!("#{SourceVariables.CommitID}.json"));
    });
    assert_eq!(
        found,
        [
            r#"warning[variable-key-unknown]: pipeline "app" > stage "Deploy" > action "Release" > configuration.FileName: #{SourceVariables.CommitID}: CodeCommit actions emit no variable "CommitID"; they emit "CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate""#
        ]
    );
}

#[test]
fn an_undeclared_pipeline_variable() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/variables", json!([{"name": "Cluster", "defaultValue": "prod"}, {"name": "Service"}]));
        set(doc, "/pipeline/stages/2/actions/0/configuration/ServiceName", json!("#{variables.service}"));
    });
    assert_eq!(
        found,
        [
            r#"error[pipeline-variable-undeclared]: pipeline "app" > stage "Deploy" > action "Release" > configuration.ServiceName: #{variables.service} names no declared pipeline variable; declared pipeline variables: "Cluster" and "Service""#
        ]
    );
}

#[test]
fn a_pipeline_variable_in_a_pipeline_without_variables() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/actions/0/configuration/ServiceName", json!("#{variables.Service}"))
    });
    assert_eq!(
        found,
        [
            r#"error[pipeline-variable-undeclared]: pipeline "app" > stage "Deploy" > action "Release" > configuration.ServiceName: #{variables.Service} names no declared pipeline variable; the pipeline declares no variables: declare "Service" in variables (with the builder, `p.variable("Service", default)` returns its reference)"#
        ]
    );
}

#[test]
fn no_pipeline_variables_in_source_actions() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/variables", json!([{"name": "Branch", "defaultValue": "main"}]));
        set(doc, "/pipeline/stages/0/actions/0/configuration/BranchName", json!("#{variables.Branch}"));
    });
    assert_eq!(
        found,
        [
            r#"error[pipeline-variable-in-source]: pipeline "app" > stage "Source" > action "Checkout" > configuration.BranchName: #{variables.Branch} is a pipeline-level variable, which Source actions cannot use; write the value itself here"#
        ]
    );
}

#[test]
fn typed_variables_of_the_builder_pass() {
    let pipeline = Pipeline::build("app", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let cluster = p.variable("Cluster", "prod");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Deploy", |s| {
            s.add(
                EcsDeploy::new("Release", "prod", "app", source.artifact())
                    .configuration("ClusterName", cluster)
                    .configuration("FileName", Text::concat([source.vars().commit_id().into(), ".json".into()])),
            );
        });
    });
    assert_eq!(pipeline.check(), Vec::new());
}
