//! One action as a Rust expression: its typed action when a row of the
//! provider table reproduces it exactly, else the escape hatch
//! (`GenericAction` / `GenericSource`) with a comment saying why.

use indexmap::IndexMap;
use pipewright_dsl::model::{ActionCategory, ActionDeclaration, ActionOwner, Str};

use super::providers::{Argument, Outputs, Setter, TypedAction, Variables, TYPED_ACTIONS};
use super::scope::{ActionAt, OutputAt, Scope};
use super::values::{pieces, str_expression, string_literal, Piece};
use super::Loss;

/// An action written as code.
pub(super) struct WrittenAction {
    /// Comment lines to put above the action.
    pub(super) comments: Vec<String>,
    /// The expression `s.add(..)` takes, without run order and namespace.
    pub(super) expression: String,
    /// What `.vars()` of its handle offers.
    pub(super) variables: Variables,
    /// The earlier actions of the same stage it reads artifacts or variables of.
    pub(super) same_stage_dependencies: Vec<usize>,
    /// What it cannot carry over.
    pub(super) losses: Vec<Loss>,
}

/// The expression under construction and what it reads.
struct Draft<'s, 'a> {
    scope: &'s mut Scope<'a>,
    at: ActionAt,
    dependencies: Vec<usize>,
    losses: Vec<Loss>,
    path: String,
}

impl Draft<'_, '_> {
    /// `value` as an expression that converts into `Text`, its references
    /// read as typed variables where the producer's handle offers them.
    fn text(&mut self, value: &Str, field: &str) -> String {
        let Str::Literal(text) = value else {
            return str_expression(value).unwrap_or_else(|| {
                self.losses.push(Loss::new(
                    format!("{}.{field}", self.path),
                    "an intrinsic function no `cfn::` call writes; written as its JSON text",
                ));
                string_literal(&serde_json::to_string(value).unwrap_or_default())
            });
        };
        let mut parts: Vec<String> = Vec::new();
        let mut literal = String::new();
        let mut variables = 0;
        for piece in pieces(text) {
            let read = match piece {
                Piece::Literal(_) => None,
                Piece::Reference { namespace, key } => self.scope.read_variable(namespace, key, self.at),
            };
            match (piece, read) {
                (_, Some((expression, producer))) => {
                    if let Some((stage, index)) = producer {
                        if stage == self.at.0 {
                            self.dependencies.push(index);
                        }
                    }
                    if !literal.is_empty() {
                        parts.push(format!("{}.into()", string_literal(&std::mem::take(&mut literal))));
                    }
                    parts.push(match expression.strip_prefix('&') {
                        Some(borrowed) => format!("Text::from(&{borrowed})"),
                        None => format!("{expression}.into()"),
                    });
                    variables += 1;
                }
                (Piece::Literal(text), None) => literal.push_str(text),
                (Piece::Reference { namespace, key }, None) => literal.push_str(&format!("#{{{namespace}.{key}}}")),
            }
        }
        if variables == 0 {
            return string_literal(text);
        }
        if !literal.is_empty() {
            parts.push(format!("{}.into()", string_literal(&literal)));
        }
        match parts.as_slice() {
            [only] => only
                .strip_prefix("Text::from(")
                .and_then(|only| only.strip_suffix(')'))
                .unwrap_or_else(|| only.trim_end_matches(".into()"))
                .to_owned(),
            _ => format!("Text::concat([{}])", parts.join(", ")),
        }
    }

    /// The artifact `name` as the action reads it.
    fn artifact(&mut self, name: &str) -> Option<(String, OutputAt)> {
        let read = self.scope.read_artifact(name, self.at)?;
        if read.1 .0 .0 == self.at.0 {
            self.dependencies.push(read.1 .0 .1);
        }
        Some(read)
    }
}

