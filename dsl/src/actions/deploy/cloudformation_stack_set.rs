//! `Deploy / AWS / CloudFormationStackSet / 1`: creates or updates a stack
//! set; also what the stack instances action shares with it (where instances
//! go, the template parameters, the output variables).

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::artifact::ArtifactPath;
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers;
use crate::providers::cloudformation_stack_set::{
    OrganizationsAutoDeployment, StackSetCapability, StackSetPermissionModel,
};
use crate::text::Text;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of the stack set actions
    /// ([`CloudFormationStackSet`] and
    /// [`CloudFormationStackInstances`](crate::actions::CloudFormationStackInstances)).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let stack_set = p.stage("Deploy", |s| {
    ///         s.add(CloudFormationStackSet::new("StackSet", "my-stack-set", source.artifact().path("template.yaml")))
    ///     });
    ///     assert_eq!(stack_set.vars().operation_id().to_string(), "#{Deploy_StackSet.OperationId}");
    /// });
    /// ```
    StackSetVariables {
        /// `StackSetId`: the stack set's id.
        stack_set_id => "StackSetId",
        /// `OperationId`: the id of the stack set operation the action ran.
        operation_id => "OperationId",
    }
}

/// Where a stack set operation puts instances (`DeploymentTargets`): AWS
/// accounts, organizational units (service-managed stack sets), or a JSON
/// file of either inside an artifact.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let targets = StackSetTargets::accounts(&["111111222222", "333333444444"]);
/// # let _ = targets;
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum StackSetTargets<'p> {
    /// AWS account ids, written comma-separated.
    Accounts(Vec<String>),
    /// Organizational unit ids (`ou-...`), written comma-separated.
    OrganizationalUnits(Vec<String>),
    /// A JSON file listing the targets; its artifact becomes an input of the
    /// action.
    File(ArtifactPath<'p>),
}

impl<'p> StackSetTargets<'p> {
    /// These AWS accounts.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// assert!(matches!(StackSetTargets::accounts(&["111111222222"]), StackSetTargets::Accounts(_)));
    /// ```
    pub fn accounts(accounts: &[&str]) -> Self {
        StackSetTargets::Accounts(accounts.iter().map(|account| (*account).to_owned()).collect())
    }

    /// These organizational units.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let targets = StackSetTargets::organizational_units(&["ou-abcd-12345678"]);
    /// assert!(matches!(targets, StackSetTargets::OrganizationalUnits(_)));
    /// ```
    pub fn organizational_units(units: &[&str]) -> Self {
        StackSetTargets::OrganizationalUnits(units.iter().map(|unit| (*unit).to_owned()).collect())
    }

    /// The targets listed in `file`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let targets = StackSetTargets::file(source.artifact().path("targets.json"));
    ///     assert!(matches!(targets, StackSetTargets::File(_)));
    /// });
    /// ```
    pub fn file(file: impl PathInput<'p>) -> Self {
        StackSetTargets::File(file.into_path())
    }

    /// Writes the targets as `DeploymentTargets`.
    pub(super) fn write(self, spec: &mut ActionSpec<'p>) {
        match self {
            StackSetTargets::Accounts(ids) | StackSetTargets::OrganizationalUnits(ids) => {
                spec.set("DeploymentTargets", ids.join(","));
            }
            StackSetTargets::File(file) => spec.set_path("DeploymentTargets", file),
        }
    }
}

/// Template parameters in the stack set actions' shorthand:
/// `ParameterKey=k,ParameterValue=v` entries separated by spaces (a value
/// cannot hold a space or a comma; use a parameters file for such values).
pub(super) fn parameters_shorthand(parameters: &[(&str, &str)]) -> String {
    let entries: Vec<String> =
        parameters.iter().map(|(key, value)| format!("ParameterKey={key},ParameterValue={value}")).collect();
    entries.join(" ")
}

/// Gives a stack set action the percentage setters of a stack set operation.
macro_rules! operation_percentages {
    ($type:ident) => {
        impl<'p> $type<'p> {
            /// `FailureTolerancePercentage`: the share of accounts per Region
            /// (0..=100) in which the operation may fail before it stops.
            pub fn failure_tolerance_percentage(mut self, percent: u8) -> Self {
                self.spec.set("FailureTolerancePercentage", percent.to_string());
                self
            }

            /// `MaxConcurrentPercentage`: the share of accounts per Region
            /// (1..=100) worked on at once.
            pub fn max_concurrent_percentage(mut self, percent: u8) -> Self {
                self.spec.set("MaxConcurrentPercentage", percent.to_string());
                self
            }
        }
    };
}
pub(super) use operation_percentages;

