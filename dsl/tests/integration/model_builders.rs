//! The builders of the model structs, the way code outside the crate builds
//! them now that they are `#[non_exhaustive]`: what they build is what the
//! API JSON of the same declaration reads as, optional fields stay absent,
//! and a missing required field is an error naming the struct and the field.

use pipewright_dsl::model::{
    ActionTypeIdBuilder, ArtifactStore, ArtifactStoreBuilder, ConditionBuilder, ConditionResult, EncryptionKeyBuilder,
    FailureConditionsBuilder, GitConfigurationBuilder, MissingField, RetryConfigurationBuilder, RetryMode,
    RuleDeclarationBuilder, RuleTypeIdBuilder, Str, TriggerDeclaration, TriggerDeclarationBuilder,
};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn a_trigger_built_with_builders_equals_the_one_read_from_api_json() -> Result<(), MissingField> {
    let built = TriggerDeclarationBuilder::default()
        .git_configuration(
            GitConfigurationBuilder::default()
                .source_action_name("Checkout")
                .push(vec![GitPushFilterBuilder::default()
                    .branches(FilterCriteriaBuilder::default().includes(vec![Str::from("main")]).build()?)
                    .build()?])
                .pull_request(vec![GitPullRequestFilterBuilder::default()
                    .events(vec![PullRequestEvent::Open])
                    .file_paths(FilterCriteriaBuilder::default().excludes(vec![Str::from("docs/**")]).build()?)
                    .build()?])
                .build()?,
        )
        .build()?;
    let read: TriggerDeclaration = serde_json::from_value(json!({
        "providerType": "CodeStarSourceConnection",
        "gitConfiguration": {
            "sourceActionName": "Checkout",
            "push": [{"branches": {"includes": ["main"]}}],
            "pullRequest": [{"events": ["OPEN"], "filePaths": {"excludes": ["docs/**"]}}]
        }
    }))
    .unwrap();
    assert_eq!(built, read);
    Ok(())
}

#[test]
fn an_artifact_store_built_with_builders_equals_the_constructed_one() -> Result<(), MissingField> {
    let key = "arn:aws:kms:us-east-1:123456789012:key/1234";
    let built = ArtifactStoreBuilder::default()
        .location("artifacts")
        .encryption_key(EncryptionKeyBuilder::default().id(key).build()?)
        .build()?;
    assert_eq!(built, ArtifactStore::s3("artifacts").with_kms_key(key));
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({"type": "S3", "location": "artifacts", "encryptionKey": {"id": key, "type": "KMS"}})
    );
    Ok(())
}

#[test]
fn optional_fields_a_builder_was_not_given_stay_out_of_the_json() -> Result<(), MissingField> {
    let rule = RuleDeclarationBuilder::default()
        .name("Window")
        .rule_type_id(RuleTypeIdBuilder::default().provider("DeploymentWindow").build()?)
        .build()?;
    assert_eq!(
        serde_json::to_value(&rule).unwrap(),
        json!({"name": "Window", "ruleTypeId": {"category": "Rule", "provider": "DeploymentWindow"}})
    );
    Ok(())
}

#[test]
fn stage_conditions_built_with_builders_reach_the_declaration() -> Result<(), MissingField> {
    let on_failure = FailureConditionsBuilder::default()
        .result(ConditionResult::Rollback)
        .conditions(vec![ConditionBuilder::default()
            .result(ConditionResult::Rollback)
            .rules(vec![RuleDeclarationBuilder::default()
                .name("NoAlarm")
                .rule_type_id(
                    RuleTypeIdBuilder::default().owner("AWS").provider("CloudWatchAlarm").version("1").build()?,
                )
                .configuration(
                    [("AlarmName".to_owned(), Str::from("HighErrorRate"))]
                        .into_iter()
                        .collect::<indexmap::IndexMap<_, _>>(),
                )
                .build()?])
            .build()?])
        .build()?;
    let pipeline = Pipeline::build("p", |p| {
        let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "repo", "main")));
        p.stage("Deploy", |s| {
            s.on_failure(on_failure);
            s.add(CodeBuild::new("Deploy", "deploy-project", source.artifact()));
        });
    });
    let api_json = serde_json::to_value(pipeline.document()).unwrap();
    assert_eq!(
        api_json["pipeline"]["stages"][1]["onFailure"],
        json!({
            "result": "ROLLBACK",
            "conditions": [{
                "result": "ROLLBACK",
                "rules": [{
                    "name": "NoAlarm",
                    "ruleTypeId": {"category": "Rule", "owner": "AWS", "provider": "CloudWatchAlarm", "version": "1"},
                    "configuration": {"AlarmName": "HighErrorRate"}
                }]
            }]
        })
    );
    Ok(())
}

#[test]
fn a_missing_required_field_is_an_error_naming_the_struct_and_the_field() {
    let error = RetryConfigurationBuilder::default().build().unwrap_err();
    assert_eq!((error.structure(), error.field()), ("RetryConfiguration", "retry_mode"));
    assert_eq!(
        error.to_string(),
        "RetryConfiguration: the required field `retry_mode` is not set; call `.retry_mode(...)` on \
         RetryConfigurationBuilder before `.build()`"
    );
    let error = RuleDeclarationBuilder::default().name("NoAlarm").build().unwrap_err();
    assert_eq!((error.structure(), error.field()), ("RuleDeclaration", "rule_type_id"));
    let error = ActionTypeIdBuilder::default().provider("Jenkins").build().unwrap_err();
    assert_eq!((error.structure(), error.field()), ("ActionTypeId", "category"));
    assert_eq!(
        RetryConfigurationBuilder::default().retry_mode(RetryMode::AllActions).build().unwrap().retry_mode,
        RetryMode::AllActions
    );
}
