//! What adding an action returns: the handle to its output artifacts and
//! output variables.

use std::marker::PhantomData;

use crate::action_ref::{ActionRef, HasActionRef};
use crate::artifact::Artifact;
use crate::variables::VariableSet;

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
