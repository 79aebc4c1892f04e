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
//!
//! # Module order
//!
//! Data flows one way inside the crate: a top-level module uses only the
//! modules of its own layer and of the layers above it.
//!
//! 1. The model and plain helpers: [`model`] (plain serde structs),
//!    `printable`, [`arn`], [`cfn`], `references` (the variable references
//!    in an action's texts), [`iam`] (policy documents and their limits),
//!    [`provision`] (the user's own or generated support resources).
//! 2. What every action is made of: `action_ref` ([`ActionRef`] and the
//!    brand), `artifact` ([`Artifact`], [`ArtifactPath`]), `variables`,
//!    `action_handle` ([`ActionHandle`]), `text` ([`Text`]), `inputs` (what
//!    an action accepts where it reads an artifact) and `action_spec`
//!    ([`ActionSpec`], what every action turns into). None of these knows a
//!    provider, a pipeline or a rule.
//! 3. Provider descriptions: [`providers`], each provider's file holding its
//!    description and, for providers added since, its typed action.
//! 4. Findings: [`Location`], [`Severity`], [`Violation`], [`Violations`].
//!    Every other module imports them through the crate root
//!    (`use crate::{Location, Violation}`), wherever they are defined.
//! 5. The finished [`Pipeline`] and what lives around it: [`events`] and
//!    [`notifications`] (the rule types), `pipeline` (the finished pipeline
//!    and the declarations kept with it), `surroundings` (its identity),
//!    `placement` (the account, Region and artifact stores of each action),
//!    [`cross_account`] (the target accounts' roles), [`support`] (the
//!    generated service role, buckets and keys, and the pipeline account's
//!    half of cross-account grants), [`template`] (the template parameters
//!    and companion resources) and [`stack`] (several pipelines in one
//!    template). Nothing here knows the builders or the rules.
//! 6. Builders: [`actions`] (the typed actions, and the re-export of those
//!    written beside their descriptions) and `builder`
//!    ([`PipelineBuilder`] with [`Pipeline::build`], the stage builders, and
//!    the builder methods that declare events and notification rules).
//! 7. [`validate`]: every rule, and [`Pipeline::validate`] and
//!    [`Pipeline::check`], which run them.
//!
//! The test `dsl/tests/integration/module_order.rs` reads `dsl/src` and
//! fails when a module uses a later layer or modules import each other in a
//! cycle, naming the modules:
//! `cargo test -p pipewright-dsl --test integration module_order::`.

mod action_handle;
mod action_ref;
mod action_spec;
pub mod actions;
pub mod arn;
mod artifact;
mod builder;
pub mod cfn;
pub mod cross_account;
pub mod events;
mod findings;
pub mod iam;
mod inputs;
pub mod model;
pub mod notifications;
mod pipeline;
mod placement;
mod printable;
pub mod providers;
pub mod provision;
mod references;
pub mod stack;
pub mod support;
mod surroundings;
pub mod template;
mod text;
pub mod validate;
mod variables;

pub use action_handle::ActionHandle;
pub use action_ref::{ActionRef, HasActionRef};
pub use action_spec::{ActionSettings, ActionSpec, CrossRegionAction, IntoAction, NonSourceAction, SourceAction};
pub use artifact::{Artifact, ArtifactPath, GetParam};
pub use builder::{PipelineBuilder, SourceStageBuilder, StageBuilder};
pub use findings::{Location, Rule, RuleGroup, Severity, Violation, Violations};
pub use pipeline::{DisabledTransition, Pipeline};
pub use printable::{printable, MAX_PRINTED_CHARS};
pub use references::VariableReference;
pub use surroundings::IdentityError;
pub use text::Text;
pub use variables::{NamedVariables, NoVariables, PipelineVar, Var, VariableSet};

/// Everything a pipeline definition needs, in one import: a convenience
/// import of items whose home is the crate root and its modules.
pub mod prelude {
    #[doc(no_inline)]
    pub use crate::actions::*;
    #[doc(no_inline)]
    pub use crate::cfn;
    #[doc(no_inline)]
    pub use crate::events::{ActionExecutionState, PipelineExecutionState, RateUnit, Schedule, StageExecutionState};
    #[doc(no_inline)]
    pub use crate::iam::PolicyStatement;
    #[doc(no_inline)]
    pub use crate::model::{
        ActionOwner, ArtifactStore, ExecutionMode, FilterCriteria, FilterCriteriaBuilder, GitPullRequestFilter,
        GitPullRequestFilterBuilder, GitPushFilter, GitPushFilterBuilder, PipelineType, PullRequestEvent, Str,
    };
    #[doc(no_inline)]
    pub use crate::notifications::{
        DetailType, NotificationRule, NotificationStatus, NotificationTarget, PipelineEvent,
    };
    #[doc(no_inline)]
    pub use crate::provision::{ArtifactBuckets, DeploymentRolePermissions, ServiceRole, TargetAccountRoles};
    #[doc(no_inline)]
    pub use crate::{
        ActionHandle, ActionRef, ActionSettings, Artifact, ArtifactPath, HasActionRef, Pipeline, PipelineBuilder, Text,
        Var,
    };
}
