//! Cross-account actions: no role on custom actions, the CloudFormation
//! deployment role in the action's account, a customer-managed KMS key on
//! the artifact store the action uses, no outputs from a cross-account
//! CodeBuild action, no artifact handed between two other accounts, a
//! provider whose role permissions the role templates know, a KMS key named
//! by ARN, and a pipeline role whose account can be compared at all.

use super::context::{quoted_list, ActionLocation, Context, Placed};
use crate::cross_account::knows_provider_permissions;
use crate::model::ActionOwner;
use crate::placement::{action_role, deployment_role, ServingStore};
use crate::providers;
use crate::{Rule, Violation};

/// Checks the actions that run in another account than the pipeline.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        if is_custom_with_role(placed) {
            out.push(Violation::new(
                cx.location(placed).field("roleArn"),
                Rule::CustomActionRole,
                "a Custom action (Jenkins or another job worker) cannot have roleArn: CodePipeline assumes no role \
                 for it, so it cannot run in another account; remove roleArn",
            ));
        }
    }
    let Some(pipeline_account) = cx.pipeline_account() else {
        accounts_unknown(cx, out);
        return;
    };
    let mut keyed_stores: Vec<(ServingStore<'_>, Vec<&str>)> = Vec::new();
    for placed in &cx.actions {
        let location = cx.location(placed);
        deployment_role_account(cx, placed, location, out);
        let Some(account) = cx.foreign_account(placed).filter(|_| !is_custom_with_role(placed)) else { continue };
        let runs_in = format!(
            "this action runs in account {account} (its roleArn), not the pipeline's account {pipeline_account}"
        );
        let stores = cx.pipeline.stores_serving(cx.pipeline.action_region(placed.action));
        if !stores.is_empty() && stores.iter().all(|serving| serving.store.encryption_key.is_none()) {
            out.push(Violation::new(
                location.field("roleArn"),
                Rule::CrossAccountKmsKey,
                format!(
                    "{runs_in}, but {}: artifacts are then encrypted with the AWS-managed aws/s3 key, which no other \
                     account can use; give the store a customer-managed KMS key (encryptionKey with the key ARN, {})",
                    keyless(&stores),
                    key_arn(cx, &stores, pipeline_account)
                ),
            ));
        }
        for serving in stores.into_iter().filter(|serving| serving.store.encryption_key.is_some()) {
            match keyed_stores.iter_mut().find(|(known, _)| known.field == serving.field) {
                Some((_, accounts)) if accounts.contains(&account) => {}
                Some((_, accounts)) => accounts.push(account),
                None => keyed_stores.push((serving, vec![account])),
            }
        }
        if placed.is_aws(providers::CODEBUILD.name) && placed.output_count() > 0 {
            out.push(Violation::new(
                location.field("outputArtifacts"),
                Rule::CrossAccountCodeBuildOutput,
                format!(
                    "{runs_in}, and a cross-account CodeBuild action cannot have output artifacts; run the build in \
                     the pipeline's account, or produce the artifact with another action"
                ),
            ));
        }
        for (index, input) in placed.input_names().enumerate() {
            let Some(name) = input.as_literal() else { continue };
            let Some(producer) = cx.producers_of(name).find(|producer| producer.runs_before(placed)) else { continue };
            let Some(producer_account) = cx.account_of(producer) else { continue };
            if producer_account != pipeline_account && producer_account != account {
                out.push(Violation::new(
                    location.field(&format!("inputArtifacts[{index}].name")),
                    Rule::CrossAccountArtifact,
                    format!(
                        "{runs_in}, and its input \"{name}\" was produced by {} in account {producer_account}; an \
                         artifact cannot pass between two accounts other than the pipeline's: produce it in the \
                         pipeline's account or in account {account}",
                        producer.describe()
                    ),
                ));
            }
        }
        if !knows_provider_permissions(placed.action) {
            out.push(Violation::new(
                location.to_location(),
                Rule::CrossAccountPermissions,
                format!(
                    "pipewright does not know what a {} action needs, so the role template for account {account} \
                     grants its role only access to the artifacts; add the provider's permissions to that role",
                    placed.action.action_type_id.provider
                ),
            ));
        }
    }
    for (serving, accounts) in keyed_stores {
        key_id_is_an_arn(cx, &serving, &accounts, pipeline_account, out);
    }
}

