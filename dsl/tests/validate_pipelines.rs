//! Whole pipelines: the valid base, the seed's basic pipeline, several
//! problems at once, and the corpus.

mod validate_support;

use validate_support::*;

#[test]
fn the_valid_base_pipeline_has_no_findings() {
    assert_eq!(findings(valid()), Vec::<String>::new());
}

#[test]
fn scratch() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/seed/basic-pipeline.json"))
        .unwrap();
    let p = pipeline(serde_json::from_str(&text).unwrap());
    for f in p.check() {
        println!("{f}");
    }
    panic!();
}
