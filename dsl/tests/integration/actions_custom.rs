//! The escape hatch: GenericAction and GenericSource.

use crate::support::action_json;
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn generic_action_writes_its_type_configuration_and_artifacts() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        let scan = p.stage("Scan", |s| {
            s.add(
                GenericAction::new("Scan", NonSourceCategory::Invoke, ActionOwner::ThirdParty, "Snyk", "1")
                    .input(source.artifact())
                    .configuration("Severity", "high")
                    .output("ScanReport"),
            )
        });
        p.stage("Deploy", |s| {
            s.add(
                GenericAction::new("Catalog", NonSourceCategory::Deploy, ActionOwner::Aws, "ServiceCatalog", "1")
                    .configuration_path("TemplateFilePath", source.artifact().path("product.yaml"))
                    .configuration_artifact("ReportArtifact", scan.artifact())
                    .configuration("ProductId", "prod-example")
                    .timeout_in_minutes(30),
            )
        });
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Scan",
            "actionTypeId": {"category": "Invoke", "owner": "ThirdParty", "provider": "Snyk", "version": "1"},
            "configuration": {"Severity": "high"},
            "inputArtifacts": [{"name": "CheckoutOutput"}],
            "outputArtifacts": [{"name": "ScanReport"}]
        })
    );
    assert_eq!(
        action_json(&pipeline, 2, 0),
        json!({
            "name": "Catalog",
            "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "ServiceCatalog", "version": "1"},
            "configuration": {
                "TemplateFilePath": "CheckoutOutput::product.yaml",
                "ReportArtifact": "ScanReport",
                "ProductId": "prod-example"
            },
            "inputArtifacts": [{"name": "CheckoutOutput"}, {"name": "ScanReport"}],
            "timeoutInMinutes": 30
        })
    );
}

#[test]
fn generic_source_goes_in_the_source_stage_with_one_output() {
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| {
            s.add(GenericSource::new("Checkout", ActionOwner::Custom, "MyScm", "3").configuration("Repo", "app"))
        });
        p.stage("Build", |s| s.add(CodeBuild::new("Build", "project", source.artifact())));
        assert_eq!(source.vars().get("Revision").to_string(), "#{Source_Checkout.Revision}");
    });
    assert_eq!(
        action_json(&pipeline, 0, 0),
        json!({
            "name": "Checkout",
            "actionTypeId": {"category": "Source", "owner": "Custom", "provider": "MyScm", "version": "3"},
            "configuration": {"Repo": "app"},
            "outputArtifacts": [{"name": "CheckoutOutput"}]
        })
    );
}

#[test]
fn every_non_source_category_maps_to_its_action_category() {
    let categories = [
        NonSourceCategory::Build,
        NonSourceCategory::Test,
        NonSourceCategory::Deploy,
        NonSourceCategory::Approval,
        NonSourceCategory::Invoke,
        NonSourceCategory::Compute,
    ];
    let written: Vec<&str> =
        categories.into_iter().map(|category| pipewright_dsl::model::ActionCategory::from(category).as_str()).collect();
    assert_eq!(written, ["Build", "Test", "Deploy", "Approval", "Invoke", "Compute"]);
}
