//! Targeted assertions on a pipeline, for tests that pin one setting rather
//! than every file: find a stage, an action, an EventBridge rule or a
//! notification rule by name and assert on it. A failed assertion panics
//! with the path to what it checked, in the pipeline's words, and what it
//! found instead.
//!
//! ```
//! use pipewright_dsl::prelude::*;
//! use pipewright_dsl::notifications::PipelineEvent;
//! use pipewright_synth::testing::assert_pipeline;
//!
//! let pipeline = Pipeline::build("service", |p| {
//!     p.region("us-east-1").role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
//!     p.artifact_store(ArtifactStore::s3("service-artifacts"));
//!     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "service", "main")));
//!     p.stage("Deploy", |s| {
//!         s.add(CodeBuild::new("Prod", "deploy-prod", source.artifact()));
//!     });
//!     p.start_on_change("service-main", &source);
//!     p.notify(
//!         NotificationRule::new("service-failures", [PipelineEvent::PipelineExecutionFailed])
//!             .target(NotificationTarget::sns("arn:aws:sns:us-east-1:123456789012:alerts")),
//!     );
//! });
//!
//! let pipeline = assert_pipeline(&pipeline);
//! pipeline.stage("Deploy").action("Prod").provider("CodeBuild").configuration("ProjectName", "deploy-prod");
//! pipeline.event_rule("service-main").starts_pipeline();
//! pipeline.notification_rule("service-failures").event(PipelineEvent::PipelineExecutionFailed);
//! ```
//!
//! ```should_panic
//! # use pipewright_dsl::prelude::*;
//! # let pipeline = Pipeline::build("service", |p| {
//! #     let source = p.source_stage("Source", |s| s.add(CodeCommitSource::new("Checkout", "service", "main")));
//! #     p.stage("Deploy", |s| { s.add(CodeBuild::new("Prod", "deploy-prod", source.artifact())); });
//! # });
//! // Panics: stage "Deploy" > action "Prod": configuration.ProjectName is "deploy-prod", expected "deploy-staging"
//! pipewright_synth::testing::assert_pipeline(&pipeline)
//!     .stage("Deploy")
//!     .action("Prod")
//!     .configuration("ProjectName", "deploy-staging");
//! ```

use std::fmt::Display;

use pipewright_dsl::events::{EventRule, EventTarget};
use pipewright_dsl::model::{ActionDeclaration, StageDeclaration};
use pipewright_dsl::notifications::{NotificationRule, PipelineEvent};
use pipewright_dsl::Pipeline;

/// Starts an assertion on `pipeline`.
pub fn assert_pipeline(pipeline: &Pipeline) -> PipelineAssertion<'_> {
    PipelineAssertion { pipeline }
}

/// Assertions on a pipeline; from [`assert_pipeline`].
#[derive(Clone, Copy, Debug)]
pub struct PipelineAssertion<'p> {
    pipeline: &'p Pipeline,
}

/// Assertions on one stage; from [`PipelineAssertion::stage`].
#[derive(Clone, Copy, Debug)]
pub struct StageAssertion<'p> {
    stage: &'p StageDeclaration,
}

/// Assertions on one action; from [`StageAssertion::action`].
#[derive(Clone, Debug)]
pub struct ActionAssertion<'p> {
    action: &'p ActionDeclaration,
    /// `stage "Deploy" > action "Prod"`.
    path: String,
}

/// Assertions on one EventBridge rule; from [`PipelineAssertion::event_rule`].
#[derive(Clone, Copy, Debug)]
pub struct EventRuleAssertion<'p> {
    rule: &'p EventRule,
}

/// Assertions on one notification rule; from
/// [`PipelineAssertion::notification_rule`].
#[derive(Clone, Copy, Debug)]
pub struct NotificationRuleAssertion<'p> {
    rule: &'p NotificationRule,
}

impl<'p> PipelineAssertion<'p> {
    /// The stage named `name`.
    ///
    /// # Panics
    ///
    /// When the pipeline has no such stage, naming the stages it has.
    pub fn stage(&self, name: &str) -> StageAssertion<'p> {
        let stage =
            named(&self.pipeline.declaration().stages, name, |stage| stage.name.to_string(), self.owner(), "stage");
        StageAssertion { stage }
    }

    /// The EventBridge rule named `name`.
    ///
    /// # Panics
    ///
    /// When the pipeline declares no such rule, naming the rules it has.
    pub fn event_rule(&self, name: &str) -> EventRuleAssertion<'p> {
        let rule = named(self.pipeline.event_rules(), name, |rule| rule.name.clone(), self.owner(), "event rule");
        EventRuleAssertion { rule }
    }

    /// The notification rule named `name`.
    ///
    /// # Panics
    ///
    /// When the pipeline declares no such rule, naming the rules it has.
    pub fn notification_rule(&self, name: &str) -> NotificationRuleAssertion<'p> {
        let rules = self.pipeline.notification_rules();
        let rule = named(rules, name, |rule| rule.name.clone(), self.owner(), "notification rule");
        NotificationRuleAssertion { rule }
    }

    /// `pipeline "service"`.
    fn owner(&self) -> String {
        format!("pipeline \"{}\"", self.pipeline.name())
    }
}

