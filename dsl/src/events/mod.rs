//! EventBridge rules that start a pipeline or react to its state changes.
//!
//! Rules are declared with the pipeline and live beside its model:
//!
//! ```
//! use pipewright_dsl::prelude::*;
//! use pipewright_dsl::events::{PipelineExecutionState, RuleRole, Schedule};
//!
//! let pipeline = Pipeline::build("my-pipeline", |p| {
//!     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//!     p.start_on_change("my-repo-main", &source);
//!     p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"))
//!         .role_arn("arn:aws:iam::123456789012:role/StartPipelineRole");
//!     p.on_pipeline_state("failures", [PipelineExecutionState::Failed], "arn:aws:sns:us-east-1:123456789012:alerts");
//! });
//! let rules = pipeline.event_rules();
//! assert_eq!(rules.len(), 3);
//! assert_eq!(rules[0].role, RuleRole::Generated);
//! assert_eq!(rules[1].schedule().unwrap().expression(), "cron(0 3 * * ? *)");
//! assert!(!rules[2].starts_pipeline());
//! ```

mod custom;
mod pattern;
mod rule;
mod schedule;
mod states;

pub use custom::CustomPattern;
pub use pattern::{EventDetailType, EventPattern, EventSource, S3ChangeDetection};
pub use rule::{ChangeEvents, EventRule, EventTarget, RuleRole, RuleState, RuleTrigger, SourceChange};
pub use schedule::{RateUnit, Schedule};
pub use states::{ActionExecutionState, ModelApprovalStatus, PipelineExecutionState, StageExecutionState};
