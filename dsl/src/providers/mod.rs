//! What pipewright knows about each action provider, in one place per
//! provider: its action type, how many artifacts it reads and writes, its
//! configuration keys, its output variables, the IAM permissions a role
//! needs to run it and what an EventBridge rule watches to start a pipeline
//! from it.
//!
//! The typed actions ([`crate::actions`]) build their type id from these
//! descriptions; validation, the cross-account role templates and the event
//! declarations read them. Closed value sets that a typed enum also spells
//! (canned ACLs, CloudFormation modes...) are defined here as enums and
//! listed from the enum's `ALL` and `as_str`, so the two cannot drift apart;
//! [`crate::actions`] re-exports the enums. The descriptions know nothing of
//! the builders: they read only the model.
//!
//! ```
//! use pipewright_dsl::model::{ActionCategory, ActionOwner};
//! use pipewright_dsl::providers;
//!
//! let codebuild = providers::ALL.iter().find(|provider| provider.name == "CodeBuild").unwrap();
//! assert_eq!(codebuild.categories, [ActionCategory::Build, ActionCategory::Test]);
//! assert_eq!(codebuild.owner, ActionOwner::Aws);
//! assert_eq!((codebuild.inputs.min, codebuild.inputs.max), (1, 5));
//! assert!(codebuild.required_keys().eq(["ProjectName"]));
//! ```
//!
//! # Adding a provider
//!
//! A new provider is one new file, `providers/<provider>.rs`, and one place
//! in this file (like `snyk.rs`):
//!
//! 1. In `providers/<provider>.rs`: its [`ProviderDescription`] (type id,
//!    artifact bounds, configuration keys with their value sets, output
//!    variables, permissions, start rule; facts from the AWS action
//!    reference), and its typed action beside it. Permissions are IAM
//!    actions (never a wildcard action) on one [`Resource`] kind each,
//!    scoped by the configuration keys where the resource's ARN allows it.
//!    A closed value set is a `#[non_exhaustive]` enum with `ALL` and a
//!    `const fn as_str`, listed in the description with `wire_values!`.
//!    The typed action's constructor starts from the description
//!    (`providers::X.action(name)`); a file the provider reads from its only
//!    input is a `PathInput` written with `ActionSpec::set_file`; its fixed
//!    output variables are a `variable_set!` with the description's
//!    variable names; `typed_action!` places it in the right kind of stage.
//! 2. In this file: declare the module, re-export the description, add it
//!    to [`ALL`] (in the order of the AWS action reference), and re-export
//!    the typed action, its variable set and its enums in `typed`, from
//!    where [`crate::actions`] and the prelude take them (their one public
//!    path).
//! 3. Tests: `dsl/tests/integration/provider_descriptions.rs` fails until
//!    the typed action is built in its `typed_actions` (with every optional
//!    setting), and until the typed variable set and the description name
//!    the same variables; add the action's own tests in
//!    `dsl/tests/integration/actions_<group>.rs` (listed in that folder's
//!    `main.rs`): its whole JSON for a minimal and a full configuration, and
//!    the statements of its role template. A new action type that implements
//!    `NonSourceAction` or `CrossRegionAction` may change the implementor
//!    lists in `tests/ui/*.stderr`: regenerate them as
//!    `tests/integration/compile_fail.rs` says and read the change.
//!
//! The typed actions of the providers described before this layout live in
//! [`crate::actions`] (`actions/<provider>.rs`), beside their description's
//! re-exported enums; moving each into its provider's file is a change of
//! place only.
//!
//! Validation, the cross-account role templates and the event rules need no
//! change: they find the provider in [`ALL`]. A provider with a rule of its
//! own (a key required only with some value of another) still gets that rule
//! in `validate/providers.rs`.

