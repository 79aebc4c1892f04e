//! The events emitter: the pipeline's EventBridge rules as CLI input files
//! and as resources of the pipeline's template.
//!
//! Each rule becomes `events/<rule-name>.json`, one JSON object holding the
//! input of both calls that create it:
//!
//! ```json
//! {
//!   "PutRule": {"Name": "...", "EventPattern": "<the pattern as a JSON string>", "State": "ENABLED"},
//!   "PutTargets": {"Rule": "...", "Targets": [{"Id": "StartPipeline", "Arn": "...", "RoleArn": "..."}]}
//! }
//! ```
//!
//! deployed with (`jq` picks each input out of the file):
//!
//! ```sh
//! aws events put-rule --region <region> --cli-input-json "$(jq -c .PutRule events/<rule-name>.json)" &&
//!   aws events put-targets --region <region> --cli-input-json "$(jq -c .PutTargets events/<rule-name>.json)"
//! ```
//!
//! A scheduled rule has `ScheduleExpression` instead of `EventPattern`.
//! When a rule that starts the pipeline uses the generated role, the role is
//! written once to `events/start-pipeline.role.json`, holding the
//! `aws iam create-role` and `aws iam put-role-policy` inputs; it is deployed
//! before the rules.
//!
//! A file that cannot be written is left out alone, with a finding naming
//! the rule and saying what to set.

use heck::ToUpperCamelCase;
use pipewright_dsl::cross_account::{policy_document, PolicyStatement, Trust};
use pipewright_dsl::events::{EventPattern, EventRule, EventTarget, RuleRole};
use pipewright_dsl::model::Str;
use pipewright_dsl::{Location, Pipeline, Rule, Violation};
use serde_json::{json, Map, Value};

use super::format::pretty;
use super::rule_file::{rule_file, RuleFiles};
use super::{shell_word, DeployStep, FileKind, OutputFile};

/// The file of the generated role, when a rule uses it.
pub const GENERATED_ROLE_FILE: &str = "events/start-pipeline.role.json";

/// The name of the generated role's only policy.
const START_POLICY_NAME: &str = "StartPipelineExecution";

/// The target id of the pipeline in a rule that starts it.
const PIPELINE_TARGET_ID: &str = "StartPipeline";

/// IAM role names are at most this long.
const MAX_ROLE_NAME: usize = 64;

/// The CLI input files of the pipeline's EventBridge rules, plus the
/// generated role's file when a rule uses it; a file that cannot be written
/// is left out alone, with the finding that says why.
pub fn emit(pipeline: &Pipeline) -> RuleFiles {
    let form = Form::Cli(pipeline);
    let mut emitted = RuleFiles::default();
    if uses_generated_role(pipeline) {
        match generated_role_file(pipeline) {
            Ok(file) => emitted.files.push(file),
            Err(error) => emitted.refused.push((GENERATED_ROLE_FILE.to_owned(), error)),
        }
    }
    for rule in pipeline.event_rules() {
        let path = event_rule_path(rule);
        match cli_input(pipeline, &form, rule) {
            Ok(input) => emitted.files.push(event_rule_file(pipeline, path, &input)),
            Err(message) => {
                emitted.refused.push((path, Violation::new(rule_location(pipeline, rule), Rule::EventRuleCli, message)))
            }
        }
    }
    emitted
}

