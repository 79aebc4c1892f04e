//! What an action's role must be allowed in its own account, per provider
//! (the service work, apart from artifact access).

use serde_json::json;

use crate::model::{ActionCategory, ActionDeclaration, ActionOwner};

use super::policy::PolicyStatement;

/// The providers whose permissions pipewright knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProviderPermissions {
    CloudFormation,
    CodeBuild,
    CodeCommitSource,
    CodeDeploy,
    EcrSource,
    Ecs,
    LambdaInvoke,
    S3Deploy,
    S3Source,
}

/// Where the statements apply: the action's account and Region.
pub(crate) struct Place<'a> {
    pub(crate) partition: &'a str,
    pub(crate) account: &'a str,
    pub(crate) region: &'a str,
}

impl Place<'_> {
    fn arn(&self, service: &str, resource: &str) -> String {
        format!("arn:{}:{service}:{}:{}:{resource}", self.partition, self.region, self.account)
    }

    fn bucket(&self, bucket: &str) -> String {
        format!("arn:{}:s3:::{bucket}", self.partition)
    }
}

impl ProviderPermissions {
    /// The permissions of the action's provider, `None` when pipewright does
    /// not know them.
    pub(crate) fn of(action: &ActionDeclaration) -> Option<ProviderPermissions> {
        let type_id = &action.action_type_id;
        if type_id.owner != ActionOwner::Aws {
            return None;
        }
        let provider = type_id.provider.as_literal()?;
        Some(match (type_id.category, provider) {
            (ActionCategory::Deploy, "CloudFormation") => ProviderPermissions::CloudFormation,
            (ActionCategory::Build | ActionCategory::Test, "CodeBuild") => ProviderPermissions::CodeBuild,
            (ActionCategory::Source, "CodeCommit") => ProviderPermissions::CodeCommitSource,
            (ActionCategory::Deploy, "CodeDeploy") => ProviderPermissions::CodeDeploy,
            (ActionCategory::Source, "ECR") => ProviderPermissions::EcrSource,
            (ActionCategory::Deploy, "ECS") => ProviderPermissions::Ecs,
            (ActionCategory::Invoke, "Lambda") => ProviderPermissions::LambdaInvoke,
            (ActionCategory::Deploy, "S3") => ProviderPermissions::S3Deploy,
            (ActionCategory::Source, "S3") => ProviderPermissions::S3Source,
            _ => return None,
        })
    }

