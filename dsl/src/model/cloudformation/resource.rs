//! One `AWS::CodePipeline::Pipeline` resource: its properties read into the
//! pipeline model and written back.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::condition::TemplateCondition;
use super::properties::PipelineProperties;
use super::recase::{
    intrinsic_function, intrinsic_in_structure, object_to_api, template_message, template_path, upper_first,
};
use super::value_path::{Segment, ValuePath};
use crate::model::conditional::IF;
use crate::model::{ArtifactStores, PipelineDeclaration, ReadError, RegionalArtifactStore, Str, Tag};

/// Every property of `AWS::CodePipeline::Pipeline` a template may set, in the
/// order [`CfnPipeline::to_properties`] writes them.
const PROPERTIES: [&str; 12] = [
    "Name",
    "RoleArn",
    "ArtifactStore",
    "ArtifactStores",
    "Stages",
    "ExecutionMode",
    "PipelineType",
    "Variables",
    "Triggers",
    "DisableInboundStageTransitions",
    "RestartExecutionOnUpdate",
    "Tags",
];

/// One `AWS::CodePipeline::Pipeline` resource of a CloudFormation template:
/// the pipeline model plus the properties only CloudFormation has.
///
/// ```
/// use pipewright_dsl::model::cloudformation::CfnPipeline;
/// use serde_json::json;
///
/// let properties = json!({
///     "RoleArn": {"Fn::GetAtt": ["PipelineRole", "Arn"]},
///     "ArtifactStore": {"Type": "S3", "Location": {"Ref": "ArtifactBucket"}},
///     "Stages": [
///         {"Name": "Source", "Actions": [{
///             "Name": "Checkout",
///             "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "CodeCommit", "Version": 1},
///             "Configuration": {"RepositoryName": "app", "BranchName": "main", "PollForSourceChanges": false},
///             "OutputArtifacts": [{"Name": "Source"}]
///         }]},
///         {"Name": "Approve", "Actions": [{
///             "Name": "Approve",
///             "ActionTypeId": {"Category": "Approval", "Owner": "AWS", "Provider": "Manual", "Version": "1"}
///         }]}
///     ],
///     "RestartExecutionOnUpdate": true
/// });
/// let pipeline = CfnPipeline::from_properties("Pipeline", &properties).unwrap();
/// // Without `Name`, CloudFormation generates one; the logical id stands in.
/// assert!(!pipeline.name_given);
/// assert_eq!(pipeline.declaration.name, "Pipeline");
/// // CloudFormation reads `false` and `1` as the strings "false" and "1".
/// let action = &pipeline.declaration.stages[0].actions[0];
/// assert_eq!(action.configuration.as_ref().unwrap()["PollForSourceChanges"], "false");
/// assert_eq!(action.action_type_id.version, "1");
///
/// let written = pipeline.to_properties();
/// assert_eq!(written.get("Name"), None);
/// assert_eq!(written["Stages"][0]["Actions"][0]["Configuration"]["PollForSourceChanges"], "false");
/// assert_eq!(written["RestartExecutionOnUpdate"], true);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CfnPipeline {
    /// The resource's key in the template's `Resources`.
    pub logical_id: String,
    /// The pipeline. When the template gives no `Name`, `name` holds the
    /// logical id as a stand-in for the name CloudFormation generates.
    /// `version` is never set: it is read-only in CloudFormation.
    pub declaration: PipelineDeclaration,
    /// Whether the template gives `Name`; when it does not, the name is not
    /// written back (a new name would replace the pipeline).
    pub name_given: bool,
    /// `DisableInboundStageTransitions`: stages whose inbound transition is
    /// disabled on deploy. An empty list is kept as written.
    pub disable_inbound_stage_transitions: Option<Vec<StageTransition>>,
    /// `RestartExecutionOnUpdate`: whether CloudFormation starts an
    /// execution after each update of the pipeline.
    pub restart_execution_on_update: Option<bool>,
    /// `Tags`: the resource's tags.
    pub tags: Option<Vec<Tag>>,
    /// The `Conditions` of the template that holds the resource, which its
    /// `Fn::If`s may name: read with the template
    /// ([`template_pipelines`](super::template_pipelines)), empty when only
    /// the properties are read.
    pub conditions: Vec<TemplateCondition>,
}

