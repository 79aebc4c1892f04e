//! Structure: 2..50 stages, source actions in the first stage and only there,
//! 1..50 actions per stage, at most 500 actions, at least one non-source
//! action.

use super::context::Context;
use crate::model::ActionCategory;
use crate::{Rule, Violation};

/// Fewest stages a pipeline may have.
const MIN_STAGES: usize = 2;
/// Most stages a pipeline may have.
const MAX_STAGES: usize = 50;
/// Most actions a stage may have.
const MAX_ACTIONS_PER_STAGE: usize = 50;
/// Most actions a pipeline may have.
const MAX_ACTIONS: usize = 500;

/// Checks the shape of the pipeline.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let stages = &cx.declaration.stages;
    if !(MIN_STAGES..=MAX_STAGES).contains(&stages.len()) {
        out.push(Violation::new(
            cx.pipeline_location(),
            Rule::StageCount,
            format!(
                "the pipeline has {} stage{}; a pipeline has {MIN_STAGES} to {MAX_STAGES} stages: a source stage \
                 first, then at least one stage of build, test, deploy, approval, invoke or compute actions",
                stages.len(),
                if stages.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    if let Some(first) = stages.first() {
        if !first.actions.iter().any(|action| action.action_type_id.category == ActionCategory::Source) {
            out.push(Violation::new(
                cx.stage_location(first),
                Rule::FirstStageSource,
                "the first stage has no Source action; the first stage holds the pipeline's source actions \
                 (at least one)",
            ));
        }
    }
    for stage in stages {
        let count = stage.actions.len();
        if !(1..=MAX_ACTIONS_PER_STAGE).contains(&count) {
            out.push(Violation::new(
                cx.stage_location(stage),
                Rule::StageActionCount,
                format!("the stage has {count} actions; a stage has 1 to {MAX_ACTIONS_PER_STAGE} actions"),
            ));
        }
    }
    for placed in &cx.actions {
        let category = placed.action.action_type_id.category;
        if placed.stage_index == 0 && category != ActionCategory::Source {
            out.push(Violation::new(
                cx.location(placed).to_location(),
                Rule::FirstStageSourceOnly,
                format!(
                    "{} actions cannot be in the first stage, which holds only Source actions; move this one to a \
                     later stage",
                    category.as_str()
                ),
            ));
        }
        if placed.stage_index > 0 && category == ActionCategory::Source {
            out.push(Violation::new(
                cx.location(placed).to_location(),
                Rule::SourceOutsideFirstStage,
                format!("a Source action can only be in the first stage (\"{}\"); move it there", stages[0].name),
            ));
        }
    }
    if cx.actions.len() > MAX_ACTIONS {
        out.push(Violation::new(
            cx.pipeline_location(),
            Rule::PipelineActionCount,
            format!("the pipeline has {} actions; a pipeline has at most {MAX_ACTIONS} actions", cx.actions.len()),
        ));
    }
    if !cx.actions.iter().any(|placed| !placed.is_source()) {
        out.push(Violation::new(
            cx.pipeline_location(),
            Rule::NonSourceActionRequired,
            "the pipeline has no action other than Source actions; add at least one build, test, deploy, approval, invoke or \
             compute action in a later stage",
        ));
    }
}