    /// The statements the action's role needs in `place`; fails, naming the
    /// setting, when a setting they are built from is missing or is not a
    /// literal.
    pub(crate) fn statements(self, action: &ActionDeclaration, place: &Place) -> Result<Vec<PolicyStatement>, String> {
        let setting = |key: &str| -> Result<Option<&str>, String> {
            match action.configuration.as_ref().and_then(|configuration| configuration.get(key)) {
                None => Ok(None),
                Some(value) => value.as_literal().map(Some).ok_or_else(|| {
                    format!(
                        "configuration.{key} is a CloudFormation expression; the role template needs its literal value"
                    )
                }),
            }
        };
        let required = |key: &str| -> Result<&str, String> {
            setting(key)?
                .ok_or_else(|| format!("configuration.{key} is missing; the role's permissions are scoped to it"))
        };
        Ok(match self {
            ProviderPermissions::CloudFormation => {
                let mode = required("ActionMode")?;
                let stack = place.arn("cloudformation", &format!("stack/{}/*", required("StackName")?));
                let actions: &[&str] = match mode {
                    "CREATE_UPDATE" => &[
                        "cloudformation:CreateStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                        "cloudformation:GetStackPolicy",
                        "cloudformation:GetTemplate",
                        "cloudformation:SetStackPolicy",
                        "cloudformation:UpdateStack",
                    ],
                    "REPLACE_ON_FAILURE" => &[
                        "cloudformation:CreateStack",
                        "cloudformation:DeleteStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                        "cloudformation:GetStackPolicy",
                        "cloudformation:GetTemplate",
                        "cloudformation:SetStackPolicy",
                        "cloudformation:UpdateStack",
                    ],
                    "DELETE_ONLY" => &[
                        "cloudformation:DeleteStack",
                        "cloudformation:DescribeStackEvents",
                        "cloudformation:DescribeStacks",
                    ],
                    "CHANGE_SET_REPLACE" => &[
                        "cloudformation:CreateChangeSet",
                        "cloudformation:DeleteChangeSet",
                        "cloudformation:DescribeChangeSet",
                        "cloudformation:DescribeStacks",
                    ],
                    "CHANGE_SET_EXECUTE" => &[
                        "cloudformation:DescribeChangeSet",
                        "cloudformation:DescribeStacks",
                        "cloudformation:ExecuteChangeSet",
                    ],
                    other => {
                        return Err(format!(
                            "configuration.ActionMode \"{other}\" is not an action mode; use CREATE_UPDATE, \
                             REPLACE_ON_FAILURE, DELETE_ONLY, CHANGE_SET_REPLACE or CHANGE_SET_EXECUTE"
                        ))
                    }
                };
                let mut statements = vec![PolicyStatement::allow(actions, [stack])];
                if let Some(deployment_role) = setting("RoleArn")?.filter(|_| mode != "CHANGE_SET_EXECUTE") {
                    statements.push(
                        PolicyStatement::allow(&["iam:PassRole"], [deployment_role])
                            .when(json!({"StringEquals": {"iam:PassedToService": "cloudformation.amazonaws.com"}})),
                    );
                }
                statements
            }
            ProviderPermissions::CodeBuild => {
                let project = place.arn("codebuild", &format!("project/{}", required("ProjectName")?));
                let batch = setting("BatchEnabled")? == Some("true");
                let actions: &[&str] = if batch {
                    &["codebuild:BatchGetBuildBatches", "codebuild:StartBuildBatch"]
                } else {
                    &["codebuild:BatchGetBuilds", "codebuild:StartBuild"]
                };
                vec![PolicyStatement::allow(actions, [project])]
            }
            ProviderPermissions::CodeCommitSource => {
                let repository = place.arn("codecommit", required("RepositoryName")?);
                vec![PolicyStatement::allow(
                    &[
                        "codecommit:CancelUploadArchive",
                        "codecommit:GetBranch",
                        "codecommit:GetCommit",
                        "codecommit:GetRepository",
                        "codecommit:GetUploadArchiveStatus",
                        "codecommit:UploadArchive",
                    ],
                    [repository],
                )]
            }
            ProviderPermissions::CodeDeploy => {
                let application = required("ApplicationName")?;
                let group = required("DeploymentGroupName")?;
                vec![
                    PolicyStatement::allow(
                        &[
                            "codedeploy:GetApplication",
                            "codedeploy:GetApplicationRevision",
                            "codedeploy:RegisterApplicationRevision",
                        ],
                        [place.arn("codedeploy", &format!("application:{application}"))],
                    ),
                    PolicyStatement::allow(
                        &["codedeploy:CreateDeployment", "codedeploy:GetDeployment"],
                        [place.arn("codedeploy", &format!("deploymentgroup:{application}/{group}"))],
                    ),
                    PolicyStatement::allow(
                        &["codedeploy:GetDeploymentConfig"],
                        [place.arn("codedeploy", "deploymentconfig:*")],
                    ),
                ]
            }
            ProviderPermissions::EcrSource => {
                let repository = place.arn("ecr", &format!("repository/{}", required("RepositoryName")?));
                vec![PolicyStatement::allow(&["ecr:DescribeImages"], [repository])]
            }
            ProviderPermissions::Ecs => {
                let service =
                    place.arn("ecs", &format!("service/{}/{}", required("ClusterName")?, required("ServiceName")?));
                vec![
                    PolicyStatement::allow(&["ecs:DescribeServices", "ecs:UpdateService"], [service]),
                    PolicyStatement::allow(&["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"], ["*"]),
                    PolicyStatement::allow(
                        &["iam:PassRole"],
                        [format!("arn:{}:iam::{}:role/*", place.partition, place.account)],
                    )
                    .when(json!({"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}})),
                ]
            }
            ProviderPermissions::LambdaInvoke => {
                let function = required("FunctionName")?;
                let function = if function.starts_with("arn:") {
                    function.to_owned()
                } else {
                    place.arn("lambda", &format!("function:{function}"))
                };
                vec![PolicyStatement::allow(&["lambda:InvokeFunction"], [function])]
            }
            ProviderPermissions::S3Deploy => {
                let bucket = required("BucketName")?;
                let mut statements = vec![
                    PolicyStatement::allow(
                        &["s3:GetBucketAcl", "s3:GetBucketLocation", "s3:GetBucketVersioning"],
                        [place.bucket(bucket)],
                    ),
                    PolicyStatement::allow(
                        &["s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
                        [format!("{}/*", place.bucket(bucket))],
                    ),
                ];
                if let Some(key) = setting("KMSEncryptionKeyARN")? {
                    statements.push(PolicyStatement::allow(&["kms:GenerateDataKey"], [key]));
                }
                statements
            }
            ProviderPermissions::S3Source => {
                let bucket = required("S3Bucket")?;
                let key = required("S3ObjectKey")?;
                vec![
                    PolicyStatement::allow(&["s3:GetBucketLocation", "s3:GetBucketVersioning"], [place.bucket(bucket)]),
                    PolicyStatement::allow(
                        &["s3:GetObject", "s3:GetObjectVersion"],
                        [format!("{}/{key}", place.bucket(bucket))],
                    ),
                ]
            }
        })
    }
}
