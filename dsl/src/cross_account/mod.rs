//! The roles a target account must hold for cross-account actions, derived
//! from the pipeline's model rather than declared a second time.
//!
//! An action is cross-account when its `roleArn` is in another account than
//! the pipeline's role, and a CloudFormation action also when its deployment
//! role (`configuration.RoleArn`) is. Each such (account, Region) is a
//! [`CrossAccountTarget`] holding the roles that account must create:
//!
//! - the action role, trusting exactly the pipeline's account and, within it,
//!   only the pipeline's role (`aws:PrincipalArn`), allowed to read and write
//!   the artifacts in the pipeline's bucket and KMS key, plus the provider's
//!   own permissions where pipewright knows them;
//! - the CloudFormation deployment role, trusting
//!   `cloudformation.amazonaws.com`.
//!
//! ```
//! use pipewright_dsl::prelude::*;
//! use pipewright_dsl::cross_account::{self, RoleKind};
//!
//! let pipeline = Pipeline::build("my-pipeline", |p| {
//!     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!     p.artifact_store(
//!         ArtifactStore::s3("my-artifacts").with_kms_key("arn:aws:kms:us-east-1:123456789012:key/1234abcd"),
//!     );
//!     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
//!     p.stage("Deploy", |s| {
//!         s.add(EcsDeploy::new("Deploy", "cluster", "service", source.artifact())
//!             .role_arn("arn:aws:iam::987654321098:role/CrossAccountAssumeRole"));
//!     });
//! });
//! let targets = cross_account::targets(&pipeline).unwrap();
//! assert_eq!((targets[0].account.as_str(), targets[0].region.as_str()), ("987654321098", "us-east-1"));
//! assert_eq!(targets[0].roles[0].name, "CrossAccountAssumeRole");
//! assert_eq!(targets[0].roles[0].kind, RoleKind::Action);
//! ```

pub(crate) mod permissions;

use heck::ToUpperCamelCase;
use indexmap::IndexMap;
use serde_json::json;

use crate::arn::Arn;
use crate::model::{ActionDeclaration, StageDeclaration};
use crate::pipeline::Pipeline;
use crate::placement::{action_role, deployment_role};
use crate::{Location, Rule, Violation, Violations};

pub use crate::iam::{policy_document, PolicyStatement, Trust};
use permissions::Place;

/// One target account and Region, and the roles it must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossAccountTarget {
    /// The target account.
    pub account: String,
    /// The Region of the actions that first use the roles (IAM roles are
    /// global; the Region names where their template is deployed).
    pub region: String,
    /// The roles, in the order the pipeline first uses them.
    pub roles: Vec<TargetRole>,
}

/// A role a target account must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRole {
    /// The role's ARN, as the pipeline names it.
    pub arn: String,
    /// The role's name.
    pub name: String,
    /// The role's path, `/` when it has none.
    pub path: String,
    /// What the role is for.
    pub kind: RoleKind,
    /// Who may assume it.
    pub trust: Trust,
    /// Its inline policies.
    pub policies: Vec<RolePolicy>,
    /// The managed policies attached to it (a deployment role's, as given
    /// with [`PipelineBuilder::deployment_role_permissions`](crate::PipelineBuilder::deployment_role_permissions)).
    pub managed_policy_arns: Vec<String>,
    /// The artifact buckets it reads and writes, which the pipeline
    /// account's bucket and key policies must admit it to.
    pub artifacts: Vec<ArtifactUse>,
    /// The actions that use it, as `Stage/Action`.
    pub used_by: Vec<String>,
}

/// An artifact bucket of the pipeline's account that a target-account role
/// reads (and maybe writes), and the key that encrypts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArtifactUse {
    /// The Region of the bucket.
    pub region: String,
    /// The bucket's name.
    pub bucket: String,
    /// The KMS key (key or alias ARN), when the store has one.
    pub key: Option<String>,
    /// Whether the role writes artifacts too.
    pub write: bool,
}

