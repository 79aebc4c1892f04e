//! Amazon Resource Names: reading the account, Region and resource out of
//! one, and writing the ARNs pipewright derives.

use std::fmt;

/// The parts of an ARN, `arn:<partition>:<service>:<region>:<account>:<resource>`.
///
/// ```
/// use pipewright_dsl::arn::Arn;
///
/// let role = Arn::parse("arn:aws:iam::987654321098:role/deploy/CrossAccountDeployRole").unwrap();
/// assert_eq!(role.account, "987654321098");
/// assert_eq!(role.role_name(), Some("CrossAccountDeployRole"));
/// assert_eq!(role.role_path(), Some("/deploy/".to_owned()));
/// assert!(Arn::parse("CrossAccountDeployRole").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arn<'a> {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    pub partition: &'a str,
    /// The service namespace, e.g. `iam`.
    pub service: &'a str,
    /// The Region; empty for global services such as IAM and S3.
    pub region: &'a str,
    /// The 12-digit account; empty for S3 buckets.
    pub account: &'a str,
    /// Everything after the account, e.g. `role/MyRole`.
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    /// Splits an ARN into its parts; `None` when the text is not an ARN.
    pub fn parse(text: &'a str) -> Option<Arn<'a>> {
        let mut parts = text.splitn(6, ':');
        if parts.next()? != "arn" {
            return None;
        }
        let arn = Arn {
            partition: parts.next()?,
            service: parts.next()?,
            region: parts.next()?,
            account: parts.next()?,
            resource: parts.next()?,
        };
        (!arn.partition.is_empty() && !arn.service.is_empty()).then_some(arn)
    }

    /// Reads a literal IAM role ARN with a 12-digit account and a role name,
    /// `arn:<partition>:iam::<account>:role/<path><name>`; `None` for any
    /// other text.
    ///
    /// ```
    /// use pipewright_dsl::arn::Arn;
    ///
    /// assert_eq!(Arn::iam_role("arn:aws:iam::987654321098:role/Deploy").unwrap().account, "987654321098");
    /// assert!(Arn::iam_role("arn:aws:iam::987654321098:user/alice").is_none());
    /// assert!(Arn::iam_role("arn:aws:iam::${AWS::AccountId}:role/Deploy").is_none());
    /// ```
    pub fn iam_role(text: &'a str) -> Option<Arn<'a>> {
        let role = Arn::parse(text)?;
        (role.has_account() && role.region.is_empty() && role.role_name().is_some()).then_some(role)
    }

    /// Whether the account part is a 12-digit account ID.
    pub fn has_account(&self) -> bool {
        is_account_id(self.account)
    }

    /// The name of an IAM role ARN (`role/<path>/<name>` gives `<name>`).
    pub fn role_name(&self) -> Option<&'a str> {
        let path_and_name = self.iam_role_resource()?;
        path_and_name.rsplit('/').next().filter(|name| !name.is_empty())
    }

    /// The path of an IAM role ARN, `/` when it has none.
    pub fn role_path(&self) -> Option<String> {
        let path_and_name = self.iam_role_resource()?;
        Some(match path_and_name.rsplit_once('/') {
            Some((path, _)) => format!("/{path}/"),
            None => "/".to_owned(),
        })
    }

    fn iam_role_resource(&self) -> Option<&'a str> {
        (self.service == "iam").then(|| self.resource.strip_prefix("role/")).flatten()
    }
}

impl fmt::Display for Arn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "arn:{}:{}:{}:{}:{}", self.partition, self.service, self.region, self.account, self.resource)
    }
}

/// Whether `text` is a 12-digit AWS account ID.
pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// The longest Region name the CodePipeline API takes.
const MAX_REGION: usize = 30;

/// Whether `text` looks like an AWS Region name, e.g. `us-east-1`,
/// `us-gov-west-1`, `cn-north-1`, of at most 30 characters.
pub fn is_region(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    text.len() <= MAX_REGION
        && parts.len() >= 3
        && parts.iter().all(|part| !part.is_empty())
        && parts[0].len() == 2
        && parts[..parts.len() - 1].iter().all(|part| part.bytes().all(|byte| byte.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|byte| byte.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_without_a_path_has_the_root_path() {
        let role = Arn::parse("arn:aws:iam::123456789012:role/CodePipelineRole").unwrap();
        assert_eq!(role.role_name(), Some("CodePipelineRole"));
        assert_eq!(role.role_path(), Some("/".to_owned()));
        assert_eq!(role.to_string(), "arn:aws:iam::123456789012:role/CodePipelineRole");
    }

    #[test]
    fn only_iam_role_arns_have_a_role_name() {
        let topic = Arn::parse("arn:aws:sns:us-east-1:123456789012:notifications").unwrap();
        assert_eq!(topic.resource, "notifications");
        assert_eq!(topic.role_name(), None);
        let user = Arn::parse("arn:aws:iam::123456789012:user/alice").unwrap();
        assert_eq!(user.role_name(), None);
    }

    #[test]
    fn resources_keep_their_colons() {
        let function = Arn::parse("arn:aws:lambda:us-east-1:123456789012:function:my-function:live").unwrap();
        assert_eq!(function.resource, "function:my-function:live");
    }

    #[test]
    fn regions_and_accounts() {
        assert!(is_region("us-east-1"));
        assert!(is_region("us-gov-west-1"));
        assert!(!is_region("us-east"));
        assert!(!is_region("US-EAST-1"));
        assert!(!is_region("useast1"));
        assert!(!is_region("us-eastandfurthereastthanthat-1"));
        assert!(is_account_id("123456789012"));
        assert!(!is_account_id("12345678901"));
        assert!(!is_account_id("12345678901a"));
    }
}
