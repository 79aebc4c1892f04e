//! One mistake, one finding: where a general rule and a more specific one
//! report the same field, the specific one speaks. An empty CloudFormation
//! `RoleArn` is the error `cloudformation-role-arn`, which says what a role
//! ARN looks like, not also `configuration-value-length`, which would offer
//! to leave out a key the action needs.

use crate::{Rule, Violation};

/// For each general rule, the more specific rules that replace it when they
/// report the same field or a field below it.
const MORE_SPECIFIC: [(Rule, &[Rule]); 3] = [
    // An empty configuration value that a rule of its own checks.
    (
        Rule::ConfigurationValueLength,
        &[Rule::CloudFormationRoleArn, Rule::ConfigurationValue, Rule::ArtifactNameInput, Rule::ArtifactPathInput],
    ),
    // An action Region that is no Region name needs no artifact store.
    (Rule::ActionRegionStore, &[Rule::RegionName]),
    // An empty or malformed provider name is no unknown provider.
    (Rule::ProviderUnknown, &[Rule::ProviderName]),
];

/// Whether a more specific finding of `all` reports the field of `found`
/// (or a field below it).
pub(super) fn said_more_specifically(all: &[Violation], found: &Violation) -> bool {
    MORE_SPECIFIC.iter().any(|(general, specific)| {
        *general == found.rule
            && all.iter().any(|other| specific.contains(&other.rule) && other.location.is_within(&found.location))
    })
}
