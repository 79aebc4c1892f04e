//! One stage of a pipeline (`StageDeclaration`) and its conditions.

use derive_builder::{Builder, UninitializedFieldError};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::builder::build_naming_the_struct;
use super::value::lenient_u32;
use super::{ActionDeclaration, InputArtifact, Str};

/// A stage as the CodePipeline API declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::StageDeclarationBuilder;

let stage = StageDeclarationBuilder::default().name("Build").actions(vec![]).build()?;
assert_eq!(stage.on_failure, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct StageDeclaration {
    /// Unique within the pipeline (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// Reserved by AWS for future use; kept so existing JSON reads back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub blockers: Option<Vec<BlockerDeclaration>>,
    /// The stage's actions (1..50); conditional ones are written inside
    /// their `Fn::If`.
    #[serde(with = "super::conditional::items")]
    pub actions: Vec<ActionDeclaration>,
    /// What happens when the stage fails (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub on_failure: Option<FailureConditions>,
    /// Conditions checked when the stage succeeds (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub on_success: Option<SuccessConditions>,
    /// Conditions checked before the stage is entered (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub before_entry: Option<BeforeEntryConditions>,
    /// The CloudFormation condition the stage exists under (template form
    /// only): the stage is written as `{"Fn::If": [condition, stage,
    /// {"Ref": "AWS::NoValue"}]}`.
    #[serde(skip)]
    #[builder(default)]
    pub condition: Option<String>,
}

/// A reserved stage blocker (`{name, type: Schedule}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::BlockerDeclarationBuilder;

let blocker = BlockerDeclarationBuilder::default().name("Nightly").build()?;
assert_eq!(blocker.blocker_type, "Schedule");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct BlockerDeclaration {
    /// Name (1..100).
    pub name: Str,
    /// Always `Schedule`.
    #[serde(rename = "type")]
    #[builder(default = "\"Schedule\".into()")]
    pub blocker_type: Str,
}

/// `onFailure`: rollback, retry, or conditions checked on failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ConditionResult, FailureConditionsBuilder, RetryConfigurationBuilder, RetryMode};

let on_failure = FailureConditionsBuilder::default()
    .result(ConditionResult::Retry)
    .retry_configuration(RetryConfigurationBuilder::default().retry_mode(RetryMode::FailedActions).build()?)
    .build()?;
assert_eq!(on_failure.conditions, None);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct FailureConditions {
    /// What to do: `ROLLBACK` or `RETRY` (CloudFormation allows only these two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub result: Option<ConditionResult>,
    /// Which actions a retry reruns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub retry_configuration: Option<RetryConfiguration>,
    /// Exactly one condition, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub conditions: Option<Vec<Condition>>,
}

/// `onSuccess`: conditions checked when the stage succeeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ConditionBuilder, ConditionResult, SuccessConditionsBuilder};

// The rules of the condition: see `ConditionBuilder`.
let rollback = ConditionBuilder::default().result(ConditionResult::Rollback).build()?;
let on_success = SuccessConditionsBuilder::default().conditions(vec![rollback]).build()?;
assert_eq!(on_success.conditions.len(), 1);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct SuccessConditions {
    /// Exactly one condition.
    pub conditions: Vec<Condition>,
}

/// `beforeEntry`: conditions checked before the stage runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{BeforeEntryConditionsBuilder, ConditionBuilder, ConditionResult};

let before_entry = BeforeEntryConditionsBuilder::default()
    .conditions(vec![ConditionBuilder::default().result(ConditionResult::Fail).build()?])
    .build()?;
assert_eq!(before_entry.conditions[0].result, Some(ConditionResult::Fail));

let error = BeforeEntryConditionsBuilder::default().build().unwrap_err();
assert_eq!(error.to_string(), "BeforeEntryConditions: the required field `conditions` is not set; \
    call `.conditions(...)` on BeforeEntryConditionsBuilder before `.build()`");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct BeforeEntryConditions {
    /// Exactly one condition.
    pub conditions: Vec<Condition>,
}

/// The result a condition or failure setting engages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ConditionResult {
    /// Roll the stage back to the last successful execution.
    Rollback,
    /// Fail the stage.
    Fail,
    /// Retry the stage.
    Retry,
    /// Skip the stage.
    Skip,
}

