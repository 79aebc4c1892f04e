//! Strings that may be CloudFormation expressions.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// A string field of the pipeline model: a literal, or a CloudFormation
/// intrinsic function (`Ref`, `Fn::Sub`, `Fn::GetAtt`, ...) that CloudFormation
/// resolves at deploy time.
///
/// The API JSON form (`aws codepipeline create-pipeline`) needs literals; the
/// CloudFormation form writes expressions as they are.
///
/// ```
/// use pipewright_dsl::model::Str;
/// use pipewright_dsl::cfn;
///
/// let literal = Str::from("my-bucket");
/// assert_eq!(literal.as_literal(), Some("my-bucket"));
///
/// let expression = cfn::reference("ArtifactBucket");
/// assert_eq!(expression.as_literal(), None);
/// assert_eq!(serde_json::to_string(&expression).unwrap(), r#"{"Ref":"ArtifactBucket"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Str {
    /// A plain string, valid in every output form.
    Literal(String),
    /// A CloudFormation intrinsic function, valid only in templates.
    Expr(Expr),
}

/// A CloudFormation intrinsic function: a JSON object with exactly one key,
/// `Ref`, `Condition` or `Fn::<Name>`, kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    function: String,
    argument: serde_json::Value,
}

impl Expr {
    /// Builds an expression from the function name (`"Ref"`, `"Fn::Sub"`, ...)
    /// and its argument. Returns `None` when the name is not an intrinsic
    /// function name.
    pub fn new(function: impl Into<String>, argument: serde_json::Value) -> Option<Expr> {
        let function = function.into();
        is_intrinsic_name(&function).then_some(Expr { function, argument })
    }

    /// The function name, e.g. `Fn::ImportValue`.
    pub fn function(&self) -> &str {
        &self.function
    }

    /// The function's argument as written.
    pub fn argument(&self) -> &serde_json::Value {
        &self.argument
    }

    /// The expression as the JSON object CloudFormation reads.
    pub fn to_json(&self) -> serde_json::Value {
        let mut object = serde_json::Map::new();
        object.insert(self.function.clone(), self.argument.clone());
        serde_json::Value::Object(object)
    }

    /// Reads a JSON object of the intrinsic-function shape; `None` for any
    /// other value.
    pub fn from_json(value: &serde_json::Value) -> Option<Expr> {
        let object = value.as_object()?;
        if object.len() != 1 {
            return None;
        }
        let (key, argument) = object.iter().next()?;
        // Check the name before cloning: most one-key objects are not
        // expressions (`{"pipeline": {...}}`, `{"name": "SourceOutput"}`).
        is_intrinsic_name(key).then(|| Expr { function: key.clone(), argument: argument.clone() })
    }
}

/// Whether a JSON key names a CloudFormation intrinsic function.
pub fn is_intrinsic_name(key: &str) -> bool {
    key == "Ref" || key == "Condition" || key.starts_with("Fn::")
}

impl Str {
    /// The literal text, or `None` for an expression.
    pub fn as_literal(&self) -> Option<&str> {
        match self {
            Str::Literal(text) => Some(text),
            Str::Expr(_) => None,
        }
    }

    /// Whether this is a literal string.
    pub fn is_literal(&self) -> bool {
        matches!(self, Str::Literal(_))
    }
}

impl Default for Str {
    fn default() -> Self {
        Str::Literal(String::new())
    }
}

impl fmt::Display for Str {
    /// Literals print as themselves, expressions in the short form of a YAML
    /// template (see [`Expr`]'s `Display`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Str::Literal(text) => f.write_str(text),
            Str::Expr(expr) => expr.fmt(f),
        }
    }
}

impl fmt::Display for Expr {
    /// The short form a YAML template would use, for messages:
    /// `!Ref Name`, `!GetAtt Role.Arn`, `!Sub ${AWS::StackName}-pipeline`;
    /// other arguments as compact JSON (`!Join ["-",["a","b"]]`).
    ///
    /// ```
    /// use pipewright_dsl::cfn;
    ///
    /// assert_eq!(cfn::reference("Name").to_string(), "!Ref Name");
    /// assert_eq!(cfn::get_att("Role", "Arn").to_string(), "!GetAtt Role.Arn");
    /// assert_eq!(cfn::join("-", ["a".into(), "b".into()]).to_string(), r#"!Join ["-",["a","b"]]"#);
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.function.strip_prefix("Fn::").unwrap_or(&self.function);
        match (&self.argument, self.function.as_str()) {
            (serde_json::Value::Array(parts), "Fn::GetAtt")
                if parts.len() == 2 && parts.iter().all(|p| p.is_string()) =>
            {
                write!(f, "!GetAtt {}.{}", parts[0].as_str().unwrap_or_default(), parts[1].as_str().unwrap_or_default())
            }
            (serde_json::Value::String(text), _) => write!(f, "!{name} {text}"),
            (argument, _) => write!(f, "!{name} {argument}"),
        }
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Self {
        Str::Literal(text.to_owned())
    }
}

impl From<String> for Str {
    fn from(text: String) -> Self {
        Str::Literal(text)
    }
}

impl From<&String> for Str {
    fn from(text: &String) -> Self {
        Str::Literal(text.clone())
    }
}

impl From<Expr> for Str {
    fn from(expr: Expr) -> Self {
        Str::Expr(expr)
    }
}

impl From<&Str> for Str {
    fn from(value: &Str) -> Self {
        value.clone()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_literal() == Some(other)
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_literal() == Some(*other)
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Str::Literal(text) => serializer.serialize_str(text),
            Str::Expr(expr) => expr.to_json().serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::String(text) => Ok(Str::Literal(text)),
            other => Expr::from_json(&other).map(Str::Expr).ok_or_else(|| {
                de::Error::custom(format!(
                    "expected a string or a CloudFormation intrinsic function \
                     ({{\"Ref\": ...}} or {{\"Fn::<Name>\": ...}}), found {other}"
                ))
            }),
        }
    }
}

/// Deserializes an integer written as a JSON number or as a numeric string
/// (CloudFormation templates write both).
pub(crate) mod lenient_u32 {
    use serde::de::{self, Deserializer};
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText {
        Number(u32),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
        match Option::<NumberOrText>::deserialize(deserializer)? {
            None => Ok(None),
            Some(NumberOrText::Number(number)) => Ok(Some(number)),
            Some(NumberOrText::Text(text)) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| de::Error::custom(format!("expected a whole number, found \"{text}\""))),
        }
    }
}
