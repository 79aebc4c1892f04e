//! One difference between two pipeline definitions, in pipeline words.

use serde::Serialize;
use serde_json::Value;

/// One difference: where it is and what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The part of the pipeline that differs.
    #[serde(flatten)]
    pub place: Place,
    /// How it differs.
    #[serde(flatten)]
    pub kind: ChangeKind,
}

/// A part of a pipeline, named the way its owner names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "in", rename_all = "camelCase", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Place {
    /// The pipeline's own fields (`roleArn`, `executionMode`, ...).
    Pipeline,
    /// A stage, by name.
    Stage {
        /// The stage's name.
        stage: String,
    },
    /// An action, by stage name and action name.
    Action {
        /// The stage's name.
        stage: String,
        /// The action's name.
        action: String,
    },
    /// A trigger, by the source action it watches.
    Trigger {
        /// `gitConfiguration.sourceActionName`.
        source_action: String,
    },
    /// A pipeline variable, by name.
    Variable {
        /// The variable's name.
        variable: String,
    },
    /// The artifact store (`artifactStore`), or the one of a Region (`artifactStores`).
    ArtifactStore {
        /// The Region's key in `artifactStores`; absent for `artifactStore`.
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<String>,
    },
    /// A rule file of an output folder (`PIPELINE/events/NAME.json`).
    RuleFile {
        /// The file's path inside the output folder.
        file: String,
    },
}

/// How a part differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "camelCase")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only the new side has it.
    Added,
    /// Only the old side has it.
    Removed,
    /// Both have it, at another position among its siblings (1-based).
    Moved {
        /// The position on the old side.
        from: usize,
        /// The position on the new side.
        to: usize,
    },
    /// A field differs; an absent side is `None`.
    Changed {
        /// The field's path inside the part, dotted (`configuration.ProjectName`).
        field: String,
        /// The old value.
        old: Option<Value>,
        /// The new value.
        new: Option<Value>,
    },
    /// The stage's inbound transition is disabled on the new side only.
    TransitionDisabled {
        /// The reason given.
        reason: String,
    },
    /// The stage's inbound transition is disabled on the old side only.
    TransitionEnabled,
}

impl Change {
    /// A change of `kind` at `place`.
    pub fn new(place: Place, kind: ChangeKind) -> Self {
        Change { place, kind }
    }
}
