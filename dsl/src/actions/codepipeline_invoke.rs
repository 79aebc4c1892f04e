//! `Invoke / AWS / CodePipeline / 1` (V2 only): starts another pipeline.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::json_text;
use crate::model::Str;
use crate::providers;
use crate::providers::codepipeline_invoke::SourceRevisionType;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Invoke / AWS / CodePipeline / 1` (V2 pipelines only): starts an
/// execution of another pipeline of the account, optionally at given source
/// revisions and with values for its pipeline variables. It reads and writes
/// no artifact.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     p.pipeline_type(PipelineType::V2);
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Release", |s| {
///         s.add(
///             CodePipelineInvoke::new("StartDeploy", "deploy-pipeline")
///                 .source_revision("Source", SourceRevisionType::CommitId, source.vars().commit_id())
///                 .variable("STAGE", "prod"),
///         )
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.clone().unwrap();
/// assert_eq!(configuration["Variables"], r#"[{"name":"STAGE","value":"prod"}]"#);
/// ```
#[derive(Clone, Debug)]
pub struct CodePipelineInvoke<'p> {
    spec: ActionSpec<'p>,
    /// The entries of `SourceRevisions`, each a JSON object.
    source_revisions: Vec<Text<'p>>,
    /// The entries of `Variables`, each a JSON object.
    variables: Vec<Text<'p>>,
}

impl<'p> CodePipelineInvoke<'p> {
    /// Starts the pipeline `pipeline_name`.
    pub fn new(name: impl Into<Str>, pipeline_name: impl Into<Text<'p>>) -> Self {
        let mut spec = providers::CODEPIPELINE_INVOKE.action(name);
        spec.set("PipelineName", pipeline_name);
        CodePipelineInvoke { spec, source_revisions: Vec::new(), variables: Vec::new() }
    }

    /// One entry of `SourceRevisions`: the started pipeline's source action
    /// `action_name` runs at `revision` (of the kind `revision_type`) instead
    /// of its latest change. May be called once per source action.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     p.stage("Release", |s| s.add(
    /// CodePipelineInvoke::new("StartDeploy", "deploy-pipeline")
    ///     .source_revision("Image", SourceRevisionType::ImageDigest, "sha256:0123abcd")
    /// #     ));
    /// # });
    /// ```
    pub fn source_revision(
        mut self,
        action_name: impl Into<Text<'p>>,
        revision_type: SourceRevisionType,
        revision: impl Into<Text<'p>>,
    ) -> Self {
        self.source_revisions.push(json_text::object([
            ("actionName".to_owned(), action_name.into()),
            ("revisionType".to_owned(), revision_type.as_str().into()),
            ("revisionValue".to_owned(), revision.into()),
        ]));
        self
    }

    /// One entry of `Variables`: the started pipeline's variable `name`
    /// takes `value` (which may reference this pipeline's variables).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     p.stage("Release", |s| s.add(
    /// CodePipelineInvoke::new("StartDeploy", "deploy-pipeline").variable("STAGE", "prod")
    /// #     ));
    /// # });
    /// ```
    pub fn variable(mut self, name: impl Into<Text<'p>>, value: impl Into<Text<'p>>) -> Self {
        self.variables.push(json_text::object([("name".to_owned(), name.into()), ("value".to_owned(), value.into())]));
        self
    }

    /// The description of the action, the lists written as compact JSON.
    fn finish(mut self) -> ActionSpec<'p> {
        if !self.source_revisions.is_empty() {
            self.spec.set("SourceRevisions", json_text::array(self.source_revisions));
        }
        if !self.variables.is_empty() {
            self.spec.set("Variables", json_text::array(self.variables));
        }
        self.spec
    }
}

typed_action!(
    CodePipelineInvoke<'p>,
    NonSourceAction + CrossRegionAction,
    ActionHandle<'p, 0, NoVariables>,
    into_spec = CodePipelineInvoke::finish
);
