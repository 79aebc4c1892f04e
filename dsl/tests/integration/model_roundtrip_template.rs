//! CloudFormation templates in JSON and YAML: short forms, what real
//! templates contain (CRLF, tabs, comments, anchors, several pipelines, a
//! `Transform`), and errors that name the path.

use pipewright_dsl::model::cloudformation::{first_expression, read_template, CfnPipeline};
use pipewright_dsl::model::{PipelineDocument, PipelineDocumentBuilder, ReadError, Str, TagBuilder};
use pipewright_dsl::prelude::*;
use pipewright_dsl::DisabledTransition;
use serde_json::{json, Value};

const TEMPLATE: &str = "\
AWSTemplateFormatVersion: 2010-09-09
Transform: AWS::Serverless-2016-10-31
Mappings:
  Regions:
    us-east-1: {Deploy: us-west-2}
Resources:
  ArtifactBucket:
    Type: AWS::S3::Bucket
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: !GetAtt PipelineRole.Arn
      ArtifactStore:
        Type: S3
        Location: !Ref ArtifactBucket
        EncryptionKey: {Id: !ImportValue {'Fn::Sub': '${Shared}-KeyArn'}, Type: KMS}
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
              Configuration:
                S3Bucket: !Join ['-', [!Ref AWS::StackName, source]]
                S3ObjectKey: !Select [0, !Split [',', !Ref Keys]]
                PollForSourceChanges: false
              OutputArtifacts: [{Name: Source}]
        - Name: Deploy
          Actions:
            - Name: Deploy
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: '1'}
              RunOrder: '2'
              Region: !FindInMap [Regions, !Ref 'AWS::Region', Deploy]
              RoleArn: !If [IsProd, !GetAtt [DeployRole, Arn], !Ref 'AWS::NoValue']
              Configuration:
                ActionMode: CREATE_UPDATE
                StackName: !Sub ['${Prefix}-app', {Prefix: !Ref AWS::StackName}]
                TemplatePath: Source::template.yaml
              InputArtifacts: [{Name: Source}]
";

/// The pipeline of [`TEMPLATE`] in CloudFormation's JSON form, as it is
/// written back: scalars in string positions as strings.
fn template_properties() -> Value {
    json!({
        "RoleArn": {"Fn::GetAtt": ["PipelineRole", "Arn"]},
        "ArtifactStore": {
            "Type": "S3",
            "Location": {"Ref": "ArtifactBucket"},
            "EncryptionKey": {"Id": {"Fn::ImportValue": {"Fn::Sub": "${Shared}-KeyArn"}}, "Type": "KMS"}
        },
        "Stages": [
            {"Name": "Source", "Actions": [{
                "Name": "Checkout",
                "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "S3", "Version": "1"},
                "Configuration": {
                    "S3Bucket": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "source"]]},
                    "S3ObjectKey": {"Fn::Select": [0, {"Fn::Split": [",", {"Ref": "Keys"}]}]},
                    "PollForSourceChanges": "false"
                },
                "OutputArtifacts": [{"Name": "Source"}]
            }]},
            {"Name": "Deploy", "Actions": [{
                "Name": "Deploy",
                "ActionTypeId": {"Category": "Deploy", "Owner": "AWS", "Provider": "CloudFormation", "Version": "1"},
                "RunOrder": 2,
                "Configuration": {
                    "ActionMode": "CREATE_UPDATE",
                    "StackName": {"Fn::Sub": ["${Prefix}-app", {"Prefix": {"Ref": "AWS::StackName"}}]},
                    "TemplatePath": "Source::template.yaml"
                },
                "InputArtifacts": [{"Name": "Source"}],
                "RoleArn": {"Fn::If": ["IsProd", {"Fn::GetAtt": ["DeployRole", "Arn"]}, {"Ref": "AWS::NoValue"}]},
                "Region": {"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Deploy"]}
            }]}
        ]
    })
}

fn only_pipeline(text: &str) -> CfnPipeline {
    let mut pipelines = read_template(text).unwrap();
    assert_eq!(pipelines.len(), 1);
    pipelines.remove(0)
}

fn read_error(text: &str) -> String {
    read_template(text).unwrap_err().to_string()
}

