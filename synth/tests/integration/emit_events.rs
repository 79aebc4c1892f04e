//! The events emitter: CLI input files, their deploy commands, and template
//! resources, compared with JSON written by hand (the CodeCommit pattern with
//! the seed's own rule).

use pipewright_dsl::events::{ActionExecutionState, PipelineExecutionState, RateUnit, Schedule, StageExecutionState};
use pipewright_dsl::prelude::*;
use pipewright_dsl::Violation;
use pipewright_synth::emit::events::{emit, template_resources, GENERATED_ROLE_FILE};
use pipewright_synth::emit::{DeployStep, FileKind, OutputFile};
use serde_json::{json, Value};

const ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";
const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:alerts";
const PIPELINE_ARN: &str = "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline";

/// A two-stage pipeline in us-east-1; `around` declares rules with the
/// source handle.
fn pipeline_with(
    around: impl for<'p> FnOnce(&mut PipelineBuilder<'p>, &ActionHandle<'p, 1, CodeCommitVariables<'p>>),
) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(ROLE).artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Unit", "my-project", source.artifact()));
        });
        around(p, &source);
    })
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a OutputFile {
    files.iter().find(|file| file.path == path).unwrap_or_else(|| panic!("no {path} among {files:?}"))
}

fn json_of(file: &OutputFile) -> Value {
    assert!(file.contents.ends_with('\n'));
    serde_json::from_str(&file.contents).unwrap()
}

/// The put-rule input's pattern, read back from its JSON string.
fn pattern_of(file: &OutputFile) -> Value {
    let pattern = json_of(file)["PutRule"]["EventPattern"].as_str().expect("EventPattern is a JSON string").to_owned();
    serde_json::from_str(&pattern).unwrap()
}

#[test]
fn the_seed_rule_is_reproduced_from_a_codecommit_source() {
    let pipeline = pipeline_with(|p, source| {
        p.start_on_change("my-repo-main", source);
    });
    let files = emit(&pipeline).into_result().unwrap();
    let rule = file(&files, "events/my-repo-main.json");
    let seed: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seed/eventbridge-rule.json"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(pattern_of(rule), seed);
    let pattern_text = json_of(rule)["PutRule"]["EventPattern"].as_str().unwrap().to_owned();
    assert_eq!(pattern_text, serde_json::to_string(&seed).unwrap(), "same keys in the seed's order");
    assert_eq!(
        json_of(rule),
        json!({
            "PutRule": {"Name": "my-repo-main", "EventPattern": pattern_text, "State": "ENABLED"},
            "PutTargets": {"Rule": "my-repo-main", "Targets": [{
                "Id": "StartPipeline",
                "Arn": PIPELINE_ARN,
                "RoleArn": "arn:aws:iam::123456789012:role/my-pipeline-events",
            }]},
        })
    );
    assert_eq!(rule.kind, FileKind::EventRule);
    assert_eq!(
        rule.deploy,
        Some(DeployStep {
            command: "aws events put-rule --region us-east-1 --cli-input-json \"$(jq -c .PutRule \
                      events/my-repo-main.json)\" && aws events put-targets --region us-east-1 --cli-input-json \
                      \"$(jq -c .PutTargets events/my-repo-main.json)\""
                .to_owned(),
            account: Some("123456789012".to_owned()),
            region: Some("us-east-1".to_owned()),
            order: 2,
        })
    );
}