mod alexa_skills_kit;
mod app_config;
pub(crate) mod cloudformation;
mod cloudformation_stack_instances;
pub(crate) mod cloudformation_stack_set;
mod codebuild;
mod codecommit;
pub(crate) mod codepipeline_invoke;
mod deploy;
pub(crate) mod device_farm;
pub(crate) mod ec2;
mod ecr;
pub(crate) mod ecr_build_and_publish;
mod eks;
mod elastic_beanstalk;
pub(crate) mod inspector_scan;
mod invoke;
mod ops_works;
mod others;
pub(crate) mod s3;
pub(crate) mod service_catalog;
mod snyk;

/// The typed actions written beside their descriptions; [`crate::actions`]
/// re-exports them, which is their one public path.
pub(crate) mod typed {
    pub use super::snyk::SnykScan;
}
pub(crate) mod source;

use crate::action_spec::ActionSpec;
use crate::model::{ActionCategory, ActionOwner, ActionTypeId, Str};

pub use alexa_skills_kit::ALEXA_SKILLS_KIT;
pub use app_config::APP_CONFIG;
pub use cloudformation::CLOUDFORMATION;
pub use cloudformation_stack_instances::CLOUDFORMATION_STACK_INSTANCES;
pub use cloudformation_stack_set::CLOUDFORMATION_STACK_SET;
pub use codebuild::CODEBUILD;
pub use codecommit::CODECOMMIT;
pub use codepipeline_invoke::CODEPIPELINE_INVOKE;
pub use deploy::{CODEDEPLOY, CODEDEPLOY_TO_ECS, ECS, LAMBDA_DEPLOY};
pub use device_farm::DEVICE_FARM;
pub use ec2::EC2;
pub use ecr::ECR;
pub use ecr_build_and_publish::ECR_BUILD_AND_PUBLISH;
pub use eks::EKS;
pub use elastic_beanstalk::ELASTIC_BEANSTALK;
pub use inspector_scan::INSPECTOR_SCAN;
pub(crate) use invoke::{INPUT_TYPE_FILE_PATH, INPUT_TYPE_LITERAL};
pub use invoke::{LAMBDA_INVOKE, STEP_FUNCTIONS};
pub use ops_works::OPS_WORKS;
pub use others::{COMMANDS, MANUAL};
pub use s3::{S3_DEPLOY, S3_SOURCE};
pub use service_catalog::SERVICE_CATALOG;
pub use snyk::SNYK;
pub use source::{CODESTAR_SOURCE_CONNECTION, GITHUB};

/// Every provider pipewright knows, in the order of the AWS action reference.
pub static ALL: &[&ProviderDescription] = &[
    &S3_SOURCE,
    &CODECOMMIT,
    &ECR,
    &CODESTAR_SOURCE_CONNECTION,
    &GITHUB,
    &CODEBUILD,
    &COMMANDS,
    &ECR_BUILD_AND_PUBLISH,
    &DEVICE_FARM,
    &MANUAL,
    &S3_DEPLOY,
    &CLOUDFORMATION,
    &CLOUDFORMATION_STACK_SET,
    &CLOUDFORMATION_STACK_INSTANCES,
    &CODEDEPLOY,
    &CODEDEPLOY_TO_ECS,
    &ECS,
    &ELASTIC_BEANSTALK,
    &OPS_WORKS,
    &SERVICE_CATALOG,
    &APP_CONFIG,
    &ALEXA_SKILLS_KIT,
    &EC2,
    &EKS,
    &LAMBDA_DEPLOY,
    &LAMBDA_INVOKE,
    &STEP_FUNCTIONS,
    &CODEPIPELINE_INVOKE,
    &INSPECTOR_SCAN,
    &SNYK,
];

/// The description of the provider of an action type, when pipewright knows
/// it (same owner, provider name and one of its categories).
pub fn find(type_id: &ActionTypeId) -> Option<&'static ProviderDescription> {
    let name = type_id.provider.as_literal()?;
    ALL.iter().copied().find(|provider| {
        provider.owner == type_id.owner && provider.name == name && provider.categories.contains(&type_id.category)
    })
}

/// Whether only V2 pipelines can use the action type (Commands,
/// ECRBuildAndPublish, EC2, EKS, the Lambda deploy action, the CodePipeline
/// invoke action).
pub(crate) fn requires_v2(type_id: &ActionTypeId) -> bool {
    find(type_id).is_some_and(|provider| provider.v2_only)
}

