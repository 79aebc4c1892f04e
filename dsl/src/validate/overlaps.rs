//! One mistake, one finding: where a general rule and a more specific one
//! report the same field, the specific one speaks. An empty CloudFormation
//! `RoleArn` is the error `cloudformation-role-arn`, which says what a role
//! ARN looks like, not also `configuration-value-length`, which would offer
//! to leave out a key the action needs.

use super::Violation;

/// For each general rule, the more specific rules that replace it when they
/// report the same field or a field below it.
const MORE_SPECIFIC: [(&str, &[&str]); 3] = [
    // An empty configuration value that a rule of its own checks.
    (
        "configuration-value-length",
        &["cloudformation-role-arn", "configuration-value", "artifact-name-input", "artifact-path-input"],
    ),
    // An action Region that is no Region name needs no artifact store.
    ("action-region-store", &["region-name"]),
    // An empty or malformed provider name is no unknown provider.
    ("provider-unknown", &["provider-name"]),
];

/// Whether a more specific finding of `all` reports the field of `found`
/// (or a field below it).
pub(super) fn said_more_specifically(all: &[Violation], found: &Violation) -> bool {
    MORE_SPECIFIC.iter().any(|(general, specific)| {
        *general == found.rule
            && all.iter().any(|other| specific.contains(&other.rule) && other.location.is_within(&found.location))
    })
}
