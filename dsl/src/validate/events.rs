//! EventBridge rules declared with the pipeline: names, descriptions,
//! targets and roles, schedules, the source a rule watches (which must not
//! also poll), the stage a rule watches, and the shape of a custom pattern.

use std::sync::LazyLock;

use regex::Regex;

use super::arns::{pipeline_arn_problem, role_arn};
use super::context::{quoted_list, Context};
use super::pattern::anchored;
use super::rule_names::{Naming, RuleNames};
use crate::arn::Arn;
use crate::events::{EventPattern, EventRule, EventTarget, RuleRole, RuleTrigger};
use crate::model::Str;
use crate::{Location, Rule, Violation};

/// An EventBridge rule name.
static RULE_NAME: LazyLock<Regex> = LazyLock::new(|| anchored(r"[.\-_A-Za-z0-9]{1,64}"));

/// How EventBridge rules are named and written.
static NAMING: Naming = Naming {
    kind: "event rule",
    pattern_rule: Rule::EventRuleName,
    unique_rule: Rule::EventRuleNameUnique,
    pattern: &RULE_NAME,
    allowed: "1 to 64 letters, digits, '.', '-' or '_'",
    folder: "events",
};

/// At most this many targets per rule (EventBridge quota).
const MAX_TARGETS: usize = 5;

/// At most this many characters in a rule's description.
const MAX_DESCRIPTION: usize = 512;

/// Checks the pipeline's EventBridge rules.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let mut names = RuleNames::new(&NAMING);
    for rule in cx.pipeline.event_rules() {
        let location = cx.pipeline_location().field(&format!("event rule \"{}\"", rule.name));
        names.check(&rule.name, rule.file_stem(), &location, out);
        if let Some(Str::Literal(written)) = &rule.rule_name {
            names.check_pattern(written, &location, out);
        }
        let description = rule.description.as_ref().and_then(Str::as_literal);
        if let Some(description) = description.filter(|text| text.chars().count() > MAX_DESCRIPTION) {
            out.push(Violation::new(
                location.clone(),
                Rule::EventRuleDescription,
                format!(
                    "the description has {} characters; EventBridge allows at most {MAX_DESCRIPTION}",
                    description.chars().count()
                ),
            ));
        }
        check_targets(rule, &location, out);
        if let Some(problem) = pipeline_arn_problem(cx, rule.pipeline_arn.as_ref()) {
            out.push(Violation::new(location.clone(), Rule::EventRulePipelineArn, problem));
        }
        check_trigger(cx, rule, &location, out);
    }
}

/// At most 5 targets, each an ARN, and the role an IAM role ARN.
fn check_targets(rule: &EventRule, location: &Location, out: &mut Vec<Violation>) {
    if rule.targets.len() > MAX_TARGETS {
        out.push(Violation::new(
            location.clone(),
            Rule::EventRuleTargets,
            format!("the rule has {} targets; EventBridge allows at most {MAX_TARGETS} per rule", rule.targets.len()),
        ));
    }
    for target in &rule.targets {
        if let EventTarget::Arn(Str::Literal(arn)) = target {
            if Arn::parse(arn).is_none() {
                out.push(Violation::new(
                    location.clone(),
                    Rule::EventRuleTargetArn,
                    format!("the target \"{arn}\" is not an ARN; give the ARN of a topic, function, queue..."),
                ));
            }
        }
    }
    if let RuleRole::Arn(role) = &rule.role {
        role_arn(location.clone(), Rule::EventRuleRole, "the rule's role", role, out);
    }
}

/// A schedule that fires, a source that gives an event pattern and does not
/// also poll, and a stage that exists.
fn check_trigger(cx: &Context<'_>, rule: &EventRule, location: &Location, out: &mut Vec<Violation>) {
    match &rule.trigger {
        RuleTrigger::Schedule(schedule) => {
            if let Some(problem) = schedule.problem() {
                out.push(Violation::new(location.clone(), Rule::EventRuleSchedule, problem));
            }
        }
        RuleTrigger::SourceChange(change) => {
            if let Err(problem) = rule.pattern(cx.pipeline) {
                out.push(Violation::new(location.clone(), Rule::EventRuleSource, problem));
            }
            let Some(stage) = cx.declaration.stages.get(change.stage) else { return };
            let Some(action) = stage.actions.get(change.action) else { return };
            let polls = action
                .configuration
                .as_ref()
                .and_then(|configuration| configuration.get("PollForSourceChanges"))
                .is_some_and(|poll| poll == "true");
            if polls {
                out.push(Violation::new(
                    Location::action(&cx.declaration.name, &stage.name, &action.name),
                    Rule::PollForSourceChanges,
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
            let stages = &cx.declaration.stages;
            if !stages.iter().any(|candidate| candidate.name == stage.as_str()) {
                out.push(Violation::new(
                    location.clone(),
                    Rule::EventRuleStage,
                    format!(
                        "the pipeline has no stage named \"{stage}\"; its stages are {}",
                        quoted_list(stages.iter().map(|candidate| &candidate.name), "and")
                    ),
                ));
            }
        }
        RuleTrigger::Pattern(EventPattern::Custom(pattern)) => {
            if let Some(problem) = pattern.problem() {
                out.push(Violation::new(location.clone(), Rule::EventRulePattern, problem));
            }
        }
        RuleTrigger::Pattern(_) => {}
    }
}