#[test]
fn the_generated_role_may_only_start_this_pipeline() {
    let pipeline = pipeline_with(|p, source| {
        p.start_on_change("my-repo-main", source);
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"));
    });
    let files = emit(&pipeline).into_result().unwrap();
    assert_eq!(
        files.iter().map(|file| file.path.as_str()).collect::<Vec<_>>(),
        [GENERATED_ROLE_FILE, "events/my-repo-main.json", "events/nightly.json"],
        "one role for every rule that uses it"
    );
    let role = file(&files, GENERATED_ROLE_FILE);
    let input = json_of(role);
    let trust: Value = serde_json::from_str(input["CreateRole"]["AssumeRolePolicyDocument"].as_str().unwrap()).unwrap();
    let policy: Value = serde_json::from_str(input["PutRolePolicy"]["PolicyDocument"].as_str().unwrap()).unwrap();
    assert_eq!(
        trust,
        json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    );
    assert_eq!(
        policy,
        json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["codepipeline:StartPipelineExecution"], "Resource": [PIPELINE_ARN]}]})
    );
    assert_eq!(
        (&input["CreateRole"]["RoleName"], &input["PutRolePolicy"]["RoleName"], &input["PutRolePolicy"]["PolicyName"]),
        (&json!("my-pipeline-events"), &json!("my-pipeline-events"), &json!("StartPipelineExecution"))
    );
    assert_eq!(
        role.deploy,
        Some(DeployStep {
            command: "(aws iam get-role --role-name my-pipeline-events > /dev/null 2>&1 || aws iam create-role \
                      --cli-input-json \"$(jq -c .CreateRole events/start-pipeline.role.json)\") && \
                      aws iam put-role-policy --cli-input-json \"$(jq -c .PutRolePolicy \
                      events/start-pipeline.role.json)\""
                .to_owned(),
            account: Some("123456789012".to_owned()),
            region: None,
            order: 1,
        })
    );
    assert_eq!(
        json_of(file(&files, "events/nightly.json"))["PutRule"],
        json!({"Name": "nightly", "ScheduleExpression": "cron(0 3 * * ? *)", "State": "ENABLED"})
    );
}

#[test]
fn a_given_role_replaces_the_generated_one() {
    let pipeline = pipeline_with(|p, _| {
        p.start_on_schedule("hourly", Schedule::rate(1, RateUnit::Hours))
            .role_arn("arn:aws:iam::123456789012:role/StartPipeline")
            .description("Every hour");
    });
    let files = emit(&pipeline).into_result().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(
        json_of(&files[0]),
        json!({
            "PutRule": {"Name": "hourly", "ScheduleExpression": "rate(1 hour)", "State": "ENABLED", "Description": "Every hour"},
            "PutTargets": {"Rule": "hourly", "Targets": [{
                "Id": "StartPipeline", "Arn": PIPELINE_ARN, "RoleArn": "arn:aws:iam::123456789012:role/StartPipeline"}]},
        })
    );
    assert!(template_resources(&pipeline, "Pipeline").iter().all(|(id, _)| id != "PipelineEventsRole"));
}

#[test]
fn each_state_change_rule_has_its_pattern() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.role_arn(ROLE);
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        let unit = p.stage("Build", |s| s.add(CodeBuild::new("Unit", "my-project", source.artifact())));
        p.on_pipeline_state("pipeline", [PipelineExecutionState::Failed, PipelineExecutionState::Succeeded], TOPIC);
        p.on_pipeline_state("any-pipeline-state", [], TOPIC);
        p.on_stage_state("stage", "Build", [StageExecutionState::Stopped], TOPIC);
        p.on_action_state("action", &unit, [ActionExecutionState::Abandoned, ActionExecutionState::Failed], TOPIC)
            .target("arn:aws:lambda:us-east-1:123456789012:function:on-failure");
    });
    let files = emit(&pipeline).into_result().unwrap();
    let patterns: Vec<Value> = files.iter().map(pattern_of).collect();
    assert_eq!(
        patterns,
        [
            json!({"source": ["aws.codepipeline"], "detail-type": ["CodePipeline Pipeline Execution State Change"],
                   "detail": {"pipeline": ["my-pipeline"], "state": ["FAILED", "SUCCEEDED"]}}),
            json!({"source": ["aws.codepipeline"], "detail-type": ["CodePipeline Pipeline Execution State Change"],
                   "detail": {"pipeline": ["my-pipeline"]}}),
            json!({"source": ["aws.codepipeline"], "detail-type": ["CodePipeline Stage Execution State Change"],
                   "detail": {"pipeline": ["my-pipeline"], "stage": ["Build"], "state": ["STOPPED"]}}),
            json!({"source": ["aws.codepipeline"], "detail-type": ["CodePipeline Action Execution State Change"],
                   "detail": {"pipeline": ["my-pipeline"], "stage": ["Build"], "action": ["Unit"],
                              "state": ["ABANDONED", "FAILED"]}}),
        ]
    );
    assert_eq!(
        json_of(&files[3])["PutTargets"]["Targets"],
        json!([
            {"Id": "Target1", "Arn": TOPIC},
            {"Id": "Target2", "Arn": "arn:aws:lambda:us-east-1:123456789012:function:on-failure"},
        ]),
        "no role unless one is given"
    );
    assert!(
        files.iter().all(|file| file.deploy.as_ref().unwrap().region.is_none()),
        "state-change rules need no Region in their files, so none is known"
    );
}