/// Everything pipewright knows about one action provider. Only this module
/// describes providers (the list is [`ALL`]), so every description has at
/// least one category.
#[derive(Debug)]
#[non_exhaustive]
pub struct ProviderDescription {
    /// Who provides it.
    pub owner: ActionOwner,
    /// The categories it is offered in (the first is the typed action's
    /// default).
    pub categories: &'static [ActionCategory],
    /// The provider name, as in `actionTypeId.provider`.
    pub name: &'static str,
    /// The action type version.
    pub version: &'static str,
    /// How many input artifacts it takes.
    pub inputs: ArtifactBounds,
    /// How many output artifacts it produces.
    pub outputs: ArtifactBounds,
    /// Whether only V2 pipelines can use it.
    pub v2_only: bool,
    /// Its configuration keys: the required ones first, in AWS's order, then
    /// the optional ones pipewright knows.
    pub configuration: &'static [ConfigKey],
    /// The output variables it emits, when the provider fixes them (`None`:
    /// the user names them, or none are documented).
    pub variables: Option<&'static [&'static str]>,
    /// What to use instead, when AWS has deprecated the provider.
    pub replacement: Option<&'static str>,
    /// What a role needs to run the action in its own account (apart from
    /// artifact access), when pipewright knows it.
    pub permissions: Option<Permissions>,
    /// What an EventBridge rule watches to start a pipeline from this
    /// source, when its changes are reported to EventBridge.
    pub start_rule: Option<StartRule>,
}

/// Fewest and most artifacts of one direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArtifactBounds {
    /// Fewest.
    pub min: usize,
    /// Most.
    pub max: usize,
}

/// `min..=max` artifacts.
pub const fn artifacts(min: usize, max: usize) -> ArtifactBounds {
    ArtifactBounds { min, max }
}

/// One configuration key of a provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConfigKey {
    /// The key, exactly as AWS spells it.
    pub name: &'static str,
    /// Whether every action of the provider sets it.
    pub required: bool,
    /// The values AWS accepts.
    pub values: Values,
}

/// The values a configuration key accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// Any text.
    Any,
    /// `true` or `false` (in any case).
    Boolean,
    /// One of these.
    OneOf(&'static [&'static str]),
    /// A comma-separated list of these.
    ListOf(&'static [&'static str]),
    /// The name of one of the action's input artifacts.
    InputName,
    /// A file in one of the action's input artifacts:
    /// `<InputArtifactName>::<path>`.
    InputPath,
    /// A whole number from `min` to `max`, counting `unit`.
    Range {
        /// Smallest.
        min: u32,
        /// Largest.
        max: u32,
        /// What the number counts (`minutes`, `percent`).
        unit: &'static str,
    },
}

/// The words `true` and `false`.
pub const BOOLEAN_WORDS: &[&str] = &["true", "false"];

impl ConfigKey {
    /// A required key taking any text.
    pub const fn required(name: &'static str) -> ConfigKey {
        ConfigKey { name, required: true, values: Values::Any }
    }

    /// An optional key taking any text.
    pub const fn optional(name: &'static str) -> ConfigKey {
        ConfigKey { name, required: false, values: Values::Any }
    }

    /// The same key, accepting only `values`.
    pub const fn values(self, values: Values) -> ConfigKey {
        ConfigKey { values, ..self }
    }

    /// The same key, accepting only `true` or `false`.
    pub const fn boolean(self) -> ConfigKey {
        self.values(Values::Boolean)
    }

    /// The same key, accepting one of `values`.
    pub const fn one_of(self, values: &'static [&'static str]) -> ConfigKey {
        self.values(Values::OneOf(values))
    }
}

/// The statements a role needs to run a provider's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permissions {
    /// The configuration key whose value chooses the statements (the
    /// CloudFormation `ActionMode`), with how to name one of its values in a
    /// message (`an action mode`); it must hold one of the key's values.
    pub mode: Option<(&'static str, &'static str)>,
    /// The statements, in the order they are granted.
    pub statements: &'static [Permission],
}

