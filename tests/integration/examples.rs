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

#[path = "../../examples/seed.rs"]
#[allow(dead_code, reason = "the example's `main` is not called here")]
pub mod seed;
