//! Disabled inbound stage transitions: the stage exists and the reason
//! matches `[a-zA-Z0-9!@ \(\)\.\*\?\-]+`, 1..300.

use super::context::Context;
use super::pattern::TRANSITION_REASON;
use super::Violation;

/// Checks every disabled transition.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let stages = &cx.declaration.stages;
    for (index, transition) in cx.pipeline.disabled_transitions().iter().enumerate() {
        let location = cx.pipeline_location().field(&format!("DisableInboundStageTransitions[{index}]"));
        let stage = &transition.stage_name;
        if stage.is_literal() && !stages.iter().any(|candidate| candidate.name == *stage) {
            let names: Vec<String> = stages.iter().map(|stage| format!("\"{}\"", stage.name)).collect();
            out.push(Violation::new(
                location.field("StageName"),
                "transition-stage",
                format!("no stage is named \"{stage}\"; the stages are {}", names.join(", ")),
            ));
        }
        if let Some(problem) = TRANSITION_REASON.problem(&transition.reason) {
            out.push(Violation::new(
                location.field("Reason"),
                "transition-reason",
                format!("the reason \"{}\" {problem}; use {}", transition.reason, TRANSITION_REASON.expected()),
            ));
        }
    }
}
