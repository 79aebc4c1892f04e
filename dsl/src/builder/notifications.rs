//! Declaring CodeStar Notifications rules on the pipeline builder.

use crate::notifications::NotificationRule;

use super::pipeline::PipelineBuilder;

impl PipelineBuilder<'_> {
    /// Reports the pipeline's events through a notification rule.
    pub fn notify(&mut self, rule: NotificationRule) -> &mut Self {
        self.surroundings.notification_rules.push(rule);
        self
    }
}