/// The template resources of the pipeline's EventBridge rules
/// (`AWS::Events::Rule`) and of the generated role that lets them start the
/// pipeline (`AWS::IAM::Role`), for a template that holds the pipeline as
/// `pipeline_logical_id`. Expects a pipeline that passed validation: a rule
/// whose source pattern cannot be derived (reported by
/// [`Pipeline::check`] as `event-rule-source`) is left out.
pub fn template_resources(pipeline: &Pipeline, pipeline_logical_id: &str) -> Vec<(String, Value)> {
    let form = Form::Template { pipeline, logical_id: pipeline_logical_id };
    let role_id = generated_role_logical_id(pipeline_logical_id);
    let mut resources = Vec::new();
    if uses_generated_role(pipeline) {
        let arn = pipeline.arn_in_template(pipeline_logical_id);
        resources.push((
            role_id.clone(),
            json!({
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": Trust::Service("events.amazonaws.com").document(),
                    "Policies": [{"PolicyName": START_POLICY_NAME, "PolicyDocument": start_policy(arn)}],
                },
            }),
        ));
    }
    for rule in pipeline.event_rules() {
        let Ok(matcher) = matcher(pipeline, &form, rule) else { continue };
        let mut properties = Map::new();
        if !rule.name_generated {
            properties.insert("Name".into(), json!(rule.deployed_name()));
        }
        if let Some(description) = &rule.description {
            properties.insert("Description".into(), json!(description));
        }
        let (key, value) = matcher;
        properties.insert(key.into(), value);
        if let Some(state) = rule.state {
            properties.insert("State".into(), json!(state.as_str()));
        }
        if let Ok(Some(tags)) = tags_json(&form, rule) {
            properties.insert("Tags".into(), tags);
        }
        let role = match &rule.role {
            RuleRole::None => None,
            RuleRole::Generated => Some(json!({"Fn::GetAtt": [role_id, "Arn"]})),
            RuleRole::Arn(arn) => Some(json!(arn)),
        };
        let targets: Vec<Value> = targets(rule)
            .map(|(id, target)| {
                let arn = match target {
                    EventTarget::Pipeline => json!(rule
                        .pipeline_arn
                        .clone()
                        .unwrap_or_else(|| pipeline.arn_in_template(pipeline_logical_id))),
                    EventTarget::Arn(arn) => json!(arn),
                };
                target_json(json!(id), arn, role.clone())
            })
            .collect();
        properties.insert("Targets".into(), Value::Array(targets));
        resources.push((
            format!("{pipeline_logical_id}{}EventRule", rule.file_stem().to_upper_camel_case()),
            json!({"Type": "AWS::Events::Rule", "Properties": properties}),
        ));
    }
    resources
}

/// How values that depend on where the pipeline lives are written.
enum Form<'a> {
    /// Literals, for the CLI.
    Cli(&'a Pipeline),
    /// References to the template's pipeline resource and pseudo parameters.
    Template { pipeline: &'a Pipeline, logical_id: &'a str },
}

impl Form<'_> {
    /// A setting of the pattern; the CLI form needs a literal.
    fn text(&self, value: &Str, what: &str) -> Result<Value, String> {
        match (self, value) {
            (Form::Cli(_), Str::Expr(_)) => Err(format!(
                "the {what} is a CloudFormation expression ({value}); the CLI form needs a literal, \
                 so deploy this rule with the pipeline's template"
            )),
            _ => Ok(json!(value)),
        }
    }

    fn pipeline_name(&self) -> Result<Value, String> {
        match self {
            Form::Cli(pipeline) => self.text(&pipeline.declaration().name, "pipeline's name"),
            Form::Template { logical_id, .. } => Ok(json!({"Ref": logical_id})),
        }
    }

    fn pipeline_arn(&self) -> Result<Value, String> {
        match self {
            Form::Cli(pipeline) => pipeline.arn().map(Value::from).map_err(|error| error.to_string()),
            Form::Template { pipeline, logical_id } => Ok(json!(pipeline.arn_in_template(logical_id))),
        }
    }

    /// `arn:<partition>:codecommit:<region>:<account>:<repository>`.
    fn repository_arn(&self, repository: &Str, account: Option<&str>) -> Result<Value, String> {
        match self {
            Form::Cli(pipeline) => {
                let repository = self.text(repository, "repository name")?;
                let repository = repository.as_str().unwrap_or_default();
                let arn = pipeline
                    .regional_arn("codecommit", account, repository)
                    .map_err(|error| format!("the repository's ARN is written like the pipeline's, and {error}"))?;
                Ok(json!(arn))
            }
            Form::Template { .. } => {
                let account = account.unwrap_or("${AWS::AccountId}");
                let prefix = format!("arn:${{AWS::Partition}}:codecommit:${{AWS::Region}}:{account}:");
                Ok(match repository {
                    Str::Literal(name) => json!({"Fn::Sub": format!("{prefix}{name}")}),
                    Str::Expr(_) => {
                        json!({"Fn::Sub": [format!("{prefix}${{Repository}}"), {"Repository": repository}]})
                    }
                })
            }
        }
    }
}

