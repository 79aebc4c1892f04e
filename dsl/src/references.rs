//! Variable references written into an action's texts (`#{namespace.Key}`):
//! where they are and what they name. The variable rules check them, and
//! diagrams draw the flow of variables from them.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::ActionDeclaration;

/// `#{namespace.Key}`.
static REFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#\{([A-Za-z0-9@\-_]+)\.([^}]+)\}").expect("the reference pattern is valid"));

/// One `#{namespace.Key}` in an action's configuration, commands or
/// environment variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableReference<'a> {
    /// The field that holds it, e.g. `configuration.CustomData` or
    /// `environmentVariables[0].value`.
    pub field: String,
    /// The namespace: an action's namespace, `variables` for a pipeline
    /// variable, or `codepipeline`.
    pub namespace: &'a str,
    /// The variable's key within the namespace.
    pub key: &'a str,
}

impl ActionDeclaration {
    /// Every variable reference in the action's configuration, commands and
    /// environment variables, in that order: in literal values and in the
    /// texts of expressions (`Fn::Sub`, `Fn::Join`, ...) alike.
    ///
    /// ```
    /// use pipewright_dsl::model::ActionDeclaration;
    ///
    /// let action: ActionDeclaration = serde_json::from_str(r##"{"name": "Build",
    ///   "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
    ///   "configuration": {"ProjectName": "app"},
    ///   "environmentVariables": [{"name": "COMMIT", "value": "#{SourceVariables.CommitId}"}]}"##).unwrap();
    /// let reference = &action.variable_references()[0];
    /// assert_eq!((reference.namespace, reference.key), ("SourceVariables", "CommitId"));
    /// assert_eq!(reference.field, "environmentVariables[0].value");
    /// ```
    pub fn variable_references(&self) -> Vec<VariableReference<'_>> {
        let configuration =
            self.configuration.iter().flatten().flat_map(|(key, value)| {
                value.texts().into_iter().map(move |text| (format!("configuration.{key}"), text))
            });
        let commands = self.commands.iter().flatten().enumerate().flat_map(|(index, command)| {
            command.texts().into_iter().map(move |text| (format!("commands[{index}]"), text))
        });
        let environment = self.environment_variables.iter().flatten().enumerate().flat_map(|(index, variable)| {
            variable.value.texts().into_iter().map(move |text| (format!("environmentVariables[{index}].value"), text))
        });
        configuration
            .chain(commands)
            .chain(environment)
            .flat_map(|(field, text)| {
                references_in(text).map(move |(namespace, key)| VariableReference {
                    field: field.clone(),
                    namespace,
                    key,
                })
            })
            .collect()
    }
}

/// The `(namespace, key)` of every `#{namespace.Key}` in `text`.
pub(crate) fn references_in(text: &str) -> impl Iterator<Item = (&str, &str)> {
    REFERENCE.captures_iter(text).map(|reference| {
        let (_, [namespace, key]) = reference.extract();
        (namespace, key)
    })
}
