//! V2 features in a pipeline whose pipelineType is V1 (variables, triggers,
//! stage conditions, the QUEUED and PARALLEL modes, V2-only providers), and
//! rollback in PARALLEL mode.

use super::catalog;
use super::context::{stage_conditions, ConditionBlock, Context};
use crate::model::{ConditionResult, ExecutionMode, PipelineType};
use crate::{Location, Rule, Violation};

/// Checks the features that need a V2 pipeline.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let declaration = cx.declaration;
    if declaration.pipeline_type == Some(PipelineType::V1) {
        let mut require = |location: Location, feature: String| {
            out.push(Violation::new(
                location,
                Rule::RequiresV2,
                format!("{feature} a V2 pipeline, but pipelineType is V1; set pipelineType to V2"),
            ));
        };
        let pipeline = cx.pipeline_location();
        if declaration.variables.as_ref().is_some_and(|variables| !variables.is_empty()) {
            require(pipeline.field("variables"), "pipeline variables require".to_owned());
        }
        if declaration.triggers.as_ref().is_some_and(|triggers| !triggers.is_empty()) {
            require(pipeline.field("triggers"), "triggers require".to_owned());
        }
        if let Some(mode @ (ExecutionMode::Queued | ExecutionMode::Parallel)) = declaration.execution_mode {
            let mode = if mode == ExecutionMode::Queued { "QUEUED" } else { "PARALLEL" };
            require(pipeline.field("executionMode"), format!("the {mode} execution mode requires"));
        }
        for stage in &declaration.stages {
            let blocks: Vec<&str> = [
                ("beforeEntry", stage.before_entry.is_some()),
                ("onSuccess", stage.on_success.is_some()),
                ("onFailure", stage.on_failure.is_some()),
            ]
            .into_iter()
            .filter_map(|(block, present)| present.then_some(block))
            .collect();
            if !blocks.is_empty() {
                require(cx.stage_location(stage), format!("stage conditions ({}) require", blocks.join(", ")));
            }
        }
        for placed in &cx.actions {
            let type_id = &placed.action.action_type_id;
            if let Some(provider) = catalog::find(type_id).filter(|provider| provider.v2_only) {
                require(
                    cx.location(placed).field("actionTypeId"),
                    format!("the {} action requires", provider.describe(type_id.category)),
                );
            }
        }
    }
    if declaration.execution_mode == Some(ExecutionMode::Parallel) {
        for stage in &declaration.stages {
            let on_failure = stage.on_failure.as_ref().and_then(|block| block.result);
            let mut rollbacks: Vec<String> = Vec::new();
            if on_failure == Some(ConditionResult::Rollback) {
                rollbacks.push("onFailure.result".to_owned());
            }
            for (block, field, condition) in stage_conditions(stage) {
                if block != ConditionBlock::BeforeEntry && condition.result == Some(ConditionResult::Rollback) {
                    rollbacks.push(format!("{field}.result"));
                }
            }
            for field in rollbacks {
                out.push(Violation::new(
                    cx.stage_location(stage).field(&field),
                    Rule::RollbackInParallel,
                    "ROLLBACK is not available in the PARALLEL execution mode; use another result (RETRY, FAIL) \
                     or the QUEUED or SUPERSEDED mode",
                ));
            }
        }
    }
}
