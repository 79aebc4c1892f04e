//! Deploy actions.

use crate::handle::{ActionHandle, Artifact};
use crate::model::{ActionCategory, Str};
use crate::spec::{typed_action, ActionSpec};
use crate::variables::NoVariables;

/// `Deploy / AWS / ECS / 1`: updates an ECS service from an image
/// definitions file in `input`.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact())));
/// });
/// ```
#[derive(Clone, Debug)]
pub struct EcsDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> EcsDeploy<'p> {
    /// Deploys `input` (which holds `imagedefinitions.json`) to `service` in
    /// `cluster`.
    pub fn new(name: impl Into<Str>, cluster: impl Into<Str>, service: impl Into<Str>, input: Artifact<'p>) -> Self {
        let mut spec = ActionSpec::aws(name, ActionCategory::Deploy, "ECS");
        spec.set("ClusterName", cluster.into());
        spec.set("ServiceName", service.into());
        spec.input(input);
        EcsDeploy { spec }
    }
}

typed_action!(EcsDeploy<'p>, NonSourceAction, ActionHandle<'p, 0, NoVariables>);
