//! Whether a template is self-contained: every `Ref`, `Fn::GetAtt`,
//! `Fn::Sub` `${Name}` and `DependsOn` (in its resources and conditions)
//! names a parameter or resource the template declares, or a pseudo
//! parameter (`AWS::Region`, ...), and every `Fn::FindInMap` a mapping it
//! declares.
//!
//! CloudFormation refuses a template that refers to anything else, so synth
//! checks its templates before writing them.

use serde_json::{Map, Value};

/// The pseudo parameters every template may refer to.
const PSEUDO_PARAMETERS: &[&str] = &[
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

/// A reference to something the template does not declare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UndeclaredReference {
    /// Where it is, e.g. `Resources.AppPipeline.Properties.RoleArn`.
    pub path: String,
    /// The name referred to, e.g. `PipelineRole`.
    pub name: String,
    /// How it is referred to: `Ref`, `Fn::GetAtt`, `Fn::Sub`, `DependsOn`
    /// or `Fn::FindInMap` (a mapping).
    pub function: &'static str,
}

/// Every reference in `template` (a whole template as JSON) to a name its
/// `Parameters` and `Resources` (or, for `Fn::FindInMap`, its `Mappings`)
/// do not declare: in its `Conditions`, then in its resources, in document
/// order.
///
/// ```
/// use pipewright_synth::emit::template_references::undeclared_references;
/// use serde_json::json;
///
/// let template = json!({
///     "Parameters": {"Env": {"Type": "String"}},
///     "Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {
///         "TopicName": {"Fn::Sub": "${Env}-${AWS::Region}-${Missing.Name}-${!Literal}"},
///         "KmsMasterKeyId": {"Ref": "Key"}
///     }}}
/// });
/// let names: Vec<String> = undeclared_references(&template).into_iter().map(|found| found.name).collect();
/// assert_eq!(names, ["Missing", "Key"]);
/// ```
pub fn undeclared_references(template: &Value) -> Vec<UndeclaredReference> {
    let declared_in = |section: &str| template.get(section).and_then(Value::as_object).cloned().unwrap_or_default();
    let parameters = declared_in("Parameters");
    let resources = declared_in("Resources");
    let mappings = declared_in("Mappings");
    let scan = Scan { parameters: &parameters, resources: &resources, mappings: &mappings };
    let mut found = Vec::new();
    for (name, condition) in &declared_in("Conditions") {
        scan.value(condition, &format!("Conditions.{name}"), &[], &mut found);
    }
    for (id, resource) in &resources {
        let path = format!("Resources.{id}");
        for name in depends_on(resource) {
            if !resources.contains_key(name) {
                found.push(UndeclaredReference {
                    path: format!("{path}.DependsOn"),
                    name: name.to_owned(),
                    function: "DependsOn",
                });
            }
        }
        scan.value(resource, &path, &[], &mut found);
    }
    found
}

/// The logical ids a resource's `DependsOn` names (a string or a list).
fn depends_on(resource: &Value) -> Vec<&str> {
    match resource.get("DependsOn") {
        Some(Value::String(id)) => vec![id.as_str()],
        Some(Value::Array(ids)) => ids.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What a template declares, to check names against.
struct Scan<'a> {
    parameters: &'a Map<String, Value>,
    resources: &'a Map<String, Value>,
    mappings: &'a Map<String, Value>,
}

impl Scan<'_> {
    /// Whether `name` is a parameter, resource, pseudo parameter or a
    /// variable of the enclosing `Fn::Sub` (`local`).
    fn declares(&self, name: &str, local: &[&str]) -> bool {
        self.parameters.contains_key(name)
            || self.resources.contains_key(name)
            || PSEUDO_PARAMETERS.contains(&name)
            || local.contains(&name)
    }

    /// Records `name`, referred to by `function` at `path`, when the
    /// template does not declare it.
    fn check(&self, name: &str, function: &'static str, at: (&str, &[&str]), found: &mut Vec<UndeclaredReference>) {
        let (path, local) = at;
        if !self.declares(name, local) {
            found.push(UndeclaredReference { path: path.to_owned(), name: name.to_owned(), function });
        }
    }

    /// Checks `value` at `path` and everything inside it; `local` holds the
    /// variables of the `Fn::Sub` it is in.
    fn value(&self, value: &Value, path: &str, local: &[&str], found: &mut Vec<UndeclaredReference>) {
        match value {
            Value::Object(object) if object.len() == 1 => {
                let (key, argument) = object.iter().next().expect("the object has one entry");
                match (key.as_str(), argument) {
                    ("Ref", Value::String(name)) => self.check(name, "Ref", (path, local), found),
                    ("Fn::GetAtt", Value::Array(parts)) => {
                        if let Some(resource) = parts.first().and_then(Value::as_str) {
                            self.check(resource, "Fn::GetAtt", (path, local), found);
                        }
                    }
                    ("Fn::FindInMap", Value::Array(parts)) => {
                        if let Some(mapping) = parts.first().and_then(Value::as_str) {
                            if !self.mappings.contains_key(mapping) {
                                let name = mapping.to_owned();
                                found.push(UndeclaredReference {
                                    path: path.to_owned(),
                                    name,
                                    function: "Fn::FindInMap",
                                });
                            }
                        }
                        self.value(argument, &format!("{path}.{key}"), local, found);
                    }
                    ("Fn::GetAtt", Value::String(dotted)) => {
                        let resource = dotted.split('.').next().unwrap_or_default();
                        self.check(resource, "Fn::GetAtt", (path, local), found);
                    }
                    ("Fn::Sub", Value::String(text)) => {
                        sub_names(text).for_each(|name| self.check(name, "Fn::Sub", (path, local), found));
                    }
                    ("Fn::Sub", Value::Array(parts)) => {
                        let variables = parts.get(1).and_then(Value::as_object);
                        let in_text: Vec<&str> = local
                            .iter()
                            .copied()
                            .chain(variables.into_iter().flat_map(|variables| variables.keys().map(String::as_str)))
                            .collect();
                        for name in parts.first().and_then(Value::as_str).map(sub_names).into_iter().flatten() {
                            self.check(name, "Fn::Sub", (path, &in_text), found);
                        }
                        if let Some(values) = parts.get(1) {
                            self.value(values, path, local, found);
                        }
                    }
                    _ => self.value(argument, &format!("{path}.{key}"), local, found),
                }
            }
            Value::Object(object) => {
                for (key, inner) in object {
                    self.value(inner, &format!("{path}.{key}"), local, found);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.value(item, &format!("{path}[{index}]"), local, found);
                }
            }
            _ => {}
        }
    }
}

/// The names an `Fn::Sub` text substitutes: `${Name}` and the resource of
/// `${Name.Attribute}`; `${!Literal}` is written as is and names nothing.
fn sub_names(text: &str) -> impl Iterator<Item = &str> {
    text.split("${").skip(1).filter_map(|rest| {
        let inside = &rest[..rest.find('}')?];
        (!inside.starts_with('!')).then(|| inside.split('.').next().unwrap_or(inside).trim())
    })
}