#[test]
fn short_forms_read_as_the_long_form_and_write_back() {
    let pipeline = only_pipeline(TEMPLATE);
    assert_eq!(pipeline.logical_id, "Pipeline");
    assert!(!pipeline.name_given);
    assert_eq!(pipeline.declaration.name, "Pipeline");
    assert_eq!(pipeline.declaration.stages[1].actions[0].run_order, Some(2));
    assert_eq!(pipeline.to_properties(), template_properties());
}

#[test]
fn the_json_form_of_a_template_reads_the_same_pipeline() {
    let json_template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {"Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": template_properties()}}
    });
    let pretty = serde_json::to_string_pretty(&json_template).unwrap();
    assert_eq!(only_pipeline(&pretty), only_pipeline(TEMPLATE));
}

#[test]
fn line_endings_comments_missing_final_newline_and_anchors_change_nothing() {
    let expected = only_pipeline(TEMPLATE);
    let crlf = TEMPLATE.replace('\n', "\r\n");
    assert_eq!(only_pipeline(&crlf), expected);
    let without_final_newline = TEMPLATE.trim_end();
    assert_eq!(only_pipeline(without_final_newline), expected);
    let commented =
        format!("# The delivery pipeline.\n{}", TEMPLATE.replace("      Stages:\n", "      Stages: # two\n"));
    assert_eq!(only_pipeline(&commented), expected);
    let with_anchor = TEMPLATE
        .replace("Location: !Ref ArtifactBucket", "Location: &bucket !Ref ArtifactBucket\n        # reused below")
        .replace(
            "TemplatePath: Source::template.yaml",
            "TemplatePath: Source::template.yaml\n                TemplateBucket: *bucket",
        );
    let anchored = only_pipeline(&with_anchor);
    let configuration = anchored.declaration.stages[1].actions[0].configuration.as_ref().unwrap();
    assert_eq!(serde_json::to_value(&configuration["TemplateBucket"]).unwrap(), json!({"Ref": "ArtifactBucket"}));
}

#[test]
fn tabs_inside_scalars_are_kept() {
    let text = TEMPLATE.replace(
        "ActionMode: CREATE_UPDATE",
        "ActionMode: CREATE_UPDATE\n                CustomData: \"a\\tb\"\n                Note: x\ty",
    );
    let pipeline = only_pipeline(&text);
    let configuration = pipeline.declaration.stages[1].actions[0].configuration.as_ref().unwrap();
    assert_eq!(configuration["CustomData"], "a\tb");
    assert_eq!(configuration["Note"], "x\ty");
}

#[test]
fn every_pipeline_of_a_template_is_read_in_template_order() {
    let pipeline = |name: &str| {
        format!(
            "    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: {name}\n      RoleArn: arn:aws:iam::123456789012:role/R\n      ArtifactStore: {{Type: S3, Location: b}}\n      Stages: []\n"
        )
    };
    let text = format!(
        "Resources:\n  Zeta:\n{}  Topic:\n    Type: AWS::SNS::Topic\n  Alpha:\n{}",
        pipeline("zeta-pipeline"),
        pipeline("alpha-pipeline")
    );
    let pipelines = read_template(&text).unwrap();
    let names: Vec<(&str, &Str)> = pipelines.iter().map(|p| (p.logical_id.as_str(), &p.declaration.name)).collect();
    assert_eq!(names, [("Zeta", &Str::from("zeta-pipeline")), ("Alpha", &Str::from("alpha-pipeline"))]);
    assert!(pipelines.iter().all(|p| p.name_given));
}

#[test]
fn a_template_without_pipelines_has_none() {
    assert_eq!(read_template("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n").unwrap(), []);
}

#[test]
fn a_configuration_written_as_a_json_string_is_read_as_its_object() {
    let text = "\
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/R
      Stages:
        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1}
              Configuration: '{\"ProjectName\": \"app\", \"BatchEnabled\": true}'
";
    let pipeline = only_pipeline(text);
    assert_eq!(
        pipeline.to_properties()["Stages"][0]["Actions"][0]["Configuration"],
        json!({"ProjectName": "app", "BatchEnabled": "true"})
    );
}

