//! Random valid pipelines built with the typed builders (the generators of
//! `proptest_roundtrip`), synthesized to API JSON, imported and compiled in
//! one batch, synthesize back to the same API JSON: nothing is reported as
//! not reproduced, and nothing differs.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use crate::import_roundtrip::round_trip;
use crate::proptest_roundtrip::{build, plan};

/// How many pipelines one batch compiles.
const CASES: usize = 12;
/// The most actions a case may have, so that one batch builds in seconds.
const MOST_ACTIONS: usize = 40;

#[test]
fn random_typed_pipelines_import_back_to_themselves() {
    let mut runner = TestRunner::deterministic();
    let strategy = plan();
    let scratch = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    while files.len() < CASES {
        let plan = strategy.new_tree(&mut runner).unwrap().current();
        let pipeline = build(&plan);
        if pipeline.declaration().stages.iter().map(|stage| stage.actions.len()).sum::<usize>() > MOST_ACTIONS {
            continue;
        }
        let document = pipewright_synth::emit::api_json::document(&pipeline).unwrap();
        let file = scratch.path().join(format!("case_{}.json", files.len()));
        std::fs::write(&file, serde_json::to_string_pretty(&document).unwrap()).unwrap();
        files.push(file);
    }
    for file in round_trip(&files) {
        assert!(file.reported.is_empty(), "{}: reported as not reproduced: {:?}", file.module, file.reported);
    }
}
