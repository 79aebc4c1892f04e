//! One CodeStar Notifications rule on the pipeline.

use heck::ToKebabCase;

use crate::model::Str;

use super::event::PipelineEvent;

/// A notification rule: which pipeline events are reported, how much of
/// them, and to whom (`aws codestar-notifications create-notification-rule`,
/// `AWS::CodeStarNotifications::NotificationRule`).
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_dsl::notifications::{DetailType, NotificationRule, NotificationTarget, PipelineEvent};
///
/// let pipeline = Pipeline::build("my-pipeline", |p| {
///     p.notify(
///         NotificationRule::new(
///             "pipeline-notifications",
///             [PipelineEvent::PipelineExecutionFailed, PipelineEvent::PipelineExecutionSucceeded],
///         )
///         .detail_type(DetailType::Full)
///         .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:notifications")),
///     );
/// });
/// assert_eq!(pipeline.notification_rules()[0].events.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationRule {
    /// The rule's name (`[A-Za-z0-9\-_ ]+`, 1..64), unique in the account;
    /// its file and logical id are named after it.
    pub name: String,
    /// The `Name` written instead of [`NotificationRule::name`], set with
    /// [`NotificationRule::rule_name`] (e.g. an expression of the stack's name).
    pub rule_name: Option<Str>,
    /// Resource tags (`Tags`, a map), in declaration order.
    pub tags: Vec<(String, Str)>,
    /// The events reported, without repeats, in the order given.
    pub events: Vec<PipelineEvent>,
    /// How much of each event is sent.
    pub detail_type: DetailType,
    /// Where the notifications go (1..10).
    pub targets: Vec<NotificationTarget>,
    /// Whether the rule is active; AWS enables it when this is not set.
    pub status: Option<NotificationStatus>,
    /// The ARN of the pipeline the rule watches (`Resource`) as written, set
    /// with [`NotificationRule::resource`]; synth derives it otherwise.
    pub resource: Option<Str>,
}

/// How much of each event a notification carries (`DetailType`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DetailType {
    /// `BASIC`: the event only.
    Basic,
    /// `FULL`: the event plus what the service adds (the default).
    #[default]
    Full,
}

impl DetailType {
    /// The text of `DetailType`.
    pub fn as_str(self) -> &'static str {
        match self {
            DetailType::Basic => "BASIC",
            DetailType::Full => "FULL",
        }
    }
}

/// Where a notification goes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotificationTarget {
    /// An SNS topic (its policy must let `codestar-notifications.amazonaws.com` publish).
    Sns(Str),
    /// An AWS Chatbot Slack channel configuration.
    AwsChatbotSlack(Str),
}

impl NotificationTarget {
    /// An SNS topic by ARN.
    pub fn sns(topic_arn: impl Into<Str>) -> Self {
        NotificationTarget::Sns(topic_arn.into())
    }

    /// An AWS Chatbot Slack channel configuration by ARN.
    pub fn chatbot_slack(configuration_arn: impl Into<Str>) -> Self {
        NotificationTarget::AwsChatbotSlack(configuration_arn.into())
    }

    /// The text of `TargetType`.
    pub fn target_type(&self) -> &'static str {
        match self {
            NotificationTarget::Sns(_) => "SNS",
            NotificationTarget::AwsChatbotSlack(_) => "AWSChatbotSlack",
        }
    }

    /// The target's ARN (`TargetAddress`).
    pub fn address(&self) -> &Str {
        match self {
            NotificationTarget::Sns(address) | NotificationTarget::AwsChatbotSlack(address) => address,
        }
    }
}

/// Whether a notification rule is active (`Status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotificationStatus {
    /// `ENABLED`.
    Enabled,
    /// `DISABLED`.
    Disabled,
}

impl NotificationStatus {
    /// The text of `Status`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationStatus::Enabled => "ENABLED",
            NotificationStatus::Disabled => "DISABLED",
        }
    }
}

