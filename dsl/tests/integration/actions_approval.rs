//! Manual approval: the origin document's approval stage, and what its
//! settings write.

use crate::support::{action_json, after_checkout, seed, stage_json};
use pipewright_dsl::prelude::*;
use serde_json::json;

#[test]
fn manual_approval_reproduces_the_seed_stage() {
    let pipeline = after_checkout("Approval", |s, _| {
        s.add(
            ManualApproval::new("ManualApproval")
                .notification_arn("arn:aws:sns:us-east-1:123456789012:approvals")
                .custom_data("Please review the deployment")
                .external_entity_link("https://example.com/review"),
        );
    });
    assert_eq!(stage_json(&pipeline, 1), seed("stage-manual-approval.json"));
}

#[test]
fn custom_data_with_a_variable_names_the_producer_and_the_timeout_is_an_action_field() {
    let pipeline = after_checkout("Approval", |s, source| {
        s.add(
            ManualApproval::new("Approve")
                .custom_data(Text::concat(["Deploy commit ".into(), source.vars().commit_id().into()]))
                .timeout_in_minutes(120),
        );
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Approve",
            "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"},
            "configuration": {"CustomData": "Deploy commit #{Source_Checkout.CommitId}"},
            "timeoutInMinutes": 120
        })
    );
    assert_eq!(action_json(&pipeline, 0, 0)["namespace"], "Source_Checkout");
}

#[test]
fn an_approval_without_settings_has_no_configuration() {
    let pipeline = after_checkout("Approval", |s, _| {
        s.add(ManualApproval::new("Approve"));
    });
    assert_eq!(
        action_json(&pipeline, 1, 0),
        json!({
            "name": "Approve",
            "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}
        })
    );
}
