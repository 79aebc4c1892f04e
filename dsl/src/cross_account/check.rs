//! The rules cross-account actions must follow.

use crate::arn::Arn;
use crate::model::Str;
use crate::pipeline::Pipeline;
use crate::validate::{Location, Violation};

use super::permissions::ProviderPermissions;
use super::{artifact_store, cross_account_actions, role_arn};

/// Every finding about the pipeline's cross-account actions.
pub(crate) fn check(pipeline: &Pipeline) -> Vec<Violation> {
    let declaration = pipeline.declaration();
    let Some(home) = pipeline.service_role() else {
        let any_action_role = declaration
            .stages
            .iter()
            .flat_map(|stage| &stage.actions)
            .any(|action| role_arn(action.role_arn.as_ref()).is_some());
        return any_action_role
            .then(|| {
                Violation::warning(
                    Location::pipeline(&declaration.name).field("roleArn"),
                    "cross-account-detection",
                    format!(
                        "the pipeline's roleArn ({}) is not a literal IAM role ARN, so actions whose role is in another \
                         account cannot be found and no role templates are written for them; write it as \
                         arn:aws:iam::<account>:role/<name>",
                        declaration.role_arn
                    ),
                )
            })
            .into_iter()
            .collect();
    };
    let mut violations = Vec::new();
    for cross in cross_account_actions(pipeline, &home) {
        let location = Location::action(&declaration.name, &cross.stage.name, &cross.action.name);
        let account = cross.action_role.or(cross.deployment_role).map_or(cross.role_account, |role| role.account);
        if let Some(store) = artifact_store(pipeline, cross.region) {
            let place = match cross.region {
                Some(region) => format!("the artifact store \"{}\" ({region})", store.location),
                None => format!("the artifact store \"{}\"", store.location),
            };
            match &store.encryption_key {
                None => violations.push(Violation::new(
                    location.clone(),
                    "cross-account-kms-key",
                    format!(
                        "the action uses a role in account {account}, but {place} has no customer-managed KMS key: its \
                         artifacts are then encrypted with the AWS-managed aws/s3 key, which no other account can use; \
                         give the store a key, e.g. `ArtifactStore::s3(\"{}\").with_kms_key(\"arn:aws:kms:{}:{}:key/<key-id>\")`",
                        store.location,
                        cross.region.unwrap_or("<region>"),
                        home.account
                    ),
                )),
                Some(key) => {
                    if let Str::Literal(id) = &key.id {
                        let is_key_arn = Arn::parse(id)
                            .is_some_and(|arn| arn.service == "kms" && arn.resource.starts_with("key/"));
                        if !is_key_arn {
                            violations.push(Violation::warning(
                                location.clone(),
                                "cross-account-kms-key-arn",
                                format!(
                                    "{place} names its KMS key \"{id}\", which an action running in account {account} \
                                     looks up in that account; name the key by its ARN \
                                     (arn:aws:kms:<region>:{}:key/<key-id>)",
                                    home.account
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if let Some(deployment_role) = cross.deployment_role.filter(|role| role.account != cross.role_account) {
            violations.push(Violation::new(
                location.field("configuration.RoleArn"),
                "cross-account-deployment-role",
                format!(
                    "the CloudFormation deployment role is in account {}, but the action runs with a role in account {}; \
                     CloudFormation takes a deployment role only from the action role's account: give the action \
                     `.role_arn(\"arn:aws:iam::{}:role/<name>\")`",
                    deployment_role.account, cross.role_account, deployment_role.account
                ),
            ));
        }
        let has_outputs = cross.action.output_artifacts.as_ref().is_some_and(|outputs| !outputs.is_empty());
        if cross.action_role.is_some() && cross.action.action_type_id.provider == "CodeBuild" && has_outputs {
            violations.push(Violation::new(
                location.clone(),
                "cross-account-codebuild-outputs",
                format!(
                    "a CodeBuild action that runs with a role in account {account} cannot produce output artifacts; \
                     drop its outputs or run it in the pipeline's account ({})",
                    home.account
                ),
            ));
        }
        if cross.action_role.is_some() && ProviderPermissions::of(cross.action).is_none() {
            violations.push(Violation::warning(
                location,
                "cross-account-permissions",
                format!(
                    "pipewright does not know what a {} action needs, so the role template for account {account} \
                     grants its role only access to the artifacts; add the provider's permissions to that role",
                    cross.action.action_type_id.provider
                ),
            ));
        }
    }
    violations
}
