//! The sides of a standalone diff: a pipeline file, or an output folder with
//! its pipelines' `pipeline.json` and rule files.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_json::Value;

use super::command::Failure;
use super::Definition;
use crate::emit::api_json;
use crate::exit::Exit;
use crate::input;
use pipewright_dsl::Pipeline;

/// The folders of an output folder's pipeline that hold rule files.
const RULE_FOLDERS: [&str; 2] = ["events", "notifications"];

/// What one side of a standalone diff holds.
#[derive(Debug, Default)]
pub struct Side {
    /// Its pipelines.
    pub definitions: Vec<Definition>,
    /// Its rule files by path inside the output folder (`PIPELINE/events/NAME.json`).
    pub rule_files: IndexMap<String, Value>,
}

/// Reads `path`: a pipeline file (pipeline JSON or a CloudFormation
/// template), or an output folder (each `PIPELINE/pipeline.json` and its
/// `events/*.json` and `notifications/*.json`).
pub fn read_side(path: &Path) -> Result<Side, Failure> {
    if !path.is_dir() {
        return Ok(Side { definitions: read_pipelines(path)?, rule_files: IndexMap::new() });
    }
    let mut side = Side::default();
    for folder in sorted_entries(path)?.into_iter().filter(|entry| entry.is_dir()) {
        let file = folder.join(api_json::FILE_NAME);
        if !file.is_file() {
            continue;
        }
        side.definitions.extend(read_pipelines(&file)?);
        for rule_folder in RULE_FOLDERS.map(|name| folder.join(name)).iter().filter(|folder| folder.is_dir()) {
            for rule_file in sorted_entries(rule_folder)? {
                if rule_file.extension().is_some_and(|extension| extension == "json") {
                    let key = rule_file.strip_prefix(path).unwrap_or(&rule_file).display().to_string();
                    side.rule_files.insert(key, read_json(&rule_file)?);
                }
            }
        }
    }
    if side.definitions.is_empty() {
        return Err(Failure::new(
            Exit::Io,
            format!(
                "error: {}: not an output folder: no PIPELINE/{} in it (give an output folder of `synth` or a pipeline file)",
                path.display(),
                api_json::FILE_NAME
            ),
        ));
    }
    Ok(side)
}

/// Every pipeline of a file, with its disabled transitions where a template gives them.
pub fn read_pipelines(path: &Path) -> Result<Vec<Definition>, Failure> {
    read_with(path, Definition::with_transitions)
}

/// Every pipeline of a file as `define` makes it a definition. A file that
/// cannot be read, or holds no pipeline, exits with 3: 1 says that
/// something differs.
pub fn read_with(path: &Path, define: fn(&Pipeline) -> Result<Definition, String>) -> Result<Vec<Definition>, Failure> {
    let read = input::read_file(path, input::DEFAULT_MAX_FILE_SIZE)
        .map_err(|error| Failure::new(Exit::Io, format!("error: {error}")))?;
    read.pipelines
        .iter()
        .map(|read| {
            define(&read.pipeline)
                .map_err(|message| Failure::new(Exit::Io, format!("error: {}: {message}", read.source)))
        })
        .collect()
}

fn sorted_entries(folder: &Path) -> Result<Vec<PathBuf>, Failure> {
    let unreadable = |error: std::io::Error| {
        Failure::new(Exit::Io, format!("error: {}: cannot read the folder: {error}", folder.display()))
    };
    let mut entries = std::fs::read_dir(folder)
        .map_err(unreadable)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(unreadable)?;
    entries.sort();
    Ok(entries)
}

/// A rule file's JSON, read as any input file is.
fn read_json(path: &Path) -> Result<Value, Failure> {
    let bytes = input::read_bytes(path, input::DEFAULT_MAX_FILE_SIZE)
        .map_err(|error| Failure::new(Exit::Io, format!("error: {error}")))?;
    serde_json::from_slice(&bytes)
        .map_err(|error| Failure::new(Exit::Io, format!("error: {}: not JSON: {error}", path.display())))
}
