//! `Deploy / AWS / CloudFormation / 1`: stacks and change sets.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec, ConfigValue};
use crate::actions::json_text;
use crate::artifact::GetParam;
use crate::inputs::{ArtifactInput, PathInput};
use crate::model::Str;
use crate::providers;
use crate::providers::cloudformation::{Capability, CloudFormationActionMode};
use crate::text::Text;
use crate::variables::{NamedVariables, PipelineVar, Var};

/// `Deploy / AWS / CloudFormation / 1`: creates, updates or deletes a stack,
/// or creates or executes a change set; one constructor per
/// [`CloudFormationActionMode`].
///
/// The template and the template configuration are files inside input
/// artifacts, given as `artifact.path("file")`; their artifacts become inputs
/// of the action. Every mode that changes a stack or a change set takes the
/// deployment role (`RoleArn`): the service role CloudFormation assumes to
/// change the stack, in the same account as the action's own role
/// ([`crate::ActionSettings::role_arn`]); `execute_change_set` uses the role
/// of the change set. The action's variables are the stack's outputs. With
/// [`CloudFormationDeploy::output_file_name`] it also produces one artifact
/// holding the outputs as JSON.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// let pipeline = Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     let [built] = p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "project", source.artifact()).output("BuildOutput")).artifacts
///     });
///     p.stage("Deploy", |s| {
///         let plan = s.add(
///             CloudFormationDeploy::create_replace_change_set(
///                 "Plan",
///                 "my-stack",
///                 "my-change-set",
///                 built.path("template.yaml"),
///                 "arn:aws:iam::123456789012:role/CloudFormationRole",
///             )
///             .capabilities(&[Capability::Iam, Capability::AutoExpand]),
///         );
///         s.add(CloudFormationDeploy::execute_change_set("Apply", "my-stack", "my-change-set").after(&plan));
///     });
/// });
/// let plan = &pipeline.declaration().stages[2].actions[0];
/// assert_eq!(plan.input_artifacts.as_ref().unwrap()[0].name, "BuildOutput");
/// let configuration = plan.configuration.as_ref().unwrap();
/// assert_eq!(configuration["Capabilities"], "CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND");
/// assert_eq!(configuration["RoleArn"], "arn:aws:iam::123456789012:role/CloudFormationRole");
/// assert_eq!(pipeline.declaration().stages[2].actions[1].run_order, Some(2));
/// ```
#[derive(Clone, Debug)]
pub struct CloudFormationDeploy<'p, const N: usize = 0> {
    spec: ActionSpec<'p>,
    /// `RoleArn`, written after the other settings when the action is added
    /// (where AWS's examples put it); `None` for `CHANGE_SET_EXECUTE`.
    deployment_role_arn: Option<Text<'p>>,
}

impl<'p> CloudFormationDeploy<'p, 0> {
    fn with_mode(name: impl Into<Str>, mode: CloudFormationActionMode, stack_name: impl Into<Text<'p>>) -> Self {
        let mut spec = providers::CLOUDFORMATION.action(name);
        spec.set("ActionMode", mode.as_str());
        spec.set("StackName", stack_name);
        CloudFormationDeploy { spec, deployment_role_arn: None }
    }

    fn template(mut self, template: impl PathInput<'p>) -> Self {
        self.spec.set_path("TemplatePath", template.into_path());
        self
    }

    fn change_set_name(mut self, change_set_name: impl Into<Text<'p>>) -> Self {
        self.spec.set("ChangeSetName", change_set_name);
        self
    }

    fn with_deployment_role(mut self, deployment_role: impl Into<Text<'p>>) -> Self {
        self.deployment_role_arn = Some(deployment_role.into());
        self
    }

    /// A stack deployed from `template` in `mode`, with `deployment_role`.
    fn stack_from_template(
        name: impl Into<Str>,
        mode: CloudFormationActionMode,
        stack_name: impl Into<Text<'p>>,
        template: impl PathInput<'p>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        CloudFormationDeploy::with_mode(name, mode, stack_name).template(template).with_deployment_role(deployment_role)
    }

    /// `CREATE_UPDATE`: creates `stack_name` from `template`, or updates it,
    /// with `deployment_role`.
    pub fn create_update(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        template: impl PathInput<'p>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        let mode = CloudFormationActionMode::CreateUpdate;
        CloudFormationDeploy::stack_from_template(name, mode, stack_name, template, deployment_role)
    }

    /// `REPLACE_ON_FAILURE`: like `create_update`, but a stack in a failed
    /// state is deleted and created again (for test stacks).
    pub fn replace_on_failure(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        template: impl PathInput<'p>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        let mode = CloudFormationActionMode::ReplaceOnFailure;
        CloudFormationDeploy::stack_from_template(name, mode, stack_name, template, deployment_role)
    }

    /// `DELETE_ONLY`: deletes `stack_name` with `deployment_role`.
    pub fn delete_only(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        CloudFormationDeploy::with_mode(name, CloudFormationActionMode::DeleteOnly, stack_name)
            .with_deployment_role(deployment_role)
    }

