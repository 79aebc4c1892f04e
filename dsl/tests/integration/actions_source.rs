//! Source actions: the JSON each typed builder produces, against the AWS
//! action reference and the origin document's fragments.

use crate::support::{action_json, assert_reproduces, seed};
use pipewright_dsl::prelude::*;
use pipewright_dsl::SourceStageBuilder;
use serde_json::json;

/// A pipeline whose source stage holds `add`'s action and whose build stage
/// consumes its artifact, so variables used later can be observed.
fn with_source<F>(add: F) -> Pipeline
where
    F: for<'p> FnOnce(&mut SourceStageBuilder<'p, '_>) -> Artifact<'p>,
{
    Pipeline::build("p", |p| {
        let artifact = p.source_stage("Source", add);
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", artifact)));
    })
}

#[test]
fn codecommit_source_reproduces_the_seed() {
    let pipeline = with_source(|s| {
        s.add(CodeCommitSource::new("Source", "my-repo", "main").poll_for_source_changes(false)).artifact()
    });
    assert_reproduces(&action_json(&pipeline, 0, 0), &seed("source-codecommit.json"));
}

#[test]
fn codecommit_source_with_every_setting() {
    let pipeline = with_source(|s| {
        s.add(
            CodeCommitSource::new("Checkout", "my-repo", "main")
                .poll_for_source_changes(true)
                .output_artifact_format(OutputArtifactFormat::CodebuildCloneRef)
                .output_name("Code"),
        )
        .artifact()
    });
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "Checkout",
            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
            "configuration": {
                "RepositoryName": "my-repo",
                "BranchName": "main",
                "PollForSourceChanges": "true",
                "OutputArtifactFormat": "CODEBUILD_CLONE_REF"
            },
            "outputArtifacts": [{"name": "Code"}]
        })
    );
    assert_eq!(action_json(&pipeline, 1, 0)["inputArtifacts"], json!([{"name": "Code"}]));
}

#[test]
fn connection_source_reproduces_the_seed() {
    let pipeline = with_source(|s| {
        s.add(
            CodeStarConnectionSource::new(
                "Source",
                "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123",
                "user/repo",
                "main",
            )
            .output_artifact_format(OutputArtifactFormat::CodeZip)
            .detect_changes(true),
        )
        .artifact()
    });
    assert_reproduces(&action_json(&pipeline, 0, 0), &seed("source-codestar-connection.json"));
}

#[test]
fn connection_source_defaults_to_an_artifact_named_after_the_action() {
    let pipeline = with_source(|s| {
        s.add(
            CodeStarConnectionSource::new(
                "GitLab",
                "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c",
                "group/subgroup/project",
                "develop",
            )
            .detect_changes(false),
        )
        .artifact()
    });
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "GitLab",
            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1"},
            "configuration": {
                "ConnectionArn": "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c",
                "FullRepositoryId": "group/subgroup/project",
                "BranchName": "develop",
                "DetectChanges": "false"
            },
            "outputArtifacts": [{"name": "GitLabOutput"}]
        })
    );
}

#[test]
fn s3_source_reproduces_the_seed() {
    let pipeline = with_source(|s| {
        s.add(S3Source::new("Source", "my-source-bucket", "source.zip").poll_for_source_changes(false)).artifact()
    });
    assert_reproduces(&action_json(&pipeline, 0, 0), &seed("source-s3.json"));
}

#[test]
fn s3_source_allows_overriding_the_object_key() {
    let pipeline = with_source(|s| {
        s.add(S3Source::new("Bundle", "bucket", "app.zip").allow_override_for_s3_object_key(true)).artifact()
    });
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "Bundle",
            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
            "configuration": {"S3Bucket": "bucket", "S3ObjectKey": "app.zip", "AllowOverrideForS3ObjectKey": "true"},
            "outputArtifacts": [{"name": "BundleOutput"}]
        })
    );
}

#[test]
fn ecr_source_reproduces_the_seed() {
    let pipeline = with_source(|s| s.add(EcrSource::new("Source", "my-app").image_tag("latest")).artifact());
    assert_reproduces(&action_json(&pipeline, 0, 0), &seed("source-ecr.json"));
}

