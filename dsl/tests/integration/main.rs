//! The integration tests of pipewright-dsl in one test binary, a module a
//! subject: the typed actions (`actions_*`), the model's round trips
//! (`model_roundtrip_*`), events, notifications, the provider descriptions,
//! cross-account targets and every validation rule group (`validate_*`). Run
//! one module with
//! `cargo test -p pipewright-dsl --test integration validate_names::`.

mod actions_approval;
mod actions_build;
mod actions_codepipeline_invoke;
mod actions_compute;
mod actions_custom;
mod actions_deploy;
mod actions_ecr_build_and_publish;
mod actions_inspector_scan;
mod actions_invoke;
mod actions_services;
mod actions_setting_gaps;
mod actions_snyk;
mod actions_source;
mod actions_stack_sets;
mod builder_output_count;
mod cross_account;
mod events;
mod events_custom;
mod expressions_in_slots;
mod model_builders;
mod model_roundtrip_corpus;
mod model_roundtrip_seed;
mod model_roundtrip_template;
mod module_order;
mod notifications;
mod provider_descriptions;
mod rules;
mod support;
mod template_conditions;
mod template_reading_limits;
mod validate_arns;
mod validate_artifacts;
mod validate_builder_findings;
mod validate_commands_variables;
mod validate_condition_variables;
mod validate_conditions;
mod validate_cross_account;
mod validate_derived_names;
mod validate_environment;
mod validate_expression_variables;
mod validate_names;
mod validate_overlaps;
mod validate_pipelines;
mod validate_printable;
mod validate_providers;
mod validate_secrets;
mod validate_sizes;
mod validate_stores;
mod validate_structure;
mod validate_support;
mod validate_tags_transitions;
mod validate_triggers;
mod validate_typed_actions;
mod validate_unique;
mod validate_v2;
mod validate_variables;
