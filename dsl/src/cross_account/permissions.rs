//! What an action's role must be allowed in its own account (the service
//! work, apart from artifact access): the permissions of the action's
//! provider description ([`crate::providers`]), scoped to the action's
//! settings.

use serde_json::json;

use crate::model::{ActionDeclaration, ActionOwner};
use crate::providers::{self, one_or_another, Permissions, Resource, Values, When};

use crate::iam::PolicyStatement;

/// The permissions of the action's provider, `None` when pipewright does not
/// know them.
pub(crate) fn of(action: &ActionDeclaration) -> Option<Permissions> {
    if action.action_type_id.owner != ActionOwner::Aws {
        return None;
    }
    providers::find(&action.action_type_id)?.permissions
}

/// Where the statements apply: the action's account and Region.
pub(crate) struct Place<'a> {
    pub(crate) partition: &'a str,
    pub(crate) account: &'a str,
    pub(crate) region: &'a str,
}

/// The action's literal configuration values.
struct Settings<'a>(&'a ActionDeclaration);

impl<'a> Settings<'a> {
    /// The literal value of `key`, `None` when it is not set; fails when it
    /// is an expression.
    fn get(&self, key: &str) -> Result<Option<&'a str>, String> {
        match self.0.configuration.as_ref().and_then(|configuration| configuration.get(key)) {
            None => Ok(None),
            Some(value) => value.as_literal().map(Some).ok_or_else(|| {
                format!("configuration.{key} is a CloudFormation expression; the role template needs its literal value")
            }),
        }
    }

    /// The literal value of `key`, which the permissions are scoped to.
    fn required(&self, key: &str) -> Result<&'a str, String> {
        self.get(key)?.ok_or_else(|| format!("configuration.{key} is missing; the role's permissions are scoped to it"))
    }

    /// `path` with each `{Key}` replaced by the literal value of `Key`.
    fn fill(&self, path: &str) -> Result<String, String> {
        let mut filled = String::new();
        let mut rest = path;
        while let Some(start) = rest.find('{') {
            let end = rest[start..].find('}').map_or(rest.len(), |end| start + end);
            filled.push_str(&rest[..start]);
            filled.push_str(self.required(&rest[start + 1..end])?);
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        filled.push_str(rest);
        Ok(filled)
    }

    /// Whether the statement's condition holds.
    fn holds(&self, when: When) -> Result<bool, String> {
        Ok(match when {
            When::Always => true,
            When::Is(key, value) => self.get(key)? == Some(value),
            When::IsNot(key, value) => self.get(key)? != Some(value),
        })
    }
}

/// The configuration keys a resource path names.
fn placeholders(path: &str) -> impl Iterator<Item = &str> {
    path.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(key, _)| key))
}

/// The statements the action's role needs in `place`; fails, naming the
/// setting, when a setting they are built from is missing or is not a
/// literal, or when the setting choosing them holds no value of the
/// provider's.
pub(crate) fn statements(
    permissions: Permissions,
    action: &ActionDeclaration,
    place: &Place,
) -> Result<Vec<PolicyStatement>, String> {
    let settings = Settings(action);
    let description = providers::find(&action.action_type_id);
    // The required settings the statements are scoped to, in the provider's
    // order, so a missing one is reported before anything else.
    let scoped_to = |key: &str| {
        permissions.mode.is_some_and(|(mode, _)| mode == key)
            || permissions.statements.iter().any(|statement| match statement.resource {
                Resource::Regional { path, .. }
                | Resource::NameOrArn { path, .. }
                | Resource::S3 { path }
                | Resource::Iam { path }
                | Resource::AwsOwned { path, .. } => placeholders(path).any(|placeholder| placeholder == key),
                Resource::ArnIn(_) | Resource::Any => false,
            })
    };
    for key in description.iter().flat_map(|description| description.required_keys()).filter(|key| scoped_to(key)) {
        settings.required(key)?;
    }
    if let Some((key, noun)) = permissions.mode {
        let mode = settings.required(key)?;
        let values = description.and_then(|description| description.key(key)).map(|key| key.values);
        if let Some(Values::OneOf(values)) = values {
            if !values.contains(&mode) {
                return Err(format!("configuration.{key} \"{mode}\" is not {noun}; use {}", one_or_another(values)));
            }
        }
    }
    let mut granted = Vec::new();
    for permission in permissions.statements {
        // The resource is read first: a setting it names must be a literal
        // even when the condition leaves the statement out.
        let resource = match permission.resource {
            Resource::Regional { service, path } => {
                format!("arn:{}:{service}:{}:{}:{}", place.partition, place.region, place.account, settings.fill(path)?)
            }
            Resource::NameOrArn { key, service, path } => match settings.required(key)? {
                arn if arn.starts_with("arn:") => arn.to_owned(),
                _ => format!(
                    "arn:{}:{service}:{}:{}:{}",
                    place.partition,
                    place.region,
                    place.account,
                    settings.fill(path)?
                ),
            },
            Resource::S3 { path } => format!("arn:{}:s3:::{}", place.partition, settings.fill(path)?),
            Resource::Iam { path } => {
                format!("arn:{}:iam::{}:{}", place.partition, place.account, settings.fill(path)?)
            }
            Resource::AwsOwned { service, path } => {
                format!("arn:{}:{service}:{}::{}", place.partition, place.region, settings.fill(path)?)
            }
            Resource::ArnIn(key) => match settings.get(key)? {
                Some(arn) => arn.to_owned(),
                None => continue,
            },
            Resource::Any => "*".to_owned(),
        };
        if !settings.holds(permission.when)? {
            continue;
        }
        let mut statement = PolicyStatement::allow(permission.actions, [resource]);
        if let Some(service) = permission.passed_to {
            statement = statement.when(json!({"StringEquals": {"iam:PassedToService": service}}));
        }
        granted.push(statement);
    }
    Ok(granted)
}
