//! Compares two normalized pipelines (API form) part by part: stages and
//! actions by name, triggers by source action, variables by name, artifact
//! stores by Region, and every other field by its path.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::Value;

use super::change::{Change, ChangeKind, Place};

/// The pipeline fields compared as parts of their own, not as plain fields.
const PIPELINE_PARTS: [&str; 5] = ["stages", "triggers", "variables", "artifactStore", "artifactStores"];

/// Every difference from `old` to `new`, both normalized pipelines: the
/// pipeline's fields, artifact stores, variables, stages and their actions,
/// then triggers.
pub fn pipelines(old: &Value, new: &Value) -> Vec<Change> {
    let mut changes = Vec::new();
    fields(&Place::Pipeline, "", Some(old), Some(new), &PIPELINE_PARTS, &mut changes);
    parts(
        &artifact_stores(old),
        &artifact_stores(new),
        &HashMap::new(),
        |region| Place::ArtifactStore { region: region.clone() },
        &mut changes,
    );
    parts(
        &named(old.get("variables"), "name"),
        &named(new.get("variables"), "name"),
        &HashMap::new(),
        |name| Place::Variable { variable: name.clone() },
        &mut changes,
    );
    stages(old, new, &mut changes);
    parts(
        &triggers(old),
        &triggers(new),
        &HashMap::new(),
        |source_action| Place::Trigger { source_action: source_action.clone() },
        &mut changes,
    );
    changes
}

/// The changes of one JSON document against another as fields of `place`:
/// what a rule file holds.
pub fn documents(place: &Place, old: &Value, new: &Value) -> Vec<Change> {
    let mut changes = Vec::new();
    fields(place, "", Some(old), Some(new), &[], &mut changes);
    changes
}

fn stages(old: &Value, new: &Value, changes: &mut Vec<Change>) {
    let old_stages = named(old.get("stages"), "name");
    let new_stages = named(new.get("stages"), "name");
    let stage_moves = moves(&old_stages, &new_stages);
    for (name, new_stage) in &new_stages {
        let place = Place::Stage { stage: name.clone() };
        let Some(old_stage) = old_stages.get(name) else {
            changes.push(Change::new(place, ChangeKind::Added));
            continue;
        };
        if let Some(moved) = stage_moves.get(name) {
            changes.push(Change::new(place.clone(), moved.clone()));
        }
        fields(&place, "", Some(old_stage), Some(new_stage), &["name", "actions"], changes);
        let old_actions = named(old_stage.get("actions"), "name");
        let new_actions = named(new_stage.get("actions"), "name");
        let action_moves = moves(&old_actions, &new_actions);
        let action_place = |action: &String| Place::Action { stage: name.clone(), action: action.clone() };
        parts(&old_actions, &new_actions, &action_moves, action_place, changes);
    }
    for name in old_stages.keys().filter(|name| !new_stages.contains_key(*name)) {
        changes.push(Change::new(Place::Stage { stage: name.clone() }, ChangeKind::Removed));
    }
}

/// Parts present on both sides are compared field by field (less their
/// key field `name`), after their move if they moved; the others are added
/// or removed.
fn parts<K, P>(
    old: &IndexMap<K, &Value>,
    new: &IndexMap<K, &Value>,
    moved: &HashMap<K, ChangeKind>,
    place: P,
    changes: &mut Vec<Change>,
) where
    K: std::hash::Hash + Eq,
    P: Fn(&K) -> Place,
{
    for (key, new_part) in new {
        let Some(old_part) = old.get(key) else {
            changes.push(Change::new(place(key), ChangeKind::Added));
            continue;
        };
        if let Some(moved) = moved.get(key) {
            changes.push(Change::new(place(key), moved.clone()));
        }
        fields(&place(key), "", Some(old_part), Some(new_part), &["name"], changes);
    }
    for key in old.keys().filter(|key| !new.contains_key(*key)) {
        changes.push(Change::new(place(key), ChangeKind::Removed));
    }
}

/// The parts on both sides whose order changed: those outside the longest
/// run of common parts that kept their order, so one part moved reads as one
/// move, not as every part after it moving.
fn moves(old: &IndexMap<String, &Value>, new: &IndexMap<String, &Value>) -> HashMap<String, ChangeKind> {
    let old_common: Vec<&String> = old.keys().filter(|name| new.contains_key(*name)).collect();
    let new_common: Vec<&String> = new.keys().filter(|name| old.contains_key(*name)).collect();
    let kept = longest_common_order(&old_common, &new_common);
    new_common
        .into_iter()
        .filter(|name| !kept.contains(name))
        .filter_map(|name| {
            let (from, to) = (old.get_index_of(name)?, new.get_index_of(name)?);
            Some((name.clone(), ChangeKind::Moved { from: from + 1, to: to + 1 }))
        })
        .collect()
}