#[test]
fn ecr_source_without_a_tag_writes_only_the_repository() {
    let pipeline = with_source(|s| s.add(EcrSource::new("Image", "my-app")).artifact());
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "Image",
            "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "ECR", "version": "1"},
            "configuration": {"RepositoryName": "my-app"},
            "outputArtifacts": [{"name": "ImageOutput"}]
        })
    );
}

#[test]
fn github_v1_source_is_third_party_with_an_oauth_token_expression() {
    let pipeline = with_source(|s| {
        s.add(
            GitHubSource::new(
                "App",
                cfn::reference("GitHubUser"),
                cfn::reference("GitHubRepo"),
                cfn::reference("GitHubBranch"),
                cfn::reference("GitHubToken"),
            )
            .poll_for_source_changes(false)
            .output_name("App"),
        )
        .artifact()
    });
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "App",
            "actionTypeId": {"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"},
            "configuration": {
                "Owner": {"Ref": "GitHubUser"},
                "Repo": {"Ref": "GitHubRepo"},
                "Branch": {"Ref": "GitHubBranch"},
                "OAuthToken": {"Ref": "GitHubToken"},
                "PollForSourceChanges": "false"
            },
            "outputArtifacts": [{"name": "App"}]
        })
    );
}

#[test]
fn each_source_offers_the_variables_its_provider_emits() {
    Pipeline::build("p", |p| {
        p.source_stage("Source", |s| {
            let commit = s.add(CodeCommitSource::new("CodeCommit", "repo", "main"));
            let connection = s.add(CodeStarConnectionSource::new("Connection", "arn", "o/r", "main"));
            let bucket = s.add(S3Source::new("Bucket", "bucket", "key.zip"));
            let image = s.add(EcrSource::new("Image", "repo"));
            let github = s.add(GitHubSource::new("GitHub", "o", "r", "main", "token"));
            let rendered: Vec<String> = [
                commit.vars().committer_date(),
                connection.vars().full_repository_name(),
                bucket.vars().version_id(),
                bucket.vars().e_tag(),
                image.vars().image_digest(),
                github.vars().commit_url(),
            ]
            .iter()
            .map(ToString::to_string)
            .collect();
            assert_eq!(
                rendered,
                [
                    "#{Source_CodeCommit.CommitterDate}",
                    "#{Source_Connection.FullRepositoryName}",
                    "#{Source_Bucket.VersionId}",
                    "#{Source_Bucket.ETag}",
                    "#{Source_Image.ImageDigest}",
                    "#{Source_GitHub.CommitUrl}",
                ]
            );
        });
    });
}

#[test]
fn a_source_whose_variable_is_used_gets_its_namespace_and_others_do_not() {
    let pipeline = Pipeline::build("p", |p| {
        let (code, image) = p.source_stage("Source", |s| {
            (
                s.add(CodeCommitSource::new("Checkout", "repo", "main")),
                s.add(EcrSource::new("Image", "repo").namespace("ImageVariables")),
            )
        });
        p.stage("Build", |s| {
            s.add(
                CodeBuild::new("Build", "project", code.artifact())
                    .environment_variables([EnvVar::plaintext("IMAGE", image.vars().image_uri())]),
            )
        });
    });
    let checkout = action_json(&pipeline, 0, 0);
    let image = action_json(&pipeline, 0, 1);
    assert_eq!(checkout.get("namespace"), None);
    assert_eq!(image["namespace"], "ImageVariables");
    assert_eq!(
        action_json(&pipeline, 1, 0)["configuration"]["EnvironmentVariables"],
        r##"[{"name":"IMAGE","value":"#{ImageVariables.ImageURI}","type":"PLAINTEXT"}]"##
    );
}

#[test]
fn parallel_sources_share_run_order_one() {
    let pipeline = Pipeline::build("p", |p| {
        p.source_stage("Source", |s| {
            s.add(CodeCommitSource::new("App", "app", "main"));
            s.add(CodeCommitSource::new("Config", "config", "main"));
        });
    });
    assert_eq!(action_json(&pipeline, 0, 0)["runOrder"], 1);
    assert_eq!(action_json(&pipeline, 0, 1)["runOrder"], 1);
}