/// Writes the action at `at`.
pub(super) fn write(scope: &mut Scope<'_>, at: ActionAt, action: &ActionDeclaration, path: &str) -> WrittenAction {
    let mut comments = Vec::new();
    let rows: Vec<&TypedAction> = TYPED_ACTIONS
        .iter()
        .filter(|row| {
            action.action_type_id.provider == row.provider
                && row.owner == action.action_type_id.owner
                && row.category == action.action_type_id.category
                && action.action_type_id.version == "1"
        })
        .collect();
    let mut reasons = Vec::new();
    if is_commands(action) {
        let reads_before = scope.reads.clone();
        let mut draft = Draft { scope, at, dependencies: Vec::new(), losses: Vec::new(), path: path.to_owned() };
        match commands(&mut draft, action) {
            Ok(expression) => {
                let Draft { dependencies, losses, .. } = draft;
                return WrittenAction {
                    comments,
                    expression,
                    variables: Variables::Named,
                    same_stage_dependencies: dependencies,
                    losses,
                };
            }
            Err(reason) => {
                scope.reads = reads_before;
                reasons.push((true, format!("Commands::new: {reason}")));
            }
        }
    }
    if is_codedeploy_to_ecs(action) {
        let reads_before = scope.reads.clone();
        let mut draft = Draft { scope, at, dependencies: Vec::new(), losses: Vec::new(), path: path.to_owned() };
        match codedeploy_to_ecs(&mut draft, action) {
            Ok(expression) => {
                let Draft { dependencies, losses, .. } = draft;
                return WrittenAction {
                    comments,
                    expression,
                    variables: Variables::None,
                    same_stage_dependencies: dependencies,
                    losses,
                };
            }
            Err(reason) => {
                scope.reads = reads_before;
                reasons.push((true, format!("CodeDeployToEcs::new: {reason}")));
            }
        }
    }
    for row in &rows {
        // A row that does not fit must leave no read behind.
        let reads_before = scope.reads.clone();
        let mut draft = Draft { scope, at, dependencies: Vec::new(), losses: Vec::new(), path: path.to_owned() };
        match typed(&mut draft, row, action) {
            Ok(expression) => {
                let Draft { dependencies, losses, .. } = draft;
                return WrittenAction {
                    comments,
                    expression,
                    variables: row.variables,
                    same_stage_dependencies: dependencies,
                    losses,
                };
            }
            Err(reason) => {
                scope.reads = reads_before;
                reasons.push((fits_fixed(row, action), format!("{}: {reason}", row.constructor)));
            }
        }
    }
    // Say why the rows of the action's mode failed, not every mode's row.
    let any_fits = reasons.iter().any(|(fits, _)| *fits);
    let reasons: Vec<String> =
        reasons.into_iter().filter(|(fits, _)| *fits || !any_fits).map(|(_, reason)| reason).collect();
    let type_id = &action.action_type_id;
    comments.push(match (type_id.owner, reasons.is_empty()) {
        (ActionOwner::Aws, true) => format!(
            "AWS provider {} ({}): the import table has no typed action for it yet, so the escape hatch carries it.",
            type_id.provider,
            type_id.category.as_str()
        ),
        (_, true) => format!(
            "{} provider {}: pipewright has no typed action for it, so the escape hatch carries its type and configuration.",
            type_id.owner.as_str(),
            type_id.provider
        ),
        (_, false) => format!("The typed action cannot reproduce this action exactly ({}), so the escape hatch carries it.", reasons.join("; ")),
    });
    let mut draft = Draft { scope, at, dependencies: Vec::new(), losses: Vec::new(), path: path.to_owned() };
    let expression = generic(&mut draft, action);
    let Draft { dependencies, losses, .. } = draft;
    WrittenAction { comments, expression, variables: Variables::Named, same_stage_dependencies: dependencies, losses }
}

/// Whether `action` has the fixed values of `row` (its mode).
fn fits_fixed(row: &TypedAction, action: &ActionDeclaration) -> bool {
    let configuration = action.configuration.as_ref();
    row.fixed.iter().all(|(key, value)| {
        configuration.and_then(|configuration| configuration.get(*key)).and_then(Str::as_literal) == Some(*value)
    })
}

/// Whether `action` is the Commands action, whose commands, output files,
/// output variables and environment variables are fields of the action
/// rather than configuration, so it has a writer of its own.
fn is_commands(action: &ActionDeclaration) -> bool {
    let type_id = &action.action_type_id;
    type_id.owner == ActionOwner::Aws
        && type_id.category == ActionCategory::Compute
        && type_id.provider == "Commands"
        && type_id.version == "1"
}