/// One item of `DisableInboundStageTransitions`. Like every model type it
/// (de)serializes in camelCase; [`CfnPipeline::to_properties`] writes
/// CloudFormation's `StageName` and `Reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StageTransition {
    /// The stage whose inbound transition is disabled.
    pub stage_name: Str,
    /// Why (`[a-zA-Z0-9!@ \(\)\.\*\?\-]+`, 1..300).
    pub reason: Str,
}

impl CfnPipeline {
    /// Reads the `Properties` of an `AWS::CodePipeline::Pipeline` resource,
    /// with intrinsic functions in the long JSON form (see
    /// [`parse_template`](super::parse_template) for YAML short forms).
    ///
    /// Booleans and numbers in string positions become their string form, as
    /// CloudFormation coerces them; a `Configuration` may be a JSON string.
    /// An unknown or read-only property is an error naming it and its path,
    /// e.g. `Stages[1].Actions[0].Foo: unknown field `Foo`, expected one of ...`.
    pub fn from_properties(logical_id: &str, properties: &Value) -> Result<CfnPipeline, ReadError> {
        let root = ValuePath::root();
        let template = match properties {
            Value::Object(object) => match intrinsic_function(object) {
                Some(function) => return Err(intrinsic_in_structure(&root, function)),
                None => object,
            },
            other => {
                return Err(ReadError::Shape {
                    path: root.to_string(),
                    message: format!("the Properties of a pipeline must be a mapping, found {other}"),
                })
            }
        };
        check_property_names(template)?;
        let mut api = object_to_api(template, &mut ValuePath::root())?;
        let name_given = api.contains_key("name");
        if !name_given {
            api.insert("name".to_owned(), Value::String(logical_id.to_owned()));
        }
        let restart_execution_on_update = api.remove("restartExecutionOnUpdate").map(read_flag).transpose()?.flatten();
        let disable_inbound_stage_transitions = read_property(&mut api, "disableInboundStageTransitions")?;
        let tags = read_property::<ConditionalTags>(&mut api, "tags")?.map(|tags| tags.0);
        let artifact_stores = read_property::<Vec<RegionalArtifactStore>>(&mut api, "artifactStores")?;
        let mut declaration: PipelineDeclaration = read_part(&Value::Object(api), &ValuePath::root())?;
        declaration.artifact_stores = artifact_stores.map(ArtifactStores);
        Ok(CfnPipeline {
            logical_id: logical_id.to_owned(),
            declaration,
            name_given,
            disable_inbound_stage_transitions,
            restart_execution_on_update,
            tags,
            conditions: Vec::new(),
        })
    }

    /// The resource's `Properties`, with CloudFormation's property names.
    /// Expressions are written as they are; `Name` only when
    /// [`name_given`](CfnPipeline::name_given); `Version` never (read-only);
    /// a `Configuration` always as an object.
    pub fn to_properties(&self) -> Value {
        serde_json::to_value(self.properties()).expect("the pipeline model serializes to JSON")
    }

    /// [`to_properties`](CfnPipeline::to_properties) as a view that
    /// serializes straight to the output, without building a JSON value.
    pub fn properties(&self) -> PipelineProperties<'_> {
        PipelineProperties::new(
            &self.declaration,
            self.name_given,
            self.disable_inbound_stage_transitions.as_deref(),
            self.restart_execution_on_update,
            self.tags.as_deref(),
        )
    }
}

/// Unknown and read-only properties are errors that name them.
fn check_property_names(template: &Map<String, Value>) -> Result<(), ReadError> {
    for key in template.keys() {
        if PROPERTIES.contains(&key.as_str()) {
            continue;
        }
        let message = if key == "Version" {
            "`Version` is read-only in CloudFormation (the service counts the pipeline's updates; \
             read it with `Fn::GetAtt`): remove it"
                .to_owned()
        } else if PROPERTIES.contains(&upper_first(key).as_str()) {
            format!("property names are PascalCase in a template: write `{}`", upper_first(key))
        } else {
            format!("unknown field `{key}`, expected one of `{}`", PROPERTIES.join("`, `"))
        };
        return Err(ReadError::Shape { path: key.clone(), message });
    }
    Ok(())
}

/// `RestartExecutionOnUpdate`: `true`/`false`, or their string form.
fn read_flag(value: Value) -> Result<Option<bool>, ReadError> {
    match &value {
        Value::Null => Ok(None),
        Value::String(text) if text.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Value::String(text) if text.eq_ignore_ascii_case("false") => Ok(Some(false)),
        other => Err(ReadError::Shape {
            path: "RestartExecutionOnUpdate".to_owned(),
            message: format!("expected true or false, found {other}"),
        }),
    }
}

