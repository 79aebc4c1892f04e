//! The integration tests of pipewright-synth in one test binary, a module a
//! subject: each emitter, the output folder, the command lines and the
//! property test of the template round trip. Run one module with
//! `cargo test -p pipewright-synth --test integration assembly::`.

mod api_json;
mod assembly;
mod assembly_names;
mod cli;
mod cli_ci;
mod cli_printable;
mod cloud_assembly;
mod cloudformation;
mod diff;
mod emit_artifact_names;
mod emit_conditions;
mod emit_cross_account;
mod emit_events;
mod emit_events_custom;
mod emit_notifications;
mod emit_support;
mod explain;
mod findings_sarif;
mod import_cli;
mod import_proptest;
mod import_roundtrip;
mod normalisation;
mod output_folder;
mod output_folder_crash;
mod output_folder_update;
mod pipeline_region;
mod proptest_roundtrip;
mod readers_never_panic;
mod stack;
mod standalone;
mod standalone_bad_inputs;
mod standalone_ci;
mod standalone_conditions;
mod standalone_folders;
mod target_account_roles;
mod template_contents;
