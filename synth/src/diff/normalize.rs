//! What both sides of a diff go through first, so that only what the
//! pipeline's owner wrote is compared, not what AWS fills in or adds when
//! `get-pipeline` returns a pipeline:
//!
//! - `version` (AWS numbers every update; `metadata` never reaches the model);
//! - `pipelineType` absent reads as `V1`, `executionMode` absent as
//!   `SUPERSEDED`, an action's `runOrder` absent as `1` (the values AWS writes
//!   back);
//! - empty lists and maps (`inputArtifacts: []`, `configuration: {}`, ...)
//!   read as absent;
//! - an action's `region` equal to the pipeline's own Region reads as absent.

use serde_json::{Map, Value};

/// Pipeline fields AWS writes back with these values when they were left out.
const PIPELINE_DEFAULTS: [(&str, &str); 2] = [("pipelineType", "V1"), ("executionMode", "SUPERSEDED")];

/// `pipeline` (the API form of a declaration) as it is compared; `region` is
/// the pipeline's own Region when known.
pub fn normalize(pipeline: &Value, region: Option<&str>) -> Value {
    let mut pipeline = drop_empty(pipeline.clone());
    let Some(fields) = pipeline.as_object_mut() else { return pipeline };
    fields.remove("version");
    for (field, default) in PIPELINE_DEFAULTS {
        fields.entry(field).or_insert_with(|| Value::from(default));
    }
    let actions = fields
        .get_mut("stages")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(|stage| stage.get_mut("actions").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut);
    for action in actions {
        normalize_action(action, region);
    }
    pipeline
}

fn normalize_action(action: &mut Map<String, Value>, region: Option<&str>) {
    action.entry("runOrder").or_insert_with(|| Value::from(1));
    if region.is_some() && action.get("region").and_then(Value::as_str) == region {
        action.remove("region");
    }
}

/// `value` without empty lists and maps, at any depth (an emptied map goes too).
fn drop_empty(value: Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, drop_empty(value)))
                .filter(|(_, value)| !is_empty(value))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(drop_empty).collect()),
        other => other,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Object(fields) => fields.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::normalize;

    #[test]
    fn what_get_pipeline_adds_reads_as_what_was_left_out() {
        let returned = json!({
            "name": "p", "version": 3, "pipelineType": "V1", "executionMode": "SUPERSEDED",
            "stages": [{"name": "Build", "actions": [{
                "name": "Build", "runOrder": 1, "region": "eu-west-1",
                "inputArtifacts": [], "outputArtifacts": [], "configuration": {}
            }]}]
        });
        let sent = json!({"name": "p", "stages": [{"name": "Build", "actions": [{"name": "Build"}]}]});
        assert_eq!(normalize(&returned, Some("eu-west-1")), normalize(&sent, Some("eu-west-1")));
    }

    #[test]
    fn values_other_than_the_defaults_stay() {
        let pipeline = json!({"name": "p", "pipelineType": "V2", "executionMode": "QUEUED",
            "stages": [{"name": "Build", "actions": [{"name": "Build", "runOrder": 2, "region": "us-west-2"}]}]});
        let normalized = normalize(&pipeline, Some("eu-west-1"));
        assert_eq!(normalized["pipelineType"], "V2");
        assert_eq!(normalized["executionMode"], "QUEUED");
        assert_eq!(normalized["stages"][0]["actions"][0]["runOrder"], 2);
        assert_eq!(normalized["stages"][0]["actions"][0]["region"], "us-west-2");
    }
}