/// The event pattern of a rule as EventBridge reads it.
fn pattern_json(pattern: &EventPattern, form: &Form) -> Result<Value, String> {
    let mut root = Map::new();
    if let Some(source) = pattern.source() {
        root.insert("source".into(), json!([source.as_str()]));
    }
    if let Some(detail_type) = pattern.detail_type() {
        root.insert("detail-type".into(), json!([detail_type.as_str()]));
    }
    let detail = match pattern {
        EventPattern::Custom(custom) => return Ok(custom.value().clone()),
        EventPattern::CodeCommitBranch { repository, branch, account } => {
            root.insert("resources".into(), json!([form.repository_arn(repository, account.as_deref())?]));
            json!({
                "event": ["referenceCreated", "referenceUpdated"],
                "referenceType": ["branch"],
                "referenceName": [form.text(branch, "branch")?],
            })
        }
        EventPattern::EcrImagePush { repository, tag } => json!({
            "action-type": ["PUSH"],
            "result": ["SUCCESS"],
            "repository-name": [form.text(repository, "repository name")?],
            "image-tag": [form.text(tag, "image tag")?],
        }),
        EventPattern::EcrImagePushIn { account, repository, tag } => {
            root.insert("account".into(), json!([account]));
            let mut detail = json!({
                "action-type": ["PUSH"],
                "result": ["SUCCESS"],
                "repository-name": [form.text(repository, "repository name")?],
            });
            if let Some(tag) = tag {
                detail["image-tag"] = json!([form.text(tag, "image tag")?]);
            }
            detail
        }
        EventPattern::SageMakerModelPackage { group, statuses } => {
            let mut detail = json!({"ModelPackageGroupName": [form.text(group, "model package group")?]});
            if !statuses.is_empty() {
                detail["ModelApprovalStatus"] = statuses.iter().map(|status| status.as_str()).collect();
            }
            detail
        }
        EventPattern::S3CloudTrail { bucket, key } => json!({
            "eventSource": ["s3.amazonaws.com"],
            "eventName": ["CopyObject", "PutObject", "CompleteMultipartUpload"],
            "requestParameters": {"bucketName": [form.text(bucket, "bucket")?], "key": [form.text(key, "object key")?]},
        }),
        EventPattern::S3ObjectCreated { bucket, key } => json!({
            "bucket": {"name": [form.text(bucket, "bucket")?]},
            "object": {"key": [form.text(key, "object key")?]},
        }),
        EventPattern::PipelineExecution { states } => {
            execution_detail(form, &[], states.iter().map(|state| state.as_str()))?
        }
        EventPattern::StageExecution { stage, states } => {
            execution_detail(form, &[("stage", stage)], states.iter().map(|state| state.as_str()))?
        }
        EventPattern::ActionExecution { stage, action, states } => {
            execution_detail(form, &[("stage", stage), ("action", action)], states.iter().map(|state| state.as_str()))?
        }
    };
    root.insert("detail".into(), detail);
    Ok(Value::Object(root))
}

/// `{"pipeline": [...], <fields>..., "state": [...]}`; no `state` matches
/// every state.
fn execution_detail<'a>(
    form: &Form,
    fields: &[(&str, &Str)],
    states: impl ExactSizeIterator<Item = &'a str>,
) -> Result<Value, String> {
    let mut detail = Map::new();
    detail.insert("pipeline".into(), json!([form.pipeline_name()?]));
    for (field, value) in fields {
        detail.insert((*field).into(), json!([form.text(value, &format!("{field} name"))?]));
    }
    if states.len() > 0 {
        detail.insert("state".into(), Value::Array(states.map(Value::from).collect()));
    }
    Ok(Value::Object(detail))
}

