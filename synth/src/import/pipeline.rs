//! One pipeline as a Rust function: `Pipeline::build` with its settings,
//! its variables and a closure per stage that hands out exactly the
//! artifacts and handles later stages read.
//!
//! Written twice: the first pass learns what is read where, the second
//! binds only that, so the code has no unused names.

use pipewright_dsl::model::{ActionCategory, ActionDeclaration, ArtifactStore, PipelineDeclaration, Str};
use pipewright_dsl::{cross_account, Location, Pipeline, Violation};

use super::action::{self, WrittenAction};
use super::scope::{ActionAt, Reads, Scope};
use super::template::{unbind_unused, Around};
use super::values::{condition_handle, str_expression, string_literal, with_condition_handles};
use super::Loss;

/// A pipeline written as a function.
pub(super) struct WrittenPipeline {
    /// `pub fn name() -> Pipeline { .. }`.
    pub(super) code: String,
    /// What the code cannot carry over, with its path.
    pub(super) losses: Vec<Loss>,
}

/// Writes `pipeline` as the function `function`, each of `findings` as a
/// comment above what it concerns.
///
/// A pipeline read from a template gets its logical id and `around`, the
/// calls for the template's parameters, conditions and rules.
pub(super) fn write(
    pipeline: &Pipeline,
    function: &str,
    findings: &[Violation],
    around: Option<(&str, &Around)>,
) -> WrittenPipeline {
    let declaration = pipeline.declaration();
    let handles = around.map(|(_, around)| around.handles.as_slice()).unwrap_or_default();
    with_condition_handles(handles, || {
        let first = Writer::new(declaration, None, findings).pipeline(pipeline, function, around);
        let reads = first.1;
        let (mut written, _) = Writer::new(declaration, Some(&reads), findings).pipeline(pipeline, function, around);
        written.code = unbind_unused(written.code, handles);
        written
    })
}

/// One pass over a pipeline.
struct Writer<'a> {
    declaration: &'a PipelineDeclaration,
    scope: Scope<'a>,
    findings: &'a [Violation],
    losses: Vec<Loss>,
    /// The stages whose inbound transition is disabled, with the reason.
    disabled: Vec<(usize, String)>,
    /// The actions written as `CodeStarConnectionSource`, which a trigger
    /// can name.
    connection_sources: Vec<ActionAt>,
}

