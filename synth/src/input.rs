//! Reading existing pipelines: create-pipeline / get-pipeline JSON, and the
//! pipeline resources of CloudFormation templates (JSON or YAML).

use std::fmt;
use std::path::{Path, PathBuf};

use pipewright_dsl::model::cloudformation::{parse_template, read_template};
use pipewright_dsl::model::{PipelineDocument, ReadError};
use pipewright_dsl::Pipeline;

/// One pipeline read from a file.
#[derive(Clone, Debug)]
pub struct ReadPipeline {
    /// Where it came from: the file, and for a template the resource's
    /// logical id (`template.yaml > Pipeline`).
    pub source: String,
    /// The pipeline.
    pub pipeline: Pipeline,
}

/// Why a file could not be read as pipelines.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The file is readable but holds no pipeline of a known shape.
    #[error("{}: {reason}", path.display())]
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
    /// The text does not parse, or has the wrong shape at a path.
    Read(ReadError),
    /// The file is neither pipeline JSON nor a template with a pipeline.
    UnknownShape,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Read(error) => write!(f, "{error}"),
            Reason::UnknownShape => f.write_str(
                "not a pipeline: expected create-pipeline or get-pipeline JSON ({\"pipeline\": {...}}) \
                 or a CloudFormation template with an AWS::CodePipeline::Pipeline resource",
            ),
        }
    }
}

/// Reads every pipeline in the file at `path`: create-pipeline or
/// get-pipeline JSON, or every `AWS::CodePipeline::Pipeline` of a
/// CloudFormation template in JSON or YAML.
pub fn read_file(path: &Path) -> Result<Vec<ReadPipeline>, InputError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| InputError::Unreadable { path: path.to_owned(), source })?;
    let not_a_pipeline = |reason| InputError::NotAPipeline { path: path.to_owned(), reason };
    let label = path.display().to_string();
    let value = parse_template(&text).map_err(|error| not_a_pipeline(Reason::Read(error)))?;
    if value.get("pipeline").is_some() {
        let document = PipelineDocument::from_value(value).map_err(|error| not_a_pipeline(Reason::Read(error)))?;
        return Ok(vec![ReadPipeline { source: label, pipeline: Pipeline::from_document(document) }]);
    }
    if value.get("Resources").is_none() {
        return Err(not_a_pipeline(Reason::UnknownShape));
    }
    let resources = read_template(&text).map_err(|error| not_a_pipeline(Reason::Read(error)))?;
    if resources.is_empty() {
        return Err(not_a_pipeline(Reason::UnknownShape));
    }
    Ok(resources
        .into_iter()
        .map(|resource| ReadPipeline {
            source: format!("{label} > {}", resource.logical_id),
            pipeline: Pipeline::from_cfn(resource),
        })
        .collect())
}
