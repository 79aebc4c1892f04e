//! What a pipeline needs around it, generated: its service role, an
//! artifact bucket per Region it uses and, when an action runs in another
//! account, a customer managed KMS key per Region; and, in the pipeline's
//! account, the bucket-policy and key-policy grants each target account's
//! roles need (the other half of [`crate::cross_account`]).
//!
//! The user asks for them with
//! [`PipelineBuilder::service_role`](crate::PipelineBuilder::service_role)`(ServiceRole::generated())` and
//! [`PipelineBuilder::artifact_buckets`](crate::PipelineBuilder::artifact_buckets)`(ArtifactBuckets::generated())`.
//! Their names are derived ([`role_name`], [`bucket_name`], [`key_alias`]),
//! so the builder writes their ARNs into the pipeline's model as literals
//! and every output form (the API JSON included) names them. The resources
//! themselves are one [`SupportStack`] per Region, deployed before the
//! pipeline; the stack of the pipeline's Region also holds the role.
//!
//! ```
//! use pipewright_dsl::prelude::*;
//! use pipewright_dsl::support;
//!
//! let pipeline = Pipeline::build("app", |p| {
//!     p.account("111111111111").region("us-east-1");
//!     p.service_role(ServiceRole::generated()).artifact_buckets(ArtifactBuckets::generated());
//!     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "app", "main")));
//!     p.stage("Build", |s| {
//!         s.add(CodeBuild::new("Build", "app-build", source.artifact()));
//!     });
//! });
//! let stacks = support::stacks(&pipeline).unwrap();
//! assert_eq!(stacks.len(), 1);
//! assert_eq!(stacks[0].bucket.as_ref().unwrap().name, "app-artifacts-111111111111-us-east-1");
//! assert!(stacks[0].key.is_none(), "no action runs in another account");
//! assert_eq!(stacks[0].role.as_ref().unwrap().name, "app-pipeline-role");
//! ```

mod apply;
mod grants;
mod names;
mod service_role;

use crate::cross_account::{self, RolePolicy, Trust};
use crate::iam::{policy_document, policy_size, PolicyLimit, ResourceStatement};
use crate::pipeline::Pipeline;
use crate::{Location, Rule, Violation, Violations};

pub(crate) use apply::apply;
pub use names::{bucket_name, key_alias, role_name};

/// The support resources of one Region of the pipeline's account.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SupportStack {
    /// The pipeline's account.
    pub account: String,
    /// The stack's Region.
    pub region: String,
    /// The partition, e.g. `aws`.
    pub partition: String,
    /// The pipeline's service role, in the stack of the pipeline's Region
    /// when it is generated.
    pub role: Option<GeneratedRole>,
    /// The Region's artifact bucket, when generated.
    pub bucket: Option<GeneratedBucket>,
    /// The Region's KMS key, when the buckets are generated and an action
    /// runs in another account.
    pub key: Option<GeneratedKey>,
}

/// The generated service role.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedRole {
    /// `<pipeline>-pipeline-role`.
    pub name: String,
    /// Who may assume it: CodePipeline.
    pub trust: Trust,
    /// Its inline policies, derived from the pipeline's actions.
    pub policies: Vec<RolePolicy>,
}

/// A generated artifact bucket: encrypted, versioned, public access
/// blocked, reachable only over TLS.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedBucket {
    /// `<pipeline>-artifacts-<account>-<region>`.
    pub name: String,
    /// Its bucket policy.
    pub policy: Vec<ResourceStatement>,
}

/// A generated customer managed KMS key with its alias.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedKey {
    /// `alias/<pipeline>-artifacts`.
    pub alias: String,
    /// Its key policy.
    pub policy: Vec<ResourceStatement>,
}