/// `Deploy / AWS / CloudFormationStackSet / 1`: creates a stack set from a
/// template, or updates it (and its instances); run it in the Organizations
/// management account. Files it reads (template, parameters, targets) are
/// `artifact.path("file")` and wire their artifacts as inputs (at most 3).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(
///             CloudFormationStackSet::new("StackSet", "my-stack-set", source.artifact().path("template.yaml"))
///                 .capabilities(&[StackSetCapability::NamedIam])
///                 .deployment_targets(StackSetTargets::accounts(&["111111222222"]), &["us-east-1"]),
///         )
///     });
/// });
/// let configuration = pipeline.declaration().stages[1].actions[0].configuration.clone().unwrap();
/// assert_eq!(configuration["TemplatePath"], "CheckoutOutput::template.yaml");
/// assert_eq!(configuration["Regions"], "us-east-1");
/// ```
#[derive(Clone, Debug)]
pub struct CloudFormationStackSet<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> CloudFormationStackSet<'p> {
    /// Creates or updates `stack_set_name` from `template`.
    pub fn new(name: impl Into<Str>, stack_set_name: impl Into<Text<'p>>, template: impl PathInput<'p>) -> Self {
        let mut spec = providers::CLOUDFORMATION_STACK_SET.action(name);
        spec.set("StackSetName", stack_set_name);
        spec.set_path("TemplatePath", template.into_path());
        CloudFormationStackSet { spec }
    }

    /// `Description`: the stack set's description.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .description("Account guardrails")
    /// #     ));
    /// # });
    /// ```
    pub fn description(mut self, description: impl Into<Text<'p>>) -> Self {
        self.spec.set("Description", description);
        self
    }

    /// `Parameters`: template parameters as key and value pairs (written in
    /// AWS's shorthand; a value may hold neither a space nor a comma, use
    /// [`CloudFormationStackSet::parameters_file`] for such values).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .parameters(&[("Stage", "prod")])
    /// #     ));
    /// # });
    /// ```
    pub fn parameters(mut self, parameters: &[(&str, &str)]) -> Self {
        self.spec.set("Parameters", parameters_shorthand(parameters));
        self
    }

    /// `Parameters`: a JSON file of template parameters; its artifact becomes
    /// an input.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .parameters_file(source.artifact().path("parameters.json"))
    /// #     ));
    /// # });
    /// ```
    pub fn parameters_file(mut self, file: impl PathInput<'p>) -> Self {
        self.spec.set_path("Parameters", file.into_path());
        self
    }

    /// `Capabilities`: what the template may do (written comma-separated).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .capabilities(&StackSetCapability::ALL)
    /// #     ));
    /// # });
    /// ```
    pub fn capabilities(mut self, capabilities: &[StackSetCapability]) -> Self {
        let joined: Vec<&str> = capabilities.iter().map(|capability| capability.as_str()).collect();
        self.spec.set("Capabilities", joined.join(","));
        self
    }

    /// `PermissionModel`: who creates the roles the operations use
    /// (self-managed by default).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .permission_model(StackSetPermissionModel::ServiceManaged)
    /// #     ));
    /// # });
    /// ```
    pub fn permission_model(mut self, model: StackSetPermissionModel) -> Self {
        self.spec.set("PermissionModel", model.as_str());
        self
    }

    /// `AdministrationRoleArn` (self-managed only): the role CloudFormation
    /// uses to reach the target accounts (by default
    /// `AWSCloudFormationStackSetAdministrationRole`).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .administration_role_arn("arn:aws:iam::123456789012:role/StackSetAdmin")
    /// #     ));
    /// # });
    /// ```
    pub fn administration_role_arn(mut self, role: impl Into<Text<'p>>) -> Self {
        self.spec.set("AdministrationRoleArn", role);
        self
    }

    /// `ExecutionRoleName` (self-managed only): the role assumed in each
    /// target account (by default `AWSCloudFormationStackSetExecutionRole`).
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .execution_role_name("StackSetExecution")
    /// #     ));
    /// # });
    /// ```
    pub fn execution_role_name(mut self, role_name: impl Into<Text<'p>>) -> Self {
        self.spec.set("ExecutionRoleName", role_name);
        self
    }

    /// `OrganizationsAutoDeployment` (service-managed only): whether accounts
    /// joining the target organizational units get instances; with it, set
    /// no deployment targets.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .permission_model(StackSetPermissionModel::ServiceManaged)
    ///     .organizations_auto_deployment(OrganizationsAutoDeployment::Enabled)
    /// #     ));
    /// # });
    /// ```
    pub fn organizations_auto_deployment(mut self, setting: OrganizationsAutoDeployment) -> Self {
        self.spec.set("OrganizationsAutoDeployment", setting.as_str());
        self
    }

    /// `DeploymentTargets` and `Regions` (each needs the other): puts
    /// instances in `targets`, in `regions` in that order.
    ///
    /// ```
    /// # use pipewright_dsl::prelude::*;
    /// # Pipeline::build("p", |p| {
    /// #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    /// #     p.stage("Deploy", |s| s.add(
    /// CloudFormationStackSet::new("StackSet", "guardrails", source.artifact().path("template.yaml"))
    ///     .deployment_targets(StackSetTargets::organizational_units(&["ou-abcd-12345678"]), &["eu-west-1", "us-east-1"])
    /// #     ));
    /// # });
    /// ```
    pub fn deployment_targets(mut self, targets: StackSetTargets<'p>, regions: &[&str]) -> Self {
        targets.write(&mut self.spec);
        self.spec.set("Regions", regions.join(","));
        self
    }
}

operation_percentages!(CloudFormationStackSet);

typed_action!(
    CloudFormationStackSet<'p>,
    NonSourceAction + CrossRegionAction,
    ActionHandle<'p, 0, StackSetVariables<'p>>
);
