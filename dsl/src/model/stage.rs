//! One stage of a pipeline (`StageDeclaration`) and its conditions.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::value::lenient_u32;
use super::{ActionDeclaration, InputArtifact, Str};

/// A stage as the CodePipeline API declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StageDeclaration {
    /// Unique within the pipeline (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// Reserved by AWS for future use; kept so existing JSON reads back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Vec<BlockerDeclaration>>,
    /// The stage's actions (1..50).
    pub actions: Vec<ActionDeclaration>,
    /// What happens when the stage fails (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<FailureConditions>,
    /// Conditions checked when the stage succeeds (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_success: Option<SuccessConditions>,
    /// Conditions checked before the stage is entered (V2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_entry: Option<BeforeEntryConditions>,
}

/// A reserved stage blocker (`{name, type: Schedule}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlockerDeclaration {
    /// Name (1..100).
    pub name: Str,
    /// Always `Schedule`.
    #[serde(rename = "type")]
    pub blocker_type: Str,
}

/// `onFailure`: rollback, retry, or conditions checked on failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FailureConditions {
    /// What to do: `ROLLBACK` or `RETRY` (CloudFormation allows only these two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ConditionResult>,
    /// Which actions a retry reruns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_configuration: Option<RetryConfiguration>,
    /// Exactly one condition, when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
}

/// `onSuccess`: conditions checked when the stage succeeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SuccessConditions {
    /// Exactly one condition.
    pub conditions: Vec<Condition>,
}

/// `beforeEntry`: conditions checked before the stage runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BeforeEntryConditions {
    /// Exactly one condition.
    pub conditions: Vec<Condition>,
}

/// The result a condition or failure setting engages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RetryConfiguration {
    /// Which actions to rerun.
    pub retry_mode: RetryMode,
}

/// Which actions a stage retry reruns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RetryMode {
    /// Only the failed actions.
    FailedActions,
    /// Every action of the stage.
    AllActions,
}

/// A condition: rules and the result they engage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// What happens when the rules fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ConditionResult>,
    /// 1..5 rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<RuleDeclaration>>,
}

/// A rule of a condition (`CloudWatchAlarm`, `DeploymentWindow`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleDeclaration {
    /// Name (`[A-Za-z0-9.@\-_]+`, 1..100).
    pub name: Str,
    /// Category (always `Rule`), owner, provider and version.
    pub rule_type_id: RuleTypeId,
    /// Provider-specific settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<IndexMap<String, Str>>,
    /// Commands (Commands rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commands: Option<Vec<Str>>,
    /// Artifacts the rule reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_artifacts: Option<Vec<InputArtifact>>,
    /// Role the rule runs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<Str>,
    /// Region of the rule's resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Str>,
    /// Timeout in minutes (API only; absent from the CloudFormation schema).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32::deserialize::<_, 5, 86400>"
    )]
    pub timeout_in_minutes: Option<u32>,
}

/// Identifies the kind of a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleTypeId {
    /// Always `Rule`.
    pub category: Str,
    /// `AWS` when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Str>,
    /// `CloudWatchAlarm`, `CodeBuild`, `Commands`, `DeploymentWindow`, `LambdaInvoke`, `VariableCheck`.
    pub provider: Str,
    /// `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Str>,
}
