//! Where an action runs: the account (its role's, else the pipeline's), the
//! Region (its own, else the pipeline's) and the artifact stores that serve
//! that Region. The validation rules and the cross-account role templates
//! both read these, so each is decided here once.

use crate::arn::Arn;
use crate::model::{ActionDeclaration, ActionOwner, ArtifactStore};
use crate::pipeline::Pipeline;
use crate::providers;

impl Pipeline {
    /// The account `action` runs in: its role's when it has a `roleArn`,
    /// else the pipeline's. `None` when that role is not a literal IAM role
    /// ARN (an expression is only known at deploy).
    pub fn action_account<'a>(&'a self, action: &'a ActionDeclaration) -> Option<&'a str> {
        match &action.role_arn {
            Some(_) => action_role(action).map(|role| role.account),
            None => self.account(),
        }
    }

    /// The Region `action` runs in: its own `region`, else the pipeline's
    /// ([`Pipeline::region`]). `None` when it is not known.
    pub fn action_region<'a>(&'a self, action: &'a ActionDeclaration) -> Option<&'a str> {
        match &action.region {
            Some(region) => region.as_literal(),
            None => self.region(),
        }
    }

    /// The artifact stores that may serve an action running in `region`: the
    /// regional store of `region`, every regional store when `region` is not
    /// known, or the single store unless `region` is known to differ from the
    /// pipeline's Region.
    pub(crate) fn stores_serving(&self, region: Option<&str>) -> Vec<ServingStore<'_>> {
        let declaration = &self.declaration;
        match (&declaration.artifact_stores, &declaration.artifact_store) {
            (Some(stores), _) => {
                let regional = stores.0.iter().map(|entry| ServingStore {
                    field: format!("artifactStores.{}", entry.region),
                    region: entry.region.as_literal(),
                    store: &entry.artifact_store,
                });
                match region {
                    Some(region) => {
                        regional.filter(|serving| serving.region.is_none_or(|own| own == region)).take(1).collect()
                    }
                    None => regional.collect(),
                }
            }
            (None, Some(store)) => {
                let elsewhere = region.zip(self.region()).is_some_and(|(region, pipeline)| region != pipeline);
                let single = ServingStore { field: "artifactStore".to_owned(), region: self.region(), store };
                if elsewhere {
                    Vec::new()
                } else {
                    vec![single]
                }
            }
            (None, None) => Vec::new(),
        }
    }
}

/// The action's own role (`roleArn`), when it is a literal IAM role ARN.
pub(crate) fn action_role(action: &ActionDeclaration) -> Option<Arn<'_>> {
    Arn::iam_role(action.role_arn.as_ref()?.as_literal()?)
}

/// The deployment role of a CloudFormation action (`configuration.RoleArn`),
/// when it is a literal IAM role ARN.
pub(crate) fn deployment_role(action: &ActionDeclaration) -> Option<Arn<'_>> {
    let type_id = &action.action_type_id;
    if type_id.owner != ActionOwner::Aws || type_id.provider != providers::CLOUDFORMATION.name {
        return None;
    }
    Arn::iam_role(action.configuration.as_ref()?.get("RoleArn")?.as_literal()?)
}

/// An artifact store and where the pipeline declares it.
pub(crate) struct ServingStore<'a> {
    /// Its field path: `artifactStore`, `artifactStores.us-east-1`.
    pub(crate) field: String,
    /// Its Region, when known: the regional store's key, or the pipeline's
    /// Region for the single store.
    pub(crate) region: Option<&'a str>,
    /// The store.
    pub(crate) store: &'a ArtifactStore,
}
