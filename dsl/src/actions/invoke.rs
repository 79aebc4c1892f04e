//! Invoke actions: a Lambda function or a Step Functions state machine.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::actions::{input_setter, output_setters};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;
use crate::variables::{variable_set, NamedVariables};

/// `Invoke / AWS / Lambda / 1`: calls a function with the job's details; the
/// function reports back with `PutJobSuccessResult` or
/// `PutJobFailureResult`. It takes 0..5 inputs and produces `N` (0..5)
/// outputs; its variables are the `outputVariables` the function reports.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let check = p.stage("Check", |s| {
///         s.add(LambdaInvoke::new("Check", "check-function")
///             .user_parameters(source.vars().commit_id())
///             .input(source.artifact())
///             .output("Report"))
///     });
///     let [_report] = check.artifacts;
///     let _verdict: Var = check.vars().get("Verdict");
/// });
/// ```
#[derive(Clone, Debug)]
pub struct LambdaInvoke<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> LambdaInvoke<'p, 0> {
    /// Calls `function_name`.
    pub fn new(name: impl Into<Str>, function_name: impl Into<Text<'p>>) -> Self {
        let mut spec = providers::LAMBDA_INVOKE.action(name);
        spec.set("FunctionName", function_name);
        LambdaInvoke { spec }
    }
}

impl<'p, const N: usize> LambdaInvoke<'p, N> {
    /// `UserParameters`: a free string handed to the function; may
    /// reference variables.
    pub fn user_parameters(mut self, parameters: impl Into<Text<'p>>) -> Self {
        self.spec.set("UserParameters", parameters);
        self
    }
}

input_setter!(LambdaInvoke: "0..5 in all");
output_setters!(LambdaInvoke: 0 => 1, 1 => 2, 2 => 3, 3 => 4, 4 => 5);

typed_action!(LambdaInvoke<'p, const N: usize>, NonSourceAction + CrossRegionAction, ActionHandle<'p, N, NamedVariables<'p>>);

variable_set! {
    /// Output variables of a Step Functions invoke action.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let run = p.stage("Invoke", |s| s.add(StepFunctionsInvoke::new("Workflow", "arn:aws:states:us-east-1:123456789012:stateMachine:m")));
    ///     assert_eq!(run.vars().state_machine_arn().to_string(), "#{Invoke_Workflow.StateMachineArn}");
    /// });
    /// ```
    StepFunctionsVariables {
        /// `StateMachineArn`.
        state_machine_arn => "StateMachineArn",
        /// `ExecutionArn` (Standard state machines only).
        execution_arn => "ExecutionArn",
    }
}

/// `Invoke / AWS / StepFunctions / 1`: starts an execution of a state
/// machine and waits for it. The input is literal JSON
/// ([`StepFunctionsInvoke::literal_input`], `{}` by default) or a file of an
/// input artifact ([`StepFunctionsInvoke::file_input`]); `.output(name)`
/// declares one artifact holding the execution's output (Standard state
/// machines only).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Invoke", |s| {
///         s.add(StepFunctionsInvoke::new("Workflow", "arn:aws:states:us-east-1:123456789012:stateMachine:release")
///             .execution_name_prefix("release")
///             .file_input(source.artifact().path("input.json"))
///             .output("WorkflowOutput"))
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
/// assert_eq!(configuration["InputType"], "FilePath");
/// assert_eq!(configuration["Input"], "input.json");
/// ```
#[derive(Clone, Debug)]
pub struct StepFunctionsInvoke<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
}

impl<'p> StepFunctionsInvoke<'p, 0> {
    /// Starts an execution of `state_machine_arn`.
    pub fn new(name: impl Into<Str>, state_machine_arn: impl Into<Text<'p>>) -> Self {
        let mut spec = providers::STEP_FUNCTIONS.action(name);
        spec.set("StateMachineArn", state_machine_arn);
        StepFunctionsInvoke { spec }
    }
}

impl<'p, const N: usize> StepFunctionsInvoke<'p, N> {
    /// `ExecutionNamePrefix`: executions are named
    /// `<prefix>-<actionExecutionId>`.
    pub fn execution_name_prefix(mut self, prefix: impl Into<Text<'p>>) -> Self {
        self.spec.set("ExecutionNamePrefix", prefix);
        self
    }

    /// `InputType` `Literal`: `json` is the execution's input; may reference
    /// variables.
    pub fn literal_input(mut self, json: impl Into<Text<'p>>) -> Self {
        self.spec.set("InputType", providers::INPUT_TYPE_LITERAL);
        self.spec.set("Input", json);
        self
    }

    /// `InputType` `FilePath`: the execution's input is the file `file`; its
    /// artifact becomes the action's input.
    pub fn file_input(mut self, file: impl PathInput<'p>) -> Self {
        let path = file.into_path();
        self.spec.set("InputType", providers::INPUT_TYPE_FILE_PATH);
        self.spec.set("Input", path.file().clone());
        self.spec.input(path.artifact());
        self
    }
}

output_setters!(StepFunctionsInvoke: 0 => 1);

typed_action!(
    StepFunctionsInvoke<'p, const N: usize>, NonSourceAction + CrossRegionAction,
    ActionHandle<'p, N, StepFunctionsVariables<'p>>
);
