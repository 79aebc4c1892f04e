//! The InspectorScan action: the JSON its typed builder produces in each
//! mode, for a minimal and a full configuration, against the keys of the AWS
//! action reference.

use crate::support::{action_json, after_checkout};
use pipewright_dsl::prelude::*;
use pipewright_dsl::providers::{self, Values};
use serde_json::json;

#[test]
fn a_minimal_source_code_scan_reads_the_source_and_writes_the_sbom() {
    let pipeline = after_checkout("Scan", |s, source| {
        s.add(InspectorScan::source_code_scan("Scan", source.artifact()));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Scan",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "InspectorScan", "version": "1"},
            "configuration": {"InspectorRunMode": "SourceCodeScan"},
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "ScanOutput"}]
        })
    );
}

#[test]
fn a_full_ecr_image_scan_writes_every_key_and_reads_no_artifact() {
    let pipeline = Pipeline::build("p", |p| {
        let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app")));
        p.stage("Scan", |s| {
            s.add(
                InspectorScan::ecr_image_scan("Scan", "my-app", image.vars().image_tag())
                    .critical_threshold(0)
                    .high_threshold(1)
                    .medium_threshold(10)
                    .low_threshold(100)
                    .output_name("Sbom"),
            );
        });
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Scan",
            "actionTypeId": {"category": "Invoke", "owner": "AWS", "provider": "InspectorScan", "version": "1"},
            "configuration": {
                "InspectorRunMode": "ECRImageScan",
                "ECRRepositoryName": "my-app",
                "ImageTag": "#{Source_Image.ImageTag}",
                "CriticalThreshold": "0",
                "HighThreshold": "1",
                "MediumThreshold": "10",
                "LowThreshold": "100"
            },
            "outputArtifacts": [{"name": "Sbom"}]
        })
    );
    let scan = &pipeline.declaration().stages[1].actions[0];
    for key in scan.configuration.as_ref().unwrap().keys() {
        assert!(providers::INSPECTOR_SCAN.key(key).is_some(), "the description has no key {key}");
    }
}

#[test]
fn inspector_run_modes_are_the_description_value_set() {
    let written: Vec<&str> = InspectorRunMode::ALL.iter().map(|mode| mode.as_str()).collect();
    assert_eq!(written, ["SourceCodeScan", "ECRImageScan"]);
    let key = providers::INSPECTOR_SCAN.key("InspectorRunMode").unwrap();
    assert_eq!(key.values, Values::OneOf(&["SourceCodeScan", "ECRImageScan"]));
}

#[test]
fn an_ecr_image_scan_built_by_its_typed_action_passes_validation() {
    let pipeline = Pipeline::build("p", |p| {
        p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
        p.artifact_store(ArtifactStore::s3("app-artifacts"));
        let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app")));
        p.stage("Scan", |s| s.add(InspectorScan::ecr_image_scan("Scan", "my-app", image.vars().image_tag())));
    });
    assert!(pipeline.validate().is_ok(), "{:?}", pipeline.check());
}
