//! The integration tests of the `pipewright` crate in one test binary: the
//! compile-fail suite, the seed document reproduced, the snapshots of every
//! example and the snapshot helper. Run one module with
//! `cargo test --test integration snapshots_examples::`.

mod build_script;
mod compile_fail;
mod corpus;
mod corpus_equal;
mod examples;
mod examples_validate;
mod generated_iam;
mod handle_error_documented;
// The comparison rules shared with the import round trip of pipewright-synth.
#[path = "../../synth/tests/integration/normalisation.rs"]
mod normalisation;
mod output_folders_validate;
mod rules_tested;
mod seed;
mod snapshots_examples;
mod snapshots_graphs;
mod testing_assert_pipeline;
mod testing_helper;
mod testing_snapshot_names;
