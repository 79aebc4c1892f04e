//! Amazon EC2: `Deploy / AWS / EC2 / 1` (V2 only).

use super::{artifacts, wire_values, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Deploy / AWS / EC2 / 1` (V2 only): an artifact to the Linux instances
/// (at most 500) carrying a tag, through SSM Run Command; the instances'
/// own role must read the artifact bucket.
pub static EC2: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Deploy], "EC2", artifacts(1, 1), artifacts(0, 0))
        .v2()
        .configuration(&[
            ConfigKey::required("InstanceTagKey"),
            ConfigKey::required("InstanceType").one_of(wire_values!(Ec2InstanceType)),
            ConfigKey::optional("InstanceTagValue"),
            ConfigKey::optional("TargetDirectory"),
            ConfigKey::optional("DeploySpec"),
            ConfigKey::optional("PreScript"),
            ConfigKey::optional("PostScript"),
            ConfigKey::optional("MaxBatch"),
            ConfigKey::optional("MaxError"),
            ConfigKey::optional("TargetGroupNameList"),
        ])
        .permissions(Permissions {
            mode: None,
            statements: &[
                Permission::allow(&["ec2:DescribeInstances"], Resource::Any),
                Permission::allow(
                    &[
                        "elasticloadbalancing:DescribeTargetGroupAttributes",
                        "elasticloadbalancing:DescribeTargetGroups",
                        "elasticloadbalancing:DescribeTargetHealth",
                    ],
                    Resource::Any,
                ),
                Permission::allow(
                    &["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"],
                    Resource::Regional { service: "elasticloadbalancing", path: "targetgroup/*" },
                ),
                Permission::allow(
                    &["ssm:CancelCommand", "ssm:DescribeInstanceInformation", "ssm:ListCommandInvocations"],
                    Resource::Any,
                ),
                Permission::allow(&["ssm:SendCommand"], Resource::Regional { service: "ec2", path: "instance/*" }),
                Permission::allow(
                    &["ssm:SendCommand"],
                    Resource::Regional { service: "ssm", path: "managed-instance/*" },
                ),
                Permission::allow(
                    &["ssm:SendCommand"],
                    Resource::AwsOwned { service: "ssm", path: "document/AWS-RunShellScript" },
                ),
                Permission::allow(
                    &["ssm:SendCommand"],
                    Resource::AwsOwned { service: "ssm", path: "document/AWS-RunPowerShellScript" },
                ),
                Permission::allow(
                    &["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource::Regional { service: "logs", path: "log-group:/aws/codepipeline/*" },
                ),
            ],
        });

/// Which instances an EC2 deploy action targets (`InstanceType`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(Ec2InstanceType::SsmManagedNode.as_str(), "SSM_MANAGED_NODE");
/// assert_eq!(Ec2InstanceType::ALL.len(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ec2InstanceType {
    /// `EC2`: Amazon EC2 instances.
    Ec2,
    /// `SSM_MANAGED_NODE`: any node managed by Systems Manager.
    SsmManagedNode,
}

impl Ec2InstanceType {
    /// Every instance type, in AWS's order.
    pub const ALL: [Ec2InstanceType; 2] = [Ec2InstanceType::Ec2, Ec2InstanceType::SsmManagedNode];

    /// The value AWS uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            Ec2InstanceType::Ec2 => "EC2",
            Ec2InstanceType::SsmManagedNode => "SSM_MANAGED_NODE",
        }
    }
}
