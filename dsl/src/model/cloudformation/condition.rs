//! A CloudFormation condition declared in a template's `Conditions`, and the
//! string values chosen by one.

use serde_json::json;

use crate::model::conditional::{IF, NO_VALUE};
use crate::model::{Expr, Str};

/// A condition of the template: its name and its expression (`Fn::Equals`,
/// `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`). Declare one with
/// `PipelineBuilder::condition` and use the handle around a stage, an action
/// or a value.
///
/// ```
/// use pipewright_dsl::cfn;
///
/// let prod = cfn::TemplateCondition::new("IsProd", cfn::equals(cfn::reference("Env"), "prod"));
/// assert_eq!(prod.name(), "IsProd");
/// let role = prod.then(cfn::get_att("DeployRole", "Arn"));
/// assert_eq!(
///     serde_json::to_value(pipewright_dsl::model::Str::from(role)).unwrap(),
///     serde_json::json!({"Fn::If": ["IsProd", {"Fn::GetAtt": ["DeployRole", "Arn"]}, {"Ref": "AWS::NoValue"}]})
/// );
/// let size = prod.then("BUILD_GENERAL1_LARGE").otherwise("BUILD_GENERAL1_SMALL");
/// assert_eq!(size.to_string(), r#"!If ["IsProd","BUILD_GENERAL1_LARGE","BUILD_GENERAL1_SMALL"]"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateCondition {
    name: String,
    expression: Str,
}

impl TemplateCondition {
    /// A condition named `name` (its key in `Conditions`) that holds when
    /// `expression` is true.
    pub fn new(name: impl Into<String>, expression: impl Into<Str>) -> TemplateCondition {
        TemplateCondition { name: name.into(), expression: expression.into() }
    }

    /// The condition's key in the template's `Conditions`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The condition's expression, as written in `Conditions`.
    pub fn expression(&self) -> &Str {
        &self.expression
    }

    /// `value` when the condition holds; left out (`AWS::NoValue`) when it
    /// does not, or the value given to [`IfThen::otherwise`].
    pub fn then(&self, value: impl Into<Str>) -> IfThen {
        IfThen { condition: self.name.clone(), then: value.into() }
    }
}

/// `{"Condition": name}`: the condition as an operand of `Fn::And`,
/// `Fn::Or` or `Fn::Not`.
impl From<&TemplateCondition> for Str {
    fn from(condition: &TemplateCondition) -> Str {
        Str::Expr(Expr::new("Condition", json!(condition.name)).expect("Condition is an intrinsic function"))
    }
}

/// A value chosen by a condition: [`TemplateCondition::then`]. As a [`Str`]
/// it is `Fn::If` with `AWS::NoValue` for the other branch, which leaves an
/// optional property out when the condition does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IfThen {
    condition: String,
    then: Str,
}

impl IfThen {
    /// `{"Fn::If": [condition, then, otherwise]}`.
    pub fn otherwise(self, otherwise: impl Into<Str>) -> Str {
        if_expression(&self.condition, self.then, otherwise.into())
    }
}

impl From<IfThen> for Str {
    fn from(choice: IfThen) -> Str {
        let no_value = Expr::new("Ref", json!(NO_VALUE)).expect("Ref is an intrinsic function");
        if_expression(&choice.condition, choice.then, Str::Expr(no_value))
    }
}

/// `{"Fn::If": [condition, then, otherwise]}`.
pub(crate) fn if_expression(condition: &str, then: Str, otherwise: Str) -> Str {
    Str::Expr(Expr::new(IF, json!([condition, then, otherwise])).expect("Fn::If is an intrinsic function"))
}
