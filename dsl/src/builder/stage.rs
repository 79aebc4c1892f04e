//! Stage builders: the source stage takes only source actions, every other
//! stage only non-source actions.

use crate::action_spec::{FromAddedAction, NonSourceAction, SourceAction};

use super::pipeline::PipelineBuilder;
use crate::model::cloudformation::TemplateCondition;
use crate::model::{BeforeEntryConditions, FailureConditions, SuccessConditions};

/// The first stage of a pipeline, where source actions go.
pub struct SourceStageBuilder<'p, 'b> {
    pub(crate) pipeline: &'b mut PipelineBuilder<'p>,
    pub(crate) stage: usize,
}

impl<'p> SourceStageBuilder<'p, '_> {
    /// Adds a source action and returns its handle (its output artifact and
    /// variables).
    pub fn add<A: SourceAction<'p>>(&mut self, action: A) -> A::Handle {
        A::Handle::from_added(self.pipeline.add_action(self.stage, action.into_spec(), A::Handle::OUTPUT_ARTIFACTS))
    }
}

/// A build, test, deploy, approval, invoke or compute stage.
pub struct StageBuilder<'p, 'b> {
    pub(crate) pipeline: &'b mut PipelineBuilder<'p>,
    pub(crate) stage: usize,
}

impl<'p> StageBuilder<'p, '_> {
    /// Adds an action and returns its handle.
    pub fn add<A: NonSourceAction<'p>>(&mut self, action: A) -> A::Handle {
        A::Handle::from_added(self.pipeline.add_action(self.stage, action.into_spec(), A::Handle::OUTPUT_ARTIFACTS))
    }

    /// Puts the stage under a CloudFormation condition declared with
    /// [`PipelineBuilder::condition`]: the template writes it as
    /// `{"Fn::If": [condition, stage, {"Ref": "AWS::NoValue"}]}`, so the
    /// stage exists only when the condition holds. The API JSON form cannot
    /// hold it.
    pub fn when(&mut self, condition: &TemplateCondition) -> &mut Self {
        self.pipeline.stages[self.stage].condition = Some(condition.name().to_owned());
        self
    }

    /// Disables the transition into this stage when the pipeline is deployed
    /// (CloudFormation `DisableInboundStageTransitions`; for the API form the
    /// manifest lists the `disable-stage-transition` command).
    pub fn disable_inbound_transition(&mut self, reason: impl Into<String>) -> &mut Self {
        self.pipeline.stages[self.stage].disabled_reason = Some(reason.into());
        self
    }

    /// What happens when the stage fails: rollback or retry (V2).
    pub fn on_failure(&mut self, conditions: FailureConditions) -> &mut Self {
        self.pipeline.stages[self.stage].on_failure = Some(conditions);
        self
    }

    /// Conditions checked when the stage succeeds (V2).
    pub fn on_success(&mut self, conditions: SuccessConditions) -> &mut Self {
        self.pipeline.stages[self.stage].on_success = Some(conditions);
        self
    }

    /// Conditions checked before the stage is entered (V2).
    pub fn before_entry(&mut self, conditions: BeforeEntryConditions) -> &mut Self {
        self.pipeline.stages[self.stage].before_entry = Some(conditions);
        self
    }
}
