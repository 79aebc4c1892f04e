//! CloudFormation YAML to the template's JSON form: short-form tags (`!Ref`,
//! `!Sub`, `!GetAtt`, ...) become the long form (`{"Ref": ...}`,
//! `{"Fn::Sub": ...}`, `{"Fn::GetAtt": [..]}`), exactly as CloudFormation
//! reads them.

use serde_json::{Map, Number, Value};
use serde_yaml::Value as Yaml;

use super::value_path::ValuePath;
use crate::model::ReadError;

/// Short-form tags written `!Name` for the long form `Fn::Name`.
const FUNCTION_TAGS: [&str; 17] = [
    "And",
    "Base64",
    "Cidr",
    "Equals",
    "FindInMap",
    "GetAZs",
    "If",
    "ImportValue",
    "Join",
    "Length",
    "Not",
    "Or",
    "Select",
    "Split",
    "Sub",
    "ToJsonString",
    "Transform",
];

/// Converts a parsed YAML document to JSON. `path` is where `yaml` sits (for
/// errors); it is left as it was given.
pub(crate) fn to_json(yaml: Yaml, path: &mut ValuePath) -> Result<Value, ReadError> {
    Ok(match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(flag) => Value::Bool(flag),
        Yaml::Number(number) => number_to_json(&number),
        Yaml::String(text) => Value::String(text),
        Yaml::Sequence(items) => {
            let mut array = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                path.push_index(index);
                array.push(to_json(item, path)?);
                path.pop();
            }
            Value::Array(array)
        }
        Yaml::Mapping(mapping) => {
            let mut object = Map::with_capacity(mapping.len());
            for (key, value) in mapping {
                let key = key_text(key, path)?;
                path.push_key(&key);
                if object.contains_key(&key) {
                    return Err(shape(path, format!("the key `{key}` appears twice in this mapping; keep one")));
                }
                let value = to_json(value, path)?;
                path.pop();
                object.insert(key, value);
            }
            Value::Object(object)
        }
        Yaml::Tagged(tagged) => {
            let tag = tagged.tag.to_string();
            let name = tag.trim_start_matches('!');
            let function = long_form(name).ok_or_else(|| {
                shape(
                    path,
                    format!(
                        "unknown tag `{tag}`; CloudFormation's short forms are `!Ref`, `!Condition`, `!GetAtt` and `!{}`",
                        FUNCTION_TAGS.join("`, `!")
                    ),
                )
            })?;
            path.push_key(&function);
            let argument = match (name, tagged.value) {
                ("GetAtt", Yaml::String(dotted)) => get_att_argument(&dotted, path)?,
                // A tag on nothing (`!GetAZs`) tags the empty string.
                (_, Yaml::Null) => Value::String(String::new()),
                (_, value) => to_json(value, path)?,
            };
            path.pop();
            let mut object = Map::with_capacity(1);
            object.insert(function, argument);
            Value::Object(object)
        }
    })
}

/// The long-form key of a short-form tag name, if it is one.
fn long_form(name: &str) -> Option<String> {
    match name {
        "Ref" | "Condition" => Some(name.to_owned()),
        "GetAtt" => Some("Fn::GetAtt".to_owned()),
        _ if FUNCTION_TAGS.contains(&name) => Some(format!("Fn::{name}")),
        _ => None,
    }
}

/// `!GetAtt Resource.Attribute` is `["Resource", "Attribute"]`; the
/// attribute itself may hold dots (`Endpoint.Address`).
fn get_att_argument(dotted: &str, path: &ValuePath) -> Result<Value, ReadError> {
    let (resource, attribute) = dotted.split_once('.').ok_or_else(|| {
        shape(path, format!("`!GetAtt {dotted}` names no attribute; write `!GetAtt Resource.Attribute`"))
    })?;
    Ok(Value::Array(vec![Value::String(resource.to_owned()), Value::String(attribute.to_owned())]))
}

/// JSON numbers cannot hold YAML's `.inf` and `.nan`; those stay text.
fn number_to_json(number: &serde_yaml::Number) -> Value {
    if let Some(integer) = number.as_i64() {
        Value::Number(integer.into())
    } else if let Some(integer) = number.as_u64() {
        Value::Number(integer.into())
    } else {
        number.as_f64().and_then(Number::from_f64).map_or_else(|| Value::String(number.to_string()), Value::Number)
    }
}

/// Mapping keys become text the way CloudFormation reads them: `1:` is the
/// key `"1"`.
fn key_text(key: Yaml, path: &ValuePath) -> Result<String, ReadError> {
    match key {
        Yaml::String(text) => Ok(text),
        Yaml::Bool(flag) => Ok(flag.to_string()),
        Yaml::Number(number) => Ok(number.to_string()),
        other => Err(shape(
            path,
            format!("a mapping key must be a string, found {}", serde_json::to_string(&other).unwrap_or_default()),
        )),
    }
}