impl<'a> Writer<'a> {
    fn new(declaration: &'a PipelineDeclaration, previous: Option<&'a Reads>, findings: &'a [Violation]) -> Writer<'a> {
        Writer {
            declaration,
            scope: Scope::new(declaration, previous),
            findings,
            losses: Vec::new(),
            disabled: Vec::new(),
            connection_sources: Vec::new(),
        }
    }

    fn loss(&mut self, path: impl Into<String>, why: impl Into<String>) {
        self.losses.push(Loss::new(path, why));
    }

    /// The function, and what it read.
    fn pipeline(
        mut self,
        pipeline: &Pipeline,
        function: &str,
        around: Option<(&str, &Around)>,
    ) -> (WrittenPipeline, Reads) {
        let declaration = self.declaration;
        let mut body = String::new();
        let name = self.str_value(&declaration.name, "pipeline.name");
        let stage_locations: Vec<Location> =
            declaration.stages.iter().map(|stage| Location::stage(&declaration.name, &stage.name)).collect();
        let comments = self.comments(&Location::pipeline(&declaration.name), &stage_locations);
        // A template that names no pipeline: `Pipeline::unnamed`, whose name
        // CloudFormation generates and whose logical id is the template's.
        let unnamed = around.map(|(logical_id, _)| logical_id).filter(|_| !pipeline.to_cfn("Pipeline").name_given);
        if let Some((logical_id, around)) = around {
            body.push_str(&around.declarations);
            if unnamed.is_none() {
                body.push_str(&format!("p.logical_id({});\n", string_literal(logical_id)));
            }
        }
        let role = self.str_value(&declaration.role_arn, "pipeline.roleArn");
        body.push_str(&format!("p.role_arn({role});\n"));
        if let Some(store) = &declaration.artifact_store {
            let store = self.artifact_store(store, "pipeline.artifactStore");
            body.push_str(&format!("p.artifact_store({store});\n"));
        }
        for regional in declaration.artifact_stores.iter().flat_map(|stores| stores.0.iter()) {
            let path = format!("pipeline.artifactStores.{}", regional.region);
            let store = self.artifact_store(&regional.artifact_store, &path);
            let region = self.str_value(&regional.region, &path);
            body.push_str(&format!("p.artifact_store_in({region}, {store});\n"));
        }
        if cross_account::uses_other_accounts(pipeline) {
            body.push_str(
                "// The roles of the other accounts exist already; a role template would collide with them.\n\
                 p.target_account_roles(TargetAccountRoles::existing());\n",
            );
        }
        if let Some(pipeline_type) = declaration.pipeline_type {
            body.push_str(&format!("p.pipeline_type(PipelineType::{pipeline_type:?});\n"));
        } else if uses_v2_features(declaration) {
            self.loss(
                "pipeline.pipelineType",
                "not in the input; pipewright writes V2 for a pipeline that uses what only V2 offers",
            );
        }
        if let Some(mode) = declaration.execution_mode {
            body.push_str(&format!("p.execution_mode(ExecutionMode::{mode:?});\n"));
        }
        for (index, variable) in declaration.variables.iter().flatten().enumerate() {
            let path = format!("pipeline.variables[{index}]");
            let variable_name = variable.name.to_string();
            if variable.condition.is_some() {
                self.loss(&path, "import writes no condition around a variable yet; written unconditionally");
            }
            if variable.description.is_some() {
                self.loss(format!("{path}.description"), "import writes no variable descriptions yet; left out");
            }
            let declared = match &variable.default_value {
                Some(default) => {
                    let default = self.str_value(default, &format!("{path}.defaultValue"));
                    format!("p.variable({}, {default})", string_literal(&variable_name))
                }
                None => format!("p.required_variable({})", string_literal(&variable_name)),
            };
            match self.scope.binds_pipeline_variable(&variable_name) {
                true => {
                    let identifier = self.scope.bind_pipeline_variable(&variable_name);
                    body.push_str(&format!("let {identifier} = {declared};\n"));
                }
                false => body.push_str(&format!("{declared};\n")),
            }
        }
        for tag in pipeline.tags() {
            let key = self.str_value(&tag.key, "tags");
            let value = self.str_value(&tag.value, "tags");
            body.push_str(&format!("p.tag({key}, {value});\n"));
        }
        if let Some(restart) = pipeline.restart_execution_on_update() {
            body.push_str(&format!("p.restart_execution_on_update({restart});\n"));
        }
        if pipeline.disabled_transitions().is_empty() && pipeline.transitions_written() {
            body.push_str("p.write_empty_disabled_transitions();\n");
        }
        if unnamed.is_none() && !pipeline.to_cfn("Pipeline").name_given {
            self.loss(
                "pipeline.name",
                "the template names no pipeline (CloudFormation generates a name); the code must name it",
            );
        }
        for (index, transition) in pipeline.disabled_transitions().iter().enumerate() {
            let stage = declaration.stages.iter().position(|stage| stage.name == transition.stage_name);
            match (stage, transition.reason.as_literal()) {
                (Some(stage), Some(reason)) if stage > 0 => self.disabled.push((stage, reason.to_owned())),
                _ => self.loss(
                    format!("pipeline.disableInboundStageTransitions[{index}]"),
                    "only a later stage's inbound transition, with a literal reason, can be disabled in code; left out",
                ),
            }
        }
        if declaration.version.is_some() {
            self.loss("pipeline.version", "AWS numbers each update of a pipeline; a definition has no version");
        }
        for index in 0..declaration.stages.len() {
            let stage_code = self.stage(index);
            body.push_str(&stage_code);
        }
        let triggers = self.triggers();
        body.push_str(&triggers);
        if let Some((_, around)) = around {
            body.push_str(&around.code);
            self.losses.extend(around.losses.iter().cloned());
        }
        let build = match unnamed {
            Some(logical_id) => format!("Pipeline::unnamed({}", string_literal(logical_id)),
            None => format!("Pipeline::build({name}"),
        };
        let body = indented(&format!("{comments}{build}, |p| {{\n{}}})\n", indented(&body, 1)), 1);
        let code = format!(
            "/// The pipeline {}.\npub fn {function}() -> Pipeline {{\n{body}}}\n",
            printable_in_comment(&declaration.name.to_string()),
        );
        let reads = self.scope.reads.clone();
        (WrittenPipeline { code, losses: self.losses }, reads)
    }

    /// `p.trigger(..)` for each V2 trigger, on the handle of the source
    /// action it names.
    fn triggers(&mut self) -> String {
        let declaration = self.declaration;
        let mut code = String::new();
        let Some(triggers) = &declaration.triggers else { return code };
        if triggers.is_empty() {
            self.loss("pipeline.triggers", "empty, so not written; AWS reads an empty list as none");
        }
        for (index, trigger) in triggers.iter().enumerate() {
            let path = format!("pipeline.triggers[{index}]");
            let configuration = &trigger.git_configuration;
            let source = self.connection_sources.iter().copied().find(|&(stage, action)| {
                declaration.stages[stage].actions[action].name == configuration.source_action_name
            });
            let Some(handle) = source.and_then(|source| self.scope.read_handle_after_stages(source)) else {
                self.loss(&path, "names no source action written as `CodeStarConnectionSource`; left out");
                continue;
            };
            if let Some(condition) = &trigger.condition {
                self.loss(&path, format!("under the condition {condition}; import writes no condition around a trigger yet, written unconditionally"));
            }
            let git = format!("{path}.gitConfiguration");
            let mut push = Vec::new();
            for (filter_index, filter) in configuration.push.iter().flatten().enumerate() {
                let at = format!("{git}.push[{filter_index}]");
                let mut filter_code = "GitPushFilterBuilder::default()".to_owned();
                for (field, setter, criteria) in [
                    ("tags", "tags", &filter.tags),
                    ("branches", "branches", &filter.branches),
                    ("filePaths", "file_paths", &filter.file_paths),
                ] {
                    if let Some(criteria) = criteria {
                        let criteria = self.filter_criteria(criteria, &format!("{at}.{field}"));
                        filter_code.push_str(&format!(".{setter}({criteria})"));
                    }
                }
                filter_code.push_str(".build().expect(\"a push filter\")");
                push.push(filter_code);
            }
            let mut pull_request = Vec::new();
            for (filter_index, filter) in configuration.pull_request.iter().flatten().enumerate() {
                let at = format!("{git}.pullRequest[{filter_index}]");
                let mut filter_code = "GitPullRequestFilterBuilder::default()".to_owned();
                if let Some(events) = &filter.events {
                    let events: Vec<String> =
                        events.iter().map(|event| format!("PullRequestEvent::{event:?}")).collect();
                    filter_code.push_str(&format!(".events(vec![{}])", events.join(", ")));
                }
                for (field, setter, criteria) in
                    [("branches", "branches", &filter.branches), ("filePaths", "file_paths", &filter.file_paths)]
                {
                    if let Some(criteria) = criteria {
                        let criteria = self.filter_criteria(criteria, &format!("{at}.{field}"));
                        filter_code.push_str(&format!(".{setter}({criteria})"));
                    }
                }
                filter_code.push_str(".build().expect(\"a pull request filter\")");
                pull_request.push(filter_code);
            }
            for (field, empty) in [
                ("push", configuration.push.as_ref().is_some_and(Vec::is_empty)),
                ("pullRequest", configuration.pull_request.as_ref().is_some_and(Vec::is_empty)),
            ] {
                if empty {
                    self.loss(format!("{git}.{field}"), "empty, so not written; AWS reads an empty list as none");
                }
            }
            let list = |filters: Vec<String>| match filters.is_empty() {
                true => "Vec::new()".to_owned(),
                false => format!("vec![{}]", filters.join(", ")),
            };
            code.push_str(&format!("p.trigger(&{handle}, {}, {});\n", list(push), list(pull_request)));
        }
        code
    }

    /// `FilterCriteriaBuilder::default()..build()` for the patterns of a filter.
    fn filter_criteria(&mut self, criteria: &pipewright_dsl::model::FilterCriteria, path: &str) -> String {
        let mut code = "FilterCriteriaBuilder::default()".to_owned();
        for (field, patterns) in [("includes", &criteria.includes), ("excludes", &criteria.excludes)] {
            if let Some(patterns) = patterns {
                let patterns: Vec<String> = patterns
                    .iter()
                    .enumerate()
                    .map(|(index, pattern)| {
                        // A `cfn::` call is a `Str` already.
                        let pattern = self.str_value(pattern, &format!("{path}.{field}[{index}]"));
                        match pattern.starts_with('"') {
                            true => format!("Str::from({pattern})"),
                            false => pattern,
                        }
                    })
                    .collect();
                code.push_str(&format!(".{field}(vec![{}])", patterns.join(", ")));
            }
        }
        code.push_str(".build().expect(\"patterns\")");
        code
    }

    /// `ArtifactStore::s3(..)` with its key.
    fn artifact_store(&mut self, store: &ArtifactStore, path: &str) -> String {
        let location = self.str_value(&store.location, &format!("{path}.location"));
        match &store.encryption_key {
            Some(key) => {
                let id = self.str_value(&key.id, &format!("{path}.encryptionKey.id"));
                format!("ArtifactStore::s3({location}).with_kms_key({id})")
            }
            None => format!("ArtifactStore::s3({location})"),
        }
    }

    /// A `Str` value; an expression no `cfn::` call writes is listed.
    fn str_value(&mut self, value: &Str, path: &str) -> String {
        str_expression(value).unwrap_or_else(|| {
            self.loss(path, "an intrinsic function no `cfn::` call writes; written as its JSON text");
            string_literal(&serde_json::to_string(value).unwrap_or_default())
        })
    }

    /// Comment lines for the findings at `location` and not within any of `inner`.
    fn comments(&self, location: &Location, inner: &[Location]) -> String {
        self.findings
            .iter()
            .filter(|finding| {
                finding.location.is_within(location) && !inner.iter().any(|inner| finding.location.is_within(inner))
            })
            .map(|finding| {
                comment(&format!(
                    "{}[{}] {}: {}",
                    finding.severity(),
                    finding.rule.code(),
                    finding.location,
                    finding.message
                ))
            })
            .collect()
    }

    /// The stage at `index` as a `p.stage(..)` or `p.source_stage(..)` call.
    fn stage(&mut self, stage_index: usize) -> String {
        let declaration = self.declaration;
        let stage = &declaration.stages[stage_index];
        let stage_path = format!("pipeline.stages[{stage_index}]");
        let is_source =
            stage.actions.first().is_some_and(|action| action.action_type_id.category == ActionCategory::Source);
        for (field, present) in [
            ("blockers", stage.blockers.is_some()),
            ("onFailure", stage.on_failure.is_some()),
            ("onSuccess", stage.on_success.is_some()),
            ("beforeEntry", stage.before_entry.is_some()),
        ] {
            if present {
                self.loss(
                    format!("{stage_path}.{field}"),
                    "import writes no stage conditions or blockers yet; left out",
                );
            }
        }
        let stage_location = Location::stage(&declaration.name, &stage.name);
        let action_locations: Vec<Location> =
            stage.actions.iter().map(|action| Location::action(&declaration.name, &stage.name, &action.name)).collect();
        let mut code = self.comments(&stage_location, &action_locations);
        let mut statements: Vec<Statement> = Vec::new();
        let mut run_orders: Vec<u32> = Vec::new();
        let several = stage.actions.len() > 1;
        let mut exports: Vec<String> = Vec::new();
        for (index, action) in stage.actions.iter().enumerate() {
            let path = format!("{stage_path}.actions[{index}]");
            if (action.action_type_id.category == ActionCategory::Source) != is_source {
                self.loss(
                    &path,
                    if is_source {
                        "the source stage takes only source actions; left out"
                    } else {
                        "a source action goes only in the first stage, the source stage; left out"
                    },
                );
                run_orders.push(action.run_order.unwrap_or(1));
                continue;
            }
            let at = (stage_index, index);
            let written = action::write(&mut self.scope, at, action, &path);
            if written.expression.starts_with("CodeStarConnectionSource::new(") {
                self.connection_sources.push(at);
            }
            let mut expression = written.expression.clone();
            expression.push_str(&self.namespace(at, action, stage.name.to_string().as_str(), written.variables));
            let derived =
                written.same_stage_dependencies.iter().map(|&producer| run_orders[producer] + 1).max().unwrap_or(1);
            let run_order = match action.run_order {
                Some(given) if given != derived || !several => {
                    expression.push_str(&format!(".run_order({given})"));
                    given
                }
                Some(given) => given,
                None => {
                    if several {
                        self.loss(format!("{path}.runOrder"), format!("not in the input; a stage of several actions writes each action's runOrder ({derived})"));
                    }
                    derived
                }
            };
            run_orders.push(run_order);
            self.losses.extend(written.losses.iter().cloned());
            for (field, empty) in [
                ("inputArtifacts", action.input_artifacts.as_ref().is_some_and(Vec::is_empty)),
                ("outputArtifacts", action.output_artifacts.as_ref().is_some_and(Vec::is_empty)),
                ("configuration", action.configuration.as_ref().is_some_and(|configuration| configuration.is_empty())),
            ] {
                if empty {
                    self.loss(format!("{path}.{field}"), "empty, so not written; AWS reads an empty one as absent");
                }
            }
            if let Some(condition) = &action.condition {
                match condition_handle(condition) {
                    Some(handle) => expression.push_str(&format!(".when(&{handle})")),
                    None => self.loss(&path, format!("under the condition {condition}, which the template does not declare; written unconditionally")),
                }
            }
            for (field, artifacts) in [
                (
                    "inputArtifacts",
                    action.input_artifacts.iter().flatten().map(|input| &input.condition).collect::<Vec<_>>(),
                ),
                ("outputArtifacts", action.output_artifacts.iter().flatten().map(|output| &output.condition).collect()),
            ] {
                for (artifact, condition) in artifacts.into_iter().enumerate() {
                    if condition.is_some() {
                        self.loss(
                            format!("{path}.{field}[{artifact}]"),
                            "import writes no condition around an artifact yet; written unconditionally",
                        );
                    }
                }
            }
            let mut comments: Vec<String> = written.comments.iter().map(|text| comment(text)).collect();
            comments.push(self.comments(&action_locations[index], &[]));
            statements.push(self.statement(at, action, expression, comments.concat(), &written, &mut exports));
        }
        let tail = match exports.as_slice() {
            [] => None,
            [only] => Some(only.clone()),
            several => Some(format!("({})", several.join(", "))),
        };
        let call = if is_source { "source_stage" } else { "stage" };
        let name = self.str_value(&stage.name, &format!("{stage_path}.name"));
        let binding = match &tail {
            Some(tail) => format!("let {tail} = "),
            None => String::new(),
        };
        code.push_str(&format!("{binding}p.{call}({name}, |s| {{\n"));
        let last = statements.len().saturating_sub(1);
        let mut closure = String::new();
        if let Some(condition) = &stage.condition {
            match condition_handle(condition) {
                Some(handle) => closure.push_str(&format!("s.when(&{handle});\n")),
                None => self.loss(
                    &stage_path,
                    format!(
                        "under the condition {condition}, which the template does not declare; written unconditionally"
                    ),
                ),
            }
        }
        for (_, reason) in self.disabled.iter().filter(|(stage, _)| *stage == stage_index) {
            closure.push_str(&format!("s.disable_inbound_transition({});\n", string_literal(reason)));
        }
        let mut tail_written = false;
        for (index, statement) in statements.iter().enumerate() {
            closure.push_str(&statement.comments);
            let returns_itself = index == last
                && statement.after.is_empty()
                && tail.as_deref() == statement.binding.as_deref().filter(|binding| !binding.starts_with('['));
            match (&statement.binding, returns_itself) {
                (Some(_), true) => {
                    closure.push_str(&format!("{}\n", statement.expression));
                    tail_written = true;
                }
                (Some(binding), false) => closure.push_str(&format!("let {binding} = {};\n", statement.expression)),
                (None, _) => closure.push_str(&format!("{};\n", statement.expression)),
            }
            closure.push_str(&statement.after);
        }
        if let Some(tail) = tail.as_ref().filter(|_| !tail_written) {
            closure.push_str(&format!("{tail}\n"));
        }
        code.push_str(&indented(&closure, 1));
        code.push_str("});\n");
        code
    }

    /// `.namespace(..)` unless the DSL derives the same one: it derives
    /// `<Stage>_<Action>` and writes it only for an action whose variables
    /// are read through its handle.
    fn namespace(
        &mut self,
        at: ActionAt,
        action: &ActionDeclaration,
        stage: &str,
        variables: super::providers::Variables,
    ) -> String {
        self.scope.note_variables(at, variables);
        let Some(namespace) = &action.namespace else { return String::new() };
        let derived = derived_namespace(stage, &action.name.to_string());
        if derived.as_deref() == namespace.as_literal() && self.scope.binds_handle(at) {
            return String::new();
        }
        let namespace = self.str_value(namespace, &format!("pipeline.stages[{}].actions[{}].namespace", at.0, at.1));
        format!(".namespace({namespace})")
    }

    /// The statement adding the action, binding its handle and artifacts
    /// as later code reads them; what the stage hands out is added to `exports`.
    fn statement(
        &mut self,
        at: ActionAt,
        action: &ActionDeclaration,
        expression: String,
        comments: String,
        written: &WrittenAction,
        exports: &mut Vec<String>,
    ) -> Statement {
        let added = format!("s.add({expression})");
        let outputs: Vec<String> =
            action.output_artifacts.iter().flatten().map(|output| output.name.to_string()).collect();
        let outputs_bound: Vec<bool> = (0..outputs.len()).map(|index| self.scope.binds_artifact((at, index))).collect();
        let any_output = outputs_bound.iter().any(|bound| *bound);
        let handle = self.scope.binds_handle(at).then(|| self.scope.bind_handle(at, action, written.variables));
        if let Some(handle) = &handle {
            if self.scope.exports_handle(at) {
                exports.push(handle.clone());
            }
        }
        let mut names: Vec<String> = Vec::new();
        for (index, name) in outputs.iter().enumerate() {
            if outputs_bound[index] {
                let identifier = self.scope.bind_artifact((at, index), name);
                if self.scope.exports_artifact((at, index)) {
                    exports.push(identifier.clone());
                }
                names.push(identifier);
            } else {
                names.push("_".to_owned());
            }
        }
        let pattern = if names.len() == 1 { names[0].clone() } else { format!("[{}]", names.join(", ")) };
        let take = if names.len() == 1 { ".artifact()".to_owned() } else { ".artifacts".to_owned() };
        match (handle, any_output) {
            (Some(handle), true) => Statement {
                comments,
                binding: Some(handle.clone()),
                expression: added,
                after: format!("let {pattern} = {handle}{take};\n"),
            },
            (Some(handle), false) => {
                Statement { comments, binding: Some(handle), expression: added, after: String::new() }
            }
            (None, true) => Statement {
                comments,
                binding: Some(pattern),
                expression: format!("{added}{take}"),
                after: String::new(),
            },
            (None, false) => Statement { comments, binding: None, expression: added, after: String::new() },
        }
    }
}

/// One `s.add(..)` of a stage's closure.
struct Statement {
    comments: String,
    /// The pattern the result is bound to.
    binding: Option<String>,
    expression: String,
    /// Lines after it (the handle's artifacts).
    after: String,
}

/// Whether the pipeline uses what only V2 offers, so that the DSL writes
/// `pipelineType` V2 where the input has none.
fn uses_v2_features(declaration: &PipelineDeclaration) -> bool {
    use pipewright_dsl::model::ExecutionMode;
    declaration.variables.as_ref().is_some_and(|variables| !variables.is_empty())
        || declaration.triggers.as_ref().is_some_and(|triggers| !triggers.is_empty())
        || matches!(declaration.execution_mode, Some(ExecutionMode::Queued | ExecutionMode::Parallel))
        || declaration.stages.iter().any(|stage| {
            stage.on_failure.is_some()
                || stage.on_success.is_some()
                || stage.before_entry.is_some()
                || stage.actions.iter().any(|action| {
                    pipewright_dsl::providers::find(&action.action_type_id).is_some_and(|provider| provider.v2_only)
                })
        })
}

/// The namespace the DSL derives for an action of ASCII names, `None` when
/// it would add positions (non-ASCII names).
fn derived_namespace(stage: &str, action: &str) -> Option<String> {
    (stage.is_ascii() && action.is_ascii()).then(|| {
        format!("{stage}_{action}")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '@' | '-' | '_') { c } else { '_' })
            .collect()
    })
}

/// `text` with each line indented by `depth` levels of four spaces, so
/// the code reads well even where rustfmt leaves a statement as written
/// (it does when a string literal is longer than a line).
fn indented(text: &str, depth: usize) -> String {
    let indent = "    ".repeat(depth);
    text.lines().map(|line| if line.is_empty() { "\n".to_owned() } else { format!("{indent}{line}\n") }).collect()
}

/// Text for a `//` comment: one line.
fn printable_in_comment(text: &str) -> String {
    pipewright_dsl::printable(text).replace(['\n', '\r'], " ")
}

/// The longest comment line the code gets, not counting its indentation.
const COMMENT_WIDTH: usize = 80;

/// `text` as `//` comment lines of at most [`COMMENT_WIDTH`] characters
/// (a longer word gets a line of its own).
fn comment(text: &str) -> String {
    let mut lines = String::new();
    let mut line = String::new();
    for word in printable_in_comment(text).split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > COMMENT_WIDTH {
            lines.push_str(&format!("// {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push_str(&format!("// {line}\n"));
    }
    lines
}
