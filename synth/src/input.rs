//! Reading existing pipelines: create-pipeline / get-pipeline JSON, and the
//! pipeline resources of CloudFormation templates (JSON or YAML).
//!
//! Only a regular file is read, and at most [`DEFAULT_MAX_FILE_SIZE`] bytes
//! of it unless the caller allows more; its format is decided once, from its
//! extension or its first character, and parsed once, in time linear in its
//! size.

mod condition_branches;
mod encoding;
mod output_folder;
mod regular_file;

use std::fmt;
use std::path::{Path, PathBuf};

use pipewright_dsl::model::cloudformation::{for_each_message, parse_template_as, template_pipelines, TemplateFormat};
use pipewright_dsl::model::{PipelineDocument, ReadError};
use pipewright_dsl::{printable, Pipeline};

use condition_branches::Branch;
pub use encoding::EncodingError;
pub use output_folder::{read_output_folder, FolderFile, OutputFolderFiles};
use regular_file::{read_regular_file, FileRefused};

/// The largest file read unless the caller allows more: 64 MiB, far more
/// than a pipeline needs (a pipeline at every quota is about 1 MiB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// One pipeline read from a file.
#[derive(Clone, Debug)]
pub struct ReadPipeline {
    /// Where it came from: the file, and for a template the resource's
    /// logical id (`template.yaml > Pipeline`).
    pub source: String,
    /// The pipeline.
    pub pipeline: Pipeline,
}

/// A pipeline a file declares but that cannot be read, so is not checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UncheckedPipeline {
    /// Where it is: the file and the key in `Resources`
    /// (`template.yaml > Fn::ForEach::Envs`).
    pub source: String,
    /// Why it cannot be checked.
    pub reason: String,
}

impl fmt::Display for UncheckedPipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", printable(&self.source), printable(&self.reason))
    }
}

/// What a file holds: the pipelines read, and those it declares that
/// cannot be read (inside `Fn::ForEach`).
#[derive(Clone, Debug)]
pub struct PipelineFile {
    /// The pipelines, in file order.
    pub pipelines: Vec<ReadPipeline>,
    /// The pipelines that cannot be checked.
    pub unchecked: Vec<UncheckedPipeline>,
}

/// Why a file could not be read as pipelines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the file: {source}", shown(path))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The path names a folder, a FIFO, a device or a socket.
    #[error("{}: not a regular file: it is {kind}; give the path of a pipeline file", shown(path))]
    NotARegularFile {
        /// The path.
        path: PathBuf,
        /// What it is, e.g. "a FIFO (named pipe)".
        kind: &'static str,
    },
    /// The file is larger than the limit.
    #[error(
        "{}: the file is larger than {}, the most that is read; raise the limit with --max-file-size (e.g. \
         --max-file-size 256MiB)",
        shown(path),
        size_text(*limit)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The file is readable but holds no pipeline of a known shape.
    #[error("{}: {reason}", shown(path))]
    NotAPipeline {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where in the file.
        reason: Reason,
    },
}

/// What is wrong with a file's contents.
#[derive(Debug)]
#[non_exhaustive]
pub enum Reason {
    /// The bytes are not UTF-8 text.
    Encoding(EncodingError),
    /// The text does not parse, or has the wrong shape at a path.
    Read(ReadError),
    /// The file holds nothing but white space.
    Empty,
    /// The file is neither pipeline JSON nor a template with a pipeline.
    UnknownShape,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Encoding(error) => write!(f, "{error}"),
            Reason::Read(error) => write!(f, "{error}"),
            Reason::Empty => f.write_str("the file is empty (or only white space); expected a pipeline"),
            Reason::UnknownShape => f.write_str(
                "not a pipeline: expected create-pipeline or get-pipeline JSON ({\"pipeline\": {...}}) \
                 or a CloudFormation template with an AWS::CodePipeline::Pipeline resource",
            ),
        }
    }
}

/// A path as a message prints it.
fn shown(path: &Path) -> String {
    printable(&path.to_string_lossy()).into_owned()
}

