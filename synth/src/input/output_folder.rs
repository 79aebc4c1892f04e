//! An output folder as `synth validate` reads it: the files that hold
//! pipelines (`pipeline.json`, `template.*`), each in the Region its
//! `manifest.json` gives it, and the other files `synth` writes beside them
//! (the manifest, cross-account role templates, `events/`,
//! `notifications/`), whose shape is checked; any other file is skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{read_value, InputError};
use crate::manifest;

/// One file of an output folder, and what `synth validate` does with it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FolderFile {
    /// A file that holds pipelines: validated.
    Pipelines {
        /// The file.
        path: PathBuf,
        /// The Region the manifest deploys it in, when it says.
        region: Option<String>,
    },
    /// Another file `synth` writes, whose shape was checked.
    Checked {
        /// The file.
        path: PathBuf,
        /// What the file is, e.g. "a cross-account role template".
        what: &'static str,
        /// What is wrong with it, if anything.
        problem: Option<String>,
    },
    /// A file `synth` does not write: not read.
    Skipped {
        /// The file.
        path: PathBuf,
    },
}

/// Every file of an output folder, in path order.
pub type OutputFolderFiles = Vec<FolderFile>;

/// Which files `synth` writes, by where they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Manifest,
    PipelineFile,
    CrossAccountTemplate,
    EventRule,
    NotificationRule,
}

impl Known {
    /// What the file is, by its path from the folder.
    fn of(relative: &Path) -> Option<Known> {
        let name = relative.file_name()?.to_str()?;
        let parent = relative.parent().and_then(Path::file_name).and_then(|parent| parent.to_str());
        match (parent, name) {
            (None, manifest::FILE_NAME) => Some(Known::Manifest),
            (Some("cross-account"), _) if is_template_name(name) => Some(Known::CrossAccountTemplate),
            (Some("events"), _) if name.ends_with(".json") => Some(Known::EventRule),
            (Some("notifications"), _) if name.ends_with(".json") => Some(Known::NotificationRule),
            (_, "pipeline.json" | "template.json" | "template.yaml" | "template.yml") => Some(Known::PipelineFile),
            _ => None,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Known::Manifest => "the manifest",
            Known::PipelineFile => "a pipeline file",
            Known::CrossAccountTemplate => "a cross-account role template",
            Known::EventRule => "an EventBridge rule's CLI input",
            Known::NotificationRule => "a notification rule's CLI input",
        }
    }

    /// What is wrong with the shape of `value`, if anything.
    fn problem(self, value: &Value) -> Option<String> {
        let expect = |keys: &[&str]| {
            let missing = keys.iter().find(|key| value.get(**key).is_none());
            missing.map(|key| format!("\"{key}\" is missing; expected an object with {}", keys.join(", ")))
        };
        match self {
            Known::Manifest if value.get("generator").and_then(Value::as_str) != Some(manifest::GENERATOR) => {
                Some(format!("\"generator\" is not \"{}\": this is not a manifest synth wrote", manifest::GENERATOR))
            }
            Known::Manifest => expect(&["manifestVersion", "pipelines"]),
            Known::PipelineFile => None,
            Known::CrossAccountTemplate => expect(&["Resources"]),
            Known::EventRule if value.get("CreateRole").is_some() => expect(&["CreateRole", "PutRolePolicy"]),
            Known::EventRule => expect(&["PutRule", "PutTargets"]),
            Known::NotificationRule => expect(&["Name", "Resource", "EventTypeIds", "Targets"]),
        }
    }
}

fn is_template_name(name: &str) -> bool {
    [".template.yaml", ".template.yml", ".template.json"].iter().any(|suffix| name.ends_with(suffix))
}

/// Lists the files of the output folder `folder` (every level), checks the
/// shape of those that hold no pipeline, and reads the Region of each
/// pipeline file from the manifest. Fails when the folder cannot be listed.
pub fn read_output_folder(folder: &Path, max_file_size: u64) -> Result<OutputFolderFiles, InputError> {
    let mut paths = Vec::new();
    list(folder, &mut paths)?;
    paths.sort();
    let regions = manifest_regions(folder, max_file_size);
    Ok(paths
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_owned();
            match Known::of(&relative) {
                None => FolderFile::Skipped { path },
                Some(Known::PipelineFile) => {
                    let region = regions.get(&slashed(&relative)).cloned();
                    FolderFile::Pipelines { path, region }
                }
                Some(known) => {
                    let problem = match read_value(&path, max_file_size) {
                        Ok(value) => known.problem(&value),
                        Err(error) => Some(error.to_string()),
                    };
                    FolderFile::Checked { path, what: known.what(), problem }
                }
            }
        })
        .collect())
}

/// Every file under `folder`.
fn list(folder: &Path, paths: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let unreadable = |source| InputError::Unreadable { path: folder.to_owned(), source };
    for entry in std::fs::read_dir(folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        if entry.file_type().map_err(unreadable)?.is_dir() {
            list(&path, paths)?;
        } else {
            paths.push(path);
        }
    }
    Ok(())
}

/// A path from the folder as the manifest writes it, with `/`.
fn slashed(relative: &Path) -> String {
    relative.iter().map(|part| part.to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The Region of each file the manifest lists with one, by path; empty when
/// the folder has no readable manifest.
fn manifest_regions(folder: &Path, max_file_size: u64) -> BTreeMap<String, String> {
    let Ok(manifest) = read_value(&folder.join(manifest::FILE_NAME), max_file_size) else { return BTreeMap::new() };
    let files = manifest["pipelines"].as_array().into_iter().flatten().flat_map(|pipeline| {
        pipeline["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|file| Some((file["path"].as_str()?.to_owned(), file["region"].as_str()?.to_owned())))
    });
    files.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_where_they_are() {
        let known = |path: &str| Known::of(Path::new(path));
        assert_eq!(known("manifest.json"), Some(Known::Manifest));
        assert_eq!(known("app/manifest.json"), None);
        assert_eq!(known("app/pipeline.json"), Some(Known::PipelineFile));
        assert_eq!(known("app/template.yaml"), Some(Known::PipelineFile));
        assert_eq!(known("app/cross-account/222222222222-eu-west-1.template.yaml"), Some(Known::CrossAccountTemplate));
        assert_eq!(known("app/events/main.json"), Some(Known::EventRule));
        assert_eq!(known("app/notifications/alerts.json"), Some(Known::NotificationRule));
        assert_eq!(known("app/README.md"), None);
    }

    #[test]
    fn shapes_say_what_is_missing() {
        let problem = |known: Known, value: Value| known.problem(&value);
        assert_eq!(
            problem(Known::EventRule, serde_json::json!({"PutRule": {}})),
            Some("\"PutTargets\" is missing; expected an object with PutRule, PutTargets".to_owned())
        );
        assert_eq!(problem(Known::EventRule, serde_json::json!({"CreateRole": {}, "PutRolePolicy": {}})), None);
        assert_eq!(
            problem(Known::Manifest, serde_json::json!({"generator": "cdk"})),
            Some("\"generator\" is not \"pipewright\": this is not a manifest synth wrote".to_owned())
        );
        assert_eq!(
            problem(Known::CrossAccountTemplate, serde_json::json!({})),
            Some("\"Resources\" is missing; expected an object with Resources".to_owned())
        );
    }
}
