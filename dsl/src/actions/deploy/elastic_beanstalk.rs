//! Elastic Beanstalk: deploys a source bundle to an environment.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / ElasticBeanstalk / 1`: deploys a source bundle (at most
/// 512 MB) to an Elastic Beanstalk environment.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| s.add(ElasticBeanstalkDeploy::new("Deploy", "my-app", "my-app-prod", source.artifact())));
/// });
/// ```
#[derive(Clone, Debug)]
pub struct ElasticBeanstalkDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> ElasticBeanstalkDeploy<'p> {
    /// Deploys `bundle` to `environment` of `application`.
    pub fn new(
        name: impl Into<Str>,
        application: impl Into<Text<'p>>,
        environment: impl Into<Text<'p>>,
        bundle: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::ELASTIC_BEANSTALK.action(name);
        spec.set("ApplicationName", application);
        spec.set("EnvironmentName", environment);
        spec.input(bundle.into_artifact());
        ElasticBeanstalkDeploy { spec }
    }
}

typed_action!(ElasticBeanstalkDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