/// A size in bytes as its user would write it: `64 MiB`, or bytes.
fn size_text(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads every pipeline in the file at `path`: create-pipeline or
/// get-pipeline JSON, or every `AWS::CodePipeline::Pipeline` of a
/// CloudFormation template in JSON or YAML. A file longer than
/// `max_file_size` bytes is refused.
///
/// The format comes from the extension (`.json`; `.yaml`, `.yml`), else
/// from the first character other than white space (`{`, `[` or `/` for
/// JSON); the other format is never tried. A template whose pipelines hold
/// `Fn::If` around whole values (a stage, an action), which the model cannot
/// hold, is read once with every condition true and once with every
/// condition false, each pipeline's source saying which.
pub fn read_file(path: &Path, max_file_size: u64) -> Result<PipelineFile, InputError> {
    let value = read_value(path, max_file_size)?;
    let not_a_pipeline = |reason| InputError::NotAPipeline { path: path.to_owned(), reason };
    let label = path.display().to_string();
    if value.get("pipeline").is_some() {
        let document = PipelineDocument::from_value(value).map_err(|error| not_a_pipeline(Reason::Read(error)))?;
        let pipeline = ReadPipeline { source: label, pipeline: Pipeline::from_document(document) };
        return Ok(PipelineFile { pipelines: vec![pipeline], unchecked: Vec::new() });
    }
    if value.get("Resources").is_none() {
        return Err(not_a_pipeline(Reason::UnknownShape));
    }
    let file = match template_file(&value, &label, None) {
        Ok(file) => Ok(file),
        Err(error) => condition_branches(&value, &label).unwrap_or(Err(error)),
    }
    .map_err(|error| not_a_pipeline(Reason::Read(error)))?;
    if file.pipelines.is_empty() && file.unchecked.is_empty() {
        return Err(not_a_pipeline(Reason::UnknownShape));
    }
    Ok(file)
}

/// The pipelines of a template; `branch` names the branch of its
/// conditions it was read with, if any.
fn template_file(template: &serde_json::Value, label: &str, branch: Option<Branch>) -> Result<PipelineFile, ReadError> {
    let found = template_pipelines(template)?;
    let suffix = branch.map(|branch| format!(" ({})", branch.label())).unwrap_or_default();
    Ok(PipelineFile {
        pipelines: found
            .pipelines
            .into_iter()
            .map(|resource| ReadPipeline {
                source: format!("{label} > {}{suffix}", resource.logical_id),
                pipeline: Pipeline::from_cfn(resource),
            })
            .collect(),
        unchecked: found
            .in_for_each
            .into_iter()
            .map(|key| UncheckedPipeline { source: format!("{label} > {key}"), reason: for_each_message() })
            .collect(),
    })
}

/// A template with `Fn::If` around whole values, read once with every
/// condition true and once with every condition false; `None` when it has
/// no such `Fn::If`.
fn condition_branches(template: &serde_json::Value, label: &str) -> Option<Result<PipelineFile, ReadError>> {
    let mut read = PipelineFile { pipelines: Vec::new(), unchecked: Vec::new() };
    for branch in [Branch::True, Branch::False] {
        let chosen = condition_branches::choose(template, branch)?;
        match template_file(&chosen, label, Some(branch)) {
            Ok(file) => {
                read.pipelines.extend(file.pipelines);
                if read.unchecked.is_empty() {
                    read.unchecked = file.unchecked;
                }
            }
            Err(error) => return Some(Err(error)),
        }
    }
    Some(Ok(read))
}

/// The JSON or YAML value of the file at `path`, read as [`read_file`]
/// reads it: a regular file of at most `max_file_size` bytes, UTF-8 text
/// that is not empty, in the format of its extension or first character.
pub(crate) fn read_value(path: &Path, max_file_size: u64) -> Result<serde_json::Value, InputError> {
    let bytes = read_bytes(path, max_file_size)?;
    let not_a_pipeline = |reason| InputError::NotAPipeline { path: path.to_owned(), reason };
    let text = encoding::utf8_text(&bytes).map_err(|error| not_a_pipeline(Reason::Encoding(error)))?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(not_a_pipeline(Reason::Empty));
    }
    parse_template_as(text, format_of(path, text)).map_err(|error| not_a_pipeline(Reason::Read(error)))
}

/// The bytes of the regular file at `path`, refused when it is longer than
/// `max_file_size` bytes; for any file read from the command line.
pub(crate) fn read_bytes(path: &Path, max_file_size: u64) -> Result<Vec<u8>, InputError> {
    read_regular_file(path, max_file_size).map_err(|refused| match refused {
        FileRefused::Io(source) => InputError::Unreadable { path: path.to_owned(), source },
        FileRefused::NotARegularFile(kind) => InputError::NotARegularFile { path: path.to_owned(), kind },
        FileRefused::TooLarge => InputError::TooLarge { path: path.to_owned(), limit: max_file_size },
    })
}

/// The format a file is read in: its extension's, else its text's.
fn format_of(path: &Path, text: &str) -> TemplateFormat {
    match path.extension().and_then(|extension| extension.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("json") => TemplateFormat::Json,
        Some("yaml" | "yml") => TemplateFormat::Yaml,
        _ => TemplateFormat::detect(text),
    }
}