/// The Commands action: `Commands::new(name, input, [commands])` with its
/// output files, further inputs, output and environment variables.
fn commands(draft: &mut Draft<'_, '_>, action: &ActionDeclaration) -> Result<String, String> {
    use pipewright_dsl::model::EnvironmentVariableType;
    let lines = action.commands.as_ref().filter(|lines| !lines.is_empty()).ok_or("it has no commands")?;
    let input_names: Vec<&str> =
        action.input_artifacts.iter().flatten().filter_map(|input| input.name.as_literal()).collect();
    let first = *input_names.first().ok_or("it has no input artifact")?;
    let first = draft.artifact(first).ok_or(format!("its input {first} comes from no earlier action"))?.0;
    let written: Vec<String> =
        lines.iter().enumerate().map(|(index, line)| draft.text(line, &format!("commands[{index}]"))).collect();
    // An array holds one type: every command is a Text once one is not a literal.
    let all_literal =
        lines.iter().zip(&written).all(|(line, written)| line.is_literal() && written.starts_with(['"', 'r']));
    let written: Vec<String> = if all_literal {
        written
    } else {
        written
            .into_iter()
            .map(|text| if text.starts_with("Text::") { text } else { format!("Text::from({text})") })
            .collect()
    };
    let mut expression =
        format!("Commands::new({}, {first}, [{}])", string_literal(&action.name.to_string()), written.join(", "));
    match action.output_artifacts.as_deref().unwrap_or_default() {
        [] => {}
        [output] => {
            let files = output.files.as_ref().ok_or("its output artifact names no files")?;
            let files: Option<Vec<String>> = files.iter().map(str_expression).collect();
            let files = files.ok_or("a file of its output is an expression")?;
            expression.push_str(&format!(
                ".output_files({}, [{}])",
                string_literal(&output.name.to_string()),
                files.join(", ")
            ));
        }
        _ => return Err("it has more than one output artifact".to_owned()),
    }
    for name in &input_names[1..] {
        let artifact = draft.artifact(name).ok_or(format!("its input {name} comes from no earlier action"))?;
        expression.push_str(&format!(".input({})", artifact.0));
    }
    if let Some(names) = &action.output_variables {
        let names: Option<Vec<String>> = names.iter().map(str_expression).collect();
        expression.push_str(&format!(
            ".output_variables([{}])",
            names.ok_or("an output variable is an expression")?.join(", ")
        ));
    }
    for (index, variable) in action.environment_variables.iter().flatten().enumerate() {
        let method = match variable.variable_type {
            Some(EnvironmentVariableType::Plaintext) => "environment_variable",
            Some(EnvironmentVariableType::SecretsManager) => "secret_environment_variable",
            _ => return Err("an environment variable has no type the typed action writes".to_owned()),
        };
        let name = str_expression(&variable.name).ok_or("an environment variable's name is an expression")?;
        let value = draft.text(&variable.value, &format!("environmentVariables[{index}].value"));
        expression.push_str(&format!(".{method}({name}, {value})"));
    }
    if action.timeout_in_minutes.is_some() {
        return Err("it sets timeoutInMinutes".to_owned());
    }
    for (key, value) in configuration(action) {
        expression.push_str(&format!(
            ".configuration({}, {})",
            string_literal(&key),
            draft.text(&value, &format!("configuration.{key}"))
        ));
    }
    expression.push_str(&common_settings(draft, action));
    Ok(expression)
}

/// Whether `action` is CodeDeploy's blue/green deployment to ECS, whose
/// images pair two keys each, so it has a writer of its own.
fn is_codedeploy_to_ecs(action: &ActionDeclaration) -> bool {
    let type_id = &action.action_type_id;
    type_id.owner == ActionOwner::Aws
        && type_id.category == ActionCategory::Deploy
        && type_id.provider == "CodeDeployToECS"
        && type_id.version == "1"
}

/// The most images `CodeDeployToEcs` takes.
const ECS_IMAGES: usize = 4;

