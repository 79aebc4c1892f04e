//! Cross-account actions: a customer-managed KMS key on the artifact store of
//! their Region, no outputs from a cross-account CodeBuild action, no
//! artifact handed between two other accounts, the CloudFormation deployment
//! role in the action's account, and no role on custom actions.

use super::context::{role_account, Context, Placed};
use super::{Location, Violation};
use crate::model::{ActionOwner, ArtifactStore, Str};

/// Checks the actions that run in another account than the pipeline.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for placed in &cx.actions {
        if placed.action.role_arn.is_some() && placed.action.action_type_id.owner == ActionOwner::Custom {
            out.push(Violation::new(
                cx.location(placed).field("roleArn"),
                "custom-action-role",
                "a Custom action (Jenkins or another job worker) cannot have roleArn: CodePipeline assumes no role \
                 for it, so it cannot run in another account; remove roleArn",
            ));
        }
    }
    let Some(pipeline_account) = cx.pipeline_account() else { return };
    let mut any_foreign = false;
    for placed in &cx.actions {
        let location = cx.location(placed);
        if placed.is_aws("CloudFormation") {
            deployment_role_account(cx, placed, &location, out);
        }
        let Some(account) = cx.foreign_account(placed) else { continue };
        any_foreign = true;
        let runs_in = format!(
            "this action runs in account {account} (its roleArn), not the pipeline's account {pipeline_account}"
        );
        if let Some((field, bucket)) = store_without_key(cx, placed) {
            out.push(Violation::new(
                location.field("roleArn"),
                "cross-account-kms-key",
                format!(
                    "{runs_in}, but its artifact store ({field} {bucket}) has no encryptionKey: the AWS-managed \
                     aws/s3 key cannot be shared with another account; give the store a customer-managed KMS key \
                     (encryptionKey with the key ARN)"
                ),
            ));
        }
        if placed.is_aws("CodeBuild") && placed.output_count() > 0 {
            out.push(Violation::new(
                location.field("outputArtifacts"),
                "cross-account-codebuild-output",
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
                    "cross-account-artifact",
                    format!(
                        "{runs_in}, and its input \"{name}\" was produced by {} in account {producer_account}; an \
                         artifact cannot pass between two accounts other than the pipeline's: produce it in the \
                         pipeline's account or in account {account}",
                        producer.describe()
                    ),
                ));
            }
        }
    }
    if any_foreign {
        key_ids_are_arns(cx, out);
    }
}

/// The store a cross-account action reads and writes, when it has no
/// customer-managed key: its field path and bucket, for messages.
fn store_without_key(cx: &Context<'_>, placed: &Placed<'_>) -> Option<(String, String)> {
    let declaration = cx.declaration;
    let describe = |store: &ArtifactStore| format!("\"{}\"", store.location);
    match (&placed.action.region, &declaration.artifact_stores, &declaration.artifact_store) {
        (Some(region), Some(stores), _) => {
            let entry = stores.0.iter().find(|entry| entry.region == *region || !entry.region.is_literal())?;
            let store = &entry.artifact_store;
            store.encryption_key.is_none().then(|| (format!("artifactStores.{}", entry.region), describe(store)))
        }
        (Some(_), None, _) => None,
        (None, _, Some(store)) => store.encryption_key.is_none().then(|| ("artifactStore".to_owned(), describe(store))),
        (None, Some(stores), None) => {
            let keyless = stores.0.iter().all(|entry| entry.artifact_store.encryption_key.is_none());
            (keyless && !stores.0.is_empty()).then(|| {
                let buckets: Vec<String> = stores.0.iter().map(|entry| describe(&entry.artifact_store)).collect();
                ("artifactStores".to_owned(), buckets.join(", "))
            })
        }
        (None, None, None) => None,
    }
}

/// The CloudFormation deployment role is in the account the action runs in.
fn deployment_role_account(cx: &Context<'_>, placed: &Placed<'_>, location: &Location, out: &mut Vec<Violation>) {
    let Some(role_account) = placed.config("RoleArn").and_then(role_account) else { return };
    let Some(account) = cx.account_of(placed) else { return };
    if role_account == account {
        return;
    }
    let whose =
        if placed.action.role_arn.is_some() { "its roleArn" } else { "the pipeline's role, as it has no roleArn" };
    out.push(Violation::new(
        location.field("configuration.RoleArn"),
        "cloudformation-role-account",
        format!(
            "the deployment role RoleArn is in account {role_account}, but the action runs in account {account} \
             ({whose}); the action's role passes the deployment role to CloudFormation, which only works within one \
             account: use a deployment role of account {account}, or set the action's roleArn to a role of account \
             {role_account}"
        ),
    ));
}

/// With cross-account actions, every store's KMS key is named by ARN: a key
/// ID or alias would be looked up in the other account.
fn key_ids_are_arns(cx: &Context<'_>, out: &mut Vec<Violation>) {
    for (field, store) in cx.stores() {
        let Some(id) = store.encryption_key.as_ref().map(|key| &key.id).and_then(Str::as_literal) else { continue };
        if !id.starts_with("arn:") {
            out.push(Violation::warning(
                cx.pipeline_location().field(&field).field("encryptionKey.id"),
                "kms-key-arn-cross-account",
                format!(
                    "the KMS key \"{id}\" is not an ARN, and actions in other accounts would look it up in their own \
                     account; use the key ARN, arn:aws:kms:<region>:<12-digit account>:key/<id>"
                ),
            ));
        }
    }
}
