//! What a template holds around its pipeline resource, as builder calls:
//! its `Parameters` (`p.parameter(..)`), its `Mappings` (`p.mapping(..)`),
//! its `Conditions` (`p.condition(..)`), and the EventBridge rules and notification rules
//! about the pipeline (`p.start_on_event(..)`, `p.start_on_schedule(..)`,
//! `p.on_event(..)`, `p.on_schedule(..)`, `p.notify(..)`).
//!
//! A condition the pipeline uses is bound to a handle, which stages and
//! actions under it (`s.when(&c)`, `.when(&c)`) and values chosen by it
//! (`c.then(..).otherwise(..)`) are written with.
//!
//! A rule is the pipeline's when it refers to the pipeline's resource (a
//! `Ref`, `Fn::GetAtt` or `${..}` of `Fn::Sub`) in its targets, its resource
//! or its event pattern. The template's other resources (roles, buckets,
//! projects, rules about other resources) are listed as not imported, with
//! their path: they stay in the template they came from.

use pipewright_dsl::model::{Expr, Str};
use pipewright_dsl::notifications::PipelineEvent;
use serde_json::{Map, Value};

use super::naming::Identifiers;
use super::values::{condition_expression, str_expression, string_literal};
use super::Loss;

/// The resource types of the rules imported with the pipeline.
const RULE_TYPES: [&str; 2] = ["AWS::Events::Rule", "AWS::CodeStarNotifications::NotificationRule"];

/// The builder calls for what surrounds one pipeline in its template.
#[derive(Debug, Default)]
pub(super) struct Around {
    /// Statements inside `Pipeline::build` before the stages: parameters
    /// and conditions.
    pub(super) declarations: String,
    /// Statements inside `Pipeline::build` after the stages: the rules.
    pub(super) code: String,
    /// The conditions bound to handles, as (name, identifier); a handle the
    /// code does not use is not bound (see [`unbind_unused`]).
    pub(super) handles: Vec<(String, String)>,
    /// `use` paths the statements need besides the prelude.
    pub(super) uses: Vec<&'static str>,
    /// What the statements do not reproduce, with template paths
    /// (`Parameters.Env.MinLength`, `Resources.Rule.Properties.EventBusName`).
    pub(super) losses: Vec<Loss>,
}

impl Around {
    fn loss(&mut self, path: impl Into<String>, why: impl Into<String>) {
        self.losses.push(Loss::new(path, why));
    }

    fn uses(&mut self, path: &'static str) {
        if !self.uses.contains(&path) {
            self.uses.push(path);
        }
    }
}

/// The rule resources of `template` about the resource `logical_id`, by
/// logical id, in template order.
pub fn pipeline_rules<'a>(template: &'a Value, logical_id: &str) -> Vec<(&'a String, &'a Value)> {
    let Some(resources) = template.get("Resources").and_then(Value::as_object) else { return Vec::new() };
    resources
        .iter()
        .filter(|(_, resource)| RULE_TYPES.iter().any(|kind| resource["Type"] == *kind))
        .filter(|(_, resource)| refers_to(&resource["Properties"], logical_id))
        .collect()
}

/// Whether `value` refers to the resource `logical_id`: `Ref`, `Fn::GetAtt`
/// or a `${logical_id}` inside the text of `Fn::Sub`, at any depth.
pub fn refers_to(value: &Value, logical_id: &str) -> bool {
    match value {
        Value::Object(object) => {
            object.get("Ref").is_some_and(|name| name == logical_id)
                || object.get("Fn::GetAtt").is_some_and(|pair| {
                    pair[0] == logical_id
                        || pair.as_str().is_some_and(|text| text.split('.').next() == Some(logical_id))
                })
                || object.get("Fn::Sub").is_some_and(|text| {
                    let text = text.as_str().or_else(|| text[0].as_str()).unwrap_or_default();
                    text.contains(&format!("${{{logical_id}}}")) || text.contains(&format!("${{{logical_id}."))
                })
                || object.values().any(|child| refers_to(child, logical_id))
        }
        Value::Array(items) => items.iter().any(|item| refers_to(item, logical_id)),
        _ => false,
    }
}