#[test]
fn ecr_and_s3_sources_give_their_patterns() {
    let ecr = Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(ROLE);
        let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app").image_tag("release")));
        p.start_on_change("source-change", &image);
    });
    let s3 = |object_created: bool| {
        Pipeline::build("my-pipeline", |p| {
            p.region("us-east-1").role_arn(ROLE);
            let bundle = p.source_stage("Source", |s| s.add(S3Source::new("Bundle", "my-source-bucket", "source.zip")));
            if object_created {
                p.start_on_object_created("source-change", &bundle);
            } else {
                p.start_on_change("source-change", &bundle);
            }
        })
    };
    let (s3_trail, s3_created) = (s3(false), s3(true));
    let pattern =
        |pipeline: &Pipeline| pattern_of(file(&emit(pipeline).into_result().unwrap(), "events/source-change.json"));
    assert_eq!(
        pattern(&ecr),
        json!({"source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
               "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["my-app"],
                          "image-tag": ["release"]}})
    );
    assert_eq!(
        pattern(&s3_trail),
        json!({"source": ["aws.s3"], "detail-type": ["AWS API Call via CloudTrail"],
               "detail": {"eventSource": ["s3.amazonaws.com"],
                          "eventName": ["CopyObject", "PutObject", "CompleteMultipartUpload"],
                          "requestParameters": {"bucketName": ["my-source-bucket"], "key": ["source.zip"]}}})
    );
    assert_eq!(
        pattern(&s3_created),
        json!({"source": ["aws.s3"], "detail-type": ["Object Created"],
               "detail": {"bucket": {"name": ["my-source-bucket"]}, "object": {"key": ["source.zip"]}}})
    );
    let polls = |pipeline: &Pipeline| {
        pipeline.declaration().stages[0].actions[0].configuration.as_ref().unwrap().get("PollForSourceChanges").cloned()
    };
    assert_eq!(polls(&ecr), None, "ECR sources do not poll");
    assert_eq!(polls(&s3_trail), Some("false".into()));
    assert_eq!(polls(&s3_created), Some("false".into()));
}

#[test]
fn template_resources_reference_the_pipeline_resource() {
    let pipeline = pipeline_with(|p, source| {
        p.start_on_change("my-repo-main", source);
        p.on_stage_state("build-failed", "Build", [StageExecutionState::Failed], cfn::reference("AlertsTopic"))
            .description("Build stage failures");
    });
    let resources = template_resources(&pipeline, "Pipeline");
    let pipeline_arn =
        json!({"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"});
    assert_eq!(
        resources,
        [
            (
                "PipelineEventsRole".to_owned(),
                json!({"Type": "AWS::IAM::Role", "Properties": {
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                        "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "Policies": [{"PolicyName": "StartPipelineExecution", "PolicyDocument": {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": ["codepipeline:StartPipelineExecution"],
                                       "Resource": [pipeline_arn]}]}}],
                }})
            ),
            (
                "PipelineMyRepoMainEventRule".to_owned(),
                json!({"Type": "AWS::Events::Rule", "Properties": {
                    "Name": "my-repo-main",
                    "EventPattern": {
                        "source": ["aws.codecommit"],
                        "detail-type": ["CodeCommit Repository State Change"],
                        "resources": [{"Fn::Sub": "arn:${AWS::Partition}:codecommit:${AWS::Region}:${AWS::AccountId}:my-repo"}],
                        "detail": {"event": ["referenceCreated", "referenceUpdated"], "referenceType": ["branch"],
                                   "referenceName": ["main"]},
                    },
                    "State": "ENABLED",
                    "Targets": [{"Id": "StartPipeline", "Arn": pipeline_arn,
                                 "RoleArn": {"Fn::GetAtt": ["PipelineEventsRole", "Arn"]}}],
                }})
            ),
            (
                "PipelineBuildFailedEventRule".to_owned(),
                json!({"Type": "AWS::Events::Rule", "Properties": {
                    "Name": "build-failed",
                    "Description": "Build stage failures",
                    "EventPattern": {
                        "source": ["aws.codepipeline"],
                        "detail-type": ["CodePipeline Stage Execution State Change"],
                        "detail": {"pipeline": [{"Ref": "Pipeline"}], "stage": ["Build"], "state": ["FAILED"]},
                    },
                    "State": "ENABLED",
                    "Targets": [{"Id": "Target1", "Arn": {"Ref": "AlertsTopic"}}],
                }})
            ),
        ]
    );
}

