//! Amazon EKS: `Deploy / AWS / EKS / 1` (V2 only).

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Deploy / AWS / EKS / 1` (V2 only): Kubernetes manifests (`kubectl`) or a
/// Helm chart to a cluster, run on CodePipeline-managed compute. The role
/// must also be an access entry of the cluster.
pub static EKS: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "EKS", artifacts(1, 1), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("ClusterName"),
            ConfigKey::optional("HelmReleaseName"),
            ConfigKey::optional("HelmChartLocation"),
            ConfigKey::optional("HelmValuesFiles"),
            ConfigKey::optional("ManifestFiles"),
            ConfigKey::optional("Namespace"),
            ConfigKey::optional("Subnets"),
            ConfigKey::optional("SecurityGroupIds"),
        ])
        .variables(&["EKSClusterName"])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(
                    &["eks:DescribeCluster"],
                    Resource::Regional { service: "eks", path: "cluster/{ClusterName}" },
                ),
                Permission::allow(
                    &[
                        "ec2:CreateNetworkInterface",
                        "ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterface",
                        "ec2:DescribeDhcpOptions",
                        "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeRouteTables",
                        "ec2:DescribeSecurityGroups",
                        "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs",
                    ],
                    Resource::Any,
                ),
                Permission::allow(
                    &["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource::Regional { service: "logs", path: "log-group:/aws/codepipeline/*" },
                ),
            ],
        });
