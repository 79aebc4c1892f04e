//! Why an emitter could not produce a file.

/// Why an emitter refused a pipeline.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmitError {
    /// `pipeline.json` needs literals, and this field holds a CloudFormation
    /// expression.
    #[error(
        "{path} holds the CloudFormation expression {expression}, which pipeline.json cannot hold: \
         deploy this pipeline with its CloudFormation template (template.json or template.yaml), \
         or give the field a literal value"
    )]
    Expression {
        /// Where in the document, e.g. `pipeline.stages[1].actions[0].configuration.ProjectName`.
        path: String,
        /// The expression as JSON, e.g. `{"Ref":"BuildProject"}`.
        expression: String,
    },
    /// `pipeline.json` cannot hold a part (a stage, an action, an artifact)
    /// that exists only under a CloudFormation condition.
    #[error(
        "{path} exists only under the CloudFormation condition \"{condition}\" (`Fn::If`), which pipeline.json \
         cannot hold: deploy this pipeline with its CloudFormation template (template.json or template.yaml), or \
         drop the condition"
    )]
    Condition {
        /// Where in the document, e.g. `pipeline.stages[1]`.
        path: String,
        /// The condition's name, e.g. `IsProd`.
        condition: String,
    },
    /// The value could not be written as JSON or YAML.
    #[error("cannot serialize the output: {0}")]
    Serialize(String),
}
