//! Setting values that may carry variable references.

use crate::handle::ActionRef;
use crate::model::{Expr, Str};
use crate::variables::{PipelineVar, Var};

/// The value of an action setting: a string or CloudFormation expression, plus
/// the actions whose output variables it references.
///
/// Built from `&str`, `String`, [`Str`], [`Var`] or [`PipelineVar`]; pieces
/// are joined with [`Text::concat`]. Adding the action that holds it records
/// the references, so the producers get their namespaces and run first.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let text = Text::concat(["Deploying ".into(), source.vars().commit_id().into()]);
///     assert_eq!(text.as_str(), &Str::from("Deploying #{Source_Checkout.CommitId}"));
/// });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text<'p> {
    pub(crate) value: Str,
    pub(crate) uses: Vec<ActionRef<'p>>,
}

impl<'p> Text<'p> {
    /// The value as it will be written.
    pub fn as_str(&self) -> &Str {
        &self.value
    }

    /// The actions whose variables this value references.
    pub fn references(&self) -> &[ActionRef<'p>] {
        &self.uses
    }

    /// Joins pieces into one value. Literal pieces stay one literal; when a
    /// piece is a CloudFormation expression the result is an `Fn::Join`.
    pub fn concat(parts: impl IntoIterator<Item = Text<'p>>) -> Text<'p> {
        let mut uses = Vec::new();
        let mut values = Vec::new();
        for part in parts {
            uses.extend(part.uses);
            values.push(part.value);
        }
        let value = if values.iter().all(Str::is_literal) {
            Str::Literal(values.iter().filter_map(Str::as_literal).collect())
        } else {
            let pieces =
                values.iter().map(|value| serde_json::to_value(value).expect("a Str is always JSON")).collect();
            let argument =
                serde_json::Value::Array(vec![serde_json::Value::from(""), serde_json::Value::Array(pieces)]);
            Str::Expr(Expr::new("Fn::Join", argument).expect("Fn::Join is an intrinsic function"))
        };
        Text { value, uses }
    }
}

impl<'p> From<&str> for Text<'p> {
    fn from(text: &str) -> Self {
        Text { value: text.into(), uses: Vec::new() }
    }
}

impl<'p> From<String> for Text<'p> {
    fn from(text: String) -> Self {
        Text { value: text.into(), uses: Vec::new() }
    }
}

impl<'p> From<&String> for Text<'p> {
    fn from(text: &String) -> Self {
        Text { value: text.into(), uses: Vec::new() }
    }
}

impl<'p> From<Str> for Text<'p> {
    fn from(value: Str) -> Self {
        Text { value, uses: Vec::new() }
    }
}

impl<'p> From<Var<'p>> for Text<'p> {
    fn from(var: Var<'p>) -> Self {
        Text::from(&var)
    }
}

impl<'p> From<&Var<'p>> for Text<'p> {
    fn from(var: &Var<'p>) -> Self {
        Text { value: Str::Literal(var.to_string()), uses: var.producer.into_iter().collect() }
    }
}

impl<'p> From<PipelineVar<'p>> for Text<'p> {
    fn from(var: PipelineVar<'p>) -> Self {
        Text { value: Str::Literal(var.to_string()), uses: Vec::new() }
    }
}

impl<'p> From<&PipelineVar<'p>> for Text<'p> {
    fn from(var: &PipelineVar<'p>) -> Self {
        Text { value: Str::Literal(var.to_string()), uses: Vec::new() }
    }
}