/// What a target-account role is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// The role the pipeline's role assumes to run an action.
    Action,
    /// The role CloudFormation deploys a stack with (`configuration.RoleArn`);
    /// its permissions depend on the stack's resources.
    CloudFormationDeployment,
}

/// A named inline policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolePolicy {
    /// The policy's name.
    pub name: String,
    /// What it allows.
    pub statements: Vec<PolicyStatement>,
}

impl Pipeline {
    /// The same pipeline, whose CloudFormation deployment role `role_arn`
    /// in another account gets `permissions`: for a pipeline read from JSON
    /// or a template, what
    /// [`PipelineBuilder::deployment_role_permissions`](crate::PipelineBuilder::deployment_role_permissions)
    /// is for a built one.
    pub fn with_deployment_role_permissions(
        mut self,
        role_arn: impl Into<String>,
        permissions: crate::provision::DeploymentRolePermissions,
    ) -> Pipeline {
        self.surroundings.provision.give_deployment_role(role_arn.into(), permissions);
        self
    }
}

impl Pipeline {
    /// Whether synth writes the role templates of the target accounts
    /// ([`TargetAccountRoles::Generated`](crate::provision::TargetAccountRoles::Generated),
    /// the default), rather than the roles existing already.
    pub fn generates_target_roles(&self) -> bool {
        self.surroundings.provision.generates_target_roles()
    }
}

/// Whether the role templates know the permissions of the action's provider
/// (else they grant its role only access to the artifacts).
pub(crate) fn knows_provider_permissions(action: &ActionDeclaration) -> bool {
    permissions::of(action).is_some()
}

/// An action that uses a role in another account than the pipeline's.
#[derive(Clone, Copy)]
struct CrossAccountAction<'a> {
    stage: &'a StageDeclaration,
    action: &'a ActionDeclaration,
    /// The action's role, when it is in another account.
    action_role: Option<Arn<'a>>,
    /// The CloudFormation deployment role, when it is in another account.
    deployment_role: Option<Arn<'a>>,
    /// The Region the action runs in, when known.
    region: Option<&'a str>,
}

impl CrossAccountAction<'_> {
    fn location(&self, pipeline: &Pipeline) -> Location {
        Location::action(&pipeline.declaration().name, &self.stage.name, &self.action.name)
    }

    fn used_by(&self) -> String {
        format!("{}/{}", self.stage.name, self.action.name)
    }
}

/// Every action of the pipeline that uses a role in another account than
/// `home`, the pipeline's role.
fn cross_account_actions<'a>(pipeline: &'a Pipeline, home: &Arn<'a>) -> Vec<CrossAccountAction<'a>> {
    let foreign = |role: &Arn<'_>| role.account != home.account;
    let mut found = Vec::new();
    for stage in &pipeline.declaration().stages {
        for action in &stage.actions {
            let action_role = action_role(action).filter(foreign);
            let deployment_role = deployment_role(action).filter(foreign);
            if action_role.is_some() || deployment_role.is_some() {
                let region = pipeline.action_region(action);
                found.push(CrossAccountAction { stage, action, action_role, deployment_role, region });
            }
        }
    }
    found
}

/// Whether an action of the pipeline uses a role (its action role or its
/// CloudFormation deployment role) in another account than the pipeline's
/// role. False when the pipeline's role is not a literal IAM role ARN.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_dsl::cross_account;
///
/// let pipeline = Pipeline::build("app", |p| {
///     p.role_arn("arn:aws:iam::111111111111:role/PipelineRole");
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
///     p.stage("Deploy", |s| {
///         s.add(EcsDeploy::new("Deploy", "cluster", "service", source.artifact())
///             .role_arn("arn:aws:iam::222222222222:role/DeployRole"));
///     });
/// });
/// assert!(cross_account::uses_other_accounts(&pipeline));
/// ```
pub fn uses_other_accounts(pipeline: &Pipeline) -> bool {
    pipeline.service_role().is_some_and(|home| !cross_account_actions(pipeline, &home).is_empty())
}

