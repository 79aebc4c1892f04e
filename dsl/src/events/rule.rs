//! One EventBridge rule declared with a pipeline.

use std::collections::BTreeMap;

use heck::ToKebabCase;

use crate::model::{PipelineDeclaration, Str, Tag};

use super::pattern::{EventPattern, S3ChangeDetection};
use super::schedule::Schedule;

/// An EventBridge rule on the default event bus of the pipeline's account and
/// Region: it starts the pipeline (on a source change or a schedule) or
/// sends the pipeline's state changes to other targets.
///
/// Declared with the pipeline (`p.start_on_change(...)`,
/// `p.start_on_schedule(...)`, `p.on_pipeline_state(...)`, ...), which
/// returns the rule for its optional settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRule {
    /// The rule's name (`[.\-_A-Za-z0-9]+`, 1..64), unique in the account and
    /// Region; its file and logical id are named after it.
    pub name: String,
    /// The `Name` written instead of [`EventRule::name`], set with
    /// [`EventRule::rule_name`] (e.g. an expression of the stack's name).
    pub rule_name: Option<Str>,
    /// Whether the template leaves `Name` out so that CloudFormation names
    /// the rule ([`EventRule::named_by_cloudformation`]).
    pub name_generated: bool,
    /// What the rule is for (at most 512 characters).
    pub description: Option<Str>,
    /// Resource tags, in declaration order.
    pub tags: Vec<Tag>,
    /// Whether the rule is active: `Some(RuleState::Enabled)` unless set;
    /// `None` leaves `State` out ([`EventRule::without_state`]), which
    /// EventBridge reads as enabled.
    pub state: Option<RuleState>,
    /// What makes the rule fire.
    pub trigger: RuleTrigger,
    /// Where the rule sends the events, in declaration order (at most 5).
    pub targets: Vec<EventTarget>,
    /// The role EventBridge assumes to reach the targets.
    pub role: RuleRole,
    /// The pipeline's ARN as written where the rule targets the pipeline,
    /// set with [`EventRule::pipeline_arn`]; synth derives it otherwise.
    pub pipeline_arn: Option<Str>,
    /// The ids given to targets, by position in [`EventRule::targets`]; the
    /// others are `StartPipeline` (the pipeline) and `Target1`, `Target2`...
    pub target_ids: BTreeMap<usize, Str>,
}

/// Whether a rule is active.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleState {
    /// `ENABLED` (the default).
    #[default]
    Enabled,
    /// `DISABLED`.
    Disabled,
    /// `ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS`.
    EnabledWithAllCloudTrailManagementEvents,
}

impl RuleState {
    /// The text of `State`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleState::Enabled => "ENABLED",
            RuleState::Disabled => "DISABLED",
            RuleState::EnabledWithAllCloudTrailManagementEvents => "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
        }
    }
}

/// What makes a rule fire.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleTrigger {
    /// A change of one of the pipeline's source actions; the pattern is
    /// derived from the action's settings (see [`EventRule::pattern`]).
    SourceChange(SourceChange),
    /// Events matching a pattern.
    Pattern(EventPattern),
    /// A schedule.
    Schedule(Schedule),
}

/// A source action of the pipeline whose changes start it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceChange {
    /// The index of the action's stage in the pipeline.
    pub stage: usize,
    /// The index of the action in its stage.
    pub action: usize,
    /// How an S3 source's changes are seen (ignored for other sources).
    pub detection: S3ChangeDetection,
}

/// Where a rule sends the events it matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventTarget {
    /// Starts this pipeline (`codepipeline:StartPipelineExecution`).
    Pipeline,
    /// Any target by ARN: an SNS topic, a Lambda function, a queue...
    Arn(Str),
}

/// The role EventBridge assumes to reach the targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleRole {
    /// No role: the targets admit EventBridge by their own resource policy
    /// (SNS topics, Lambda functions).
    None,
    /// A role pipewright generates in the pipeline's account, trusting
    /// `events.amazonaws.com` and allowed only
    /// `codepipeline:StartPipelineExecution` on this pipeline (the default of
    /// rules that start the pipeline).
    Generated,
    /// An existing role.
    Arn(Str),
}

