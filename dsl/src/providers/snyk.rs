//! Snyk: `Invoke / ThirdParty / Snyk / 1`, a partner's vulnerability scan:
//! its description and its typed action, [`SnykScan`].

use super::{artifacts, ProviderDescription};
use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::{ActionCategory, ActionOwner, Str};
use crate::providers;
use crate::variables::NoVariables;

/// Scans its input artifact for vulnerabilities and writes the results to
/// its output. Its settings are kept by Snyk when the action is connected in
/// the console, so the action has no configuration keys; AWS has removed it
/// from the newest action reference.
pub static SNYK: ProviderDescription = ProviderDescription::new(
    ActionOwner::ThirdParty,
    &[ActionCategory::Invoke],
    "Snyk",
    artifacts(1, 1),
    artifacts(1, 1),
);

/// `Invoke / ThirdParty / Snyk / 1`: scans `source` with Snyk and writes the
/// results to its output artifact (named `<ActionName>Output` unless
/// [`SnykScan::output_name`] names it). What it checks is set up with Snyk
/// when the action is connected in the console: the action has no
/// configuration keys. As a third-party action it cannot run in another
/// Region.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let scan = p.stage("Scan", |s| s.add(SnykScan::new("Snyk", source.artifact())));
///     let _results: Artifact = scan.artifact();
/// });
/// let scan = &pipeline.declaration().stages[1].actions[0];
/// assert_eq!(scan.output_artifacts.as_ref().unwrap()[0].name, "SnykOutput");
/// ```
#[derive(Clone, Debug)]
pub struct SnykScan<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> SnykScan<'p> {
    /// Scans `source`.
    pub fn new(name: impl Into<Str>, source: impl ArtifactInput<'p>) -> Self {
        let mut spec = providers::SNYK.action(name);
        spec.input(source.into_artifact());
        spec.default_output();
        SnykScan { spec }
    }

    /// Names the output artifact.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// SnykScan::new("Snyk", source.artifact()).output_name("SnykResults")
    /// #     ));
    /// # });
    /// ```
    pub fn output_name(mut self, name: impl Into<Str>) -> Self {
        self.spec.rename_output(0, name);
        self
    }
}

typed_action!(SnykScan<'p>, NonSourceAction, ActionHandle<'p, 1, NoVariables>);