/// What import leaves in the template: the resources that are neither the
/// pipelines nor their rules, as `(path, type)`, and the sections besides
/// `Parameters`, `Mappings`, `Conditions` and `Resources`, as
/// `(name, "a section")`.
pub fn other_resources(template: &Value, pipelines: &[String]) -> Vec<(String, String)> {
    let Some(resources) = template.get("Resources").and_then(Value::as_object) else { return Vec::new() };
    let rules: Vec<&String> =
        pipelines.iter().flat_map(|logical_id| pipeline_rules(template, logical_id)).map(|(id, _)| id).collect();
    let mut left = Vec::new();
    for section in ["Transform", "Rules", "Outputs"] {
        if template.get(section).is_some() {
            left.push((section.to_owned(), "a template section".to_owned()));
        }
    }
    left.extend(
        resources
            .iter()
            .filter(|(id, _)| !pipelines.contains(id) && !rules.contains(id))
            .map(|(id, resource)| (format!("Resources.{id}"), resource["Type"].as_str().unwrap_or("?").to_owned())),
    );
    left
}

/// The builder calls for the parameters, conditions and rules of
/// `template` around its pipeline resource `logical_id`.
pub(super) fn write(template: &Value, logical_id: &str) -> Around {
    let mut around = Around::default();
    let properties = template["Resources"][logical_id]["Properties"].as_object();
    for (key, _) in properties.into_iter().flatten().filter(|(_, value)| value.as_array().is_some_and(Vec::is_empty)) {
        let mut chars = key.chars();
        let key: String = chars.next().map(|first| first.to_ascii_lowercase()).into_iter().chain(chars).collect();
        around.loss(format!("pipeline.{key}"), "an empty list, the same as none; not written");
    }
    if let Some(parameters) = template.get("Parameters").and_then(Value::as_object) {
        for (name, parameter) in parameters {
            parameter_call(&mut around, name, parameter);
        }
    }
    // Mappings as they are, so that `Fn::FindInMap` still finds them.
    for (name, entries) in template.get("Mappings").and_then(Value::as_object).into_iter().flatten() {
        let json = serde_json::to_string_pretty(entries).unwrap_or_default();
        around.declarations.push_str(&format!("p.mapping({}, serde_json::json!({json}));\n", string_literal(name)));
    }
    let mut handles = Identifiers::reserving(&["p", "s"]);
    if let Some(conditions) = template.get("Conditions").and_then(Value::as_object) {
        for (name, condition) in conditions {
            match condition_expression(condition) {
                Some(expression) => {
                    let handle = handles.claim(name, "condition");
                    around
                        .declarations
                        .push_str(&format!("let {handle} = p.condition({}, {expression});\n", string_literal(name)));
                    around.handles.push((name.clone(), handle));
                }
                None => {
                    around.loss(format!("Conditions.{name}"), "a condition function no `cfn::` call writes; left out")
                }
            }
        }
    }
    for (id, rule) in pipeline_rules(template, logical_id) {
        let path = format!("Resources.{id}");
        let properties = rule["Properties"].as_object().cloned().unwrap_or_default();
        for key in rule.as_object().into_iter().flat_map(|rule| rule.keys()) {
            if !matches!(key.as_str(), "Type" | "Properties") {
                around.loss(format!("{path}.{key}"), "import writes a rule's properties only; left out");
            }
        }
        if rule["Type"] == "AWS::Events::Rule" {
            event_rule(&mut around, &path, id, &properties, logical_id);
        } else {
            notification_rule(&mut around, &path, id, &properties, logical_id);
        }
    }
    around
}

/// `code` with each condition handle of `handles` that nothing reads
/// declared without its `let`.
pub(super) fn unbind_unused(code: String, handles: &[(String, String)]) -> String {
    let mut code = code;
    for (_, handle) in handles {
        if !code.contains(&format!("{handle}.then(")) && !code.contains(&format!("(&{handle})")) {
            code = code.replace(&format!("let {handle} = p.condition("), "p.condition(");
        }
    }
    code
}

