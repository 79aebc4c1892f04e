//! Artifacts and files inside them: the only way to name what one action
//! hands to another.

use crate::action_ref::Brand;
use crate::model::Str;

/// An artifact produced by an action of this pipeline.
///
/// There is no public constructor: the only way to get one is from the handle
/// that [`crate::SourceStageBuilder::add`] or [`crate::StageBuilder::add`]
/// returns for an action with outputs. The artifact's name is the one its
/// producer gave (a literal, or an expression such as
/// `cfn::sub("${AWS::StackName}ChangeSet")`); every action that reads the
/// artifact writes that same name in its `inputArtifacts` and paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Artifact<'p> {
    pub(crate) id: usize,
    pub(crate) brand: Brand<'p>,
}

impl<'p> Artifact<'p> {
    /// A file inside this artifact, e.g. `build.path("template.yaml")`.
    /// Using the path as an action setting also wires the artifact as an input
    /// of that action. The file may be an expression,
    /// `build.path(cfn::sub("${Base}.json"))`: the setting is then written
    /// `{"Fn::Sub": "BuildOutput::${Base}.json"}`.
    pub fn path(self, file: impl Into<Str>) -> ArtifactPath<'p> {
        ArtifactPath { artifact: self, file: file.into() }
    }
}

/// A file inside an artifact, written `<ArtifactName>::<file>` in the JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArtifactPath<'p> {
    pub(crate) artifact: Artifact<'p>,
    pub(crate) file: Str,
}

impl<'p> ArtifactPath<'p> {
    /// The artifact that holds the file.
    pub fn artifact(&self) -> Artifact<'p> {
        self.artifact
    }

    /// The file's path inside the artifact.
    pub fn file(&self) -> &Str {
        &self.file
    }

    /// The value of `key` in this JSON file, read when the action runs:
    /// CodePipeline's `{"Fn::GetParam": [artifact, file, key]}`, for
    /// CloudFormation `ParameterOverrides`. Using it wires the artifact as an
    /// input of the action.
    pub fn get_param(self, key: impl Into<String>) -> GetParam<'p> {
        GetParam { path: self, key: key.into() }
    }
}

/// A value read from a JSON file of an input artifact when the action runs
/// (`Fn::GetParam`): [`ArtifactPath::get_param`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetParam<'p> {
    pub(crate) path: ArtifactPath<'p>,
    pub(crate) key: String,
}

impl<'p> GetParam<'p> {
    /// The file that holds the value.
    pub fn path(&self) -> &ArtifactPath<'p> {
        &self.path
    }

    /// The key of the value in the file.
    pub fn key(&self) -> &str {
        &self.key
    }
}