#[test]
fn an_unknown_field_names_the_field_and_its_path_from_the_template_root() {
    let text =
        TEMPLATE.replace("              RunOrder: '2'\n", "              RunOrder: '2'\n              Foo: bar\n");
    assert_eq!(
        read_error(&text),
        "Resources.Pipeline.Properties.Stages[1].Actions[0].Foo: unknown field `Foo`, expected one of `Name`, \
         `ActionTypeId`, `RunOrder`, `Configuration`, `Commands`, `OutputArtifacts`, `InputArtifacts`, \
         `OutputVariables`, `RoleArn`, `Region`, `Namespace`, `TimeoutInMinutes`, `EnvironmentVariables`"
    );
    let mut properties = template_properties();
    properties["Stages"][1]["Actions"][0]["Foo"] = json!("bar");
    let error = CfnPipeline::from_properties("Pipeline", &properties).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Stages[1].Actions[0].Foo: unknown field `Foo`, expected one of `Name`, `ActionTypeId`, `RunOrder`, \
         `Configuration`, `Commands`, `OutputArtifacts`, `InputArtifacts`, `OutputVariables`, `RoleArn`, `Region`, \
         `Namespace`, `TimeoutInMinutes`, `EnvironmentVariables`"
    );
}

#[test]
fn a_missing_required_field_is_named_in_the_template_case() {
    let text = TEMPLATE.replace(
        "ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}",
        "ActionTypeId: {Category: Source, Owner: AWS, Version: 1}",
    );
    assert_eq!(
        read_error(&text),
        "Resources.Pipeline.Properties.Stages[0].Actions[0].ActionTypeId: missing field `Provider`"
    );
}

#[test]
fn a_repeated_key_is_an_error_naming_its_mapping() {
    let text =
        TEMPLATE.replace("              RunOrder: '2'\n", "              RunOrder: '2'\n              RunOrder: 3\n");
    assert_eq!(
        read_error(&text),
        "line 29, column 15: Resources.Pipeline.Properties.Stages[1].Actions[0]: duplicate entry with key \
         \"RunOrder\"; a template may not repeat a key"
    );
}

#[test]
fn text_that_is_not_yaml_is_an_error_with_its_position() {
    let text = "Resources:\n  Pipeline:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: %NAME%\n";
    assert_eq!(read_error(text), "line 5, column 13: unexpected character: `%'");
    assert!(matches!(read_template(text), Err(ReadError::Syntax { line: 5, column: 13, .. })));
    let broken_json = "{\"Resources\": {\"Pipeline\": [}}";
    assert_eq!(read_error(broken_json), "line 1, column 29: expected value");
}

#[test]
fn a_template_must_have_resources_and_be_one_document() {
    assert_eq!(read_error("Description: nothing\n"), "Resources: missing; a template declares its resources there");
    assert_eq!(read_error("- a\n- b\n"), ".: a template is a mapping with a `Resources` section, found a list");
    assert_eq!(
        read_error("Resources: {}\n---\nResources: {}\n"),
        ".: the text holds more than one YAML document; a template is a single document"
    );
    assert_eq!(
        read_error("Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n"),
        "Resources.P: the pipeline has no `Properties`; it needs at least `RoleArn` and `Stages`"
    );
}

#[test]
fn an_unknown_tag_is_an_error_at_its_path() {
    let text = TEMPLATE.replace("RoleArn: !GetAtt PipelineRole.Arn", "RoleArn: !GetAttribute PipelineRole.Arn");
    assert!(read_error(&text).starts_with("Resources.Pipeline.Properties.RoleArn: unknown tag `!GetAttribute`; "));
}

#[test]
fn cloudformation_only_properties_survive_the_pipeline_wrapper() {
    let text = TEMPLATE.replace(
        "      Stages:\n",
        "      Name: !Sub '${AWS::StackName}-delivery'\n      RestartExecutionOnUpdate: true\n      Tags: [{Key: team, Value: platform}]\n      DisableInboundStageTransitions:\n        - {StageName: Deploy, Reason: Frozen until Monday}\n      Stages:\n",
    );
    let resource = only_pipeline(&text);
    assert!(resource.name_given);
    let pipeline = Pipeline::from_cfn(resource.clone());
    assert_eq!(pipeline.restart_execution_on_update(), Some(true));
    assert_eq!(pipeline.tags(), [TagBuilder::default().key("team").value("platform").build().unwrap()]);
    assert_eq!(
        pipeline.disabled_transitions(),
        [DisabledTransition { stage_name: "Deploy".into(), reason: "Frozen until Monday".into() }]
    );
    let again = pipeline.to_cfn("Pipeline");
    assert_eq!(again, resource);
    let written = again.to_properties();
    assert_eq!(written["Name"], json!({"Fn::Sub": "${AWS::StackName}-delivery"}));
    assert_eq!(
        written["DisableInboundStageTransitions"],
        json!([{"StageName": "Deploy", "Reason": "Frozen until Monday"}])
    );
    assert_eq!(written["Tags"], json!([{"Key": "team", "Value": "platform"}]));
}