/// The support stacks of the pipeline, one per Region it uses (the
/// pipeline's Region first); empty when it generates nothing. Fails with
/// every setting the resources need and cannot read (an expression where
/// the policies need a literal).
pub fn stacks(pipeline: &Pipeline) -> Result<Vec<SupportStack>, Violations> {
    let provision = &pipeline.surroundings.provision;
    if !provision.generates_anything() {
        return Ok(Vec::new());
    }
    let (Some(home), Some(region)) = (pipeline.service_role(), pipeline.region()) else {
        // The builder reported what is missing (`support-account`,
        // `support-region`); there is nothing to derive.
        return Ok(Vec::new());
    };
    let role = provision.service_role.then(|| service_role::derive(pipeline, &home).0);
    let grants = if provision.artifact_buckets { grants::derive(pipeline, &home)? } else { Vec::new() };
    let mut stacks: Vec<SupportStack> = Vec::new();
    let mut regions: Vec<&str> = vec![region];
    regions.extend(grants.iter().map(|grant| grant.region.as_str()).filter(|other| *other != region));
    for stack_region in regions {
        let grant = grants.iter().find(|grant| grant.region == stack_region);
        stacks.push(SupportStack {
            account: home.account.to_owned(),
            region: stack_region.to_owned(),
            partition: home.partition.to_owned(),
            role: if stack_region == region { role.clone() } else { None },
            bucket: grant.map(|grant| grant.bucket.clone()),
            key: grant.and_then(|grant| grant.key.clone()),
        });
    }
    stacks.retain(|stack| stack.role.is_some() || stack.bucket.is_some());
    Ok(stacks)
}

/// What validation reports about the generated resources and the role
/// templates: each action the generated service role cannot run
/// (`service-role-permissions`), a cross-account deployment role of a built
/// pipeline without permissions (`deployment-role-permissions`), and each generated role whose
/// inline policies pass IAM's size limit (`policy-size`).
pub(crate) fn findings(pipeline: &Pipeline) -> Vec<Violation> {
    let mut findings = Vec::new();
    let mut roles: Vec<(String, Vec<RolePolicy>)> = Vec::new();
    if pipeline.surroundings.provision.service_role {
        if let Some(home) = pipeline.service_role() {
            let (role, warnings) = service_role::derive(pipeline, &home);
            findings.extend(warnings);
            roles.push((role.name, role.policies));
        }
    }
    match cross_account::targets(pipeline) {
        Ok(targets) if pipeline.generates_target_roles() => {
            roles.extend(targets.into_iter().flat_map(|target| target.roles).map(|role| (role.name, role.policies)))
        }
        Ok(_) => {}
        // A pipeline read from JSON or a template cannot say what its
        // deployment roles may do (its role templates, written before, do):
        // only synthesizing its role templates again needs them.
        Err(Violations(errors)) if pipeline.surroundings.provision.built => {
            findings.extend(errors.into_iter().filter(|error| error.rule == Rule::DeploymentRolePermissions))
        }
        Err(_) => {}
    }
    for (name, policies) in roles {
        let size: usize = policies.iter().map(|policy| policy_size(&policy_document(&policy.statements))).sum();
        let limit = PolicyLimit::InlineRole;
        if size > limit.characters() {
            findings.push(Violation::new(
                Location::pipeline(&pipeline.declaration().name).field(&format!("role {name}")),
                Rule::PolicySize,
                format!(
                    "the generated inline policies of the role {name} hold {size} characters, more than IAM accepts \
                     for {} ({}): give actions roles of their own (`.role_arn(..)`) or split the pipeline",
                    limit.describe(),
                    limit.characters()
                ),
            ));
        }
    }
    findings
}

/// The IAM roles deploying the pipeline's stacks creates, as (account,
/// role name): its generated service role and the roles of its target
/// accounts (unless they exist already). Two pipelines that create the same name in one account
/// collide; synth warns about it (`role-name-collision`).
pub fn roles_created(pipeline: &Pipeline) -> Vec<(String, String)> {
    let mut roles = Vec::new();
    if pipeline.surroundings.provision.service_role {
        if let Some(home) = pipeline.service_role() {
            roles.extend(home.role_name().map(|name| (home.account.to_owned(), name.to_owned())));
        }
    }
    let targets = if pipeline.generates_target_roles() {
        cross_account::targets(pipeline).unwrap_or_default()
    } else {
        Vec::new()
    };
    for target in targets {
        roles.extend(target.roles.into_iter().map(|role| (target.account.clone(), role.name)));
    }
    roles
}
