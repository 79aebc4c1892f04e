//! The `pipeline.json` emitter: exact output, and the refusal of
//! CloudFormation expressions.

use pipewright_dsl::prelude::*;
use pipewright_synth::emit::{api_json, EmitError, FileKind};

fn small_pipeline(project: Str) -> Pipeline {
    Pipeline::build("small", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("small-artifacts"));
        p.tag("team", "platform");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", project, source.artifact()));
        });
    })
}

#[test]
fn writes_the_create_pipeline_input_with_two_space_indentation() {
    let file = api_json::emit(&small_pipeline("my-project".into())).unwrap();
    assert_eq!(file.path, "pipeline.json");
    assert_eq!(file.kind, FileKind::PipelineJson);
    assert_eq!(
        file.contents,
        r#"{
  "pipeline": {
    "name": "small",
    "roleArn": "arn:aws:iam::123456789012:role/CodePipelineRole",
    "artifactStore": {
      "type": "S3",
      "location": "small-artifacts"
    },
    "stages": [
      {
        "name": "Source",
        "actions": [
          {
            "name": "Checkout",
            "actionTypeId": {
              "category": "Source",
              "owner": "AWS",
              "provider": "CodeCommit",
              "version": "1"
            },
            "configuration": {
              "RepositoryName": "my-repo",
              "BranchName": "main"
            },
            "outputArtifacts": [
              {
                "name": "CheckoutOutput"
              }
            ]
          }
        ]
      },
      {
        "name": "Build",
        "actions": [
          {
            "name": "Build",
            "actionTypeId": {
              "category": "Build",
              "owner": "AWS",
              "provider": "CodeBuild",
              "version": "1"
            },
            "configuration": {
              "ProjectName": "my-project"
            },
            "inputArtifacts": [
              {
                "name": "CheckoutOutput"
              }
            ]
          }
        ]
      }
    ]
  },
  "tags": [
    {
      "key": "team",
      "value": "platform"
    }
  ]
}
"#
    );
    let deploy = file.deploy.unwrap();
    assert_eq!(deploy.command, "aws codepipeline create-pipeline --cli-input-json file://pipeline.json");
    assert_eq!(deploy.account.as_deref(), Some("123456789012"));
    assert_eq!(deploy.order, 1);
}

#[test]
fn a_tagged_pipeline_is_updated_without_its_tags() {
    assert_eq!(
        api_json::update_command(&small_pipeline("my-project".into())),
        r#"aws codepipeline update-pipeline --cli-input-json "$(jq '{pipeline}' pipeline.json)""#
    );
}

#[test]
fn refuses_an_expression_and_names_the_field() {
    let error = api_json::emit(&small_pipeline(cfn::reference("BuildProject"))).unwrap_err();
    assert_eq!(
        error,
        EmitError::Expression {
            path: "pipeline.stages[1].actions[0].configuration.ProjectName".into(),
            expression: "!Ref BuildProject".into(),
        }
    );
    assert_eq!(
        error.to_string(),
        r#"pipeline.stages[1].actions[0].configuration.ProjectName holds the CloudFormation expression !Ref BuildProject, which pipeline.json cannot hold: deploy this pipeline with its CloudFormation template (template.json or template.yaml), or give the field a literal value"#
    );
}

#[test]
fn refuses_an_expression_outside_the_stages() {
    let pipeline = Pipeline::build("regions", |p| {
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store(ArtifactStore::s3("regions-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    });
    let error = api_json::emit(&pipeline).unwrap_err();
    assert_eq!(
        error,
        EmitError::Expression { path: "pipeline.roleArn".into(), expression: "!GetAtt PipelineRole.Arn".into() }
    );
}

#[test]
fn refuses_a_region_given_as_an_expression() {
    let pipeline = Pipeline::build("regions", |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store_in(cfn::reference("AWS::Region"), ArtifactStore::s3("regions-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
    });
    assert_eq!(
        api_json::emit(&pipeline).unwrap_err(),
        EmitError::Expression { path: "pipeline.artifactStores".into(), expression: "!Ref AWS::Region".into() }
    );
}