/// A JSON scalar as the text CloudFormation makes of it.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// `p.parameter(Parameter::string("Name").default_value(..)...);`.
fn parameter_call(around: &mut Around, name: &str, parameter: &Value) {
    let path = format!("Parameters.{name}");
    around.uses("pipewright::template::Parameter");
    let kind = parameter["Type"].as_str().unwrap_or("String");
    let mut call = match kind {
        "String" => format!("Parameter::string({})", string_literal(name)),
        "Number" => format!("Parameter::number({})", string_literal(name)),
        other => {
            around.uses("pipewright::template::ParameterType");
            let parameter_type = match other {
                "CommaDelimitedList" => "ParameterType::CommaDelimitedList".to_owned(),
                "AWS::SSM::Parameter::Value<String>" => "ParameterType::SsmString".to_owned(),
                other => format!("ParameterType::Aws({}.into())", string_literal(other)),
            };
            format!("Parameter::new({}, {parameter_type})", string_literal(name))
        }
    };
    for (key, value) in parameter.as_object().into_iter().flatten() {
        match (key.as_str(), value) {
            ("Type", _) => {}
            ("Default", value) if scalar_text(value).is_some() => {
                call.push_str(&format!(".default_value({})", string_literal(&scalar_text(value).unwrap_or_default())))
            }
            ("Description", Value::String(text)) => call.push_str(&format!(".description({})", string_literal(text))),
            ("NoEcho", value) if scalar_text(value).as_deref() == Some("true") => call.push_str(".no_echo()"),
            ("NoEcho", value) if scalar_text(value).as_deref() == Some("false") => {
                around.loss(format!("{path}.NoEcho"), "`NoEcho: false` is the default; left out")
            }
            ("AllowedValues", Value::Array(values)) if values.iter().all(|value| scalar_text(value).is_some()) => {
                let values: Vec<String> =
                    values.iter().map(|value| string_literal(&scalar_text(value).unwrap_or_default())).collect();
                call.push_str(&format!(".allowed_values([{}])", values.join(", ")));
            }
            _ => around.loss(format!("{path}.{key}"), "a parameter setting `Parameter` has no setter for; left out"),
        }
    }
    around.declarations.push_str(&format!("p.parameter({call});\n"));
}

/// A template value as an expression converting into `Str`.
fn str_of(value: &Value) -> Option<String> {
    match value {
        Value::Object(_) => str_expression(&Str::Expr(Expr::from_json(value)?)),
        other => scalar_text(other).map(|text| string_literal(&text)),
    }
}

