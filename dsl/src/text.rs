//! Setting values that may carry variable references.

use crate::action_ref::ActionRef;
use crate::model::cloudformation::IfThen;
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

    /// Joins pieces into one value. Literal pieces stay one literal. When
    /// the expressions among the pieces are all `Fn::Sub` texts, the result
    /// is one `Fn::Sub` (literal pieces escaped, so a `${` in them stays
    /// text): `${Param}` and pipeline variables `#{..}` mix in one
    /// substitution, as templates write them. Any other expression makes one
    /// flat `Fn::Join` with an empty delimiter, adjacent literals merged.
    ///
    /// ```
    /// use pipewright_dsl::{cfn, Text};
    ///
    /// let text = Text::concat([cfn::sub("${Env}-").into(), "#{Build.Tag}".into(), "-${x}".into()]);
    /// assert_eq!(
    ///     serde_json::to_value(text.as_str()).unwrap(),
    ///     serde_json::json!({"Fn::Sub": "${Env}-#{Build.Tag}-${!x}"})
    /// );
    /// ```
    ///
    /// ```
    /// use pipewright_dsl::{cfn, Text};
    ///
    /// let text = Text::concat(["arn:".into(), "aws:".into(), cfn::reference("AWS::Region").into(), ":x".into()]);
    /// assert_eq!(
    ///     serde_json::to_value(text.as_str()).unwrap(),
    ///     serde_json::json!({"Fn::Join": ["", ["arn:aws:", {"Ref": "AWS::Region"}, ":x"]]})
    /// );
    /// ```
    pub fn concat(parts: impl IntoIterator<Item = Text<'p>>) -> Text<'p> {
        let parts: Vec<Text<'p>> = parts.into_iter().collect();
        if let Some(substitution) = one_substitution(&parts) {
            return Text { value: substitution, uses: parts.into_iter().flat_map(|part| part.uses).collect() };
        }
        let mut uses = Vec::new();
        let mut pieces: Vec<serde_json::Value> = Vec::new();
        for part in parts {
            uses.extend(part.uses);
            match part.value {
                Str::Literal(text) => push_literal(&mut pieces, &text),
                Str::Expr(expr) => match empty_delimiter_join(&expr) {
                    Some(inner) => {
                        for piece in inner {
                            match piece {
                                serde_json::Value::String(text) => push_literal(&mut pieces, text),
                                other => pieces.push(other.clone()),
                            }
                        }
                    }
                    None => pieces.push(expr.to_json()),
                },
            }
        }
        let value = match pieces.as_slice() {
            [] => Str::Literal(String::new()),
            [serde_json::Value::String(text)] => Str::Literal(text.clone()),
            _ => {
                let argument = serde_json::json!(["", pieces]);
                Str::Expr(Expr::new("Fn::Join", argument).expect("Fn::Join is an intrinsic function"))
            }
        };
        Text { value, uses }
    }
}

/// The pieces as one `Fn::Sub`, when every expression among them is an
/// `Fn::Sub` of a text (and there is one); literal pieces are escaped.
fn one_substitution(parts: &[Text<'_>]) -> Option<Str> {
    let mut template = String::new();
    let mut substitutions = 0;
    for part in parts {
        match &part.value {
            Str::Literal(text) => template.push_str(&text.replace("${", "${!")),
            Str::Expr(expr) => match (expr.function(), expr.argument()) {
                ("Fn::Sub", serde_json::Value::String(text)) => {
                    substitutions += 1;
                    template.push_str(text);
                }
                _ => return None,
            },
        }
    }
    (substitutions > 0).then(|| {
        Str::Expr(Expr::new("Fn::Sub", serde_json::Value::String(template)).expect("Fn::Sub is an intrinsic function"))
    })
}

/// Appends a literal piece, merged into the previous piece when that is a
/// literal too; empty pieces are dropped.
fn push_literal(pieces: &mut Vec<serde_json::Value>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(serde_json::Value::String(previous)) = pieces.last_mut() {
        previous.push_str(text);
    } else {
        pieces.push(serde_json::Value::from(text));
    }
}

/// The pieces of `{"Fn::Join": ["", [pieces]]}`, the form `concat` writes.
fn empty_delimiter_join(expr: &Expr) -> Option<&Vec<serde_json::Value>> {
    if expr.function() != "Fn::Join" {
        return None;
    }
    match expr.argument().as_array()?.as_slice() {
        [serde_json::Value::String(delimiter), serde_json::Value::Array(pieces)] if delimiter.is_empty() => {
            Some(pieces)
        }
        _ => None,
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

/// A value chosen by a condition, left out when it does not hold:
/// `condition.then(value)` in any setting.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let prod = p.condition("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
///     p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Approve", |s| s.add(ManualApproval::new("Approve").notification_arn(prod.then(cfn::reference("Topic")))));
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(
///     serde_json::to_value(&configuration["NotificationArn"]).unwrap(),
///     serde_json::json!({"Fn::If": ["IsProd", {"Ref": "Topic"}, {"Ref": "AWS::NoValue"}]})
/// );
/// ```
impl<'p> From<IfThen> for Text<'p> {
    fn from(choice: IfThen) -> Self {
        Text { value: choice.into(), uses: Vec::new() }
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