/// `Tags` as a template writes them: each tag itself or inside its `Fn::If`.
#[derive(Deserialize)]
#[serde(transparent)]
struct ConditionalTags(#[serde(with = "crate::model::conditional::items")] Vec<Tag>);

/// Takes one property out of the API-form properties and reads it.
fn read_property<T: DeserializeOwned>(api: &mut Map<String, Value>, key: &str) -> Result<Option<T>, ReadError> {
    match api.remove(key) {
        Some(value) => read_part(&value, &ValuePath::of_keys([key])),
        None => Ok(None),
    }
}

/// Reads a value of the API form found at `at`, with errors in the
/// template's terms.
fn read_part<T: DeserializeOwned>(value: &Value, at: &ValuePath) -> Result<T, ReadError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let relative: ValuePath = error
            .path()
            .iter()
            .map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
                serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
                serde_path_to_error::Segment::Enum { variant } => Segment::Key(variant.clone()),
                serde_path_to_error::Segment::Unknown => Segment::Key("?".to_owned()),
            })
            .collect();
        if let Some((depth, function)) = intrinsic_on_path(value, &relative) {
            return intrinsic_in_structure(&template_path(&at.join(&relative.prefix(depth))), function);
        }
        ReadError::Shape {
            path: template_path(&at.join(&relative)).to_string(),
            message: template_message(&error.into_inner().to_string()),
        }
    })
}