impl NotificationRule {
    /// A rule named `name` that reports `events` (a repeated event is kept
    /// once) with full detail; add its targets with
    /// [`NotificationRule::target`].
    pub fn new(name: impl Into<String>, events: impl IntoIterator<Item = PipelineEvent>) -> Self {
        let mut unique = Vec::new();
        for event in events {
            if !unique.contains(&event) {
                unique.push(event);
            }
        }
        NotificationRule {
            name: name.into(),
            rule_name: None,
            tags: Vec::new(),
            events: unique,
            detail_type: DetailType::default(),
            targets: Vec::new(),
            status: None,
            resource: None,
        }
    }

    /// How much of each event is sent; `FULL` by default.
    pub fn detail_type(mut self, detail_type: DetailType) -> Self {
        self.detail_type = detail_type;
        self
    }

    /// Adds a target (at most 10).
    pub fn target(mut self, target: NotificationTarget) -> Self {
        self.targets.push(target);
        self
    }

    /// Enables or disables the rule explicitly.
    pub fn status(mut self, status: NotificationStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// The ARN of the pipeline the rule watches (`Resource`), as written,
    /// instead of the one synth derives: in the template
    /// `{"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${<logical id>}"}`,
    /// in the CLI form the literal ARN from the pipeline's Region, account
    /// and name. Give a static ARN
    /// (`arn:aws:codepipeline:us-east-1:123456789012:my-pipeline`), which
    /// both forms then write and which needs no Region or account, or a
    /// template's own form of the ARN (an `Fn::Sub` with a fixed partition,
    /// an `Fn::Join`), which only the template writes: the CLI form then
    /// derives the ARN as usual. It names the pipeline the rule is declared
    /// with.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::notifications::{NotificationRule, PipelineEvent};
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.notify(
    ///         NotificationRule::new("failures", [PipelineEvent::PipelineExecutionFailed])
    ///             .resource("arn:aws:codepipeline:us-east-1:123456789012:my-pipeline"),
    ///     );
    ///     p.notify(
    ///         NotificationRule::new("successes", [PipelineEvent::PipelineExecutionSucceeded])
    ///             .resource(cfn::sub("arn:aws:codepipeline:${AWS::Region}:${AWS::AccountId}:${Pipeline}")),
    ///     );
    /// });
    /// let rules = pipeline.notification_rules();
    /// assert_eq!(rules[0].resource.as_ref().unwrap(), "arn:aws:codepipeline:us-east-1:123456789012:my-pipeline");
    /// assert!(!rules[1].resource.as_ref().unwrap().is_literal());
    /// ```
    pub fn resource(mut self, pipeline_arn: impl Into<Str>) -> Self {
        self.resource = Some(pipeline_arn.into());
        self
    }

    /// The `Name` written, instead of the name the rule was declared with
    /// (which still names its file and logical id): e.g.
    /// `cfn::sub("${AWS::StackName}-notifications")`. The CLI form needs a
    /// literal.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::notifications::{NotificationRule, PipelineEvent};
    ///
    /// let rule = NotificationRule::new("failures", [PipelineEvent::PipelineExecutionFailed])
    ///     .rule_name(cfn::sub("${AWS::StackName}-failures"))
    ///     .tag("team", cfn::reference("Team"));
    /// assert_eq!(rule.deployed_name(), cfn::sub("${AWS::StackName}-failures"));
    /// assert_eq!(rule.file_stem(), "failures");
    /// ```
    pub fn rule_name(mut self, name: impl Into<Str>) -> Self {
        self.rule_name = Some(name.into());
        self
    }

    /// Adds a resource tag; the value may be an expression.
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<Str>) -> Self {
        self.tags.push((key.into(), value.into()));
        self
    }

    /// The `Name` written: [`NotificationRule::rule_name`] when set, else
    /// the name the rule was declared with.
    pub fn deployed_name(&self) -> Str {
        self.rule_name.clone().unwrap_or_else(|| Str::from(self.name.as_str()))
    }

    /// The kebab-case form of the name, which the rule's file name and
    /// logical id are built from.
    pub fn file_stem(&self) -> String {
        self.name.to_kebab_case()
    }
}
