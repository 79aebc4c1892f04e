//! Findings: what is wrong ([`Violation`]), where ([`Location`]), how
//! serious ([`Severity`]), and which rule ([`Rule`]) says so. The builder,
//! the validation, the cross-account derivation and synthesis all report
//! findings of this one shape.

mod rules;

use std::fmt;

use crate::model::Str;
use crate::printable::printable;
pub use rules::{Rule, RuleGroup};

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

    /// A stack of several pipelines in one template: `stack "x"`.
    pub fn stack(stack: &str) -> Location {
        Location(vec![named("stack", &stack.into(), None)])
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

/// `error` or `warning`, as a finding prints it.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where.
    pub location: Location,
    /// The rule, e.g. [`Rule::ArtifactNameUnique`]; its severity is the
    /// finding's.
    pub rule: Rule,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl Violation {
    /// A finding: `rule` is broken at `location`.
    pub fn new(location: Location, rule: Rule, message: impl Into<String>) -> Violation {
        Violation { location, rule, message: message.into() }
    }

    /// Error or warning, as the rule is.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// Whether this finding stops synthesis.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}: {}", self.severity(), self.rule.code(), self.location, printable(&self.message))
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
