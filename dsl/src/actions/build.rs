//! Build actions.

use crate::handle::{ActionHandle, Artifact};
use crate::model::{ActionCategory, Str};
use crate::spec::{typed_action, ActionSpec};
use crate::variables::NamedVariables;

/// `Build / AWS / CodeBuild / 1`: runs a CodeBuild project on 1..5 input
/// artifacts and produces `N` (0..5) output artifacts.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let build = p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "my-project", source.artifact()).output("BuildOutput"))
///     });
///     let [_built] = build.artifacts;
/// });
/// ```
#[derive(Clone, Debug)]
pub struct CodeBuild<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> CodeBuild<'p, 0> {
    /// Builds `input` with the CodeBuild project `project`.
    pub fn new(name: impl Into<Str>, project: impl Into<Str>, input: Artifact<'p>) -> Self {
        let mut spec = ActionSpec::aws(name, ActionCategory::Build, "CodeBuild");
        spec.set("ProjectName", project.into());
        spec.input(input);
        CodeBuild { spec }
    }
}

macro_rules! codebuild_output {
    ($($from:literal => $to:literal),*) => {$(
        impl<'p> CodeBuild<'p, $from> {
            /// Declares one more output artifact (at most 5); its handle is
            /// in the returned handle's `artifacts`, in declaration order.
            pub fn output(mut self, name: impl Into<String>) -> CodeBuild<'p, $to> {
                self.spec.output(name);
                CodeBuild { spec: self.spec }
            }
        }
    )*};
}
codebuild_output!(0 => 1, 1 => 2, 2 => 3, 3 => 4, 4 => 5);

typed_action!(CodeBuild<'p, const N: usize>, NonSourceAction, ActionHandle<'p, N, NamedVariables<'p>>);
