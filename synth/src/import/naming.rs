//! Rust names for what a pipeline names: artifacts, action handles,
//! pipeline variables and the functions that build pipelines.

use std::collections::HashSet;

use heck::ToSnakeCase;

/// Words a Rust identifier may not be.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else", "enum", "extern",
    "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut",
    "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The identifiers taken in one scope; each new one is made unique with a
/// number (`build_output_2`).
#[derive(Debug, Default)]
pub(super) struct Identifiers {
    taken: HashSet<String>,
}

impl Identifiers {
    /// A scope where `reserved` (the closure parameters `p` and `s`, the
    /// generated functions) are taken.
    pub(super) fn reserving(reserved: &[&str]) -> Identifiers {
        Identifiers { taken: reserved.iter().map(|name| (*name).to_owned()).collect() }
    }

    /// A new identifier for `name` in snake_case; `fallback` when nothing
    /// of the name is left (`构建`).
    pub(super) fn claim(&mut self, name: &str, fallback: &str) -> String {
        let base = snake_identifier(name, fallback);
        let mut candidate = base.clone();
        let mut number = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{base}_{number}");
            number += 1;
        }
        candidate
    }
}

/// `name` in snake_case, reduced to ASCII letters, digits and `_`; never a
/// keyword, never starting with a digit.
pub(super) fn snake_identifier(name: &str, fallback: &str) -> String {
    let kept: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let snake = kept.to_snake_case();
    if snake.is_empty() {
        fallback.to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{fallback}_{snake}")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("{snake}_{fallback}")
    } else {
        snake
    }
}

/// The method a fixed variable set names `key` with (`commit_id` for
/// `CommitId`, `e_tag` for `ETag`).
pub(super) fn variable_method(key: &str) -> String {
    key.to_snake_case()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_snake_case_and_unique() {
        let mut names = Identifiers::reserving(&["p", "s"]);
        assert_eq!(names.claim("SourceOutput", "artifact"), "source_output");
        assert_eq!(names.claim("source-output", "artifact"), "source_output_2");
        assert_eq!(names.claim("构建", "artifact"), "artifact");
        assert_eq!(names.claim("7zip", "artifact"), "artifact_7zip");
        assert_eq!(names.claim("Type", "artifact"), "type_artifact");
        assert_eq!(names.claim("S", "action"), "s_2");
    }

    #[test]
    fn variable_methods_follow_the_typed_sets() {
        assert_eq!(variable_method("CommitId"), "commit_id");
        assert_eq!(variable_method("ETag"), "e_tag");
        assert_eq!(variable_method("ImageURI"), "image_uri");
    }
}