/// One `Allow` statement: IAM actions on one kind of resource.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permission {
    /// The IAM actions, e.g. `codebuild:StartBuild`.
    pub actions: &'static [&'static str],
    /// The resource they apply to.
    pub resource: Resource,
    /// When the statement is granted.
    pub when: When,
    /// For `iam:PassRole`: the only service the role may be passed to.
    pub passed_to: Option<&'static str>,
}

impl Permission {
    /// `actions` on `resource`, always granted.
    pub const fn allow(actions: &'static [&'static str], resource: Resource) -> Permission {
        Permission { actions, resource, when: When::Always, passed_to: None }
    }

    /// The same statement, granted only `when`.
    pub const fn when(self, when: When) -> Permission {
        Permission { when, ..self }
    }

    /// The same `iam:PassRole` statement, only for roles passed to `service`.
    pub const fn passed_to(self, service: &'static str) -> Permission {
        Permission { passed_to: Some(service), ..self }
    }
}

/// The kind of resource a permission applies to. Paths may hold `{Key}`:
/// the literal value of that configuration key, which must be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// `arn:<partition>:<service>:<region>:<account>:<path>`.
    Regional {
        /// The service, e.g. `codebuild`.
        service: &'static str,
        /// The resource path, e.g. `project/{ProjectName}`.
        path: &'static str,
    },
    /// Like [`Resource::Regional`], unless the value of `key` already is an
    /// ARN, which is then used as is (a Lambda function name or ARN).
    NameOrArn {
        /// The configuration key holding a name or an ARN.
        key: &'static str,
        /// The service.
        service: &'static str,
        /// The resource path when `key` holds a name.
        path: &'static str,
    },
    /// `arn:<partition>:s3:::<path>`: a bucket or objects in it.
    S3 {
        /// `bucket` or `bucket/key`.
        path: &'static str,
    },
    /// `arn:<partition>:iam::<account>:<path>`.
    Iam {
        /// e.g. `role/*`.
        path: &'static str,
    },
    /// `arn:<partition>:<service>:<region>::<path>`: a resource AWS owns in
    /// each Region, with no account (an SSM document such as
    /// `AWS-RunShellScript`).
    AwsOwned {
        /// The service, e.g. `ssm`.
        service: &'static str,
        /// The resource path, e.g. `document/AWS-RunShellScript`.
        path: &'static str,
    },
    /// The ARN held by an optional configuration key; no statement when the
    /// key is not set.
    ArnIn(&'static str),
    /// Every resource (`*`), for actions that cannot be scoped.
    Any,
}

/// When a permission is granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// When the configuration key holds this value.
    Is(&'static str, &'static str),
    /// When the configuration key does not hold this value (or is not set).
    IsNot(&'static str, &'static str),
}

/// What an EventBridge rule that starts a pipeline from a source watches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StartRule {
    /// What changes it reports.
    pub watches: Watched,
    /// Whether the source polls unless `PollForSourceChanges` is `false`
    /// (a rule then turns polling off).
    pub polls: bool,
}

/// The changes a start rule matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watched {
    /// Pushes to a CodeCommit branch (`RepositoryName`, `BranchName`).
    CodeCommitBranch,
    /// Images pushed to an ECR tag (`RepositoryName`, `ImageTag`).
    EcrImageTag,
    /// Objects written to an S3 key (`S3Bucket`, `S3ObjectKey`).
    S3Object,
}

impl ProviderDescription {
    /// A description with no configuration, variables, permissions or start
    /// rule; the `const` setters below fill them in.
    pub(crate) const fn new(
        owner: ActionOwner,
        categories: &'static [ActionCategory],
        name: &'static str,
        inputs: ArtifactBounds,
        outputs: ArtifactBounds,
    ) -> ProviderDescription {
        ProviderDescription {
            owner,
            categories,
            name,
            version: "1",
            inputs,
            outputs,
            v2_only: false,
            configuration: &[],
            variables: None,
            replacement: None,
            permissions: None,
            start_rule: None,
        }
    }

