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
//! Findings are reported in this order of rule groups, each in stage and
//! action order; the rule codes of each group:
//!
//! | Group | Codes |
//! |---|---|
//! | names | `pipeline-name`, `stage-name`, `action-name`, `artifact-name`, `namespace-name`, `namespace-reserved`, `variable-name`, `provider-name`, `provider-version`, `environment-variable-name`, `condition-rule-name` |
//! | uniqueness | `stage-name-unique`, `action-name-unique`, `artifact-name-unique`, `namespace-unique`, `namespace-artifact-clash`, `variable-name-unique` |
//! | structure | `stage-count`, `first-stage-source`, `stage-action-count`, `first-stage-source-only`, `source-outside-first-stage`, `pipeline-action-count`, `non-source-action-required` |
//! | artifacts | `input-artifact-unknown`, `input-artifact-order`, `artifact-count`, `artifact-path-input`, `artifact-name-input`, `primary-source-required` |
//! | runOrder | `run-order-range` |
//! | artifact stores and Regions | `artifact-store-exactly-one`, `artifact-store-bucket`, `kms-key-id-length`, `region-name`, `artifact-store-region-unique`, `artifact-store-pipeline-region`, `region-not-allowed`, `action-region-store` |
//! | ARNs | `role-required`, `role-arn`, `cloudformation-role-arn`, `configuration-arn` (warning), `kms-key-arn` (warning) |
//! | variables | `variable-key-unknown` (warning), `variable-key-undeclared`, `variable-namespace-order`, `variable-namespace-unknown`, `pipeline-variable-in-source`, `pipeline-variable-undeclared` |
//! | V2 | `requires-v2`, `rollback-in-parallel` |
//! | triggers | `trigger-count`, `trigger-source-action`, `trigger-source-action-unique`, `trigger-filter-size`, `trigger-push-filter`, `trigger-pull-request-filter` |
//! | stage conditions | `condition-count`, `condition-rule-count`, `condition-rule-provider` (warning), `condition-rule-input` |
//! | providers | `provider-category`, `provider-unknown` (warning), `provider-deprecated` (warning), `configuration-required`, `configuration-value`, `timeout-range`, `provider-only-field` |
//! | environment variables | `codebuild-environment-variables`, `plaintext-secret` (warning), `plaintext-credential` (warning), `plaintext-secret-name` (warning) |
//! | sizes | `configuration-key-length`, `configuration-value-length`, `commands-size`, `output-variables-size`, `output-files-size`, `environment-variables-size`, `variables-size` |
//! | cross-account | `custom-action-role`, `cross-account-detection` (warning), `cloudformation-role-account`, `cross-account-kms-key`, `cross-account-codebuild-output`, `cross-account-artifact`, `cross-account-permissions` (warning), `cross-account-kms-key-arn` (warning) |
//! | tags | `tag-count`, `tag-size`, `tag-key-unique` |
//! | disabled transitions | `transition-stage`, `transition-reason` |
//! | EventBridge rules | `event-rule-name`, `event-rule-name-unique`, `event-rule-description`, `event-rule-targets`, `event-rule-target-arn`, `event-rule-role`, `event-rule-schedule`, `event-rule-source`, `poll-for-source-changes`, `event-rule-stage` |
//! | notification rules | `notification-rule-name`, `notification-rule-name-unique`, `notification-rule-events`, `notification-rule-targets`, `notification-target` |
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
mod transitions;
mod triggers;
mod unique;
mod v2;
mod variables;

use std::fmt;

use crate::model::Str;
use crate::pipeline::Pipeline;
use crate::printable::printable;
use context::Context;

/// Where a violation is: `pipeline "x" > stage "Build" > action "Unit"`.
///
/// Names are kept as written and made printable only when shown (see
/// [`crate::printable`]): a name with control characters or of megabytes
/// prints escaped and shortened, each name on its own. A stage or action
/// whose name repeats in its pipeline or stage is shown with its position,
/// `stage #2 "Build"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location(Vec<Segment>);

/// One step of a [`Location`].
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// `pipeline "x"`, `stage #2 "Build"`: a kind, a name, and the 1-based
    /// position when the name repeats.
    Named { kind: &'static str, name: String, position: Option<usize> },
    /// A field path such as `configuration.TemplatePath`.
    Field(String),
}

impl Location {
    /// The pipeline itself.
    pub fn pipeline(pipeline: &Str) -> Location {
        Location(vec![named("pipeline", pipeline, None)])
    }

    /// A stage of the pipeline.
    pub fn stage(pipeline: &Str, stage: &Str) -> Location {
        Location::stage_at(pipeline, stage, None)
    }