impl<'p> StageAssertion<'p> {
    /// The action named `name` in this stage.
    ///
    /// # Panics
    ///
    /// When the stage has no such action, naming the actions it has.
    pub fn action(&self, name: &str) -> ActionAssertion<'p> {
        let stage = format!("stage \"{}\"", self.stage.name);
        let action = named(&self.stage.actions, name, |action| action.name.to_string(), stage.clone(), "action");
        ActionAssertion { action, path: format!("{stage} > action \"{name}\"") }
    }

    /// The stage as declared, for any other check.
    pub fn declaration(&self) -> &'p StageDeclaration {
        self.stage
    }
}

impl<'p> ActionAssertion<'p> {
    /// Asserts that the action's configuration sets `key` to `expected`.
    ///
    /// # Panics
    ///
    /// When the value differs (`stage "Deploy" > action "Prod":
    /// configuration.StackName is "staging", expected "prod"`), or the key is
    /// not set (naming the keys that are).
    pub fn configuration(&self, key: &str, expected: &str) -> &Self {
        let configuration = self.action.configuration.as_ref();
        match configuration.and_then(|configuration| configuration.get(key)) {
            Some(value) if *value == expected => {}
            Some(value) => panic!("{}: configuration.{key} is \"{value}\", expected \"{expected}\"", self.path),
            None => panic!(
                "{}: configuration.{key} is not set, expected \"{expected}\"; the configuration sets {}",
                self.path,
                quoted(configuration.into_iter().flat_map(|configuration| configuration.keys()))
            ),
        }
        self
    }

    /// Asserts that the action runs the provider `expected` (`CodeBuild`,
    /// `CloudFormation`, ...).
    ///
    /// # Panics
    ///
    /// When the action's provider is another.
    pub fn provider(&self, expected: &str) -> &Self {
        let provider = &self.action.action_type_id.provider;
        assert!(*provider == expected, "{}: the provider is \"{provider}\", expected \"{expected}\"", self.path);
        self
    }

    /// The action as declared, for any other check.
    pub fn declaration(&self) -> &'p ActionDeclaration {
        self.action
    }
}

impl<'p> EventRuleAssertion<'p> {
    /// Asserts that the rule starts the pipeline.
    ///
    /// # Panics
    ///
    /// When it does not, naming where it sends events instead.
    pub fn starts_pipeline(&self) -> &Self {
        assert!(
            self.rule.starts_pipeline(),
            "event rule \"{}\" does not start the pipeline; it targets {}",
            self.rule.name,
            quoted(self.targets())
        );
        self
    }

    /// Asserts that the rule sends events to the ARN `expected`.
    ///
    /// # Panics
    ///
    /// When no target has that ARN, naming the targets.
    pub fn target(&self, expected: &str) -> &Self {
        let found = self.rule.targets.iter().any(|target| matches!(target, EventTarget::Arn(arn) if *arn == expected));
        assert!(
            found,
            "event rule \"{}\" does not target \"{expected}\"; it targets {}",
            self.rule.name,
            quoted(self.targets())
        );
        self
    }

    /// The rule as declared, for any other check.
    pub fn rule(&self) -> &'p EventRule {
        self.rule
    }

    /// Each target as words: `the pipeline`, or its ARN.
    fn targets(&self) -> impl Iterator<Item = String> + '_ {
        self.rule.targets.iter().map(|target| match target {
            EventTarget::Pipeline => "the pipeline".to_owned(),
            EventTarget::Arn(arn) => arn.to_string(),
        })
    }
}

impl<'p> NotificationRuleAssertion<'p> {
    /// Asserts that the rule reports `expected`.
    ///
    /// # Panics
    ///
    /// When it does not, naming the events it reports.
    pub fn event(&self, expected: PipelineEvent) -> &Self {
        assert!(
            self.rule.events.contains(&expected),
            "notification rule \"{}\" does not report {}; it reports {}",
            self.rule.name,
            expected.event_type_id(),
            quoted(self.rule.events.iter().map(|event| event.event_type_id()))
        );
        self
    }

    /// Asserts that the rule notifies the address `expected` (an SNS topic
    /// or a Chatbot configuration ARN).
    ///
    /// # Panics
    ///
    /// When no target has that address, naming the targets.
    pub fn target(&self, expected: &str) -> &Self {
        let targets = &self.rule.targets;
        assert!(
            targets.iter().any(|target| *target.address() == expected),
            "notification rule \"{}\" does not notify \"{expected}\"; it notifies {}",
            self.rule.name,
            quoted(targets.iter().map(|target| target.address()))
        );
        self
    }

    /// The rule as declared, for any other check.
    pub fn rule(&self) -> &'p NotificationRule {
        self.rule
    }
}

/// The item of `items` named `name`.
///
/// # Panics
///
/// When there is none: `<owner> has no <kind> "<name>"; its <kind>s are ...`.
fn named<'p, T>(items: &'p [T], name: &str, name_of: impl Fn(&T) -> String, owner: String, kind: &str) -> &'p T {
    match items.iter().find(|item| name_of(item) == name) {
        Some(item) => item,
        None => panic!("{owner} has no {kind} \"{name}\"; its {kind}s are {}", quoted(items.iter().map(name_of))),
    }
}

/// `"a", "b", "c"`, or `none` for no items.
fn quoted(items: impl IntoIterator<Item = impl Display>) -> String {
    let quoted: Vec<String> = items.into_iter().map(|item| format!("\"{item}\"")).collect();
    if quoted.is_empty() {
        "none".to_owned()
    } else {
        quoted.join(", ")
    }
}