/// `("EventPattern", pattern)` or `("ScheduleExpression", expression)`; the
/// CLI form writes the pattern as a JSON string.
fn matcher(pipeline: &Pipeline, form: &Form, rule: &EventRule) -> Result<(&'static str, Value), String> {
    if let Some(schedule) = rule.schedule() {
        return Ok(("ScheduleExpression", json!(schedule.expression())));
    }
    let pattern = rule.pattern(pipeline)?.expect("a rule without a schedule has a pattern");
    let pattern = pattern_json(&pattern, form)?;
    Ok(match form {
        Form::Cli(_) => ("EventPattern", Value::String(pattern.to_string())),
        Form::Template { .. } => ("EventPattern", pattern),
    })
}

/// Each target with its id: the one given with `.target_id(..)`, else
/// `StartPipeline` for the pipeline and `Target1`, `Target2`... for the
/// others.
fn targets(rule: &EventRule) -> impl Iterator<Item = (Str, &EventTarget)> {
    let mut others = 0;
    rule.targets.iter().enumerate().map(move |(index, target)| {
        let default = match target {
            EventTarget::Pipeline => PIPELINE_TARGET_ID.to_owned(),
            EventTarget::Arn(_) => {
                others += 1;
                format!("Target{others}")
            }
        };
        (rule.target_ids.get(&index).cloned().unwrap_or_else(|| default.into()), target)
    })
}

/// `Tags` as `[{"Key": ..., "Value": ...}]`, `None` without tags; the CLI
/// form needs literals.
fn tags_json(form: &Form, rule: &EventRule) -> Result<Option<Value>, String> {
    if rule.tags.is_empty() {
        return Ok(None);
    }
    let tags: Result<Vec<Value>, String> = rule
        .tags
        .iter()
        .map(|tag| Ok(json!({"Key": form.text(&tag.key, "tag key")?, "Value": form.text(&tag.value, "tag value")?})))
        .collect();
    tags.map(|tags| Some(Value::Array(tags)))
}

fn target_json(id: Value, arn: Value, role: Option<Value>) -> Value {
    let mut target = Map::new();
    target.insert("Id".into(), id);
    target.insert("Arn".into(), arn);
    if let Some(role) = role {
        target.insert("RoleArn".into(), role);
    }
    Value::Object(target)
}

/// `{"PutRule": {...}, "PutTargets": {...}}`.
fn cli_input(pipeline: &Pipeline, form: &Form, rule: &EventRule) -> Result<Value, String> {
    let mut put_rule = Map::new();
    let name = form.text(&rule.deployed_name(), "rule's name")?;
    put_rule.insert("Name".into(), name.clone());
    let (key, value) = matcher(pipeline, form, rule)?;
    put_rule.insert(key.into(), value);
    if let Some(state) = rule.state {
        put_rule.insert("State".into(), json!(state.as_str()));
    }
    if let Some(description) = &rule.description {
        put_rule.insert("Description".into(), form.text(description, "description")?);
    }
    if let Some(tags) = tags_json(form, rule)? {
        put_rule.insert("Tags".into(), tags);
    }
    let role = match &rule.role {
        RuleRole::None => None,
        RuleRole::Generated => Some(json!(generated_role_arn(pipeline)?)),
        RuleRole::Arn(arn) => Some(form.text(arn, "role ARN")?),
    };
    let mut targets_json = Vec::new();
    for (id, target) in targets(rule) {
        let arn = match target {
            // A literal ARN given for the pipeline is written as is; an expression is for the template only.
            EventTarget::Pipeline => match &rule.pipeline_arn {
                Some(Str::Literal(arn)) => json!(arn),
                _ => form.pipeline_arn()?,
            },
            EventTarget::Arn(arn) => form.text(arn, "target ARN")?,
        };
        targets_json.push(target_json(form.text(&id, "target id")?, arn, role.clone()));
    }
    Ok(json!({
        "PutRule": put_rule,
        "PutTargets": {"Rule": name, "Targets": targets_json},
    }))
}

