//! The example programs, compiled into the tests so that their pipelines
//! can be synthesized and compared (their `main`s are not called here).

#[path = "../../examples/01_minimal.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod minimal;

#[path = "../../examples/02_build_and_deploy.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod build_and_deploy;

#[path = "../../examples/03_variables_and_approval.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod variables_and_approval;

#[path = "../../examples/04_cross_region_cross_account.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod cross_region_cross_account;

#[path = "../../examples/05_stack_set_across_accounts.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod stack_set_across_accounts;

#[path = "../../examples/06_custom_event_rule.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod custom_event_rule;

#[path = "../../examples/07_conditional_environments.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod conditional_environments;

#[path = "../../examples/seed.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod seed;

use pipewright::Pipeline;

/// Every example: its file name without `.rs`, and its pipelines. Tests that
/// hold for every example loop over this list, so a new example is added here
/// once.
pub fn all() -> Vec<(&'static str, Vec<Pipeline>)> {
    vec![
        ("01_minimal", vec![minimal::pipeline()]),
        ("02_build_and_deploy", vec![build_and_deploy::pipeline()]),
        ("03_variables_and_approval", vec![variables_and_approval::pipeline()]),
        ("04_cross_region_cross_account", vec![cross_region_cross_account::pipeline()]),
        ("05_stack_set_across_accounts", vec![stack_set_across_accounts::pipeline()]),
        ("06_custom_event_rule", vec![custom_event_rule::pipeline()]),
        ("07_conditional_environments", vec![conditional_environments::pipeline()]),
        ("seed", seed::pipelines()),
    ]
}
