//! What pipewright knows about each action provider: its categories, how many
//! input and output artifacts it takes, whether it needs a V2 pipeline, its
//! required configuration keys and the output variables it emits.

use crate::model::{ActionCategory, ActionOwner, ActionTypeId};

use ActionCategory::{Approval, Build, Compute, Deploy, Invoke, Source, Test};

/// One provider of the action reference.
pub(super) struct Provider {
    /// Who provides it.
    pub(super) owner: ActionOwner,
    /// The categories it is offered in.
    pub(super) categories: &'static [ActionCategory],
    /// The provider name.
    pub(super) name: &'static str,
    /// Fewest and most input artifacts.
    pub(super) inputs: (usize, usize),
    /// Fewest and most output artifacts.
    pub(super) outputs: (usize, usize),
    /// Whether only V2 pipelines can use it.
    pub(super) v2_only: bool,
    /// Configuration keys every action of this provider sets.
    pub(super) required: &'static [&'static str],
    /// The output variables it emits, when the provider fixes them (`None`:
    /// the user names them, or none are documented).
    pub(super) variables: Option<&'static [&'static str]>,
    /// What to use instead, when AWS has deprecated the provider.
    pub(super) replacement: Option<&'static str>,
}

/// Artifact counts of a custom or partner action whose registration is not
/// known: each of inputs and outputs is 0..5.
pub(super) const CUSTOM_ARTIFACTS: (usize, usize) = (0, 5);

impl Provider {
    const fn new(
        owner: ActionOwner,
        categories: &'static [ActionCategory],
        name: &'static str,
        inputs: (usize, usize),
        outputs: (usize, usize),
    ) -> Provider {
        Provider {
            owner,
            categories,
            name,
            inputs,
            outputs,
            v2_only: false,
            required: &[],
            variables: None,
            replacement: None,
        }
    }

    const fn aws(
        categories: &'static [ActionCategory],
        name: &'static str,
        inputs: (usize, usize),
        outputs: (usize, usize),
    ) -> Provider {
        Provider::new(ActionOwner::Aws, categories, name, inputs, outputs)
    }

    const fn third_party(
        categories: &'static [ActionCategory],
        name: &'static str,
        inputs: (usize, usize),
        outputs: (usize, usize),
    ) -> Provider {
        Provider::new(ActionOwner::ThirdParty, categories, name, inputs, outputs)
    }

    const fn required(mut self, keys: &'static [&'static str]) -> Provider {
        self.required = keys;
        self
    }

    const fn variables(mut self, keys: &'static [&'static str]) -> Provider {
        self.variables = Some(keys);
        self
    }

    const fn v2(mut self) -> Provider {
        self.v2_only = true;
        self
    }

    const fn deprecated(mut self, replacement: &'static str) -> Provider {
        self.replacement = Some(replacement);
        self
    }

    /// `CodeBuild (Build)`.
    pub(super) fn describe(&self, category: ActionCategory) -> String {
        format!("{} ({})", self.name, category.as_str())
    }
}

/// Output variables of the Git sources (CodeCommit, GitHub version 1).
const GIT_VARIABLES: &[&str] =
    &["CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"];
/// Output variables of the stack set actions.
const STACK_SET_VARIABLES: &[&str] = &["StackSetId", "OperationId"];

