//! runOrder range, artifact stores and Regions.

use crate::validate_support::*;
use pipewright_dsl::model::{ArtifactStores, PipelineDocument, RegionalArtifactStoreBuilder};
use pipewright_dsl::Pipeline;
use serde_json::json;

#[test]
fn run_order_range() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/stages/1/actions/0/runOrder", json!(0));
        set(doc, "/pipeline/stages/2/actions/0/runOrder", json!(1000));
    });
    assert_eq!(
        found,
        [
            r#"error[run-order-range]: pipeline "app" > stage "Build" > action "Compile" > runOrder: runOrder 0 is out of range; use 1 to 999 (actions with the same runOrder run in parallel, higher ones later)"#,
            r#"error[run-order-range]: pipeline "app" > stage "Deploy" > action "Release" > runOrder: runOrder 1000 is out of range; use 1 to 999 (actions with the same runOrder run in parallel, higher ones later)"#,
        ]
    );
}

#[test]
fn an_artifact_store_is_required() {
    let found = findings_after(|doc| remove(doc, "/pipeline/artifactStore"));
    assert_eq!(
        found,
        [
            r#"error[artifact-store-exactly-one]: pipeline "app": the pipeline has no artifact store; set exactly one of artifactStore (one S3 bucket, for a single-Region pipeline) and artifactStores (one bucket per Region, including the pipeline's own, for a cross-Region pipeline)"#
        ]
    );
}

#[test]
fn not_both_artifact_store_forms() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/artifactStores", json!({"us-east-1": {"type": "S3", "location": "app-artifacts-use1"}}));
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-store-exactly-one]: pipeline "app": the pipeline sets both artifactStore and artifactStores; set exactly one of artifactStore (one S3 bucket, for a single-Region pipeline) and artifactStores (one bucket per Region, including the pipeline's own, for a cross-Region pipeline)"#
        ]
    );
}

#[test]
fn bucket_names() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(
            doc,
            "/pipeline/artifactStores",
            json!({
                "us-east-1": {"type": "S3", "location": "s3://app-artifacts"},
                "us-west-2": {"type": "S3", "location": "ab"}
            }),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[artifact-store-bucket]: pipeline "app" > artifactStores.us-east-1 > location: the bucket name "s3://app-artifacts" contains ":" and "/"; use 3 to 63 characters from [a-zA-Z0-9\-\.] (the name of an S3 bucket, not an ARN or a path)"#,
            r#"error[artifact-store-bucket]: pipeline "app" > artifactStores.us-west-2 > location: the bucket name "ab" is 2 characters long; use 3 to 63 characters from [a-zA-Z0-9\-\.] (the name of an S3 bucket, not an ARN or a path)"#,
        ]
    );
}

#[test]
fn kms_key_id_length() {
    let found = findings_after(|doc| {
        set(doc, "/pipeline/artifactStore/encryptionKey", json!({"type": "KMS", "id": ""}));
    });
    assert_eq!(
        found,
        [
            r#"error[kms-key-id-length]: pipeline "app" > artifactStore > encryptionKey.id: the KMS key id is empty; use a key ID, key ARN or alias ARN of 1 to 400 characters"#
        ]
    );
}

#[test]
fn one_store_per_region() {
    // The API form is a map; the CloudFormation form is a list, which can repeat a Region.
    let mut document = PipelineDocument::from_value(valid()).unwrap();
    let store = document.pipeline.artifact_store.take().unwrap();
    let entry = RegionalArtifactStoreBuilder::default().region("us-east-1").artifact_store(store).build().unwrap();
    document.pipeline.artifact_stores = Some(ArtifactStores(vec![entry.clone(), entry]));
    let found: Vec<String> = Pipeline::from_document(document).check().iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            r#"error[artifact-store-region-unique]: pipeline "app" > artifactStores.us-east-1: artifactStores has more than one store for "us-east-1"; keep one store per Region"#
        ]
    );
}

