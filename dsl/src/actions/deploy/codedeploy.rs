//! CodeDeploy: `CodeDeploy` for EC2 and on-premises instances,
//! `CodeDeployToECS` for ECS blue/green deployments.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec, ConfigValue};
use crate::artifact::Artifact;
use crate::inputs::{ArtifactInput, FileInput};
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / CodeDeploy / 1`: deploys a revision (an artifact holding
/// `appspec.yml`) to the EC2 or on-premises instances of a deployment group.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(S3Source::new("Source", "bucket", "app.zip")));
///     p.stage("Deploy", |s| s.add(CodeDeploy::new("Deploy", "my-app", "my-fleet", source.artifact())));
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeDeploy<'p> {
    /// Deploys `revision` with the CodeDeploy `application` to
    /// `deployment_group`.
    pub fn new(
        name: impl Into<Str>,
        application: impl Into<Text<'p>>,
        deployment_group: impl Into<Text<'p>>,
        revision: impl ArtifactInput<'p>,
    ) -> Self {
        let mut spec = providers::CODEDEPLOY.action(name);
        spec.set("ApplicationName", application);
        spec.set("DeploymentGroupName", deployment_group);
        spec.input(revision.into_artifact());
        CodeDeploy { spec }
    }
}

typed_action!(CodeDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);

/// `Deploy / AWS / CodeDeployToECS / 1`: a blue/green deployment of an ECS
/// service through CodeDeploy.
///
/// It reads a task definition template (default `taskdef.json`) and an
/// AppSpec (default `appspec.yaml`), each from an input artifact (pass the
/// artifact for the default name or `artifact.path("file")` for another),
/// and up to four images (`.image(...)`, `IMAGES` counts them), each an
/// artifact holding `imageDetail.json` such as an [`crate::actions::EcrSource`]
/// output, substituted for the `<CONTAINER>` placeholder of the task
/// definition. All of them become inputs (at most 5 distinct artifacts).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let [code, image] = p.source_stage("Source", |s| {
///         [
///             s.add(CodeCommitSource::new("Checkout", "repo", "main")).artifact(),
///             s.add(EcrSource::new("Image", "my-app")).artifact(),
///         ]
///     });
///     p.stage("Deploy", |s| {
///         s.add(CodeDeployToEcs::new("Deploy", "my-app", "my-group", code, code.path("appspec.yml"))
///             .image(image, "IMAGE1_NAME"))
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(configuration["AppSpecTemplatePath"], "appspec.yml");
/// assert_eq!(configuration["Image1ArtifactName"], "ImageOutput");
/// ```
#[derive(Clone, Debug)]
pub struct CodeDeployToEcs<'p, const IMAGES: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeDeployToEcs<'p, 0> {
    /// Deploys with the CodeDeploy `application` to the ECS
    /// `deployment_group`, from the task definition template
    /// `task_definition` and the AppSpec `appspec`.
    pub fn new(
        name: impl Into<Str>,
        application: impl Into<Text<'p>>,
        deployment_group: impl Into<Text<'p>>,
        task_definition: impl FileInput<'p>,
        appspec: impl FileInput<'p>,
    ) -> Self {
        let mut spec = providers::CODEDEPLOY_TO_ECS.action(name);
        spec.set("ApplicationName", application);
        spec.set("DeploymentGroupName", deployment_group);
        let (artifact, file) = task_definition.into_file();
        spec.set_artifact_name("TaskDefinitionTemplateArtifact", artifact);
        if let Some(file) = file {
            spec.set("TaskDefinitionTemplatePath", file);
        }
        let (artifact, file) = appspec.into_file();
        spec.set_artifact_name("AppSpecTemplateArtifact", artifact);
        if let Some(file) = file {
            spec.set("AppSpecTemplatePath", file);
        }
        CodeDeployToEcs { spec }
    }
}

macro_rules! codedeploy_to_ecs_image {
    ($($from:literal => $to:literal),*) => {$(
        impl<'p> CodeDeployToEcs<'p, $from> {
            #[doc = concat!(
                "Image ", $to, " (of at most 4): `image` holds `imageDetail.json`; its URI replaces `<",
                "container_name>` in the task definition (`Image", $to, "ArtifactName`, `Image", $to, "ContainerName`)."
            )]
            pub fn image(
                mut self,
                image: impl ArtifactInput<'p>,
                container_name: impl Into<Text<'p>>,
            ) -> CodeDeployToEcs<'p, $to> {
                self.spec.set_artifact_name(concat!("Image", $to, "ArtifactName"), image.into_artifact());
                self.spec.set(concat!("Image", $to, "ContainerName"), container_name);
                CodeDeployToEcs { spec: self.spec }
            }
        }
    )*};
}
codedeploy_to_ecs_image!(0 => 1, 1 => 2, 2 => 3, 3 => 4);

impl<'p, const IMAGES: usize> CodeDeployToEcs<'p, IMAGES> {
    /// Lists the image artifacts first among the action's input artifacts
    /// (in image order), then the task definition's and the AppSpec's; by
    /// default the inputs come in argument order. CodePipeline finds each
    /// artifact by its name, so the order changes only how the action is
    /// written (as some templates write it).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let [code, image] = p.source_stage("Source", |s| {
    ///         [
    ///             s.add(CodeCommitSource::new("Checkout", "repo", "main")).artifact(),
    ///             s.add(EcrSource::new("Image", "my-app")).artifact(),
    ///         ]
    ///     });
    ///     p.stage("Deploy", |s| {
    ///         s.add(CodeDeployToEcs::new("Deploy", "my-app", "my-group", code, code.path("appspec.yml"))
    ///             .image(image, "IMAGE1_NAME")
    ///             .images_first())
    ///     });
    /// });
    /// let inputs = &pipeline.declaration().stages[1].actions[0].input_artifacts;
    /// let names: Vec<String> = inputs.iter().flatten().map(|input| input.name.to_string()).collect();
    /// assert_eq!(names, ["ImageOutput", "CheckoutOutput"]);
    /// ```
    pub fn images_first(mut self) -> Self {
        let images: Vec<Artifact<'p>> = (1..=IMAGES)
            .filter_map(|index| match self.spec.configuration.get(&format!("Image{index}ArtifactName")) {
                Some(ConfigValue::ArtifactName(artifact)) => Some(*artifact),
                _ => None,
            })
            .collect();
        let others = self.spec.inputs.iter().copied().filter(|artifact| !images.contains(artifact));
        let mut inputs: Vec<Artifact<'p>> = Vec::new();
        for artifact in images.iter().copied().chain(others) {
            if !inputs.contains(&artifact) {
                inputs.push(artifact);
            }
        }
        self.spec.inputs = inputs;
        self
    }
}

typed_action!(CodeDeployToEcs<'p, const IMAGES: usize>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