impl EventRule {
    pub(crate) fn new(name: String, trigger: RuleTrigger, target: EventTarget, role: RuleRole) -> EventRule {
        EventRule {
            name,
            rule_name: None,
            name_generated: false,
            description: None,
            tags: Vec::new(),
            state: Some(RuleState::Enabled),
            trigger,
            targets: vec![target],
            role,
            pipeline_arn: None,
            target_ids: BTreeMap::new(),
        }
    }

    /// Describes the rule (at most 512 characters); may be an expression.
    pub fn description(&mut self, description: impl Into<Str>) -> &mut Self {
        self.description = Some(description.into());
        self
    }

    /// The `Name` written, instead of the name the rule was declared with
    /// (which still names its file and logical id): e.g.
    /// `cfn::sub("${AWS::StackName}-main")`. The CLI form needs a literal.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.start_on_change("main", &source).rule_name(cfn::sub("${AWS::StackName}-main"));
    /// });
    /// let rule = &pipeline.event_rules()[0];
    /// assert_eq!(rule.file_stem(), "main");
    /// assert_eq!(rule.deployed_name(), cfn::sub("${AWS::StackName}-main"));
    /// ```
    pub fn rule_name(&mut self, name: impl Into<Str>) -> &mut Self {
        self.rule_name = Some(name.into());
        self
    }

    /// Leaves `Name` out of the rule's template resource, so that
    /// CloudFormation names the rule (a name unique to the stack); the
    /// declared name still names its file and logical id, and is the name
    /// of its CLI form, which needs one.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.start_on_change("main", &source).named_by_cloudformation();
    /// });
    /// let rule = &pipeline.event_rules()[0];
    /// assert!(rule.name_generated);
    /// assert_eq!(rule.deployed_name(), "main");
    /// ```
    pub fn named_by_cloudformation(&mut self) -> &mut Self {
        self.name_generated = true;
        self
    }

    /// Adds a resource tag; key and value may be expressions.
    pub fn tag(&mut self, key: impl Into<Str>, value: impl Into<Str>) -> &mut Self {
        self.tags.push(Tag { key: key.into(), value: value.into(), condition: None });
        self
    }

    /// The id of the target added last (the rule's first target until
    /// [`EventRule::target`] adds one), instead of `StartPipeline` or
    /// `Target<n>`; may be an expression.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.start_on_change("main", &source)
    ///         .target_id("codepipeline-main")
    ///         .target("arn:aws:sns:us-east-1:123456789012:pushes")
    ///         .target_id("notify");
    /// });
    /// let rule = &pipeline.event_rules()[0];
    /// assert_eq!(rule.target_ids[&0], "codepipeline-main");
    /// assert_eq!(rule.target_ids[&1], "notify");
    /// ```
    pub fn target_id(&mut self, id: impl Into<Str>) -> &mut Self {
        let last = self.targets.len().saturating_sub(1);
        self.target_ids.insert(last, id.into());
        self
    }

    /// The `Name` written: [`EventRule::rule_name`] when set, else the name
    /// the rule was declared with.
    pub fn deployed_name(&self) -> Str {
        self.rule_name.clone().unwrap_or_else(|| Str::from(self.name.as_str()))
    }

    /// Whether the rule is active; enabled by default.
    pub fn state(&mut self, state: RuleState) -> &mut Self {
        self.state = Some(state);
        self
    }

    /// Leaves `State` out of the rule, as many templates do: EventBridge
    /// then enables it, as with [`RuleState::Enabled`], which synth writes
    /// unless told otherwise.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.start_on_change("main", &source).without_state();
    /// });
    /// assert_eq!(pipeline.event_rules()[0].state, None);
    /// ```
    pub fn without_state(&mut self) -> &mut Self {
        self.state = None;
        self
    }

