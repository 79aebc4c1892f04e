//! `pipeline.json`: the input of `aws codepipeline create-pipeline
//! --cli-input-json` (and of `update-pipeline` when the pipeline has no tags).
//!
//! The API needs literal values, so a CloudFormation expression anywhere is
//! refused with the path of the field that holds it. Disabled stage
//! transitions have no place in this form: they become
//! `aws codepipeline disable-stage-transition` commands for the manifest.

use pipewright_dsl::model::cloudformation::first_expression;
use pipewright_dsl::model::{is_intrinsic_name, Expr, PipelineDeclaration, Tag};
use pipewright_dsl::Pipeline;
use serde::Serialize;
use serde_json::Value;

use super::{json_text, shell_word, DeployStep, EmitError, FileKind, OutputFile};

/// The file's name inside the pipeline's folder.
pub const FILE_NAME: &str = "pipeline.json";

/// Writes `pipeline.json` for `pipeline`.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::emit::api_json;
///
/// let pipeline = Pipeline::build("my-pipeline", |p| {
///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
///     p.stage("Build", |s| {
///         s.add(CodeBuild::new("Build", "my-project", source.artifact()));
///     });
/// });
/// let file = api_json::emit(&pipeline).unwrap();
/// assert!(file.contents.starts_with("{\n  \"pipeline\": {\n    \"name\": \"my-pipeline\","));
/// assert_eq!(file.deploy.unwrap().command, "aws codepipeline create-pipeline --cli-input-json file://pipeline.json");
/// ```
pub fn emit(pipeline: &Pipeline) -> Result<OutputFile, EmitError> {
    Ok(OutputFile {
        path: FILE_NAME.to_owned(),
        kind: FileKind::PipelineJson,
        contents: render(pipeline)?,
        deploy: Some(DeployStep {
            command: format!(
                "aws codepipeline create-pipeline{} --cli-input-json file://{FILE_NAME}",
                region_option(pipeline)
            ),
            account: pipeline.account().map(str::to_owned),
            region: pipeline.region().map(str::to_owned),
            order: 1,
        }),
    })
}

/// The create-pipeline input as a JSON value: `{"pipeline": {...}}`, plus
/// `tags` when the pipeline has any. Refuses CloudFormation expressions.
pub fn document(pipeline: &Pipeline) -> Result<Value, EmitError> {
    refuse_expression_regions(pipeline)?;
    let value =
        serde_json::to_value(DocumentView::of(pipeline)).map_err(|error| EmitError::Serialize(error.to_string()))?;
    match first_expression(&value) {
        Some(found) => match conditional_part(&found.expression) {
            Some(condition) => Err(EmitError::Condition { path: found.path, condition }),
            None => Err(EmitError::Expression { path: found.path, expression: found.expression.to_string() }),
        },
        None => Ok(value),
    }
}

/// The condition of an `Fn::If` around a part of the pipeline (its branch
/// is a mapping, not a value).
fn conditional_part(expression: &Expr) -> Option<String> {
    match (expression.function(), expression.argument().as_array().map(Vec::as_slice)) {
        ("Fn::If", Some([Value::String(condition), Value::Object(part), _]))
            if !(part.len() == 1 && part.keys().all(|key| is_intrinsic_name(key))) =>
        {
            Some(condition.clone())
        }
        _ => None,
    }
}

/// The text of `pipeline.json`, written straight from the model. Only when
/// the text holds a key an intrinsic function may have (`"Ref":`,
/// `"Condition":`, `"Fn::...`) is the document built as a value and
/// searched, to refuse an expression with its path; most pipelines have none,
/// and skip that work.
fn render(pipeline: &Pipeline) -> Result<String, EmitError> {
    refuse_expression_regions(pipeline)?;
    let text = json_text(&DocumentView::of(pipeline))?;
    let may_hold_expression = ["\"Ref\":", "\"Condition\":", "\"Fn::"].iter().any(|key| text.contains(key));
    if may_hold_expression {
        document(pipeline)?;
    }
    Ok(text)
}

