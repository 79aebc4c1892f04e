//! Reading pipeline JSON with errors that name the offending path.

use super::json::parse_json;
use super::PipelineDocument;
use crate::printable;

/// How deeply objects and lists may nest in a file pipewright reads (the
/// limit serde_json keeps too). A pipeline needs fewer than 15 levels; the
/// limit keeps a crafted file from exhausting the stack or the time.
pub const MAX_NESTING_DEPTH: usize = 128;

/// Why a pipeline document could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The text is not JSON (or YAML) at all.
    #[error("line {line}, column {column}: {}", printable(message))]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The text parses but does not have the pipeline's shape.
    #[error("{}: {}", printable(path), printable(message))]
    Shape {
        /// Where in the document, e.g. `pipeline.stages[1].actions[0]`.
        path: String,
        /// What is wrong there, e.g. "unknown field `foo`, expected one of ...".
        message: String,
    },
}

impl ReadError {
    /// Converts a deserialization error of a value tree, keeping its path.
    pub(crate) fn from_path_error(error: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = error.path().to_string();
        ReadError::Shape { path, message: error.into_inner().to_string() }
    }
}

impl PipelineDocument {
    /// Reads create-pipeline / get-pipeline JSON (`{"pipeline": {...}}`).
    /// Unknown fields are an error that names the field and its path; so is
    /// a key repeated in one object, and nesting deeper than
    /// [`MAX_NESTING_DEPTH`].
    ///
    /// ```
    /// use pipewright_dsl::model::PipelineDocument;
    ///
    /// let error = PipelineDocument::from_json(r#"{"pipeline": {"name": "a", "name": "b"}}"#).unwrap_err();
    /// assert_eq!(error.to_string(), "line 1, column 33: the key `name` appears twice in the object at pipeline; keep one");
    /// ```
    pub fn from_json(text: &str) -> Result<PipelineDocument, ReadError> {
        PipelineDocument::from_value(parse_json(text)?)
    }

    /// Reads an already-parsed JSON value of the create-pipeline shape.
    pub fn from_value(value: serde_json::Value) -> Result<PipelineDocument, ReadError> {
        serde_path_to_error::deserialize(value).map_err(ReadError::from_path_error)
    }
}
