//! The generated buckets and keys with their resource policies: in the
//! pipeline's account, the half of a cross-account grant that admits each
//! target account's roles (the other half, their identity policies, is in
//! their role templates, [`crate::cross_account`]).
//!
//! A grant names the target account's root as principal and admits only
//! the roles that need it (`aws:PrincipalArn`): S3 and KMS reject a policy
//! that names a role which does not exist yet, so naming the account keeps
//! the stacks deployable in any order, while the condition keeps the grant
//! as narrow as naming the roles.

use serde_json::{json, Value};

use crate::arn::Arn;
use crate::cross_account::{self, KMS_READ, KMS_WRITE};
use crate::iam::{Effect, ResourceStatement};
use crate::model::ArtifactStore;
use crate::pipeline::Pipeline;
use crate::Violations;

use super::{GeneratedBucket, GeneratedKey};

/// What a key administrator of the pipeline's account may do; named one by
/// one, never `kms:*`.
const KEY_ADMINISTRATION: &[&str] = &[
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:CreateGrant",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RevokeGrant",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
];

/// The generated bucket (and key) of one Region.
pub(crate) struct RegionGrants {
    pub(crate) region: String,
    pub(crate) bucket: GeneratedBucket,
    pub(crate) key: Option<GeneratedKey>,
}

/// Which roles of one target account reach one bucket.
struct Grantee {
    account: String,
    readers: Vec<String>,
    writers: Vec<String>,
}

/// The buckets and keys of every Region of the pipeline, with the grants to
/// the target accounts' roles that use them.
pub(crate) fn derive(pipeline: &Pipeline, home: &Arn) -> Result<Vec<RegionGrants>, Violations> {
    let targets = cross_account::targets(pipeline)?;
    let mut all = Vec::new();
    for (region, store) in stores(pipeline) {
        let Some(bucket) = store.location.as_literal() else { continue };
        let mut grantees: Vec<Grantee> = Vec::new();
        for role in targets.iter().flat_map(|target| &target.roles) {
            for used in role.artifacts.iter().filter(|used| used.bucket == bucket) {
                let account = Arn::parse(&role.arn).map(|arn| arn.account.to_owned()).unwrap_or_default();
                let index = match grantees.iter().position(|grantee| grantee.account == account) {
                    Some(index) => index,
                    None => {
                        grantees.push(Grantee { account, readers: Vec::new(), writers: Vec::new() });
                        grantees.len() - 1
                    }
                };
                let grantee = &mut grantees[index];
                if !grantee.readers.contains(&role.arn) {
                    grantee.readers.push(role.arn.clone());
                }
                if used.write && !grantee.writers.contains(&role.arn) {
                    grantee.writers.push(role.arn.clone());
                }
            }
        }
        all.push(RegionGrants {
            region: region.clone(),
            bucket: GeneratedBucket {
                name: bucket.to_owned(),
                policy: bucket_policy(home.partition, bucket, &grantees),
            },
            key: store
                .encryption_key
                .as_ref()
                .and_then(|key| key.id.as_literal())
                .and_then(|key| key.split_once(":alias/"))
                .map(|(_, alias)| GeneratedKey {
                    alias: format!("alias/{alias}"),
                    policy: key_policy(home, &grantees),
                }),
        });
    }
    Ok(all)
}

/// The pipeline's artifact stores with their Regions.
fn stores(pipeline: &Pipeline) -> Vec<(String, &ArtifactStore)> {
    let declaration = pipeline.declaration();
    match (&declaration.artifact_stores, &declaration.artifact_store) {
        (Some(stores), _) => stores.0.iter().map(|entry| (entry.region.to_string(), &entry.artifact_store)).collect(),
        (None, Some(store)) => vec![(pipeline.region().unwrap_or_default().to_owned(), store)],
        (None, None) => Vec::new(),
    }
}

