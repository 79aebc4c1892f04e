//! `Deploy / AWS / Lambda / 1`: new code or a new version for a function
//! (V2 pipelines only).

use std::fmt;

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of a Lambda deploy action.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let deploy = p.stage("Deploy", |s| s.add(LambdaDeploy::new("Function", "my-function", source.artifact())));
    ///     assert_eq!(deploy.vars().function_version().to_string(), "#{Deploy_Function.FunctionVersion}");
    /// });
    /// ```
    LambdaDeployVariables {
        /// `FunctionVersion`: the version deployed.
        function_version => "FunctionVersion",
    }
}

/// How traffic moves to the new version of an alias (`DeployStrategy`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// assert_eq!(LambdaDeployStrategy::AllAtOnce.to_string(), "AllAtOnce");
/// assert_eq!(LambdaDeployStrategy::Canary { percent: 10, minutes: 5 }.to_string(), "Canary10Percent5Minutes");
/// assert_eq!(LambdaDeployStrategy::Linear { percent: 10, every_minutes: 1 }.to_string(), "Linear10PercentEvery1Minute");
/// assert_eq!(LambdaDeployStrategy::Linear { percent: 20, every_minutes: 2 }.to_string(), "Linear20PercentEvery2Minutes");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LambdaDeployStrategy {
    /// `AllAtOnce` (the default): all traffic at once.
    AllAtOnce,
    /// `Canary<P>Percent<M>Minutes`: `percent` of the traffic first, the
    /// rest after `minutes`.
    Canary {
        /// Share of the traffic shifted first (1..99).
        percent: u8,
        /// Minutes before the rest is shifted.
        minutes: u32,
    },
    /// `Linear<P>PercentEvery<M>Minute(s)`: `percent` more of the traffic
    /// every `every_minutes`.
    Linear {
        /// Share of the traffic shifted at each step (1..99).
        percent: u8,
        /// Minutes between steps.
        every_minutes: u32,
    },
}

impl fmt::Display for LambdaDeployStrategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let minutes = |count: u32| if count == 1 { "Minute" } else { "Minutes" };
        match *self {
            LambdaDeployStrategy::AllAtOnce => f.write_str("AllAtOnce"),
            LambdaDeployStrategy::Canary { percent, minutes: wait } => {
                write!(f, "Canary{percent}Percent{wait}{}", minutes(wait))
            }
            LambdaDeployStrategy::Linear { percent, every_minutes } => {
                write!(f, "Linear{percent}PercentEvery{every_minutes}{}", minutes(every_minutes))
            }
        }
    }
}

/// `Deploy / AWS / Lambda / 1`: deploys code to an existing function, or
/// points an alias at a published version (V2 pipelines only).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact()).output("Package")));
///     p.stage("Deploy", |s| {
///         s.add(LambdaDeploy::new("Deploy", "my-function", build.artifact())
///             .function_alias("live")
///             .deploy_strategy(LambdaDeployStrategy::Canary { percent: 10, minutes: 5 })
///             .alarms(&["my-function-errors"]))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct LambdaDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> LambdaDeploy<'p> {
    /// Deploys the code in `code` to `function_name` (which must already have
    /// a version).
    pub fn new(name: impl Into<Str>, function_name: impl Into<Text<'p>>, code: impl ArtifactInput<'p>) -> Self {
        let mut spec = providers::LAMBDA_DEPLOY.action(name);
        spec.set("FunctionName", function_name);
        spec.input(code.into_artifact());
        LambdaDeploy { spec }
    }

    /// Points `alias` of `function_name` at the already published
    /// `version` (`PublishedTargetVersion`, e.g. a pipeline variable); needs
    /// no input artifact.
    pub fn published_version(
        name: impl Into<Str>,
        function_name: impl Into<Text<'p>>,
        alias: impl Into<Text<'p>>,
        version: impl Into<Text<'p>>,
    ) -> Self {
        let mut spec = providers::LAMBDA_DEPLOY.action(name);
        spec.set("FunctionName", function_name);
        spec.set("FunctionAlias", alias);
        spec.set("PublishedTargetVersion", version);
        LambdaDeploy { spec }
    }

    /// `FunctionAlias`: the alias to move to the new version; without it the
    /// code goes to `$LATEST` and a new version is published.
    pub fn function_alias(mut self, alias: impl Into<Text<'p>>) -> Self {
        self.spec.set("FunctionAlias", alias);
        self
    }

    /// `DeployStrategy`: how traffic shifts to the new version; applies only
    /// with an alias, and the whole shift may take at most 2 days.
    pub fn deploy_strategy(mut self, strategy: LambdaDeployStrategy) -> Self {
        self.spec.set("DeployStrategy", strategy.to_string());
        self
    }

    /// `Alarms`: CloudWatch alarms (at most 10) that fail the deployment when
    /// they go to ALARM.
    pub fn alarms(mut self, alarms: &[&str]) -> Self {
        self.spec.set("Alarms", alarms.join(","));
        self
    }

    /// `S3Bucket` and `S3Key`: the function's code as an object in S3.
    ///
    /// These keys appear in the origin document's Lambda deploy example but
    /// not in the AWS action reference for this provider (which takes the code
    /// from the input artifact); they are written as given, for pipelines
    /// that carry them.
    pub fn s3_code(mut self, bucket: impl Into<Text<'p>>, key: impl Into<Text<'p>>) -> Self {
        self.spec.set("S3Bucket", bucket);
        self.spec.set("S3Key", key);
        self
    }
}

typed_action!(LambdaDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, LambdaDeployVariables<'p>>);