/// `CodeDeployToEcs::new(name, application, group, task definition, AppSpec)`
/// with `.image(artifact, container)` per image, and `.images_first()` when
/// the action lists its image artifacts before the others.
fn codedeploy_to_ecs(draft: &mut Draft<'_, '_>, action: &ActionDeclaration) -> Result<String, String> {
    let mut configuration = configuration(action);
    let input_names: Vec<&str> =
        action.input_artifacts.iter().flatten().filter_map(|input| input.name.as_literal()).collect();
    if input_names.len() != action.input_artifacts.iter().flatten().count() {
        return Err("an input artifact's name is an expression".to_owned());
    }
    if action.output_artifacts.iter().flatten().next().is_some() {
        return Err("it has output artifacts".to_owned());
    }
    if action.timeout_in_minutes.is_some()
        || action.commands.is_some()
        || action.output_variables.is_some()
        || action.environment_variables.is_some()
    {
        return Err("it sets timeoutInMinutes, commands, output variables or environment variables".to_owned());
    }
    let mut text = |draft: &mut Draft<'_, '_>, key: &str| -> Result<String, String> {
        let value = configuration.shift_remove(key).ok_or(format!("it has no {key}"))?;
        Ok(draft.text(&value, &format!("configuration.{key}")))
    };
    let application = text(draft, "ApplicationName")?;
    let group = text(draft, "DeploymentGroupName")?;
    // Each artifact the action names, in the order the DSL adds them as inputs.
    let mut wired: Vec<&str> = Vec::new();
    let mut file_input = |draft: &mut Draft<'_, '_>,
                          configuration: &mut IndexMap<String, Str>,
                          artifact_key: &str,
                          path_key: &str|
     -> Result<String, String> {
        let name = configuration.shift_remove(artifact_key).ok_or(format!("it has no {artifact_key}"))?;
        let name = name.as_literal().ok_or(format!("{artifact_key} is an expression"))?.to_owned();
        let input =
            *input_names.iter().find(|input| **input == name).ok_or(format!("{name} is not one of its inputs"))?;
        let artifact = draft.artifact(input).ok_or(format!("its input {input} comes from no earlier action"))?.0;
        if !wired.contains(&input) {
            wired.push(input);
        }
        match configuration.shift_remove(path_key) {
            None => Ok(artifact),
            Some(Str::Literal(file)) => Ok(format!("{artifact}.path({})", string_literal(&file))),
            Some(_) => Err(format!("{path_key} is an expression")),
        }
    };
    let task_definition =
        file_input(draft, &mut configuration, "TaskDefinitionTemplateArtifact", "TaskDefinitionTemplatePath")?;
    let appspec = file_input(draft, &mut configuration, "AppSpecTemplateArtifact", "AppSpecTemplatePath")?;
    let others = wired.clone();
    let mut expression = format!(
        "CodeDeployToEcs::new({}, {application}, {group}, {task_definition}, {appspec})",
        string_literal(&action.name.to_string())
    );
    let mut images: Vec<&str> = Vec::new();
    for index in 1..=ECS_IMAGES {
        let artifact_key = format!("Image{index}ArtifactName");
        let container_key = format!("Image{index}ContainerName");
        let Some(name) = configuration.shift_remove(&artifact_key) else { break };
        let name = name.as_literal().ok_or(format!("{artifact_key} is an expression"))?.to_owned();
        let input =
            *input_names.iter().find(|input| **input == name).ok_or(format!("{name} is not one of its inputs"))?;
        let artifact = draft.artifact(input).ok_or(format!("its input {input} comes from no earlier action"))?.0;
        let container = configuration.shift_remove(&container_key).ok_or(format!("it has no {container_key}"))?;
        let container = draft.text(&container, &format!("configuration.{container_key}"));
        expression.push_str(&format!(".image({artifact}, {container})"));
        images.push(input);
    }
    if let Some(key) = configuration.keys().find(|key| key.starts_with("Image")) {
        return Err(format!("{key} is not one of {ECS_IMAGES} images numbered from 1"));
    }
    let mut in_order = others.clone();
    for image in &images {
        if !in_order.contains(image) {
            in_order.push(image);
        }
    }
    let mut images_first: Vec<&str> = Vec::new();
    for artifact in images.iter().chain(&others) {
        if !images_first.contains(artifact) {
            images_first.push(artifact);
        }
    }
    match (input_names == in_order, input_names == images_first) {
        (true, _) => {}
        (false, true) => expression.push_str(".images_first()"),
        (false, false) => {
            return Err("it lists its input artifacts in another order than the typed action wires them".to_owned())
        }
    }
    for (key, value) in &configuration {
        expression.push_str(&format!(
            ".configuration({}, {})",
            string_literal(key),
            draft.text(value, &format!("configuration.{key}"))
        ));
    }
    expression.push_str(&common_settings(draft, action));
    Ok(expression)
}

/// The configuration of `action`, in order.
fn configuration(action: &ActionDeclaration) -> IndexMap<String, Str> {
    action.configuration.clone().unwrap_or_default()
}

