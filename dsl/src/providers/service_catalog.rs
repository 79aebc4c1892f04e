//! AWS Service Catalog: `Deploy / AWS / ServiceCatalog / 1`.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// The only product type the action publishes (`ProductType`).
pub(crate) const CLOUD_FORMATION_TEMPLATE: &str = "CLOUD_FORMATION_TEMPLATE";

/// `Deploy / AWS / ServiceCatalog / 1`: a new version of a product, from a
/// template (`TemplateFilePath`, `ProductVersionName`, `ProductType`) or a
/// configuration file naming one (`ConfigurationFilePath`).
pub static SERVICE_CATALOG: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "ServiceCatalog", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("ProductId"),
            ConfigKey::optional("TemplateFilePath"),
            ConfigKey::optional("ProductVersionName"),
            ConfigKey::optional("ProductType").one_of(&[CLOUD_FORMATION_TEMPLATE]),
            ConfigKey::optional("ProductVersionDescription"),
            ConfigKey::optional("ConfigurationFilePath"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &[
                        "servicecatalog:CreateProvisioningArtifact",
                        "servicecatalog:DeleteProvisioningArtifact",
                        "servicecatalog:DescribeProvisioningArtifact",
                        "servicecatalog:ListProvisioningArtifacts",
                        "servicecatalog:UpdateProduct",
                    ],
                    Resource::Regional { service: "catalog", path: "product/{ProductId}" },
                ),
                Permission::allow(&["cloudformation:ValidateTemplate"], Resource::Any),
            ],
        });
