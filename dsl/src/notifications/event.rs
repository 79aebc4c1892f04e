//! The pipeline events a notification rule can report.

/// Declares the events with their event type ids.
macro_rules! pipeline_events {
    ($($(#[$doc:meta])* $variant:ident => $id:literal),* $(,)?) => {
        /// A CodePipeline event a notification rule reports (its event type id).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum PipelineEvent {
            $($(#[$doc])* $variant,)*
        }

        impl PipelineEvent {
            /// All 18 events, in AWS's order.
            pub const ALL: [PipelineEvent; 18] = [$(PipelineEvent::$variant),*];

            /// The event type id, e.g. `codepipeline-pipeline-pipeline-execution-failed`.
            pub fn event_type_id(self) -> &'static str {
                match self {
                    $(PipelineEvent::$variant => $id,)*
                }
            }
        }
    };
}

pipeline_events! {
    /// An action execution succeeded.
    ActionExecutionSucceeded => "codepipeline-pipeline-action-execution-succeeded",
    /// An action execution failed.
    ActionExecutionFailed => "codepipeline-pipeline-action-execution-failed",
    /// An action execution was canceled.
    ActionExecutionCanceled => "codepipeline-pipeline-action-execution-canceled",
    /// An action execution started.
    ActionExecutionStarted => "codepipeline-pipeline-action-execution-started",
    /// A stage execution started.
    StageExecutionStarted => "codepipeline-pipeline-stage-execution-started",
    /// A stage execution succeeded.
    StageExecutionSucceeded => "codepipeline-pipeline-stage-execution-succeeded",
    /// A stage execution resumed.
    StageExecutionResumed => "codepipeline-pipeline-stage-execution-resumed",
    /// A stage execution was canceled.
    StageExecutionCanceled => "codepipeline-pipeline-stage-execution-canceled",
    /// A stage execution failed.
    StageExecutionFailed => "codepipeline-pipeline-stage-execution-failed",
    /// A pipeline execution failed.
    PipelineExecutionFailed => "codepipeline-pipeline-pipeline-execution-failed",
    /// A pipeline execution was canceled.
    PipelineExecutionCanceled => "codepipeline-pipeline-pipeline-execution-canceled",
    /// A pipeline execution started.
    PipelineExecutionStarted => "codepipeline-pipeline-pipeline-execution-started",
    /// A pipeline execution resumed.
    PipelineExecutionResumed => "codepipeline-pipeline-pipeline-execution-resumed",
    /// A pipeline execution succeeded.
    PipelineExecutionSucceeded => "codepipeline-pipeline-pipeline-execution-succeeded",
    /// A pipeline execution was superseded by a newer one.
    PipelineExecutionSuperseded => "codepipeline-pipeline-pipeline-execution-superseded",
    /// A manual approval failed (was rejected or timed out).
    ManualApprovalFailed => "codepipeline-pipeline-manual-approval-failed",
    /// A manual approval is waiting.
    ManualApprovalNeeded => "codepipeline-pipeline-manual-approval-needed",
    /// A manual approval was approved.
    ManualApprovalSucceeded => "codepipeline-pipeline-manual-approval-succeeded",
}

impl PipelineEvent {
    /// Every change of a whole execution.
    pub const PIPELINE_EXECUTION: [PipelineEvent; 6] = [
        PipelineEvent::PipelineExecutionFailed,
        PipelineEvent::PipelineExecutionCanceled,
        PipelineEvent::PipelineExecutionStarted,
        PipelineEvent::PipelineExecutionResumed,
        PipelineEvent::PipelineExecutionSucceeded,
        PipelineEvent::PipelineExecutionSuperseded,
    ];

    /// Every change of a stage's execution.
    pub const STAGE_EXECUTION: [PipelineEvent; 5] = [
        PipelineEvent::StageExecutionStarted,
        PipelineEvent::StageExecutionSucceeded,
        PipelineEvent::StageExecutionResumed,
        PipelineEvent::StageExecutionCanceled,
        PipelineEvent::StageExecutionFailed,
    ];

    /// Every change of an action's execution.
    pub const ACTION_EXECUTION: [PipelineEvent; 4] = [
        PipelineEvent::ActionExecutionSucceeded,
        PipelineEvent::ActionExecutionFailed,
        PipelineEvent::ActionExecutionCanceled,
        PipelineEvent::ActionExecutionStarted,
    ];

    /// Every change of a manual approval.
    pub const MANUAL_APPROVAL: [PipelineEvent; 3] = [
        PipelineEvent::ManualApprovalFailed,
        PipelineEvent::ManualApprovalNeeded,
        PipelineEvent::ManualApprovalSucceeded,
    ];
}