    /// `CHANGE_SET_REPLACE`: creates (or replaces) the change set
    /// `change_set_name` of `stack_name` from `template`; the stack is later
    /// changed with `deployment_role`.
    pub fn create_replace_change_set(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        change_set_name: impl Into<Text<'p>>,
        template: impl PathInput<'p>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        CloudFormationDeploy::with_mode(name, CloudFormationActionMode::ChangeSetReplace, stack_name)
            .change_set_name(change_set_name)
            .template(template)
            .with_deployment_role(deployment_role)
    }

    /// `CHANGE_SET_EXECUTE`: executes the change set `change_set_name` of
    /// `stack_name`, with the deployment role the change set was created
    /// with.
    pub fn execute_change_set(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        change_set_name: impl Into<Text<'p>>,
    ) -> Self {
        CloudFormationDeploy::with_mode(name, CloudFormationActionMode::ChangeSetExecute, stack_name)
            .change_set_name(change_set_name)
    }

    /// `CHANGE_SET_EXECUTE` with a `RoleArn`: executes the change set
    /// `change_set_name` of `stack_name` with `deployment_role` (the
    /// deployment role is only given once, here or to the other
    /// constructors, so no setter can replace it).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(CloudFormationDeploy::execute_change_set_with_role(
    ///             "Apply",
    ///             "app",
    ///             "app-changes",
    ///             "arn:aws:iam::123456789012:role/CloudFormationRole",
    ///         ))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["RoleArn"], "arn:aws:iam::123456789012:role/CloudFormationRole");
    /// ```
    pub fn execute_change_set_with_role(
        name: impl Into<Str>,
        stack_name: impl Into<Text<'p>>,
        change_set_name: impl Into<Text<'p>>,
        deployment_role: impl Into<Text<'p>>,
    ) -> Self {
        CloudFormationDeploy::execute_change_set(name, stack_name, change_set_name)
            .with_deployment_role(deployment_role)
    }

    /// `OutputFileName`: writes the stack's outputs as JSON to `file` in the
    /// action's single output artifact, named `<ActionName>Output` unless
    /// [`CloudFormationDeploy::output_name`] names it.
    pub fn output_file_name(mut self, file: impl Into<Text<'p>>) -> CloudFormationDeploy<'p, 1> {
        self.spec.set("OutputFileName", file);
        self.spec.default_output();
        CloudFormationDeploy { spec: self.spec, deployment_role_arn: self.deployment_role_arn }
    }
}

impl<'p> CloudFormationDeploy<'p, 0> {
    /// Declares the action's single output artifact, named `name`, without
    /// `OutputFileName`: the artifact is written but holds no outputs file
    /// (as templates that declare `OutputArtifacts` alone do).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(
    ///             CloudFormationDeploy::create_update(
    ///                 "Deploy",
    ///                 "app",
    ///                 source.artifact().path("app.yaml"),
    ///                 "arn:aws:iam::123456789012:role/CloudFormationRole",
    ///             )
    ///             .output("StackOutput"),
    ///         )
    ///     });
    /// });
    /// let deploy = &pipeline.declaration().stages[1].actions[0];
    /// assert_eq!(deploy.output_artifacts.as_ref().unwrap()[0].name, "StackOutput");
    /// assert!(!deploy.configuration.as_ref().unwrap().contains_key("OutputFileName"));
    /// ```
    pub fn output(mut self, name: impl Into<Str>) -> CloudFormationDeploy<'p, 1> {
        self.spec.output(name);
        CloudFormationDeploy { spec: self.spec, deployment_role_arn: self.deployment_role_arn }
    }
}

impl<'p> CloudFormationDeploy<'p, 1> {
    /// Names the output artifact declared by
    /// [`CloudFormationDeploy::output_file_name`] (literal or expression).
    pub fn output_name(mut self, name: impl Into<Str>) -> Self {
        self.spec.rename_output(0, name);
        self
    }
}

impl<'p, const N: usize> CloudFormationDeploy<'p, N> {
    /// `Capabilities`: what the template may do (written comma-separated,
    /// without spaces). Needed when the template creates IAM resources or
    /// uses macros.
    pub fn capabilities(mut self, capabilities: &[Capability]) -> Self {
        let joined: Vec<&str> = capabilities.iter().map(|capability| capability.as_str()).collect();
        self.spec.set("Capabilities", joined.join(","));
        self
    }

    /// `TemplateConfiguration`: a JSON file with the stack's parameters, tags
    /// and stack policy; its artifact becomes an input of the action.
    pub fn template_configuration(mut self, file: impl PathInput<'p>) -> Self {
        self.spec.set_path("TemplateConfiguration", file.into_path());
        self
    }

