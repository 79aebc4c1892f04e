//! Reading pipeline JSON with errors that name the offending path.

use super::PipelineDocument;

/// Why a pipeline document could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The text is not JSON (or YAML) at all.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The text parses but does not have the pipeline's shape.
    #[error("{path}: {message}")]
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
    /// Unknown fields are an error that names the field and its path.
    pub fn from_json(text: &str) -> Result<PipelineDocument, ReadError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            let (line, column) = (error.line(), error.column());
            let message = error.to_string();
            let message =
                message.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(&message).to_owned();
            ReadError::Syntax { line, column, message }
        })?;
        PipelineDocument::from_value(value)
    }

    /// Reads an already-parsed JSON value of the create-pipeline shape.
    pub fn from_value(value: serde_json::Value) -> Result<PipelineDocument, ReadError> {
        serde_path_to_error::deserialize(value).map_err(ReadError::from_path_error)
    }
}
