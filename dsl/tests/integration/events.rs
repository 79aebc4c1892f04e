//! EventBridge rules declared with a pipeline: what they record, what they
//! change on the source, and what validation reports about them.

use pipewright_dsl::events::{
    ActionExecutionState, EventPattern, EventTarget, PipelineExecutionState, RateUnit, RuleRole, RuleState,
    RuleTrigger, Schedule, StageExecutionState,
};
use pipewright_dsl::model::ActionDeclaration;
use pipewright_dsl::prelude::*;
use pipewright_dsl::Violation;

const ROLE: &str = "arn:aws:iam::123456789012:role/CodePipelineRole";
const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:alerts";

/// A two-stage pipeline; `around` declares rules with the source handle.
fn pipeline_with(
    poll: Option<bool>,
    around: impl for<'p> FnOnce(&mut PipelineBuilder<'p>, &ActionHandle<'p, 1, CodeCommitVariables<'p>>),
) -> Pipeline {
    Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(ROLE).artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| {
            let checkout = CodeCommitSource::new("Checkout", "my-repo", "main");
            s.add(match poll {
                Some(poll) => checkout.poll_for_source_changes(poll),
                None => checkout,
            })
        });
        p.stage("Build", |s| {
            s.add(CodeBuild::new("Build", "my-project", source.artifact()));
        });
        around(p, &source);
    })
}

fn poll_setting(pipeline: &Pipeline) -> Option<String> {
    let checkout = &pipeline.declaration().stages[0].actions[0];
    checkout.configuration.as_ref().unwrap().get("PollForSourceChanges").map(ToString::to_string)
}

fn findings(pipeline: &Pipeline) -> Vec<String> {
    pipeline.check().iter().map(Violation::to_string).collect()
}

#[test]
fn starting_on_a_source_change_stops_the_source_from_polling() {
    let pipeline = pipeline_with(None, |p, source| {
        p.start_on_change("my-repo-main", source);
    });
    assert_eq!(poll_setting(&pipeline).as_deref(), Some("false"));
    let rule = &pipeline.event_rules()[0];
    assert_eq!(rule.targets, vec![EventTarget::Pipeline]);
    assert_eq!(rule.role, RuleRole::Generated);
    assert_eq!(rule.state, Some(RuleState::Enabled));
    assert_eq!(
        rule.pattern(&pipeline).unwrap(),
        Some(EventPattern::CodeCommitBranch { repository: "my-repo".into(), branch: "main".into(), account: None })
    );
    assert!(pipeline.validate().is_ok(), "{}", findings(&pipeline).join("\n"));
}

#[test]
fn a_pipeline_without_rules_keeps_polling() {
    let pipeline = pipeline_with(None, |_, _| {});
    assert_eq!(poll_setting(&pipeline), None);
    assert!(pipeline.event_rules().is_empty());
}

#[test]
fn a_source_told_to_poll_and_started_by_a_rule_is_reported() {
    let pipeline = pipeline_with(Some(true), |p, source| {
        p.start_on_change("my-repo-main", source);
    });
    assert_eq!(poll_setting(&pipeline).as_deref(), Some("true"));
    assert_eq!(
        findings(&pipeline),
        ["error[poll-for-source-changes]: pipeline \"my-pipeline\" > stage \"Source\" > action \"Checkout\": \
             PollForSourceChanges is \"true\" and the event rule \"my-repo-main\" also starts the pipeline on this \
             source's changes, so each change would start it twice; drop `.poll_for_source_changes(true)` (the rule \
             sets it to \"false\")"]
    );
}

#[test]
fn a_source_of_another_account_is_watched_in_that_account() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.region("us-east-1").role_arn(ROLE);
        let source = p.source_stage("Source", |s| {
            s.add(
                CodeCommitSource::new("Checkout", "their-repo", "main")
                    .role_arn("arn:aws:iam::987654321098:role/SourceRole"),
            )
        });
        p.start_on_change("their-repo-main", &source);
    });
    assert_eq!(
        pipeline.event_rules()[0].pattern(&pipeline).unwrap(),
        Some(EventPattern::CodeCommitBranch {
            repository: "their-repo".into(),
            branch: "main".into(),
            account: Some("987654321098".to_owned()),
        })
    );
}

