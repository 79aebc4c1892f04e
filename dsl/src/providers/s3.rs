//! Amazon S3: the source (`Source / AWS / S3 / 1`) and the deploy action
//! (`Deploy / AWS / S3 / 1`).

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Watched};
use crate::model::ActionCategory;

/// An object in a versioned bucket.
pub static S3_SOURCE: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Source], "S3", artifacts(0, 0), artifacts(1, 1))
        .configuration(&[
            ConfigKey::required("S3Bucket"),
            ConfigKey::required("S3ObjectKey"),
            ConfigKey::optional("PollForSourceChanges").boolean(),
            ConfigKey::optional("AllowOverrideForS3ObjectKey"),
        ])
        .variables(&["BucketName", "ETag", "ObjectKey", "VersionId"])
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

/// An S3 canned ACL for the uploaded objects (`CannedACL`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(CannedAcl::BucketOwnerFullControl.as_str(), "bucket-owner-full-control");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CannedAcl {
    /// `private`: only the owner has access.
    Private,
    /// `public-read`: anyone may read.
    PublicRead,
    /// `public-read-write`: anyone may read and write.
    PublicReadWrite,
    /// `authenticated-read`: any authenticated AWS principal may read.
    AuthenticatedRead,
    /// `aws-exec-read`: EC2 may read AMI bundles.
    AwsExecRead,
    /// `bucket-owner-read`: the bucket owner may read.
    BucketOwnerRead,
    /// `bucket-owner-full-control`: the bucket owner has full control.
    BucketOwnerFullControl,
    /// `log-delivery-write`: the log delivery group may write.
    LogDeliveryWrite,
}

impl CannedAcl {
    /// Every canned ACL, in AWS's order.
    pub const ALL: [CannedAcl; 8] = [
        CannedAcl::Private,
        CannedAcl::PublicRead,
        CannedAcl::PublicReadWrite,
        CannedAcl::AuthenticatedRead,
        CannedAcl::AwsExecRead,
        CannedAcl::BucketOwnerRead,
        CannedAcl::BucketOwnerFullControl,
        CannedAcl::LogDeliveryWrite,
    ];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            CannedAcl::Private => "private",
            CannedAcl::PublicRead => "public-read",
            CannedAcl::PublicReadWrite => "public-read-write",
            CannedAcl::AuthenticatedRead => "authenticated-read",
            CannedAcl::AwsExecRead => "aws-exec-read",
            CannedAcl::BucketOwnerRead => "bucket-owner-read",
            CannedAcl::BucketOwnerFullControl => "bucket-owner-full-control",
            CannedAcl::LogDeliveryWrite => "log-delivery-write",
        }
    }
}
