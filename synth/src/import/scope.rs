//! What the code written so far has bound: the handle of each action, the
//! identifier of each artifact and pipeline variable, and which of them
//! later code reads (so a stage's closure hands exactly those out).

use std::collections::{HashMap, HashSet};

use pipewright_dsl::model::{ActionDeclaration, PipelineDeclaration};

use super::naming::Identifiers;
use super::providers::Variables;

/// An action by stage and position.
pub(super) type ActionAt = (usize, usize);
/// An output artifact by its action and its position among the outputs.
pub(super) type OutputAt = (ActionAt, usize);

/// Which handles and artifacts the code reads, and in which stage; the
/// first pass collects them, the second binds exactly those.
#[derive(Clone, Debug, Default)]
pub(super) struct Reads {
    /// A handle whose variables are read, with the reading stage.
    pub(super) handles: HashSet<(ActionAt, usize)>,
    /// An artifact consumed, with the consuming stage.
    pub(super) artifacts: HashSet<(OutputAt, usize)>,
    /// The pipeline variables read.
    pub(super) pipeline_variables: HashSet<String>,
}

impl Reads {
    /// Whether `action`'s handle is read anywhere.
    pub(super) fn handle_read(&self, action: ActionAt) -> bool {
        self.handles.iter().any(|(read, _)| *read == action)
    }

    /// Whether `output` is consumed anywhere.
    pub(super) fn artifact_read(&self, output: OutputAt) -> bool {
        self.artifacts.iter().any(|(read, _)| *read == output)
    }

    /// Whether `action`'s handle is read after its stage.
    pub(super) fn handle_read_later(&self, action: ActionAt) -> bool {
        self.handles.iter().any(|(read, stage)| *read == action && *stage > action.0)
    }

    /// Whether `output` is consumed after its stage.
    pub(super) fn artifact_read_later(&self, output: OutputAt) -> bool {
        self.artifacts.iter().any(|(read, stage)| *read == output && *stage > output.0 .0)
    }
}

/// The names in scope while one pipeline's function is written.
pub(super) struct Scope<'a> {
    /// What the previous pass found read; `None` in the first pass, where
    /// everything counts as read.
    previous: Option<&'a Reads>,
    /// What this pass reads.
    pub(super) reads: Reads,
    identifiers: Identifiers,
    /// The producer of each artifact name (the first, when names repeat).
    producers: HashMap<&'a str, OutputAt>,
    /// The action publishing each namespace.
    namespaces: HashMap<&'a str, ActionAt>,
    /// The variables of each action's typed handle.
    variables: HashMap<ActionAt, Variables>,
    handles: HashMap<ActionAt, String>,
    artifacts: HashMap<OutputAt, String>,
    pipeline_variables: HashMap<String, String>,
}

