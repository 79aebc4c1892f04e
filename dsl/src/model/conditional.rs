//! Parts of a pipeline that exist only under a CloudFormation condition: a
//! stage, an action, an artifact, a pipeline variable, a trigger or a tag of
//! a list written as
//! `{"Fn::If": [Condition, part, {"Ref": "AWS::NoValue"}]}`.
//!
//! A conditional part keeps the condition's name in its `condition` field;
//! the lists that hold such parts read and write the `Fn::If` form through
//! [`items`] and [`optional_items`]. The API JSON form cannot hold a
//! condition: the `Fn::If` is an intrinsic function there like any other,
//! and [`first_expression`](super::cloudformation::first_expression) finds it
//! with its path.
//!
//! ```
//! use pipewright_dsl::model::PipelineDocument;
//!
//! let json = r#"{"pipeline": {"name": "p", "roleArn": "r", "stages": [
//!     {"name": "Source", "actions": []},
//!     {"Fn::If": ["IsProd", {"name": "Prod", "actions": []}, {"Ref": "AWS::NoValue"}]}]}}"#;
//! let document = PipelineDocument::from_json(json).unwrap();
//! let prod = &document.pipeline.stages[1];
//! assert_eq!((prod.name.as_literal(), prod.condition.as_deref()), (Some("Prod"), Some("IsProd")));
//! let written = serde_json::to_value(&document).unwrap();
//! assert_eq!(written["pipeline"]["stages"][1]["Fn::If"][0], "IsProd");
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};

/// The key of CloudFormation's conditional function.
pub(crate) const IF: &str = "Fn::If";

/// The pseudo parameter that leaves a value out.
pub(crate) const NO_VALUE: &str = "AWS::NoValue";

/// A model type that may stand in a list under a condition.
pub(crate) trait ConditionalPart: Serialize + DeserializeOwned {
    /// What serde expects in place of one, for messages: `struct ActionDeclaration`.
    const EXPECTING: &'static str;

    /// The condition the part exists under, if any.
    fn condition(&self) -> Option<&str>;

    /// Puts the part under `condition`.
    fn set_condition(&mut self, condition: String);
}

/// Declares the [`ConditionalPart`]s: each has a `condition: Option<String>`.
macro_rules! conditional_parts {
    ($($part:ty => $expecting:literal),* $(,)?) => {$(
        impl ConditionalPart for $part {
            const EXPECTING: &'static str = $expecting;

            fn condition(&self) -> Option<&str> {
                self.condition.as_deref()
            }

            fn set_condition(&mut self, condition: String) {
                self.condition = Some(condition);
            }
        }
    )*};
}

conditional_parts!(
    super::StageDeclaration => "struct StageDeclaration",
    super::ActionDeclaration => "struct ActionDeclaration",
    super::InputArtifact => "struct InputArtifact",
    super::OutputArtifact => "struct OutputArtifact",
    super::PipelineVariable => "struct PipelineVariable",
    super::TriggerDeclaration => "struct TriggerDeclaration",
    super::Tag => "struct Tag",
);

/// One item of a list, written as itself or inside its `Fn::If`.
struct Item<'a, T>(&'a T);

impl<T: ConditionalPart> Serialize for Item<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.condition() {
            None => self.0.serialize(serializer),
            // A struct of one field, not a map: the template writer recases
            // what a struct holds (the part), and leaves maps alone.
            Some(condition) => {
                let mut wrapper = serializer.serialize_struct(IF, 1)?;
                wrapper.serialize_field(IF, &Branches(condition, self.0))?;
                wrapper.end()
            }
        }
    }
}

/// `[condition, part, {"Ref": "AWS::NoValue"}]`.
struct Branches<'a, T>(&'a str, &'a T);

impl<T: Serialize> Serialize for Branches<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(3)?;
        tuple.serialize_element(self.0)?;
        tuple.serialize_element(self.1)?;
        tuple.serialize_element(&NoValue)?;
        tuple.end()
    }
}

/// `{"Ref": "AWS::NoValue"}`, written and read.
struct NoValue;

