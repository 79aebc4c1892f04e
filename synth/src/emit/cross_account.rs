//! The cross-account emitter: for each target account and Region of the
//! pipeline, `cross-account/<account>-<region>.template.yaml`, a
//! CloudFormation template of the roles that account must hold (see
//! [`pipewright_dsl::cross_account`]).
//!
//! A CloudFormation deployment role gets the permissions given for it with
//! `p.deployment_role_permissions(..)` (managed policies and an inline
//! policy), written into the template: the template takes no parameters, so
//! its deploy command, and `cdk deploy`, run as written.
//!
//! Errors are reported as [`Violations`], each naming the action and saying
//! what to set.

use heck::{ToKebabCase, ToUpperCamelCase};
use pipewright_dsl::cross_account::{
    self, policy_document, CrossAccountTarget, RoleKind, RolePolicy, TargetRole, Trust,
};
use pipewright_dsl::{Pipeline, Violations};
use serde_json::{json, Map, Value};

use super::{DeployStep, FileKind, Format, OutputFile};

/// The template format version every template declares.
pub(crate) const TEMPLATE_VERSION: &str = "2010-09-09";

/// One role template per target account and Region; none when the roles
/// exist already (`TargetAccountRoles::existing()`).
pub fn emit(pipeline: &Pipeline) -> Result<Vec<OutputFile>, Violations> {
    if !pipeline.generates_target_roles() {
        return Ok(Vec::new());
    }
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

/// The properties of an `AWS::IAM::Role`: its name and path, what it is
/// for, who may assume it, its inline and its managed policies.
pub(crate) fn role_properties(
    name: &str,
    path: &str,
    description: String,
    trust: &Trust,
    policies: &[RolePolicy],
    managed_policy_arns: &[String],
) -> Map<String, Value> {
    let mut properties = Map::new();
    properties.insert("RoleName".into(), json!(name));
    if path != "/" {
        properties.insert("Path".into(), json!(path));
    }
    properties.insert("Description".into(), json!(description));
    properties.insert("AssumeRolePolicyDocument".into(), trust.document());
    if !policies.is_empty() {
        let policies: Vec<Value> = policies
            .iter()
            .map(|policy| json!({"PolicyName": policy.name, "PolicyDocument": policy_document(&policy.statements)}))
            .collect();
        properties.insert("Policies".into(), Value::Array(policies));
    }
    if !managed_policy_arns.is_empty() {
        properties.insert("ManagedPolicyArns".into(), json!(managed_policy_arns));
    }
    properties
}

/// The step that deploys the template at `path` as the stack
/// `<pipeline>-<purpose>` in `account` and `region`, before the pipeline:
/// `aws cloudformation deploy` of a template that creates named IAM
/// resources, where a second run with nothing to change exits 0.
pub(crate) fn stack_deploy_step(
    pipeline: &Pipeline,
    purpose: &str,
    account: &str,
    region: &str,
    path: &str,
) -> DeployStep {
    let stack_name = stack_name(pipeline, purpose);
    DeployStep {
        command: format!(
            "aws cloudformation deploy --region {region} --stack-name {stack_name} --template-file {path} \
             --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset"
        ),
        account: Some(account.to_owned()),
        region: Some(region.to_owned()),
        order: 0,
    }
}

/// The role template of one target and the command that deploys it.
fn target_file(pipeline: &Pipeline, target: &CrossAccountTarget) -> OutputFile {
    let mut resources = Map::new();
    for (role, id) in target.roles.iter().zip(logical_ids(&target.roles)) {
        let properties = role_properties(
            &role.name,
            &role.path,
            description(pipeline, role),
            &role.trust,
            &role.policies,
            &role.managed_policy_arns,
        );
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
    template.insert("Resources".into(), Value::Object(resources));
    let path = format!("cross-account/{}-{}.template.yaml", target.account, target.region);
    OutputFile {
        contents: Format::Yaml.render(&Value::Object(template)).expect("a JSON value always serializes to YAML"),
        deploy: Some(stack_deploy_step(pipeline, "cross-account-roles", &target.account, &target.region, &path)),
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

/// `<pipeline-name>-<purpose>`, e.g. `platform-cross-account-roles`,
/// starting with a letter as stack names must.
fn stack_name(pipeline: &Pipeline, purpose: &str) -> String {
    let name = format!("{}-{purpose}", pipeline.folder_name().to_kebab_case());
    if name.starts_with(|first: char| first.is_ascii_alphabetic()) {
        name
    } else {
        format!("pipeline-{name}")
    }
}