    /// `ParameterOverrides`: template parameters, written as a compact JSON
    /// object (at most 1 KB). Values may reference variables, which orders
    /// their producers first. Parameters given here take precedence over the
    /// template configuration file.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(CloudFormationDeploy::create_update(
    ///             "Deploy",
    ///             "app",
    ///             source.artifact().path("app.yaml"),
    ///             "arn:aws:iam::123456789012:role/CloudFormationRole",
    ///         )
    ///         .parameter_overrides([("Commit", Text::from(source.vars().commit_id())), ("Env", "prod".into())]))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["ParameterOverrides"], r##"{"Commit":"#{Source_Checkout.CommitId}","Env":"prod"}"##);
    /// ```
    ///
    /// A value may be read from a JSON file of another artifact when the
    /// action runs, `artifact.path("file.json").get_param("Key")`
    /// (`Fn::GetParam`); that artifact becomes an input of the action:
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let [built] = p.stage("Build", |s| s.add(CodeBuild::new("Build", "b", source.artifact()).output("Built")).artifacts);
    ///     p.stage("Deploy", |s| {
    ///         s.add(CloudFormationDeploy::create_update("Deploy", "app", source.artifact().path("app.yaml"), "arn:aws:iam::123456789012:role/R")
    ///             .parameter_overrides([("Image", ParameterValue::from(built.path("image.json").get_param("Uri"))), ("Env", "prod".into())]))
    ///     });
    /// });
    /// let action = &pipeline.declaration().stages[2].actions[0];
    /// assert_eq!(
    ///     action.configuration.as_ref().unwrap()["ParameterOverrides"],
    ///     r#"{"Image":{"Fn::GetParam":["Built","image.json","Uri"]},"Env":"prod"}"#
    /// );
    /// let inputs: Vec<String> = action.input_artifacts.iter().flatten().map(|input| input.name.to_string()).collect();
    /// assert_eq!(inputs, ["CheckoutOutput", "Built"]);
    /// ```
    pub fn parameter_overrides<K, V>(mut self, parameters: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<ParameterValue<'p>>,
    {
        let mut pieces = vec![ConfigValue::Text("{".into())];
        for (index, (key, value)) in parameters.into_iter().enumerate() {
            let separator = if index > 0 { "," } else { "" };
            let key = json_text::literal_string(&key.into()).value;
            pieces.push(ConfigValue::Text(Text::concat([separator.into(), key.into(), ":".into()]).value));
            match value.into() {
                ParameterValue::Text(text) => {
                    let text = json_text::string(text);
                    self.spec.uses.extend(text.uses);
                    pieces.push(ConfigValue::Text(text.value));
                }
                ParameterValue::GetParam(get_param) => pieces.push(ConfigValue::GetParam(get_param)),
            }
        }
        pieces.push(ConfigValue::Text("}".into()));
        self.spec.set_pieces("ParameterOverrides", pieces);
        self
    }

    /// An input artifact beyond the template's, such as the artifact whose
    /// files `Fn::GetParam` values in `ParameterOverrides` read (a
    /// CloudFormation action takes up to 10 inputs).
    pub fn input(mut self, artifact: impl ArtifactInput<'p>) -> Self {
        self.spec.input(artifact.into_artifact());
        self
    }
}

/// A value of `ParameterOverrides`: a text (which may reference variables
/// or be a CloudFormation expression), or a value read from a JSON file of
/// an input artifact when the action runs (`Fn::GetParam`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ParameterValue<'p> {
    /// Written as a JSON string.
    Text(Text<'p>),
    /// Written as `{"Fn::GetParam": [artifact, file, key]}`.
    GetParam(GetParam<'p>),
}

impl<'p> From<GetParam<'p>> for ParameterValue<'p> {
    fn from(get_param: GetParam<'p>) -> Self {
        ParameterValue::GetParam(get_param)
    }
}

impl<'p> From<Text<'p>> for ParameterValue<'p> {
    fn from(text: Text<'p>) -> Self {
        ParameterValue::Text(text)
    }
}

impl<'p> From<&str> for ParameterValue<'p> {
    fn from(text: &str) -> Self {
        ParameterValue::Text(text.into())
    }
}

impl<'p> From<String> for ParameterValue<'p> {
    fn from(text: String) -> Self {
        ParameterValue::Text(text.into())
    }
}

impl<'p> From<Str> for ParameterValue<'p> {
    fn from(value: Str) -> Self {
        ParameterValue::Text(value.into())
    }
}

impl<'p> From<Var<'p>> for ParameterValue<'p> {
    fn from(var: Var<'p>) -> Self {
        ParameterValue::Text(var.into())
    }
}

impl<'p> From<PipelineVar<'p>> for ParameterValue<'p> {
    fn from(var: PipelineVar<'p>) -> Self {
        ParameterValue::Text(var.into())
    }
}

impl<'p, const N: usize> CloudFormationDeploy<'p, N> {
    /// The description of the action, its deployment role written last.
    fn finish(mut self) -> ActionSpec<'p> {
        if let Some(deployment_role) = self.deployment_role_arn {
            self.spec.set("RoleArn", deployment_role);
        }
        self.spec
    }
}

typed_action!(
    CloudFormationDeploy<'p, const N: usize>,
    NonSourceAction + CrossRegionAction,
    ActionHandle<'p, N, NamedVariables<'p>>,
    into_spec = CloudFormationDeploy::finish
);