/// A role while its uses are gathered.
struct RoleDraft<'a> {
    role: Arn<'a>,
    kind: RoleKind,
    region: &'a str,
    uses: Vec<CrossAccountAction<'a>>,
}

/// The target accounts of the pipeline and the roles each must hold, in the
/// order the pipeline first uses them. Empty when the pipeline's role is not
/// a literal IAM role ARN (then the accounts cannot be compared; validation
/// warns with `cross-account-detection`). Fails with every setting the templates need and cannot read.
pub fn targets(pipeline: &Pipeline) -> Result<Vec<CrossAccountTarget>, Violations> {
    let Some(home) = pipeline.service_role() else {
        return Ok(Vec::new());
    };
    let mut errors = Vec::new();
    let mut drafts: IndexMap<String, RoleDraft> = IndexMap::new();
    for cross in cross_account_actions(pipeline, &home) {
        let Some(region) = cross.region else {
            errors.push(Violation::new(
                cross.location(pipeline),
                Rule::CrossAccountRegion,
                "the action uses a role in another account, and its Region is unknown, so its role template cannot \
                 be named: call `p.region(\"us-east-1\")` with the pipeline's Region, or give the action `.region(...)`",
            ));
            continue;
        };
        let kinds =
            [(cross.action_role, RoleKind::Action), (cross.deployment_role, RoleKind::CloudFormationDeployment)];
        for (role, kind) in kinds {
            if let Some(role) = role {
                drafts
                    .entry(role.to_string())
                    .or_insert_with(|| RoleDraft { role, kind, region, uses: Vec::new() })
                    .uses
                    .push(cross);
            }
        }
    }
    let mut grouped: IndexMap<(String, String), Vec<TargetRole>> = IndexMap::new();
    for (arn, draft) in drafts {
        let artifacts = artifact_uses(pipeline, &draft, &mut errors);
        let (policies, managed_policy_arns) = match draft.kind {
            RoleKind::Action => (action_role_policies(pipeline, &home, &draft, &artifacts, &mut errors), Vec::new()),
            RoleKind::CloudFormationDeployment => {
                deployment_role_policies(pipeline, &home, &draft, &artifacts, &mut errors)
            }
        };
        let trust = match draft.kind {
            RoleKind::Action => Trust::PipelineRole {
                partition: home.partition.to_owned(),
                account: home.account.to_owned(),
                role_arn: home.to_string(),
            },
            RoleKind::CloudFormationDeployment => Trust::Service("cloudformation.amazonaws.com"),
        };
        let role = TargetRole {
            name: draft.role.role_name().unwrap_or_default().to_owned(),
            path: draft.role.role_path().unwrap_or_default(),
            arn,
            kind: draft.kind,
            trust,
            policies,
            managed_policy_arns,
            artifacts,
            used_by: draft.uses.iter().map(CrossAccountAction::used_by).collect(),
        };
        grouped.entry((draft.role.account.to_owned(), draft.region.to_owned())).or_default().push(role);
    }
    if !errors.is_empty() {
        return Err(Violations(errors));
    }
    Ok(grouped.into_iter().map(|((account, region), roles)| CrossAccountTarget { account, region, roles }).collect())
}

/// The artifact buckets the role's actions read and write: an action role
/// reads its actions' inputs and writes their outputs; a deployment role
/// only reads (CloudFormation reads the template and what it names).
fn artifact_uses(pipeline: &Pipeline, draft: &RoleDraft, errors: &mut Vec<Violation>) -> Vec<ArtifactUse> {
    let mut uses: Vec<ArtifactUse> = Vec::new();
    for cross in &draft.uses {
        let region = cross.region.unwrap_or(draft.region);
        let reads = cross.action.input_artifacts.as_ref().is_some_and(|inputs| !inputs.is_empty());
        let writes = draft.kind == RoleKind::Action
            && cross.action.output_artifacts.as_ref().is_some_and(|outputs| !outputs.is_empty());
        if !reads && !writes {
            continue;
        }
        match artifact_bucket(pipeline, region) {
            Ok((bucket, key)) => match uses.iter_mut().find(|known| known.bucket == bucket) {
                Some(known) => known.write |= writes,
                None => uses.push(ArtifactUse { region: region.to_owned(), bucket, key, write: writes }),
            },
            Err(message) => errors.push(Violation::new(cross.location(pipeline), Rule::CrossAccountTemplate, message)),
        }
    }
    uses
}

