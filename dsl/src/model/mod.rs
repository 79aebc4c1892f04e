//! Plain serde structs that mirror the CodePipeline API JSON (camelCase)
//! exactly. No logic beyond (de)serialization; this layer is also the escape
//! hatch for anything the typed builders do not know.
//!
//! ```
//! use pipewright_dsl::model::PipelineDocument;
//!
//! let json = r#"{"pipeline": {"name": "p", "roleArn": "arn:aws:iam::123456789012:role/R",
//!   "artifactStore": {"type": "S3", "location": "bucket"},
//!   "stages": [{"name": "Source", "actions": []}, {"name": "Build", "actions": []}]}}"#;
//! let document = PipelineDocument::from_json(json).unwrap();
//! assert_eq!(document.pipeline.stages.len(), 2);
//! ```

mod action;
mod artifact_store;
mod builder;
pub mod cloudformation;
pub(crate) mod conditional;
mod json;
mod pipeline;
mod read;
mod stage;
mod trigger;
mod value;

pub use action::{
    ActionCategory, ActionDeclaration, ActionDeclarationBuilder, ActionOwner, ActionTypeId, ActionTypeIdBuilder,
    EnvironmentVariable, EnvironmentVariableBuilder, EnvironmentVariableType, InputArtifact, InputArtifactBuilder,
    OutputArtifact, OutputArtifactBuilder,
};
pub use artifact_store::{
    ArtifactStore, ArtifactStoreBuilder, ArtifactStoreType, ArtifactStores, EncryptionKey, EncryptionKeyBuilder,
    EncryptionKeyType, RegionalArtifactStore, RegionalArtifactStoreBuilder,
};
pub use builder::MissingField;
pub use pipeline::{
    ExecutionMode, PipelineDeclaration, PipelineDeclarationBuilder, PipelineDocument, PipelineDocumentBuilder,
    PipelineType, PipelineVariable, PipelineVariableBuilder, Tag, TagBuilder,
};
pub use read::{ReadError, MAX_NESTING_DEPTH};
pub use stage::{
    BeforeEntryConditions, BeforeEntryConditionsBuilder, BlockerDeclaration, BlockerDeclarationBuilder, Condition,
    ConditionBuilder, ConditionResult, FailureConditions, FailureConditionsBuilder, RetryConfiguration,
    RetryConfigurationBuilder, RetryMode, RuleDeclaration, RuleDeclarationBuilder, RuleTypeId, RuleTypeIdBuilder,
    StageDeclaration, StageDeclarationBuilder, SuccessConditions, SuccessConditionsBuilder,
};
pub use trigger::{
    FilterCriteria, FilterCriteriaBuilder, GitConfiguration, GitConfigurationBuilder, GitPullRequestFilter,
    GitPullRequestFilterBuilder, GitPushFilter, GitPushFilterBuilder, PullRequestEvent, TriggerDeclaration,
    TriggerDeclarationBuilder, TriggerProviderType,
};
pub use value::{is_intrinsic_name, Expr, Str};
