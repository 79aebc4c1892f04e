//! The events a rule matches: source changes that start a pipeline, the
//! pipeline's own state changes, events of other services (a model package
//! approved in SageMaker), and any pattern written as JSON.

use crate::arn::Arn;
use crate::model::{ActionCategory, ActionDeclaration, ActionOwner, Str};
use crate::providers::{self, Watched};

use super::custom::CustomPattern;
use super::states::{ActionExecutionState, ModelApprovalStatus, PipelineExecutionState, StageExecutionState};

/// What an EventBridge rule matches. The emitters write it as an event
/// pattern; values that depend on where the pipeline lives (its name, the
/// repository's ARN) are written per output form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventPattern {
    /// A branch of a CodeCommit repository was created or updated.
    CodeCommitBranch {
        /// The repository name.
        repository: Str,
        /// The branch.
        branch: Str,
        /// The repository's account when it is not the pipeline's (the
        /// account of the source action's role).
        account: Option<String>,
    },
    /// An image was pushed to an ECR repository with this tag.
    EcrImagePush {
        /// The repository name.
        repository: Str,
        /// The image tag.
        tag: Str,
    },
    /// An image was pushed to an ECR repository of the account `account`
    /// (another account's repository, whose events its account forwards to
    /// the pipeline's event bus); any tag when `tag` is `None`.
    EcrImagePushIn {
        /// The repository's account (12 digits).
        account: String,
        /// The repository name.
        repository: Str,
        /// The image tag; `None` matches every tag.
        tag: Option<Str>,
    },
    /// A model package of a SageMaker model package group changed approval
    /// status (`SageMaker Model Package State Change`), e.g. a model approved
    /// in the model registry.
    SageMakerModelPackage {
        /// The model package group's name.
        group: Str,
        /// The statuses to match; empty matches every status.
        statuses: Vec<ModelApprovalStatus>,
    },
    /// Any pattern, as EventBridge reads it: a JSON object whose top-level
    /// keys are event fields (`source`, `detail-type`, `detail`, `account`,
    /// ...). Validation checks its shape.
    Custom(CustomPattern),
    /// An object was written, as CloudTrail data events report it (the
    /// bucket needs a trail logging write data events for the object).
    S3CloudTrail {
        /// The bucket.
        bucket: Str,
        /// The object key.
        key: Str,
    },
    /// An object was created, as the bucket's EventBridge notifications
    /// report it (the bucket needs `EventBridgeEnabled`).
    S3ObjectCreated {
        /// The bucket.
        bucket: Str,
        /// The object key.
        key: Str,
    },
    /// An execution of this pipeline changed state.
    PipelineExecution {
        /// The states to match; empty matches every state.
        states: Vec<PipelineExecutionState>,
    },
    /// A stage of this pipeline changed state.
    StageExecution {
        /// The stage's name.
        stage: Str,
        /// The states to match; empty matches every state.
        states: Vec<StageExecutionState>,
    },
    /// An action of this pipeline changed state.
    ActionExecution {
        /// The stage's name.
        stage: Str,
        /// The action's name.
        action: Str,
        /// The states to match; empty matches every state.
        states: Vec<ActionExecutionState>,
    },
}

/// How the changes of an S3 source are seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum S3ChangeDetection {
    /// CloudTrail data events (`AWS API Call via CloudTrail`); needs a trail
    /// that logs write data events for the object.
    #[default]
    CloudTrail,
    /// The bucket's own EventBridge notifications (`Object Created`); needs
    /// `EventBridgeEnabled` on the bucket.
    ObjectCreated,
}

/// The service that sends the events (`source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventSource {
    /// `aws.codecommit`.
    CodeCommit,
    /// `aws.ecr`.
    Ecr,
    /// `aws.s3`.
    S3,
    /// `aws.codepipeline`.
    CodePipeline,
    /// `aws.sagemaker`.
    SageMaker,
}

impl EventSource {
    /// The text of `source`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventSource::CodeCommit => "aws.codecommit",
            EventSource::Ecr => "aws.ecr",
            EventSource::S3 => "aws.s3",
            EventSource::CodePipeline => "aws.codepipeline",
            EventSource::SageMaker => "aws.sagemaker",
        }
    }
}

