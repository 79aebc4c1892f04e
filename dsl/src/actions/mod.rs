//! Typed actions, one file per category. Each action takes its required
//! settings and inputs as arguments of `new(...)` (or of one constructor per
//! mode) and the optional ones as setters; configuration keys are exactly
//! AWS's, every value a string.
//!
//! | Category | Actions |
//! |---|---|
//! | Source | [`CodeCommitSource`], [`CodeStarConnectionSource`], [`S3Source`], [`EcrSource`], [`GitHubSource`] |
//! | Build, Test | [`CodeBuild`] (`new` / `test`), [`Jenkins`] (`new` / `test`), [`EcrBuildAndPublish`] (Build) |
//! | Deploy | [`CloudFormationDeploy`], [`CloudFormationStackSet`], [`CloudFormationStackInstances`], [`EcsDeploy`], [`CodeDeployToEcs`], [`CodeDeploy`], [`LambdaDeploy`], [`S3Deploy`], [`ElasticBeanstalkDeploy`], [`EksDeploy`], [`Ec2Deploy`], [`ServiceCatalogDeploy`], [`AppConfigDeploy`], [`AlexaSkillsKitDeploy`], [`OpsWorksDeploy`] |
//! | Test | [`DeviceFarmTest`] |
//! | Approval | [`ManualApproval`] |
//! | Invoke | [`LambdaInvoke`], [`StepFunctionsInvoke`], [`InspectorScan`], [`CodePipelineInvoke`], [`SnykScan`] |
//! | Compute | [`Commands`] |
//! | Anything else | [`GenericAction`], [`GenericSource`] |
//!
//! A provider added since is typed in its own file of [`crate::providers`]
//! and re-exported here; [`crate::providers::ALL`] lists every provider.
//!
//! Where an action reads an artifact it takes a handle ([`ArtifactInput`]),
//! a file inside one ([`PathInput`]) or either ([`FileInput`]); names are
//! resolved when the pipeline is built.

mod approval;
mod build;
mod codebuild_env;
mod codepipeline_invoke;
mod compute;
mod custom;
mod deploy;
mod device_farm;
mod ecr_build_and_publish;
mod inspector_scan;
mod invoke;
mod json_text;
mod source;

pub use crate::inputs::{ArtifactInput, FileInput, PathInput};
pub use crate::providers::cloudformation::{Capability, CloudFormationActionMode};
pub use crate::providers::cloudformation_stack_set::{
    OrganizationsAutoDeployment, StackSetCapability, StackSetPermissionModel,
};
pub use crate::providers::codepipeline_invoke::SourceRevisionType;
pub use crate::providers::device_farm::{DeviceFarmAppType, DeviceFarmTestType};
pub use crate::providers::ec2::Ec2InstanceType;
pub use crate::providers::ecr_build_and_publish::EcrRegistryType;
pub use crate::providers::inspector_scan::InspectorRunMode;
pub use crate::providers::s3::CannedAcl;
pub use crate::providers::source::OutputArtifactFormat;
pub use crate::providers::typed::*;
pub use approval::ManualApproval;
pub use build::{CodeBuild, Jenkins};
pub use codebuild_env::{EnvVar, EnvVarType};
pub use codepipeline_invoke::CodePipelineInvoke;
pub use compute::{Commands, CommandsComputeType, CommandsEnvironmentType};
pub use custom::{GenericAction, GenericSource, NonSourceCategory};
pub use deploy::{
    AlexaCredentials, AlexaSkillsKitDeploy, AppConfigDeploy, CloudFormationDeploy, CloudFormationStackInstances,
    CloudFormationStackSet, CodeDeploy, CodeDeployToEcs, Ec2Deploy, EcsDeploy, EksDeploy, EksVariables,
    ElasticBeanstalkDeploy, LambdaDeploy, LambdaDeployStrategy, LambdaDeployVariables, OpsWorksDeploy, ParameterValue,
    S3Deploy, ServiceCatalogDeploy, StackSetTargets, StackSetVariables,
};
pub use device_farm::{DeviceFarmRadio, DeviceFarmTest};
pub use ecr_build_and_publish::{EcrBuildAndPublish, EcrBuildAndPublishVariables};
pub use inspector_scan::{InspectorScan, InspectorScanVariables};
pub use invoke::{LambdaInvoke, StepFunctionsInvoke, StepFunctionsVariables};
pub use source::{
    CodeCommitSource, CodeCommitVariables, CodeStarConnectionSource, ConnectionVariables, EcrSource, EcrVariables,
    GitHubSource, GitHubVariables, S3Source, S3SourceVariables,
};

/// Gives an action whose only field is `spec` an `.output(name)` setter per
/// step of its output count, so the handle's artifact array grows with each
/// call and one more output than the provider allows does not compile.
macro_rules! output_setters {
    ($type:ident: $($from:literal => $to:literal),*) => {$(
        impl<'p> $type<'p, $from> {
            /// Declares one more output artifact named `name` (a literal, or
            /// an expression such as `cfn::sub("${AWS::StackName}Built")`
            /// that every reader of the artifact writes too); its handle is
            /// in the returned handle's `artifacts`, in declaration order.
            pub fn output(mut self, name: impl Into<$crate::model::Str>) -> $type<'p, $to> {
                self.spec.output(name);
                $type { spec: self.spec }
            }
        }
    )*};
}
pub(crate) use output_setters;

/// Gives an action whose output count is its const parameter an
/// `.input(artifact)` setter; `$limit` is the provider's input count.
macro_rules! input_setter {
    ($type:ident: $limit:literal) => {
        impl<'p, const N: usize> $type<'p, N> {
            #[doc = concat!("Adds an input artifact (", $limit, "); adding the same artifact twice keeps one.")]
            pub fn input(mut self, input: impl $crate::actions::ArtifactInput<'p>) -> Self {
                self.spec.input(input.into_artifact());
                self
            }
        }
    };
}
pub(crate) use input_setter;

/// Gives source actions their `.output_name(...)` setter.
macro_rules! source_output_name {
    ($($type:ident),*) => {$(
        impl<'p> $type<'p> {
            /// Names the output artifact (by default `<ActionName>Output`); the
            /// name may be an expression, which readers of the artifact write too.
            pub fn output_name(mut self, name: impl Into<$crate::model::Str>) -> Self {
                self.spec.rename_output(0, name);
                self
            }
        }
    )*};
}
pub(crate) use source_output_name;