/// `events/<rule-name>.json`.
fn event_rule_path(rule: &EventRule) -> String {
    format!("events/{}.json", rule.file_stem())
}

fn event_rule_file(pipeline: &Pipeline, path: String, input: &Value) -> OutputFile {
    let command = |region: &str, path: &str| {
        format!(
            "aws events put-rule{region} --cli-input-json \"$(jq -c .PutRule {path})\" && \
             aws events put-targets{region} --cli-input-json \"$(jq -c .PutTargets {path})\""
        )
    };
    rule_file(pipeline, FileKind::EventRule, path, input, command)
}

fn rule_location(pipeline: &Pipeline, rule: &EventRule) -> Location {
    Location::pipeline(&pipeline.declaration().name).field(&format!("event rule \"{}\"", rule.name))
}

fn uses_generated_role(pipeline: &Pipeline) -> bool {
    pipeline.event_rules().iter().any(|rule| rule.role == RuleRole::Generated)
}

/// `<pipeline logical id>EventsRole`.
fn generated_role_logical_id(pipeline_logical_id: &str) -> String {
    format!("{pipeline_logical_id}EventsRole")
}

/// `<pipeline folder name>-events`, cut to the 64 characters IAM allows.
fn generated_role_name(pipeline: &Pipeline) -> String {
    const SUFFIX: &str = "-events";
    let name: String = pipeline.folder_name().chars().take(MAX_ROLE_NAME - SUFFIX.len()).collect();
    format!("{name}{SUFFIX}")
}

fn generated_role_arn(pipeline: &Pipeline) -> Result<String, String> {
    let role = pipeline.service_role().ok_or_else(|| {
        format!(
            "the generated role's ARN needs the pipeline's account, which is read from the pipeline's roleArn; that \
             must then be a literal IAM role ARN (arn:aws:iam::<account>:role/<name>), found {}",
            pipeline.declaration().role_arn
        )
    })?;
    Ok(format!("arn:{}:iam::{}:role/{}", role.partition, role.account, generated_role_name(pipeline)))
}

/// Allows `codepipeline:StartPipelineExecution` on the pipeline only.
fn start_policy(pipeline_arn: Str) -> Value {
    policy_document(&[PolicyStatement::allow(&["codepipeline:StartPipelineExecution"], [pipeline_arn])])
}

/// `events/start-pipeline.role.json`: the `create-role` and
/// `put-role-policy` inputs of the generated role.
fn generated_role_file(pipeline: &Pipeline) -> Result<OutputFile, Violation> {
    let location = Location::pipeline(&pipeline.declaration().name).field("generated events role");
    let arn =
        pipeline.arn().map_err(|error| Violation::new(location.clone(), Rule::EventRuleCli, error.to_string()))?;
    let name = generated_role_name(pipeline);
    let input = json!({
        "CreateRole": {
            "RoleName": name,
            "AssumeRolePolicyDocument": Trust::Service("events.amazonaws.com").document().to_string(),
            "Description": format!("Lets EventBridge rules start the pipeline {}", pipeline.name()),
        },
        "PutRolePolicy": {
            "RoleName": name,
            "PolicyName": START_POLICY_NAME,
            "PolicyDocument": start_policy(arn.into()).to_string(),
        },
    });
    Ok(OutputFile {
        path: GENERATED_ROLE_FILE.to_owned(),
        kind: FileKind::EventRole,
        contents: pretty(&input),
        deploy: Some(DeployStep {
            // Run again, the role is kept (its trust never changes) and its
            // policy put again, so a second deploy exits 0.
            command: format!(
                "(aws iam get-role --role-name {role} > /dev/null 2>&1 || \
                 aws iam create-role --cli-input-json \"$(jq -c .CreateRole {GENERATED_ROLE_FILE})\") && \
                 aws iam put-role-policy --cli-input-json \"$(jq -c .PutRolePolicy {GENERATED_ROLE_FILE})\"",
                role = shell_word(&name)
            ),
            account: pipeline.account().map(str::to_owned),
            region: None,
            order: 1,
        }),
    })
}