/// The typed action of `row` for `action`, or why the row cannot write it.
fn typed(draft: &mut Draft<'_, '_>, row: &TypedAction, action: &ActionDeclaration) -> Result<String, String> {
    let mut configuration = configuration(action);
    for (key, value) in row.fixed {
        match configuration.shift_remove(*key) {
            Some(Str::Literal(found)) if found == *value => {}
            _ => return Err(format!("{key} is not {value}")),
        }
    }
    let input_names: Vec<&str> =
        action.input_artifacts.iter().flatten().filter_map(|input| input.name.as_literal()).collect();
    let mut wired: Vec<&str> = Vec::new();
    let mut arguments = vec![string_literal(&action.name.to_string())];
    for argument in row.arguments {
        let taken = argument.key().map(|key| configuration.shift_remove(key));
        let written = match (argument, taken) {
            (Argument::Text(key), Some(Some(value))) => draft.text(&value, &format!("configuration.{key}")),
            (Argument::Str(key), Some(Some(value))) => {
                str_expression(&value).ok_or(format!("{key} is an expression"))?
            }
            (Argument::Input, _) => {
                let name = *input_names.get(wired.len()).ok_or("it has no input artifact")?;
                wired.push(name);
                draft.artifact(name).ok_or(format!("its input {name} comes from no earlier action"))?.0
            }
            (Argument::InputOrFile(_), file) => {
                let name = *input_names.first().ok_or("it has no input artifact")?;
                wired.push(name);
                let artifact = draft.artifact(name).ok_or(format!("its input {name} comes from no earlier action"))?.0;
                match file.flatten() {
                    Some(Str::Literal(file)) => format!("{artifact}.path({})", string_literal(&file)),
                    Some(_) => return Err("its file name is an expression".to_owned()),
                    None => artifact,
                }
            }
            (Argument::Path(key), Some(Some(value))) => {
                let (artifact, file) = artifact_path(draft, &value, &input_names)
                    .ok_or(format!("{key} is not <InputArtifact>::<file>"))?;
                wired.push(artifact.1);
                format!("{}.path({})", artifact.0, string_literal(&file))
            }
            (argument, _) => return Err(format!("it has no {}", argument.key().unwrap_or("input"))),
        };
        arguments.push(written);
    }
    let mut expression = format!("{}({})", row.constructor, arguments.join(", "));
    for setter in row.setters {
        let Some(value) = configuration.get(setter.key()).cloned() else { continue };
        let call = match (setter, &value) {
            (Setter::Text(_, method), _) => {
                Some(format!(".{method}({})", draft.text(&value, &format!("configuration.{}", setter.key()))))
            }
            (Setter::Str(_, method), _) => str_expression(&value).map(|value| format!(".{method}({value})")),
            (Setter::Bool(_, method), Str::Literal(text)) => {
                matches!(text.as_str(), "true" | "false").then(|| format!(".{method}({text})"))
            }
            (Setter::Number(_, method), Str::Literal(text)) => {
                text.parse::<u32>().ok().filter(|n| n.to_string() == *text).map(|n| format!(".{method}({n})"))
            }
            (Setter::Enum(_, method, variants), Str::Literal(text)) => {
                variants.iter().find(|(value, _)| value == text).map(|(_, variant)| format!(".{method}({variant})"))
            }
            (Setter::Capabilities(_), Str::Literal(text)) => {
                capabilities(text).map(|list| format!(".capabilities(&[{list}])"))
            }
            (Setter::Artifact(_, method), Str::Literal(name)) => {
                match input_names.iter().find(|input| *input == name) {
                    Some(input) => draft.artifact(input).map(|(artifact, _)| {
                        if !wired.contains(input) {
                            wired.push(input);
                        }
                        format!(".{method}({artifact})")
                    }),
                    None => None,
                }
            }
            (Setter::Path(_, method), _) => artifact_path(draft, &value, &input_names).map(|(artifact, file)| {
                wired.push(artifact.1);
                format!(".{method}({}.path({}))", artifact.0, string_literal(&file))
            }),
            _ => None,
        };
        if let Some(call) = call {
            configuration.shift_remove(setter.key());
            expression.push_str(&call);
        }
    }
    let outputs: Vec<String> = action.output_artifacts.iter().flatten().map(|output| output.name.to_string()).collect();
    match row.outputs {
        Outputs::None if !outputs.is_empty() => return Err("it has output artifacts".to_owned()),
        Outputs::Source => match outputs.as_slice() {
            [name] if is_derived_output(name, action) => {}
            [name] => expression.push_str(&format!(".output_name({})", string_literal(name))),
            _ => return Err("a source action has exactly one output artifact".to_owned()),
        },
        Outputs::Named(most) if outputs.len() > most => {
            return Err(format!("it has more than {most} output artifacts"))
        }
        Outputs::Named(_) => {
            for name in &outputs {
                expression.push_str(&format!(".output({})", string_literal(name)));
            }
        }
        Outputs::None => {}
        Outputs::OnSetter(key, method) => match (outputs.as_slice(), configuration.shift_remove(key)) {
            ([], None) => {}
            ([name], Some(file)) => {
                expression.push_str(&format!(".{method}({})", draft.text(&file, &format!("configuration.{key}"))));
                if !is_derived_output(name, action) {
                    expression.push_str(&format!(".output_name({})", string_literal(name)));
                }
            }
            _ => return Err(format!("it declares an output artifact only with {key}")),
        },
    }
    for name in &input_names {
        if !wired.contains(name) {
            if !row.more_inputs {
                return Err(format!("it reads {name}, which the typed action takes no place for"));
            }
            let artifact = draft.artifact(name).ok_or(format!("its input {name} comes from no earlier action"))?;
            wired.push(name);
            expression.push_str(&format!(".input({})", artifact.0));
        }
    }
    if wired != input_names {
        return Err("it lists its input artifacts in another order than the typed action wires them".to_owned());
    }
    if action.timeout_in_minutes.is_some() && row.constructor != "ManualApproval::new" {
        return Err("it sets timeoutInMinutes".to_owned());
    }
    if action.commands.is_some() || action.output_variables.is_some() || action.environment_variables.is_some() {
        return Err("it sets commands, output variables or environment variables".to_owned());
    }
    if action.region.is_some() && row.category == ActionCategory::Source {
        return Err("a source action runs in the pipeline's Region".to_owned());
    }
    for (key, value) in &configuration {
        expression.push_str(&format!(
            ".configuration({}, {})",
            string_literal(key),
            draft.text(value, &format!("configuration.{key}"))
        ));
    }
    if let Some(minutes) = action.timeout_in_minutes {
        expression.push_str(&format!(".timeout_in_minutes({minutes})"));
    }
    expression.push_str(&common_settings(draft, action));
    Ok(expression)
}

