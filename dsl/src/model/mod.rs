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
pub mod cloudformation;
mod json;
mod pipeline;
mod read;
mod stage;
mod trigger;
mod value;

pub use action::{
    ActionCategory, ActionDeclaration, ActionOwner, ActionTypeId, EnvironmentVariable, EnvironmentVariableType,
    InputArtifact, OutputArtifact,
};
pub use artifact_store::{
    ArtifactStore, ArtifactStoreType, ArtifactStores, EncryptionKey, EncryptionKeyType, RegionalArtifactStore,
};
pub use pipeline::{ExecutionMode, PipelineDeclaration, PipelineDocument, PipelineType, PipelineVariable, Tag};
pub use read::{ReadError, MAX_NESTING_DEPTH};
pub use stage::{
    BeforeEntryConditions, BlockerDeclaration, Condition, ConditionResult, FailureConditions, RetryConfiguration,
    RetryMode, RuleDeclaration, RuleTypeId, StageDeclaration, SuccessConditions,
};
pub use trigger::{
    FilterCriteria, GitConfiguration, GitPullRequestFilter, GitPushFilter, PullRequestEvent, TriggerDeclaration,
    TriggerProviderType,
};
pub use value::{is_intrinsic_name, Expr, Str};
