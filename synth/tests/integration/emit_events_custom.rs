//! Rules on events of other services and on patterns written as JSON,
//! scheduled rules with another target, and names, descriptions, tags and
//! target ids that are expressions or set by hand, in both forms.

use pipewright_dsl::events::{EventPattern, ModelApprovalStatus, RateUnit, Schedule};
use pipewright_dsl::prelude::*;
use pipewright_dsl::template::Parameter;
use pipewright_synth::emit::events::{emit, template_resources};
use pipewright_synth::emit::OutputFile;
use pipewright_synth::Synth;
use serde_json::{json, Value};

const ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";
const FUNCTION: &str = "arn:aws:lambda:us-east-1:123456789012:function:prepare-release";

fn pipeline_with(around: impl for<'p> FnOnce(&mut PipelineBuilder<'p>)) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(ROLE).artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(S3Source::new("Model", "my-models", "model.tar.gz")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Package", "my-project", source.artifact()));
        });
        around(p);
    })
}

fn cli_file(files: &[OutputFile], path: &str) -> Value {
    let file = files.iter().find(|file| file.path == path).unwrap_or_else(|| panic!("no {path} among {files:?}"));
    serde_json::from_str(&file.contents).unwrap()
}

fn resource(pipeline: &Pipeline, logical_id: &str) -> Value {
    let resources = template_resources(pipeline, "Pipeline");
    let found = resources.iter().find(|(id, _)| id == logical_id);
    found.unwrap_or_else(|| panic!("no {logical_id} among {resources:?}")).1["Properties"].clone()
}

#[test]
fn an_approved_model_package_starts_the_pipeline() {
    let pipeline = pipeline_with(|p| {
        p.start_on_event(
            "model-approved",
            EventPattern::SageMakerModelPackage {
                group: "churn-models".into(),
                statuses: vec![ModelApprovalStatus::Approved],
            },
        );
    });
    assert_eq!(pipeline.check(), []);
    let expected_pattern = json!({
        "source": ["aws.sagemaker"],
        "detail-type": ["SageMaker Model Package State Change"],
        "detail": {"ModelPackageGroupName": ["churn-models"], "ModelApprovalStatus": ["Approved"]},
    });
    let rule = resource(&pipeline, "PipelineModelApprovedEventRule");
    assert_eq!(rule["EventPattern"], expected_pattern);
    assert_eq!(rule["Targets"][0]["Id"], "StartPipeline");
    assert_eq!(rule["Targets"][0]["RoleArn"], json!({"Fn::GetAtt": ["PipelineEventsRole", "Arn"]}));
    let files = emit(&pipeline).into_result().unwrap();
    let put_rule = &cli_file(&files, "events/model-approved.json")["PutRule"];
    assert_eq!(serde_json::from_str::<Value>(put_rule["EventPattern"].as_str().unwrap()).unwrap(), expected_pattern);
}

#[test]
fn an_image_pushed_in_another_account_starts_the_pipeline() {
    let pipeline = pipeline_with(|p| {
        p.start_on_event(
            "base-image",
            EventPattern::EcrImagePushIn { account: "222222222222".into(), repository: "base".into(), tag: None },
        );
    });
    assert_eq!(
        resource(&pipeline, "PipelineBaseImageEventRule")["EventPattern"],
        json!({
            "source": ["aws.ecr"],
            "detail-type": ["ECR Image Action"],
            "account": ["222222222222"],
            "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["base"]},
        })
    );
}

#[test]
fn a_pattern_written_as_json_is_kept_as_written() {
    let pattern = json!({
        "source": ["aws.codepipeline"],
        "detail-type": ["CodePipeline Action Execution State Change"],
        "detail": {"state": ["FAILED"], "type": {"category": ["Deploy"]}},
    });
    let pipeline = pipeline_with(|p| {
        p.on_event(
            "deploy-failures",
            EventPattern::custom(pattern.clone()),
            "arn:aws:sns:us-east-1:123456789012:alerts",
        );
    });
    assert_eq!(pipeline.check(), []);
    let rule = resource(&pipeline, "PipelineDeployFailuresEventRule");
    assert_eq!(rule["EventPattern"], pattern);
    assert_eq!(rule["Targets"], json!([{"Id": "Target1", "Arn": "arn:aws:sns:us-east-1:123456789012:alerts"}]));
}

#[test]
fn a_scheduled_rule_can_target_a_function() {
    let pipeline = pipeline_with(|p| {
        p.on_schedule("prepare-release", Schedule::rate(1, RateUnit::Days), FUNCTION).target_id("prepare");
    });
    let files = emit(&pipeline).into_result().unwrap();
    assert_eq!(files.len(), 1, "no generated role: the function admits EventBridge itself");
    assert_eq!(
        cli_file(&files, "events/prepare-release.json"),
        json!({
            "PutRule": {"Name": "prepare-release", "ScheduleExpression": "rate(1 day)", "State": "ENABLED"},
            "PutTargets": {"Rule": "prepare-release", "Targets": [{"Id": "prepare", "Arn": FUNCTION}]},
        })
    );
}

