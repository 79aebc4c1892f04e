//! V2 triggers: at most 50, each on an existing CodeStarSourceConnection
//! source action (one trigger per action), and filters of the allowed shapes
//! and sizes.

use super::context::{quoted_list, Context};
use super::pattern::length_problem;
use crate::model::{FilterCriteria, Str};
use crate::{Location, Rule, Violation};

/// Most triggers per pipeline.
const MAX_TRIGGERS: usize = 50;
/// Most push or pull-request filters per trigger.
const MAX_FILTERS: usize = 3;
/// Most patterns in an includes or excludes list.
const MAX_PATTERNS: usize = 8;
/// Longest pattern.
const MAX_PATTERN_LENGTH: usize = 255;
/// The one provider whose source actions take triggers.
const CONNECTION: &str = "CodeStarSourceConnection";

/// Checks every trigger.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let triggers = cx.declaration.triggers.as_deref().unwrap_or_default();
    if triggers.len() > MAX_TRIGGERS {
        out.push(Violation::new(
            cx.pipeline_location().field("triggers"),
            Rule::TriggerCount,
            format!("the pipeline has {} triggers; a pipeline has at most {MAX_TRIGGERS}", triggers.len()),
        ));
    }
    let mut triggered: Vec<&str> = Vec::new();
    for (index, trigger) in triggers.iter().enumerate() {
        let prefix = format!("triggers[{index}].gitConfiguration");
        let at = |field: &str| cx.pipeline_location().field(&format!("{prefix}.{field}"));
        let git = &trigger.git_configuration;
        source_action(cx, at("sourceActionName"), &git.source_action_name, out);
        if let Some(name) = git.source_action_name.as_literal() {
            if triggered.contains(&name) {
                out.push(Violation::new(
                    at("sourceActionName"),
                    Rule::TriggerSourceActionUnique,
                    format!(
                        "another trigger already starts the source action \"{name}\"; a source action takes one \
                         trigger: merge their filters into one trigger (up to {MAX_FILTERS} push and \
                         {MAX_FILTERS} pull-request filters)"
                    ),
                ));
            }
            triggered.push(name);
        }
        filter_count(at("push"), git.push.as_ref().map(Vec::len), out);
        for (index, push) in git.push.iter().flatten().enumerate() {
            let filter = format!("push[{index}]");
            let problem = if push.tags.is_none() && push.branches.is_none() {
                Some("a push filter needs tags or branches")
            } else if push.file_paths.is_some() && push.branches.is_none() {
                Some("a push filter with filePaths needs branches")
            } else {
                None
            };
            if let Some(problem) = problem {
                out.push(Violation::new(
                    at(&filter),
                    Rule::TriggerPushFilter,
                    format!("{problem}; valid push filters have tags, branches, or branches with filePaths"),
                ));
            }
            criteria(&at, &format!("{filter}.tags"), push.tags.as_ref(), out);
            criteria(&at, &format!("{filter}.branches"), push.branches.as_ref(), out);
            criteria(&at, &format!("{filter}.filePaths"), push.file_paths.as_ref(), out);
        }
        filter_count(at("pullRequest"), git.pull_request.as_ref().map(Vec::len), out);
        for (index, pull_request) in git.pull_request.iter().flatten().enumerate() {
            let filter = format!("pullRequest[{index}]");
            if pull_request.branches.is_none() {
                out.push(Violation::new(
                    at(&filter),
                    Rule::TriggerPullRequestFilter,
                    "a pull-request filter needs branches (the destination branches of the pull requests), \
                     optionally with filePaths",
                ));
            }
            if let Some(events) = &pull_request.events {
                if !(1..=3).contains(&events.len()) {
                    out.push(Violation::new(
                        at(&format!("{filter}.events")),
                        Rule::TriggerFilterSize,
                        format!(
                            "events has {} entries; give 1 to 3 of OPEN, UPDATED and CLOSED, or leave events out",
                            events.len()
                        ),
                    ));
                }
            }
            criteria(&at, &format!("{filter}.branches"), pull_request.branches.as_ref(), out);
            criteria(&at, &format!("{filter}.filePaths"), pull_request.file_paths.as_ref(), out);
        }
    }
}

/// The trigger's source action exists and is a connection source.
fn source_action(cx: &Context<'_>, location: Location, name: &Str, out: &mut Vec<Violation>) {
    let Some(name) = name.as_literal() else { return };
    let named: Vec<_> = cx.actions.iter().filter(|placed| placed.action.name == name).collect();
    if named.iter().any(|placed| placed.is_source() && placed.is_aws(CONNECTION)) {
        return;
    }
    let connections = cx
        .actions
        .iter()
        .filter(|placed| placed.is_source() && placed.is_aws(CONNECTION))
        .map(|placed| &placed.action.name);
    let candidates = quoted_list(connections, "and");
    let valid = if candidates.is_empty() {
        format!("the pipeline has no {CONNECTION} source action, the only kind a trigger can start")
    } else {
        format!("triggers start {CONNECTION} source actions: {candidates}")
    };
    let problem = match named.first() {
        None => format!("no action is named \"{name}\""),
        Some(placed) if !placed.is_source() => {
            format!("{} is not a source action", placed.describe())
        }
        Some(placed) => format!(
            "{} is a {} source, not a {CONNECTION} source",
            placed.describe(),
            placed.action.action_type_id.provider
        ),
    };
    out.push(Violation::new(location, Rule::TriggerSourceAction, format!("{problem}; {valid}")));
}

/// A push or pull-request filter list has 1..3 entries when present.
fn filter_count(location: Location, count: Option<usize>, out: &mut Vec<Violation>) {
    let Some(count) = count else { return };
    if !(1..=MAX_FILTERS).contains(&count) {
        out.push(Violation::new(
            location,
            Rule::TriggerFilterSize,
            format!("the list has {count} filters; give 1 to {MAX_FILTERS} filters, or leave the list out"),
        ));
    }
}

/// The includes and excludes of a filter criteria: 1..8 patterns of 1..255
/// characters each.
fn criteria(at: &dyn Fn(&str) -> Location, field: &str, criteria: Option<&FilterCriteria>, out: &mut Vec<Violation>) {
    let Some(criteria) = criteria else { return };
    for (list_name, list) in [("includes", &criteria.includes), ("excludes", &criteria.excludes)] {
        let Some(patterns) = list else { continue };
        let location = at(&format!("{field}.{list_name}"));
        if !(1..=MAX_PATTERNS).contains(&patterns.len()) {
            out.push(Violation::new(
                location.clone(),
                Rule::TriggerFilterSize,
                format!(
                    "the list has {} patterns; give 1 to {MAX_PATTERNS} patterns, or leave {list_name} out",
                    patterns.len()
                ),
            ));
        }
        for pattern in patterns.iter().filter_map(Str::as_literal) {
            if let Some(problem) = length_problem(pattern, 1, MAX_PATTERN_LENGTH) {
                out.push(Violation::new(
                    location.clone(),
                    Rule::TriggerFilterSize,
                    format!("the pattern \"{pattern}\" {problem}; a pattern has 1 to {MAX_PATTERN_LENGTH} characters"),
                ));
            }
        }
    }
}
