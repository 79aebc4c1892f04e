//! Notification rules declared with the pipeline: names, events, and
//! targets (SNS topics and AWS Chatbot Slack channels).

use std::sync::LazyLock;

use regex::Regex;

use super::arns::{pipeline_arn_problem, SNS_TOPIC_ARN};
use super::context::Context;
use super::pattern::anchored;
use super::rule_names::{Naming, RuleNames};
use crate::model::Str;
use crate::notifications::{NotificationRule, NotificationTarget};
use crate::{Location, Rule, Violation};

/// A notification rule name.
static RULE_NAME: LazyLock<Regex> = LazyLock::new(|| anchored(r"[A-Za-z0-9\-_ ]{1,64}"));

/// How notification rules are named and written.
static NAMING: Naming = Naming {
    kind: "notification rule",
    pattern_rule: Rule::NotificationRuleName,
    unique_rule: Rule::NotificationRuleNameUnique,
    pattern: &RULE_NAME,
    allowed: "1 to 64 letters, digits, spaces, '-' or '_'",
    folder: "notifications",
};

/// An AWS Chatbot channel configuration ARN.
static CHATBOT_CHANNEL_ARN: LazyLock<Regex> =
    LazyLock::new(|| anchored(r"arn:aws(-[\w]+)*:chatbot::[0-9]{12}:chat-configuration/.+"));

/// At most this many targets per notification rule.
const MAX_TARGETS: usize = 10;

/// At most this many characters in a target address.
const MAX_ADDRESS: usize = 320;

/// Checks the pipeline's notification rules.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let mut names = RuleNames::new(&NAMING);
    for rule in cx.pipeline.notification_rules() {
        let location = cx.pipeline_location().field(&format!("notification rule \"{}\"", rule.name));
        names.check(&rule.name, rule.file_stem(), &location, out);
        if let Some(Str::Literal(written)) = &rule.rule_name {
            names.check_pattern(written, &location, out);
        }
        if rule.events.is_empty() {
            out.push(Violation::new(
                location.clone(),
                Rule::NotificationRuleEvents,
                "the rule reports no events; give at least one PipelineEvent",
            ));
        }
        check_targets(rule, &location, out);
        if let Some(problem) = pipeline_arn_problem(cx, rule.resource.as_ref()) {
            out.push(Violation::new(location, Rule::NotificationRuleResource, problem));
        }
    }
}

/// 1 to 10 targets, each the ARN its type takes.
fn check_targets(rule: &NotificationRule, location: &Location, out: &mut Vec<Violation>) {
    match rule.targets.len() {
        0 => out.push(Violation::new(
            location.clone(),
            Rule::NotificationRuleTargets,
            "the rule has no targets; add one with `.target(NotificationTarget::sns(\"arn:aws:sns:<region>:<account>:<topic>\"))`",
        )),
        count if count > MAX_TARGETS => out.push(Violation::new(
            location.clone(),
            Rule::NotificationRuleTargets,
            format!("the rule has {count} targets; a notification rule allows at most {MAX_TARGETS}"),
        )),
        _ => {}
    }
    for target in &rule.targets {
        let Str::Literal(address) = target.address() else { continue };
        let (pattern, expected) = match target {
            NotificationTarget::Sns(_) => (&SNS_TOPIC_ARN, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)"),
            NotificationTarget::AwsChatbotSlack(_) => (
                &CHATBOT_CHANNEL_ARN,
                "an AWS Chatbot channel configuration ARN (arn:aws:chatbot::<account>:chat-configuration/slack-channel/<name>)",
            ),
        };
        let fits = address.chars().count() <= MAX_ADDRESS && pattern.is_match(address);
        if !fits {
            out.push(Violation::new(
                location.clone(),
                Rule::NotificationTarget,
                format!(
                    "the {} target \"{address}\" is not {expected} of at most {MAX_ADDRESS} characters",
                    target.target_type()
                ),
            ));
        }
    }
}
