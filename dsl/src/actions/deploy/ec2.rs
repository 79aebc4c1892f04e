//! `Deploy / AWS / EC2 / 1`: an artifact to tagged Linux instances (V2
//! pipelines only).

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers::{self, ec2::Ec2InstanceType};
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / EC2 / 1`: copies the action's only input artifact to the
/// Linux instances carrying a tag and runs scripts or a deploy spec from it
/// there (V2 pipelines only).
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.pipeline_type(PipelineType::V2);
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(Ec2Deploy::scripts("Servers", "app", Ec2InstanceType::Ec2, "/srv/app", source.artifact().path("scripts/start.sh"))
///             .instance_tag_value("web")
///             .max_batch("50%"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct Ec2Deploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> Ec2Deploy<'p> {
    /// The instances tagged `instance_tag_key` (of `instance_type`).
    fn to_instances(
        name: impl Into<Str>,
        instance_tag_key: impl Into<Text<'p>>,
        instance_type: Ec2InstanceType,
    ) -> Self {
        let mut spec = providers::EC2.action(name);
        spec.set("InstanceTagKey", instance_tag_key);
        spec.set("InstanceType", instance_type.as_str());
        Ec2Deploy { spec }
    }

    /// Copies the artifact to `target_directory` (an absolute path) on the
    /// instances tagged `instance_tag_key`, then runs `post_script`
    /// (`PostScript`, a script inside the artifact, which becomes the
    /// input).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::scripts("Servers", "app", Ec2InstanceType::Ec2, "/srv/app", source.artifact().path("start.sh")))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["TargetDirectory"], "/srv/app");
    /// assert_eq!(configuration["PostScript"], "start.sh");
    /// ```
    pub fn scripts(
        name: impl Into<Str>,
        instance_tag_key: impl Into<Text<'p>>,
        instance_type: Ec2InstanceType,
        target_directory: impl Into<Text<'p>>,
        post_script: impl PathInput<'p>,
    ) -> Self {
        let mut action = Ec2Deploy::to_instances(name, instance_tag_key, instance_type);
        action.spec.set("TargetDirectory", target_directory);
        action.spec.set_file("PostScript", post_script.into_path());
        action
    }

    /// Deploys as the deploy spec file `deploy_spec` (`DeploySpec`, inside
    /// the artifact, which becomes the input) describes, to the instances
    /// tagged `instance_tag_key`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::deploy_spec("Servers", "app", Ec2InstanceType::SsmManagedNode, source.artifact().path("deployspec.yaml")))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["DeploySpec"], "deployspec.yaml");
    /// ```
    pub fn deploy_spec(
        name: impl Into<Str>,
        instance_tag_key: impl Into<Text<'p>>,
        instance_type: Ec2InstanceType,
        deploy_spec: impl PathInput<'p>,
    ) -> Self {
        let mut action = Ec2Deploy::to_instances(name, instance_tag_key, instance_type);
        action.spec.set_file("DeploySpec", deploy_spec.into_path());
        action
    }

    /// `InstanceTagValue`: only the instances whose tag has this value
    /// (without it, any value).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::deploy_spec("Servers", "role", Ec2InstanceType::Ec2, source.artifact().path("spec.yaml"))
    ///             .instance_tag_value("web"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["InstanceTagValue"], "web");
    /// ```
    pub fn instance_tag_value(mut self, value: impl Into<Text<'p>>) -> Self {
        self.spec.set("InstanceTagValue", value);
        self
    }

    /// `PreScript`: a script inside the same artifact, run before the
    /// artifact is copied (with [`Ec2Deploy::scripts`]).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::scripts("Servers", "app", Ec2InstanceType::Ec2, "/srv/app", source.artifact().path("start.sh"))
    ///             .pre_script(source.artifact().path("stop.sh")))
    ///     });
    /// });
    /// let action = &pipeline.declaration().stages[1].actions[0];
    /// assert_eq!(action.configuration.as_ref().unwrap()["PreScript"], "stop.sh");
    /// assert_eq!(action.input_artifacts.as_ref().unwrap().len(), 1);
    /// ```
    pub fn pre_script(mut self, script: impl PathInput<'p>) -> Self {
        self.spec.set_file("PreScript", script.into_path());
        self
    }

    /// `MaxBatch`: how many instances are deployed to at once, a number
    /// (`"2"`) or a percentage (`"50%"`).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::deploy_spec("Servers", "app", Ec2InstanceType::Ec2, source.artifact().path("spec.yaml"))
    ///             .max_batch("50%"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["MaxBatch"], "50%");
    /// ```
    pub fn max_batch(mut self, batch: impl Into<Text<'p>>) -> Self {
        self.spec.set("MaxBatch", batch);
        self
    }

    /// `MaxError`: how many instances may fail before the deployment fails,
    /// a number (`"1"`) or a percentage (`"10%"`).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::deploy_spec("Servers", "app", Ec2InstanceType::Ec2, source.artifact().path("spec.yaml"))
    ///             .max_error("1"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["MaxError"], "1");
    /// ```
    pub fn max_error(mut self, errors: impl Into<Text<'p>>) -> Self {
        self.spec.set("MaxError", errors);
        self
    }

    /// `TargetGroupNameList`: Elastic Load Balancing target groups the
    /// instances leave during their deployment and rejoin after it.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(Ec2Deploy::deploy_spec("Servers", "app", Ec2InstanceType::Ec2, source.artifact().path("spec.yaml"))
    ///             .target_group_names(&["web-blue", "web-green"]))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["TargetGroupNameList"], "web-blue,web-green");
    /// ```
    pub fn target_group_names(mut self, names: &[&str]) -> Self {
        self.spec.set("TargetGroupNameList", names.join(","));
        self
    }
}

typed_action!(Ec2Deploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