/// Whether the action is a Custom one that sets a role.
fn is_custom_with_role(placed: &Placed<'_>) -> bool {
    placed.action.role_arn.is_some() && placed.action.action_type_id.owner == ActionOwner::Custom
}

/// `its artifact store (artifactStore "bucket") has no encryptionKey`, or
/// the same of every store the action may use.
fn keyless(stores: &[ServingStore<'_>]) -> String {
    match stores {
        [serving] => {
            format!("its artifact store ({} \"{}\") has no encryptionKey", serving.field, serving.store.location)
        }
        _ => format!(
            "none of the artifact stores it may use (artifactStores {}) has an encryptionKey",
            quoted_list(stores.iter().map(|serving| &serving.store.location), "and")
        ),
    }
}

/// The shape of the key ARN the stores need, in the Region of the store
/// when there is one and it is known.
fn key_arn(cx: &Context<'_>, stores: &[ServingStore<'_>], pipeline_account: &str) -> String {
    let region = match stores {
        [serving] => serving.region,
        _ => None,
    };
    let partition = cx.pipeline.partition().unwrap_or("aws");
    format!("arn:{partition}:kms:{}:{pipeline_account}:key/<key-id>", region.unwrap_or("<region>"))
}

/// The CloudFormation deployment role is in the account the action runs in.
fn deployment_role_account(
    cx: &Context<'_>,
    placed: &Placed<'_>,
    location: ActionLocation<'_>,
    out: &mut Vec<Violation>,
) {
    let Some(role) = deployment_role(placed.action) else { return };
    let Some(account) = cx.account_of(placed) else { return };
    let role_account = role.account;
    if role_account == account {
        return;
    }
    let whose =
        if placed.action.role_arn.is_some() { "its roleArn" } else { "the pipeline's role, as it has no roleArn" };
    out.push(Violation::new(
        location.field("configuration.RoleArn"),
        Rule::CloudFormationRoleAccount,
        format!(
            "the deployment role RoleArn is in account {role_account}, but the action runs in account {account} \
             ({whose}); the action's role passes the deployment role to CloudFormation, which only works within one \
             account: use a deployment role of account {account}, or set the action's roleArn to a role of account \
             {role_account}"
        ),
    ));
}

/// A store used by actions of other accounts names its KMS key by ARN: a key
/// ID or alias would be looked up in the account the action runs in.
fn key_id_is_an_arn(
    cx: &Context<'_>,
    serving: &ServingStore<'_>,
    accounts: &[&str],
    pipeline_account: &str,
    out: &mut Vec<Violation>,
) {
    let Some(id) = serving.store.encryption_key.as_ref().and_then(|key| key.id.as_literal()) else { return };
    if id.starts_with("arn:") {
        return;
    }
    let (noun, accounts) = match accounts {
        [account] => ("account", (*account).to_owned()),
        _ => ("accounts", accounts.join(", ")),
    };
    out.push(Violation::new(
        cx.pipeline_location().field(&serving.field).field("encryptionKey.id"),
        Rule::CrossAccountKmsKeyArn,
        format!(
            "the KMS key \"{id}\" is not an ARN, and the actions that run in {noun} {accounts} would look it up in \
             their own account; use the key ARN, {}",
            key_arn(cx, std::slice::from_ref(serving), pipeline_account)
        ),
    ));
}

/// When the pipeline's role is an expression, no account can be compared:
/// say so when actions have roles of their own.
fn accounts_unknown(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let role = &cx.declaration.role_arn;
    if role.is_literal() {
        return;
    }
    if cx.actions.iter().any(|placed| action_role(placed.action).is_some()) {
        out.push(Violation::new(
            cx.pipeline_location().field("roleArn"),
            Rule::CrossAccountDetection,
            format!(
                "the pipeline's roleArn is a CloudFormation expression ({role}), so pipewright cannot tell which \
                 actions run in another account: their cross-account rules are not checked and no role templates \
                 are written for them; write the role as arn:aws:iam::<account>:role/<name> to have both"
            ),
        ));
    }
}
