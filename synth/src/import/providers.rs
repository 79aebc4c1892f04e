//! The table import reads to write an AWS provider's typed action: which
//! constructor takes which configuration keys, which optional keys have a
//! typed setter, how outputs are declared and which variables the handle
//! names. One row per constructor; adding a provider is adding rows.
//!
//! A row applies only when it reproduces the action exactly (its fixed keys
//! equal, its required keys present, its artifacts wired in the same
//! order); otherwise the action is written with the escape hatch.

use pipewright_dsl::actions::{
    CodeCommitVariables, ConnectionVariables, EcrVariables, GitHubVariables, LambdaDeployVariables, S3SourceVariables,
    StepFunctionsVariables,
};
use pipewright_dsl::model::{ActionCategory, ActionOwner};
use pipewright_dsl::VariableSet;

/// One constructor of a typed action.
pub(super) struct TypedAction {
    /// The action type's provider (owner `AWS` unless `owner` says otherwise).
    pub(super) provider: &'static str,
    /// Who owns the action type.
    pub(super) owner: ActionOwner,
    /// The category the constructor writes.
    pub(super) category: ActionCategory,
    /// `CodeBuild::test`.
    pub(super) constructor: &'static str,
    /// Keys the constructor writes with a fixed value; the row applies only
    /// when the action has exactly these values.
    pub(super) fixed: &'static [(&'static str, &'static str)],
    /// The constructor's arguments after the action's name, in order.
    pub(super) arguments: &'static [Argument],
    /// Optional keys with a typed setter.
    pub(super) setters: &'static [Setter],
    /// How the action declares its outputs.
    pub(super) outputs: Outputs,
    /// Whether `.input(..)` adds further inputs.
    pub(super) more_inputs: bool,
    /// What `.vars()` of the handle offers.
    pub(super) variables: Variables,
}

