//! What an action accepts where it reads an artifact: the artifact itself, a
//! file inside it, or either. Each is a trait with a readable compiler error,
//! so passing a name written as a string explains how to get a handle.

use crate::artifact::{Artifact, ArtifactPath};
use crate::model::Str;

/// An artifact produced by an earlier action of the same pipeline.
///
/// Only [`Artifact`] implements it: the only way to get one is from the
/// handle an action with outputs returns.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     // `source.artifact()` is the input; a string such as "CheckoutOutput" would not compile.
///     p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
/// });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an artifact of this pipeline",
    label = "expected an artifact handle here",
    note = "inputs come from an action's output: pass `handle.artifact()` (or one of `handle.artifacts`) \
            of an action added earlier; an artifact cannot be named by a string"
)]
pub trait ArtifactInput<'p> {
    /// The artifact.
    fn into_artifact(self) -> Artifact<'p>;
}

impl<'p> ArtifactInput<'p> for Artifact<'p> {
    fn into_artifact(self) -> Artifact<'p> {
        self
    }
}

/// A file inside an artifact, `artifact.path("file")`. Using it wires the
/// artifact as an input of the action.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(CloudFormationDeploy::create_update(
///             "Deploy",
///             "my-stack",
///             source.artifact().path("template.yaml"),
///             "arn:aws:iam::123456789012:role/CloudFormationRole",
///         ))
///     });
/// });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name a file inside an artifact",
    label = "expected `artifact.path(\"file\")` here",
    note = "write `handle.artifact().path(\"template.yaml\")`: the path carries its artifact, which becomes \
            an input of the action; `<Artifact>::<file>` strings are not accepted"
)]
pub trait PathInput<'p> {
    /// The file and its artifact.
    fn into_path(self) -> ArtifactPath<'p>;
}

impl<'p> PathInput<'p> for ArtifactPath<'p> {
    fn into_path(self) -> ArtifactPath<'p> {
        self
    }
}

/// An artifact holding a file the provider reads: the artifact alone means
/// the provider's default file name, `artifact.path("file")` names another.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         // imagedefinitions.json, the default
///         s.add(EcsDeploy::new("Blue", "cluster", "blue", source.artifact()));
///         // another file of the same artifact
///         s.add(EcsDeploy::new("Green", "cluster", "green", source.artifact().path("green.json")));
///     });
/// });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is neither an artifact nor a file inside one",
    label = "expected an artifact handle or `artifact.path(\"file\")` here",
    note = "pass `handle.artifact()` for the provider's default file name, or `handle.artifact().path(\"file\")` \
            for another file; artifacts come from an action's output and cannot be named by a string"
)]
pub trait FileInput<'p> {
    /// The artifact and, when given, the file inside it.
    fn into_file(self) -> (Artifact<'p>, Option<Str>);
}

impl<'p> FileInput<'p> for Artifact<'p> {
    fn into_file(self) -> (Artifact<'p>, Option<Str>) {
        (self, None)
    }
}

impl<'p> FileInput<'p> for ArtifactPath<'p> {
    fn into_file(self) -> (Artifact<'p>, Option<Str>) {
        (self.artifact, Some(self.file))
    }
}
