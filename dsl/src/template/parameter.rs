//! [`Parameter`]: a template parameter with its type, default, allowed
//! values and description, as the template's `Parameters` section holds it.

use serde::Serialize;
use serde_json::Value;

use crate::cfn;
use crate::model::Str;

/// A parameter of the template: `{"Type": "String", "Default": "dev", ...}`
/// under its name in `Parameters`. Its [`reference`](Parameter::reference)
/// (`{"Ref": name}`) stands wherever an expression does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Parameter {
    #[serde(skip)]
    name: String,
    #[serde(rename = "Type")]
    parameter_type: ParameterType,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    allowed_values: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    no_echo: bool,
}

/// The type of a template parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum ParameterType {
    /// `String`.
    String,
    /// `Number`.
    Number,
    /// `CommaDelimitedList`.
    CommaDelimitedList,
    /// `AWS::SSM::Parameter::Value<String>`: the value of the SSM parameter
    /// whose name is given.
    SsmString,
    /// An AWS-specific type as written, e.g. `AWS::EC2::VPC::Id` or
    /// `List<AWS::EC2::Subnet::Id>`.
    #[serde(untagged)]
    Aws(String),
}

impl ParameterType {
    /// The type as the template writes it.
    pub fn as_str(&self) -> &str {
        match self {
            ParameterType::String => "String",
            ParameterType::Number => "Number",
            ParameterType::CommaDelimitedList => "CommaDelimitedList",
            ParameterType::SsmString => "AWS::SSM::Parameter::Value<String>",
            ParameterType::Aws(name) => name,
        }
    }
}

impl Parameter {
    /// A parameter named `name` (its logical id in the template) of `parameter_type`.
    pub fn new(name: impl Into<String>, parameter_type: ParameterType) -> Parameter {
        Parameter {
            name: name.into(),
            parameter_type,
            default: None,
            allowed_values: Vec::new(),
            description: None,
            no_echo: false,
        }
    }

    /// A `String` parameter.
    pub fn string(name: impl Into<String>) -> Parameter {
        Parameter::new(name, ParameterType::String)
    }

    /// A `Number` parameter.
    pub fn number(name: impl Into<String>) -> Parameter {
        Parameter::new(name, ParameterType::Number)
    }

    /// The value used when the stack is deployed without one; the deploy
    /// command synth writes passes it.
    pub fn default_value(mut self, value: impl Into<String>) -> Parameter {
        self.default = Some(value.into());
        self
    }

    /// The only values the parameter accepts.
    pub fn allowed_values<I: IntoIterator<Item = T>, T: Into<String>>(mut self, values: I) -> Parameter {
        self.allowed_values = values.into_iter().map(Into::into).collect();
        self
    }

    /// What the parameter is for.
    pub fn description(mut self, description: impl Into<String>) -> Parameter {
        self.description = Some(description.into());
        self
    }

    /// Masks the value in the console and API answers (`NoEcho`).
    pub fn no_echo(mut self) -> Parameter {
        self.no_echo = true;
        self
    }

    /// The parameter's name, its logical id in the template.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The parameter's type.
    pub fn parameter_type(&self) -> &ParameterType {
        &self.parameter_type
    }

    /// The default value, if any.
    pub fn default(&self) -> Option<&str> {
        self.default.as_deref()
    }

    /// `{"Ref": name}`: the parameter's value, usable wherever an expression is.
    pub fn reference(&self) -> Str {
        cfn::reference(&self.name)
    }

    /// The parameter as its entry in `Parameters` (without its name).
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("a parameter holds only strings and lists of strings")
    }
}