/// The action through `GenericAction` / `GenericSource`.
fn generic(draft: &mut Draft<'_, '_>, action: &ActionDeclaration) -> String {
    let type_id = &action.action_type_id;
    let owner = format!("ActionOwner::{:?}", type_id.owner);
    let name = string_literal(&action.name.to_string());
    let provider = str_expression(&type_id.provider).unwrap_or_else(|| string_literal(&type_id.provider.to_string()));
    let version = str_expression(&type_id.version).unwrap_or_else(|| string_literal(&type_id.version.to_string()));
    let outputs: Vec<String> = action.output_artifacts.iter().flatten().map(|output| output.name.to_string()).collect();
    let input_names: Vec<&str> =
        action.input_artifacts.iter().flatten().filter_map(|input| input.name.as_literal()).collect();
    let mut expression;
    if type_id.category == ActionCategory::Source {
        expression = format!("GenericSource::new({name}, {owner}, {provider}, {version})");
        match outputs.as_slice() {
            [output] if is_derived_output(output, action) => {}
            [output] => expression.push_str(&format!(".output_name({})", string_literal(output))),
            _ => draft.losses.push(Loss::new(
                format!("{}.outputArtifacts", draft.path),
                "a source action declares exactly one output artifact; written with one",
            )),
        }
        if !input_names.is_empty() {
            draft.losses.push(Loss::new(
                format!("{}.inputArtifacts", draft.path),
                "a source action takes no input artifact; left out",
            ));
        }
    } else {
        let category = format!("NonSourceCategory::{:?}", type_id.category);
        expression = format!("GenericAction::new({name}, {category}, {owner}, {provider}, {version})");
        for (index, input) in input_names.iter().enumerate() {
            match draft.artifact(input) {
                Some((artifact, _)) => expression.push_str(&format!(".input({artifact})")),
                None => draft.losses.push(Loss::new(
                    format!("{}.inputArtifacts[{index}]", draft.path),
                    format!("artifact {input} comes from no earlier action, so no handle reads it; left out"),
                )),
            }
        }
        for (index, output) in outputs.iter().enumerate() {
            if index < 5 {
                expression.push_str(&format!(".output({})", string_literal(output)));
            } else {
                draft.losses.push(Loss::new(
                    format!("{}.outputArtifacts[{index}]", draft.path),
                    "more than 5 output artifacts; left out",
                ));
            }
        }
        if let Some(minutes) = action.timeout_in_minutes {
            expression.push_str(&format!(".timeout_in_minutes({minutes})"));
        }
    }
    for (key, value) in configuration(action) {
        let key_literal = string_literal(&key);
        match artifact_path(draft, &value, &input_names) {
            Some((artifact, file)) if type_id.category != ActionCategory::Source => {
                expression.push_str(&format!(
                    ".configuration_path({key_literal}, {}.path({}))",
                    artifact.0,
                    string_literal(&file)
                ));
            }
            _ => {
                let text = draft.text(&value, &format!("configuration.{key}"));
                expression.push_str(&format!(".configuration({key_literal}, {text})"));
            }
        }
    }
    for (field, present) in [
        ("commands", action.commands.is_some()),
        ("outputVariables", action.output_variables.is_some()),
        ("environmentVariables", action.environment_variables.is_some()),
    ] {
        if present {
            draft.losses.push(Loss::new(
                format!("{}.{field}", draft.path),
                "only the typed Commands action writes it; left out",
            ));
        }
    }
    if type_id.category == ActionCategory::Source {
        if action.timeout_in_minutes.is_some() {
            draft.losses.push(Loss::new(
                format!("{}.timeoutInMinutes", draft.path),
                "a source action has no timeout setter; left out",
            ));
        }
        if action.region.is_some() {
            draft.losses.push(Loss::new(
                format!("{}.region", draft.path),
                "a source action runs in the pipeline's Region; left out",
            ));
        }
    }
    expression.push_str(&common_settings(draft, action));
    expression
}

