//! `Deploy / AWS / S3 / 1`: uploads an artifact to a bucket.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::providers::s3::CannedAcl;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / S3 / 1`: uploads `input` to a bucket, either extracted
/// ([`S3Deploy::extract`]) or as one zip object ([`S3Deploy::object`]).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(S3Deploy::extract("Website", "my-website-bucket", source.artifact())
///             .cache_control("max-age=31536000")
///             .canned_acl(CannedAcl::PublicRead));
///         s.add(S3Deploy::object("Archive", "my-archive-bucket", Var::execution_id(), source.artifact()));
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct S3Deploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> S3Deploy<'p> {
    fn with_extract(
        name: impl Into<Str>,
        bucket: impl Into<Text<'p>>,
        extract: bool,
        input: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::S3_DEPLOY.action(name);
        spec.set("BucketName", bucket);
        spec.set("Extract", extract.to_string());
        spec.input(input.into_artifact());
        S3Deploy { spec }
    }

    /// Unzips `input` and uploads its files to `bucket` (`Extract` `true`).
    pub fn extract(name: impl Into<Str>, bucket: impl Into<Text<'p>>, input: impl ArtifactInput<'p>) -> Self {
        S3Deploy::with_extract(name, bucket, true, input)
    }

    /// Uploads `input` as one zip object at `object_key` in `bucket`
    /// (`Extract` `false`); the key may reference variables such as
    /// [`crate::Var::execution_id`].
    pub fn object(
        name: impl Into<Str>,
        bucket: impl Into<Text<'p>>,
        object_key: impl Into<Text<'p>>,
        input: impl ArtifactInput<'p>,
    ) -> Self {
        let mut action = S3Deploy::with_extract(name, bucket, false, input);
        action.spec.set("ObjectKey", object_key);
        action
    }

    /// `CacheControl`: the Cache-Control header of the objects, e.g.
    /// `public, max-age=0, no-transform`.
    pub fn cache_control(mut self, cache_control: impl Into<Text<'p>>) -> Self {
        self.spec.set("CacheControl", cache_control);
        self
    }

    /// `CannedACL`: the canned ACL of the objects.
    pub fn canned_acl(mut self, acl: CannedAcl) -> Self {
        self.spec.set("CannedACL", acl.as_str());
        self
    }

    /// `KMSEncryptionKeyARN`: the symmetric KMS key encrypting the objects
    /// (a key ARN when the bucket is in another account).
    pub fn kms_encryption_key_arn(mut self, key: impl Into<Text<'p>>) -> Self {
        self.spec.set("KMSEncryptionKeyARN", key);
        self
    }
}

typed_action!(S3Deploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
