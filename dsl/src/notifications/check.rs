//! The rules notification rules must follow that the types cannot carry.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::arn::Arn;
use crate::model::Str;
use crate::pipeline::Pipeline;
use crate::validate::{Location, Violation};

use super::rule::{NotificationRule, NotificationTarget};

static RULE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9\-_ ]{1,64}$").expect("the rule-name pattern is valid"));

/// At most this many targets per notification rule.
const MAX_TARGETS: usize = 10;

/// At most this many characters in a target address.
const MAX_ADDRESS: usize = 320;

/// Every finding about the pipeline's notification rules.
pub(crate) fn check(pipeline: &Pipeline) -> Vec<Violation> {
    let mut violations = Vec::new();
    let mut stems: HashMap<String, &str> = HashMap::new();
    for rule in pipeline.notification_rules() {
        let location =
            Location::pipeline(&pipeline.declaration().name).field(&format!("notification rule \"{}\"", rule.name));
        if !RULE_NAME.is_match(&rule.name) {
            violations.push(Violation::new(
                location.clone(),
                "notification-rule-name",
                format!(
                    "the rule name \"{}\" is not valid: use 1 to 64 letters, digits, spaces, '-' or '_'",
                    rule.name
                ),
            ));
        }
        match stems.insert(rule.file_stem(), &rule.name) {
            Some(other) if other == rule.name => violations.push(Violation::new(
                location.clone(),
                "notification-rule-name-unique",
                format!("another notification rule is also named \"{other}\"; give each rule its own name"),
            )),
            Some(other) => violations.push(Violation::new(
                location.clone(),
                "notification-rule-name-unique",
                format!(
                    "the names \"{other}\" and \"{}\" both give the file notifications/{}.json; rename one of the rules",
                    rule.name,
                    rule.file_stem()
                ),
            )),
            None => {}
        }
        if rule.events.is_empty() {
            violations.push(Violation::new(
                location.clone(),
                "notification-rule-events",
                "the rule reports no events; give at least one PipelineEvent",
            ));
        }
        check_targets(rule, &location, &mut violations);
    }
    violations
}

fn check_targets(rule: &NotificationRule, location: &Location, violations: &mut Vec<Violation>) {
    match rule.targets.len() {
        0 => violations.push(Violation::new(
            location.clone(),
            "notification-rule-targets",
            "the rule has no targets; add one with `.target(NotificationTarget::sns(\"arn:aws:sns:<region>:<account>:<topic>\"))`",
        )),
        count if count > MAX_TARGETS => violations.push(Violation::new(
            location.clone(),
            "notification-rule-targets",
            format!("the rule has {count} targets; a notification rule allows at most {MAX_TARGETS}"),
        )),
        _ => {}
    }
    for target in &rule.targets {
        let Str::Literal(address) = target.address() else { continue };
        let (service, expected) = match target {
            NotificationTarget::Sns(_) => ("sns", "an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)"),
            NotificationTarget::AwsChatbotSlack(_) => (
                "chatbot",
                "an AWS Chatbot channel configuration ARN (arn:aws:chatbot::<account>:chat-configuration/slack-channel/<name>)",
            ),
        };
        let fits = address.chars().count() <= MAX_ADDRESS
            && Arn::parse(address).is_some_and(|arn| arn.service == service && arn.has_account());
        if !fits {
            violations.push(Violation::new(
                location.clone(),
                "notification-target",
                format!(
                    "the {} target \"{address}\" is not {expected} of at most {MAX_ADDRESS} characters",
                    target.target_type()
                ),
            ));
        }
    }
}
