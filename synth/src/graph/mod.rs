//! Diagrams of pipelines, in Mermaid or Graphviz DOT: `synth graph`.
//!
//! A diagram shows each pipeline as a box holding its stages in the order
//! they run, each stage holding its actions (name and provider); a stage
//! whose actions have several runOrder values holds a box per runOrder,
//! lowest first. Edges show what runs next (stage after stage, runOrder
//! group after group), which artifacts flow from producer to consumer
//! (labelled with the artifact's name), and which variables an action reads
//! from the namespace of an earlier one (dashed, labelled `#{namespace.Key}`).
//! An action that runs in another account or Region than its pipeline is
//! marked `↗ 222222222222 / eu-west-1`.
//!
//! The same pipelines always give the same text, byte for byte.
//!
//! ```
//! use pipewright_dsl::prelude::*;
//! use pipewright_synth::graph::{self, GraphFormat};
//!
//! let pipeline = Pipeline::build("my-pipeline", |p| {
//!     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
//!     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//!     p.stage("Build", |s| {
//!         s.add(CodeBuild::new("Build", "my-project", source.artifact()));
//!     });
//! });
//! let mermaid = graph::render(&[&pipeline], GraphFormat::Mermaid);
//! assert!(mermaid.starts_with("flowchart LR\n"));
//! assert!(mermaid.contains(r#"a_my_pipeline__Source__Checkout -->|"CheckoutOutput"| a_my_pipeline__Build__Build"#));
//! ```

mod diagram;
mod dot;
mod ids;
mod mermaid;

use pipewright_dsl::Pipeline;

use diagram::{Diagram, Edge, Node};

/// The language of a diagram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// A Mermaid flowchart (renders in GitHub and GitLab Markdown).
    #[default]
    Mermaid,
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
}

/// The diagram of `pipelines`, in the order given, as one document.
pub fn render(pipelines: &[&Pipeline], format: GraphFormat) -> String {
    let diagram = Diagram::of(pipelines);
    match format {
        GraphFormat::Mermaid => write(&diagram, &mermaid::Mermaid),
        GraphFormat::Dot => write(&diagram, &dot::Dot),
    }
}

/// How a diagram language writes each part of a diagram.
trait Language {
    /// The document's start.
    fn begin(&self, out: &mut String);
    /// Opens a box (pipeline, stage, runOrder group) nested `depth` deep.
    fn open_box(&self, out: &mut String, depth: usize, id: &str, label: &str);
    /// Closes the box opened at `depth`.
    fn close_box(&self, out: &mut String, depth: usize);
    /// An action's node.
    fn node(&self, out: &mut String, depth: usize, node: &Node);
    /// An edge; edges follow every box.
    fn edge(&self, out: &mut String, edge: &Edge);
    /// The document's end.
    fn end(&self, out: &mut String);
}

/// Writes `diagram` in `language`: the boxes and nodes, then the edges.
fn write(diagram: &Diagram, language: &dyn Language) -> String {
    let mut out = String::new();
    language.begin(&mut out);
    for pipeline in &diagram.pipelines {
        language.open_box(&mut out, 1, &pipeline.id, &pipeline.label);
        for stage in &pipeline.stages {
            language.open_box(&mut out, 2, &stage.id, &stage.label);
            for group in &stage.groups {
                let depth = match &group.boxed {
                    Some(boxed) => {
                        language.open_box(&mut out, 3, &boxed.id, &boxed.label);
                        4
                    }
                    None => 3,
                };
                for node in &group.nodes {
                    language.node(&mut out, depth, node);
                }
                if group.boxed.is_some() {
                    language.close_box(&mut out, 3);
                }
            }
            language.close_box(&mut out, 2);
        }
        language.close_box(&mut out, 1);
    }
    for edge in diagram.pipelines.iter().flat_map(|pipeline| &pipeline.edges) {
        language.edge(&mut out, edge);
    }
    language.end(&mut out);
    out
}