/// Whether `name` is the output name the DSL derives for `action`,
/// `<ActionName>Output` (for an ASCII name).
fn is_derived_output(name: &str, action: &ActionDeclaration) -> bool {
    let action_name = action.name.to_string();
    action_name.is_ascii()
        && action_name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        && name == format!("{action_name}Output")
}

/// `.role_arn(..)` and `.region(..)`, where the action sets them.
fn common_settings(draft: &mut Draft<'_, '_>, action: &ActionDeclaration) -> String {
    let mut settings = String::new();
    if let Some(role) = &action.role_arn {
        settings.push_str(&format!(".role_arn({})", str_or_loss(draft, role, "roleArn")));
    }
    if let Some(region) = &action.region {
        if action.action_type_id.category != ActionCategory::Source {
            settings.push_str(&format!(".region({})", str_or_loss(draft, region, "region")));
        }
    }
    settings
}

/// `value` as a `Str` expression; an expression no `cfn::` call writes is
/// written as its JSON text and listed.
fn str_or_loss(draft: &mut Draft<'_, '_>, value: &Str, field: &str) -> String {
    str_expression(value).unwrap_or_else(|| {
        draft.losses.push(Loss::new(
            format!("{}.{field}", draft.path),
            "an intrinsic function no `cfn::` call writes; written as its JSON text",
        ));
        string_literal(&serde_json::to_string(value).unwrap_or_default())
    })
}

/// `<Artifact>::<file>` where the artifact is one of the action's inputs:
/// the artifact's identifier and name, and the file.
fn artifact_path<'n>(
    draft: &mut Draft<'_, '_>,
    value: &Str,
    inputs: &[&'n str],
) -> Option<((String, &'n str), String)> {
    let (name, file) = value.as_literal()?.split_once("::")?;
    let input = *inputs.iter().find(|input| **input == name)?;
    let (identifier, _) = draft.artifact(input)?;
    Some(((identifier, input), file.to_owned()))
}

/// `CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND` as `Capability::Iam, Capability::AutoExpand`.
fn capabilities(text: &str) -> Option<String> {
    use pipewright_dsl::actions::Capability;
    let variants: Option<Vec<String>> = text
        .split(',')
        .map(|name| {
            Capability::ALL
                .iter()
                .find(|capability| capability.as_str() == name)
                .map(|capability| format!("Capability::{capability:?}"))
        })
        .collect();
    variants.map(|variants| variants.join(", "))
}
