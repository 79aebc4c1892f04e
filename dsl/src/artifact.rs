//! Artifacts and files inside them: the only way to name what one action
//! hands to another.

use crate::action_ref::Brand;

/// An artifact produced by an action of this pipeline.
///
/// There is no public constructor: the only way to get one is from the handle
/// that [`crate::SourceStageBuilder::add`] or [`crate::StageBuilder::add`]
/// returns for an action with outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Artifact<'p> {
    pub(crate) id: usize,
    pub(crate) brand: Brand<'p>,
}

impl<'p> Artifact<'p> {
    /// A file inside this artifact, e.g. `build.path("template.yaml")`.
    /// Using the path as an action setting also wires the artifact as an input
    /// of that action.
    pub fn path(self, file: impl Into<String>) -> ArtifactPath<'p> {
        ArtifactPath { artifact: self, file: file.into() }
    }
}

/// A file inside an artifact, written `<ArtifactName>::<file>` in the JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArtifactPath<'p> {
    pub(crate) artifact: Artifact<'p>,
    pub(crate) file: String,
}

impl<'p> ArtifactPath<'p> {
    /// The artifact that holds the file.
    pub fn artifact(&self) -> Artifact<'p> {
        self.artifact
    }

    /// The file's path inside the artifact.
    pub fn file(&self) -> &str {
        &self.file
    }
}
