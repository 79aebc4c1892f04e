//! V2 triggers: which pushes and pull requests start the pipeline.

use serde::{Deserialize, Serialize};

use super::Str;

/// A trigger on a CodeStarSourceConnection source action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TriggerDeclaration {
    /// Always `CodeStarSourceConnection`.
    pub provider_type: TriggerProviderType,
    /// Which source action, and which events start it.
    pub git_configuration: GitConfiguration,
}

/// The provider of a trigger; AWS knows one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TriggerProviderType {
    /// A connection-based Git source.
    CodeStarSourceConnection,
}

/// The Git events of a trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GitConfiguration {
    /// Name of the source action the trigger starts.
    pub source_action_name: Str,
    /// 1..3 push filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<Vec<GitPushFilter>>,
    /// 1..3 pull-request filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_request: Option<Vec<GitPullRequestFilter>>,
}

/// Which pushes start the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GitPushFilter {
    /// Tag patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<FilterCriteria>,
    /// Branch patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branches: Option<FilterCriteria>,
    /// File path patterns (with branches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_paths: Option<FilterCriteria>,
}

/// Which pull requests start the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GitPullRequestFilter {
    /// 1..3 pull-request events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<PullRequestEvent>>,
    /// Destination branch patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branches: Option<FilterCriteria>,
    /// File path patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_paths: Option<FilterCriteria>,
}

/// Glob patterns to include and exclude (1..8 each, 1..255 characters).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FilterCriteria {
    /// Patterns that match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<Vec<Str>>,
    /// Patterns that never match (exclude wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excludes: Option<Vec<Str>>,
}

/// A pull-request event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PullRequestEvent {
    /// A pull request was opened.
    Open,
    /// A pull request was updated.
    Updated,
    /// A pull request was closed (merged).
    Closed,
}