    /// The pipeline's ARN as written where the rule targets the pipeline,
    /// instead of the one synth derives: in the template
    /// `{"Fn::Sub": "arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${<logical id>}"}`,
    /// in the CLI form the literal ARN from the pipeline's Region, account
    /// and name. Give it to keep a template's own form of the ARN (an
    /// `Fn::Join`, a fixed partition) or a literal ARN. The CLI form writes
    /// a literal given here; an expression is for the template only, and
    /// the CLI form then derives the ARN as usual. Only the pipeline target
    /// uses it (the generated role's policy keeps the derived ARN).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.logical_id("Pipeline");
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     let arn = cfn::join(
    ///         "",
    ///         [
    ///             "arn:aws:codepipeline:".into(),
    ///             cfn::reference("AWS::Region"),
    ///             ":".into(),
    ///             cfn::reference("AWS::AccountId"),
    ///             ":".into(),
    ///             cfn::reference("Pipeline"),
    ///         ],
    ///     );
    ///     p.start_on_change("main", &source).pipeline_arn(arn);
    /// });
    /// let arn = pipeline.event_rules()[0].pipeline_arn.as_ref().unwrap();
    /// assert_eq!(serde_json::to_value(arn).unwrap()["Fn::Join"][1][5], serde_json::json!({"Ref": "Pipeline"}));
    /// ```
    pub fn pipeline_arn(&mut self, arn: impl Into<Str>) -> &mut Self {
        self.pipeline_arn = Some(arn.into());
        self
    }

    /// Sends the matched events to one more target (at most 5 per rule).
    pub fn target(&mut self, arn: impl Into<Str>) -> &mut Self {
        self.targets.push(EventTarget::Arn(arn.into()));
        self
    }

    /// The role EventBridge assumes to reach the targets, instead of the
    /// generated one (rules that start the pipeline) or none (other rules).
    pub fn role_arn(&mut self, arn: impl Into<Str>) -> &mut Self {
        self.role = RuleRole::Arn(arn.into());
        self
    }

    /// The kebab-case form of the name, which the rule's file name and
    /// logical id are built from.
    pub fn file_stem(&self) -> String {
        self.name.to_kebab_case()
    }

    /// Whether the rule starts the pipeline.
    pub fn starts_pipeline(&self) -> bool {
        self.targets.contains(&EventTarget::Pipeline)
    }

    /// The schedule of a scheduled rule.
    pub fn schedule(&self) -> Option<&Schedule> {
        match &self.trigger {
            RuleTrigger::Schedule(schedule) => Some(schedule),
            _ => None,
        }
    }

    /// The event pattern of the rule, `None` for a scheduled rule. A source
    /// change's pattern is derived from the source action in `pipeline` (a
    /// [`crate::Pipeline`] or its model);
    /// fails, saying why, when it cannot be.
    pub fn pattern(&self, pipeline: &impl AsRef<PipelineDeclaration>) -> Result<Option<EventPattern>, String> {
        match &self.trigger {
            RuleTrigger::Schedule(_) => Ok(None),
            RuleTrigger::Pattern(pattern) => Ok(Some(pattern.clone())),
            RuleTrigger::SourceChange(change) => {
                let action = pipeline
                    .as_ref()
                    .stages
                    .get(change.stage)
                    .and_then(|stage| stage.actions.get(change.action))
                    .ok_or_else(|| format!("the source action of rule \"{}\" is not in the pipeline", self.name))?;
                EventPattern::source_change(action, change.detection).map(Some)
            }
        }
    }
}

/// Marks the output variables of source actions whose changes EventBridge
/// reports, so that only their handles can start a pipeline through a rule.
#[diagnostic::on_unimplemented(
    message = "changes of this source cannot start the pipeline through an EventBridge rule",
    label = "this source's changes are not reported to EventBridge",
    note = "rules start pipelines from CodeCommit, ECR and S3 sources; a CodeStarSourceConnection source starts \
            the pipeline itself (DetectChanges) or through `p.trigger(...)`"
)]
pub trait ChangeEvents<'p> {}
