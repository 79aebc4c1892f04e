//! Names, patterns and lengths: pipeline, stage, action, artifact, namespace,
//! pipeline variable, provider, version, environment variable and condition
//! rule names.

use super::context::{stage_conditions, Context};
use super::pattern::{
    CharPattern, ARTIFACT_NAME, ENVIRONMENT_VARIABLE_NAME, NAME, NAMESPACE, PROVIDER, VARIABLE_NAME, VERSION,
};
use crate::model::Str;
use crate::{Location, Rule, Violation};

/// Namespaces CodePipeline keeps for itself.
pub(super) const RESERVED_NAMESPACES: [&str; 2] = ["codepipeline", "variables"];

/// Checks every name of the pipeline against its pattern and length.
/// Locations are built only for the names that break their pattern.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Violation>) {
    let declaration = cx.declaration;
    let mut names = NameCheck { out };
    names.check(|| cx.pipeline_location(), Rule::PipelineName, "pipeline name", &NAME, &declaration.name);
    for stage in &declaration.stages {
        names.check(|| cx.stage_location(stage), Rule::StageName, "stage name", &NAME, &stage.name);
    }
    for placed in &cx.actions {
        let action = placed.action;
        let location = cx.location(placed);
        names.check(|| location.to_location(), Rule::ActionName, "action name", &NAME, &action.name);
        names.type_id(
            || location.to_location(),
            "actionTypeId",
            &action.action_type_id.provider,
            Some(&action.action_type_id.version),
        );
        for (index, output) in action.output_artifacts.iter().flatten().enumerate() {
            let at = || location.field(&format!("outputArtifacts[{index}].name"));
            names.check(at, Rule::ArtifactName, "artifact name", &ARTIFACT_NAME, &output.name);
        }
        if let Some(namespace) = &action.namespace {
            let at = || location.field("namespace");
            names.check(at, Rule::NamespaceName, "namespace", &NAMESPACE, namespace);
            if let Some(reserved) = RESERVED_NAMESPACES.iter().find(|reserved| *namespace == **reserved) {
                names.out.push(Violation::new(
                    at(),
                    Rule::NamespaceReserved,
                    format!(
                        "the namespace \"{reserved}\" is reserved by CodePipeline (\"codepipeline\" and \"variables\" \
                         are built in); choose another namespace"
                    ),
                ));
            }
        }
        for (index, variable) in action.environment_variables.iter().flatten().enumerate() {
            names.check(
                || location.field(&format!("environmentVariables[{index}].name")),
                Rule::EnvironmentVariableName,
                "environment variable name",
                &ENVIRONMENT_VARIABLE_NAME,
                &variable.name,
            );
        }
    }
    for (index, variable) in declaration.variables.iter().flatten().enumerate() {
        let at = || cx.pipeline_location().field(&format!("variables[{index}].name"));
        names.check(at, Rule::VariableName, "pipeline variable name", &VARIABLE_NAME, &variable.name);
    }
    for stage in &declaration.stages {
        for (_, field, condition) in stage_conditions(stage) {
            for (index, rule) in condition.rules.iter().flatten().enumerate() {
                let location = || cx.stage_location(stage).field(&format!("{field}.rules[{index}]"));
                names.check(|| location().field("name"), Rule::ConditionRuleName, "rule name", &NAME, &rule.name);
                names.type_id(location, "ruleTypeId", &rule.rule_type_id.provider, rule.rule_type_id.version.as_ref());
            }
        }
    }
}

/// Reports the names that do not match their pattern.
struct NameCheck<'o> {
    out: &'o mut Vec<Violation>,
}

impl NameCheck<'_> {
    /// Checks one name; an expression is unknown until deploy and passes.
    /// `location` is called only when the name is wrong.
    fn check(
        &mut self,
        location: impl FnOnce() -> Location,
        rule: Rule,
        what: &str,
        pattern: &CharPattern,
        value: &Str,
    ) {
        let Some(text) = value.as_literal() else { return };
        if let Some(problem) = pattern.problem(text) {
            self.out.push(Violation::new(
                location(),
                rule,
                format!("the {what} \"{text}\" {problem}; use {}", pattern.expected()),
            ));
        }
    }

    /// Checks the provider and version of an action or rule type.
    fn type_id(&mut self, location: impl Fn() -> Location, field: &str, provider: &Str, version: Option<&Str>) {
        let provider_at = || location().field(&format!("{field}.provider"));
        self.check(provider_at, Rule::ProviderName, "provider", &PROVIDER, provider);
        if let Some(version) = version {
            let version_at = || location().field(&format!("{field}.version"));
            self.check(version_at, Rule::ProviderVersion, "version", &VERSION, version);
        }
    }
}