impl Serialize for NoValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("Ref", NO_VALUE)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for NoValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        if value == serde_json::json!({"Ref": NO_VALUE}) {
            Ok(NoValue)
        } else {
            Err(de::Error::custom(format!(
                "the third item of an `Fn::If` around an item of a list must be \
                 {{\"Ref\": \"AWS::NoValue\"}} (the part exists only when the condition holds), found {value}"
            )))
        }
    }
}

/// Reads one item: the part itself, or `{"Fn::If": [..]}` around it.
struct ItemVisitor<T>(PhantomData<T>);

impl<'de, T: ConditionalPart> Visitor<'de> for ItemVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or `Fn::If` around one", T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let first: Option<String> = map.next_key()?;
        if first.as_deref() == Some(IF) {
            let part = map.next_value_seed(BranchesSeed(PhantomData))?;
            if let Some(extra) = map.next_key::<String>()? {
                return Err(de::Error::custom(format!(
                    "`Fn::If` must be the only key of its mapping, found `{extra}` beside it"
                )));
            }
            return Ok(part);
        }
        T::deserialize(MapAccessDeserializer::new(FirstKeyAgain { first, rest: map }))
    }
}

/// The mapping of an item whose first key was read to look for `Fn::If`:
/// that key, then the rest.
struct FirstKeyAgain<A> {
    first: Option<String>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FirstKeyAgain<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some(key) => {
                let key: StringDeserializer<A::Error> = key.into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.rest.next_value_seed(seed)
    }
}

/// Reads `[condition, part, {"Ref": "AWS::NoValue"}]` into the part.
struct BranchesSeed<T>(PhantomData<T>);

impl<'de, T: ConditionalPart> DeserializeSeed<'de> for BranchesSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: ConditionalPart> Visitor<'de> for BranchesSeed<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[condition name, {}, {{\"Ref\": \"AWS::NoValue\"}}]", T::EXPECTING)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<T, A::Error> {
        let condition: String = items.next_element()?.ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let mut part: T = items.next_element()?.ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let NoValue = items.next_element()?.ok_or_else(|| de::Error::invalid_length(2, &self))?;
        if items.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(4, &self));
        }
        part.set_condition(condition);
        Ok(part)
    }
}

/// One item read through [`ItemVisitor`].
struct Read<T>(T);

impl<'de, T: ConditionalPart> Deserialize<'de> for Read<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ItemVisitor(PhantomData)).map(Read)
    }
}

/// A list of parts, each written as itself or inside its `Fn::If`.
struct Items<'a, T>(&'a [T]);

impl<T: ConditionalPart> Serialize for Items<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&Item(item))?;
        }
        seq.end()
    }
}

/// `#[serde(with = "conditional::items")]` on a `Vec` of parts.
pub(crate) mod items {
    use super::*;

    /// Writes each part, conditional ones inside their `Fn::If`.
    pub(crate) fn serialize<S: Serializer, T: ConditionalPart, L: AsRef<[T]> + ?Sized>(
        items: &L,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        Items(items.as_ref()).serialize(serializer)
    }

    /// Reads each part, unwrapping `Fn::If`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: ConditionalPart>(
        deserializer: D,
    ) -> Result<Vec<T>, D::Error> {
        let items: Vec<Read<T>> = Vec::deserialize(deserializer)?;
        Ok(items.into_iter().map(|Read(item)| item).collect())
    }
}

/// `#[serde(with = "conditional::optional_items")]` on an `Option<Vec>` of parts.
pub(crate) mod optional_items {
    use super::*;

    /// Writes each part, conditional ones inside their `Fn::If`.
    pub(crate) fn serialize<S: Serializer, T: ConditionalPart, L: AsRef<[T]>>(
        items: &Option<L>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match items {
            Some(items) => serializer.serialize_some(&Items(items.as_ref())),
            None => serializer.serialize_none(),
        }
    }

    /// Reads each part, unwrapping `Fn::If`.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: ConditionalPart>(
        deserializer: D,
    ) -> Result<Option<Vec<T>>, D::Error> {
        let items: Option<Vec<Read<T>>> = Option::deserialize(deserializer)?;
        Ok(items.map(|items| items.into_iter().map(|Read(item)| item).collect()))
    }
}
