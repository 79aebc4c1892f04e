//! CodeStar Notifications rules that report on a pipeline.
//!
//! A rule is declared with `p.notify(...)`: the typed [`PipelineEvent`]s it
//! reports, its [`DetailType`], and up to ten [`NotificationTarget`]s.

mod event;
mod rule;

pub use event::PipelineEvent;
pub use rule::{DetailType, NotificationRule, NotificationStatus, NotificationTarget};