#[test]
fn state_change_rules_record_their_patterns_and_targets() {
    let pipeline = Pipeline::build("my-pipeline", |p| {
        p.role_arn(ROLE).artifact_store(ArtifactStore::s3("my-artifacts"));
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
        let build = p.stage("Build", |s| s.add(CodeBuild::new("Unit", "my-project", source.artifact())));
        p.on_pipeline_state("failed", [PipelineExecutionState::Failed, PipelineExecutionState::Superseded], TOPIC)
            .target("arn:aws:lambda:us-east-1:123456789012:function:on-failure")
            .description("Failed or superseded executions");
        p.on_stage_state("build-stage", "Build", [], TOPIC).state(RuleState::Disabled);
        p.on_action_state("unit-tests", &build, [ActionExecutionState::Failed], TOPIC)
            .role_arn("arn:aws:iam::123456789012:role/EventsToTargets");
    });
    let rules = pipeline.event_rules();
    assert_eq!(
        rules[0].trigger,
        RuleTrigger::Pattern(EventPattern::PipelineExecution {
            states: vec![PipelineExecutionState::Failed, PipelineExecutionState::Superseded],
        })
    );
    assert_eq!(
        rules[0].targets,
        vec![
            EventTarget::Arn(TOPIC.into()),
            EventTarget::Arn("arn:aws:lambda:us-east-1:123456789012:function:on-failure".into())
        ]
    );
    assert_eq!(rules[0].role, RuleRole::None);
    assert_eq!(rules[0].description, Some("Failed or superseded executions".into()));
    assert_eq!(
        rules[1].trigger,
        RuleTrigger::Pattern(EventPattern::StageExecution { stage: "Build".into(), states: vec![] })
    );
    assert_eq!(rules[1].state, Some(RuleState::Disabled));
    assert_eq!(
        rules[2].trigger,
        RuleTrigger::Pattern(EventPattern::ActionExecution {
            stage: "Build".into(),
            action: "Unit".into(),
            states: vec![ActionExecutionState::Failed],
        })
    );
    assert_eq!(rules[2].role, RuleRole::Arn("arn:aws:iam::123456789012:role/EventsToTargets".into()));
    assert!(rules.iter().all(|rule| !rule.starts_pipeline()));
    assert!(pipeline.validate().is_ok(), "{}", findings(&pipeline).join("\n"));
}

#[test]
fn the_state_lists_hold_every_state_aws_reports() {
    let texts = |states: &[&str]| states.join(",");
    assert_eq!(
        texts(&PipelineExecutionState::ALL.iter().map(|state| state.as_str()).collect::<Vec<_>>()),
        "CANCELED,FAILED,RESUMED,STARTED,STOPPED,STOPPING,SUCCEEDED,SUPERSEDED"
    );
    assert_eq!(
        texts(&StageExecutionState::ALL.iter().map(|state| state.as_str()).collect::<Vec<_>>()),
        "CANCELED,FAILED,RESUMED,STARTED,STOPPED,STOPPING,SUCCEEDED"
    );
    assert_eq!(
        texts(&ActionExecutionState::ALL.iter().map(|state| state.as_str()).collect::<Vec<_>>()),
        "ABANDONED,CANCELED,FAILED,RESUMED,STARTED,SUCCEEDED"
    );
}

#[test]
fn a_stage_rule_must_name_a_stage_of_the_pipeline() {
    let pipeline = pipeline_with(None, |p, _| {
        p.on_stage_state("deploy-stage", "Deploy", [StageExecutionState::Failed], TOPIC);
    });
    assert_eq!(
        findings(&pipeline),
        ["error[event-rule-stage]: pipeline \"my-pipeline\" > event rule \"deploy-stage\": the pipeline has no stage \
             named \"Deploy\"; its stages are \"Source\" and \"Build\""]
    );
}

