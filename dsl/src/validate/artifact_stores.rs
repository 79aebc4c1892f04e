//! Artifact stores and Regions: exactly one of `artifactStore` and
//! `artifactStores`, bucket names, KMS key ids, one store per Region, a store
//! for every action Region, and no Region on actions that cannot have one.

use super::context::{quoted_list, Context};
use super::pattern::{length_problem, BUCKET};
use super::{Location, Violation};
use crate::model::{ActionCategory, ActionOwner, ArtifactStore, Str};

/// Shortest and longest Region name.
const REGION_LENGTH: (usize, usize) = (4, 30);
/// Longest KMS key id (key ID, key ARN or alias ARN).
const MAX_KEY_ID: usize = 400;

/// Checks the artifact stores and the Regions of the actions.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let declaration = cx.declaration;
    let regional = declaration.artifact_stores.as_ref().map(|stores| stores.0.as_slice());
    let problem = match (&declaration.artifact_store, regional) {
        (None, None) => Some("the pipeline has no artifact store"),
        (None, Some([])) => Some("artifactStores is empty"),
        (Some(_), Some(_)) => Some("the pipeline sets both artifactStore and artifactStores"),
        _ => None,
    };
    if let Some(problem) = problem {
        out.push(Violation::new(
            cx.pipeline_location(),
            "artifact-store-exactly-one",
            format!(
                "{problem}; set exactly one of artifactStore (one S3 bucket, for a single-Region pipeline) and \
                 artifactStores (one bucket per Region, including the pipeline's own, for a cross-Region pipeline)"
            ),
        ));
    }
    for (field, store) in cx.stores() {
        check_store(cx.pipeline_location().field(&field), store, out);
    }
    let mut seen: Vec<&str> = Vec::new();
    for entry in regional.unwrap_or_default() {
        let location = cx.pipeline_location().field(&format!("artifactStores.{}", entry.region));
        check_region(location.clone(), &entry.region, out);
        let Some(region) = entry.region.as_literal() else { continue };
        if seen.contains(&region) {
            out.push(Violation::new(
                location,
                "artifact-store-region-unique",
                format!("artifactStores has more than one store for \"{region}\"; keep one store per Region"),
            ));
        }
        seen.push(region);
    }
    for placed in &cx.actions {
        let Some(region) = &placed.action.region else { continue };
        let location = cx.location(placed).field("region");
        check_region(location.clone(), region, out);
        let type_id = &placed.action.action_type_id;
        let refused = if type_id.category == ActionCategory::Source {
            Some("a Source action always runs in the pipeline's Region")
        } else if type_id.owner != ActionOwner::Aws {
            Some("only AWS-owned actions can run in another Region")
        } else {
            None
        };
        if let Some(reason) = refused {
            out.push(Violation::new(
                location.clone(),
                "region-not-allowed",
                format!("this action cannot set region: {reason}; remove region"),
            ));
        }
        let Some(region) = region.as_literal() else { continue };
        let stores = regional.unwrap_or_default();
        if stores.iter().any(|entry| !entry.region.is_literal() || entry.region == region) {
            continue;
        }
        let problem = if declaration.artifact_store.is_some() {
            format!(
                "the action runs in Region \"{region}\", but the pipeline has a single artifactStore; a cross-Region \
                 pipeline replaces it with artifactStores, one store per Region: the pipeline's own Region and \
                 \"{region}\""
            )
        } else if !stores.is_empty() {
            format!(
                "the action runs in Region \"{region}\", which has no store in artifactStores (Regions: {}); add an \
                 artifact store in \"{region}\"",
                quoted_list(stores.iter().map(|entry| &entry.region), "and")
            )
        } else {
            continue;
        };
        out.push(Violation::new(location, "action-region-store", problem));
    }
}

/// The bucket name and the KMS key id of one store.
fn check_store(location: Location, store: &ArtifactStore, out: &mut Vec<Violation>) {
    if let Some(bucket) = store.location.as_literal() {
        if let Some(problem) = BUCKET.problem(bucket) {
            out.push(Violation::new(
                location.field("location"),
                "artifact-store-bucket",
                format!(
                    "the bucket name \"{bucket}\" {problem}; use {} (the name of an S3 bucket, not an ARN or a path)",
                    BUCKET.expected()
                ),
            ));
        }
    }
    let Some(key) = &store.encryption_key else { return };
    let Some(id) = key.id.as_literal() else { return };
    if let Some(problem) = length_problem(id, 1, MAX_KEY_ID) {
        out.push(Violation::new(
            location.field("encryptionKey.id"),
            "kms-key-id-length",
            format!("the KMS key id {problem}; use a key ID, key ARN or alias ARN of 1 to {MAX_KEY_ID} characters"),
        ));
    }
}

/// The length of a Region name.
fn check_region(location: Location, region: &Str, out: &mut Vec<Violation>) {
    let Some(text) = region.as_literal() else { return };
    let (min, max) = REGION_LENGTH;
    if let Some(problem) = length_problem(text, min, max) {
        out.push(Violation::new(
            location,
            "region-length",
            format!("the Region \"{text}\" {problem}; use a Region name of {min} to {max} characters, e.g. us-east-1"),
        ));
    }
}
