//! IAM policy documents: the statements pipewright grants and the trust
//! policies of the roles it describes.

use serde_json::{json, Value};

use crate::model::Str;

/// The policy language version every document is written in.
const POLICY_VERSION: &str = "2012-10-17";

/// One `Allow` statement: named actions (never `*`) on named resources.
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
