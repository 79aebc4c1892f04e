//! `Deploy / AWS / ServiceCatalog / 1`: a new version of a Service Catalog
//! product.

use crate::action_handle::ActionHandle;
use crate::action_spec::{typed_action, ActionSpec};
use crate::inputs::PathInput;
use crate::model::Str;
use crate::providers::{self, service_catalog::CLOUD_FORMATION_TEMPLATE};
use crate::text::Text;
use crate::variables::NoVariables;

/// `Deploy / AWS / ServiceCatalog / 1`: publishes a CloudFormation template
/// of the action's only input artifact as a new version of a Service
/// Catalog product.
///
/// ```
/// use pipewright_dsl::prelude::*;
///
/// Pipeline::build("p", |p| {
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
///     p.stage("Deploy", |s| {
///         s.add(ServiceCatalogDeploy::template("Publish", "prod-ex2jb3jvqqahk", source.artifact().path("product.yaml"), "v2")
///             .version_description("Adds a queue"))
///     });
/// });
/// ```
#[derive(Clone, Debug)]
pub struct ServiceCatalogDeploy<'p> {
    spec: ActionSpec<'p>,
}

impl<'p> ServiceCatalogDeploy<'p> {
    /// Publishes `template` (`TemplateFilePath`, a file inside an artifact,
    /// which becomes the input) as the version `version_name` of
    /// `product_id` (`prod-…`).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(ServiceCatalogDeploy::template("Publish", "prod-1", source.artifact().path("product.yaml"), "v2"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["TemplateFilePath"], "product.yaml");
    /// assert_eq!(configuration["ProductType"], "CLOUD_FORMATION_TEMPLATE");
    /// ```
    pub fn template(
        name: impl Into<Str>,
        product_id: impl Into<Text<'p>>,
        template: impl PathInput<'p>,
        version_name: impl Into<Text<'p>>,
    ) -> Self {
        let mut spec = providers::SERVICE_CATALOG.action(name);
        spec.set("ProductId", product_id);
        spec.set_file("TemplateFilePath", template.into_path());
        spec.set("ProductVersionName", version_name);
        spec.set("ProductType", CLOUD_FORMATION_TEMPLATE);
        ServiceCatalogDeploy { spec }
    }

    /// Publishes the version of `product_id` that `configuration`
    /// (`ConfigurationFilePath`, a JSON file inside an artifact, which
    /// becomes the input) describes.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(ServiceCatalogDeploy::configuration_file("Publish", "prod-1", source.artifact().path("catalog.json")))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["ConfigurationFilePath"], "catalog.json");
    /// ```
    pub fn configuration_file(
        name: impl Into<Str>,
        product_id: impl Into<Text<'p>>,
        configuration: impl PathInput<'p>,
    ) -> Self {
        let mut spec = providers::SERVICE_CATALOG.action(name);
        spec.set("ProductId", product_id);
        spec.set_file("ConfigurationFilePath", configuration.into_path());
        ServiceCatalogDeploy { spec }
    }

    /// `ProductVersionDescription`: what the new version changes (with
    /// [`ServiceCatalogDeploy::template`]).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("p", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
    ///     p.stage("Deploy", |s| {
    ///         s.add(ServiceCatalogDeploy::template("Publish", "prod-1", source.artifact().path("product.yaml"), "v2")
    ///             .version_description("Adds a queue"))
    ///     });
    /// });
    /// let configuration = pipeline.declaration().stages[1].actions[0].configuration.as_ref().unwrap();
    /// assert_eq!(configuration["ProductVersionDescription"], "Adds a queue");
    /// ```
    pub fn version_description(mut self, description: impl Into<Text<'p>>) -> Self {
        self.spec.set("ProductVersionDescription", description);
        self
    }
}

typed_action!(ServiceCatalogDeploy<'p>, NonSourceAction + CrossRegionAction, ActionHandle<'p, 0, NoVariables>);
