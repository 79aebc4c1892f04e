//! Handles: the only way to name an artifact, a file in it, or an action.
//!
//! Every handle carries the invariant brand `'p` of the [`crate::Pipeline::build`]
//! call that created it, so a handle of one pipeline cannot be used in another.

use std::marker::PhantomData;

use crate::variables::VariableSet;

/// The invariant brand of one pipeline definition.
pub(crate) type Brand<'p> = PhantomData<fn(&'p ()) -> &'p ()>;

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

/// An action of this pipeline, for ordering (`.after(&handle)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionRef<'p> {
    pub(crate) stage: usize,
    pub(crate) index: usize,
    pub(crate) brand: Brand<'p>,
}

/// Anything that names an action of this pipeline.
pub trait HasActionRef<'p> {
    /// The action.
    fn action_ref(&self) -> ActionRef<'p>;
}

impl<'p> HasActionRef<'p> for ActionRef<'p> {
    fn action_ref(&self) -> ActionRef<'p> {
        *self
    }
}

/// What adding an action returns: the action, its `N` output artifacts and
/// its output variables `V`.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let commit: Var = source.vars().commit_id();
///     assert_eq!(commit.to_string(), "#{Source_Checkout.CommitId}");
///     let [code] = source.artifacts;
///     assert_eq!(code, source.artifact());
/// });
/// ```
#[derive(Debug)]
pub struct ActionHandle<'p, const N: usize, V: VariableSet<'p>> {
    /// The action itself.
    pub action: ActionRef<'p>,
    /// Its output artifacts, in declaration order.
    pub artifacts: [Artifact<'p>; N],
    pub(crate) namespace: String,
    pub(crate) variables: PhantomData<V>,
}

impl<'p, const N: usize, V: VariableSet<'p>> ActionHandle<'p, N, V> {
    /// The action's output variables. Using one of them in another action
    /// gives this action its namespace and orders the other action after it.
    pub fn vars(&self) -> V {
        V::new(self.action, &self.namespace)
    }

    /// The namespace the variables are published under.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }
}

impl<'p, V: VariableSet<'p>> ActionHandle<'p, 1, V> {
    /// The single output artifact.
    pub fn artifact(&self) -> Artifact<'p> {
        self.artifacts[0]
    }
}

impl<'p, const N: usize, V: VariableSet<'p>> HasActionRef<'p> for ActionHandle<'p, N, V> {
    fn action_ref(&self) -> ActionRef<'p> {
        self.action
    }
}