#[test]
fn an_action_region_needs_an_artifact_store_there() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(doc, "/pipeline/artifactStores", json!({"us-east-1": {"type": "S3", "location": "app-artifacts"}}));
        set(doc, "/pipeline/stages/2/actions/0/region", json!("eu-west-1"));
    });
    assert_eq!(
        found,
        [
            r#"error[action-region-store]: pipeline "app" > stage "Deploy" > action "Release" > region: the action runs in Region "eu-west-1", which has no store in artifactStores (Regions: "us-east-1"); add an artifact store in "eu-west-1""#
        ]
    );
}

#[test]
fn an_action_region_with_a_single_artifact_store() {
    let found = findings_after(|doc| set(doc, "/pipeline/stages/2/actions/0/region", json!("eu-west-1")));
    assert_eq!(
        found,
        [
            r#"error[action-region-store]: pipeline "app" > stage "Deploy" > action "Release" > region: the action runs in Region "eu-west-1", but the pipeline has a single artifactStore; a cross-Region pipeline replaces it with artifactStores, one store per Region: the pipeline's own Region and "eu-west-1""#
        ]
    );
}

#[test]
fn a_cross_region_action_with_its_store_is_valid() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(
            doc,
            "/pipeline/artifactStores",
            json!({
                "us-east-1": {"type": "S3", "location": "app-artifacts"},
                "eu-west-1": {"type": "S3", "location": "app-artifacts-euw1"}
            }),
        );
        set(doc, "/pipeline/stages/2/actions/0/region", json!("eu-west-1"));
    });
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn no_region_on_source_third_party_or_custom_actions() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(
            doc,
            "/pipeline/artifactStores",
            json!({
                "us-east-1": {"type": "S3", "location": "app-artifacts"},
                "eu-west-1": {"type": "S3", "location": "app-artifacts-euw1"}
            }),
        );
        set(doc, "/pipeline/stages/0/actions/0/region", json!("eu-west-1"));
        push(
            doc,
            "/pipeline/stages/2/actions",
            owned_action(
                "Jenkins",
                "Test",
                "Custom",
                "JenkinsTest",
                json!({
                    "configuration": {"ProjectName": "smoke"},
                    "region": "eu-west-1"
                }),
            ),
        );
    });
    assert_eq!(
        found,
        [
            r#"error[region-not-allowed]: pipeline "app" > stage "Source" > action "Checkout" > region: this action cannot set region: a Source action always runs in the pipeline's Region; remove region"#,
            r#"error[region-not-allowed]: pipeline "app" > stage "Deploy" > action "Jenkins" > region: this action cannot set region: only AWS-owned actions can run in another Region; remove region"#,
        ]
    );
}

#[test]
fn region_names() {
    let found = findings_in_region("US East", |doc| {
        remove(doc, "/pipeline/artifactStore");
        set(doc, "/pipeline/artifactStores", json!({"us": {"type": "S3", "location": "app-artifacts"}}));
        set(doc, "/pipeline/stages/2/actions/0/region", json!("us"));
    });
    assert_eq!(
        found,
        [
            r#"error[region-name]: pipeline "app" > region: the Region "US East" is not a Region name; use one such as "us-east-1" or "eu-west-2""#,
            r#"error[region-name]: pipeline "app" > artifactStores.us: the Region "us" is not a Region name; use one such as "us-east-1" or "eu-west-2""#,
            r#"error[region-name]: pipeline "app" > stage "Deploy" > action "Release" > region: the Region "us" is not a Region name; use one such as "us-east-1" or "eu-west-2""#,
        ]
    );
}

#[test]
fn an_action_in_the_pipeline_region_needs_no_second_store() {
    let in_region = |region: &str| {
        let region = region.to_owned();
        findings_in_region("us-east-1", move |doc| set(doc, "/pipeline/stages/2/actions/0/region", json!(region)))
    };
    assert_eq!(in_region("us-east-1"), Vec::<String>::new());
    assert_eq!(
        in_region("eu-west-1"),
        [
            r#"error[action-region-store]: pipeline "app" > stage "Deploy" > action "Release" > region: the action runs in Region "eu-west-1", but the pipeline has a single artifactStore; a cross-Region pipeline replaces it with artifactStores, one store per Region: the pipeline's own Region and "eu-west-1""#
        ]
    );
}

