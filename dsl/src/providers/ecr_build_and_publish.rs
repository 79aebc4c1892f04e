//! Amazon ECR: `Build / AWS / ECRBuildAndPublish / 1` (V2 only) builds a
//! Docker image and pushes it to a repository.

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, When};
use crate::model::ActionCategory;

/// The private repository the image is pushed to.
const PRIVATE_REPOSITORY: Resource = Resource::Regional { service: "ecr", path: "repository/{ECRRepositoryName}" };

/// Whether the repository is a public one.
const PUBLIC: When = When::Is("RegistryType", EcrRegistryType::Public.as_str());

/// Whether the repository is a private one (the default).
const PRIVATE: When = When::IsNot("RegistryType", EcrRegistryType::Public.as_str());

/// Builds the Dockerfile in its input and pushes the image.
pub static ECR_BUILD_AND_PUBLISH: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Build], "ECRBuildAndPublish", artifacts(1, 1), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("ECRRepositoryName"),
            ConfigKey::optional("DockerFilePath"),
            ConfigKey::optional("ImageTags"),
            ConfigKey::optional("RegistryType").one_of(wire_values!(EcrRegistryType)),
        ])
        .variables(&["ECRImageDigestId", "ECRRepositoryName"])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(&["ecr:GetAuthorizationToken"], Resource::Any).when(PRIVATE),
                Permission::allow(
                    &[
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:CompleteLayerUpload",
                        "ecr:DescribeRepositories",
                        "ecr:GetDownloadUrlForLayer",
                        "ecr:InitiateLayerUpload",
                        "ecr:PutImage",
                        "ecr:UploadLayerPart",
                    ],
                    PRIVATE_REPOSITORY,
                )
                .when(PRIVATE),
                Permission::allow(&["ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken"], Resource::Any)
                    .when(PUBLIC),
                // A public repository's ARN has no Region, which no resource
                // kind spells; the statement is not scoped to the repository.
                Permission::allow(
                    &[
                        "ecr-public:BatchCheckLayerAvailability",
                        "ecr-public:CompleteLayerUpload",
                        "ecr-public:DescribeRepositories",
                        "ecr-public:InitiateLayerUpload",
                        "ecr-public:PutImage",
                        "ecr-public:UploadLayerPart",
                    ],
                    Resource::Any,
                )
                .when(PUBLIC),
            ],
        });

/// The kind of repository an image is pushed to (`RegistryType`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(EcrRegistryType::Public.as_str(), "public");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EcrRegistryType {
    /// `private` (the default): a private repository of the account.
    Private,
    /// `public`: an Amazon ECR Public repository.
    Public,
}

impl EcrRegistryType {
    /// Every registry type.
    pub const ALL: [EcrRegistryType; 2] = [EcrRegistryType::Private, EcrRegistryType::Public];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            EcrRegistryType::Private => "private",
            EcrRegistryType::Public => "public",
        }
    }
}