#[test]
fn a_repository_given_by_expression_is_substituted_in_the_template() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.role_arn(ROLE);
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("Checkout", cfn::reference("RepositoryName"), "main")
                    .role_arn("arn:aws:iam::987654321098:role/SourceRole"),
            )
        });
        p.start_on_change("repository", &source);
    });
    let (_, rule) = &template_resources(&pipeline, "Pipeline")[1];
    assert_eq!(
        rule["Properties"]["EventPattern"]["resources"],
        json!([{"Fn::Sub": ["arn:${AWS::Partition}:codecommit:${AWS::Region}:987654321098:${Repository}",
                            {"Repository": {"Ref": "RepositoryName"}}]}])
    );
    let errors: Vec<String> = emit(&pipeline).into_result().unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        [
            "error[event-rule-cli]: pipeline \"my-pipeline\" > generated events role: the pipeline's ARN needs its \
             Region, which is unknown: call `p.region(\"us-east-1\")` with the Region the pipeline is created in",
            "error[event-rule-cli]: pipeline \"my-pipeline\" > event rule \"repository\": the repository name is a \
             CloudFormation expression (!Ref RepositoryName); the CLI form needs a literal, so deploy this \
             rule with the pipeline's template",
        ]
    );
}

#[test]
fn the_cli_form_needs_the_pipelines_region_and_account() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.role_arn(ROLE);
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        p.start_on_change("my-repo-main", &source).role_arn("arn:aws:iam::123456789012:role/StartPipeline");
        p.on_pipeline_state("failed", [PipelineExecutionState::Failed], TOPIC);
    });
    let errors: Vec<String> = emit(&pipeline).into_result().unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        ["error[event-rule-cli]: pipeline \"my-pipeline\" > event rule \"my-repo-main\": the repository's ARN is \
             written like the pipeline's, and the pipeline's ARN needs its Region, which is unknown: call \
             `p.region(\"us-east-1\")` with the Region the pipeline is created in"],
        "the state-change rule needs no ARN of the pipeline"
    );

    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(cfn::get_att("PipelineRole", "Arn"));
        p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"))
            .role_arn("arn:aws:iam::123456789012:role/StartPipeline");
    });
    let errors: Vec<String> = emit(&pipeline).into_result().unwrap_err().0.iter().map(Violation::to_string).collect();
    assert_eq!(
        errors,
        ["error[event-rule-cli]: pipeline \"my-pipeline\" > event rule \"nightly\": the pipeline's ARN needs its \
             account, which is read from the pipeline's roleArn; that must then be a literal IAM role ARN \
             (arn:aws:iam::<account>:role/<name>), found !GetAtt PipelineRole.Arn"]
    );
}

#[test]
fn a_rule_named_by_cloudformation_has_no_name_in_the_template_but_keeps_it_on_the_command_line() {
    let pipeline = pipeline_with(|p, source| {
        p.start_on_change("my-repo-main", source).role_arn(ROLE).named_by_cloudformation();
    });
    let resources = template_resources(&pipeline, "Pipeline");
    let (id, rule) = &resources[0];
    assert_eq!(id, "PipelineMyRepoMainEventRule");
    assert_eq!(rule["Properties"].get("Name"), None);
    assert_eq!(rule["Properties"]["State"], "ENABLED");
    let files = emit(&pipeline).files;
    assert_eq!(json_of(file(&files, "events/my-repo-main.json"))["PutRule"]["Name"], "my-repo-main");
}
