//! The name patterns of the CodePipeline API: a set of allowed characters and
//! a length range, checked on whole values.

use std::sync::LazyLock;

use regex::Regex;

/// Compiles a pattern of the AWS model (written unanchored there) as a
/// whole-value match.
pub(super) fn anchored(pattern: &str) -> Regex {
    Regex::new(&format!("^(?:{pattern})$")).expect("the validation patterns are valid regexes")
}

/// A name pattern: 1 or more characters of a class, within a length range.
pub(super) struct CharPattern {
    /// The character class as the AWS model writes it, e.g. `A-Za-z0-9.@\-_`.
    class: &'static str,
    /// `^(?:[class]+)$`.
    regex: LazyLock<Regex>,
    /// Fewest characters.
    min: usize,
    /// Most characters.
    max: usize,
}

/// Declares a [`CharPattern`] static from its character class and length range.
macro_rules! char_pattern {
    ($(#[$doc:meta])* $name:ident = [$class:literal] $min:literal..=$max:literal) => {
        $(#[$doc])*
        pub(super) static $name: CharPattern =
            CharPattern::new($class, $min, $max, || anchored(concat!("[", $class, "]+")));
    };
}

char_pattern!(
    /// Pipeline, stage, action and condition rule names.
    NAME = ["A-Za-z0-9.@\\-_"] 1..=100
);
char_pattern!(
    /// Artifact names (no `.` or `@`).
    ARTIFACT_NAME = ["a-zA-Z0-9_\\-"] 1..=100
);
char_pattern!(
    /// Variable namespaces (no `.`).
    NAMESPACE = ["A-Za-z0-9@\\-_"] 1..=100
);
char_pattern!(
    /// Pipeline-level variable names.
    VARIABLE_NAME = ["A-Za-z0-9@\\-_"] 1..=128
);
char_pattern!(
    /// Action and rule providers.
    PROVIDER = ["0-9A-Za-z_-"] 1..=35
);
char_pattern!(
    /// Action and rule versions.
    VERSION = ["0-9A-Za-z_-"] 1..=9
);
char_pattern!(
    /// Action-level environment variable names.
    ENVIRONMENT_VARIABLE_NAME = ["A-Za-z0-9_"] 1..=128
);
char_pattern!(
    /// Artifact bucket names.
    BUCKET = ["a-zA-Z0-9\\-\\."] 3..=63
);
char_pattern!(
    /// The reason a stage transition is disabled.
    TRANSITION_REASON = ["a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-"] 1..=300
);

impl CharPattern {
    /// A pattern; `compile` builds its regex on first use.
    pub(super) const fn new(class: &'static str, min: usize, max: usize, compile: fn() -> Regex) -> CharPattern {
        CharPattern { class, regex: LazyLock::new(compile), min, max }
    }

    /// What is wrong with `value`, or `None` when it matches: `is empty`,
    /// `is 120 characters long`, `contains " ", "(" and "/"`.
    pub(super) fn problem(&self, value: &str) -> Option<String> {
        if let Some(problem) = length_problem(value, self.min, self.max) {
            return Some(problem);
        }
        if self.regex.is_match(value) {
            return None;
        }
        let mut invalid: Vec<char> = Vec::new();
        for character in value.chars() {
            if !self.regex.is_match(character.encode_utf8(&mut [0; 4])) && !invalid.contains(&character) {
                invalid.push(character);
            }
        }
        let mut listed: Vec<String> = invalid.iter().map(|character| format!("\"{character}\"")).collect();
        let last = listed.pop().unwrap_or_default();
        match listed.is_empty() {
            true => Some(format!("contains {last}")),
            false => Some(format!("contains {} and {last}", listed.join(", "))),
        }
    }

    /// What a valid value looks like: `1 to 100 characters from [A-Za-z0-9.@\-_]`.
    pub(super) fn expected(&self) -> String {
        format!("{} from [{}]", length_range(self.min, self.max), self.class)
    }
}

/// What is wrong with the length of `value` (in characters), or `None`.
pub(super) fn length_problem(value: &str, min: usize, max: usize) -> Option<String> {
    let length = value.chars().count();
    if length == 0 && min > 0 {
        Some("is empty".to_owned())
    } else if length < min || length > max {
        Some(format!("is {length} characters long"))
    } else {
        None
    }
}

/// `1 to 100 characters`, `at most 256 characters`.
pub(super) fn length_range(min: usize, max: usize) -> String {
    if min == 0 {
        format!("at most {max} characters")
    } else {
        format!("{min} to {max} characters")
    }
}
