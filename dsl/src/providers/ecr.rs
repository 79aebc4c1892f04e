//! Amazon ECR: `Source / AWS / ECR / 1`, an image tag in a repository.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Watched};
use crate::model::ActionCategory;

/// An image tag in an ECR repository.
pub static ECR: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Source], "ECR", artifacts(0, 0), artifacts(1, 1))
        .configuration(&[ConfigKey::required("RepositoryName"), ConfigKey::optional("ImageTag")])
        .variables(&["RegistryId", "RepositoryName", "ImageTag", "ImageDigest", "ImageURI"])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &["ecr:DescribeImages"],
                Resource::Regional { service: "ecr", path: "repository/{RepositoryName}" },
            )],
        })
        .start_rule(Watched::EcrImageTag, false);
