//! What the pipeline builder already reported: a builder finding names a
//! mistake where it was made (a source stage defined after another stage, an
//! explicit runOrder against the data flow), and the model rules then see the
//! same mistake from the model's side. One mistake gives one finding: the
//! builder's, which says what to change in the code.

use crate::{Rule, Violation};

/// For each rule of the builder, the model rules that describe the same
/// mistake when they find it at the builder finding's place or below it.
const SAME_MISTAKE: [(Rule, &[Rule]); 4] = [
    // The source stage is not first: the model sees a first stage without
    // Source actions, other actions in it, and Source actions after it.
    (Rule::SourceStageFirst, &[Rule::FirstStageSource, Rule::FirstStageSourceOnly, Rule::SourceOutsideFirstStage]),
    // No service role: the model sees an empty roleArn.
    (Rule::RoleRequired, &[Rule::RoleRequired]),
    // An explicit runOrder runs an action beside or before an action of its
    // stage it depends on: the model sees an input artifact or a variable
    // namespace of an action that does not run before it.
    (Rule::RunOrderDataFlow, &[Rule::InputArtifactOrder, Rule::VariableNamespaceOrder]),
    // An action declares another number of outputs than its handle holds:
    // the builder completed it with default outputs, which the model may see
    // as repeated names or more outputs than the provider takes.
    (Rule::ActionOutputCount, &[Rule::ArtifactNameUnique, Rule::ArtifactCount]),
];

/// Whether the model finding `found` describes the mistake of one of the
/// builder's findings, at its place or below it.
pub(super) fn already_reported(builder: &[Violation], found: &Violation) -> bool {
    builder.iter().any(|reported| {
        SAME_MISTAKE.iter().any(|(rule, model_rules)| *rule == reported.rule && model_rules.contains(&found.rule))
            && found.location.is_within(&reported.location)
    })
}
