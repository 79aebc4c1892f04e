//! Stage conditions (V2): one condition per block, 1..5 rules per condition,
//! known rule providers, and rule input artifacts that exist when the rule
//! runs.

use super::context::{stage_conditions, ConditionBlock, Context};
use crate::{Rule, Violation};

/// The rule providers AWS offers.
const RULE_PROVIDERS: [&str; 6] =
    ["CloudWatchAlarm", "CodeBuild", "Commands", "DeploymentWindow", "LambdaInvoke", "VariableCheck"];
/// Most rules per condition.
const MAX_RULES: usize = 5;

/// Checks the condition blocks of every stage.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for (stage_index, stage) in cx.declaration.stages.iter().enumerate() {
        let blocks = [
            ("beforeEntry", stage.before_entry.as_ref().map(|block| block.conditions.len())),
            ("onSuccess", stage.on_success.as_ref().map(|block| block.conditions.len())),
            ("onFailure", stage.on_failure.as_ref().and_then(|block| block.conditions.as_ref()).map(Vec::len)),
        ];
        for (block, count) in blocks {
            if count.is_some_and(|count| count != 1) {
                out.push(Violation::new(
                    cx.stage_location(stage).field(&format!("{block}.conditions")),
                    Rule::ConditionCount,
                    format!(
                        "{block} has {} conditions; a condition block holds exactly 1 condition",
                        count.unwrap_or(0)
                    ),
                ));
            }
        }
        for (block, field, condition) in stage_conditions(stage) {
            let Some(rules) = &condition.rules else { continue };
            if !(1..=MAX_RULES).contains(&rules.len()) {
                out.push(Violation::new(
                    cx.stage_location(stage).field(&format!("{field}.rules")),
                    Rule::ConditionRuleCount,
                    format!("the condition has {} rules; a condition has 1 to {MAX_RULES} rules", rules.len()),
                ));
            }
            for (index, rule) in rules.iter().enumerate() {
                let location = cx.stage_location(stage).field(&format!("{field}.rules[{index}]"));
                if let Some(provider) = rule.rule_type_id.provider.as_literal() {
                    if !RULE_PROVIDERS.contains(&provider) {
                        out.push(Violation::new(
                            location.field("ruleTypeId.provider"),
                            Rule::ConditionRuleProvider,
                            format!(
                                "\"{provider}\" is not a rule provider AWS documents; the providers are {}",
                                RULE_PROVIDERS.join(", ")
                            ),
                        ));
                    }
                }
                for input in rule.input_artifacts.iter().flatten() {
                    let Some(name) = input.name.as_literal() else { continue };
                    let available = |producer_stage: usize| match block {
                        ConditionBlock::BeforeEntry => producer_stage < stage_index,
                        ConditionBlock::OnSuccess | ConditionBlock::OnFailure => producer_stage <= stage_index,
                    };
                    if cx.producers_of(name).any(|producer| available(producer.stage_index)) {
                        continue;
                    }
                    let when = match block {
                        ConditionBlock::BeforeEntry => {
                            "by an action of an earlier stage (beforeEntry runs before this stage)"
                        }
                        ConditionBlock::OnSuccess | ConditionBlock::OnFailure => {
                            "by an action of an earlier stage or of this stage"
                        }
                    };
                    out.push(Violation::new(
                        location.field("inputArtifacts"),
                        Rule::ConditionRuleInput,
                        format!("the rule reads the artifact \"{name}\", which is not produced {when}"),
                    ));
                }
            }
        }
    }
}
