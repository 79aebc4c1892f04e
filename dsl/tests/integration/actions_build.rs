//! Build and test actions (CodeBuild, Jenkins): their JSON, the seed's
//! fragments, and the runOrder and namespaces derived from what they consume.

use crate::support::{action_json, after_checkout, assert_contains, assert_reproduces, seed};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn codebuild_with_every_setting() {
    let pipeline = Pipeline::build("p", |p| {
        let [code, config] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("App", "app", "main")).artifact(),
                s.add(CodeCommitSource::new("Config", "config", "main")).artifact(),
            ]
        });
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", "my-project", code)
                    .input(config)
                    .primary_source(code)
                    .batch_enabled(true)
                    .combine_artifacts(true)
                    .buildspec_override("ci/buildspec.yml")
                    .output("BuildOutput")
                    .output("Reports"),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Build",
            "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
            "configuration": {
                "ProjectName": "my-project",
                "PrimarySource": "AppOutput",
                "BatchEnabled": "true",
                "CombineArtifacts": "true",
                "BuildspecOverride": "ci/buildspec.yml"
            },
            "inputArtifacts": [{"name": "AppOutput"}, {"name": "ConfigOutput"}],
            "outputArtifacts": [{"name": "BuildOutput"}, {"name": "Reports"}]
        })
    );
}

#[test]
fn primary_source_wires_an_artifact_that_is_not_an_input_yet() {
    let pipeline = Pipeline::build("p", |p| {
        let [code, config] = p.source_stage("Source", |s| {
            [
                s.add(CodeCommitSource::new("App", "app", "main")).artifact(),
                s.add(CodeCommitSource::new("Config", "config", "main")).artifact(),
            ]
        });
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", code).primary_source(config)));
    });
    let build = action_json(&pipeline, 1, 0);
    assert_eq!(build["configuration"]["PrimarySource"], "ConfigOutput");
    assert_eq!(build["inputArtifacts"], json!([{"name": "AppOutput"}, {"name": "ConfigOutput"}]));
}

#[test]
fn environment_variables_reproduce_the_seed_and_name_the_source() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("Source", "repo", "main").namespace("SourceVariables"))
        });
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", "project", source.artifact())
                    .environment_variables([EnvVar::plaintext("COMMIT_ID", source.vars().commit_id())]),
            )
        });
    });
    assert_contains(&action_json(&pipeline, 1, 0), &seed("action-output-variables.json"));
    assert_eq!(action_json(&pipeline, 0, 0)["namespace"], "SourceVariables");
}

#[test]
fn a_variable_in_environment_variables_gives_the_producer_its_default_namespace() {
    let pipeline = after_checkout("Build", |s, source| {
        s.add(
            CodeBuild::new("Build", "project", source.artifact())
                .environment_variables([EnvVar::plaintext("BRANCH", source.vars().branch_name())]),
        );
    });
    assert_eq!(action_json(&pipeline, 0, 0)["namespace"], "Source_Checkout");
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"]["EnvironmentVariables"],
        r##"[{"name":"BRANCH","value":"#{Source_Checkout.BranchName}","type":"PLAINTEXT"}]"##
    );
}

