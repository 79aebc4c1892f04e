//! The names of the rules declared around a pipeline (EventBridge rules,
//! notification rules): each matches its kind's pattern, and each gives the
//! file the rule is written to, so no two rules may give the same file.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::{Location, Rule, Violation};

/// How one kind of rule is named and written.
pub(super) struct Naming {
    /// What the rules are, e.g. `event rule`.
    pub(super) kind: &'static str,
    /// The rule of a name that does not match, e.g. `event-rule-name`.
    pub(super) pattern_rule: Rule,
    /// The rule of a name whose file another rule gives.
    pub(super) unique_rule: Rule,
    /// The whole-name pattern.
    pub(super) pattern: &'static LazyLock<Regex>,
    /// What a name is made of, for messages: `1 to 64 letters, digits, ...`.
    pub(super) allowed: &'static str,
    /// The folder the rules' files are written to, e.g. `events`.
    pub(super) folder: &'static str,
}

/// The names seen so far of one kind of rule.
pub(super) struct RuleNames<'a> {
    /// How the rules are named.
    naming: &'static Naming,
    /// Each file stem and the last rule name that gave it.
    given: HashMap<String, &'a str>,
}

impl<'a> RuleNames<'a> {
    /// No name seen yet.
    pub(super) fn new(naming: &'static Naming) -> RuleNames<'a> {
        RuleNames { naming, given: HashMap::new() }
    }

    /// Checks that `name` is a name AWS accepts for the rule (the `Name`
    /// written, when it is a literal other than the declared one).
    pub(super) fn check_pattern(&self, name: &str, location: &Location, out: &mut Vec<Violation>) {
        let naming = self.naming;
        if !naming.pattern.is_match(name) {
            out.push(Violation::new(
                location.clone(),
                naming.pattern_rule,
                format!("the rule name \"{name}\" is not valid: use {}", naming.allowed),
            ));
        }
    }

    /// Checks the name of a rule and the file `stem` it gives.
    pub(super) fn check(&mut self, name: &'a str, stem: String, location: &Location, out: &mut Vec<Violation>) {
        let naming = self.naming;
        self.check_pattern(name, location, out);
        let clash = match self.given.insert(stem.clone(), name) {
            None => return,
            Some(other) if other == name => {
                format!("another {} is also named \"{other}\"; give each rule its own name", naming.kind)
            }
            Some(other) => format!(
                "the names \"{other}\" and \"{name}\" both give the file {}/{stem}.json; rename one of the rules",
                naming.folder
            ),
        };
        out.push(Violation::new(location.clone(), naming.unique_rule, clash));
    }
}
