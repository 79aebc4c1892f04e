//! The CodePipeline model and the typed, branded pipeline builders of
//! pipewright.
//!
//! A pipeline is written as Rust code. Every artifact, file path, variable and
//! action handle is branded with the pipeline it belongs to, so the compiler
//! rejects a pipeline whose artifacts are mis-wired; what only the running
//! program can know is checked by [`Pipeline::validate`].
//!
//! ```
//! use pipewright_dsl::prelude::*;
//!
//! let pipeline = Pipeline::build("my-pipeline", |p| {
//!     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
//!     let source = p.source_stage("Source", |s| {
//!         s.add(CodeCommitSource::new("Checkout", "my-repo", "main"))
//!     });
//!     p.stage("Build", |s| {
//!         s.add(CodeBuild::new("Build", "my-build-project", source.artifact()));
//!     });
//! });
//! assert!(pipeline.validate().is_ok());
//! assert_eq!(pipeline.declaration().stages[1].actions[0].input_artifacts.as_ref().unwrap()[0].name, "CheckoutOutput");
//! ```

pub mod actions;
pub mod arn;
pub mod cfn;
pub mod cross_account;
pub mod events;
mod handle;
pub mod model;
pub mod notifications;
mod pipeline;
mod placement;
mod printable;
pub mod providers;
mod references;
mod spec;
mod stage;
mod surroundings;
mod text;
pub mod validate;
mod variables;

pub use handle::{ActionHandle, ActionRef, Artifact, ArtifactPath, HasActionRef};
pub use pipeline::{DisabledTransition, Pipeline, PipelineBuilder};
pub use printable::{printable, MAX_PRINTED_CHARS};
pub use references::VariableReference;
pub use spec::{ActionSettings, ActionSpec, CrossRegionAction, IntoAction, NonSourceAction, SourceAction};
pub use stage::{SourceStageBuilder, StageBuilder};
pub use surroundings::IdentityError;
pub use text::Text;
pub use validate::{Location, Severity, Violation, Violations};
pub use variables::{NamedVariables, NoVariables, PipelineVar, Var, VariableSet};

/// Everything a pipeline definition needs, in one import.
pub mod prelude {
    pub use crate::actions::*;
    pub use crate::cfn;
    pub use crate::events::{ActionExecutionState, PipelineExecutionState, RateUnit, Schedule, StageExecutionState};
    pub use crate::model::{
        ActionOwner, ArtifactStore, ExecutionMode, FilterCriteria, FilterCriteriaBuilder, GitPullRequestFilter,
        GitPullRequestFilterBuilder, GitPushFilter, GitPushFilterBuilder, PipelineType, PullRequestEvent, Str,
    };
    pub use crate::notifications::{
        DetailType, NotificationRule, NotificationStatus, NotificationTarget, PipelineEvent,
    };
    pub use crate::{
        ActionHandle, ActionRef, ActionSettings, Artifact, ArtifactPath, HasActionRef, Pipeline, PipelineBuilder, Text,
        Var,
    };
}