/// Artifact access plus each action's provider permissions.
fn action_role_policies(
    pipeline: &Pipeline,
    home: &Arn,
    draft: &RoleDraft,
    artifacts: &[ArtifactUse],
    errors: &mut Vec<Violation>,
) -> Vec<RolePolicy> {
    let mut policies = Vec::new();
    for cross in &draft.uses {
        let region = cross.region.unwrap_or(draft.region);
        if let Some(provider) = permissions::of(cross.action) {
            let place = Place { partition: home.partition, account: draft.role.account, region };
            match permissions::statements(provider, cross.action, &place) {
                Ok(statements) => policies.push(RolePolicy {
                    name: format!("{} {}", cross.stage.name, cross.action.name).to_upper_camel_case(),
                    statements,
                }),
                Err(message) => {
                    errors.push(Violation::new(cross.location(pipeline), Rule::CrossAccountTemplate, message))
                }
            }
        }
    }
    let mut all = Vec::new();
    if !artifacts.is_empty() {
        all.push(RolePolicy {
            name: "ArtifactAccess".to_owned(),
            statements: artifact_statements(home.partition, artifacts),
        });
    }
    all.extend(policies);
    all
}

/// A deployment role's read access to the artifacts, then the permissions
/// given for it: its inline policy `StackResources` and its managed
/// policies. Reports `deployment-role-permissions` when none were given.
fn deployment_role_policies(
    pipeline: &Pipeline,
    home: &Arn,
    draft: &RoleDraft,
    artifacts: &[ArtifactUse],
    errors: &mut Vec<Violation>,
) -> (Vec<RolePolicy>, Vec<String>) {
    let mut policies = Vec::new();
    if !artifacts.is_empty() {
        policies.push(RolePolicy {
            name: "ArtifactAccess".to_owned(),
            statements: artifact_statements(home.partition, artifacts),
        });
    }
    let arn = draft.role.to_string();
    match pipeline.surroundings.provision.deployment_role(&arn).filter(|given| !given.is_empty()) {
        Some(given) => {
            if !given.statements.is_empty() {
                policies.push(RolePolicy { name: "StackResources".to_owned(), statements: given.statements.clone() });
            }
            (policies, given.managed_policy_arns.clone())
        }
        None => {
            // A role that exists already has the permissions it has: no
            // template of it is written.
            if let Some(first) = draft.uses.first().filter(|_| pipeline.generates_target_roles()) {
                errors.push(missing_deployment_permissions(pipeline, first.stage, first.action, &arn));
            }
            (policies, Vec::new())
        }
    }
}

/// `deployment-role-permissions` at the action whose deployment role `arn`
/// in another account has no permissions given.
pub(crate) fn missing_deployment_permissions(
    pipeline: &Pipeline,
    stage: &StageDeclaration,
    action: &ActionDeclaration,
    arn: &str,
) -> Violation {
    Violation::new(
        Location::action(&pipeline.declaration().name, &stage.name, &action.name).field("configuration.RoleArn"),
        Rule::DeploymentRolePermissions,
        format!(
            "the deployment role {arn} is in another account, and its role template needs the permissions it \
             deploys the stack's resources with: call `p.deployment_role_permissions(\"{arn}\", \
             DeploymentRolePermissions::managed_policies([..]))` or `DeploymentRolePermissions::statements([..])`"
        ),
    )
}

