//! The builders: [`PipelineBuilder`] (the pipeline's settings, its stages,
//! the EventBridge and notification rules declared with it) and the stage
//! builders that actions are added to. [`Pipeline::build`](crate::Pipeline::build)
//! runs them and turns what they hold into the finished [`crate::Pipeline`].

mod events;
mod finish;
mod notifications;
mod pipeline;
mod stage;

pub use pipeline::PipelineBuilder;
pub use stage::{SourceStageBuilder, StageBuilder};
