//! Declaring EventBridge rules on the pipeline builder, and which source
//! actions' changes EventBridge reports ([`ChangeEvents`]).

use crate::action_handle::ActionHandle;
use crate::action_ref::{ActionRef, HasActionRef};
use crate::actions::{CodeCommitVariables, EcrVariables, S3SourceVariables};
use crate::events::{
    ActionExecutionState, ChangeEvents, EventPattern, EventRule, EventTarget, PipelineExecutionState, RuleRole,
    RuleTrigger, S3ChangeDetection, Schedule, SourceChange, StageExecutionState,
};
use crate::model::Str;
use crate::providers;
use crate::variables::VariableSet;

use super::pipeline::PipelineBuilder;

impl<'p> ChangeEvents<'p> for CodeCommitVariables<'p> {}
impl<'p> ChangeEvents<'p> for EcrVariables<'p> {}
impl<'p> ChangeEvents<'p> for S3SourceVariables<'p> {}

impl<'p> PipelineBuilder<'p> {
    /// Starts the pipeline when `source` changes: a push to the CodeCommit
    /// branch, an image pushed to the ECR tag, or an object written to the S3
    /// key (seen through CloudTrail; see
    /// [`PipelineBuilder::start_on_object_created`]). The source stops polling
    /// (`PollForSourceChanges` becomes `false` unless set); an explicit
    /// `true` is reported, because each change would start the pipeline
    /// twice. The rule assumes a generated role unless `.role_arn(...)` names
    /// one.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
    ///     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "my-repo", "main")));
    ///     p.start_on_change("my-repo-main", &source).description("Starts on pushes to main");
    /// });
    /// let checkout = &pipeline.declaration().stages[0].actions[0];
    /// assert_eq!(checkout.configuration.as_ref().unwrap()["PollForSourceChanges"], "false");
    /// assert!(pipeline.event_rules()[0].starts_pipeline());
    /// ```
    pub fn start_on_change<V: ChangeEvents<'p> + VariableSet<'p>>(
        &mut self,
        name: impl Into<String>,
        source: &ActionHandle<'p, 1, V>,
    ) -> &mut EventRule {
        self.start_on_source(name.into(), source.action, S3ChangeDetection::CloudTrail)
    }

    /// Starts the pipeline when an S3 source's object is created, as the
    /// bucket's own EventBridge notifications report it (the bucket needs
    /// `EventBridgeEnabled`); otherwise like
    /// [`PipelineBuilder::start_on_change`]. Any other source is reported.
    pub fn start_on_object_created<V: ChangeEvents<'p> + VariableSet<'p>>(
        &mut self,
        name: impl Into<String>,
        source: &ActionHandle<'p, 1, V>,
    ) -> &mut EventRule {
        self.start_on_source(name.into(), source.action, S3ChangeDetection::ObjectCreated)
    }

    /// Starts the pipeline on a schedule.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::events::Schedule;
    ///
    /// Pipeline::build("my-pipeline", |p| {
    ///     p.start_on_schedule("nightly", Schedule::cron("0 3 * * ? *"));
    /// });
    /// ```
    pub fn start_on_schedule(&mut self, name: impl Into<String>, schedule: Schedule) -> &mut EventRule {
        self.start_on(name.into(), RuleTrigger::Schedule(schedule))
    }

    /// Starts the pipeline on the events `pattern` matches: another
    /// service's events (a model package approved in SageMaker, an image
    /// pushed to an ECR repository of another account) or any pattern
    /// written as JSON ([`EventPattern::custom`]). The rule assumes a
    /// generated role unless `.role_arn(...)` names one.
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::events::{EventPattern, ModelApprovalStatus};
    ///
    /// let pipeline = Pipeline::build("my-pipeline", |p| {
    ///     p.start_on_event(
    ///         "model-approved",
    ///         EventPattern::SageMakerModelPackage {
    ///             group: "churn-models".into(),
    ///             statuses: vec![ModelApprovalStatus::Approved],
    ///         },
    ///     );
    /// });
    /// assert!(pipeline.event_rules()[0].starts_pipeline());
    /// ```
    pub fn start_on_event(&mut self, name: impl Into<String>, pattern: EventPattern) -> &mut EventRule {
        self.start_on(name.into(), RuleTrigger::Pattern(pattern))
    }