/// A constructor argument.
pub(super) enum Argument {
    /// A configuration value that may read variables (`impl Into<Text>`).
    Text(&'static str),
    /// A configuration value that is a plain string (`impl Into<Str>`).
    Str(&'static str),
    /// The action's first input artifact.
    Input,
    /// The first input artifact, or the file the key names inside it
    /// (`artifact.path(file)`) when the key is set.
    InputOrFile(&'static str),
    /// A key holding `<Artifact>::<file>`, written `artifact.path(file)`.
    Path(&'static str),
}

impl Argument {
    /// The configuration key the argument writes, if any.
    pub(super) fn key(&self) -> Option<&'static str> {
        match self {
            Argument::Text(key) | Argument::Str(key) | Argument::InputOrFile(key) | Argument::Path(key) => Some(key),
            Argument::Input => None,
        }
    }
}

/// A typed setter of an optional key.
pub(super) enum Setter {
    /// `.method(text)`.
    Text(&'static str, &'static str),
    /// `.method(str)`, a plain string.
    Str(&'static str, &'static str),
    /// `.method(true)` for `"true"` / `"false"`.
    Bool(&'static str, &'static str),
    /// `.method(n)` for a whole number.
    Number(&'static str, &'static str),
    /// `.method(artifact.path(file))` for `<Artifact>::<file>`.
    Path(&'static str, &'static str),
    /// `.method(artifact)` for the name of one of the action's inputs.
    Artifact(&'static str, &'static str),
    /// `.method(Enum::Variant)`: the key, the method and each value's variant.
    Enum(&'static str, &'static str, &'static [(&'static str, &'static str)]),
    /// `.capabilities(&[Capability::Iam, ..])` for a comma-separated list.
    Capabilities(&'static str),
}

impl Setter {
    /// The configuration key the setter writes.
    pub(super) fn key(&self) -> &'static str {
        match self {
            Setter::Text(key, _)
            | Setter::Str(key, _)
            | Setter::Bool(key, _)
            | Setter::Number(key, _)
            | Setter::Path(key, _)
            | Setter::Artifact(key, _)
            | Setter::Enum(key, _, _)
            | Setter::Capabilities(key) => key,
        }
    }
}

/// How a typed action declares its output artifacts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Outputs {
    /// It has none.
    None,
    /// Exactly one, `<ActionName>Output` unless `.output_name(..)` says otherwise.
    Source,
    /// Up to this many, each by `.output(name)`.
    Named(usize),
    /// One, declared by the setter of this key (`.output_file_name(file)`),
    /// `<ActionName>Output` unless `.output_name(..)` says otherwise.
    OnSetter(&'static str, &'static str),
}

/// The variables a typed action's handle names.
#[derive(Clone, Copy)]
pub(super) enum Variables {
    /// None.
    None,
    /// A method per key (`commit_id` for `CommitId`).
    Fixed(&'static [&'static str]),
    /// Any name, through `.vars().get(name)`.
    Named,
}

impl Variables {
    /// Whether the handle offers the variable `key`.
    pub(super) fn offers(self, key: &str) -> bool {
        match self {
            Variables::None => false,
            Variables::Fixed(keys) => keys.contains(&key),
            Variables::Named => true,
        }
    }
}

const POLL: Setter = Setter::Bool("PollForSourceChanges", "poll_for_source_changes");
const OUTPUT_FORMAT: Setter = Setter::Enum(
    "OutputArtifactFormat",
    "output_artifact_format",
    &[
        ("CODE_ZIP", "OutputArtifactFormat::CodeZip"),
        ("CODEBUILD_CLONE_REF", "OutputArtifactFormat::CodebuildCloneRef"),
    ],
);
const CODEBUILD_SETTERS: &[Setter] = &[
    Setter::Artifact("PrimarySource", "primary_source"),
    Setter::Text("BuildspecOverride", "buildspec_override"),
    Setter::Bool("BatchEnabled", "batch_enabled"),
    Setter::Bool("CombineArtifacts", "combine_artifacts"),
];
const CLOUDFORMATION_SETTERS: &[Setter] =
    &[Setter::Capabilities("Capabilities"), Setter::Path("TemplateConfiguration", "template_configuration")];
const S3_DEPLOY_SETTERS: &[Setter] = &[
    Setter::Text("CacheControl", "cache_control"),
    Setter::Text("KMSEncryptionKeyARN", "kms_encryption_key_arn"),
    Setter::Enum(
        "CannedACL",
        "canned_acl",
        &[
            ("private", "CannedAcl::Private"),
            ("public-read", "CannedAcl::PublicRead"),
            ("public-read-write", "CannedAcl::PublicReadWrite"),
            ("authenticated-read", "CannedAcl::AuthenticatedRead"),
            ("aws-exec-read", "CannedAcl::AwsExecRead"),
            ("bucket-owner-read", "CannedAcl::BucketOwnerRead"),
            ("bucket-owner-full-control", "CannedAcl::BucketOwnerFullControl"),
            ("log-delivery-write", "CannedAcl::LogDeliveryWrite"),
        ],
    ),
];

/// The arguments of the constructors that deploy a stack from a template.
const STACK_FROM_TEMPLATE: &[Argument] =
    &[Argument::Text("StackName"), Argument::Path("TemplatePath"), Argument::Text("RoleArn")];

/// A row with the defaults of an AWS action of `category`.
const fn aws(provider: &'static str, category: ActionCategory, constructor: &'static str) -> TypedAction {
    TypedAction {
        provider,
        owner: ActionOwner::Aws,
        category,
        constructor,
        fixed: &[],
        arguments: &[],
        setters: &[],
        outputs: Outputs::None,
        more_inputs: false,
        variables: Variables::None,
    }
}

/// A CodeBuild constructor for one category.
const fn codebuild(category: ActionCategory, constructor: &'static str) -> TypedAction {
    TypedAction {
        arguments: &[Argument::Text("ProjectName"), Argument::Input],
        setters: CODEBUILD_SETTERS,
        outputs: Outputs::Named(5),
        more_inputs: true,
        variables: Variables::Named,
        ..aws("CodeBuild", category, constructor)
    }
}

/// A CloudFormation deploy constructor for one action mode.
const fn cloudformation(
    mode: &'static [(&'static str, &'static str)],
    constructor: &'static str,
    arguments: &'static [Argument],
) -> TypedAction {
    TypedAction {
        fixed: mode,
        arguments,
        setters: CLOUDFORMATION_SETTERS,
        outputs: Outputs::OnSetter("OutputFileName", "output_file_name"),
        variables: Variables::Named,
        ..aws("CloudFormation", ActionCategory::Deploy, constructor)
    }
}

/// Every typed constructor import writes, tried in order.
pub(super) const TYPED_ACTIONS: &[TypedAction] = &[
    TypedAction {
        arguments: &[Argument::Str("RepositoryName"), Argument::Str("BranchName")],
        setters: &[POLL, OUTPUT_FORMAT],
        outputs: Outputs::Source,
        variables: Variables::Fixed(<CodeCommitVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("CodeCommit", ActionCategory::Source, "CodeCommitSource::new")
    },
    TypedAction {
        arguments: &[Argument::Str("ConnectionArn"), Argument::Str("FullRepositoryId"), Argument::Str("BranchName")],
        setters: &[Setter::Bool("DetectChanges", "detect_changes"), OUTPUT_FORMAT],
        outputs: Outputs::Source,
        variables: Variables::Fixed(<ConnectionVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("CodeStarSourceConnection", ActionCategory::Source, "CodeStarConnectionSource::new")
    },
    TypedAction {
        arguments: &[Argument::Str("S3Bucket"), Argument::Str("S3ObjectKey")],
        setters: &[POLL, Setter::Bool("AllowOverrideForS3ObjectKey", "allow_override_for_s3_object_key")],
        outputs: Outputs::Source,
        variables: Variables::Fixed(<S3SourceVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("S3", ActionCategory::Source, "S3Source::new")
    },
    TypedAction {
        arguments: &[Argument::Str("RepositoryName")],
        setters: &[Setter::Str("ImageTag", "image_tag")],
        outputs: Outputs::Source,
        variables: Variables::Fixed(<EcrVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("ECR", ActionCategory::Source, "EcrSource::new")
    },
    TypedAction {
        owner: ActionOwner::ThirdParty,
        arguments: &[
            Argument::Str("Owner"),
            Argument::Str("Repo"),
            Argument::Str("Branch"),
            Argument::Str("OAuthToken"),
        ],
        setters: &[POLL],
        outputs: Outputs::Source,
        variables: Variables::Fixed(<GitHubVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("GitHub", ActionCategory::Source, "GitHubSource::new")
    },
    codebuild(ActionCategory::Build, "CodeBuild::new"),
    codebuild(ActionCategory::Test, "CodeBuild::test"),
    TypedAction {
        arguments: &[Argument::Text("ClusterName"), Argument::Text("ServiceName"), Argument::InputOrFile("FileName")],
        setters: &[Setter::Number("DeploymentTimeout", "deployment_timeout")],
        ..aws("ECS", ActionCategory::Deploy, "EcsDeploy::new")
    },
    TypedAction {
        fixed: &[("Extract", "true")],
        arguments: &[Argument::Text("BucketName"), Argument::Input],
        setters: S3_DEPLOY_SETTERS,
        ..aws("S3", ActionCategory::Deploy, "S3Deploy::extract")
    },
    TypedAction {
        fixed: &[("Extract", "false")],
        arguments: &[Argument::Text("BucketName"), Argument::Text("ObjectKey"), Argument::Input],
        setters: S3_DEPLOY_SETTERS,
        ..aws("S3", ActionCategory::Deploy, "S3Deploy::object")
    },
    TypedAction {
        arguments: &[Argument::Text("ApplicationName"), Argument::Text("DeploymentGroupName"), Argument::Input],
        ..aws("CodeDeploy", ActionCategory::Deploy, "CodeDeploy::new")
    },
    TypedAction {
        arguments: &[Argument::Text("ApplicationName"), Argument::Text("EnvironmentName"), Argument::Input],
        ..aws("ElasticBeanstalk", ActionCategory::Deploy, "ElasticBeanstalkDeploy::new")
    },
    TypedAction {
        arguments: &[Argument::Text("FunctionName"), Argument::Input],
        setters: &[Setter::Text("FunctionAlias", "function_alias")],
        variables: Variables::Fixed(<LambdaDeployVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("Lambda", ActionCategory::Deploy, "LambdaDeploy::new")
    },
    TypedAction {
        setters: &[
            Setter::Text("NotificationArn", "notification_arn"),
            Setter::Text("CustomData", "custom_data"),
            Setter::Text("ExternalEntityLink", "external_entity_link"),
        ],
        ..aws("Manual", ActionCategory::Approval, "ManualApproval::new")
    },
    TypedAction {
        arguments: &[Argument::Text("FunctionName")],
        setters: &[Setter::Text("UserParameters", "user_parameters")],
        outputs: Outputs::Named(5),
        more_inputs: true,
        variables: Variables::Named,
        ..aws("Lambda", ActionCategory::Invoke, "LambdaInvoke::new")
    },
    TypedAction {
        arguments: &[Argument::Text("StateMachineArn")],
        setters: &[Setter::Text("ExecutionNamePrefix", "execution_name_prefix")],
        outputs: Outputs::Named(1),
        variables: Variables::Fixed(<StepFunctionsVariables<'static> as VariableSet<'static>>::NAMES),
        ..aws("StepFunctions", ActionCategory::Invoke, "StepFunctionsInvoke::new")
    },
    cloudformation(&[("ActionMode", "CREATE_UPDATE")], "CloudFormationDeploy::create_update", STACK_FROM_TEMPLATE),
    cloudformation(
        &[("ActionMode", "REPLACE_ON_FAILURE")],
        "CloudFormationDeploy::replace_on_failure",
        STACK_FROM_TEMPLATE,
    ),
    cloudformation(
        &[("ActionMode", "DELETE_ONLY")],
        "CloudFormationDeploy::delete_only",
        &[Argument::Text("StackName"), Argument::Text("RoleArn")],
    ),
    cloudformation(
        &[("ActionMode", "CHANGE_SET_REPLACE")],
        "CloudFormationDeploy::create_replace_change_set",
        &[
            Argument::Text("StackName"),
            Argument::Text("ChangeSetName"),
            Argument::Path("TemplatePath"),
            Argument::Text("RoleArn"),
        ],
    ),
    cloudformation(
        &[("ActionMode", "CHANGE_SET_EXECUTE")],
        "CloudFormationDeploy::execute_change_set_with_role",
        &[Argument::Text("StackName"), Argument::Text("ChangeSetName"), Argument::Text("RoleArn")],
    ),
    cloudformation(
        &[("ActionMode", "CHANGE_SET_EXECUTE")],
        "CloudFormationDeploy::execute_change_set",
        &[Argument::Text("StackName"), Argument::Text("ChangeSetName")],
    ),
];
