//! `Deploy / AWS / OpsWorks / 1`: an app of an OpsWorks stack.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / OpsWorks / 1`: deploys the app source in an artifact as
/// an app of an OpsWorks stack, to the stack's instances.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(OpsWorksDeploy::new("Deploy", "2f1a0b61-example-stack", "c2d5ac34-example-app", source.artifact())
///             .layer("0e6b5ba8-example-layer"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct OpsWorksDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> OpsWorksDeploy<'p> {
    /// Deploys `source` as the app `app` of the stack `stack` (both
    /// OpsWorks IDs).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| s.add(OpsWorksDeploy::new("Deploy", "stack-id", "app-id", source.artifact())));
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["Stack"], "stack-id");
    /// assert_eq!(configuration["App"], "app-id");
    /// ```
    pub fn new(
        name: impl Into<Str>,
        stack: impl Into<Text<'p>>,
        app: impl Into<Text<'p>>,
        source: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::OPS_WORKS.action(name);
        spec.set("Stack", stack);
        spec.set("App", app);
        spec.input(source.into_artifact());
        OpsWorksDeploy { spec }
    }

    /// `Layer`: only the instances of this layer (an ID) of the stack.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| s.add(OpsWorksDeploy::new("Deploy", "stack-id", "app-id", source.artifact()).layer("layer-id")));
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["Layer"], "layer-id");
    /// ```
    pub fn layer(mut self, layer: impl Into<Text<'p>>) -> Self {
        self.spec.set("Layer", layer);
        self
    }
}

typed_action!(OpsWorksDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
