//! The generated service role's policy, derived from the pipeline's
//! actions: read and write access to every artifact store (and its key),
//! `sts:AssumeRole` on exactly the roles the actions name, and, for each
//! action that runs with the service role itself (no `roleArn`), the
//! permissions of its provider's description, scoped to its settings
//! (see [`crate::cross_account`]'s permissions, which this reuses).

use crate::arn::Arn;
use crate::cross_account::permissions::{self, Place};
use crate::cross_account::{artifact_statements, ArtifactUse, RolePolicy, Trust};
use crate::iam::PolicyStatement;
use crate::model::Str;
use crate::pipeline::Pipeline;
use crate::{Location, Rule, Violation};

use super::names::role_name;
use super::GeneratedRole;

/// The service role of `pipeline` (whose role ARN `home` names it), and a
/// `service-role-permissions` warning for each action whose permissions it
/// cannot grant.
pub(crate) fn derive(pipeline: &Pipeline, home: &Arn) -> (GeneratedRole, Vec<Violation>) {
    let mut warnings = Vec::new();
    let mut policies = Vec::new();
    let artifacts = artifact_stores(pipeline, &mut warnings);
    if !artifacts.is_empty() {
        policies.push(RolePolicy {
            name: "ArtifactAccess".to_owned(),
            statements: artifact_statements(home.partition, &artifacts),
        });
    }
    let mut assumed: Vec<String> = Vec::new();
    let mut statements: Vec<PolicyStatement> = Vec::new();
    for stage in &pipeline.declaration().stages {
        for action in &stage.actions {
            let location = || Location::action(&pipeline.declaration().name, &stage.name, &action.name);
            if let Some(role) = &action.role_arn {
                match role.as_literal() {
                    Some(role) if !assumed.iter().any(|known| known == role) => assumed.push(role.to_owned()),
                    Some(_) => {}
                    None => warnings.push(Violation::new(
                        location().field("roleArn"),
                        Rule::ServiceRolePermissions,
                        format!(
                            "the action's roleArn is a CloudFormation expression ({role}); the generated service \
                             role may assume only literal role ARNs: give the ARN as text"
                        ),
                    )),
                }
                continue;
            }
            let Some(provider) = permissions::of(action) else {
                warnings.push(Violation::new(
                    location(),
                    Rule::ServiceRolePermissions,
                    format!(
                        "pipewright does not know what the {} provider needs, so the generated service role cannot \
                         run this action: give it a role of its own with `.role_arn(..)`, or use your own service role",
                        action.action_type_id.provider
                    ),
                ));
                continue;
            };
            let region = pipeline.action_region(action).unwrap_or(home.region);
            let place = Place { partition: home.partition, account: home.account, region };
            match permissions::statements(provider, action, &place) {
                Ok(granted) => {
                    for statement in granted {
                        if !statements.contains(&statement) {
                            statements.push(statement);
                        }
                    }
                }
                Err(message) => warnings.push(Violation::new(
                    location(),
                    Rule::ServiceRolePermissions,
                    format!("the generated service role cannot grant what this action needs: {message}"),
                )),
            }
        }
    }
    if !assumed.is_empty() {
        policies.push(RolePolicy {
            name: "AssumeActionRoles".to_owned(),
            statements: vec![PolicyStatement::allow(&["sts:AssumeRole"], assumed)],
        });
    }
    if !statements.is_empty() {
        policies.push(RolePolicy { name: "RunActions".to_owned(), statements });
    }
    let name = home.role_name().map_or_else(|| role_name(&pipeline.name()), str::to_owned);
    (GeneratedRole { name, trust: Trust::Service("codepipeline.amazonaws.com"), policies }, warnings)
}

/// Every artifact store of the pipeline, read and written; a store named by
/// an expression is reported and left out.
fn artifact_stores(pipeline: &Pipeline, warnings: &mut Vec<Violation>) -> Vec<ArtifactUse> {
    let declaration = pipeline.declaration();
    let stores = declaration
        .artifact_stores
        .iter()
        .flat_map(|stores| stores.0.iter().map(|entry| (entry.region.clone(), &entry.artifact_store)))
        .chain(
            declaration.artifact_store.iter().map(|store| (Str::from(pipeline.region().unwrap_or_default()), store)),
        );
    let mut uses = Vec::new();
    for (region, store) in stores {
        let key = store.encryption_key.as_ref().map(|key| key.id.as_literal());
        match (store.location.as_literal(), key) {
            (Some(bucket), None) => {
                uses.push(ArtifactUse { region: region.to_string(), bucket: bucket.to_owned(), key: None, write: true })
            }
            (Some(bucket), Some(Some(key))) => uses.push(ArtifactUse {
                region: region.to_string(),
                bucket: bucket.to_owned(),
                key: Some(key.to_owned()),
                write: true,
            }),
            _ => warnings.push(Violation::new(
                Location::pipeline(&declaration.name),
                Rule::ServiceRolePermissions,
                format!(
                    "the artifact store of {region} names its bucket or key with a CloudFormation expression; the \
                     generated service role needs them as text to grant access"
                ),
            )),
        }
    }
    uses
}
