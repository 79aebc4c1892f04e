//! Providers pipewright validates but has no typed action for (apart from
//! the Commands action and the manual approval, which take no required
//! configuration): the rest of the AWS action reference.

use super::{artifacts, ConfigKey, ProviderDescription};
use crate::model::{ActionCategory, ActionOwner};

use ActionCategory::{Approval, Build, Compute, Invoke};

/// `Compute / AWS / Commands / 1` (V2 only): shell commands on a managed
/// compute environment.
pub static COMMANDS: ProviderDescription =
    ProviderDescription::aws(&[Compute], "Commands", artifacts(1, 10), artifacts(0, 1)).v2().configuration(&[
        ConfigKey::optional("ComputeType"),
        ConfigKey::optional("EnvironmentType"),
        ConfigKey::optional("VpcId"),
        ConfigKey::optional("Subnets"),
        ConfigKey::optional("SecurityGroupIds"),
    ]);

/// `Build / AWS / ECRBuildAndPublish / 1` (V2 only).
pub static ECR_BUILD_AND_PUBLISH: ProviderDescription =
    ProviderDescription::aws(&[Build], "ECRBuildAndPublish", artifacts(1, 1), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("ECRRepositoryName"),
            ConfigKey::optional("RegistryType").one_of(&["private", "public"]),
        ])
        .variables(&["ECRImageDigestId", "ECRRepositoryName"]);

/// `Approval / AWS / Manual / 1`.
pub static MANUAL: ProviderDescription =
    ProviderDescription::aws(&[Approval], "Manual", artifacts(0, 0), artifacts(0, 0)).configuration(&[
        ConfigKey::optional("NotificationArn"),
        ConfigKey::optional("CustomData"),
        ConfigKey::optional("ExternalEntityLink"),
    ]);

/// `Invoke / AWS / CodePipeline / 1` (V2 only): starts another pipeline.
pub static CODEPIPELINE_INVOKE: ProviderDescription =
    ProviderDescription::aws(&[Invoke], "CodePipeline", artifacts(0, 0), artifacts(0, 0))
        .v2()
        .configuration(&[ConfigKey::required("PipelineName")]);

/// `Invoke / AWS / InspectorScan / 1`.
pub static INSPECTOR_SCAN: ProviderDescription =
    ProviderDescription::aws(&[Invoke], "InspectorScan", artifacts(1, 1), artifacts(1, 1))
        .configuration(&[ConfigKey::required("InspectorRunMode").one_of(&["SourceCodeScan", "ECRImageScan"])])
        .variables(&["HighestScannedSeverity"]);

/// `Invoke / ThirdParty / Snyk / 1`.
pub static SNYK: ProviderDescription =
    ProviderDescription::new(ActionOwner::ThirdParty, &[Invoke], "Snyk", artifacts(1, 1), artifacts(1, 1));
