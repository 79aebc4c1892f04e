//! Snapshot tests of what `synth` writes, in one line, on top of
//! [insta](https://insta.rs). Enabled by the `testing` feature.
//!
//! ```no_run
//! use pipewright_dsl::prelude::*;
//!
//! #[test]
//! fn my_pipeline_is_unchanged() {
//!     let pipeline = Pipeline::build("my-pipeline", |p| {
//!         p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!         p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
//!         let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//!         p.stage("Build", |s| {
//!             s.add(CodeBuild::new("Build", "my-project", source.artifact()));
//!         });
//!     });
//!     pipewright_synth::assert_synth_snapshot!(pipeline);
//! }
//! ```
//!
//! Each file becomes one snapshot, named after the test's module, the
//! pipeline and the file's path in the pipeline's folder
//! (`tests/snapshots/pipelines__my-pipeline__pipeline.json.snap`); the
//! manifest is the pipeline's too (`pipelines__my-pipeline__manifest.json.snap`),
//! so several pipelines snapshotted in one test file never share a
//! snapshot. Review changes with `cargo insta review`.
//!
//! For a test that pins one setting rather than every file,
//! [`assert_pipeline`] finds a stage, an action, an EventBridge rule or a
//! notification rule by name and asserts on it, failing in the pipeline's
//! words:
//!
//! ```
//! # use pipewright_dsl::prelude::*;
//! # let pipeline = Pipeline::build("my-pipeline", |p| {
//! #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//! #     p.stage("Build", |s| { s.add(CodeBuild::new("Build", "my-project", source.artifact())); });
//! # });
//! pipewright_synth::testing::assert_pipeline(&pipeline)
//!     .stage("Build")
//!     .action("Build")
//!     .configuration("ProjectName", "my-project");
//! ```

mod assert_pipeline;

use pipewright_dsl::Pipeline;

pub use assert_pipeline::{
    assert_pipeline, ActionAssertion, EventRuleAssertion, NotificationRuleAssertion, PipelineAssertion, StageAssertion,
};

use crate::assembly::Synth;
use crate::cloud_assembly;
use crate::emit::Format;

#[doc(hidden)]
pub use insta;

/// Every file `synth` would write for `pipeline`, manifest included: (path
/// from the output folder, contents), in the order synth writes them.
///
/// # Panics
///
/// When the pipeline cannot be synthesized, with every finding.
pub fn synthesized_files(pipeline: &Pipeline, format: Format) -> Vec<(String, String)> {
    match Synth::new("out").add(pipeline).format(format).assemble() {
        Ok(assembly) => assembly.files.into_iter().map(|file| (file.path, file.contents)).collect(),
        Err(error) => panic!("pipeline \"{}\" cannot be synthesized:\n{error}", pipeline.name()),
    }
}

/// The snapshots [`assert_synth_snapshot!`](crate::assert_synth_snapshot)
/// takes of `pipeline`: (snapshot name, contents) for every file of
/// [`synthesized_files`], each named after its path with the pipeline's
/// folder in front (`my-pipeline/pipeline.json`, `my-pipeline/manifest.json`).
/// The JSON twins of YAML templates (written for the AWS CDK CLI) are left
/// out: each is the template beside it, in JSON.
///
/// # Panics
///
/// When the pipeline cannot be synthesized, with every finding.
pub fn snapshots(pipeline: &Pipeline, format: Format) -> Vec<(String, String)> {
    let folder = format!("{}/", pipeline.folder_name());
    let files = synthesized_files(pipeline, format);
    let twins: Vec<String> = files.iter().filter_map(|(path, _)| cloud_assembly::json_twin_path(path)).collect();
    files
        .into_iter()
        .filter(|(path, _)| !twins.contains(path))
        .map(|(path, contents)| {
            let name = if path.starts_with(&folder) { path } else { format!("{folder}{path}") };
            (name, contents)
        })
        .collect()
}

/// Snapshots every file `synth` would write for a pipeline, one insta
/// snapshot per file named after the pipeline and the file ([`snapshots`]);
/// templates in YAML unless a [`Format`] is given.
///
/// ```no_run
/// # use pipewright_dsl::prelude::*;
/// # let pipeline: Pipeline = todo!();
/// pipewright_synth::assert_synth_snapshot!(pipeline);
/// pipewright_synth::assert_synth_snapshot!(pipeline, pipewright_synth::Format::Json);
/// ```
#[macro_export]
macro_rules! assert_synth_snapshot {
    ($pipeline:expr $(,)?) => {
        $crate::assert_synth_snapshot!($pipeline, $crate::Format::Yaml)
    };
    ($pipeline:expr, $format:expr $(,)?) => {{
        for (name, contents) in $crate::testing::snapshots(&$pipeline, $format) {
            $crate::testing::insta::assert_snapshot!(name, contents);
        }
    }};
}
