//! The AWS CDK side of `manifest.json`: the output folder is also a cloud
//! assembly, so `cdk ls --app <out>`, `cdk synth --app <out>`,
//! `cdk diff --app <out>` and `cdk deploy --all --app <out>` work on it.
//!
//! Every CloudFormation template synth writes (the pipeline's stack, the
//! roles of each target account, ...) is an `aws:cloudformation:stack`
//! artifact with its environment (`aws://ACCOUNT/REGION`, `unknown-account` /
//! `unknown-region` where the pipeline does not say, as CDK writes them), its
//! template and the artifacts deployed before it. The CDK CLI reads templates
//! as JSON only, so a YAML template gets a JSON twin beside it
//! (`template.yaml` → `template.json`) that the artifact names.
//!
//! A stack in an account other than the pipeline's is deployed through a
//! role assumed in that account: by default the deploy role that
//! `cdk bootstrap --trust <pipeline account>` creates there, with the
//! bootstrap's CloudFormation execution role creating the resources, as
//! CDK's own cross-account deploys do; [`DeployRoles`] names another role
//! per account.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use crate::emit::{json_text, EmitError, OutputFile};

/// The cloud assembly schema version the manifest declares. The CDK CLI
/// reads every assembly whose major version is at most its own (aws-cdk
/// 2.1148 reads up to 55; the schema was at 40 in February 2025), so an
/// older version reaches older CLIs; every field used here is older than it.
pub const SCHEMA_VERSION: &str = "36.0.0";

/// The artifact type of a CloudFormation stack.
pub const STACK_TYPE: &str = "aws:cloudformation:stack";

/// What `environment` says for an account that is not known.
pub const UNKNOWN_ACCOUNT: &str = "unknown-account";

/// What `environment` says for a Region that is not known.
pub const UNKNOWN_REGION: &str = "unknown-region";

/// One `aws:cloudformation:stack` artifact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackArtifact {
    /// Always [`STACK_TYPE`].
    #[serde(rename = "type")]
    pub artifact_type: &'static str,
    /// `aws://ACCOUNT/REGION`.
    pub environment: String,
    /// How `cdk ls` shows the stack and how a user selects it: the
    /// template's path without its extension, e.g. `app/template`.
    pub display_name: String,
    /// The ids of the artifacts deployed before this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<String>,
    /// The template, the stack's name and the role to deploy it with.
    pub properties: StackProperties,
}

/// The `properties` of a [`StackArtifact`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackProperties {
    /// The JSON template, by path from the output folder.
    pub template_file: String,
    /// The CloudFormation stack's name, the one the AWS CLI route uses too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stack_name: Option<String>,
    /// The role the CDK CLI assumes to deploy a stack in an account other
    /// than the pipeline's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assume_role_arn: Option<String>,
    /// The role CloudFormation creates that stack's resources with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_formation_execution_role_arn: Option<String>,
}

/// The role the CDK CLI assumes in each account other than the pipeline's.
///
/// ```
/// use pipewright_synth::cloud_assembly::DeployRoles;
///
/// let roles = DeployRoles::default().with("222222222222", "arn:aws:iam::222222222222:role/Deployer");
/// assert_eq!(roles.role_for("222222222222", Some("eu-west-1")), "arn:aws:iam::222222222222:role/Deployer");
/// assert_eq!(
///     roles.role_for("333333333333", Some("us-east-1")),
///     "arn:${AWS::Partition}:iam::333333333333:role/cdk-hnb659fds-deploy-role-333333333333-us-east-1"
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeployRoles {
    by_account: BTreeMap<String, String>,
}

impl DeployRoles {
    /// Deploys the stacks of `account` with `role_arn` instead of the
    /// `cdk bootstrap` deploy role.
    pub fn with(mut self, account: impl Into<String>, role_arn: impl Into<String>) -> Self {
        self.by_account.insert(account.into(), role_arn.into());
        self
    }

    /// The role for `account` in `region`: the one given with
    /// [`DeployRoles::with`], else the deploy role of `cdk bootstrap`'s
    /// default qualifier (`${AWS::Partition}` and, for an unknown Region,
    /// `${AWS::Region}` are filled in by the CDK CLI).
    pub fn role_for(&self, account: &str, region: Option<&str>) -> String {
        match self.by_account.get(account) {
            Some(role) => role.clone(),
            None => bootstrap_role("deploy-role", account, region),
        }
    }