#[test]
fn names_descriptions_tags_and_target_ids_may_be_expressions() {
    let pipeline = pipeline_with(|p| {
        let team = p.parameter(Parameter::string("Team"));
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"))
            .rule_name(cfn::sub("${AWS::StackName}-nightly"))
            .description(cfn::sub("Starts ${AWS::StackName} every night"))
            .tag("team", team)
            .target_id(cfn::sub("${AWS::StackName}-start"));
        p.on_schedule("weekly", Schedule::cron("0 3 ? * MON *"), FUNCTION).tag("team", "release");
    });
    let nightly = resource(&pipeline, "PipelineNightlyEventRule");
    assert_eq!(nightly["Name"], json!({"Fn::Sub": "${AWS::StackName}-nightly"}));
    assert_eq!(nightly["Description"], json!({"Fn::Sub": "Starts ${AWS::StackName} every night"}));
    assert_eq!(nightly["Tags"], json!([{"Key": "team", "Value": {"Ref": "Team"}}]));
    assert_eq!(nightly["Targets"][0]["Id"], json!({"Fn::Sub": "${AWS::StackName}-start"}));

    // The CLI form leaves out that rule's file alone, saying why.
    let emitted = emit(&pipeline);
    let written: Vec<&str> = emitted.files.iter().map(|file| file.path.as_str()).collect();
    assert_eq!(written, ["events/start-pipeline.role.json", "events/weekly.json"]);
    assert_eq!(
        cli_file(&emitted.files, "events/weekly.json")["PutRule"]["Tags"],
        json!([{"Key": "team", "Value": "release"}])
    );
    let refused: Vec<(&str, String)> =
        emitted.refused.iter().map(|(path, violation)| (path.as_str(), violation.to_string())).collect();
    assert_eq!(
        refused,
        [(
            "events/nightly.json",
            "error[event-rule-cli]: pipeline \"my-pipeline\" > event rule \"nightly\": the rule's name is a \
             CloudFormation expression (!Sub ${AWS::StackName}-nightly); the CLI form needs a literal, so deploy \
             this rule with the pipeline's template"
                .to_owned()
        )]
    );

    // synth writes the rest and lists the file left out in the manifest.
    let out = tempfile::tempdir().unwrap();
    let report = Synth::new(out.path()).add(&pipeline).write().unwrap();
    let not_written: Vec<&str> = report.not_written.iter().map(|file| file.path.as_str()).collect();
    assert_eq!(not_written, ["my-pipeline/events/nightly.json"]);
    assert!(out.path().join("my-pipeline/events/weekly.json").is_file());
}

#[test]
fn the_pipeline_arn_a_rule_targets_is_written_as_given() {
    let joined = cfn::join(
        "",
        [
            "arn:aws:codepipeline:".into(),
            cfn::reference("AWS::Region"),
            ":".into(),
            cfn::reference("AWS::AccountId"),
            ":".into(),
            cfn::reference("Pipeline"),
        ],
    );
    let pipeline = pipeline_with(|p| {
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *")).pipeline_arn(joined);
        p.start_on_schedule("weekly", Schedule::cron("0 3 ? * MON *"))
            .pipeline_arn("arn:aws:codepipeline:us-east-1:123456789012:my-pipeline");
    });
    assert_eq!(pipeline.check(), []);
    let nightly = resource(&pipeline, "PipelineNightlyEventRule");
    assert_eq!(
        nightly["Targets"][0]["Arn"],
        json!({"Fn::Join": ["", ["arn:aws:codepipeline:", {"Ref": "AWS::Region"}, ":",
                                 {"Ref": "AWS::AccountId"}, ":", {"Ref": "Pipeline"}]]})
    );
    let weekly = resource(&pipeline, "PipelineWeeklyEventRule");
    assert_eq!(weekly["Targets"][0]["Arn"], "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline");
    // The generated role keeps the ARN synth derives.
    let role = resource(&pipeline, "PipelineEventsRole");
    assert_eq!(
        role["Policies"][0]["PolicyDocument"]["Statement"][0]["Resource"],
        json!([{"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"}])
    );
    // The CLI form derives the ARN where an expression was given, and writes a literal as given.
    let files = emit(&pipeline).into_result().unwrap();
    for rule in ["nightly", "weekly"] {
        assert_eq!(
            cli_file(&files, &format!("events/{rule}.json"))["PutTargets"]["Targets"][0]["Arn"],
            "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline"
        );
    }
}

#[test]
fn a_rule_without_state_leaves_it_out_in_both_forms() {
    let pipeline = pipeline_with(|p| {
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *")).without_state();
    });
    assert_eq!(resource(&pipeline, "PipelineNightlyEventRule").get("State"), None);
    let files = emit(&pipeline).into_result().unwrap();
    assert_eq!(
        cli_file(&files, "events/nightly.json")["PutRule"],
        json!({"Name": "nightly", "ScheduleExpression": "cron(0 3 * * ? *)"})
    );
}

#[test]
fn a_literal_pipeline_arn_of_another_pipeline_is_an_error() {
    let pipeline = pipeline_with(|p| {
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"))
            .pipeline_arn("arn:aws:codepipeline:us-east-1:123456789012:other-pipeline");
        p.start_on_schedule("weekly", Schedule::cron("0 3 ? * MON *")).pipeline_arn("my-pipeline");
    });
    let findings: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
    assert_eq!(
        findings,
        [
            "error[event-rule-pipeline-arn]: pipeline \"my-pipeline\" > event rule \"nightly\": the pipeline ARN \
             \"arn:aws:codepipeline:us-east-1:123456789012:other-pipeline\" names the pipeline \"other-pipeline\", \
             not this one (\"my-pipeline\")",
            "error[event-rule-pipeline-arn]: pipeline \"my-pipeline\" > event rule \"weekly\": the pipeline ARN \
             \"my-pipeline\" is not a CodePipeline ARN; use arn:aws:codepipeline:<region>:<12-digit account>:<pipeline \
             name>",
        ]
    );
}