#[test]
fn rule_names_targets_roles_and_schedules_are_checked() {
    let pipeline = pipeline_with(None, |p, _| {
        p.start_on_schedule("nightly run", Schedule::cron("0 3 * * *"));
        p.start_on_schedule("hourly", Schedule::rate(1, RateUnit::Hours)).role_arn("StartRole");
        p.start_on_schedule("hourly", Schedule::rate(0, RateUnit::Hours));
        p.start_on_schedule("Hourly", Schedule::rate(2, RateUnit::Hours));
        let rule = p.on_pipeline_state("many", [], TOPIC);
        for _ in 0..5 {
            rule.target(TOPIC);
        }
        p.on_pipeline_state("not-an-arn", [], "alerts");
    });
    assert_eq!(
        findings(&pipeline),
        [
            "error[event-rule-name]: pipeline \"my-pipeline\" > event rule \"nightly run\": the rule name \"nightly run\" \
             is not valid: use 1 to 64 letters, digits, '.', '-' or '_'",
            "error[event-rule-schedule]: pipeline \"my-pipeline\" > event rule \"nightly run\": cron(0 3 * * *) has 5 \
             fields; EventBridge needs 6: minutes hours day-of-month month day-of-week year, e.g. cron(0 3 * * ? *)",
            "error[event-rule-role]: pipeline \"my-pipeline\" > event rule \"hourly\": the rule's role \"StartRole\" is \
             not an IAM role ARN; use arn:aws:iam::<12-digit account>:role/<name> (at most 1024 characters)",
            "error[event-rule-name-unique]: pipeline \"my-pipeline\" > event rule \"hourly\": another event rule is also \
             named \"hourly\"; give each rule its own name",
            "error[event-rule-schedule]: pipeline \"my-pipeline\" > event rule \"hourly\": a rate of 0 never fires; use \
             a rate of at least 1 minute, hour or day",
            "error[event-rule-name-unique]: pipeline \"my-pipeline\" > event rule \"Hourly\": the names \"hourly\" and \
             \"Hourly\" both give the file events/hourly.json; rename one of the rules",
            "error[event-rule-targets]: pipeline \"my-pipeline\" > event rule \"many\": the rule has 6 targets; \
             EventBridge allows at most 5 per rule",
            "error[event-rule-target-arn]: pipeline \"my-pipeline\" > event rule \"not-an-arn\": the target \"alerts\" is \
             not an ARN; give the ARN of a topic, function, queue...",
        ]
    );
}

#[test]
fn a_rule_description_holds_at_most_512_characters() {
    let pipeline = pipeline_with(None, |p, _| {
        p.on_pipeline_state("fits", [], TOPIC).description("x".repeat(512));
        p.on_pipeline_state("too-long", [], TOPIC).description("x".repeat(513));
    });
    assert_eq!(
        findings(&pipeline),
        ["error[event-rule-description]: pipeline \"my-pipeline\" > event rule \"too-long\": the description has 513 \
             characters; EventBridge allows at most 512"]
    );
}

#[test]
fn object_created_events_come_only_from_s3_sources() {
    let pipeline = pipeline_with(None, |p, source| {
        p.start_on_object_created("my-repo-objects", source);
    });
    assert_eq!(
        findings(&pipeline),
        ["error[event-rule-source]: pipeline \"my-pipeline\" > event rule \"my-repo-objects\": \"Object Created\" \
             events come from S3 buckets, and this is a CodeCommit source; use `p.start_on_change(...)` for it"]
    );
}

/// Reads one of the seed's source action fragments as an action.
fn seed_action(file: &str) -> ActionDeclaration {
    let path = format!("{}/../tests/data/seed/{file}", env!("CARGO_MANIFEST_DIR"));
    let mut fragment: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    fragment["name"] = "Source".into();
    serde_json::from_value(fragment).unwrap()
}

#[test]
fn the_seed_s3_and_ecr_sources_give_their_patterns() {
    use pipewright_dsl::events::S3ChangeDetection::{CloudTrail, ObjectCreated};
    let s3 = seed_action("source-s3.json");
    assert_eq!(
        EventPattern::source_change(&s3, CloudTrail).unwrap(),
        EventPattern::S3CloudTrail { bucket: "my-source-bucket".into(), key: "source.zip".into() }
    );
    assert_eq!(
        EventPattern::source_change(&s3, ObjectCreated).unwrap(),
        EventPattern::S3ObjectCreated { bucket: "my-source-bucket".into(), key: "source.zip".into() }
    );
    assert_eq!(
        EventPattern::source_change(&seed_action("source-ecr.json"), CloudTrail).unwrap(),
        EventPattern::EcrImagePush { repository: "my-app".into(), tag: "latest".into() }
    );
    assert_eq!(
        EventPattern::source_change(&seed_action("source-codestar-connection.json"), CloudTrail).unwrap_err(),
        "a CodeStarSourceConnection source starts the pipeline itself (DetectChanges) or through `p.trigger(...)`; \
         EventBridge rules start pipelines from CodeCommit, ECR and S3 sources"
    );
}

#[test]
fn a_source_without_its_setting_cannot_give_a_pattern() {
    let mut s3 = seed_action("source-s3.json");
    s3.configuration.as_mut().unwrap().shift_remove("S3ObjectKey");
    assert_eq!(
        EventPattern::source_change(&s3, pipewright_dsl::events::S3ChangeDetection::CloudTrail).unwrap_err(),
        "configuration.S3ObjectKey is missing; it names the object whose changes start the pipeline"
    );
}
