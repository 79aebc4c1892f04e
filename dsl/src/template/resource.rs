//! [`Resource`]: a companion resource of the template, written as given
//! under its logical id.

use serde_json::{json, Map, Value};

use crate::cfn;
use crate::model::Str;

/// A resource the template holds beside the pipeline: its logical id, type,
/// properties, the resources it waits for (`DependsOn`) and its `Metadata`.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    logical_id: String,
    resource_type: String,
    properties: Value,
    depends_on: Vec<String>,
    metadata: Option<Value>,
}

impl Resource {
    /// A resource `logical_id` of `resource_type` (e.g. `AWS::SNS::Topic`)
    /// with `properties` written as given (expressions included).
    pub fn new(logical_id: impl Into<String>, resource_type: impl Into<String>, properties: Value) -> Resource {
        Resource {
            logical_id: logical_id.into(),
            resource_type: resource_type.into(),
            properties,
            depends_on: Vec::new(),
            metadata: None,
        }
    }

    /// The resource's `Metadata`, written as given: notes for the tools that
    /// read the template, such as a linter's reasoned exceptions.
    ///
    /// ```
    /// use pipewright_dsl::template::Resource;
    /// use serde_json::json;
    ///
    /// let bucket = Resource::new("Artifacts", "AWS::S3::Bucket", json!({}))
    ///     .metadata(json!({"checkov": {"skip": [{"id": "CKV_AWS_18", "comment": "no access log bucket"}]}}));
    /// assert_eq!(bucket.to_json()["Metadata"]["checkov"]["skip"][0]["id"], "CKV_AWS_18");
    /// ```
    pub fn metadata(mut self, metadata: Value) -> Resource {
        self.metadata = Some(metadata);
        self
    }

    /// Makes CloudFormation create the resource `logical_id` first.
    pub fn depends_on(mut self, logical_id: impl Into<String>) -> Resource {
        self.depends_on.push(logical_id.into());
        self
    }

    /// The resource's logical id.
    pub fn logical_id(&self) -> &str {
        &self.logical_id
    }

    /// The resource's type.
    pub fn resource_type(&self) -> &str {
        &self.resource_type
    }

    /// The logical ids this resource waits for.
    pub fn dependencies(&self) -> &[String] {
        &self.depends_on
    }

    /// `{"Ref": logical_id}`: the resource's primary id.
    pub fn reference(&self) -> Str {
        cfn::reference(&self.logical_id)
    }

    /// `{"Fn::GetAtt": [logical_id, attribute]}`.
    pub fn get_att(&self, attribute: &str) -> Str {
        cfn::get_att(&self.logical_id, attribute)
    }

    /// The resource as its entry in `Resources` (without its logical id):
    /// `Type`, then `DependsOn` and `Metadata` when given, then `Properties`.
    pub fn to_json(&self) -> Value {
        let mut resource = Map::new();
        resource.insert("Type".to_owned(), json!(self.resource_type));
        if !self.depends_on.is_empty() {
            resource.insert("DependsOn".to_owned(), json!(self.depends_on));
        }
        if let Some(metadata) = &self.metadata {
            resource.insert("Metadata".to_owned(), metadata.clone());
        }
        resource.insert("Properties".to_owned(), self.properties.clone());
        Value::Object(resource)
    }
}
