//! The execution states CodePipeline reports in its EventBridge events
//! (`detail.state`), and the approval statuses of SageMaker model packages
//! (`detail.ModelApprovalStatus`).

/// Declares an enum of states with the text AWS writes for each.
macro_rules! states {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $variant:ident => $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$doc])* $variant,)*
        }

        impl $name {
            /// Every state, in AWS's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The text of `detail.state`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }
    };
}

states! {
    /// A state of a whole execution (`CodePipeline Pipeline Execution State Change`).
    PipelineExecutionState {
        /// `CANCELED`.
        Canceled => "CANCELED",
        /// `FAILED`.
        Failed => "FAILED",
        /// `RESUMED`.
        Resumed => "RESUMED",
        /// `STARTED`.
        Started => "STARTED",
        /// `STOPPED`.
        Stopped => "STOPPED",
        /// `STOPPING`.
        Stopping => "STOPPING",
        /// `SUCCEEDED`.
        Succeeded => "SUCCEEDED",
        /// `SUPERSEDED`.
        Superseded => "SUPERSEDED",
    }
}

states! {
    /// A state of one stage's execution (`CodePipeline Stage Execution State Change`).
    StageExecutionState {
        /// `CANCELED`.
        Canceled => "CANCELED",
        /// `FAILED`.
        Failed => "FAILED",
        /// `RESUMED`.
        Resumed => "RESUMED",
        /// `STARTED`.
        Started => "STARTED",
        /// `STOPPED`.
        Stopped => "STOPPED",
        /// `STOPPING`.
        Stopping => "STOPPING",
        /// `SUCCEEDED`.
        Succeeded => "SUCCEEDED",
    }
}

states! {
    /// A state of one action's execution (`CodePipeline Action Execution State Change`).
    ActionExecutionState {
        /// `ABANDONED`.
        Abandoned => "ABANDONED",
        /// `CANCELED`.
        Canceled => "CANCELED",
        /// `FAILED`.
        Failed => "FAILED",
        /// `RESUMED`.
        Resumed => "RESUMED",
        /// `STARTED`.
        Started => "STARTED",
        /// `SUCCEEDED`.
        Succeeded => "SUCCEEDED",
    }
}

states! {
    /// The approval status of a SageMaker model package (`SageMaker Model Package State Change`).
    ModelApprovalStatus {
        /// `Approved`.
        Approved => "Approved",
        /// `Rejected`.
        Rejected => "Rejected",
        /// `PendingManualApproval`.
        PendingManualApproval => "PendingManualApproval",
    }
}