    /// An action of a stage.
    pub fn action(pipeline: &Str, stage: &Str, action: &Str) -> Location {
        Location::action_at(pipeline, (stage, None), (action, None))
    }

    /// A stage, with its 1-based position when its name repeats.
    pub(crate) fn stage_at(pipeline: &Str, stage: &Str, position: Option<usize>) -> Location {
        Location(vec![named("pipeline", pipeline, None), named("stage", stage, position)])
    }

    /// An action, with the 1-based positions of the stage and the action when
    /// their names repeat.
    pub(crate) fn action_at(
        pipeline: &Str,
        (stage, stage_position): (&Str, Option<usize>),
        (action, action_position): (&Str, Option<usize>),
    ) -> Location {
        Location(vec![
            named("pipeline", pipeline, None),
            named("stage", stage, stage_position),
            named("action", action, action_position),
        ])
    }

    /// A field below this location, e.g. `configuration.TemplatePath`.
    pub fn field(&self, field: &str) -> Location {
        let mut segments = self.0.clone();
        segments.push(Segment::Field(field.to_owned()));
        Location(segments)
    }

    /// Whether this location is `outer` or below it.
    ///
    /// ```
    /// use pipewright_dsl::Location;
    ///
    /// let action = Location::action(&"app".into(), &"Build".into(), &"Unit".into());
    /// assert!(action.field("runOrder").is_within(&action));
    /// assert!(action.is_within(&Location::pipeline(&"app".into())));
    /// assert!(!Location::action(&"app".into(), &"Build".into(), &"Unit2".into()).is_within(&action));
    /// ```
    ///
    /// A field is within the fields it is a part of:
    /// `configuration.RoleArn` is within `configuration`.
    ///
    /// ```
    /// use pipewright_dsl::Location;
    ///
    /// let action = Location::action(&"app".into(), &"Build".into(), &"Unit".into());
    /// assert!(action.field("actionTypeId.provider").is_within(&action.field("actionTypeId")));
    /// assert!(action.field("inputArtifacts[0].name").is_within(&action.field("inputArtifacts")));
    /// assert!(!action.field("actionTypeIdX").is_within(&action.field("actionTypeId")));
    /// ```
    pub fn is_within(&self, outer: &Location) -> bool {
        let Some((last, parents)) = outer.0.split_last() else { return true };
        self.0.starts_with(parents)
            && self.0.get(parents.len()).is_some_and(|segment| segment == last || segment.is_part_of(last))
    }
}

impl Segment {
    /// Whether this field is a part of the field `outer`
    /// (`actionTypeId.provider` of `actionTypeId`).
    fn is_part_of(&self, outer: &Segment) -> bool {
        let (Segment::Field(field), Segment::Field(outer)) = (self, outer) else { return false };
        field.strip_prefix(outer.as_str()).is_some_and(|rest| rest.starts_with(['.', '[']))
    }
}

fn named(kind: &'static str, name: &Str, position: Option<usize>) -> Segment {
    Segment::Named { kind, name: name.to_string(), position }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, segment) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(" > ")?;
            }
            match segment {
                Segment::Named { kind, name, position: None } => write!(f, "{kind} \"{}\"", printable(name))?,
                Segment::Named { kind, name, position: Some(position) } => {
                    write!(f, "{kind} #{position} \"{}\"", printable(name))?
                }
                Segment::Field(field) => f.write_str(&printable(field))?,
            }
        }
        Ok(())
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// AWS would reject the pipeline, or it cannot work: nothing is written.
    Error,
    /// AWS accepts it, but it is very likely a mistake (a placeholder ARN, a
    /// documented pitfall): reported, and the output is still written.
    Warning,
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// A stable code for the rule, e.g. `artifact-name-unique`.
    pub rule: &'static str,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl Violation {
    /// An error: `rule` is broken at `location`.
    pub fn new(location: Location, rule: &'static str, message: impl Into<String>) -> Violation {
        Violation { severity: Severity::Error, location, rule, message: message.into() }
    }

    /// A warning about `rule` at `location`.
    pub fn warning(location: Location, rule: &'static str, message: impl Into<String>) -> Violation {
        Violation { severity: Severity::Warning, location, rule, message: message.into() }
    }

    /// Whether this finding stops synthesis.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}[{}]: {}: {}", self.rule, self.location, printable(&self.message))
    }
}

/// Every violation of a pipeline, in the order the rules found them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violations(pub Vec<Violation>);

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, violation) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// A group of rules: reads the context and appends what it finds.
type RuleGroup = fn(&Context<'_>, &mut Vec<Violation>);

/// Every rule group, in the order their findings are reported.
const RULE_GROUPS: [RuleGroup; 19] = [
    names::check,
    unique::check,
    structure::check,
    artifacts::check,
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
