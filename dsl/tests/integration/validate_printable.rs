//! Messages are safe to print: names from input reach the terminal escaped
//! and shortened, and repeated names are told apart by their position.

use crate::validate_support::*;
use serde_json::json;

/// The findings of the valid pipeline with its pipeline, Build stage and
/// Compile action renamed to `name`, and every rendered finding.
fn findings_named(name: &str) -> Vec<String> {
    findings_after(|doc| {
        set(doc, "/pipeline/name", json!(name));
        set(doc, "/pipeline/stages/1/name", json!(name));
        set(doc, "/pipeline/stages/1/actions/0/name", json!(name));
    })
}

#[test]
fn an_ansi_escape_in_names_is_printed_escaped() {
    let found = findings_named("\u{1b}[31mred");
    assert!(!found.is_empty());
    assert!(found.iter().all(|finding| !finding.contains('\u{1b}')), "{found:?}");
    assert_eq!(
        found[0],
        r#"error[pipeline-name]: pipeline "\u{1b}[31mred": the pipeline name "\u{1b}[31mred" contains "\u{1b}" and "["; use 1 to 100 characters from [A-Za-z0-9.@\-_]"#
    );
}

#[test]
fn a_line_break_in_a_name_cannot_forge_a_line() {
    let found = findings_named("x\r\npipeline \"x\": 0 errors");
    assert!(!found.is_empty());
    for finding in &found {
        assert!(!finding.contains('\n') && !finding.contains('\r'), "{finding}");
    }
    assert!(found[0].starts_with(r#"error[pipeline-name]: pipeline "x\r\npipeline "x": 0 errors": "#), "{}", found[0]);
}

#[test]
fn a_nul_in_a_name_is_printed_escaped() {
    let found = findings_named("a\0b");
    assert!(found.iter().all(|finding| !finding.contains('\0')));
    assert!(found.iter().any(|finding| finding.contains(r#"stage "a\0b" > action "a\0b""#)), "{found:?}");
}

#[test]
fn a_ten_megabyte_name_prints_a_few_kilobytes() {
    let name = "n".repeat(10_000_000);
    let found = findings_named(&name);
    assert!(!found.is_empty());
    for finding in &found {
        // Three names in the location and at most one shortened message.
        assert!(finding.len() < 4 * 2_100, "a finding of {} bytes", finding.len());
        assert!(finding.contains("9998000 characters left out"));
    }
}

#[test]
fn a_stage_name_that_repeats_is_located_by_position_everywhere() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/2/name", json!("Build"));
        set(doc, "/pipeline/stages/2/actions/0/runOrder", json!(0));
    });
    assert_eq!(
        found,
        [
            r#"error[stage-name-unique]: pipeline "app" > stage #3 "Build": stages 2 and 3 are both named "Build"; stage names must be unique within the pipeline"#,
            r#"error[run-order-range]: pipeline "app" > stage #3 "Build" > action "Release" > runOrder: runOrder 0 is out of range; use 1 to 999 (actions with the same runOrder run in parallel, higher ones later)"#,
        ]
    );
}

#[test]
fn a_unique_name_keeps_its_location_without_position() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/runOrder", json!(0)));
    assert_eq!(
        found,
        [
            r#"error[run-order-range]: pipeline "app" > stage "Deploy" > action "Release" > runOrder: runOrder 0 is out of range; use 1 to 999 (actions with the same runOrder run in parallel, higher ones later)"#
        ]
    );
}