/// `retryConfiguration` of `onFailure`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{RetryConfigurationBuilder, RetryMode};

let retry = RetryConfigurationBuilder::default().retry_mode(RetryMode::AllActions).build()?;
assert_eq!(retry.retry_mode, RetryMode::AllActions);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct RetryConfiguration {
    /// Which actions to rerun.
    pub retry_mode: RetryMode,
}

/// Which actions a stage retry reruns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum RetryMode {
    /// Only the failed actions.
    FailedActions,
    /// Every action of the stage.
    AllActions,
}

/// A condition: rules and the result they engage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ConditionBuilder, ConditionResult, RuleDeclarationBuilder, RuleTypeIdBuilder};

let alarm = RuleDeclarationBuilder::default()
    .name("NoAlarm")
    .rule_type_id(RuleTypeIdBuilder::default().provider("CloudWatchAlarm").build()?)
    .build()?;
let condition = ConditionBuilder::default().result(ConditionResult::Rollback).rules(vec![alarm]).build()?;
assert_eq!(condition.rules.unwrap()[0].name, "NoAlarm");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct Condition {
    /// What happens when the rules fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub result: Option<ConditionResult>,
    /// 1..5 rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub rules: Option<Vec<RuleDeclaration>>,
}

/// A rule of a condition (`CloudWatchAlarm`, `DeploymentWindow`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use indexmap::IndexMap;
use pipewright_dsl::model::{RuleDeclarationBuilder, RuleTypeIdBuilder, Str};

let configuration = IndexMap::from([("AlarmName".to_owned(), Str::from("HighErrorRate"))]);
let rule = RuleDeclarationBuilder::default()
    .name("NoAlarm")
    .rule_type_id(RuleTypeIdBuilder::default().provider("CloudWatchAlarm").version("1").build()?)
    .configuration(configuration)
    .build()?;
assert_eq!(rule.configuration.unwrap()["AlarmName"], "HighErrorRate");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct RuleDeclaration {
    /// Name (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// Category (always `Rule`), owner, provider and version.
    pub rule_type_id: RuleTypeId,
    /// Provider-specific settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub configuration: Option<IndexMap<String, Str>>,
    /// Commands (Commands rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub commands: Option<Vec<Str>>,
    /// Artifacts the rule reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub input_artifacts: Option<Vec<InputArtifact>>,
    /// Role the rule runs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub role_arn: Option<Str>,
    /// Region of the rule's resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub region: Option<Str>,
    /// Timeout in minutes (API only; absent from the CloudFormation schema).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32::deserialize::<_, 5, 86400>"
    )]
    #[builder(default)]
    pub timeout_in_minutes: Option<u32>,
}

/// Identifies the kind of a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::RuleTypeIdBuilder;

let type_id = RuleTypeIdBuilder::default().owner("AWS").provider("VariableCheck").version("1").build()?;
assert_eq!(type_id.category, "Rule");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct RuleTypeId {
    /// Always `Rule`.
    #[builder(default = "\"Rule\".into()")]
    pub category: Str,
    /// `AWS` when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub owner: Option<Str>,
    /// `CloudWatchAlarm`, `CodeBuild`, `Commands`, `DeploymentWindow`, `LambdaInvoke`, `VariableCheck`.
    pub provider: Str,
    /// `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub version: Option<Str>,
}

build_naming_the_struct!(
    StageDeclaration => StageDeclarationBuilder,
    BlockerDeclaration => BlockerDeclarationBuilder,
    FailureConditions => FailureConditionsBuilder,
    SuccessConditions => SuccessConditionsBuilder,
    BeforeEntryConditions => BeforeEntryConditionsBuilder,
    RetryConfiguration => RetryConfigurationBuilder,
    Condition => ConditionBuilder,
    RuleDeclaration => RuleDeclarationBuilder,
    RuleTypeId => RuleTypeIdBuilder,
);