/// The literal bucket and key of the artifact store serving `region`.
fn artifact_bucket(pipeline: &Pipeline, region: &str) -> Result<(String, Option<String>), String> {
    let serving = pipeline.stores_serving(Some(region));
    let store = serving.first().map(|serving| serving.store).ok_or_else(|| {
        format!(
            "the pipeline has no artifact store for {region}, so the role template cannot grant access to it; \
             add one with `p.artifact_store_in(\"{region}\", ...)`"
        )
    })?;
    let bucket = store.location.as_literal().ok_or_else(|| {
        format!(
            "the artifact store for {region} names its bucket with a CloudFormation expression ({}); the role template \
             of the other account needs the literal bucket name",
            store.location
        )
    })?;
    let key = match &store.encryption_key {
        None => None,
        Some(key) => Some(key.id.as_literal().map(str::to_owned).ok_or_else(|| {
            format!(
                "the artifact store for {region} names its KMS key with a CloudFormation expression ({}); the role \
                 template of the other account needs the literal key ARN",
                key.id
            )
        })?),
    };
    Ok((bucket.to_owned(), key))
}

/// S3 access to the buckets and KMS use of their keys: reading for every
/// bucket, writing where an action produces artifacts.
pub(crate) fn artifact_statements(partition: &str, artifacts: &[ArtifactUse]) -> Vec<PolicyStatement> {
    let bucket_arn = |bucket: &str| format!("arn:{partition}:s3:::{bucket}");
    let objects = |uses: &mut dyn Iterator<Item = &ArtifactUse>| -> Vec<String> {
        uses.map(|known| format!("{}/*", bucket_arn(&known.bucket))).collect()
    };
    let keys = |uses: &mut dyn Iterator<Item = &ArtifactUse>| -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for key in uses.filter_map(|known| known.key.clone()) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    };
    let mut statements = vec![
        PolicyStatement::allow(
            &["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"],
            artifacts.iter().map(|known| bucket_arn(&known.bucket)),
        ),
        PolicyStatement::allow(&["s3:GetObject", "s3:GetObjectVersion"], objects(&mut artifacts.iter())),
    ];
    let written = objects(&mut artifacts.iter().filter(|known| known.write));
    if !written.is_empty() {
        statements.push(PolicyStatement::allow(&["s3:PutObject", "s3:PutObjectAcl"], written));
    }
    statements.extend(kms_statements(KMS_READ, &keys(&mut artifacts.iter())));
    statements.extend(kms_statements(KMS_WRITE, &keys(&mut artifacts.iter().filter(|known| known.write))));
    statements
}

/// The KMS actions that read artifacts encrypted with a key.
pub const KMS_READ: &[&str] = &["kms:Decrypt", "kms:DescribeKey"];

/// The KMS actions that write artifacts encrypted with a key.
pub const KMS_WRITE: &[&str] = &["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"];

/// Allows `actions` on the KMS `keys`. A key named by ARN is the resource
/// itself; a key named by alias ARN (`arn:aws:kms:<region>:<account>:alias/<name>`)
/// cannot be: IAM authorizes KMS calls against the key's ARN, so the
/// statement names the account's keys in that Region and admits only the
/// one with the alias (`kms:ResourceAliases`).
///
/// ```
/// use pipewright_dsl::cross_account::kms_statements;
///
/// let statements = kms_statements(&["kms:Decrypt"], &["arn:aws:kms:us-east-1:111111111111:alias/app-artifacts".to_owned()]);
/// assert_eq!(statements[0].resources[0], "arn:aws:kms:us-east-1:111111111111:key/*");
/// assert_eq!(
///     statements[0].condition,
///     Some(serde_json::json!({"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/app-artifacts"}}))
/// );
/// ```
pub fn kms_statements(actions: &[&str], keys: &[String]) -> Vec<PolicyStatement> {
    let mut by_arn = Vec::new();
    let mut statements = Vec::new();
    for key in keys {
        match key.split_once(":alias/") {
            Some((account_part, alias)) => statements.push(
                PolicyStatement::allow(actions, [format!("{account_part}:key/*")])
                    .when(json!({"ForAnyValue:StringEquals": {"kms:ResourceAliases": format!("alias/{alias}")}})),
            ),
            None => by_arn.push(key.clone()),
        }
    }
    if !by_arn.is_empty() {
        statements.insert(0, PolicyStatement::allow(actions, by_arn));
    }
    statements
}
