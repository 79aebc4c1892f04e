//! `Invoke / AWS / InspectorScan / 1`: an Amazon Inspector vulnerability
//! scan of source code or of an ECR image.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::ArtifactInput;
use crate::model::Str;
use crate::providers;
use crate::providers::inspector_scan::InspectorRunMode;
use crate::text::Text;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of an [`InspectorScan`] action.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let scan = p.stage("Scan", |s| s.add(InspectorScan::source_code_scan("Scan", source.artifact())));
    ///     assert_eq!(scan.vars().highest_scanned_severity().to_string(), "#{Scan_Scan.HighestScannedSeverity}");
    /// });
    /// ```
    InspectorScanVariables {
        /// `HighestScannedSeverity`: the highest severity found (`medium`,
        /// `high` or `critical`).
        highest_scanned_severity => "HighestScannedSeverity",
    }
}

/// `Invoke / AWS / InspectorScan / 1`: scans source code or an image with
/// Amazon Inspector, one constructor per [`InspectorRunMode`], and writes the
/// software bill of materials to its output artifact (named
/// `<ActionName>Output` unless [`InspectorScan::output_name`] names it). The
/// thresholds fail the action when more vulnerabilities of a severity are
/// found.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let scan = p.stage("Scan", |s| {
///         s.add(InspectorScan::source_code_scan("Scan", source.artifact()).critical_threshold(0))
///     });
///     let _sbom: Artifact = scan.artifact();
/// });
/// let scan = &pipeline.declaration().stages[1].actions[0];
/// assert_eq!(scan.configuration.as_ref().unwrap()["CriticalThreshold"], "0");
/// assert_eq!(scan.output_artifacts.as_ref().unwrap()[0].name, "ScanOutput");
/// ```
#[derive(Clone, Debug)]
pub struct InspectorScan<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> InspectorScan<'p> {
    /// A scan in `mode`, with its output artifact.
    fn with_mode(name: impl Into<Str>, mode: InspectorRunMode) -> Self {
        let mut spec = providers::INSPECTOR_SCAN.action(name);
        spec.set("InspectorRunMode", mode.as_str());
        spec.default_output();
        InspectorScan { spec }
    }

    /// `SourceCodeScan`: scans the source code in `source`.
    pub fn source_code_scan(name: impl Into<Str>, source: impl ArtifactInput<'p>) -> Self {
        let mut scan = InspectorScan::with_mode(name, InspectorRunMode::SourceCodeScan);
        scan.spec.input(source.into_artifact());
        scan
    }

    /// `ECRImageScan`: scans the image tagged `image_tag` in the ECR
    /// repository `repository_name`; reads no artifact.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let image = p.source_stage("Source", |s| s.add(EcrSource::new("Image", "my-app")));
    ///     p.stage("Scan", |s| {
    ///         s.add(InspectorScan::ecr_image_scan("Scan", "my-app", image.vars().image_tag()).high_threshold(5))
    ///     });
    /// });
    /// ```
    pub fn ecr_image_scan(
        name: impl Into<Str>,
        repository_name: impl Into<Text<'p>>,
        image_tag: impl Into<Text<'p>>,
    ) -> Self {
        let mut scan = InspectorScan::with_mode(name, InspectorRunMode::EcrImageScan);
        scan.spec.set("ECRRepositoryName", repository_name);
        scan.spec.set("ImageTag", image_tag);
        scan
    }

    /// `CriticalThreshold`: fails the action when more than `count` critical
    /// vulnerabilities are found.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// InspectorScan::source_code_scan("Scan", source.artifact()).critical_threshold(0)
    /// #     ));
    /// # });
    /// ```
    pub fn critical_threshold(self, count: u32) -> Self {
        self.threshold("CriticalThreshold", count)
    }

    /// `HighThreshold`: fails the action when more than `count` high
    /// severity vulnerabilities are found.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// InspectorScan::source_code_scan("Scan", source.artifact()).high_threshold(3)
    /// #     ));
    /// # });
    /// ```
    pub fn high_threshold(self, count: u32) -> Self {
        self.threshold("HighThreshold", count)
    }

    /// `MediumThreshold`: fails the action when more than `count` medium
    /// severity vulnerabilities are found.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// InspectorScan::source_code_scan("Scan", source.artifact()).medium_threshold(10)
    /// #     ));
    /// # });
    /// ```
    pub fn medium_threshold(self, count: u32) -> Self {
        self.threshold("MediumThreshold", count)
    }

    /// `LowThreshold`: fails the action when more than `count` low severity
    /// vulnerabilities are found.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// InspectorScan::source_code_scan("Scan", source.artifact()).low_threshold(50)
    /// #     ));
    /// # });
    /// ```
    pub fn low_threshold(self, count: u32) -> Self {
        self.threshold("LowThreshold", count)
    }

    /// Names the output artifact (the software bill of materials).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Scan", |s| s.add(
    /// InspectorScan::source_code_scan("Scan", source.artifact()).output_name("Sbom")
    /// #     ));
    /// # });
    /// ```
    pub fn output_name(mut self, name: impl Into<Str>) -> Self {
        self.spec.rename_output(0, name);
        self
    }

    fn threshold(mut self, key: &str, count: u32) -> Self {
        self.spec.set(key, count.to_string());
        self
    }
}

typed_action!(InspectorScan<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 1, InspectorScanVariables<'p>>);
