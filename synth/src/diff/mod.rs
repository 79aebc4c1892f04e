//! What would change: two pipeline definitions compared in pipeline words
//! ("stage Deploy: action Prod added"), the way `cdk diff` or
//! `terraform plan` show a change before it is deployed.
//!
//! Both sides are [`Definition`]s: a pipeline's API form, its Region and,
//! where the source holds them, its disabled stage transitions. They are
//! [normalized](normalize) first, so what AWS adds when it returns a pipeline
//! is not a difference; then stages and actions are compared by name, so an
//! action that moved reads as moved, not as removed and added.
//!
//! [`command`] runs the `diff` subcommands of both command lines, [`render`]
//! prints a [`Diff`] as text or JSON.

mod change;
pub mod command;
mod compare;
mod live;
pub mod normalize;
pub mod render;
mod sources;

use indexmap::IndexMap;
use pipewright_dsl::Pipeline;
use serde::Serialize;
use serde_json::Value;

pub use change::{Change, ChangeKind, Place};

/// One side of a diff: a pipeline as it is compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    name: String,
    pipeline: Value,
    region: Option<String>,
    disabled_transitions: Option<IndexMap<String, String>>,
}

impl Definition {
    /// `pipeline` with its disabled transitions (a program's pipeline, or
    /// one read from a CloudFormation template). Fails only when the model
    /// cannot be written as JSON (an artifact store keyed by an expression).
    pub fn with_transitions(pipeline: &Pipeline) -> Result<Self, String> {
        let transitions = pipeline
            .disabled_transitions()
            .iter()
            .map(|transition| (transition.stage_name.to_string(), transition.reason.to_string()))
            .collect();
        Ok(Definition { disabled_transitions: Some(transitions), ..Definition::without_transitions(pipeline)? })
    }

    /// `pipeline` as its API form holds it: `get-pipeline` and
    /// `pipeline.json` say nothing of disabled transitions, so they are not
    /// compared.
    pub fn without_transitions(pipeline: &Pipeline) -> Result<Self, String> {
        let value = serde_json::to_value(pipeline.declaration())
            .map_err(|error| format!("pipeline {}: cannot be compared: {error}", pipeline.name()))?;
        Ok(Definition {
            name: pipeline.name(),
            pipeline: value,
            region: pipeline.region().map(str::to_owned),
            disabled_transitions: None,
        })
    }

    /// Sets the pipeline's Region when the definition does not know it
    /// (a deployed pipeline's Region is in its ARN).
    pub fn or_region(mut self, region: Option<String>) -> Self {
        self.region = self.region.or(region);
        self
    }

    /// The pipeline's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Everything that differs between two sets of pipelines (and rule files).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diff {
    /// Whether anything differs.
    pub differs: bool,
    /// Every pipeline of either side, by name: new side's order, then the removed ones.
    pub pipelines: Vec<PipelineDiff>,
    /// The rule files of two output folders that differ.
    pub rule_files: Vec<Change>,
}

impl Diff {
    /// The diff of these pipelines and rule-file changes.
    pub fn new(pipelines: Vec<PipelineDiff>, rule_files: Vec<Change>) -> Self {
        let differs = !rule_files.is_empty() || pipelines.iter().any(|pipeline| pipeline.status != Status::Unchanged);
        Diff { differs, pipelines, rule_files }
    }
}

/// One pipeline compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PipelineDiff {
    /// The pipeline's name.
    pub name: String,
    /// Whether it was added, removed, changed or is unchanged.
    pub status: Status,
    /// What changed (empty unless `status` is `Changed`).
    pub changes: Vec<Change>,
}

/// How a pipeline compares as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Only on the new side (for a deployed pipeline: not deployed yet).
    Added,
    /// Only on the old side.
    Removed,
    /// On both sides, with differences.
    Changed,
    /// On both sides, the same.
    Unchanged,
}

/// Compares one pipeline's two definitions.
pub fn pipeline(old: &Definition, new: &Definition) -> PipelineDiff {
    let region = new.region.as_deref().or(old.region.as_deref());
    let mut changes =
        compare::pipelines(&normalize::normalize(&old.pipeline, region), &normalize::normalize(&new.pipeline, region));
    if let (Some(old_transitions), Some(new_transitions)) = (&old.disabled_transitions, &new.disabled_transitions) {
        changes.extend(transitions(old_transitions, new_transitions));
    }
    let status = if changes.is_empty() { Status::Unchanged } else { Status::Changed };
    PipelineDiff { name: new.name.clone(), status, changes }
}

/// Compares two sets of pipelines by name.
pub fn pipelines(old: &[Definition], new: &[Definition]) -> Vec<PipelineDiff> {
    let added_or_compared = new.iter().map(|new| match old.iter().find(|old| old.name == new.name) {
        Some(old) => pipeline(old, new),
        None => PipelineDiff { name: new.name.clone(), status: Status::Added, changes: Vec::new() },
    });
    let removed = old.iter().filter(|old| !new.iter().any(|new| new.name == old.name)).map(|old| PipelineDiff {
        name: old.name.clone(),
        status: Status::Removed,
        changes: Vec::new(),
    });
    added_or_compared.chain(removed).collect()
}

/// Stages whose inbound transition was disabled or enabled.
fn transitions(old: &IndexMap<String, String>, new: &IndexMap<String, String>) -> Vec<Change> {
    let place = |stage: &String| Place::Stage { stage: stage.clone() };
    let disabled = new
        .iter()
        .filter(|(stage, reason)| old.get(*stage) != Some(reason))
        .map(|(stage, reason)| Change::new(place(stage), ChangeKind::TransitionDisabled { reason: reason.clone() }));
    let enabled = old
        .keys()
        .filter(|stage| !new.contains_key(*stage))
        .map(|stage| Change::new(place(stage), ChangeKind::TransitionEnabled));
    disabled.chain(enabled).collect()
}