    /// Sends the events `pattern` matches to `target` (an SNS topic, a
    /// Lambda function...): e.g. the state changes of every pipeline, or of
    /// this one filtered by more than its states, written as JSON
    /// ([`EventPattern::custom`]).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::events::EventPattern;
    ///
    /// Pipeline::build("my-pipeline", |p| {
    ///     p.on_event(
    ///         "deploy-failures",
    ///         EventPattern::custom(serde_json::json!({
    ///             "source": ["aws.codepipeline"],
    ///             "detail-type": ["CodePipeline Action Execution State Change"],
    ///             "detail": {"state": ["FAILED"], "type": {"category": ["Deploy"]}},
    ///         })),
    ///         "arn:aws:sns:us-east-1:123456789012:alerts",
    ///     );
    /// });
    /// ```
    pub fn on_event(
        &mut self,
        name: impl Into<String>,
        pattern: EventPattern,
        target: impl Into<Str>,
    ) -> &mut EventRule {
        self.send(name.into(), RuleTrigger::Pattern(pattern), target.into())
    }

    /// A scheduled rule whose target is not the pipeline (a Lambda function
    /// that prepares a release, a topic...); see
    /// [`PipelineBuilder::start_on_schedule`] to start the pipeline.
    pub fn on_schedule(
        &mut self,
        name: impl Into<String>,
        schedule: Schedule,
        target: impl Into<Str>,
    ) -> &mut EventRule {
        self.send(name.into(), RuleTrigger::Schedule(schedule), target.into())
    }

    /// Sends the pipeline's execution state changes (`states`; empty for
    /// every state) to `target` (an SNS topic, a Lambda function...).
    ///
    /// ```
    /// use pipewright_dsl::prelude::*;
    /// use pipewright_dsl::events::PipelineExecutionState;
    ///
    /// Pipeline::build("my-pipeline", |p| {
    ///     p.on_pipeline_state(
    ///         "my-pipeline-failed",
    ///         [PipelineExecutionState::Failed],
    ///         "arn:aws:sns:us-east-1:123456789012:alerts",
    ///     );
    /// });
    /// ```
    pub fn on_pipeline_state(
        &mut self,
        name: impl Into<String>,
        states: impl IntoIterator<Item = PipelineExecutionState>,
        target: impl Into<Str>,
    ) -> &mut EventRule {
        let pattern = EventPattern::PipelineExecution { states: states.into_iter().collect() };
        self.send(name.into(), RuleTrigger::Pattern(pattern), target.into())
    }

    /// Sends the state changes of the stage named `stage` to `target`.
    pub fn on_stage_state(
        &mut self,
        name: impl Into<String>,
        stage: impl Into<Str>,
        states: impl IntoIterator<Item = StageExecutionState>,
        target: impl Into<Str>,
    ) -> &mut EventRule {
        let pattern = EventPattern::StageExecution { stage: stage.into(), states: states.into_iter().collect() };
        self.send(name.into(), RuleTrigger::Pattern(pattern), target.into())
    }

    /// Sends the state changes of `action` to `target`.
    pub fn on_action_state(
        &mut self,
        name: impl Into<String>,
        action: &impl HasActionRef<'p>,
        states: impl IntoIterator<Item = ActionExecutionState>,
        target: impl Into<Str>,
    ) -> &mut EventRule {
        let action = action.action_ref();
        let stage = &self.stages[action.stage];
        let pattern = EventPattern::ActionExecution {
            stage: stage.name.clone(),
            action: stage.actions[action.index].name.clone(),
            states: states.into_iter().collect(),
        };
        self.send(name.into(), RuleTrigger::Pattern(pattern), target.into())
    }

    fn start_on_source(&mut self, name: String, action: ActionRef<'p>, detection: S3ChangeDetection) -> &mut EventRule {
        let spec = &mut self.stages[action.stage].actions[action.index];
        let polls =
            providers::find(&spec.type_id).and_then(|provider| provider.start_rule).is_some_and(|rule| rule.polls);
        if polls && !spec.configuration.contains_key("PollForSourceChanges") {
            spec.set("PollForSourceChanges", "false");
        }
        let change = SourceChange { stage: action.stage, action: action.index, detection };
        self.start_on(name, RuleTrigger::SourceChange(change))
    }

    /// A rule that starts the pipeline, with the generated role.
    fn start_on(&mut self, name: String, trigger: RuleTrigger) -> &mut EventRule {
        self.add_event_rule(EventRule::new(name, trigger, EventTarget::Pipeline, RuleRole::Generated))
    }

    /// A rule that sends what it matches to `target`, which admits
    /// EventBridge itself (no role).
    fn send(&mut self, name: String, trigger: RuleTrigger, target: Str) -> &mut EventRule {
        self.add_event_rule(EventRule::new(name, trigger, EventTarget::Arn(target), RuleRole::None))
    }

    fn add_event_rule(&mut self, rule: EventRule) -> &mut EventRule {
        let rules = &mut self.surroundings.event_rules;
        rules.push(rule);
        rules.last_mut().expect("a rule was just added")
    }
}