/// `{"AWS": "arn:<partition>:iam::<account>:root"}`.
fn account_root(partition: &str, account: &str) -> Value {
    json!({"AWS": format!("arn:{partition}:iam::{account}:root")})
}

/// Only the principals `roles` (`aws:PrincipalArn`).
fn only(roles: &[String]) -> Value {
    json!({"ArnEquals": {"aws:PrincipalArn": roles}})
}

/// Denies every request that does not use TLS, then admits each target
/// account's roles: reading for every role, writing for those whose actions
/// produce artifacts.
fn bucket_policy(partition: &str, bucket: &str, grantees: &[Grantee]) -> Vec<ResourceStatement> {
    let bucket_arn = format!("arn:{partition}:s3:::{bucket}");
    let objects = format!("{bucket_arn}/*");
    let mut statements = vec![ResourceStatement {
        sid: "DenyInsecureTransport".to_owned(),
        effect: Effect::Deny,
        principal: json!({"AWS": "*"}),
        actions: vec!["s3:*".to_owned()],
        resources: vec![bucket_arn.as_str().into(), objects.as_str().into()],
        condition: Some(json!({"Bool": {"aws:SecureTransport": "false"}})),
    }];
    for grantee in grantees {
        statements.push(ResourceStatement {
            sid: format!("ReadArtifactsFrom{}", grantee.account),
            effect: Effect::Allow,
            principal: account_root(partition, &grantee.account),
            actions: [
                "s3:GetBucketLocation",
                "s3:GetBucketVersioning",
                "s3:GetObject",
                "s3:GetObjectVersion",
                "s3:ListBucket",
            ]
            .map(str::to_owned)
            .to_vec(),
            resources: vec![bucket_arn.as_str().into(), objects.as_str().into()],
            condition: Some(only(&grantee.readers)),
        });
        if !grantee.writers.is_empty() {
            statements.push(ResourceStatement {
                sid: format!("WriteArtifactsFrom{}", grantee.account),
                effect: Effect::Allow,
                principal: account_root(partition, &grantee.account),
                actions: vec!["s3:PutObject".to_owned(), "s3:PutObjectAcl".to_owned()],
                resources: vec![objects.as_str().into()],
                condition: Some(only(&grantee.writers)),
            });
        }
    }
    statements
}

/// The pipeline's account administers the key and lets its own IAM
/// policies grant its use (the service role's does); each target account's
/// roles may decrypt, and encrypt where they write.
fn key_policy(home: &Arn, grantees: &[Grantee]) -> Vec<ResourceStatement> {
    let root = account_root(home.partition, home.account);
    let owned = |actions: &[&str]| actions.iter().map(|action| (*action).to_owned()).collect::<Vec<_>>();
    let mut statements = vec![
        ResourceStatement {
            sid: "KeyAdministration".to_owned(),
            effect: Effect::Allow,
            principal: root.clone(),
            actions: owned(KEY_ADMINISTRATION),
            resources: vec!["*".into()],
            condition: None,
        },
        ResourceStatement {
            sid: "UseInPipelineAccount".to_owned(),
            effect: Effect::Allow,
            principal: root,
            actions: owned(&[KMS_READ, KMS_WRITE].concat()),
            resources: vec!["*".into()],
            condition: None,
        },
    ];
    for grantee in grantees {
        let principal = account_root(home.partition, &grantee.account);
        statements.push(ResourceStatement {
            sid: format!("DecryptFrom{}", grantee.account),
            effect: Effect::Allow,
            principal: principal.clone(),
            actions: owned(KMS_READ),
            resources: vec!["*".into()],
            condition: Some(only(&grantee.readers)),
        });
        if !grantee.writers.is_empty() {
            statements.push(ResourceStatement {
                sid: format!("EncryptFrom{}", grantee.account),
                effect: Effect::Allow,
                principal,
                actions: owned(KMS_WRITE),
                resources: vec!["*".into()],
                condition: Some(only(&grantee.writers)),
            });
        }
    }
    statements
}
