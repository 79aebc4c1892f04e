//! Writing the generated resources' ARNs into the pipeline's model: the
//! service role's ARN as `roleArn`, the generated buckets (and keys) as its
//! artifact stores. The builder calls it once the pipeline is finished;
//! what it cannot name is reported with the builder's findings.

use super::names::{bucket_name, key_alias, partition_of, role_name};
use crate::model::{ArtifactStore, ArtifactStores, RegionalArtifactStore};
use crate::pipeline::Pipeline;
use crate::placement::{action_role, deployment_role};
use crate::{Location, Rule, Violation};

/// Fills in the ARNs of what the pipeline generates, or reports why they
/// cannot be named (`support-name`, `support-region`, `support-account`).
pub(crate) fn apply(pipeline: &mut Pipeline) {
    let provision = pipeline.surroundings.provision.clone();
    if !provision.generates_anything() {
        return;
    }
    let location = Location::pipeline(&pipeline.declaration.name);
    let Some(name) = pipeline.declaration.name.as_literal().map(str::to_owned) else {
        pipeline.build_violations.push(Violation::new(
            location,
            Rule::SupportName,
            "the generated service role, buckets and keys are named after the pipeline, whose name is a \
             CloudFormation expression: give the pipeline a literal name, or give your own role and buckets",
        ));
        return;
    };
    let Some(region) = pipeline.region().map(str::to_owned) else {
        pipeline.build_violations.push(Violation::new(
            location,
            Rule::SupportRegion,
            "the generated support resources are deployed in the pipeline's Region, which is unknown: call \
             `p.region(\"us-east-1\")` with the Region the pipeline is created in",
        ));
        return;
    };
    let account = match (&provision.account, provision.service_role) {
        (Some(account), _) => account.clone(),
        (None, false) => match pipeline.account() {
            Some(account) => account.to_owned(),
            None => return missing_account(pipeline, location),
        },
        (None, true) => return missing_account(pipeline, location),
    };
    let partition = partition_of(&region);
    if provision.service_role {
        pipeline.declaration.role_arn = format!("arn:{partition}:iam::{account}:role/{}", role_name(&name)).into();
    }
    if provision.artifact_buckets {
        let keyed = runs_in_another_account(pipeline, &account);
        let store = |store_region: &str| {
            let store = ArtifactStore::s3(bucket_name(&name, &account, store_region));
            match keyed {
                true => {
                    store.with_kms_key(format!("arn:{partition}:kms:{store_region}:{account}:{}", key_alias(&name)))
                }
                false => store,
            }
        };
        let regions = regions_used(pipeline, &region);
        let declaration = &mut pipeline.declaration;
        if let [only] = regions.as_slice() {
            declaration.artifact_store = Some(store(only));
            declaration.artifact_stores = None;
        } else {
            let stores = regions
                .iter()
                .map(|store_region| RegionalArtifactStore {
                    region: store_region.as_str().into(),
                    artifact_store: store(store_region),
                })
                .collect();
            declaration.artifact_store = None;
            declaration.artifact_stores = Some(ArtifactStores(stores));
        }
    }
}

/// `support-account`: the generated resources need the pipeline's account.
fn missing_account(pipeline: &mut Pipeline, location: Location) {
    pipeline.build_violations.push(Violation::new(
        location,
        Rule::SupportAccount,
        "the generated service role and buckets are named with the pipeline's account, which is unknown: call \
         `p.account(\"123456789012\")` with the account the pipeline is created in",
    ));
}

/// The pipeline's Region, then every other Region an action names, in the
/// order the pipeline first uses them.
fn regions_used(pipeline: &Pipeline, region: &str) -> Vec<String> {
    let mut regions = vec![region.to_owned()];
    for action in pipeline.declaration.stages.iter().flat_map(|stage| &stage.actions) {
        if let Some(own) = action.region.as_ref().and_then(|own| own.as_literal()) {
            if !regions.iter().any(|known| known == own) {
                regions.push(own.to_owned());
            }
        }
    }
    regions
}

/// Whether an action's role or CloudFormation deployment role is in another
/// account than `account`: then the buckets need a key that account can use.
fn runs_in_another_account(pipeline: &Pipeline, account: &str) -> bool {
    pipeline.declaration.stages.iter().flat_map(|stage| &stage.actions).any(|action| {
        [action_role(action), deployment_role(action)].into_iter().flatten().any(|role| role.account != account)
    })
}
