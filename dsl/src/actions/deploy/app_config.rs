//! `Deploy / AWS / AppConfig / 1`: configuration data to an AppConfig
//! environment.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / AppConfig / 1`: deploys a file of the action's only
/// input artifact as the configuration data of an AppConfig configuration
/// profile, to an environment.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(AppConfigDeploy::new("Flags", "abc1234", "env5678", "prof9012", source.artifact().path("flags.json"))
///             .deployment_strategy("AppConfig.Linear50PercentEvery30Seconds"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct AppConfigDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> AppConfigDeploy<'p> {
    /// Deploys `configuration` (`InputArtifactConfigurationPath`, a file
    /// inside an artifact, which becomes the input) as the data of the
    /// configuration profile `configuration_profile` of `application`, to
    /// `environment` (all three AppConfig IDs).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(AppConfigDeploy::new("Flags", "app", "env", "profile", source.artifact().path("config/flags.json")))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["InputArtifactConfigurationPath"], "config/flags.json");
    /// ```
    pub fn new(
        name: impl Into<Str>,
        application: impl Into<Text<'p>>,
        environment: impl Into<Text<'p>>,
        configuration_profile: impl Into<Text<'p>>,
        configuration: impl PathInput<'p>,
    ) -> Self {
        let mut spec = providers::APP_CONFIG.action(name);
        spec.set("Application", application);
        spec.set("Environment", environment);
        spec.set("ConfigurationProfile", configuration_profile);
        spec.set_file("InputArtifactConfigurationPath", configuration.into_path());
        AppConfigDeploy { spec }
    }

    /// `DeploymentStrategy`: the ID of the deployment strategy (an AWS
    /// predefined one such as `AppConfig.AllAtOnce`, or your own).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(AppConfigDeploy::new("Flags", "app", "env", "profile", source.artifact().path("flags.json"))
    ///             .deployment_strategy("AppConfig.AllAtOnce"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["DeploymentStrategy"], "AppConfig.AllAtOnce");
    /// ```
    pub fn deployment_strategy(mut self, strategy: impl Into<Text<'p>>) -> Self {
        self.spec.set("DeploymentStrategy", strategy);
        self
    }
}

typed_action!(AppConfigDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
