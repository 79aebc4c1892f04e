//! runOrder: 1..999 when present.

use super::context::Context;
use crate::{Rule, Violation};

/// The highest runOrder AWS accepts.
const MAX_RUN_ORDER: u32 = 999;

/// Checks every explicit runOrder.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        let Some(run_order) = placed.action.run_order else { continue };
        if !(1..=MAX_RUN_ORDER).contains(&run_order) {
            out.push(Violation::new(
                cx.location(placed).field("runOrder"),
                Rule::RunOrderRange,
                format!(
                    "runOrder {run_order} is out of range; use 1 to {MAX_RUN_ORDER} (actions with the same runOrder \
                     run in parallel, higher ones later)"
                ),
            ));
        }
    }
}
