//! Artifact stores and Regions: exactly one of `artifactStore` and
//! `artifactStores`, bucket names, KMS key ids, Region names (the
//! pipeline's, the stores', the actions'), one store per Region, a store for
//! the pipeline's Region and for every action Region, and no Region on
//! actions that cannot have one.

use super::context::{quoted_list, Context, Placed};
use super::pattern::{length_problem, BUCKET};
use crate::arn::is_region;
use crate::model::{ActionCategory, ActionOwner, ArtifactStore, RegionalArtifactStore};
use crate::{Location, Rule, Violation};

/// Longest KMS key id (key ID, key ARN or alias ARN).
const MAX_KEY_ID: usize = 400;

/// Checks the artifact stores and the Regions of the actions.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let declaration = cx.declaration;
    let regional = declaration.artifact_stores.as_ref().map_or(&[][..], |stores| stores.0.as_slice());
    let problem = match (&declaration.artifact_store, &declaration.artifact_stores) {
        (None, None) => Some("the pipeline has no artifact store"),
        (None, Some(_)) if regional.is_empty() => Some("artifactStores is empty"),
        (Some(_), Some(_)) => Some("the pipeline sets both artifactStore and artifactStores"),
        _ => None,
    };
    if let Some(problem) = problem {
        out.push(Violation::new(
            cx.pipeline_location(),
            Rule::ArtifactStoreExactlyOne,
            format!(
                "{problem}; set exactly one of artifactStore (one S3 bucket, for a single-Region pipeline) and \
                 artifactStores (one bucket per Region, including the pipeline's own, for a cross-Region pipeline)"
            ),
        ));
    }
    for (field, store) in cx.stores() {
        check_store(cx.pipeline_location().field(&field), store, out);
    }
    if let Some(region) = cx.pipeline.region() {
        check_region(cx.pipeline_location().field("region"), region, out);
    }
    regional_stores(cx, regional, out);
    let own_region = own_region(cx);
    for placed in &cx.actions {
        action_region(cx, placed, own_region, regional, out);
    }
}

/// The pipeline's own Region: the one it was given, or else the one every
/// action names when they all name the same (`get-pipeline` writes the
/// pipeline's Region on every action of a pipeline made in the console).
fn own_region<'a>(cx: &Context<'a>) -> Option<&'a str> {
    if let Some(region) = cx.pipeline.region() {
        return Some(region);
    }
    let mut regions =
        cx.actions.iter().map(|placed| placed.action.region.as_ref().and_then(|region| region.as_literal()));
    let first = regions.next()??;
    regions.all(|region| region == Some(first)).then_some(first)
}

/// One store per Region of `artifactStores`, one of them in the pipeline's
/// Region.
fn regional_stores(cx: &Context<'_>, regional: &[RegionalArtifactStore], out: &mut Vec<Violation>) {
    let mut seen: Vec<&str> = Vec::new();
    for entry in regional {
        let location = cx.pipeline_location().field(&format!("artifactStores.{}", entry.region));
        let Some(region) = entry.region.as_literal() else { continue };
        check_region(location.clone(), region, out);
        if seen.contains(&region) {
            out.push(Violation::new(
                location,
                Rule::ArtifactStoreRegionUnique,
                format!("artifactStores has more than one store for \"{region}\"; keep one store per Region"),
            ));
        }
        seen.push(region);
    }
    let Some(region) = cx.pipeline.region().filter(|region| is_region(region)) else { return };
    if regional.is_empty() || seen.len() < regional.len() || seen.contains(&region) {
        return;
    }
    out.push(Violation::new(
        cx.pipeline_location().field("artifactStores"),
        Rule::ArtifactStorePipelineRegion,
        format!(
            "artifactStores has no store for the pipeline's own Region \"{region}\" (Regions: {}); a cross-Region \
             pipeline keeps a store in its own Region too: add one for \"{region}\"",
            quoted_list(&seen, "and")
        ),
    ));
}

/// An action's Region: a Region name, allowed for the action, with a store;
/// the pipeline's own Region needs neither.
fn action_region(
    cx: &Context<'_>,
    placed: &Placed<'_>,
    own_region: Option<&str>,
    regional: &[RegionalArtifactStore],
    out: &mut Vec<Violation>,
) {
    let Some(region) = &placed.action.region else { return };
    let location = cx.location(placed).field("region");
    if let Some(region) = region.as_literal() {
        check_region(location.clone(), region, out);
    }
    if own_region.is_some_and(|own| *region == own) {
        return;
    }
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
            Rule::RegionNotAllowed,
            format!("this action cannot set region: {reason}; remove region"),
        ));
    }
    let Some(region) = region.as_literal() else { return };
    if regional.iter().any(|entry| !entry.region.is_literal() || entry.region == region) {
        return;
    }
    let problem = if cx.declaration.artifact_store.is_some() {
        format!(
            "the action runs in Region \"{region}\", but the pipeline has a single artifactStore; a cross-Region \
             pipeline replaces it with artifactStores, one store per Region: the pipeline's own Region and \
             \"{region}\""
        )
    } else if !regional.is_empty() {
        format!(
            "the action runs in Region \"{region}\", which has no store in artifactStores (Regions: {}); add an \
             artifact store in \"{region}\"",
            quoted_list(regional.iter().map(|entry| &entry.region), "and")
        )
    } else {
        return;
    };
    out.push(Violation::new(location, Rule::ActionRegionStore, problem));
}

/// The bucket name and the KMS key id of one store.
fn check_store(location: Location, store: &ArtifactStore, out: &mut Vec<Violation>) {
    if let Some(bucket) = store.location.as_literal() {
        if let Some(problem) = BUCKET.problem(bucket) {
            out.push(Violation::new(
                location.field("location"),
                Rule::ArtifactStoreBucket,
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
            Rule::KmsKeyIdLength,
            format!("the KMS key id {problem}; use a key ID, key ARN or alias ARN of 1 to {MAX_KEY_ID} characters"),
        ));
    }
}

/// A Region name, such as `us-east-1`.
fn check_region(location: Location, region: &str, out: &mut Vec<Violation>) {
    if !is_region(region) {
        out.push(Violation::new(
            location,
            Rule::RegionName,
            format!("the Region \"{region}\" is not a Region name; use one such as \"us-east-1\" or \"eu-west-2\""),
        ));
    }
}
