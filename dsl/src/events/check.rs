//! The rules EventBridge rules must follow that the types cannot carry.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::arn::Arn;
use crate::model::Str;
use crate::pipeline::Pipeline;
use crate::validate::{Location, Violation};

use super::pattern::EventPattern;
use super::rule::{EventRule, EventTarget, RuleRole, RuleTrigger};

static RULE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[.\-_A-Za-z0-9]{1,64}$").expect("the rule-name pattern is valid"));

/// At most this many targets per rule (EventBridge quota).
const MAX_TARGETS: usize = 5;

/// At most this many characters in a rule's description.
const MAX_DESCRIPTION: usize = 512;

/// Every finding about the pipeline's EventBridge rules.
pub(crate) fn check(pipeline: &Pipeline) -> Vec<Violation> {
    let mut violations = Vec::new();
    let mut stems: HashMap<String, &str> = HashMap::new();
    for rule in pipeline.event_rules() {
        let location = rule_location(pipeline, rule);
        if !RULE_NAME.is_match(&rule.name) {
            violations.push(Violation::new(
                location.clone(),
                "event-rule-name",
                format!("the rule name \"{}\" is not valid: use 1 to 64 letters, digits, '.', '-' or '_'", rule.name),
            ));
        }
        match stems.insert(rule.file_stem(), &rule.name) {
            Some(other) if other == rule.name => violations.push(Violation::new(
                location.clone(),
                "event-rule-name-unique",
                format!("another event rule is also named \"{other}\"; give each rule its own name"),
            )),
            Some(other) => violations.push(Violation::new(
                location.clone(),
                "event-rule-name-unique",
                format!(
                    "the names \"{other}\" and \"{}\" both give the file events/{}.json; rename one of the rules",
                    rule.name,
                    rule.file_stem()
                ),
            )),
            None => {}
        }
        if let Some(description) = rule.description.as_ref().filter(|text| text.chars().count() > MAX_DESCRIPTION) {
            violations.push(Violation::new(
                location.clone(),
                "event-rule-description",
                format!(
                    "the description has {} characters; EventBridge allows at most {MAX_DESCRIPTION}",
                    description.chars().count()
                ),
            ));
        }
        check_targets(rule, &location, &mut violations);
        check_trigger(pipeline, rule, &location, &mut violations);
    }
    violations
}

/// `pipeline "x" > event rule "y"`.
fn rule_location(pipeline: &Pipeline, rule: &EventRule) -> Location {
    Location::pipeline(&pipeline.declaration().name).field(&format!("event rule \"{}\"", rule.name))
}

fn check_targets(rule: &EventRule, location: &Location, violations: &mut Vec<Violation>) {
    if rule.targets.len() > MAX_TARGETS {
        violations.push(Violation::new(
            location.clone(),
            "event-rule-targets",
            format!("the rule has {} targets; EventBridge allows at most {MAX_TARGETS} per rule", rule.targets.len()),
        ));
    }
    for target in &rule.targets {
        if let EventTarget::Arn(Str::Literal(arn)) = target {
            if Arn::parse(arn).is_none() {
                violations.push(Violation::new(
                    location.clone(),
                    "event-rule-target-arn",
                    format!("the target \"{arn}\" is not an ARN; give the ARN of a topic, function, queue..."),
                ));
            }
        }
    }
    if let RuleRole::Arn(Str::Literal(arn)) = &rule.role {
        if Arn::parse(arn).and_then(|role| role.role_name()).is_none() {
            violations.push(Violation::new(
                location.clone(),
                "event-rule-role",
                format!("the role \"{arn}\" is not an IAM role ARN; use arn:aws:iam::<account>:role/<name>"),
            ));
        }
    }
}

fn check_trigger(pipeline: &Pipeline, rule: &EventRule, location: &Location, violations: &mut Vec<Violation>) {
    match &rule.trigger {
        RuleTrigger::Schedule(schedule) => {
            if let Some(problem) = schedule.problem() {
                violations.push(Violation::new(location.clone(), "event-rule-schedule", problem));
            }
        }
        RuleTrigger::SourceChange(change) => {
            if let Err(problem) = rule.pattern(pipeline) {
                violations.push(Violation::new(location.clone(), "event-rule-source", problem));
            }
            let Some(stage) = pipeline.declaration().stages.get(change.stage) else { return };
            let Some(action) = stage.actions.get(change.action) else { return };
            let polls = action
                .configuration
                .as_ref()
                .and_then(|configuration| configuration.get("PollForSourceChanges"))
                .is_some_and(|poll| poll == "true");
            if polls {
                violations.push(Violation::new(
                    Location::action(&pipeline.declaration().name, &stage.name, &action.name),
                    "poll-for-source-changes",
                    format!(
                        "PollForSourceChanges is \"true\" and the event rule \"{}\" also starts the pipeline on this \
                         source's changes, so each change would start it twice; drop `.poll_for_source_changes(true)` \
                         (the rule sets it to \"false\")",
                        rule.name
                    ),
                ));
            }
        }
        RuleTrigger::Pattern(EventPattern::StageExecution { stage: Str::Literal(stage), .. }) => {
            let stages = &pipeline.declaration().stages;
            if !stages.iter().any(|candidate| candidate.name == stage.as_str()) {
                let names: Vec<String> = stages.iter().map(|candidate| format!("\"{}\"", candidate.name)).collect();
                violations.push(Violation::new(
                    location.clone(),
                    "event-rule-stage",
                    format!("the pipeline has no stage named \"{stage}\"; its stages are {}", names.join(", ")),
                ));
            }
        }
        RuleTrigger::Pattern(_) => {}
    }
}
