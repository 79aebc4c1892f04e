//! Deploy actions, one file per provider family.

mod cloudformation;
mod codedeploy;
mod ecs;
mod lambda;
mod s3;

pub use cloudformation::{Capability, CloudFormationActionMode, CloudFormationDeploy};
pub use codedeploy::{CodeDeploy, CodeDeployToEcs};
pub use ecs::EcsDeploy;
pub use lambda::{LambdaDeploy, LambdaDeployStrategy, LambdaDeployVariables};
pub use s3::{CannedAcl, S3Deploy};