/// Whether `name` may name a rule in code: `[.\-_A-Za-z0-9]{1,64}`.
fn is_rule_name(name: &str) -> bool {
    (1..=64).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// The name a rule is declared with, and the setter that writes its `Name`
/// when that is not the name itself.
fn rule_name(around: &mut Around, path: &str, id: &str, name: Option<&Value>) -> (String, Option<String>) {
    match name {
        None => (id.to_owned(), Some(".named_by_cloudformation()".to_owned())),
        Some(Value::String(name)) if is_rule_name(name) => (name.clone(), None),
        Some(value) => match str_of(value) {
            Some(expression) => (id.to_owned(), Some(format!(".rule_name({expression})"))),
            None => {
                around.loss(
                    format!("{path}.Properties.Name"),
                    "a name no `cfn::` call writes; the rule is named after its logical id",
                );
                (id.to_owned(), None)
            }
        },
    }
}

/// `p.start_on_event(..)` and the like for an `AWS::Events::Rule`.
fn event_rule(around: &mut Around, path: &str, id: &str, properties: &Map<String, Value>, logical_id: &str) {
    let at = |key: &str| format!("{path}.Properties.{key}");
    let (name, name_setter) = rule_name(around, path, id, properties.get("Name"));
    let targets = properties.get("Targets").and_then(Value::as_array).cloned().unwrap_or_default();
    let starts = targets.iter().position(|target| refers_to(&target["Arn"], logical_id));
    // The pipeline target first (the DSL declares it first), then the others.
    let mut ordered: Vec<(usize, &Value)> = targets.iter().enumerate().collect();
    if let Some(index) = starts {
        ordered.sort_by_key(|(position, _)| *position != index);
        if index != 0 {
            around.loss(at("Targets"), "the pipeline is written as the rule's first target");
        }
    }
    let trigger = if let Some(expression) = properties.get("ScheduleExpression") {
        match expression.as_str().and_then(schedule) {
            Some(schedule) => schedule,
            None => {
                around.loss(at("ScheduleExpression"), "a schedule `Schedule` cannot write; the rule is left out");
                return;
            }
        }
    } else if let Some(pattern) = properties.get("EventPattern") {
        around.uses("pipewright::events::EventPattern");
        let pattern = match pattern {
            // A pattern written as JSON text is the same pattern.
            Value::String(text) => serde_json::from_str(text).unwrap_or_else(|_| pattern.clone()),
            other => other.clone(),
        };
        let json = serde_json::to_string_pretty(&pattern).unwrap_or_default();
        format!("EventPattern::custom(serde_json::json!({json}))")
    } else {
        around.loss(path, "a rule with neither an event pattern nor a schedule; left out");
        return;
    };
    let is_schedule = properties.contains_key("ScheduleExpression");
    let mut call = match (starts, is_schedule) {
        (Some(_), false) => format!("p.start_on_event({}, {trigger})", string_literal(&name)),
        (Some(_), true) => format!("p.start_on_schedule({}, {trigger})", string_literal(&name)),
        (None, _) => {
            let Some(target) = ordered.first().and_then(|(_, target)| str_of(&target["Arn"])) else {
                around.loss(at("Targets"), "a rule whose first target no `cfn::` call writes; left out");
                return;
            };
            let function = if is_schedule { "on_schedule" } else { "on_event" };
            format!("p.{function}({}, {trigger}, {target})", string_literal(&name))
        }
    };
    call.extend(name_setter);
    let mut role: Option<&Value> = None;
    for (position, (original, target)) in ordered.iter().enumerate() {
        let target_path = at(&format!("Targets[{original}]"));
        if position > 0 {
            match str_of(&target["Arn"]) {
                Some(arn) => call.push_str(&format!(".target({arn})")),
                None => {
                    around.loss(format!("{target_path}.Arn"), "a target no `cfn::` call writes; left out");
                    continue;
                }
            }
        }
        let default_id = match (starts, position) {
            (Some(_), 0) => "StartPipeline".to_owned(),
            _ => format!("Target{}", position + usize::from(starts.is_none())),
        };
        match target.get("Id") {
            Some(Value::String(given)) if *given == default_id => {}
            Some(given) => match str_of(given) {
                Some(given) => call.push_str(&format!(".target_id({given})")),
                None => around.loss(format!("{target_path}.Id"), "an id no `cfn::` call writes; left out"),
            },
            None => {
                around.loss(format!("{target_path}.Id"), "EventBridge needs each target's id; pipewright writes one")
            }
        }
        match (target.get("RoleArn"), role) {
            (Some(given), None) => role = Some(given),
            (Some(given), Some(first)) if given == first => {}
            (given, _) if position > 0 && given != role => around.loss(
                format!("{target_path}.RoleArn"),
                "a rule's targets share one role in pipewright; written with the first target's",
            ),
            _ => {}
        }
        if starts.is_some() && position == 0 && target.get("RoleArn").is_none() {
            around.loss(
                format!("{target_path}.RoleArn"),
                "a rule that starts the pipeline needs a role; pipewright generates one",
            );
        }
        if starts.is_some() && position == 0 && target["Arn"] != pipeline_arn(logical_id) {
            // The ARN as the input writes it (`Fn::Join`, another `Fn::Sub`).
            match str_of(&target["Arn"]) {
                Some(arn) => call.push_str(&format!(".pipeline_arn({arn})")),
                None => around.loss(
                    format!("{target_path}.Arn"),
                    "an ARN no `cfn::` call writes; the pipeline's ARN is written as `Fn::Sub`",
                ),
            }
        }
        for key in target.as_object().into_iter().flat_map(|target| target.keys()) {
            if !matches!(key.as_str(), "Arn" | "Id" | "RoleArn") {
                around.loss(format!("{target_path}.{key}"), "a target setting import does not write; left out");
            }
        }
    }
    if let Some(role) = role {
        match str_of(role) {
            Some(role) => call.push_str(&format!(".role_arn({role})")),
            None => around.loss(at("Targets[0].RoleArn"), "a role no `cfn::` call writes; left out"),
        }
    }
    if let Some(description) = properties.get("Description") {
        match str_of(description) {
            Some(description) => call.push_str(&format!(".description({description})")),
            None => around.loss(at("Description"), "a description no `cfn::` call writes; left out"),
        }
    }
    match properties.get("State").and_then(Value::as_str) {
        Some("ENABLED") => {}
        Some("DISABLED") => {
            around.uses("pipewright::events::RuleState");
            call.push_str(".state(RuleState::Disabled)");
        }
        Some("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS") => {
            around.uses("pipewright::events::RuleState");
            call.push_str(".state(RuleState::EnabledWithAllCloudTrailManagementEvents)");
        }
        Some(_) => around.loss(at("State"), "a state EventBridge does not know; written ENABLED"),
        None => call.push_str(".without_state()"),
    }
    for tag in properties.get("Tags").and_then(Value::as_array).into_iter().flatten() {
        match (str_of(&tag["Key"]), str_of(&tag["Value"])) {
            (Some(key), Some(value)) => call.push_str(&format!(".tag({key}, {value})")),
            _ => around.loss(at("Tags"), "a tag no `cfn::` call writes; left out"),
        }
    }
    for key in properties.keys() {
        if !matches!(
            key.as_str(),
            "Name" | "Targets" | "ScheduleExpression" | "EventPattern" | "Description" | "State" | "Tags"
        ) {
            around.loss(at(key), "a rule setting import does not write; left out");
        }
    }
    around.code.push_str(&format!("{call};\n"));
}

/// The ARN synth writes for the pipeline `logical_id` in its template.
fn pipeline_arn(logical_id: &str) -> Value {
    serde_json::json!({
        "Fn::Sub": format!("arn:${{AWS::Partition}}:codepipeline:${{AWS::Region}}:${{AWS::AccountId}}:${{{logical_id}}}")
    })
}

/// `Schedule::cron(..)` or `Schedule::rate(..)` for an EventBridge
/// schedule expression.
fn schedule(expression: &str) -> Option<String> {
    if let Some(fields) = expression.strip_prefix("cron(").and_then(|rest| rest.strip_suffix(')')) {
        return Some(format!("Schedule::cron({})", string_literal(fields)));
    }
    let inside = expression.strip_prefix("rate(")?.strip_suffix(')')?;
    let (value, unit) = inside.split_once(' ')?;
    let value: u32 = value.parse().ok()?;
    let unit = match (unit, value) {
        ("minute", 1) | ("minutes", 2..) => "Minutes",
        ("hour", 1) | ("hours", 2..) => "Hours",
        ("day", 1) | ("days", 2..) => "Days",
        _ => return None,
    };
    Some(format!("Schedule::rate({value}, RateUnit::{unit})"))
}

/// `p.notify(NotificationRule::new(..)...)` for a notification rule.
fn notification_rule(around: &mut Around, path: &str, id: &str, properties: &Map<String, Value>, logical_id: &str) {
    let at = |key: &str| format!("{path}.Properties.{key}");
    let (name, name_setter) = match properties.get("Name") {
        Some(Value::String(name)) => (name.clone(), None),
        Some(value) => match str_of(value) {
            Some(expression) => (id.to_owned(), Some(format!(".rule_name({expression})"))),
            None => {
                around.loss(at("Name"), "a name no `cfn::` call writes; the rule is named after its logical id");
                (id.to_owned(), None)
            }
        },
        None => {
            around.loss(
                at("Name"),
                "CloudFormation requires a notification rule's name; pipewright writes the logical id",
            );
            (id.to_owned(), None)
        }
    };
    let mut events = Vec::new();
    for (index, event) in properties.get("EventTypeIds").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match PipelineEvent::ALL.iter().find(|known| Some(known.event_type_id()) == event.as_str()) {
            Some(known) => events.push(format!("PipelineEvent::{known:?}")),
            None => around.loss(at(&format!("EventTypeIds[{index}]")), "not a pipeline event; left out"),
        }
    }
    let mut call = format!("NotificationRule::new({}, [{}])", string_literal(&name), events.join(", "));
    call.extend(name_setter);
    match properties.get("DetailType").and_then(Value::as_str) {
        Some("FULL") => call.push_str(".detail_type(DetailType::Full)"),
        Some("BASIC") => call.push_str(".detail_type(DetailType::Basic)"),
        _ => around.loss(at("DetailType"), "not BASIC or FULL; pipewright writes its default"),
    }
    for (index, target) in properties.get("Targets").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let address = str_of(&target["TargetAddress"]);
        match (target["TargetType"].as_str(), address) {
            (Some("SNS"), Some(address)) => call.push_str(&format!(".target(NotificationTarget::sns({address}))")),
            (Some("AWSChatbotSlack"), Some(address)) => {
                call.push_str(&format!(".target(NotificationTarget::chatbot_slack({address}))"))
            }
            _ => around.loss(at(&format!("Targets[{index}]")), "a target import does not write; left out"),
        }
    }
    match properties.get("Status").and_then(Value::as_str) {
        None => {}
        Some("ENABLED") => call.push_str(".status(NotificationStatus::Enabled)"),
        Some("DISABLED") => call.push_str(".status(NotificationStatus::Disabled)"),
        Some(_) => around.loss(at("Status"), "not ENABLED or DISABLED; left out"),
    }
    match properties.get("Tags") {
        None => {}
        Some(Value::Object(tags)) => {
            for (key, value) in tags {
                match str_of(value) {
                    Some(value) => call.push_str(&format!(".tag({}, {value})", string_literal(key))),
                    None => around.loss(at(&format!("Tags.{key}")), "a tag no `cfn::` call writes; left out"),
                }
            }
        }
        Some(_) => around.loss(at("Tags"), "tags that are not a map; left out"),
    }
    match properties.get("Resource") {
        Some(resource) if *resource == pipeline_arn(logical_id) => {}
        // The ARN as the input writes it.
        Some(resource) => match str_of(resource) {
            Some(resource) => call.push_str(&format!(".resource({resource})")),
            None => around.loss(at("Resource"), "an ARN no `cfn::` call writes; written as `Fn::Sub`"),
        },
        None => around.loss(
            at("Resource"),
            "CloudFormation requires a notification rule's resource; pipewright writes the pipeline's ARN",
        ),
    }
    for key in properties.keys() {
        if !matches!(key.as_str(), "Name" | "EventTypeIds" | "DetailType" | "Targets" | "Status" | "Tags" | "Resource")
        {
            around.loss(at(key), "a notification rule setting import does not write; left out");
        }
    }
    around.code.push_str(&format!("p.notify({call});\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schedules_become_cron_or_rate_calls() {
        assert_eq!(schedule("cron(0 3 * * ? *)").as_deref(), Some(r#"Schedule::cron("0 3 * * ? *")"#));
        assert_eq!(schedule("rate(1 hour)").as_deref(), Some("Schedule::rate(1, RateUnit::Hours)"));
        assert_eq!(schedule("rate(5 minutes)").as_deref(), Some("Schedule::rate(5, RateUnit::Minutes)"));
        assert_eq!(schedule("rate(5 minute)"), None, "EventBridge wants the plural");
        assert_eq!(schedule("at(2030-01-01T00:00:00)"), None);
    }

    #[test]
    fn a_rule_is_the_pipelines_when_it_refers_to_it() {
        let template = json!({"Resources": {
            "Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": {}},
            "Start": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [{"Arn": {"Fn::Sub": "arn:${Pipeline}"}}]}},
            "Watch": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"detail": {"pipeline": [{"Ref": "Pipeline"}]}}}},
            "Other": {"Type": "AWS::CodeStarNotifications::NotificationRule", "Properties": {"Resource": {"Fn::GetAtt": ["Repo", "Arn"]}}},
            "Repo": {"Type": "AWS::CodeCommit::Repository", "Properties": {}},
        }});
        let rules: Vec<&String> = pipeline_rules(&template, "Pipeline").into_iter().map(|(id, _)| id).collect();
        assert_eq!(rules, ["Start", "Watch"]);
        let left: Vec<String> =
            other_resources(&template, &["Pipeline".to_owned()]).into_iter().map(|(path, _)| path).collect();
        assert_eq!(left, ["Resources.Other", "Resources.Repo"]);
    }

    #[test]
    fn a_rule_without_a_target_id_is_reported_and_one_without_state_written_so() {
        let template = json!({"Resources": {
            "Pipeline": {"Type": "AWS::CodePipeline::Pipeline", "Properties": {}},
            "Start": {"Type": "AWS::Events::Rule", "Properties": {
                "ScheduleExpression": "rate(1 day)",
                "Targets": [{"Arn": {"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}"}}],
            }},
        }});
        let around = write(&template, "Pipeline");
        assert_eq!(
            around.code,
            "p.start_on_schedule(\"Start\", Schedule::rate(1, RateUnit::Days)).named_by_cloudformation().without_state();\n"
        );
        let paths: Vec<&str> = around.losses.iter().map(|loss| loss.path.as_str()).collect();
        assert_eq!(
            paths,
            ["Resources.Start.Properties.Targets[0].Id", "Resources.Start.Properties.Targets[0].RoleArn",]
        );
    }
}