#[test]
fn environment_variables_escape_literals_and_keep_expressions() {
    let pipeline = after_checkout("Build", |s, source| {
        s.add(CodeBuild::new("Build", "project", source.artifact()).environment_variables([
            EnvVar::plaintext("GREETING", "say \"hi\""),
            EnvVar::parameter_store("DB_HOST", "/app/db-host"),
            EnvVar::secrets_manager("TOKEN", "app/token:token"),
            EnvVar::new("BUCKET", cfn::reference("ArtifactBucket"), EnvVarType::Plaintext),
        ]));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"]["EnvironmentVariables"],
        json!({"Fn::Join": ["", [
            "[{\"name\":\"GREETING\",\"value\":\"say \\\"hi\\\"\",\"type\":\"PLAINTEXT\"},\
             {\"name\":\"DB_HOST\",\"value\":\"/app/db-host\",\"type\":\"PARAMETER_STORE\"},\
             {\"name\":\"TOKEN\",\"value\":\"app/token:token\",\"type\":\"SECRETS_MANAGER\"},\
             {\"name\":\"BUCKET\",\"value\":\"",
            {"Ref": "ArtifactBucket"},
            "\",\"type\":\"PLAINTEXT\"}]"
        ]]})
    );
}

#[test]
fn parallel_test_actions_reproduce_the_seed_stage() {
    let pipeline = after_checkout("Test", |s, source| {
        s.add(CodeBuild::test("UnitTests", "unit-tests", source.artifact()));
        s.add(CodeBuild::test("IntegrationTests", "integration-tests", source.artifact()));
        s.add(CodeBuild::test("SecurityScan", "security-scan", source.artifact()));
    });
    let stage = seed("stage-parallel-test.json");
    assert_eq!(pipeline.declaration().stages[1].name, stage["name"].as_str().unwrap());
    for (index, expected) in stage["actions"].as_array().unwrap().iter().enumerate() {
        assert_reproduces(&action_json(&pipeline, 1, index), expected);
    }
}

#[test]
fn a_consumer_of_a_same_stage_artifact_runs_after_its_producer() {
    let pipeline = after_checkout("Build", |s, source| {
        let compile = s.add(CodeBuild::new("Compile", "compile", source.artifact()).output("Binaries"));
        s.add(CodeBuild::new("Lint", "lint", source.artifact()));
        let package = s.add(CodeBuild::new("Package", "package", compile.artifact()).output("Package"));
        s.add(CodeBuild::test("Smoke", "smoke", package.artifact()));
    });
    let run_orders: Vec<_> = (0..4).map(|index| action_json(&pipeline, 1, index)["runOrder"].clone()).collect();
    assert_eq!(run_orders, [json!(1), json!(1), json!(2), json!(3)]);
}

#[test]
fn a_same_stage_variable_orders_the_reader_after_the_producer() {
    let pipeline = after_checkout("Build", |s, source| {
        let version = s.add(CodeBuild::new("Version", "version", source.artifact()));
        s.add(
            CodeBuild::new("Build", "build", source.artifact())
                .environment_variables([EnvVar::plaintext("VERSION", version.vars().get("VERSION"))]),
        );
    });
    let version = action_json(&pipeline, 1, 0);
    let build = action_json(&pipeline, 1, 1);
    assert_eq!((version["runOrder"].clone(), build["runOrder"].clone()), (json!(1), json!(2)));
    assert_eq!(version["namespace"], "Build_Version");
    assert_eq!(
        build["configuration"]["EnvironmentVariables"],
        r##"[{"name":"VERSION","value":"#{Build_Version.VERSION}","type":"PLAINTEXT"}]"##
    );
}

#[test]
fn jenkins_build_and_test_use_the_registered_custom_provider() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let build = p.stage("Build", |s| {
            s.add(Jenkins::new("Build", "MyJenkins", "2", "build-job").input(source.artifact()).output("Packaged"))
        });
        p.stage("Test", |s| s.add(Jenkins::test("Test", "MyJenkinsTest", "2", "test-job").input(build.artifact())));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Build",
            "actionTypeId": {"category": "Build", "owner": "Custom", "provider": "MyJenkins", "version": "2"},
            "configuration": {"ProjectName": "build-job"},
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "Packaged"}]
        })
    );
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Test",
            "actionTypeId": {"category": "Test", "owner": "Custom", "provider": "MyJenkinsTest", "version": "2"},
            "configuration": {"ProjectName": "test-job"},
            "inputArtifacts": [{"name": "Packaged"}]
        })
    );
}

#[test]
fn jenkins_may_take_no_input_at_all() {
    let pipeline = after_checkout("Build", |s, _| {
        s.add(Jenkins::new("Nightly", "MyJenkins", "1", "nightly"));
    });
    assert_eq!(action_json(&pipeline, 1, 0).get("inputArtifacts"), None);
}
