//! Invoke providers with typed actions: Lambda and Step Functions.

use super::{artifacts, ConfigKey, Permission, Permissions, ProviderDescription, Resource};
use crate::model::ActionCategory;

/// `Invoke / AWS / Lambda / 1`: calls a function.
pub static LAMBDA_INVOKE: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Invoke], "Lambda", artifacts(0, 5), artifacts(0, 5))
        .configuration(&[ConfigKey::required("FunctionName"), ConfigKey::optional("UserParameters")])
        .permissions(Permissions {
            mode: None,
            statements: &[Permission::allow(
                &["lambda:InvokeFunction"],
                Resource::NameOrArn { key: "FunctionName", service: "lambda", path: "function:{FunctionName}" },
            )],
        });

/// `InputType` when `Input` is the execution's input itself.
pub(crate) const INPUT_TYPE_LITERAL: &str = "Literal";
/// `InputType` when `Input` is the path of a file in the input artifact.
pub(crate) const INPUT_TYPE_FILE_PATH: &str = "FilePath";

/// `Invoke / AWS / StepFunctions / 1`: starts a state machine execution.
pub static STEP_FUNCTIONS: ProviderDescription =
    ProviderDescription::aws(&[ActionCategory::Invoke], "StepFunctions", artifacts(0, 1), artifacts(0, 1))
        .configuration(&[
            ConfigKey::required("StateMachineArn"),
            ConfigKey::optional("ExecutionNamePrefix"),
            ConfigKey::optional("InputType").one_of(&[INPUT_TYPE_LITERAL, INPUT_TYPE_FILE_PATH]),
            ConfigKey::optional("Input"),
        ])
        .variables(&["StateMachineArn", "ExecutionArn"]);
