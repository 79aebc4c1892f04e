//! The names of the rules declared around a pipeline (EventBridge rules,
//! notification rules): each name gives the file the rule is written to, so
//! no two rules may give the same file.

use std::collections::HashMap;

use super::{Location, Violation};

/// The file names given so far, for one kind of rule.
pub(super) struct RuleFiles<'a> {
    /// The rule code, e.g. `event-rule-name-unique`.
    code: &'static str,
    /// What the rules are, e.g. `event rule`.
    kind: &'static str,
    /// The folder their files are written to, e.g. `events`.
    folder: &'static str,
    /// Each file stem and the last rule name that gave it.
    given: HashMap<String, &'a str>,
}

impl<'a> RuleFiles<'a> {
    /// No file given yet.
    pub(super) fn new(code: &'static str, kind: &'static str, folder: &'static str) -> RuleFiles<'a> {
        RuleFiles { code, kind, folder, given: HashMap::new() }
    }

    /// Records the file of rule `name` and reports a name already taken.
    pub(super) fn claim(&mut self, name: &'a str, stem: String, location: &Location, out: &mut Vec<Violation>) {
        let message = match self.given.insert(stem.clone(), name) {
            None => return,
            Some(other) if other == name => {
                format!("another {} is also named \"{other}\"; give each rule its own name", self.kind)
            }
            Some(other) => format!(
                "the names \"{other}\" and \"{name}\" both give the file {}/{stem}.json; rename one of the rules",
                self.folder
            ),
        };
        out.push(Violation::new(location.clone(), self.code, message));
    }
}
