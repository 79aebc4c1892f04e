//! IAM policy documents: the statements pipewright grants to the roles it
//! describes (identity policies), the trust policies of those roles, the
//! statements of the bucket and key policies it writes (resource policies),
//! and the size limits IAM puts on policies.

use serde_json::{json, Value};

use crate::model::Str;

/// The policy language version every document is written in.
const POLICY_VERSION: &str = "2012-10-17";

/// One `Allow` statement of an identity policy: named actions (never `*`)
/// on named resources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyStatement {
    /// The actions, e.g. `s3:GetObject`.
    pub actions: Vec<String>,
    /// The resources (ARNs, or expressions in a template).
    pub resources: Vec<Str>,
    /// A condition block, e.g. `{"StringEquals": {"iam:PassedToService": "..."}}`.
    pub condition: Option<Value>,
}

impl PolicyStatement {
    /// Allows `actions` on `resources`.
    pub fn allow<S: Into<Str>>(actions: &[&str], resources: impl IntoIterator<Item = S>) -> Self {
        PolicyStatement {
            actions: actions.iter().map(|action| (*action).to_owned()).collect(),
            resources: resources.into_iter().map(Into::into).collect(),
            condition: None,
        }
    }

    /// The same statement, only when `condition` holds.
    pub fn when(mut self, condition: Value) -> Self {
        self.condition = Some(condition);
        self
    }

    /// The statement as IAM reads it.
    pub fn to_json(&self) -> Value {
        let mut statement = json!({"Effect": "Allow", "Action": self.actions, "Resource": self.resources});
        if let Some(condition) = &self.condition {
            statement["Condition"] = condition.clone();
        }
        statement
    }
}

/// A policy document holding `statements`.
pub fn policy_document(statements: &[PolicyStatement]) -> Value {
    json!({
        "Version": POLICY_VERSION,
        "Statement": statements.iter().map(PolicyStatement::to_json).collect::<Vec<_>>(),
    })
}

/// Who may assume a role.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Trust {
    /// The pipeline's account, and within it only the pipeline's role
    /// (`aws:PrincipalArn`).
    PipelineRole {
        /// The pipeline's partition, e.g. `aws`.
        partition: String,
        /// The pipeline's account.
        account: String,
        /// The pipeline's role ARN.
        role_arn: String,
    },
    /// An AWS service, e.g. `cloudformation.amazonaws.com`.
    Service(&'static str),
}

impl Trust {
    /// The role's trust policy (`AssumeRolePolicyDocument`).
    ///
    /// ```
    /// use pipewright_dsl::cross_account::Trust;
    ///
    /// let trust = Trust::Service("events.amazonaws.com");
    /// assert_eq!(trust.document(), serde_json::json!({
    ///     "Version": "2012-10-17",
    ///     "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}]
    /// }));
    /// ```
    pub fn document(&self) -> Value {
        let statement = match self {
            Trust::PipelineRole { partition, account, role_arn } => json!({
                "Effect": "Allow",
                "Principal": {"AWS": format!("arn:{partition}:iam::{account}:root")},
                "Action": "sts:AssumeRole",
                "Condition": {"ArnEquals": {"aws:PrincipalArn": role_arn}},
            }),
            Trust::Service(service) => json!({
                "Effect": "Allow",
                "Principal": {"Service": service},
                "Action": "sts:AssumeRole",
            }),
        };
        json!({"Version": POLICY_VERSION, "Statement": [statement]})
    }
}

/// The effect of a resource-policy statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The statement allows.
    Allow,
    /// The statement denies, whatever else allows.
    Deny,
}

/// One statement of a resource policy (an S3 bucket policy, a KMS key
/// policy): like [`PolicyStatement`], plus the principal it speaks of, its
/// effect and a `Sid` that says why it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceStatement {
    /// Why the statement is there, e.g. `DenyInsecureTransport`.
    pub sid: String,
    /// Allow or Deny.
    pub effect: Effect,
    /// The principal block, e.g. `{"AWS": "arn:aws:iam::111111111111:root"}`.
    pub principal: Value,
    /// The actions, e.g. `s3:GetObject`.
    pub actions: Vec<String>,
    /// The resources; a key policy names `*`, the key itself.
    pub resources: Vec<Str>,
    /// A condition block, e.g. `{"ArnEquals": {"aws:PrincipalArn": [...]}}`.
    pub condition: Option<Value>,
}

impl ResourceStatement {
    /// The statement as S3 and KMS read it.
    pub fn to_json(&self) -> Value {
        let effect = match self.effect {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        };
        let mut statement = json!({
            "Sid": self.sid,
            "Effect": effect,
            "Principal": self.principal,
            "Action": self.actions,
            "Resource": self.resources,
        });
        if let Some(condition) = &self.condition {
            statement["Condition"] = condition.clone();
        }
        statement
    }
}

/// A resource policy document holding `statements`.
pub fn resource_policy_document(statements: &[ResourceStatement]) -> Value {
    json!({
        "Version": POLICY_VERSION,
        "Statement": statements.iter().map(ResourceStatement::to_json).collect::<Vec<_>>(),
    })
}

/// The size limits IAM puts on the policies of a role, in characters of
/// the policy document without whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolicyLimit {
    /// All inline policies of one role together: 10,240 characters.
    InlineRole,
    /// One customer managed policy: 6,144 characters.
    Managed,
}

impl PolicyLimit {
    /// The limit in characters.
    pub const fn characters(self) -> usize {
        match self {
            PolicyLimit::InlineRole => 10_240,
            PolicyLimit::Managed => 6_144,
        }
    }

    /// What the limit applies to, for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            PolicyLimit::InlineRole => "the inline policies of one role together",
            PolicyLimit::Managed => "one managed policy",
        }
    }
}

/// The size IAM counts for a policy document: its characters outside
/// string literals that are not whitespace, and every character of its
/// strings.
///
/// ```
/// use pipewright_dsl::iam::policy_size;
///
/// let document = serde_json::json!({"Version": "2012-10-17", "Statement": []});
/// assert_eq!(policy_size(&document), r#"{"Version":"2012-10-17","Statement":[]}"#.len());
/// ```
pub fn policy_size(document: &Value) -> usize {
    document.to_string().chars().count()
}
