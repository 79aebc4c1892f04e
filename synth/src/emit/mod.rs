//! One emitter per output form. Emitters read the model of a finished
//! [`pipewright_dsl::Pipeline`]; they never look at builders.

pub mod api_json;
pub mod cloudformation;
pub mod cross_account;
pub mod events;
pub mod notifications;
