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

    /// The texts the value is written with: the literal itself, or every
    /// string inside an expression (the template of `Fn::Sub`, the pieces
    /// of `Fn::Join`, both branches of `Fn::If`, ...), in document order.
    /// Variable references (`#{namespace.Key}`) are read from these.
    ///
    /// ```
    /// use pipewright_dsl::cfn;
    /// use pipewright_dsl::model::Str;
    ///
    /// assert_eq!(Str::from("#{Source.CommitId}").texts(), ["#{Source.CommitId}"]);
    /// let joined = cfn::join("-", [cfn::sub("${Env}-#{Build.Tag}"), cfn::reference("Suffix")]);
    /// assert_eq!(joined.texts(), ["-", "${Env}-#{Build.Tag}", "Suffix"]);
    /// ```
    pub fn texts(&self) -> Vec<&str> {
        let mut texts = Vec::new();
        match self {
            Str::Literal(text) => texts.push(text.as_str()),
            Str::Expr(expr) => strings_in(&expr.argument, &mut texts),
        }
        texts
    }
}

/// Every string value inside `value` (not the keys), in document order.
fn strings_in<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(text) => out.push(text),
        serde_json::Value::Array(items) => items.iter().for_each(|item| strings_in(item, out)),
        serde_json::Value::Object(object) => object.values().for_each(|entry| strings_in(entry, out)),
        _ => {}
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
/// (CloudFormation templates write both). `MIN` and `MAX` are the range the
/// field takes, named in the message for anything that is not a whole number
/// in `u32`'s range; a whole number outside `MIN..=MAX` is read, and
/// validation reports it with its advice.
pub(crate) mod lenient_u32 {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};

    /// The field's value, `None` when absent or null.
    pub fn deserialize<'de, D: Deserializer<'de>, const MIN: u32, const MAX: u32>(
        deserializer: D,
    ) -> Result<Option<u32>, D::Error> {
        deserializer.deserialize_option(WholeNumber::<MIN, MAX>)
    }

    struct WholeNumber<const MIN: u32, const MAX: u32>;

    impl<const MIN: u32, const MAX: u32> WholeNumber<MIN, MAX> {
        fn invalid<E: de::Error>(found: impl fmt::Display) -> E {
            E::custom(format!("must be a whole number from {MIN} to {MAX}, found {found}"))
        }
    }

    impl<'de, const MIN: u32, const MAX: u32> Visitor<'de> for WholeNumber<MIN, MAX> {
        type Value = Option<u32>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a whole number from {MIN} to {MAX}")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }

        fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
            u32::try_from(number).map(Some).map_err(|_| Self::invalid(number))
        }

        fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
            u32::try_from(number).map(Some).map_err(|_| Self::invalid(number))
        }

        fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
            Err(Self::invalid(number))
        }

        fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
            Err(Self::invalid(flag))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            text.trim().parse().map(Some).map_err(|_| Self::invalid(format_args!("\"{text}\"")))
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(Self::invalid("a list"))
        }

        fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err(Self::invalid("a mapping"))
        }
    }

    #[cfg(test)]
    mod tests {
        use serde_json::json;

        fn read(value: serde_json::Value) -> Result<Option<u32>, String> {
            super::deserialize::<_, 1, 999>(value).map_err(|error| error.to_string())
        }

        #[test]
        fn numbers_and_numeric_text_are_read_and_null_is_absent() {
            assert_eq!(read(json!(7)), Ok(Some(7)));
            assert_eq!(read(json!(" 12 ")), Ok(Some(12)));
            assert_eq!(read(json!(1000)), Ok(Some(1000)));
            assert_eq!(read(json!(null)), Ok(None));
        }

        #[test]
        fn anything_else_names_the_range() {
            for (value, found) in [
                (json!(-1), "-1"),
                (json!(99_999_999_999_u64), "99999999999"),
                (json!(1.5), "1.5"),
                (json!("first"), "\"first\""),
                (json!(true), "true"),
                (json!([1]), "a list"),
                (json!({"a": 1}), "a mapping"),
            ] {
                assert_eq!(read(value), Err(format!("must be a whole number from 1 to 999, found {found}")));
            }
        }
    }
}
