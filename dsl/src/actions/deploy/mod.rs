//! Deploy actions, one file per provider family.

mod alexa_skills_kit;
mod app_config;
mod cloudformation;
mod cloudformation_stack_instances;
mod cloudformation_stack_set;
mod codedeploy;
mod ec2;
mod ecs;
mod eks;
mod elastic_beanstalk;
mod lambda;
mod ops_works;
mod s3;
mod service_catalog;

pub use alexa_skills_kit::{AlexaCredentials, AlexaSkillsKitDeploy};
pub use app_config::AppConfigDeploy;
pub use cloudformation::{CloudFormationDeploy, ParameterValue};
pub use cloudformation_stack_instances::CloudFormationStackInstances;
pub use cloudformation_stack_set::{CloudFormationStackSet, StackSetTargets, StackSetVariables};
pub use codedeploy::{CodeDeploy, CodeDeployToEcs};
pub use ec2::Ec2Deploy;
pub use ecs::EcsDeploy;
pub use eks::{EksDeploy, EksVariables};
pub use elastic_beanstalk::ElasticBeanstalkDeploy;
pub use lambda::{LambdaDeploy, LambdaDeployStrategy, LambdaDeployVariables};
pub use ops_works::OpsWorksDeploy;
pub use s3::S3Deploy;
pub use service_catalog::ServiceCatalogDeploy;
