//! How the validation rules look up a provider: its description
//! ([`crate::providers`]), the categories AWS offers a provider name in, and
//! the artifact counts of providers pipewright has no description of.

use crate::model::{ActionCategory, ActionOwner};
use crate::providers::{self, ConfigKey, ProviderDescription};

pub(super) use crate::providers::find;

/// Artifact counts of a custom or partner action whose registration is not
/// known: each of inputs and outputs is 0..5.
pub(super) const CUSTOM_ARTIFACTS: (usize, usize) = (0, 5);

/// The fewest and most input and output artifacts of `provider`.
pub(super) fn artifact_counts(provider: &ProviderDescription) -> ((usize, usize), (usize, usize)) {
    ((provider.inputs.min, provider.inputs.max), (provider.outputs.min, provider.outputs.max))
}

/// The categories AWS offers a provider in, when it is a known AWS provider
/// (`None` when no AWS provider has that name).
pub(super) fn aws_categories(name: &str) -> Option<Vec<ActionCategory>> {
    let categories: Vec<ActionCategory> = providers::ALL
        .iter()
        .filter(|provider| provider.owner == ActionOwner::Aws && provider.name == name)
        .flat_map(|provider| provider.categories.iter().copied())
        .collect();
    (!categories.is_empty()).then_some(categories)
}

/// The configuration keys of the provider `name` of `owner`, in every
/// category it is offered in (`None` name: no keys).
pub(super) fn configuration_keys(
    owner: ActionOwner,
    name: Option<&str>,
) -> impl Iterator<Item = &'static ConfigKey> + '_ {
    providers::ALL
        .iter()
        .filter(move |provider| provider.owner == owner && name == Some(provider.name))
        .flat_map(|provider| provider.configuration)
}
