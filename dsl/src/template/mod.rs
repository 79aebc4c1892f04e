//! What a CloudFormation template holds besides the pipeline: typed
//! [`Parameter`]s, whose reference is usable wherever an expression is, and
//! companion [`Resource`]s with their logical ids (raw, or typed where
//! pipewright knows the type, as [`IamPolicy`]).
//!
//! A pipeline declares them with
//! [`PipelineBuilder::parameter`](crate::PipelineBuilder::parameter) and
//! [`PipelineBuilder::resource`](crate::PipelineBuilder::resource).
//!
//! ```
//! use pipewright_dsl::template::{IamPolicy, Parameter, Resource};
//! use serde_json::json;
//!
//! let env = Parameter::string("Env").default_value("dev").allowed_values(["dev", "prod"]);
//! assert_eq!(serde_json::to_value(&env.reference()).unwrap(), json!({"Ref": "Env"}));
//! assert_eq!(
//!     env.to_json(),
//!     json!({"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]})
//! );
//!
//! let topic = Resource::new("AlertsTopic", "AWS::SNS::Topic", json!({}));
//! assert_eq!(topic.to_json(), json!({"Type": "AWS::SNS::Topic", "Properties": {}}));
//! let policy: Resource = IamPolicy::new("PipelinePolicy", "pipeline-access", json!({"Version": "2012-10-17", "Statement": []}))
//!     .role("PipelineRole")
//!     .into();
//! assert_eq!(policy.resource_type(), "AWS::IAM::Policy");
//! ```

mod iam_policy;
mod logical_id;
mod parameter;
mod resource;

pub use iam_policy::IamPolicy;
pub use logical_id::{is_logical_id, LOGICAL_ID_MAX_CHARS};
pub use parameter::{Parameter, ParameterType};
pub use resource::Resource;
