//! Disabled inbound stage transitions: the stage exists and the reason
//! matches `[a-zA-Z0-9!@ \(\)\.\*\?\-]+`, 1..300.

use super::context::{quoted_list, Context};
use super::pattern::TRANSITION_REASON;
use crate::{Rule, Violation};

/// Checks every disabled transition.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let stages = &cx.declaration.stages;
    for (index, transition) in cx.pipeline.disabled_transitions().iter().enumerate() {
        let location = cx.pipeline_location().field(&format!("DisableInboundStageTransitions[{index}]"));
        let stage = &transition.stage_name;
        if stage.is_literal() && !stages.iter().any(|candidate| candidate.name == *stage) {
            out.push(Violation::new(
                location.field("StageName"),
                Rule::TransitionStage,
                format!(
                    "no stage is named \"{stage}\"; the stages are {}",
                    quoted_list(stages.iter().map(|stage| &stage.name), "and")
                ),
            ));
        }
        let Some(reason) = transition.reason.as_literal() else { continue };
        if let Some(problem) = TRANSITION_REASON.problem(reason) {
            out.push(Violation::new(
                location.field("Reason"),
                Rule::TransitionReason,
                format!("the reason \"{reason}\" {problem}; use {}", TRANSITION_REASON.expected()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::PipelineDocument;
    use crate::{DisabledTransition, Pipeline};

    /// Transitions are read from templates as well as built, so the stage
    /// they name may not exist.
    #[test]
    fn a_disabled_transition_names_an_existing_stage() {
        let json = r#"{"pipeline": {"name": "app", "roleArn": "arn:aws:iam::111111111111:role/R",
          "artifactStore": {"type": "S3", "location": "app-artifacts"},
          "stages": [
            {"name": "Source", "actions": [{"name": "Checkout",
              "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
              "configuration": {"RepositoryName": "app", "BranchName": "main"},
              "outputArtifacts": [{"name": "Code"}]}]},
            {"name": "Approve", "actions": [{"name": "Approve",
              "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}]}]}}"#;
        let mut pipeline = Pipeline::from_document(PipelineDocument::from_json(json).unwrap());
        pipeline.disabled_transitions =
            vec![DisabledTransition { stage_name: "Aprove".into(), reason: "Change freeze".into() }];
        let found: Vec<String> = pipeline.check().iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                r#"error[transition-stage]: pipeline "app" > DisableInboundStageTransitions[0] > StageName: no stage is named "Aprove"; the stages are "Source" and "Approve""#
            ]
        );
    }
}