/// The providers of the AWS action reference (artifact count matrix, V2-only
/// providers, required keys, output variables).
const PROVIDERS: &[Provider] = &[
    Provider::aws(&[Source], "S3", (0, 0), (1, 1)).required(&["S3Bucket", "S3ObjectKey"]).variables(&[
        "BucketName",
        "ETag",
        "ObjectKey",
        "VersionId",
    ]),
    Provider::aws(&[Source], "CodeCommit", (0, 0), (1, 1))
        .required(&["RepositoryName", "BranchName"])
        .variables(GIT_VARIABLES),
    Provider::aws(&[Source], "ECR", (0, 0), (1, 1)).required(&["RepositoryName"]).variables(&[
        "RegistryId",
        "RepositoryName",
        "ImageTag",
        "ImageDigest",
        "ImageURI",
    ]),
    Provider::aws(&[Source], "CodeStarSourceConnection", (0, 0), (1, 1))
        .required(&["ConnectionArn", "FullRepositoryId", "BranchName"])
        .variables(&["AuthorDate", "BranchName", "CommitId", "CommitMessage", "ConnectionArn", "FullRepositoryName"]),
    Provider::third_party(&[Source], "GitHub", (0, 0), (1, 1))
        .deprecated(
            "GitHub version 1 (OAuth) actions are deprecated; use a CodeStarSourceConnection source through a \
             connection to GitHub",
        )
        .required(&["Owner", "Repo", "Branch", "OAuthToken"])
        .variables(&[
            "CommitId",
            "CommitMessage",
            "CommitUrl",
            "RepositoryName",
            "BranchName",
            "AuthorDate",
            "CommitterDate",
        ]),
    Provider::aws(&[Build, Test], "CodeBuild", (1, 5), (0, 5)).required(&["ProjectName"]),
    Provider::aws(&[Compute], "Commands", (1, 10), (0, 1)).v2(),
    Provider::aws(&[Build], "ECRBuildAndPublish", (1, 1), (0, 0))
        .v2()
        .required(&["ECRRepositoryName"])
        .variables(&["ECRImageDigestId", "ECRRepositoryName"]),
    Provider::aws(&[Test], "DeviceFarm", (1, 1), (0, 0)).required(&[
        "AppType",
        "ProjectId",
        "App",
        "DevicePoolArn",
        "TestType",
    ]),
    Provider::aws(&[Approval], "Manual", (0, 0), (0, 0)),
    Provider::aws(&[Deploy], "S3", (1, 1), (0, 0)).required(&["BucketName", "Extract"]),
    Provider::aws(&[Deploy], "CloudFormation", (0, 10), (0, 1)).required(&["ActionMode", "StackName"]),
    Provider::aws(&[Deploy], "CloudFormationStackSet", (1, 3), (0, 0))
        .required(&["StackSetName", "TemplatePath"])
        .variables(STACK_SET_VARIABLES),
    Provider::aws(&[Deploy], "CloudFormationStackInstances", (0, 2), (0, 0))
        .required(&["StackSetName", "Regions"])
        .variables(STACK_SET_VARIABLES),
    Provider::aws(&[Deploy], "CodeDeploy", (1, 1), (0, 0)).required(&["ApplicationName", "DeploymentGroupName"]),
    Provider::aws(&[Deploy], "CodeDeployToECS", (1, 5), (0, 0)).required(&[
        "ApplicationName",
        "DeploymentGroupName",
        "TaskDefinitionTemplateArtifact",
        "AppSpecTemplateArtifact",
    ]),
    Provider::aws(&[Deploy], "ECS", (1, 1), (0, 0)).required(&["ClusterName", "ServiceName"]),
    Provider::aws(&[Deploy], "ElasticBeanstalk", (1, 1), (0, 0)).required(&["ApplicationName", "EnvironmentName"]),
    Provider::aws(&[Deploy], "OpsWorks", (1, 1), (0, 0)).required(&["Stack", "App"]),
    Provider::aws(&[Deploy], "ServiceCatalog", (1, 1), (0, 0)).required(&["ProductId"]),
    Provider::aws(&[Deploy], "AppConfig", (1, 1), (0, 0)).required(&[
        "Application",
        "Environment",
        "ConfigurationProfile",
        "InputArtifactConfigurationPath",
    ]),
    Provider::third_party(&[Deploy], "AlexaSkillsKit", (1, 2), (0, 0)).required(&[
        "ClientId",
        "ClientSecret",
        "RefreshToken",
        "SkillId",
    ]),
    Provider::aws(&[Deploy], "EC2", (1, 1), (0, 0)).v2().required(&["InstanceTagKey", "InstanceType"]),
    Provider::aws(&[Deploy], "EKS", (1, 1), (0, 0)).v2().required(&["ClusterName"]).variables(&["EKSClusterName"]),
    Provider::aws(&[Deploy], "Lambda", (1, 1), (0, 0)).v2().required(&["FunctionName"]).variables(&["FunctionVersion"]),
    Provider::aws(&[Invoke], "Lambda", (0, 5), (0, 5)).required(&["FunctionName"]),
    Provider::aws(&[Invoke], "StepFunctions", (0, 1), (0, 1))
        .required(&["StateMachineArn"])
        .variables(&["StateMachineArn", "ExecutionArn"]),
    Provider::aws(&[Invoke], "CodePipeline", (0, 0), (0, 0)).v2().required(&["PipelineName"]),
    Provider::aws(&[Invoke], "InspectorScan", (1, 1), (1, 1))
        .required(&["InspectorRunMode"])
        .variables(&["HighestScannedSeverity"]),
    Provider::third_party(&[Invoke], "Snyk", (1, 1), (1, 1)),
];

/// The provider of an action type, when pipewright knows it.
pub(super) fn find(type_id: &ActionTypeId) -> Option<&'static Provider> {
    let name = type_id.provider.as_literal()?;
    PROVIDERS.iter().find(|provider| {
        provider.owner == type_id.owner && provider.name == name && provider.categories.contains(&type_id.category)
    })
}

/// Whether only V2 pipelines can use the action type (Commands,
/// ECRBuildAndPublish, EC2, EKS, the Lambda deploy action, the CodePipeline
/// invoke action).
pub(crate) fn requires_v2(type_id: &ActionTypeId) -> bool {
    find(type_id).is_some_and(|provider| provider.v2_only)
}

/// The categories AWS offers a provider in, when it is a known AWS provider
/// (`None` when no AWS provider has that name).
pub(super) fn aws_categories(name: &str) -> Option<Vec<ActionCategory>> {
    let categories: Vec<ActionCategory> = PROVIDERS
        .iter()
        .filter(|provider| provider.owner == ActionOwner::Aws && provider.name == name)
        .flat_map(|provider| provider.categories.iter().copied())
        .collect();
    (!categories.is_empty()).then_some(categories)
}
