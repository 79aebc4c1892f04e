//! Amazon Inspector: `Invoke / AWS / InspectorScan / 1` scans source code or
//! an ECR image for vulnerabilities.

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource, When};
use crate::model::ActionCategory;

/// Scans its input artifact (or, in `ECRImageScan` mode, an image; then it
/// needs no input) and writes the software bill of materials to its output.
pub static INSPECTOR_SCAN: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Invoke], "InspectorScan", artifacts(1, 1), artifacts(1, 1))
        .configuration(&[
            ConfigKey::required("InspectorRunMode").one_of(wire_values!(InspectorRunMode)),
            ConfigKey::optional("ECRRepositoryName"),
            ConfigKey::optional("ImageTag"),
            ConfigKey::optional("CriticalThreshold"),
            ConfigKey::optional("HighThreshold"),
            ConfigKey::optional("MediumThreshold"),
            ConfigKey::optional("LowThreshold"),
        ])
        .variables(&["HighestScannedSeverity"])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(&["inspector-scan:ScanSbom"], Resource::Any),
                // Scoped to the account's repositories in the Region: the
                // repository name is set only in `ECRImageScan` mode, and a
                // statement's resource must be known in every mode.
                Permission::allow(
                    &["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                    Resource::Regional { service: "ecr", path: "repository/*" },
                )
                .when(When::Is("InspectorRunMode", InspectorRunMode::EcrImageScan.as_str())),
            ],
        });

/// What an Inspector scan action scans (`InspectorRunMode`); each mode has
/// its own constructor of [`InspectorScan`](crate::actions::InspectorScan).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(InspectorRunMode::EcrImageScan.as_str(), "ECRImageScan");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InspectorRunMode {
    /// `SourceCodeScan`: the source code in the input artifact.
    SourceCodeScan,
    /// `ECRImageScan`: an image in an ECR repository.
    EcrImageScan,
}

impl InspectorRunMode {
    /// Every mode, in AWS's order.
    pub const ALL: [InspectorRunMode; 2] = [InspectorRunMode::SourceCodeScan, InspectorRunMode::EcrImageScan];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            InspectorRunMode::SourceCodeScan => "SourceCodeScan",
            InspectorRunMode::EcrImageScan => "ECRImageScan",
        }
    }
}
