//! V2 triggers: which pushes and pull requests start the pipeline.

use derive_builder::{Builder, UninitializedFieldError};
use serde::{Deserialize, Serialize};

use super::builder::build_naming_the_struct;
use super::Str;

/// A trigger on a CodeStarSourceConnection source action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{GitConfigurationBuilder, TriggerDeclarationBuilder, TriggerProviderType};

let trigger = TriggerDeclarationBuilder::default()
    .git_configuration(GitConfigurationBuilder::default().source_action_name("Checkout").build()?)
    .build()?;
assert_eq!(trigger.provider_type, TriggerProviderType::CodeStarSourceConnection);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct TriggerDeclaration {
    /// Always `CodeStarSourceConnection`.
    #[builder(default = "TriggerProviderType::CodeStarSourceConnection")]
    pub provider_type: TriggerProviderType,
    /// Which source action, and which events start it.
    pub git_configuration: GitConfiguration,
    /// The CloudFormation condition the trigger is declared under (template
    /// form only), written as `Fn::If` around it.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// The provider of a trigger; AWS knows one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum TriggerProviderType {
    /// A connection-based Git source.
    CodeStarSourceConnection,
}

/// The Git events of a trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{FilterCriteriaBuilder, GitConfigurationBuilder, GitPushFilterBuilder, Str};

let main = FilterCriteriaBuilder::default().includes(vec![Str::from("main")]).build()?;
let configuration = GitConfigurationBuilder::default()
    .source_action_name("Checkout")
    .push(vec![GitPushFilterBuilder::default().branches(main).build()?])
    .build()?;
assert_eq!(configuration.pull_request, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct GitConfiguration {
    /// Name of the source action the trigger starts.
    pub source_action_name: Str,
    /// 1..3 push filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub push: Option<Vec<GitPushFilter>>,
    /// 1..3 pull-request filters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub pull_request: Option<Vec<GitPullRequestFilter>>,
}

/// Which pushes start the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{FilterCriteriaBuilder, GitPushFilterBuilder, Str};

let push = GitPushFilterBuilder::default()
    .tags(FilterCriteriaBuilder::default().includes(vec![Str::from("v*")]).build()?)
    .build()?;
assert_eq!(push.branches, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct GitPushFilter {
    /// Tag patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub tags: Option<FilterCriteria>,
    /// Branch patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub branches: Option<FilterCriteria>,
    /// File path patterns (with branches).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub file_paths: Option<FilterCriteria>,
}

/// Which pull requests start the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{FilterCriteriaBuilder, GitPullRequestFilterBuilder, PullRequestEvent, Str};

let pull_request = GitPullRequestFilterBuilder::default()
    .events(vec![PullRequestEvent::Open, PullRequestEvent::Updated])
    .branches(FilterCriteriaBuilder::default().includes(vec![Str::from("main")]).build()?)
    .build()?;
assert_eq!(pull_request.events.unwrap().len(), 2);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct GitPullRequestFilter {
    /// 1..3 pull-request events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub events: Option<Vec<PullRequestEvent>>,
    /// Destination branch patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub branches: Option<FilterCriteria>,
    /// File path patterns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub file_paths: Option<FilterCriteria>,
}

/// Glob patterns to include and exclude (1..8 each, 1..255 characters).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{FilterCriteriaBuilder, Str};

let criteria = FilterCriteriaBuilder::default()
    .includes(vec![Str::from("src/**")])
    .excludes(vec![Str::from("src/docs/**")])
    .build()?;
assert_eq!(criteria.excludes.unwrap()[0], "src/docs/**");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct FilterCriteria {
    /// Patterns that match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub includes: Option<Vec<Str>>,
    /// Patterns that never match (exclude wins).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub excludes: Option<Vec<Str>>,
}

/// A pull-request event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum PullRequestEvent {
    /// A pull request was opened.
    Open,
    /// A pull request was updated.
    Updated,
    /// A pull request was closed (merged).
    Closed,
}

build_naming_the_struct!(
    TriggerDeclaration => TriggerDeclarationBuilder,
    GitConfiguration => GitConfigurationBuilder,
    GitPushFilter => GitPushFilterBuilder,
    GitPullRequestFilter => GitPullRequestFilterBuilder,
    FilterCriteria => FilterCriteriaBuilder,
);
