//! Resource tags: at most 50, keys of 1..128 and values of 0..256
//! characters, no key twice. Two tags under different CloudFormation
//! conditions may share a key (one tag per case, as templates do); a tag
//! that is always set may not share it with any other.

use super::context::Context;
use super::pattern::length_problem;
use crate::{Rule, Violation};

/// Most tags on a pipeline.
const MAX_TAGS: usize = 50;

/// Checks the pipeline's tags.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let tags = cx.pipeline.tags();
    if tags.len() > MAX_TAGS {
        out.push(Violation::new(
            cx.pipeline_location().field("tags"),
            Rule::TagCount,
            format!("the pipeline has {} tags; a resource has at most {MAX_TAGS} tags", tags.len()),
        ));
    }
    let mut keys: Vec<(&str, Option<&str>)> = Vec::new();
    for (index, tag) in tags.iter().enumerate() {
        let location = cx.pipeline_location().field(&format!("tags[{index}]"));
        if let Some(key) = tag.key.as_literal() {
            if let Some(problem) = length_problem(key, 1, 128) {
                out.push(Violation::new(
                    location.field("key"),
                    Rule::TagSize,
                    format!("the tag key \"{key}\" {problem}; use 1 to 128 characters"),
                ));
            }
            let condition = tag.condition.as_deref();
            let clashes = |(other, other_condition): &(&str, Option<&str>)| {
                *other == key && (condition.is_none() || other_condition.is_none() || condition == *other_condition)
            };
            if keys.iter().any(clashes) {
                out.push(Violation::new(
                    location.field("key"),
                    Rule::TagKeyUnique,
                    format!("the tag key \"{key}\" is used twice; each tag key appears once"),
                ));
            }
            keys.push((key, condition));
        }
        if let Some(problem) = tag.value.as_literal().and_then(|value| length_problem(value, 0, 256)) {
            out.push(Violation::new(
                location.field("value"),
                Rule::TagSize,
                format!("the value of tag \"{}\" {problem}; use at most 256 characters", tag.key),
            ));
        }
    }
}