/// The kind of event (`detail-type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventDetailType {
    /// `CodeCommit Repository State Change`.
    CodeCommitRepositoryStateChange,
    /// `ECR Image Action`.
    EcrImageAction,
    /// `AWS API Call via CloudTrail`.
    AwsApiCallViaCloudTrail,
    /// `Object Created`.
    ObjectCreated,
    /// `CodePipeline Pipeline Execution State Change`.
    PipelineExecutionStateChange,
    /// `CodePipeline Stage Execution State Change`.
    StageExecutionStateChange,
    /// `CodePipeline Action Execution State Change`.
    ActionExecutionStateChange,
    /// `SageMaker Model Package State Change`.
    SageMakerModelPackageStateChange,
}

impl EventDetailType {
    /// The text of `detail-type`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventDetailType::CodeCommitRepositoryStateChange => "CodeCommit Repository State Change",
            EventDetailType::EcrImageAction => "ECR Image Action",
            EventDetailType::AwsApiCallViaCloudTrail => "AWS API Call via CloudTrail",
            EventDetailType::ObjectCreated => "Object Created",
            EventDetailType::PipelineExecutionStateChange => "CodePipeline Pipeline Execution State Change",
            EventDetailType::StageExecutionStateChange => "CodePipeline Stage Execution State Change",
            EventDetailType::ActionExecutionStateChange => "CodePipeline Action Execution State Change",
            EventDetailType::SageMakerModelPackageStateChange => "SageMaker Model Package State Change",
        }
    }
}

/// The tag an ECR source watches when it sets no `ImageTag`.
const DEFAULT_IMAGE_TAG: &str = "latest";

impl EventPattern {
    /// Any pattern, written as JSON; see [`EventPattern::Custom`].
    ///
    /// ```
    /// use pipewright_dsl::events::EventPattern;
    /// use serde_json::json;
    ///
    /// let pattern = EventPattern::custom(json!({
    ///     "source": ["aws.codepipeline"],
    ///     "detail-type": ["CodePipeline Action Execution State Change"],
    ///     "detail": {"state": ["FAILED"], "type": {"category": ["Deploy"]}},
    /// }));
    /// assert_eq!(pattern.source(), None);
    /// ```
    pub fn custom(pattern: serde_json::Value) -> EventPattern {
        EventPattern::Custom(CustomPattern::new(pattern))
    }

    /// The service that sends the matched events; `None` for a custom
    /// pattern, which says it itself.
    pub fn source(&self) -> Option<EventSource> {
        Some(match self {
            EventPattern::CodeCommitBranch { .. } => EventSource::CodeCommit,
            EventPattern::EcrImagePush { .. } | EventPattern::EcrImagePushIn { .. } => EventSource::Ecr,
            EventPattern::S3CloudTrail { .. } | EventPattern::S3ObjectCreated { .. } => EventSource::S3,
            EventPattern::PipelineExecution { .. }
            | EventPattern::StageExecution { .. }
            | EventPattern::ActionExecution { .. } => EventSource::CodePipeline,
            EventPattern::SageMakerModelPackage { .. } => EventSource::SageMaker,
            EventPattern::Custom(_) => return None,
        })
    }

    /// The kind of the matched events; `None` for a custom pattern.
    pub fn detail_type(&self) -> Option<EventDetailType> {
        Some(match self {
            EventPattern::CodeCommitBranch { .. } => EventDetailType::CodeCommitRepositoryStateChange,
            EventPattern::EcrImagePush { .. } | EventPattern::EcrImagePushIn { .. } => EventDetailType::EcrImageAction,
            EventPattern::S3CloudTrail { .. } => EventDetailType::AwsApiCallViaCloudTrail,
            EventPattern::S3ObjectCreated { .. } => EventDetailType::ObjectCreated,
            EventPattern::PipelineExecution { .. } => EventDetailType::PipelineExecutionStateChange,
            EventPattern::StageExecution { .. } => EventDetailType::StageExecutionStateChange,
            EventPattern::ActionExecution { .. } => EventDetailType::ActionExecutionStateChange,
            EventPattern::SageMakerModelPackage { .. } => EventDetailType::SageMakerModelPackageStateChange,
            EventPattern::Custom(_) => return None,
        })
    }