/// The first intrinsic function met walking `path` from `value`, with the
/// number of steps taken to reach it: serde fails there when the model
/// needs a structure, a list or a number.
fn intrinsic_on_path<'v>(value: &'v Value, path: &ValuePath) -> Option<(usize, &'v str)> {
    let mut node = value;
    for (depth, segment) in path.segments().iter().enumerate() {
        match node.as_object().and_then(intrinsic_function) {
            // serde read into `Fn::If` around a part: the error is inside.
            Some(IF) if matches!(segment, Segment::Key(key) if key == IF) => {}
            Some(function) => return Some((depth, function)),
            None => {}
        }
        node = match segment {
            Segment::Key(key) => node.get(key)?,
            Segment::Index(index) => node.get(index)?,
        };
    }
    node.as_object().and_then(intrinsic_function).map(|function| (path.segments().len(), function))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_property_is_written_in_the_documented_order() {
        let properties = json!({
            "Tags": [{"Key": "team", "Value": "platform"}],
            "RestartExecutionOnUpdate": "False",
            "DisableInboundStageTransitions": [{"StageName": "Deploy", "Reason": "Frozen"}],
            "Triggers": [{"ProviderType": "CodeStarSourceConnection", "GitConfiguration": {"SourceActionName": "S"}}],
            "Variables": [{"Name": "Env", "DefaultValue": "dev"}],
            "PipelineType": "V2",
            "ExecutionMode": "QUEUED",
            "Stages": [],
            "ArtifactStores": [{"Region": {"Ref": "AWS::Region"}, "ArtifactStore": {"Type": "S3", "Location": "b"}}],
            "ArtifactStore": {"Type": "S3", "Location": "b"},
            "RoleArn": "arn:aws:iam::123456789012:role/R",
            "Name": "p"
        });
        let pipeline = CfnPipeline::from_properties("P", &properties).unwrap();
        assert_eq!(pipeline.restart_execution_on_update, Some(false));
        let written = pipeline.to_properties();
        let keys: Vec<&str> = written.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, PROPERTIES);
        let mut expected = properties;
        expected["RestartExecutionOnUpdate"] = json!(false);
        assert_eq!(written, expected);
    }

    #[test]
    fn version_is_read_only() {
        let error = CfnPipeline::from_properties("P", &json!({"Version": 1})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Version: `Version` is read-only in CloudFormation (the service counts the pipeline's updates; \
             read it with `Fn::GetAtt`): remove it"
        );
    }

    #[test]
    fn an_unknown_top_level_property_lists_the_known_ones() {
        let error = CfnPipeline::from_properties("P", &json!({"Foo": 1})).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Foo: unknown field `Foo`, expected one of `Name`, `RoleArn`, `ArtifactStore`, `ArtifactStores`, \
             `Stages`, `ExecutionMode`, `PipelineType`, `Variables`, `Triggers`, `DisableInboundStageTransitions`, \
             `RestartExecutionOnUpdate`, `Tags`"
        );
        let error = CfnPipeline::from_properties("P", &json!({"roleArn": "x"})).unwrap_err();
        assert_eq!(error.to_string(), "roleArn: property names are PascalCase in a template: write `RoleArn`");
    }

    #[test]
    fn the_restart_flag_must_be_a_boolean() {
        let error = CfnPipeline::from_properties("P", &json!({"RestartExecutionOnUpdate": "yes"})).unwrap_err();
        assert_eq!(error.to_string(), "RestartExecutionOnUpdate: expected true or false, found \"yes\"");
    }

    #[test]
    fn an_intrinsic_function_standing_for_a_structure_is_an_error_at_its_place() {
        let properties = json!({
            "RoleArn": "arn:aws:iam::123456789012:role/R",
            "Stages": [
                {"Name": "S", "Actions": []},
                {"Fn::ImportValue": "SharedStage"}
            ]
        });
        let error = CfnPipeline::from_properties("P", &properties).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Stages[1]: the intrinsic function `Fn::ImportValue` cannot stand here: the pipeline model reads \
             intrinsic functions only where CloudFormation expects a string"
        );
        let properties = json!({"RoleArn": "r", "Stages": [{"Name": "S", "Actions": [
            {"Name": "A", "ActionTypeId": {"Category": "Build", "Owner": "AWS", "Provider": "CodeBuild", "Version": "1"},
             "RunOrder": {"Ref": "Order"}}
        ]}]});
        let error = CfnPipeline::from_properties("P", &properties).unwrap_err();
        assert!(error.to_string().starts_with("Stages[0].Actions[0].RunOrder: the intrinsic function `Ref` cannot"));
    }

    #[test]
    fn a_stage_under_a_condition_is_read_with_its_condition_and_written_back() {
        let properties = json!({"RoleArn": "r", "Stages": [
            {"Name": "S", "Actions": []},
            {"Fn::If": ["IsProd", {"Name": "Prod", "Actions": [
                {"Fn::If": ["HasTests", {"Name": "Test", "RunOrder": 2,
                    "ActionTypeId": {"Category": "Test", "Owner": "AWS", "Provider": "CodeBuild", "Version": 1}}, {"Ref": "AWS::NoValue"}]}
            ]}, {"Ref": "AWS::NoValue"}]}
        ]});
        let pipeline = CfnPipeline::from_properties("P", &properties).unwrap();
        let stage = &pipeline.declaration.stages[1];
        assert_eq!(stage.condition.as_deref(), Some("IsProd"));
        assert_eq!(stage.actions[0].condition.as_deref(), Some("HasTests"));
        assert_eq!(stage.actions[0].run_order, Some(2));
        let mut expected = properties;
        expected["Stages"][1]["Fn::If"][1]["Actions"][0]["Fn::If"][1]["RunOrder"] = json!(2);
        expected["Stages"][1]["Fn::If"][1]["Actions"][0]["Fn::If"][1]["ActionTypeId"]["Version"] = json!("1");
        assert_eq!(pipeline.to_properties(), expected);
    }

    #[test]
    fn an_error_inside_a_conditional_part_names_its_place_in_the_template() {
        let properties = json!({"RoleArn": "r", "Stages": [
            {"Fn::If": ["IsProd", {"Name": "Prod", "Actions": [], "Foo": 1}, {"Ref": "AWS::NoValue"}]}
        ]});
        let error = CfnPipeline::from_properties("P", &properties).unwrap_err();
        assert!(error.to_string().starts_with("Stages[0].Fn::If[1].Foo: unknown field `Foo`"), "{error}");
        let properties = json!({"RoleArn": "r", "Stages": [
            {"Fn::If": ["IsProd", {"Name": "Prod", "Actions": []}, {"Name": "Dev", "Actions": []}]}
        ]});
        let error = CfnPipeline::from_properties("P", &properties).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "Stages[0].Fn::If[2]: the third item of an `Fn::If` around an item of a list must be \
                 {\"Ref\": \"AWS::NoValue\"}"
            ),
            "{error}"
        );
    }

    #[test]
    fn a_nested_error_is_reported_in_the_template_case() {
        let properties = json!({"RoleArn": "r", "ArtifactStores": [{"Region": "us-east-1", "ArtifactStore": {"Type": "S3"}}], "Stages": []});
        let error = CfnPipeline::from_properties("P", &properties).unwrap_err();
        assert_eq!(error.to_string(), "ArtifactStores[0].ArtifactStore: missing field `Location`");
    }
}