impl<'a> Scope<'a> {
    /// The scope of `pipeline`'s function.
    pub(super) fn new(pipeline: &'a PipelineDeclaration, previous: Option<&'a Reads>) -> Scope<'a> {
        let mut producers = HashMap::new();
        let mut namespaces = HashMap::new();
        for (stage_index, stage) in pipeline.stages.iter().enumerate() {
            for (action_index, action) in stage.actions.iter().enumerate() {
                let at = (stage_index, action_index);
                for (output_index, output) in action.output_artifacts.iter().flatten().enumerate() {
                    if let Some(name) = output.name.as_literal() {
                        producers.entry(name).or_insert((at, output_index));
                    }
                }
                if let Some(namespace) = action.namespace.as_ref().and_then(|namespace| namespace.as_literal()) {
                    namespaces.entry(namespace).or_insert(at);
                }
            }
        }
        Scope {
            previous,
            reads: Reads::default(),
            identifiers: Identifiers::reserving(&["p", "s", "main", "pipelines"]),
            producers,
            namespaces,
            variables: HashMap::new(),
            handles: HashMap::new(),
            artifacts: HashMap::new(),
            pipeline_variables: HashMap::new(),
        }
    }

    /// Whether the code binds `action`'s handle.
    pub(super) fn binds_handle(&self, action: ActionAt) -> bool {
        self.previous.is_none_or(|reads| reads.handle_read(action))
    }

    /// Whether the code binds `output`.
    pub(super) fn binds_artifact(&self, output: OutputAt) -> bool {
        self.previous.is_none_or(|reads| reads.artifact_read(output))
    }

    /// Whether the code binds the pipeline variable `name`.
    pub(super) fn binds_pipeline_variable(&self, name: &str) -> bool {
        self.previous.is_none_or(|reads| reads.pipeline_variables.contains(name))
    }

    /// Whether the stage's closure hands out `action`'s handle.
    pub(super) fn exports_handle(&self, action: ActionAt) -> bool {
        self.previous.is_none_or(|reads| reads.handle_read_later(action))
    }

    /// Whether the stage's closure hands out `output`.
    pub(super) fn exports_artifact(&self, output: OutputAt) -> bool {
        self.previous.is_none_or(|reads| reads.artifact_read_later(output))
    }

    /// Names the handle of `action` and notes what its `.vars()` offers.
    pub(super) fn bind_handle(
        &mut self,
        action: ActionAt,
        declaration: &ActionDeclaration,
        variables: Variables,
    ) -> String {
        self.variables.insert(action, variables);
        let identifier = self.identifiers.claim(&declaration.name.to_string(), "action");
        self.handles.insert(action, identifier.clone());
        identifier
    }

    /// Notes what `.vars()` of an unbound handle would offer.
    pub(super) fn note_variables(&mut self, action: ActionAt, variables: Variables) {
        self.variables.insert(action, variables);
    }

    /// Names the artifact `output`, called `name`.
    pub(super) fn bind_artifact(&mut self, output: OutputAt, name: &str) -> String {
        let identifier = self.identifiers.claim(name, "artifact");
        self.artifacts.insert(output, identifier.clone());
        identifier
    }

    /// Names the pipeline variable `name`.
    pub(super) fn bind_pipeline_variable(&mut self, name: &str) -> String {
        let identifier = self.identifiers.claim(name, "variable");
        self.pipeline_variables.insert(name.to_owned(), identifier.clone());
        identifier
    }

    /// The identifier of the artifact `name` as action `reader` of stage
    /// `stage` reads it: only an artifact an earlier action produced.
    pub(super) fn read_artifact(&mut self, name: &str, reader: ActionAt) -> Option<(String, OutputAt)> {
        let output = *self.producers.get(name)?;
        if output.0 >= reader {
            return None;
        }
        let identifier = self.artifacts.get(&output)?.clone();
        self.reads.artifacts.insert((output, reader.0));
        Some((identifier, output))
    }

    /// The handle of `action` as code after the last stage reads it (a
    /// trigger on the source action); `None` when it is not bound.
    pub(super) fn read_handle_after_stages(&mut self, action: ActionAt) -> Option<String> {
        let handle = self.handles.get(&action)?.clone();
        self.reads.handles.insert((action, usize::MAX));
        Some(handle)
    }

    /// The Rust expression of `#{namespace.key}` read by `reader`: a typed
    /// variable of an earlier action, a pipeline variable, the execution
    /// ID; `None` when the reference stays text. Returns the producer too.
    pub(super) fn read_variable(
        &mut self,
        namespace: &str,
        key: &str,
        reader: ActionAt,
    ) -> Option<(String, Option<ActionAt>)> {
        if namespace == "variables" {
            let identifier = self.pipeline_variables.get(key)?;
            self.reads.pipeline_variables.insert(key.to_owned());
            return Some((format!("&{identifier}"), None));
        }
        if namespace == "codepipeline" && key == "PipelineExecutionId" {
            return Some(("Var::execution_id()".to_owned(), None));
        }
        let producer = *self.namespaces.get(namespace)?;
        let variables = *self.variables.get(&producer)?;
        if producer >= reader || !variables.offers(key) {
            return None;
        }
        let handle = self.handles.get(&producer)?.clone();
        self.reads.handles.insert((producer, reader.0));
        let read = match variables {
            Variables::Fixed(_) => format!("{handle}.vars().{}()", super::naming::variable_method(key)),
            _ => format!("{handle}.vars().get({})", super::values::string_literal(key)),
        };
        Some((read, Some(producer)))
    }
}