    /// The pattern of the changes of a source action: a CodeCommit branch,
    /// an ECR image tag or an S3 object. Fails, saying why, for any other
    /// action or when a setting it needs is missing.
    ///
    /// ```
    /// use pipewright_dsl::events::{EventPattern, S3ChangeDetection};
    /// use pipewright_dsl::model::ActionDeclaration;
    ///
    /// let action: ActionDeclaration = serde_json::from_value(serde_json::json!({
    ///     "name": "Image",
    ///     "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "ECR", "version": "1"},
    ///     "configuration": {"RepositoryName": "my-app"}
    /// })).unwrap();
    /// let pattern = EventPattern::source_change(&action, S3ChangeDetection::CloudTrail).unwrap();
    /// assert_eq!(pattern, EventPattern::EcrImagePush { repository: "my-app".into(), tag: "latest".into() });
    /// ```
    pub fn source_change(action: &ActionDeclaration, detection: S3ChangeDetection) -> Result<EventPattern, String> {
        let type_id = &action.action_type_id;
        let provider = type_id.provider.as_literal().unwrap_or_default();
        if type_id.category != ActionCategory::Source || type_id.owner != ActionOwner::Aws {
            return Err(format!(
                "the action is not an AWS source action ({} / {} / {}); rules start pipelines from CodeCommit, ECR and S3 sources",
                type_id.category.as_str(),
                type_id.owner.as_str(),
                type_id.provider
            ));
        }
        let setting = |key: &str, what: &str| -> Result<Str, String> {
            action.configuration.as_ref().and_then(|configuration| configuration.get(key)).cloned().ok_or_else(|| {
                format!("configuration.{key} is missing; it names the {what} whose changes start the pipeline")
            })
        };
        let watched = providers::find(type_id).and_then(|provider| provider.start_rule).map(|rule| rule.watches);
        match (watched, detection) {
            (Some(Watched::S3Object), S3ChangeDetection::CloudTrail) => {
                Ok(EventPattern::S3CloudTrail { bucket: setting("S3Bucket", "bucket")?, key: setting("S3ObjectKey", "object")? })
            }
            (Some(Watched::S3Object), S3ChangeDetection::ObjectCreated) => Ok(EventPattern::S3ObjectCreated {
                bucket: setting("S3Bucket", "bucket")?,
                key: setting("S3ObjectKey", "object")?,
            }),
            (_, S3ChangeDetection::ObjectCreated) => Err(format!(
                "\"Object Created\" events come from S3 buckets, and this is a {provider} source; \
                 use `p.start_on_change(...)` for it"
            )),
            (Some(Watched::CodeCommitBranch), _) => Ok(EventPattern::CodeCommitBranch {
                repository: setting("RepositoryName", "repository")?,
                branch: setting("BranchName", "branch")?,
                account: action
                    .role_arn
                    .as_ref()
                    .and_then(Str::as_literal)
                    .and_then(Arn::parse)
                    .filter(Arn::has_account)
                    .map(|role| role.account.to_owned()),
            }),
            (Some(Watched::EcrImageTag), _) => Ok(EventPattern::EcrImagePush {
                repository: setting("RepositoryName", "repository")?,
                tag: setting("ImageTag", "image tag").unwrap_or_else(|_| DEFAULT_IMAGE_TAG.into()),
            }),
            (None, _) if provider == "CodeStarSourceConnection" => Err(
                "a CodeStarSourceConnection source starts the pipeline itself (DetectChanges) or through \
                 `p.trigger(...)`; EventBridge rules start pipelines from CodeCommit, ECR and S3 sources"
                    .to_owned(),
            ),
            _ => Err(format!(
                "\"{}\" sources do not report changes to EventBridge; rules start pipelines from CodeCommit, ECR and S3 sources",
                type_id.provider
            )),
        }
    }
}