    /// The role CloudFormation creates the stack's resources with in
    /// `account`: with the `cdk bootstrap` deploy role, the bootstrap's
    /// execution role (the deploy role itself may only pass it, as in CDK's
    /// own cross-account deploys); with a role given by
    /// [`DeployRoles::with`], none (CloudFormation uses that role's
    /// permissions).
    ///
    /// ```
    /// use pipewright_synth::cloud_assembly::DeployRoles;
    ///
    /// let roles = DeployRoles::default().with("222222222222", "arn:aws:iam::222222222222:role/Deployer");
    /// assert_eq!(roles.execution_role_for("222222222222", Some("eu-west-1")), None);
    /// assert_eq!(
    ///     roles.execution_role_for("333333333333", Some("us-east-1")).unwrap(),
    ///     "arn:${AWS::Partition}:iam::333333333333:role/cdk-hnb659fds-cfn-exec-role-333333333333-us-east-1"
    /// );
    /// ```
    pub fn execution_role_for(&self, account: &str, region: Option<&str>) -> Option<String> {
        (!self.by_account.contains_key(account)).then(|| bootstrap_role("cfn-exec-role", account, region))
    }
}

/// A role `cdk bootstrap` creates with its default qualifier `hnb659fds`.
fn bootstrap_role(role: &str, account: &str, region: Option<&str>) -> String {
    let region = region.unwrap_or("${AWS::Region}");
    format!("arn:${{AWS::Partition}}:iam::{account}:role/cdk-hnb659fds-{role}-{account}-{region}")
}

/// `aws://ACCOUNT/REGION`, with CDK's words for what is not known.
///
/// ```
/// use pipewright_synth::cloud_assembly::environment;
///
/// assert_eq!(environment(Some("123456789012"), Some("eu-west-1")), "aws://123456789012/eu-west-1");
/// assert_eq!(environment(None, None), "aws://unknown-account/unknown-region");
/// ```
pub fn environment(account: Option<&str>, region: Option<&str>) -> String {
    format!("aws://{}/{}", account.unwrap_or(UNKNOWN_ACCOUNT), region.unwrap_or(UNKNOWN_REGION))
}

/// The path of the JSON twin of a YAML template (`template.yaml` →
/// `template.json`); `None` for a template that is JSON already.
pub fn json_twin_path(path: &str) -> Option<String> {
    path.strip_suffix(".yaml").map(|stem| format!("{stem}.json"))
}

/// The template at `path` without its extension: the stack's display name
/// (`app/cross-account/222222222222-eu-west-1.template.yaml` →
/// `app/cross-account/222222222222-eu-west-1`).
pub fn display_name(path: &str) -> String {
    let stem = path.strip_suffix(".yaml").or_else(|| path.strip_suffix(".json")).unwrap_or(path);
    stem.strip_suffix(".template").unwrap_or(stem).to_owned()
}

/// The artifact id of a display name: letters, digits and `-` only
/// (`app/template` → `app-template`).
pub fn artifact_id(display_name: &str) -> String {
    display_name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}

/// The JSON twin of a YAML template: the same template read back and
/// written as JSON. The twin is not deployed on its own, so it has no
/// deploy step.
pub fn json_twin(template: &OutputFile) -> Result<Option<OutputFile>, EmitError> {
    let Some(path) = json_twin_path(&template.path) else { return Ok(None) };
    let value: Value = serde_yaml::from_str(&template.contents)
        .map_err(|error| EmitError::Serialize(format!("{}: cannot read back as YAML: {error}", template.path)))?;
    Ok(Some(OutputFile { path, kind: template.kind, contents: json_text(&value)?, deploy: None }))
}

/// The artifacts of one output folder, by id in the order the stacks were
/// listed; an id is numbered from 2 when two display names give the same.
pub fn insert_unique(artifacts: &mut IndexMap<String, StackArtifact>, artifact: StackArtifact) -> String {
    let base = artifact_id(&artifact.display_name);
    let mut id = base.clone();
    let mut number = 1;
    while artifacts.contains_key(&id) {
        number += 1;
        id = format!("{base}-{number}");
    }
    artifacts.insert(id.clone(), artifact);
    id
}
