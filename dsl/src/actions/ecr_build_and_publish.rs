//! `Build / AWS / ECRBuildAndPublish / 1` (V2 only): builds a Docker image
//! and pushes it to Amazon ECR.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::providers::ecr_build_and_publish::EcrRegistryType;
use crate::text::Text;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of an [`EcrBuildAndPublish`] action.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let image = p.stage("Image", |s| s.add(EcrBuildAndPublish::new("Push", "my-app", source.artifact())));
    ///     assert_eq!(image.vars().image_digest_id().to_string(), "#{Image_Push.ECRImageDigestId}");
    /// });
    /// ```
    EcrBuildAndPublishVariables {
        /// `ECRImageDigestId`: the digest of the pushed image.
        image_digest_id => "ECRImageDigestId",
        /// `ECRRepositoryName`: the repository it was pushed to.
        repository_name => "ECRRepositoryName",
    }
}

/// `Build / AWS / ECRBuildAndPublish / 1` (V2 pipelines only): builds the
/// Dockerfile in its input artifact and pushes the image to a repository
/// (tagged `latest` unless [`EcrBuildAndPublish::image_tags`] says
/// otherwise).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     p.pipeline_type(PipelineType::V2);
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Image", |s| {
///         s.add(EcrBuildAndPublish::new("Push", "my-app", source.artifact()).image_tags(&["latest", "v1"]))
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.clone().unwrap();
/// assert_eq!(configuration["ImageTags"], "latest,v1");
/// ```
#[derive(Clone, Debug)]
pub struct EcrBuildAndPublish<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> EcrBuildAndPublish<'p> {
    /// Builds the image from `source` and pushes it to `repository_name`.
    pub fn new(name: impl Into<Str>, repository_name: impl Into<Text<'p>>, source: impl ArtifactInput<'p>) -> Self {
        let mut spec = providers::ECR_BUILD_AND_PUBLISH.action(name);
        spec.set("ECRRepositoryName", repository_name);
        spec.input(source.into_artifact());
        EcrBuildAndPublish { spec }
    }

    /// `DockerFilePath`: the folder of the Dockerfile in the source (by
    /// default its root).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Image", |s| s.add(
    /// EcrBuildAndPublish::new("Push", "my-app", source.artifact()).docker_file_path("services/web")
    /// #     ));
    /// # });
    /// ```
    pub fn docker_file_path(mut self, path: impl Into<Text<'p>>) -> Self {
        self.spec.set("DockerFilePath", path);
        self
    }

    /// `ImageTags`: the tags of the pushed image (written comma-separated;
    /// by default `latest`).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Image", |s| s.add(
    /// EcrBuildAndPublish::new("Push", "my-app", source.artifact()).image_tags(&["stable"])
    /// #     ));
    /// # });
    /// ```
    pub fn image_tags(mut self, tags: &[&str]) -> Self {
        self.spec.set("ImageTags", tags.join(","));
        self
    }

    /// `RegistryType`: a private (the default) or a public repository.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Image", |s| s.add(
    /// EcrBuildAndPublish::new("Push", "my-app", source.artifact()).registry_type(EcrRegistryType::Public)
    /// #     ));
    /// # });
    /// ```
    pub fn registry_type(mut self, registry_type: EcrRegistryType) -> Self {
        self.spec.set("RegistryType", registry_type.as_str());
        self
    }
}

typed_action!(
    EcrBuildAndPublish<'p>,
    NonSourceAction + CrossRegionAction,
    ActionHandle<'p, 0, EcrBuildAndPublishVariables<'p>>
);
