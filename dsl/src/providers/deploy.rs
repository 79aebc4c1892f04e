//! Deploy providers with typed actions in [`crate::actions`], apart from S3
//! and CloudFormation: CodeDeploy, CodeDeployToECS, ECS and the Lambda
//! deploy action.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource, Values};
use crate::model::ActionCategory;

/// `Deploy / AWS / CodeDeploy / 1`: a deployment to EC2 or on-premises
/// instances.
pub static CODEDEPLOY: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "CodeDeploy", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[ConfigKey::required("ApplicationName"), ConfigKey::required("DeploymentGroupName")])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &[
                        "codedeploy:GetApplication",
                        "codedeploy:GetApplicationRevision",
                        "codedeploy:RegisterApplicationRevision",
                    ],
                    Resource::Regional { service: "codedeploy", path: "application:{ApplicationName}" },
                ),
                Permission::allow(
                    &["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
                    Resource::Regional {
                        service: "codedeploy",
                        path: "deploymentgroup:{ApplicationName}/{DeploymentGroupName}",
                    },
                ),
                Permission::allow(
                    &["codedeploy:GetDeploymentConfig"],
                    Resource::Regional { service: "codedeploy", path: "deploymentconfig:*" },
                ),
            ],
        });

/// `Deploy / AWS / CodeDeployToECS / 1`: an ECS blue/green deployment.
pub static CODEDEPLOY_TO_ECS: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "CodeDeployToECS", artifacts(1, 5), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("ApplicationName"),
            ConfigKey::required("DeploymentGroupName"),
            ConfigKey::required("TaskDefinitionTemplateArtifact").values(Values::InputName),
            ConfigKey::required("AppSpecTemplateArtifact").values(Values::InputName),
            ConfigKey::optional("TaskDefinitionTemplatePath"),
            ConfigKey::optional("AppSpecTemplatePath"),
            ConfigKey::optional("Image1ArtifactName").values(Values::InputName),
            ConfigKey::optional("Image1ContainerName"),
            ConfigKey::optional("Image2ArtifactName").values(Values::InputName),
            ConfigKey::optional("Image2ContainerName"),
            ConfigKey::optional("Image3ArtifactName").values(Values::InputName),
            ConfigKey::optional("Image3ContainerName"),
            ConfigKey::optional("Image4ArtifactName").values(Values::InputName),
            ConfigKey::optional("Image4ContainerName"),
        ]);

/// `Deploy / AWS / ECS / 1`: a standard (rolling) ECS deployment.
pub static ECS: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "ECS", artifacts(1, 1), artifacts(0, 0))
        .configuration(&[
            ConfigKey::required("ClusterName"),
            ConfigKey::required("ServiceName"),
            ConfigKey::optional("FileName"),
            ConfigKey::optional("DeploymentTimeout").values(Values::Range { min: 1, max: 60, unit: "minutes" }),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &["ecs:DescribeServices", "ecs:UpdateService"],
                    Resource::Regional { service: "ecs", path: "service/{ClusterName}/{ServiceName}" },
                ),
                Permission::allow(&["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], Resource::Any),
                Permission::allow(&["iam:PassRole"], Resource::Iam { path: "role/*" })
                    .passed_to("ecs-tasks.amazonaws.com"),
            ],
        });

/// `Deploy / AWS / Lambda / 1` (V2 only): a new function version, with
/// traffic shifted to an alias.
pub static LAMBDA_DEPLOY: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "Lambda", artifacts(1, 1), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("FunctionName"),
            ConfigKey::optional("FunctionAlias"),
            ConfigKey::optional("PublishedTargetVersion"),
            ConfigKey::optional("DeployStrategy"),
            ConfigKey::optional("Alarms"),
            ConfigKey::optional("S3Bucket"),
            ConfigKey::optional("S3Key"),
        ])
        .variables(&["FunctionVersion"]);
