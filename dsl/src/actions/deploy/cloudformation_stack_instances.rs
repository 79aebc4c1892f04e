//! `Deploy / AWS / CloudFormationStackInstances / 1`: creates or updates the
//! instances of an existing stack set.

use super::cloudformation_stack_set::{
    operation_percentages, parameters_shorthand, StackSetTargets, StackSetVariables,
};
use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers;
use crate::text::Text;

/// `Deploy / AWS / CloudFormationStackInstances / 1`: creates the instances
/// of a stack set (made by
/// [`CloudFormationStackSet`](crate::actions::CloudFormationStackSet)) in
/// `regions`, or updates them. Files it reads (targets, parameter overrides)
/// are `artifact.path("file")` and wire their artifacts as inputs (at most 2).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(
///             CloudFormationStackInstances::new("Instances", "my-stack-set", &["us-east-1", "eu-west-1"])
///                 .deployment_targets(StackSetTargets::accounts(&["111111222222"])),
///         )
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.clone().unwrap();
/// assert_eq!(configuration["Regions"], "us-east-1,eu-west-1");
/// ```
#[derive(Clone, Debug)]
pub struct CloudFormationStackInstances<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CloudFormationStackInstances<'p> {
    /// Creates or updates the instances of `stack_set_name` in `regions`
    /// (in that order).
    pub fn new(name: impl Into<Str>, stack_set_name: impl Into<Text<'p>>, regions: &[&str]) -> Self {
        let mut spec = providers::CLOUDFORMATION_STACK_INSTANCES.action(name);
        spec.set("StackSetName", stack_set_name);
        spec.set("Regions", regions.join(","));
        CloudFormationStackInstances { spec }
    }

    /// `DeploymentTargets`: the accounts, organizational units or targets
    /// file to put instances in.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"])
    ///     .deployment_targets(StackSetTargets::file(source.artifact().path("targets.json")))
    /// #     ));
    /// # });
    /// ```
    pub fn deployment_targets(mut self, targets: StackSetTargets<'p>) -> Self {
        targets.write(&mut self.spec);
        self
    }

    /// `ParameterOverrides`: template parameters for these instances as key
    /// and value pairs (AWS's shorthand; a value may hold neither a space nor
    /// a comma, use
    /// [`CloudFormationStackInstances::parameter_overrides_file`] for such
    /// values).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"])
    ///     .parameter_overrides(&[("Stage", "prod")])
    /// #     ));
    /// # });
    /// ```
    pub fn parameter_overrides(mut self, parameters: &[(&str, &str)]) -> Self {
        self.spec.set("ParameterOverrides", parameters_shorthand(parameters));
        self
    }

    /// `ParameterOverrides`: a JSON file of template parameters; its artifact
    /// becomes an input.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackInstances::new("Instances", "guardrails", &["us-east-1"])
    ///     .parameter_overrides_file(source.artifact().path("overrides.json"))
    /// #     ));
    /// # });
    /// ```
    pub fn parameter_overrides_file(mut self, file: impl PathInput<'p>) -> Self {
        self.spec.set_path("ParameterOverrides", file.into_path());
        self
    }
}

operation_percentages!(CloudFormationStackInstances);

typed_action!(
    CloudFormationStackInstances<'p>,
    NonSourceAction + CrossRegionAction,
    ActionHandle<'p, 0, StackSetVariables<'p>>
);
