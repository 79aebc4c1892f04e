//! Writing the pipeline model with CloudFormation's property names, straight
//! to the output: a serde [`Serializer`] adapter that uppercases the first
//! letter of every struct field name (`roleArn` → `RoleArn`) and leaves maps
//! alone.
//!
//! The model's maps are an action's or rule's `configuration` (the
//! provider's own keys) and intrinsic functions (`{"Fn::Sub": ..}`), which a
//! template keeps exactly as written, so a map's keys and everything inside
//! it pass through unchanged. A struct is written as a map, as serde_json
//! and serde_yaml write structs, so the bytes are the same as those of the
//! model's JSON value with its keys recased.

use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, SerializeTuple, SerializeTupleStruct, Serializer};

use super::recase::upper_first;

/// `value` serialized with its struct field names in PascalCase; maps pass
/// through unchanged.
pub(crate) struct PascalCase<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> Serialize for PascalCase<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(PascalCaseSerializer(serializer))
    }
}

/// A struct field name with its first letter uppercased, written without
/// allocating (field names are short).
struct FieldName(&'static str);

impl Serialize for FieldName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buffer = [0u8; 64];
        match buffer.get_mut(..self.0.len()) {
            Some(bytes) if !bytes.is_empty() => {
                bytes.copy_from_slice(self.0.as_bytes());
                bytes[..1].make_ascii_uppercase();
                // Only an ASCII letter changed, so the bytes are still UTF-8.
                serializer.serialize_str(std::str::from_utf8(bytes).expect("uppercasing ASCII keeps UTF-8 valid"))
            }
            _ => serializer.serialize_str(&upper_first(self.0)),
        }
    }
}

/// The adapter around the output's serializer.
struct PascalCaseSerializer<S>(S);

/// The items of a sequence or tuple, each through the adapter.
struct Items<S>(S);

/// A struct's fields, written as the entries of a map.
struct Fields<M>(M);

/// The error for enum variants with fields, which the pipeline model has
/// none of (its enums are unit variants).
fn variant_with_fields<E: ser::Error>(variant: &str) -> E {
    E::custom(format!(
        "the enum variant `{variant}` has fields, which CloudFormation property names are not written for"
    ))
}

impl<S: Serializer> Serializer for PascalCaseSerializer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Items<S::SerializeSeq>;
    type SerializeTuple = Items<S::SerializeTuple>;
    type SerializeTupleStruct = Items<S::SerializeTupleStruct>;
    type SerializeTupleVariant = ser::Impossible<S::Ok, S::Error>;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = Fields<S::SerializeMap>;
    type SerializeStructVariant = ser::Impossible<S::Ok, S::Error>;

    fn serialize_bool(self, v: bool) -> Result<S::Ok, S::Error> {
        self.0.serialize_bool(v)
    }
    fn serialize_i8(self, v: i8) -> Result<S::Ok, S::Error> {
        self.0.serialize_i8(v)
    }
    fn serialize_i16(self, v: i16) -> Result<S::Ok, S::Error> {
        self.0.serialize_i16(v)
    }
    fn serialize_i32(self, v: i32) -> Result<S::Ok, S::Error> {
        self.0.serialize_i32(v)
    }
    fn serialize_i64(self, v: i64) -> Result<S::Ok, S::Error> {
        self.0.serialize_i64(v)
    }
    fn serialize_u8(self, v: u8) -> Result<S::Ok, S::Error> {
        self.0.serialize_u8(v)
    }
    fn serialize_u16(self, v: u16) -> Result<S::Ok, S::Error> {
        self.0.serialize_u16(v)
    }
    fn serialize_u32(self, v: u32) -> Result<S::Ok, S::Error> {
        self.0.serialize_u32(v)
    }
    fn serialize_u64(self, v: u64) -> Result<S::Ok, S::Error> {
        self.0.serialize_u64(v)
    }
    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        self.0.serialize_f32(v)
    }
    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        self.0.serialize_f64(v)
    }
    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        self.0.serialize_char(v)
    }
    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.0.serialize_str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<S::Ok, S::Error> {
        self.0.serialize_bytes(v)
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&PascalCase(value))
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_struct(name)
    }
    /// A unit variant is a value (`"Source"`, `"QUEUED"`), not a name.
    fn serialize_unit_variant(
        self,
        name: &'static str,
        variant_index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, variant_index, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &PascalCase(value))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        _value: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(variant_with_fields(variant))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Items)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Items)
    }
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Items)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(variant_with_fields(variant))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<S::SerializeMap, S::Error> {
        self.0.serialize_map(len)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_map(Some(len)).map(Fields)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(variant_with_fields(variant))
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

impl<Q: SerializeSeq> SerializeSeq for Items<Q> {
    type Ok = Q::Ok;
    type Error = Q::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Q::Error> {
        self.0.serialize_element(&PascalCase(value))
    }
    fn end(self) -> Result<Q::Ok, Q::Error> {
        self.0.end()
    }
}

impl<Q: SerializeTuple> SerializeTuple for Items<Q> {
    type Ok = Q::Ok;
    type Error = Q::Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Q::Error> {
        self.0.serialize_element(&PascalCase(value))
    }
    fn end(self) -> Result<Q::Ok, Q::Error> {
        self.0.end()
    }
}

impl<Q: SerializeTupleStruct> SerializeTupleStruct for Items<Q> {
    type Ok = Q::Ok;
    type Error = Q::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Q::Error> {
        self.0.serialize_field(&PascalCase(value))
    }
    fn end(self) -> Result<Q::Ok, Q::Error> {
        self.0.end()
    }
}

impl<M: SerializeMap> ser::SerializeStruct for Fields<M> {
    type Ok = M::Ok;
    type Error = M::Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), M::Error> {
        self.0.serialize_entry(&FieldName(key), &PascalCase(value))
    }
    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use indexmap::IndexMap;
    use serde::Serialize;

    use super::*;
    use crate::model::{ActionCategory, Str};

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        role_arn: Str,
        #[serde(rename = "type")]
        kind: ActionCategory,
        input_artifacts: Vec<Inner>,
        configuration: Option<IndexMap<String, Str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        run_order: Option<u32>,
    }

    #[derive(Serialize)]
    struct Inner {
        name: &'static str,
    }

    #[test]
    fn renames_struct_fields_at_every_depth_but_not_map_keys_or_values() {
        let expression = crate::model::Expr::new("Fn::GetAtt", serde_json::json!(["role", "arn"])).unwrap();
        let configuration =
            IndexMap::from([("branchName".to_owned(), Str::from("main")), ("repo".to_owned(), Str::Expr(expression))]);
        let outer = Outer {
            role_arn: Str::from("roleArn"),
            kind: ActionCategory::Source,
            input_artifacts: vec![Inner { name: "name" }],
            configuration: Some(configuration),
            run_order: None,
        };
        assert_eq!(
            serde_json::to_string(&PascalCase(&outer)).unwrap(),
            r#"{"RoleArn":"roleArn","Type":"Source","InputArtifacts":[{"Name":"name"}],"#.to_owned()
                + r#""Configuration":{"branchName":"main","repo":{"Fn::GetAtt":["role","arn"]}}}"#
        );
    }

    #[test]
    fn a_variant_with_fields_is_an_error_naming_it() {
        #[derive(Serialize)]
        enum Shape {
            Circle { radius: u32 },
        }
        let error = serde_json::to_string(&PascalCase(&Shape::Circle { radius: 1 })).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the enum variant `Circle` has fields, which CloudFormation property names are not written for"
        );
    }
}