#[test]
fn a_generated_name_stays_generated_through_the_pipeline_wrapper() {
    let pipeline = Pipeline::from_cfn(only_pipeline(TEMPLATE));
    assert_eq!(pipeline.name(), "Pipeline");
    let resource = pipeline.to_cfn("Pipeline");
    assert!(!resource.name_given);
    assert_eq!(resource.to_properties().get("Name"), None);
}

#[test]
fn a_built_pipeline_reads_back_from_its_properties() {
    let pipeline = Pipeline::build("delivery", |p| {
        p.role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.artifact_store_in("us-east-1", ArtifactStore::s3("artifacts-us-east-1"));
        p.artifact_store_in(cfn::reference("AWS::Region"), ArtifactStore::s3(cfn::reference("ArtifactBucket")));
        p.tag("team", "platform");
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "app-build", source.artifact()));
        });
    });
    let properties = pipeline.to_cfn("Delivery").to_properties();
    assert_eq!(
        properties["ArtifactStores"],
        json!([
            {"Region": "us-east-1", "ArtifactStore": {"Type": "S3", "Location": "artifacts-us-east-1"}},
            {"Region": {"Ref": "AWS::Region"}, "ArtifactStore": {"Type": "S3", "Location": {"Ref": "ArtifactBucket"}}}
        ])
    );
    let back = Pipeline::from_cfn(CfnPipeline::from_properties("Delivery", &properties).unwrap());
    assert_eq!(back.declaration(), pipeline.declaration());
    assert_eq!(back.tags(), pipeline.tags());
}

#[test]
fn the_api_form_refuses_expressions_and_names_the_field() {
    let pipeline = Pipeline::from_cfn(only_pipeline(TEMPLATE));
    let api_json = serde_json::to_value(pipeline.document()).unwrap();
    let found = first_expression(&api_json).unwrap();
    assert_eq!(found.path, "pipeline.roleArn");

    let regional = only_pipeline(&TEMPLATE.replace(
        "      ArtifactStore:\n        Type: S3\n        Location: !Ref ArtifactBucket\n        EncryptionKey: {Id: !ImportValue {'Fn::Sub': '${Shared}-KeyArn'}, Type: KMS}\n",
        "      ArtifactStores:\n        - Region: !Ref AWS::Region\n          ArtifactStore: {Type: S3, Location: b}\n",
    ));
    let error = serde_json::to_value(Pipeline::from_cfn(regional).document()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "artifactStores: the Region !Ref AWS::Region is a CloudFormation expression; the API form needs a \
         literal Region"
    );
}

#[test]
fn a_literal_template_pipeline_crosses_to_api_json_and_back() {
    let text = "\
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: literal
      RoleArn: arn:aws:iam::123456789012:role/R
      ArtifactStore: {Type: S3, Location: bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: Checkout
              ActionTypeId: {Category: Source, Owner: AWS, Provider: CodeCommit, Version: 1}
              Configuration: {RepositoryName: app, BranchName: main, PollForSourceChanges: false}
              OutputArtifacts: [{Name: Source}]
";
    let declaration = only_pipeline(text).declaration;
    let document = PipelineDocumentBuilder::default().pipeline(declaration.clone()).build().unwrap();
    let api_json = serde_json::to_string(&document).unwrap();
    assert_eq!(first_expression(&serde_json::from_str(&api_json).unwrap()), None);
    assert_eq!(PipelineDocument::from_json(&api_json).unwrap().pipeline, declaration);
}

#[test]
fn an_empty_list_of_disabled_transitions_is_written_back() {
    let text = "\
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: p
      RoleArn: arn:aws:iam::123456789012:role/R
      Stages: []
      DisableInboundStageTransitions: []
";
    let pipeline = Pipeline::from_cfn(only_pipeline(text));
    assert!(pipeline.disabled_transitions().is_empty() && pipeline.transitions_written());
    assert_eq!(pipeline.to_cfn("Pipeline").to_properties()["DisableInboundStageTransitions"], json!([]));
    let without = Pipeline::from_cfn(only_pipeline(&text.replace("      DisableInboundStageTransitions: []\n", "")));
    assert!(!without.transitions_written());
    assert_eq!(without.to_cfn("Pipeline").to_properties().get("DisableInboundStageTransitions"), None);
}
