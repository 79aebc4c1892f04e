//! The notifications emitter: the pipeline's notification rules as CLI input
//! files and as resources of the pipeline's template.
//!
//! Each rule becomes `notifications/<rule-name>.json`, the input of
//!
//! ```sh
//! aws codestar-notifications create-notification-rule --region <region> \
//!   --cli-input-json file://notifications/<rule-name>.json
//! ```
//!
//! A file that cannot be written is left out alone, with a finding naming
//! the rule and saying what to set.

use heck::ToUpperCamelCase;
use pipewright_dsl::model::Str;
use pipewright_dsl::notifications::NotificationRule;
use pipewright_dsl::{Location, Pipeline, Rule, Violation};
use serde_json::{json, Map, Value};

use super::rule_file::{rule_file, RuleFiles};
use super::{FileKind, OutputFile};

/// The CLI input files of the pipeline's notification rules; a file that
/// cannot be written is left out alone, with the finding that says why.
pub fn emit(pipeline: &Pipeline) -> RuleFiles {
    let mut emitted = RuleFiles::default();
    for rule in pipeline.notification_rules() {
        let path = format!("notifications/{}.json", rule.file_stem());
        match cli_input(pipeline, rule) {
            Ok(input) => emitted.files.push(notification_rule_file(pipeline, path, &input)),
            Err(message) => emitted.refused.push((
                path,
                Violation::new(
                    Location::pipeline(&pipeline.declaration().name)
                        .field(&format!("notification rule \"{}\"", rule.name)),
                    Rule::NotificationRuleCli,
                    message,
                ),
            )),
        }
    }
    emitted
}

/// The template resources (`AWS::CodeStarNotifications::NotificationRule`)
/// of the pipeline's notification rules, for a template that holds the
/// pipeline as `pipeline_logical_id`.
pub fn template_resources(pipeline: &Pipeline, pipeline_logical_id: &str) -> Vec<(String, Value)> {
    pipeline
        .notification_rules()
        .iter()
        .map(|rule| {
            let resource =
                json!(rule.resource.clone().unwrap_or_else(|| pipeline.arn_in_template(pipeline_logical_id)));
            let properties = properties(rule, resource);
            (
                format!("{pipeline_logical_id}{}NotificationRule", rule.file_stem().to_upper_camel_case()),
                json!({"Type": "AWS::CodeStarNotifications::NotificationRule", "Properties": properties}),
            )
        })
        .collect()
}

/// The rule's fields, in the order of the create-notification-rule command.
fn properties(rule: &NotificationRule, resource: Value) -> Value {
    let mut properties = Map::new();
    properties.insert("Name".into(), json!(rule.deployed_name()));
    properties.insert("Resource".into(), resource);
    properties.insert("DetailType".into(), json!(rule.detail_type.as_str()));
    properties
        .insert("EventTypeIds".into(), rule.events.iter().map(|event| Value::from(event.event_type_id())).collect());
    properties.insert(
        "Targets".into(),
        rule.targets
            .iter()
            .map(|target| json!({"TargetType": target.target_type(), "TargetAddress": target.address()}))
            .collect(),
    );
    if let Some(status) = rule.status {
        properties.insert("Status".into(), json!(status.as_str()));
    }
    if !rule.tags.is_empty() {
        let tags: Map<String, Value> = rule.tags.iter().map(|(key, value)| (key.clone(), json!(value))).collect();
        properties.insert("Tags".into(), Value::Object(tags));
    }
    Value::Object(properties)
}

/// The create-notification-rule input; the CLI needs literal ARNs.
fn cli_input(pipeline: &Pipeline, rule: &NotificationRule) -> Result<Value, String> {
    // A literal ARN given for the pipeline is written as is; an expression is for the template only.
    let resource = match &rule.resource {
        Some(Str::Literal(arn)) => arn.clone(),
        _ => pipeline.arn().map_err(|error| error.to_string())?,
    };
    let name = rule.deployed_name();
    let tags = rule.tags.iter().map(|(key, value)| (format!("tag \"{key}\""), value));
    if let Some((what, value)) =
        [("name".to_owned(), &name)].into_iter().chain(tags).find(|(_, value)| !value.is_literal())
    {
        return Err(format!(
            "the rule's {what} is a CloudFormation expression ({value}); the CLI form needs a literal, so deploy \
             this rule with the pipeline's template"
        ));
    }
    if let Some(target) = rule.targets.iter().find(|target| !target.address().is_literal()) {
        return Err(format!(
            "the {} target is a CloudFormation expression ({}); the CLI form needs a literal ARN, \
             so deploy this rule with the pipeline's template",
            target.target_type(),
            target.address()
        ));
    }
    Ok(properties(rule, json!(resource)))
}

fn notification_rule_file(pipeline: &Pipeline, path: String, input: &Value) -> OutputFile {
    let command = |region: &str, path: &str| {
        format!("aws codestar-notifications create-notification-rule{region} --cli-input-json file://{path}")
    };
    rule_file(pipeline, FileKind::NotificationRule, path, input, command)
}
