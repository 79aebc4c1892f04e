//! Amazon S3: the source (`Source / AWS / S3 / 1`) and the deploy action
//! (`Deploy / AWS / S3 / 1`).

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Watched};
use crate::actions::{CannedAcl, S3SourceVariables};
use crate::model::ActionCategory;
use crate::variables::VariableSet;

/// An object in a versioned bucket.
pub static S3_SOURCE: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Source], "S3", artifacts(0, 0), artifacts(1, 1))
        .configuration(&[
            ConfigKey::required("S3Bucket"),
            ConfigKey::required("S3ObjectKey"),
            ConfigKey::optional("PollForSourceChanges").boolean(),
            ConfigKey::optional("AllowOverrideForS3ObjectKey"),
        ])
        .variables(S3SourceVariables::NAMES)
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &["s3:GetBucketLocation", "s3:GetBucketVersioning"],
                    Resource::S3 { path: "{S3Bucket}" },
                ),
                Permission::allow(
                    &["s3:GetObject", "s3:GetObjectVersion"],
                    Resource::S3 { path: "{S3Bucket}/{S3ObjectKey}" },
                ),
            ],
        })
        .start_rule(Watched::S3Object, true);

/// Uploads an artifact to a bucket.
pub static S3_DEPLOY: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "S3", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("BucketName"),
            ConfigKey::required("Extract").boolean(),
            ConfigKey::optional("ObjectKey"),
            ConfigKey::optional("CannedACL").one_of(wire_values!(CannedAcl)),
            ConfigKey::optional("CacheControl"),
            ConfigKey::optional("KMSEncryptionKeyARN"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"],
                    Resource::S3 { path: "{BucketName}" },
                ),
                Permission::allow(
                    &["s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
                    Resource::S3 { path: "{BucketName}/*" },
                ),
                Permission::allow(&["kms:GenerateDataKey"], Resource::ArnIn("KMSEncryptionKeyARN")),
            ],
        });
