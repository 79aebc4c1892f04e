//! Parsing JSON text strictly: a key repeated in one object, at any depth,
//! is an error (serde_json keeps the last value silently), and nesting deeper
//! than [`MAX_NESTING_DEPTH`] fails at once with a message that says so.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::cloudformation::value_path::ValuePath;
use super::read::{ReadError, MAX_NESTING_DEPTH};
use crate::printable;

/// The message serde_json gives when its recursion limit (128, the same as
/// [`MAX_NESTING_DEPTH`]) is reached.
const SERDE_JSON_RECURSION_LIMIT: &str = "recursion limit exceeded";

/// Parses JSON text into a value; a repeated key or nesting deeper than
/// [`MAX_NESTING_DEPTH`] is an error with its line and column.
pub(crate) fn parse_json(text: &str) -> Result<Value, ReadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = UniqueKeys { path: &mut ValuePath::root() }.deserialize(&mut deserializer).map_err(syntax_error)?;
    deserializer.end().map_err(syntax_error)?;
    Ok(value)
}

fn syntax_error(error: serde_json::Error) -> ReadError {
    let (line, column) = (error.line(), error.column());
    let message = error.to_string();
    let message = message.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&message);
    let message = if message == SERDE_JSON_RECURSION_LIMIT {
        format!("the document is nested deeper than {MAX_NESTING_DEPTH} levels (objects and lists inside each other)")
    } else {
        message.to_owned()
    };
    ReadError::Syntax { line, column, message }
}

/// A JSON value whose objects may not repeat a key; `path` is where it sits,
/// for the message.
struct UniqueKeys<'p> {
    path: &'p mut ValuePath,
}

impl<'de> DeserializeSeed<'de> for UniqueKeys<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for UniqueKeys<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Value, E> {
        Ok(Value::Number(number.into()))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, text: &str) -> Result<Value, E> {
        Ok(Value::String(text.to_owned()))
    }

    fn visit_string<E>(self, text: String) -> Result<Value, E> {
        Ok(Value::String(text))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut array = Vec::new();
        loop {
            self.path.push_index(array.len());
            let item = items.next_element_seed(UniqueKeys { path: &mut *self.path })?;
            self.path.pop();
            match item {
                Some(item) => array.push(item),
                None => return Ok(Value::Array(array)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            if object.contains_key(&key) {
                let place = match self.path.segments() {
                    [] => "the top-level object".to_owned(),
                    _ => format!("the object at {}", printable(&self.path.to_string())),
                };
                return Err(de::Error::custom(format!(
                    "the key `{}` appears twice in {place}; keep one",
                    printable(&key)
                )));
            }
            self.path.push_key(&key);
            let value = entries.next_value_seed(UniqueKeys { path: &mut *self.path })?;
            self.path.pop();
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
