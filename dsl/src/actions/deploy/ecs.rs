//! `Deploy / AWS / ECS / 1`: rolling update of an ECS service.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::FileInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / ECS / 1`: updates an ECS service to the images listed in
/// an image definitions file (`[{"name": …, "imageUri": …}]`).
///
/// The file is `imagedefinitions.json` in the given artifact, or the file a
/// path names (written as `FileName`).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact()).output("BuildOutput")));
///     p.stage("Deploy", |s| {
///         s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", build.artifact().path("images.json"))
///             .deployment_timeout(30))
///     });
/// });
/// let configuration = pipeline.declaration().stages[2].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(configuration["FileName"], "images.json");
/// assert_eq!(configuration["DeploymentTimeout"], "30");
/// ```
#[derive(Clone, Debug)]
pub struct EcsDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> EcsDeploy<'p> {
    /// Deploys the image definitions file `images` (an artifact, for
    /// `imagedefinitions.json`, or `artifact.path("file")`) to `service` in
    /// `cluster`.
    pub fn new(
        name: impl Into<Str>,
        cluster: impl Into<Text<'p>>,
        service: impl Into<Text<'p>>,
        images: impl FileInput<'p>,
    ) -> Self {
        let mut spec = providers::ECS.action(name);
        spec.set("ClusterName", cluster);
        spec.set("ServiceName", service);
        let (artifact, file) = images.into_file();
        spec.input(artifact);
        if let Some(file) = file {
            spec.set("FileName", file);
        }
        EcsDeploy { spec }
    }

    /// `DeploymentTimeout`: minutes the deployment may take (at most 60, the
    /// default).
    pub fn deployment_timeout(mut self, minutes: u32) -> Self {
        self.spec.set("DeploymentTimeout", minutes.to_string());
        self
    }
}

typed_action!(EcsDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
