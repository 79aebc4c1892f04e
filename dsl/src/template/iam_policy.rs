//! [`IamPolicy`]: an `AWS::IAM::Policy` attached to roles, such as the policy
//! a pipeline's service role needs before the pipeline can be created.

use serde_json::{json, Value};

use super::Resource;
use crate::model::Str;

/// An inline IAM policy (`AWS::IAM::Policy`) attached to roles: its name,
/// its document and the role names it is attached to. Becomes a
/// [`Resource`] with `.into()`.
///
/// ```
/// use pipewright_dsl::cfn;
/// use pipewright_dsl::template::{IamPolicy, Resource};
/// use serde_json::json;
///
/// let document = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]});
/// let policy: Resource = IamPolicy::new("PipelinePolicy", "pipeline-access", document.clone())
///     .role(cfn::reference("PipelineRole"))
///     .into();
/// assert_eq!(
///     policy.to_json(),
///     json!({"Type": "AWS::IAM::Policy", "Properties": {
///         "PolicyName": "pipeline-access", "PolicyDocument": document, "Roles": [{"Ref": "PipelineRole"}]
///     }})
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct IamPolicy {
    logical_id: String,
    policy_name: Str,
    document: Value,
    roles: Vec<Str>,
}

impl IamPolicy {
    /// The policy `logical_id`, named `policy_name`, granting `document`
    /// (`{"Version": "2012-10-17", "Statement": [...]}`).
    pub fn new(logical_id: impl Into<String>, policy_name: impl Into<Str>, document: Value) -> IamPolicy {
        IamPolicy { logical_id: logical_id.into(), policy_name: policy_name.into(), document, roles: Vec::new() }
    }

    /// Attaches the policy to a role, by the role's name (a role of the same
    /// template is `cfn::reference("RoleId")`).
    pub fn role(mut self, role_name: impl Into<Str>) -> IamPolicy {
        self.roles.push(role_name.into());
        self
    }
}

impl From<IamPolicy> for Resource {
    fn from(policy: IamPolicy) -> Resource {
        let mut properties = json!({"PolicyName": policy.policy_name, "PolicyDocument": policy.document});
        if !policy.roles.is_empty() {
            properties["Roles"] = json!(policy.roles);
        }
        Resource::new(policy.logical_id, "AWS::IAM::Policy", properties)
    }
}
