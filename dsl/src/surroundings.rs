//! Reading what lives around a finished pipeline: its identity (Region,
//! account, partition, ARNs, and [`IdentityError`] when an ARN cannot be
//! written; its logical id and output folder), the EventBridge and
//! notification rules declared with it, and the template parameters and
//! companion resources its template holds.
//! The declarations themselves are kept in the [`Pipeline`].

use std::fmt;

use crate::arn::Arn;
use crate::cfn;
use crate::events::EventRule;
use crate::model::Str;
use crate::notifications::NotificationRule;
use crate::pipeline::Pipeline;
use crate::template::{Parameter, Resource};

/// Why the pipeline's ARN cannot be written as a literal.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdentityError {
    /// No Region was given.
    UnknownRegion,
    /// The account cannot be read from the pipeline's role ARN.
    UnknownAccount {
        /// The role ARN as written.
        role_arn: String,
    },
    /// The pipeline's name is a CloudFormation expression.
    NameNotLiteral,
}

impl fmt::Display for IdentityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentityError::UnknownRegion => f.write_str(
                "the pipeline's ARN needs its Region, which is unknown: call `p.region(\"us-east-1\")` \
                 with the Region the pipeline is created in",
            ),
            IdentityError::UnknownAccount { role_arn } => write!(
                f,
                "the pipeline's ARN needs its account, which is read from the pipeline's roleArn; \
                 that must then be a literal IAM role ARN (arn:aws:iam::<account>:role/<name>), found {role_arn}"
            ),
            IdentityError::NameNotLiteral => f.write_str(
                "the pipeline's ARN needs its name, which is a CloudFormation expression; \
                 give the pipeline a literal name",
            ),
        }
    }
}

impl std::error::Error for IdentityError {}

impl Pipeline {
    /// The same pipeline, created in `region`: for a pipeline read from JSON
    /// or a template, what [`PipelineBuilder::region`](crate::PipelineBuilder::region) is for a built one.
    pub fn with_region(mut self, region: impl Into<String>) -> Pipeline {
        self.surroundings.region = Some(region.into());
        self
    }

    /// The Region given with [`PipelineBuilder::region`](crate::PipelineBuilder::region) or
    /// [`Pipeline::with_region`].
    pub fn region(&self) -> Option<&str> {
        self.surroundings.region.as_deref()
    }

    /// The pipeline's account, read from its role ARN when that is a literal
    /// IAM role ARN.
    pub fn account(&self) -> Option<&str> {
        self.service_role().map(|role| role.account)
    }

    /// The partition (`aws`, `aws-cn`, ...) of the pipeline's role ARN.
    pub fn partition(&self) -> Option<&str> {
        self.service_role().map(|role| role.partition)
    }

    /// The pipeline's service role ARN, parsed, when it is a literal IAM
    /// role ARN.
    pub fn service_role(&self) -> Option<Arn<'_>> {
        Arn::iam_role(self.declaration.role_arn.as_literal()?)
    }

    /// `arn:<partition>:codepipeline:<region>:<account>:<name>`, as the CLI
    /// forms of rules need it.
    pub fn arn(&self) -> Result<String, IdentityError> {
        let name = self.declaration.name.as_literal().ok_or(IdentityError::NameNotLiteral);
        let arn = self.regional_arn("codepipeline", None, "")?;
        Ok(format!("{arn}{}", name?))
    }

    /// `arn:<partition>:<service>:<region>:<account>:<resource>` of a resource
    /// in the pipeline's Region, in the pipeline's account unless `account`
    /// names another.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    /// });
    /// assert_eq!(
    ///     pipeline.regional_arn("codecommit", None, "my-repo").unwrap(),
    ///     "arn:aws:codecommit:us-east-1:123456789012:my-repo"
    /// );
    /// ```
    pub fn regional_arn(&self, service: &str, account: Option<&str>, resource: &str) -> Result<String, IdentityError> {
        let role = self
            .service_role()
            .ok_or_else(|| IdentityError::UnknownAccount { role_arn: self.declaration.role_arn.to_string() })?;
        let region = self.region().ok_or(IdentityError::UnknownRegion)?;
        Ok(format!("arn:{}:{service}:{region}:{}:{resource}", role.partition, account.unwrap_or(role.account)))
    }

    /// The pipeline's ARN inside a CloudFormation template that holds the
    /// pipeline as the resource `logical_id`:
    /// `{"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${<logical_id>}"}`.
    pub fn arn_in_template(&self, logical_id: &str) -> Str {
        cfn::sub(&format!(
            "arn:${{AWS::Partition}}:codepipeline:${{AWS::Region}}:${{AWS::AccountId}}:${{{logical_id}}}"
        ))
    }

    /// The EventBridge rules declared with the pipeline.
    pub fn event_rules(&self) -> &[EventRule] {
        &self.surroundings.event_rules
    }

    /// The notification rules declared with the pipeline.
    pub fn notification_rules(&self) -> &[NotificationRule] {
        &self.surroundings.notification_rules
    }

    /// The logical id given with [`PipelineBuilder::logical_id`](crate::PipelineBuilder::logical_id)
    /// or [`Pipeline::unnamed`]; without one, synth derives it from the
    /// pipeline's literal name.
    pub fn logical_id(&self) -> Option<&str> {
        self.surroundings.logical_id.as_deref()
    }

    /// Whether the template leaves out `Name`, so that CloudFormation names
    /// the pipeline (see [`Pipeline::unnamed`]).
    pub fn is_name_generated(&self) -> bool {
        self.name_generated
    }

    /// What names the pipeline's output folder and selects it on the command
    /// line (`--pipeline`): its name when that is a literal, otherwise (a
    /// name that is an expression, or one CloudFormation generates) its
    /// logical id; the name as printed when neither is known.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// assert_eq!(Pipeline::build("my-pipeline", |_| {}).folder_name(), "my-pipeline");
    /// let named_by_stack = Pipeline::build(cfn::sub("${AWS::StackName}-pipeline"), |p| {
    ///     p.logical_id("Pipeline");
    /// });
    /// assert_eq!(named_by_stack.folder_name(), "Pipeline");
    /// assert_eq!(Pipeline::unnamed("Release", |_| {}).folder_name(), "Release");
    /// ```
    pub fn folder_name(&self) -> String {
        match (self.declaration.name.as_literal(), self.logical_id()) {
            (Some(name), _) => name.to_owned(),
            (_, Some(logical_id)) => logical_id.to_owned(),
            _ => self.name(),
        }
    }

    /// The template parameters declared with the pipeline.
    pub fn parameters(&self) -> &[Parameter] {
        &self.surroundings.parameters
    }

    /// The companion resources declared with the pipeline.
    pub fn resources(&self) -> &[Resource] {
        &self.surroundings.resources
    }

    /// The template mappings declared with
    /// [`PipelineBuilder::mapping`](crate::PipelineBuilder::mapping): each
    /// name with its `{top key: {second key: value}}` object.
    pub fn mappings(&self) -> &[(String, serde_json::Value)] {
        &self.surroundings.mappings
    }

    /// The logical ids the pipeline resource waits for (`DependsOn`).
    pub fn depends_on(&self) -> &[String] {
        &self.surroundings.depends_on
    }
}
