//! [`Stack`]: several pipelines in one CloudFormation template (one stack),
//! with the parameters and companion resources they share.

use crate::pipeline::Pipeline;
use crate::template::{Parameter, Resource};

/// Pipelines deployed together as one CloudFormation stack: one template
/// holds every pipeline (each under its logical id), their rules, the
/// stack's parameters and resources and those declared with each pipeline.
/// Its name names the stack and its output folder.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_dsl::stack::Stack;
/// use pipewright_dsl::template::Parameter;
///
/// let bucket = Parameter::string("ArtifactBucket");
/// let branch_pipeline = |branch: &str| {
///     Pipeline::build(format!("app-{branch}"), |p| {
///         p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///         p.artifact_store(ArtifactStore::s3(bucket.reference()));
///         let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", branch)));
///         p.stage("Build", |s| {
///             s.add(CodeBuild::new("Build", "app-build", source.artifact()));
///         });
///     })
/// };
/// let stack = Stack::new("app-branches")
///     .parameter(bucket.clone())
///     .pipeline(branch_pipeline("main"))
///     .pipeline(branch_pipeline("develop"));
/// assert_eq!(stack.pipelines().len(), 2);
/// assert_eq!(stack.parameters()[0].name(), "ArtifactBucket");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    name: String,
    pipelines: Vec<Pipeline>,
    parameters: Vec<Parameter>,
    resources: Vec<Resource>,
}

impl Stack {
    /// An empty stack named `name` (a letter, then letters, digits and `-`).
    pub fn new(name: impl Into<String>) -> Stack {
        Stack { name: name.into(), pipelines: Vec::new(), parameters: Vec::new(), resources: Vec::new() }
    }

    /// Adds a pipeline.
    pub fn pipeline(mut self, pipeline: Pipeline) -> Stack {
        self.pipelines.push(pipeline);
        self
    }

    /// Declares a parameter the pipelines share; use its
    /// [`reference`](Parameter::reference) in them.
    pub fn parameter(mut self, parameter: Parameter) -> Stack {
        self.parameters.push(parameter);
        self
    }

    /// Adds a resource the pipelines share.
    pub fn resource(mut self, resource: impl Into<Resource>) -> Stack {
        self.resources.push(resource.into());
        self
    }

    /// The stack's name, which also names its output folder.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The pipelines, in the order they were added.
    pub fn pipelines(&self) -> &[Pipeline] {
        &self.pipelines
    }

    /// The parameters declared with the stack (those declared with its
    /// pipelines are each pipeline's).
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The resources declared with the stack.
    pub fn resources(&self) -> &[Resource] {
        &self.resources
    }
}
