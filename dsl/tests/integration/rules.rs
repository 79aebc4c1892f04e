//! The rule list: `dsl/RULES.md` is rendered from it, and every rule has a
//! unique kebab-case code, a group and an explanation.

use std::collections::HashSet;

use pipewright_dsl::{Rule, RuleGroup, Severity};

/// The rule table of the crate documentation, rendered from [`Rule::ALL`].
fn rules_markdown() -> String {
    let mut table = String::from(
        "Findings are reported in this order of rule groups, each in stage and action order.\n\n\
         | Group | Code | Severity | What it checks |\n|---|---|---|---|\n",
    );
    for group in RuleGroup::ALL {
        for rule in Rule::ALL.iter().filter(|rule| rule.group() == *group) {
            table.push_str(&format!(
                "| {} | `{}` | {} | {} |\n",
                group.title(),
                rule.code(),
                rule.severity(),
                rule.explanation().replace('|', "\\|")
            ));
        }
    }
    table
}

#[test]
fn the_checked_in_rule_table_is_rendered_from_the_rule_list() {
    let checked_in = include_str!("../../RULES.md");
    let rendered = rules_markdown();
    assert!(
        checked_in == rendered,
        "dsl/RULES.md is out of date with the rule list in dsl/src/findings/rules.rs; replace it with:\n{rendered}"
    );
}

#[test]
fn every_code_is_unique_and_kebab_case() {
    let mut seen = HashSet::new();
    for rule in Rule::ALL {
        let code = rule.code();
        assert!(seen.insert(code), "{code} names two rules");
        assert!(
            !code.is_empty()
                && code.split('-').all(|word| {
                    !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                }),
            "{code} is not kebab-case"
        );
        assert_eq!(Rule::from_code(code), Some(*rule));
    }
}

#[test]
fn every_explanation_is_one_sentence_on_one_line() {
    for rule in Rule::ALL {
        let explanation = rule.explanation();
        assert!(explanation.len() > 20, "{}: explanation too short: {explanation:?}", rule.code());
        assert!(!explanation.contains('\n'), "{}: explanation spans lines", rule.code());
        assert!(explanation.ends_with('.'), "{}: explanation does not end with a period", rule.code());
    }
}

#[test]
fn the_list_is_grouped_in_the_order_findings_are_reported() {
    let groups: Vec<RuleGroup> = Rule::ALL.iter().map(|rule| rule.group()).collect();
    let mut order = groups.clone();
    order.dedup();
    assert_eq!(order, RuleGroup::ALL, "every group has rules, listed together and in report order");
}

#[test]
fn the_severity_of_a_finding_is_its_rules() {
    let warnings: Vec<&str> =
        Rule::ALL.iter().filter(|rule| rule.severity() == Severity::Warning).map(|rule| rule.code()).collect();
    assert_eq!(
        warnings,
        [
            "artifact-condition-differs",
            "configuration-arn",
            "kms-key-arn",
            "variable-key-unknown",
            "condition-rule-provider",
            "provider-unknown",
            "provider-deprecated",
            "plaintext-secret",
            "plaintext-credential",
            "plaintext-secret-name",
            "cross-account-detection",
            "cross-account-permissions",
            "cross-account-kms-key-arn",
            "service-role-permissions",
            "policy-size",
            "role-name-collision",
            "pipeline-region-unset",
        ]
    );
}
