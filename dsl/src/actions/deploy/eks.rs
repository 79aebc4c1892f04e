//! `Deploy / AWS / EKS / 1`: Kubernetes manifests or a Helm chart to an EKS
//! cluster (V2 pipelines only).

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::{EnvironmentVariableType, Str};
use crate::providers;
use crate::text::Text;
use crate::variables::variable_set;

variable_set! {
    /// Output variables of an EKS deploy action.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     let deploy = p.stage("Deploy", |s| {
    ///         s.add(EksDeploy::kubectl("Apply", "my-cluster", source.artifact().path("k8s/deployment.yaml")))
    ///     });
    ///     assert_eq!(deploy.vars().cluster_name().to_string(), "#{Deploy_Apply.EKSClusterName}");
    /// });
    /// ```
    EksVariables {
        /// `EKSClusterName`: the cluster deployed to.
        cluster_name => "EKSClusterName",
    }
}

/// `Deploy / AWS / EKS / 1`: applies Kubernetes manifests (`kubectl`) or
/// installs a Helm chart on an EKS cluster (V2 pipelines only). The files
/// are in the action's only input artifact; the role (the action's or the
/// pipeline's) must be an access entry of the cluster.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     p.pipeline_type(PipelineType::V2);
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(EksDeploy::helm("Release", "my-cluster", source.artifact().path("charts/web"), "web")
///             .helm_values_files(&["values/prod.yaml"])
///             .kubernetes_namespace("prod"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct EksDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> EksDeploy<'p> {
    /// Applies `manifests` (`ManifestFiles`: a manifest file, or a folder of
    /// them, inside an artifact) to `cluster`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| s.add(EksDeploy::kubectl("Apply", "my-cluster", source.artifact().path("deployment.yaml"))));
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["ManifestFiles"], "deployment.yaml");
    /// ```
    pub fn kubectl(name: impl Into<Str>, cluster: impl Into<Text<'p>>, manifests: impl PathInput<'p>) -> Self {
        let mut spec = providers::EKS.action(name);
        spec.set("ClusterName", cluster);
        spec.set_file("ManifestFiles", manifests.into_path());
        EksDeploy { spec }
    }

    /// Installs the Helm chart `chart` (`HelmChartLocation`: a chart folder
    /// or `.tgz` inside an artifact) on `cluster` as the release
    /// `release_name`.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| s.add(EksDeploy::helm("Release", "my-cluster", source.artifact().path("chart"), "web")));
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["HelmChartLocation"], "chart");
    /// assert_eq!(configuration["HelmReleaseName"], "web");
    /// ```
    pub fn helm(
        name: impl Into<Str>,
        cluster: impl Into<Text<'p>>,
        chart: impl PathInput<'p>,
        release_name: impl Into<Text<'p>>,
    ) -> Self {
        let mut spec = providers::EKS.action(name);
        spec.set("ClusterName", cluster);
        spec.set("HelmReleaseName", release_name);
        spec.set_file("HelmChartLocation", chart.into_path());
        EksDeploy { spec }
    }

    /// `HelmValuesFiles`: values files of the chart, paths in the same
    /// artifact, applied in this order.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(EksDeploy::helm("Release", "c", source.artifact().path("chart"), "web")
    ///             .helm_values_files(&["values.yaml", "prod.yaml"]))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["HelmValuesFiles"], "values.yaml,prod.yaml");
    /// ```
    pub fn helm_values_files(mut self, files: &[&str]) -> Self {
        self.spec.set("HelmValuesFiles", files.join(","));
        self
    }

    /// `Namespace`: the Kubernetes namespace to deploy into (not to be
    /// confused with the action's variable namespace).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(EksDeploy::kubectl("Apply", "c", source.artifact().path("k8s")).kubernetes_namespace("prod"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["Namespace"], "prod");
    /// ```
    pub fn kubernetes_namespace(mut self, namespace: impl Into<Text<'p>>) -> Self {
        self.spec.set("Namespace", namespace);
        self
    }

    /// `Subnets` and `SecurityGroupIds`: where the action runs, for a
    /// cluster whose API endpoint is private.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(EksDeploy::kubectl("Apply", "c", source.artifact().path("k8s")).vpc(&["subnet-1", "subnet-2"], &["sg-1"]))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["Subnets"], "subnet-1,subnet-2");
    /// assert_eq!(configuration["SecurityGroupIds"], "sg-1");
    /// ```
    pub fn vpc(mut self, subnets: &[&str], security_group_ids: &[&str]) -> Self {
        self.spec.set("Subnets", subnets.join(","));
        self.spec.set("SecurityGroupIds", security_group_ids.join(","));
        self
    }

    /// Adds an action-level environment variable, substituted into the
    /// manifests or values files (`$NAME`).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     p.pipeline_type(PipelineType::V2);
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(EksDeploy::kubectl("Apply", "c", source.artifact().path("k8s"))
    ///             .environment_variable("IMAGE_TAG", source.vars().commit_id()))
    ///     });
    /// });
    /// let action = &pipeline.declaration().stages[1].actions[0];
    /// assert_eq!(action.environment_variables.as_ref().unwrap()[0].name, "IMAGE_TAG");
    /// ```
    pub fn environment_variable(mut self, name: impl Into<Str>, value: impl Into<Text<'p>>) -> Self {
        self.spec.add_environment_variable(name, value, EnvironmentVariableType::Plaintext);
        self
    }
}

typed_action!(EksDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, EksVariables<'p>>);
