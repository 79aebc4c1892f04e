//! The cross-account emitter: for each target account and Region of the
//! pipeline, `cross-account/<account>-<region>.template.yaml`, a
//! CloudFormation template of the roles that account must hold (see
//! [`pipewright_dsl::cross_account`]).
//!
//! A CloudFormation deployment role gets its permissions from managed
//! policies given at deploy time, because they depend on the stack's
//! resources: the template takes them as a `CommaDelimitedList` parameter
//! `<Role>PolicyArns`, which the deploy command reads from the environment
//! variable `<ROLE>_POLICY_ARNS`.
//!
//! Errors are reported as [`Violations`], each naming the action and saying
//! what to set.

use heck::{ToKebabCase, ToShoutySnakeCase, ToUpperCamelCase};
use pipewright_dsl::cross_account::{self, policy_document, CrossAccountTarget, RoleKind, TargetRole};
use pipewright_dsl::{Pipeline, Violations};
use serde_json::{json, Map, Value};

use super::{DeployStep, FileKind, Format, OutputFile};

/// The template format version every template declares.
const TEMPLATE_VERSION: &str = "2010-09-09";

/// One role template per target account and Region.
pub fn emit(pipeline: &Pipeline) -> Result<Vec<OutputFile>, Violations> {
    let targets = cross_account::targets(pipeline)?;
    Ok(targets.iter().map(|target| target_file(pipeline, target)).collect())
}

/// The logical ids of the roles: the role names in UpperCamelCase, numbered
/// from 2 when two names give the same id.
fn logical_ids(roles: &[TargetRole]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(roles.len());
    for role in roles {
        let base = role.name.to_upper_camel_case();
        let mut id = base.clone();
        let mut number = 1;
        while ids.contains(&id) {
            number += 1;
            id = format!("{base}{number}");
        }
        ids.push(id);
    }
    ids
}

/// The role template of one target and the command that deploys it.
fn target_file(pipeline: &Pipeline, target: &CrossAccountTarget) -> OutputFile {
    let mut parameters = Map::new();
    let mut resources = Map::new();
    let mut overrides = Vec::new();
    for (role, id) in target.roles.iter().zip(logical_ids(&target.roles)) {
        let mut properties = Map::new();
        properties.insert("RoleName".into(), json!(role.name));
        if role.path != "/" {
            properties.insert("Path".into(), json!(role.path));
        }
        properties.insert("Description".into(), json!(description(pipeline, role)));
        properties.insert("AssumeRolePolicyDocument".into(), role.trust.document());
        if !role.policies.is_empty() {
            let policies: Vec<Value> = role
                .policies
                .iter()
                .map(|policy| json!({"PolicyName": policy.name, "PolicyDocument": policy_document(&policy.statements)}))
                .collect();
            properties.insert("Policies".into(), Value::Array(policies));
        }
        if role.kind == RoleKind::CloudFormationDeployment {
            let parameter = format!("{id}PolicyArns");
            parameters.insert(
                parameter.clone(),
                json!({
                    "Type": "CommaDelimitedList",
                    "Description": format!(
                        "ARNs of the managed policies {} needs to create, update and delete the stack's resources",
                        role.name
                    ),
                }),
            );
            properties.insert("ManagedPolicyArns".into(), json!({"Ref": parameter}));
            overrides.push(format!("{parameter}=\"${}\"", parameter.to_shouty_snake_case()));
        }
        resources.insert(id, json!({"Type": "AWS::IAM::Role", "Properties": properties}));
    }
    let mut template = Map::new();
    template.insert("AWSTemplateFormatVersion".into(), json!(TEMPLATE_VERSION));
    template.insert(
        "Description".into(),
        json!(format!(
            "Roles account {} holds for the pipeline {} of account {}",
            target.account,
            pipeline.name(),
            pipeline.account().unwrap_or_default()
        )),
    );
    if !parameters.is_empty() {
        template.insert("Parameters".into(), Value::Object(parameters));
    }
    template.insert("Resources".into(), Value::Object(resources));
    let path = format!("cross-account/{}-{}.template.yaml", target.account, target.region);
    let mut command = format!(
        "aws cloudformation deploy --region {} --stack-name {} --template-file {path} --capabilities CAPABILITY_NAMED_IAM",
        target.region,
        stack_name(pipeline)
    );
    if !overrides.is_empty() {
        command.push_str(&format!(" --parameter-overrides {}", overrides.join(" ")));
    }
    OutputFile {
        contents: Format::Yaml.render(&Value::Object(template)).expect("a JSON value always serializes to YAML"),
        deploy: Some(DeployStep {
            command,
            account: Some(target.account.clone()),
            region: Some(target.region.clone()),
            order: 0,
        }),
        path,
        kind: FileKind::CrossAccountTemplate,
    }
}

/// `Assumed by the pipeline <name> (account <A>) for Deploy/DeployToB` or
/// `CloudFormation deploys the stacks of the pipeline <name> with it for ...`.
fn description(pipeline: &Pipeline, role: &TargetRole) -> String {
    let actions = role.used_by.join(", ");
    match role.kind {
        RoleKind::Action => format!(
            "Assumed by the pipeline {} (account {}) for {actions}",
            pipeline.name(),
            pipeline.account().unwrap_or_default()
        ),
        RoleKind::CloudFormationDeployment => {
            format!("CloudFormation deploys the stacks of the pipeline {} with it for {actions}", pipeline.name())
        }
    }
}

/// `<pipeline-name>-cross-account-roles`, starting with a letter as stack
/// names must.
fn stack_name(pipeline: &Pipeline) -> String {
    let name = format!("{}-cross-account-roles", pipeline.folder_name().to_kebab_case());
    if name.starts_with(|first: char| first.is_ascii_alphabetic()) {
        name
    } else {
        format!("pipeline-{name}")
    }
}
