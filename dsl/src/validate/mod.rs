//! Every rule the type system cannot carry, checked before anything is
//! written. All violations are reported at once, each with its path and what
//! would be valid.
//!
//! The rules read the model ([`Pipeline::declaration`]) and what is declared
//! around it (tags, disabled transitions, the pipeline's Region, EventBridge
//! and notification rules), so a pipeline read from JSON is checked exactly
//! like one written with the builders. A value that is a
//! CloudFormation expression is unknown until deploy: its pattern is never
//! checked, but it still counts where a count is checked.
//!
//! Findings are reported in the order of the rule groups
//! ([`RuleGroup::ALL`](crate::RuleGroup::ALL)), each in stage and action
//! order. [`Rule`](crate::Rule) lists every rule code with its group, its
//! severity and what it checks; `synth explain CODE` prints one.
//!
//! Where a general rule and a more specific one report the same field, only
//! the specific one is kept (the table is in `overlaps.rs`).
//!
//! The pipeline builder adds its own findings first (`action-output-count`,
//! `source-stage-first`, `role-required`, `run-order-data-flow`); a model finding that describes
//! the same mistake at that place or below it is left out (the table is in
//! `builder_findings.rs`). Deriving the cross-account role templates
//! ([`crate::cross_account::targets`]) fails with `cross-account-region` and
//! `cross-account-template` when a setting the templates need is unknown.
//!
//! ```
//! use pipewright_dsl::model::PipelineDocument;
//! use pipewright_dsl::Pipeline;
//!
//! let json = r#"{"pipeline": {"name": "my pipeline", "roleArn": "arn:aws:iam::123456789012:role/R",
//!   "artifactStore": {"type": "S3", "location": "my-bucket"},
//!   "stages": [
//!     {"name": "Source", "actions": [{"name": "Checkout",
//!       "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "CodeCommit", "version": "1"},
//!       "configuration": {"RepositoryName": "repo", "BranchName": "main"},
//!       "outputArtifacts": [{"name": "Code"}]}]},
//!     {"name": "Build", "actions": [{"name": "Build",
//!       "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
//!       "configuration": {"ProjectName": "project"},
//!       "inputArtifacts": [{"name": "Code"}]}]}]}}"#;
//! let pipeline = Pipeline::from_document(PipelineDocument::from_json(json).unwrap());
//! let errors = pipeline.validate().unwrap_err();
//! assert_eq!(
//!     errors.to_string(),
//!     "error[pipeline-name]: pipeline \"my pipeline\": the pipeline name \"my pipeline\" contains \" \"; \
//!      use 1 to 100 characters from [A-Za-z0-9.@\\-_]"
//! );
//! ```

mod arns;
mod artifact_stores;
mod artifacts;
mod builder_findings;
mod catalog;
mod conditions;
mod context;
mod cross_account;
mod environment;
mod events;
mod names;
mod notifications;
mod overlaps;
mod pattern;
mod providers;
mod rule_names;
mod run_order;
mod secrets;
mod sizes;
mod structure;
mod tags;
mod template_conditions;
mod transitions;
mod triggers;
mod unique;
mod v2;
mod variables;

use crate::pipeline::Pipeline;
use crate::{Violation, Violations};
use context::Context;

/// A group of rules: reads the context and appends what it finds.
type RuleGroup = fn(&Context<'_>, &mut Vec<Violation>);

/// Every rule group, in the order their findings are reported.
const RULE_GROUPS: [RuleGroup; 21] = [
    names::check,
    unique::check,
    structure::check,
    template_conditions::check_declared,
    artifacts::check,
    template_conditions::check_artifacts,
    run_order::check,
    artifact_stores::check,
    arns::check,
    variables::check,
    v2::check,
    triggers::check,
    conditions::check,
    providers::check,
    environment::check,
    sizes::check,
    cross_account::check,
    tags::check,
    transitions::check,
    events::check,
    notifications::check,
];

impl Pipeline {
    /// Every finding, errors and warnings, in rule order: first what the
    /// builder noticed, then the rules over the model and the declarations
    /// around it. A model finding that describes a mistake the builder
    /// already reported there is left out.
    pub fn check(&self) -> Vec<Violation> {
        findings(self)
    }

    /// Checks every rule the types cannot carry and reports all findings at
    /// once, each with its path and what would be valid. Fails when any of
    /// them is an error; warnings alone pass (see [`Pipeline::check`]).
    pub fn validate(&self) -> Result<(), Violations> {
        let violations = self.check();
        if violations.iter().any(Violation::is_error) {
            Err(Violations(violations))
        } else {
            Ok(())
        }
    }
}

/// Every finding of a pipeline: the builder's, then every rule over the
/// model and the settings around it, leaving out what describes a mistake the
/// builder already reported.
pub(crate) fn findings(pipeline: &Pipeline) -> Vec<Violation> {
    let context = Context::new(pipeline);
    let builder = &pipeline.build_violations;
    let mut model = Vec::new();
    for group in RULE_GROUPS {
        group(&context, &mut model);
    }
    let derived = |mut found: Violation| {
        for name in pipeline.derived_names.iter().filter(|name| found.location.is_within(&name.location)) {
            found.message = format!("{}; {}", found.message, name.note);
        }
        found
    };
    let mut violations = builder.clone();
    violations.extend(
        model
            .iter()
            .filter(|found| {
                !builder_findings::already_reported(builder, found) && !overlaps::said_more_specifically(&model, found)
            })
            .cloned()
            .map(derived),
    );
    violations
}