fn shape(path: &ValuePath, message: String) -> ReadError {
    ReadError::Shape { path: path.to_string(), message }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn convert(text: &str) -> Result<Value, ReadError> {
        to_json(serde_yaml::from_str(text).unwrap(), &mut ValuePath::root())
    }

    #[test]
    fn every_short_form_becomes_its_long_form() {
        let text = "\
ref: !Ref Bucket
condition: !Condition IsProd
sub: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}'
subList: !Sub ['${A}-x', {A: !Ref Name}]
getAttDotted: !GetAtt Role.Arn
getAttNested: !GetAtt Db.Endpoint.Address
getAttList: !GetAtt [Role, Arn]
import: !ImportValue {'Fn::Sub': '${Stack}-Bucket'}
join: !Join ['', [a, !Ref B]]
if: !If [IsProd, x, !Ref AWS::NoValue]
select: !Select [0, !GetAZs '']
split: !Split [',', a]
map: !FindInMap [M, !Ref AWS::Region, K]
equals: !Equals [a, b]
not: !Not [!Condition C]
and: !And [!Condition C, !Condition D]
or: !Or [!Condition C, !Condition D]
base64: !Base64 text
cidr: !Cidr [10.0.0.0/16, 6, 5]
transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
azs: !GetAZs
";
        assert_eq!(
            convert(text).unwrap(),
            json!({
                "ref": {"Ref": "Bucket"},
                "condition": {"Condition": "IsProd"},
                "sub": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}"},
                "subList": {"Fn::Sub": ["${A}-x", {"A": {"Ref": "Name"}}]},
                "getAttDotted": {"Fn::GetAtt": ["Role", "Arn"]},
                "getAttNested": {"Fn::GetAtt": ["Db", "Endpoint.Address"]},
                "getAttList": {"Fn::GetAtt": ["Role", "Arn"]},
                "import": {"Fn::ImportValue": {"Fn::Sub": "${Stack}-Bucket"}},
                "join": {"Fn::Join": ["", ["a", {"Ref": "B"}]]},
                "if": {"Fn::If": ["IsProd", "x", {"Ref": "AWS::NoValue"}]},
                "select": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                "split": {"Fn::Split": [",", "a"]},
                "map": {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "K"]},
                "equals": {"Fn::Equals": ["a", "b"]},
                "not": {"Fn::Not": [{"Condition": "C"}]},
                "and": {"Fn::And": [{"Condition": "C"}, {"Condition": "D"}]},
                "or": {"Fn::Or": [{"Condition": "C"}, {"Condition": "D"}]},
                "base64": {"Fn::Base64": "text"},
                "cidr": {"Fn::Cidr": ["10.0.0.0/16", 6, 5]},
                "transform": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}},
                "azs": {"Fn::GetAZs": ""}
            })
        );
    }

    #[test]
    fn scalars_keep_their_yaml_type_and_keys_become_text() {
        let text = "flag: false\ncount: 3\nratio: 1.5\nnothing: ~\ninfinite: .inf\n1: one\ntrue: yes\n";
        assert_eq!(
            convert(text).unwrap(),
            json!({"flag": false, "count": 3, "ratio": 1.5, "nothing": null, "infinite": ".inf", "1": "one", "true": "yes"})
        );
    }

    #[test]
    fn an_unknown_tag_is_an_error_at_its_path() {
        let error = convert("Resources:\n  P:\n    Name: !Reference Bucket\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Resources.P.Name: unknown tag `!Reference`; CloudFormation's short forms are `!Ref`, `!Condition`, \
             `!GetAtt` and `!And`, `!Base64`, `!Cidr`, `!Equals`, `!FindInMap`, `!GetAZs`, `!If`, `!ImportValue`, \
             `!Join`, `!Length`, `!Not`, `!Or`, `!Select`, `!Split`, `!Sub`, `!ToJsonString`, `!Transform`"
        );
    }

    #[test]
    fn a_get_att_without_attribute_is_an_error() {
        let error = convert("a: [x, !Sub ['${B}', {B: !GetAtt Role}]]\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "a[1].Fn::Sub[1].B.Fn::GetAtt: `!GetAtt Role` names no attribute; write `!GetAtt Resource.Attribute`"
        );
    }

    #[test]
    fn keys_that_collide_as_text_are_an_error() {
        let error = convert("a:\n  1: x\n  '1': y\n").unwrap_err();
        assert_eq!(error.to_string(), "a.1: the key `1` appears twice in this mapping; keep one");
    }

    #[test]
    fn a_mapping_as_key_is_an_error() {
        let error = convert("a:\n  ? [x]\n  : y\n").unwrap_err();
        assert_eq!(error.to_string(), "a: a mapping key must be a string, found [\"x\"]");
    }
}
