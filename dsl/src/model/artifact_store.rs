//! Where a pipeline keeps its artifacts.

use indexmap::IndexMap;
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use derive_builder::{Builder, UninitializedFieldError};

use super::builder::build_naming_the_struct;
use super::Str;

/// An S3 bucket that holds a pipeline's artifacts in one Region
/// (`artifactStore` / `artifactStores.<region>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ArtifactStoreBuilder, EncryptionKeyBuilder};

let store = ArtifactStoreBuilder::default()
    .location("my-pipeline-artifacts")
    .encryption_key(EncryptionKeyBuilder::default().id("arn:aws:kms:us-east-1:123456789012:key/1234").build()?)
    .build()?;
assert_eq!(store.location, "my-pipeline-artifacts");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct ArtifactStore {
    /// Always `S3` (the default).
    #[serde(rename = "type")]
    #[builder(default = "ArtifactStoreType::S3")]
    pub store_type: ArtifactStoreType,
    /// The bucket name (`[a-zA-Z0-9\-\.]+`, 3..63).
    pub location: Str,
    /// The KMS key that encrypts the artifacts; absent means the AWS-managed
    /// `aws/s3` key, which no other account can use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[builder(default)]
    pub encryption_key: Option<EncryptionKey>,
}

/// The kind of artifact store; S3 is the only one AWS offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ArtifactStoreType {
    /// An S3 bucket.
    S3,
}

/// The customer-managed KMS key of an artifact store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{EncryptionKeyBuilder, EncryptionKeyType};

let key = EncryptionKeyBuilder::default().id("arn:aws:kms:us-east-1:123456789012:key/1234").build()?;
assert_eq!(key.key_type, EncryptionKeyType::Kms);
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct EncryptionKey {
    /// Key ID, key ARN or alias ARN (1..400). Use the key ARN for
    /// cross-account pipelines.
    pub id: Str,
    /// Always `KMS`.
    #[serde(rename = "type")]
    #[builder(default = "EncryptionKeyType::Kms")]
    pub key_type: EncryptionKeyType,
}

/// The kind of encryption key; KMS is the only one AWS offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum EncryptionKeyType {
    /// An AWS KMS key.
    #[serde(rename = "KMS")]
    Kms,
}

build_naming_the_struct!(ArtifactStore => ArtifactStoreBuilder);

impl ArtifactStore {
    /// An S3 artifact store without a customer-managed key.
    pub fn s3(location: impl Into<Str>) -> Self {
        ArtifactStore { store_type: ArtifactStoreType::S3, location: location.into(), encryption_key: None }
    }

    /// The same store, encrypted with the given KMS key.
    pub fn with_kms_key(mut self, key: impl Into<Str>) -> Self {
        self.encryption_key = Some(EncryptionKey { id: key.into(), key_type: EncryptionKeyType::Kms });
        self
    }
}

/// One artifact store per Region (`artifactStores`), in declaration order.
///
/// The API form is a JSON object keyed by Region; CloudFormation writes a list
/// of `{Region, ArtifactStore}` whose Region may be an expression, so the
/// model keeps a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArtifactStores(pub Vec<RegionalArtifactStore>);

/// An artifact store and the Region it serves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Builder)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
#[builder(build_fn(private, name = "build_fields", error = "UninitializedFieldError"), setter(into, strip_option))]
#[builder_struct_attr(doc = r#"
```
use pipewright_dsl::model::{ArtifactStore, RegionalArtifactStoreBuilder};

let store = RegionalArtifactStoreBuilder::default()
    .region("eu-west-1")
    .artifact_store(ArtifactStore::s3("artifacts-eu-west-1"))
    .build()?;
assert_eq!(store.region, "eu-west-1");
# Ok::<(), pipewright_dsl::model::MissingField>(())
```"#)]
pub struct RegionalArtifactStore {
    /// The Region, e.g. `us-east-1`.
    pub region: Str,
    /// The store in that Region.
    pub artifact_store: ArtifactStore,
}

impl ArtifactStores {
    /// The store for a literal Region, if there is one.
    pub fn get(&self, region: &str) -> Option<&ArtifactStore> {
        self.0.iter().find(|entry| entry.region == region).map(|entry| &entry.artifact_store)
    }
}

impl Serialize for ArtifactStores {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for entry in &self.0 {
            let Some(region) = entry.region.as_literal() else {
                return Err(S::Error::custom(format!(
                    "artifactStores: the Region {} is a CloudFormation expression; the API form needs a literal Region",
                    entry.region
                )));
            };
            map.serialize_entry(region, &entry.artifact_store)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ArtifactStores {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = IndexMap::<String, ArtifactStore>::deserialize(deserializer)?;
        Ok(ArtifactStores(
            map.into_iter()
                .map(|(region, artifact_store)| RegionalArtifactStore { region: Str::Literal(region), artifact_store })
                .collect(),
        ))
    }
}

build_naming_the_struct!(
    EncryptionKey => EncryptionKeyBuilder,
    RegionalArtifactStore => RegionalArtifactStoreBuilder,
);