/// The API form keys artifactStores by Region, so a Region that is an
/// expression cannot even be serialized: look for one first.
fn refuse_expression_regions(pipeline: &Pipeline) -> Result<(), EmitError> {
    let regions = pipeline.declaration().artifact_stores.iter().flat_map(|stores| &stores.0);
    match regions.into_iter().find(|store| !store.region.is_literal()) {
        Some(store) => Err(EmitError::Expression {
            path: "pipeline.artifactStores".to_owned(),
            expression: store.region.to_string(),
        }),
        None => Ok(()),
    }
}

/// The create-pipeline input borrowed from the pipeline: serializes exactly
/// as [`Pipeline::document`] without copying the model.
#[derive(Serialize)]
struct DocumentView<'a> {
    pipeline: &'a PipelineDeclaration,
    #[serde(skip_serializing_if = "<[Tag]>::is_empty", serialize_with = "conditional_tags")]
    tags: &'a [Tag],
}

/// The tags as the model writes them: a conditional one inside its `Fn::If`,
/// which [`document`] then refuses with its path.
fn conditional_tags<S: serde::Serializer>(tags: &&[Tag], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(tags.iter().map(|tag| match &tag.condition {
        None => serde_json::json!(tag),
        Some(condition) => serde_json::json!({"Fn::If": [condition, tag, {"Ref": "AWS::NoValue"}]}),
    }))
}

impl<'a> DocumentView<'a> {
    fn of(pipeline: &'a Pipeline) -> Self {
        DocumentView { pipeline: pipeline.declaration(), tags: pipeline.tags() }
    }
}

/// The commands that disable the pipeline's inbound stage transitions after
/// `create-pipeline` (what `DisableInboundStageTransitions` does in the
/// template), in stage order.
///
/// ```
/// use pipewright_dsl::prelude::*;
/// use pipewright_synth::emit::api_json;
///
/// let pipeline = Pipeline::build("my-pipeline", |p| {
///     p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
///     p.artifact_store(ArtifactStore::s3("my-pipeline-artifacts"));
///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
///     p.stage("Deploy", |s| {
///         s.disable_inbound_transition("Frozen until release");
///         s.add(EcsDeploy::new("Deploy", "my-cluster", "my-service", source.artifact()));
///     });
/// });
/// assert_eq!(
///     api_json::transition_commands(&pipeline),
///     ["aws codepipeline disable-stage-transition --pipeline-name my-pipeline --stage-name Deploy \
///       --transition-type Inbound --reason 'Frozen until release'"]
/// );
/// ```
pub fn transition_commands(pipeline: &Pipeline) -> Vec<String> {
    pipeline
        .disabled_transitions()
        .iter()
        .map(|transition| {
            format!(
                "aws codepipeline disable-stage-transition{} --pipeline-name {} --stage-name {} \
                 --transition-type Inbound --reason {}",
                region_option(pipeline),
                shell_word(&pipeline.name()),
                shell_word(&transition.stage_name.to_string()),
                shell_word(&transition.reason.to_string())
            )
        })
        .collect()
}

/// The command that updates the pipeline from `pipeline.json`.
/// `update-pipeline` takes no tags, so for a tagged pipeline the command
/// passes only the `pipeline` member (with `jq`).
pub fn update_command(pipeline: &Pipeline) -> String {
    let region = region_option(pipeline);
    if pipeline.tags().is_empty() {
        format!("aws codepipeline update-pipeline{region} --cli-input-json file://{FILE_NAME}")
    } else {
        format!("aws codepipeline update-pipeline{region} --cli-input-json \"$(jq '{{pipeline}}' {FILE_NAME})\"")
    }
}

/// ` --region <region>` when the pipeline's Region is known, for the
/// commands that create and change it.
pub(crate) fn region_option(pipeline: &Pipeline) -> String {
    pipeline.region().map(|region| format!(" --region {}", shell_word(region))).unwrap_or_default()
}
