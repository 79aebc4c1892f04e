//! Approval actions.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::NoVariables;

/// `Approval / AWS / Manual / 1`: stops the pipeline until a person approves
/// or rejects. It takes no input and produces nothing, so it has no method to
/// add either.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Approval", |s| {
///         s.add(ManualApproval::new("ManualApproval")
///             .notification_arn("arn:aws:sns:us-east-1:123456789012:approvals")
///             .custom_data(Text::concat(["Review commit ".into(), source.vars().commit_id().into()]))
///             .external_entity_link("https://example.com/review")
///             .timeout_in_minutes(60))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct ManualApproval<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> ManualApproval<'p> {
    /// An approval gate named `name`.
    pub fn new(name: impl Into<Str>) -> Self {
        ManualApproval { spec: providers::MANUAL.action(name) }
    }

    /// `NotificationArn`: the SNS topic told that an approval is waiting (the
    /// pipeline's role needs `sns:Publish` on it).
    pub fn notification_arn(mut self, topic_arn: impl Into<Text<'p>>) -> Self {
        self.spec.set("NotificationArn", topic_arn);
        self
    }

    /// `CustomData`: text shown to the approver; may reference variables.
    pub fn custom_data(mut self, text: impl Into<Text<'p>>) -> Self {
        self.spec.set("CustomData", text);
        self
    }

    /// `ExternalEntityLink`: a URL for the approver to review.
    pub fn external_entity_link(mut self, url: impl Into<Text<'p>>) -> Self {
        self.spec.set("ExternalEntityLink", url);
        self
    }

    /// `timeoutInMinutes`: how long the approval waits (5..86400; AWS's
    /// default is 7 days).
    pub fn timeout_in_minutes(mut self, minutes: u32) -> Self {
        self.spec.set_timeout_in_minutes(minutes);
        self
    }
}

typed_action!(ManualApproval<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
