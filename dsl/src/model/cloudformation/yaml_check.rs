//! Checks made on a YAML template's events before serde_yaml reads it: the
//! nesting depth and the tags.
//!
//! serde_yaml (libyaml) collects a document's events before it applies its
//! own depth limit, and libyaml takes time quadratic in the depth of nested
//! flow collections (100,000 nested `{"a":` take a minute). This pass reads
//! the events one at a time (yaml-rust2, in pure Rust) and stops at the first
//! level too deep, so a deep file fails in time linear in its size.
//!
//! serde_yaml also drops YAML's own tags (`!!binary`, `!!python/object:..`)
//! without a word; CloudFormation does not accept them, so this pass refuses
//! every tag other than the short forms (checked by name later, with their
//! path) and the core schema's `!!str`, `!!int`, `!!float`, `!!bool`,
//! `!!null`, `!!seq` and `!!map`.

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::Marker;

use crate::model::{ReadError, MAX_NESTING_DEPTH};
use crate::printable;

/// The handle YAML gives the `!!` tags once resolved.
const CORE_HANDLE: &str = "tag:yaml.org,2002:";

/// The core schema's tags, which CloudFormation reads as plain YAML.
const CORE_TAGS: [&str; 7] = ["str", "int", "float", "bool", "null", "seq", "map"];

/// The message yaml-rust2 gives when its own depth limit is reached.
const YAML_RUST_RECURSION_LIMIT: &str = "recursion limit exceeded";

/// Reads the events of `text` and fails at the first collection nested
/// deeper than [`MAX_NESTING_DEPTH`], the first tag CloudFormation does not
/// define, or the first syntax error.
pub(crate) fn check_events(text: &str) -> Result<(), ReadError> {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    loop {
        let (event, marker) = parser.next_token().map_err(|error| {
            let message = match error.info() {
                YAML_RUST_RECURSION_LIMIT => nested_too_deep(),
                info => info.to_owned(),
            };
            at(error.marker(), message)
        })?;
        match event {
            Event::StreamEnd => return Ok(()),
            Event::MappingStart(_, tag) | Event::SequenceStart(_, tag) => {
                depth += 1;
                if depth > MAX_NESTING_DEPTH {
                    return Err(at(&marker, nested_too_deep()));
                }
                check_tag(tag.as_ref(), &marker)?;
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::Scalar(_, _, _, tag) => check_tag(tag.as_ref(), &marker)?,
            _ => {}
        }
    }
}

/// The message for a document nested too deeply, the same for JSON and YAML.
pub(crate) fn nested_too_deep() -> String {
    format!("the document is nested deeper than {MAX_NESTING_DEPTH} levels (mappings and lists inside each other)")
}

/// Short forms (`!Ref`, ...) pass: their names are checked with their path
/// when the document is converted. Core tags pass; every other tag fails.
fn check_tag(tag: Option<&Tag>, marker: &Marker) -> Result<(), ReadError> {
    let Some(Tag { handle, suffix }) = tag else { return Ok(()) };
    let core_name = match handle.as_str() {
        CORE_HANDLE => Some(suffix.as_str()),
        // A verbatim tag, `!<tag:yaml.org,2002:str>`.
        "" => suffix.strip_prefix(CORE_HANDLE),
        _ => None,
    };
    if handle == "!" || core_name.is_some_and(|name| CORE_TAGS.contains(&name)) {
        return Ok(());
    }
    let written = match handle.as_str() {
        CORE_HANDLE => format!("!!{suffix}"),
        "" => format!("!<{suffix}>"),
        handle => format!("{handle}{suffix}"),
    };
    Err(at(
        marker,
        format!(
            "the tag `{}` is not one CloudFormation reads; a template may use the short forms of intrinsic \
             functions (`!Ref`, `!Sub`, `!GetAtt`, ...) and the core tags `!!{}`",
            printable(&written),
            CORE_TAGS.join("`, `!!")
        ),
    ))
}

fn at(marker: &Marker, message: String) -> ReadError {
    ReadError::Syntax { line: marker.line(), column: marker.col() + 1, message }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn tags_yaml_defines_but_cloudformation_does_not_are_errors_with_their_line() {
        for (text, tag) in [
            ("a: x\nb: !!binary aGVsbG8=\n", "!!binary"),
            ("a: x\nb: !!python/object:os.system {x: 1}\n", "!!python/object:os.system"),
            (
                "a: x\nb: !<tag:yaml.org,2002:python/object:os.system> ls\n",
                "!<tag:yaml.org,2002:python/object:os.system>",
            ),
            ("a: x\nb: !<tag:example.com,2000:x> ls\n", "!<tag:example.com,2000:x>"),
            ("a: x\nb: !!set {x}\n", "!!set"),
            ("a: x\nb: !!timestamp 2001-12-14\n", "!!timestamp"),
        ] {
            let error = check_events(text).unwrap_err();
            let ReadError::Syntax { line, message, .. } = &error else { panic!("{error:?}") };
            assert_eq!(*line, 2, "{text}");
            assert!(message.starts_with(&format!("the tag `{tag}` is not one CloudFormation reads")), "{message}");
        }
    }

    #[test]
    fn short_forms_and_core_tags_pass() {
        check_events("a: !Ref B\nb: !!str 1\nc: !GetAtt [R, Arn]\nd: !Sub\n  - x\ne: !!map {x: 1}\nf: !<tag:yaml.org,2002:int> 3\n").unwrap();
    }

    #[test]
    fn nesting_deeper_than_the_limit_fails_at_once() {
        let started = Instant::now();
        let error = check_events(&"{\"a\":".repeat(1_000_000)).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
        // yaml-rust2 reads ahead inside a flow mapping, so its own limit may
        // speak first; the message is the same.
        assert!(error.to_string().ends_with(&format!(": {}", nested_too_deep())), "{error}");
        let error = check_events(&"[".repeat(1_000_000)).unwrap_err();
        assert!(error.to_string().contains("nested deeper than 128 levels"), "{error}");
        let block: String = (0..200).map(|level| format!("{}a:\n", " ".repeat(level))).collect();
        let error = check_events(&block).unwrap_err();
        assert!(error.to_string().starts_with("line 129, column 13"), "{error}");
    }

    #[test]
    fn nesting_up_to_the_limit_passes() {
        let text = format!("{}{}", "[".repeat(MAX_NESTING_DEPTH), "]".repeat(MAX_NESTING_DEPTH));
        check_events(&text).unwrap();
    }
}