#[test]
fn artifact_stores_hold_the_pipeline_region() {
    let stores = |doc: &mut serde_json::Value| {
        remove(doc, "/pipeline/artifactStore");
        set(
            doc,
            "/pipeline/artifactStores",
            json!({
                "us-east-1": {"type": "S3", "location": "app-artifacts"},
                "eu-west-1": {"type": "S3", "location": "app-artifacts-euw1"}
            }),
        );
    };
    assert_eq!(findings_in_region("us-east-1", stores), Vec::<String>::new());
    assert_eq!(
        findings_in_region("eu-central-1", stores),
        [
            r#"error[artifact-store-pipeline-region]: pipeline "app" > artifactStores: artifactStores has no store for the pipeline's own Region "eu-central-1" (Regions: "us-east-1" and "eu-west-1"); a cross-Region pipeline keeps a store in its own Region too: add one for "eu-central-1""#
        ]
    );
}

#[test]
fn regions_that_are_expressions_need_no_literal_store() {
    let found = findings_after(|doc| {
        remove(doc, "/pipeline/artifactStore");
        set(doc, "/pipeline/artifactStores", json!({"us-east-1": {"type": "S3", "location": "app-artifacts"}}));
        set(doc, "/pipeline/stages/2/actions/0/region", json!({"Fn::FindInMap": ["Regions", "Prod", "Name"]}));
    });
    assert_eq!(found, Vec::<String>::new());
}

/// `get-pipeline` of a pipeline made in the console writes the pipeline's
/// own Region on every action, sources included; that is not a finding.
#[test]
fn the_pipeline_region_written_on_every_action_is_not_a_finding() {
    let on_every_action = |doc: &mut serde_json::Value| {
        for stage in 0..3 {
            set(doc, &format!("/pipeline/stages/{stage}/actions/0/region"), json!("eu-west-1"));
        }
    };
    assert_eq!(findings_after(on_every_action), Vec::<String>::new());
    assert_eq!(findings_in_region("eu-west-1", on_every_action), Vec::<String>::new());
}

#[test]
fn a_source_in_the_pipeline_region_is_valid_and_elsewhere_is_not() {
    let source_in = |region: &'static str| {
        findings_in_region("us-east-1", move |doc| set(doc, "/pipeline/stages/0/actions/0/region", json!(region)))
    };
    assert_eq!(source_in("us-east-1"), Vec::<String>::new());
    assert_eq!(
        source_in("eu-west-1"),
        [
            r#"error[region-not-allowed]: pipeline "app" > stage "Source" > action "Checkout" > region: this action cannot set region: a Source action always runs in the pipeline's Region; remove region"#,
            r#"error[action-region-store]: pipeline "app" > stage "Source" > action "Checkout" > region: the action runs in Region "eu-west-1", but the pipeline has a single artifactStore; a cross-Region pipeline replaces it with artifactStores, one store per Region: the pipeline's own Region and "eu-west-1""#,
        ]
    );
}

/// Every action in one Region that is not the pipeline's: the Region given
/// wins over what the actions say.
#[test]
fn actions_all_in_another_region_than_the_given_one_are_findings() {
    let found = findings_in_region("us-east-1", |doc| {
        for stage in 0..3 {
            set(doc, &format!("/pipeline/stages/{stage}/actions/0/region"), json!("eu-west-1"));
        }
    });
    assert_eq!(found.iter().filter(|finding| finding.starts_with("error[region-not-allowed]")).count(), 1);
    assert_eq!(found.iter().filter(|finding| finding.starts_with("error[action-region-store]")).count(), 3);
}