    /// An AWS provider.
    pub(crate) const fn aws(
        categories: &'static [ActionCategory],
        name: &'static str,
        inputs: ArtifactBounds,
        outputs: ArtifactBounds,
    ) -> ProviderDescription {
        ProviderDescription::new(ActionOwner::Aws, categories, name, inputs, outputs)
    }

    /// The same provider with these configuration keys.
    pub(crate) const fn configuration(self, keys: &'static [ConfigKey]) -> ProviderDescription {
        ProviderDescription { configuration: keys, ..self }
    }

    /// The same provider, emitting these output variables.
    pub(crate) const fn variables(self, names: &'static [&'static str]) -> ProviderDescription {
        ProviderDescription { variables: Some(names), ..self }
    }

    /// The same provider, for V2 pipelines only.
    pub(crate) const fn v2(self) -> ProviderDescription {
        ProviderDescription { v2_only: true, ..self }
    }

    /// The same provider, deprecated in favour of `replacement`.
    pub(crate) const fn deprecated(self, replacement: &'static str) -> ProviderDescription {
        ProviderDescription { replacement: Some(replacement), ..self }
    }

    /// The same provider, needing these permissions.
    pub(crate) const fn permissions(self, permissions: Permissions) -> ProviderDescription {
        ProviderDescription { permissions: Some(permissions), ..self }
    }

    /// The same provider, whose changes an EventBridge rule can watch.
    pub(crate) const fn start_rule(self, watches: Watched, polls: bool) -> ProviderDescription {
        ProviderDescription { start_rule: Some(StartRule { watches, polls }), ..self }
    }

    /// The keys every action of the provider sets, in AWS's order.
    pub fn required_keys(&self) -> impl Iterator<Item = &'static str> {
        self.configuration.iter().filter(|key| key.required).map(|key| key.name)
    }

    /// The configuration key `name`, when the provider has it.
    pub fn key(&self, name: &str) -> Option<&'static ConfigKey> {
        self.configuration.iter().find(|key| key.name == name)
    }

    /// The type id of this provider's actions in `category`.
    pub fn type_id(&self, category: ActionCategory) -> ActionTypeId {
        ActionTypeId { category, owner: self.owner, provider: self.name.into(), version: self.version.into() }
    }

    /// `CodeBuild (Build)`.
    pub fn describe(&self, category: ActionCategory) -> String {
        format!("{} ({})", self.name, category.as_str())
    }
}

/// `a, b, c or d`.
pub(crate) fn one_or_another(values: &[&str]) -> String {
    let mut text = String::new();
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            text.push_str(if index + 1 == values.len() { " or " } else { ", " });
        }
        text.push_str(value);
    }
    text
}

/// The wire strings of a typed enum with `ALL` and a `const fn as_str`, as a
/// `&'static [&'static str]` usable in a description's value set.
macro_rules! wire_values {
    ($enum:ty) => {{
        const VALUES: [&str; <$enum>::ALL.len()] = {
            let mut values = [""; <$enum>::ALL.len()];
            let mut index = 0;
            while index < values.len() {
                values[index] = <$enum>::ALL[index].as_str();
                index += 1;
            }
            values
        };
        &VALUES
    }};
}
pub(crate) use wire_values;

/// Where a typed action's constructor starts.
impl ProviderDescription {
    /// A new action of this provider in its first category, with no
    /// settings yet: where a typed action's constructor starts.
    pub(crate) fn action<'p>(&self, name: impl Into<Str>) -> ActionSpec<'p> {
        self.action_in(name, self.categories[0])
    }

    /// A new action of this provider in `category` (one of its categories).
    pub(crate) fn action_in<'p>(&self, name: impl Into<Str>, category: ActionCategory) -> ActionSpec<'p> {
        ActionSpec::new(name, category, self.owner, self.name, self.version)
    }
}
