//! The Snyk action: the JSON its typed builder produces, for a minimal and a
//! full configuration, against the AWS action reference (a ThirdParty Invoke
//! action with one input, one output and no configuration keys).

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn a_minimal_snyk_scan_reads_the_source_and_writes_its_results() {
    let pipeline = after_checkout("Scan", |s, source| {
        s.add(SnykScan::new("Snyk", source.artifact()));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Snyk",
            "actionTypeId": {"category": "Invoke", "owner": "ThirdParty", "provider": "Snyk", "version": "1"},
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "SnykOutput"}]
        })
    );
}

#[test]
fn a_full_snyk_scan_names_its_output() {
    let pipeline = after_checkout("Scan", |s, source| {
        s.add(SnykScan::new("Snyk", source.artifact()).output_name("SnykResults").namespace("Snyk"));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Snyk",
            "actionTypeId": {"category": "Invoke", "owner": "ThirdParty", "provider": "Snyk", "version": "1"},
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "SnykResults"}],
            "namespace": "Snyk"
        })
    );
}