/// The names of a longest common subsequence of `old` and `new`.
fn longest_common_order<'a>(old: &[&'a String], new: &[&'a String]) -> HashSet<&'a String> {
    let mut lengths = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lengths[i][j] =
                if old[i] == new[j] { lengths[i + 1][j + 1] + 1 } else { lengths[i + 1][j].max(lengths[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut kept) = (0, 0, HashSet::new());
    while i < old.len() && j < new.len() {
        if old[i] == new[j] {
            kept.insert(old[i]);
            (i, j) = (i + 1, j + 1);
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}

/// Compares two values as fields of `place` under `prefix`: maps key by key
/// (less `skip` at the top), lists of maps of the same length item by item
/// (`push[0].branches`), anything else as a whole.
fn fields(
    place: &Place,
    prefix: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    skip: &[&str],
    changes: &mut Vec<Change>,
) {
    match (old, new) {
        (Some(Value::Object(old)), Some(Value::Object(new))) => {
            let keys = old.keys().chain(new.keys().filter(|key| !old.contains_key(*key)));
            for key in keys.filter(|key| !skip.contains(&key.as_str())) {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                fields(place, &path, old.get(key), new.get(key), &[], changes);
            }
        }
        (Some(Value::Array(old)), Some(Value::Array(new)))
            if old.len() == new.len() && old.iter().chain(new).all(Value::is_object) =>
        {
            for (index, (old, new)) in old.iter().zip(new).enumerate() {
                fields(place, &format!("{prefix}[{index}]"), Some(old), Some(new), &[], changes);
            }
        }
        _ if old != new => changes.push(Change::new(
            place.clone(),
            ChangeKind::Changed { field: prefix.to_owned(), old: old.cloned(), new: new.cloned() },
        )),
        _ => {}
    }
}

/// The items of a list, by the string at `key`; the first of two with the same key wins.
fn named<'a>(list: Option<&'a Value>, key: &str) -> IndexMap<String, &'a Value> {
    let mut items = IndexMap::new();
    for item in list.and_then(Value::as_array).into_iter().flatten() {
        let name = item.get(key).map(label).unwrap_or_default();
        items.entry(name).or_insert(item);
    }
    items
}

/// Triggers by the source action they watch.
fn triggers(pipeline: &Value) -> IndexMap<String, &Value> {
    let mut items = IndexMap::new();
    for trigger in pipeline.get("triggers").and_then(Value::as_array).into_iter().flatten() {
        let source = trigger.pointer("/gitConfiguration/sourceActionName").map(label).unwrap_or_default();
        items.entry(source).or_insert(trigger);
    }
    items
}

/// `artifactStore` under no Region, and each of `artifactStores` under its Region.
fn artifact_stores(pipeline: &Value) -> IndexMap<Option<String>, &Value> {
    let single = pipeline.get("artifactStore").map(|store| (None, store));
    let by_region = pipeline
        .get("artifactStores")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(region, store)| (Some(region.clone()), store));
    single.into_iter().chain(by_region).collect()
}

/// A name as text: a string as it is, anything else (an expression) as JSON.
fn label(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn stage_names(names: &[&str]) -> Value {
        json!({"stages": names.iter().map(|name| json!({"name": name, "actions": []})).collect::<Vec<_>>()})
    }

    #[test]
    fn one_stage_moved_reads_as_one_move() {
        let changes = pipelines(
            &stage_names(&["Source", "Build", "Test", "Deploy"]),
            &stage_names(&["Source", "Test", "Deploy", "Build"]),
        );
        assert_eq!(
            changes,
            [Change::new(Place::Stage { stage: "Build".into() }, ChangeKind::Moved { from: 2, to: 4 })]
        );
    }

    #[test]
    fn a_stage_inserted_moves_nothing() {
        let changes = pipelines(&stage_names(&["Source", "Deploy"]), &stage_names(&["Source", "Build", "Deploy"]));
        assert_eq!(changes, [Change::new(Place::Stage { stage: "Build".into() }, ChangeKind::Added)]);
    }

    #[test]
    fn nested_fields_are_named_by_their_dotted_path() {
        let old = json!({"stages": [{"name": "Build", "onFailure": {"result": "RETRY", "retryConfiguration": {"retryMode": "ALL_ACTIONS"}}, "actions": []}]});
        let new = json!({"stages": [{"name": "Build", "onFailure": {"result": "RETRY", "retryConfiguration": {"retryMode": "FAILED_ACTIONS"}}, "actions": []}]});
        assert_eq!(
            pipelines(&old, &new),
            [Change::new(
                Place::Stage { stage: "Build".into() },
                ChangeKind::Changed {
                    field: "onFailure.retryConfiguration.retryMode".into(),
                    old: Some(json!("ALL_ACTIONS")),
                    new: Some(json!("FAILED_ACTIONS")),
                }
            )]
        );
    }
}
