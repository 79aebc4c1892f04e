//! What the rules read: the pipeline's model with every action placed in its
//! stage, and the questions several rules ask (who runs first, which account
//! an action runs in, who produces an artifact).

use std::collections::HashMap;

use crate::model::{
    ActionCategory, ActionDeclaration, ActionOwner, ArtifactStore, Condition, PipelineDeclaration, StageDeclaration,
    Str,
};
use crate::pipeline::Pipeline;
use crate::Location;

/// The pipeline under validation.
pub(super) struct Context<'a> {
    /// The pipeline with its tags and disabled transitions.
    pub(super) pipeline: &'a Pipeline,
    /// Its model.
    pub(super) declaration: &'a PipelineDeclaration,
    /// Every action, stage by stage, in declaration order.
    pub(super) actions: Vec<Placed<'a>>,
    /// For each literal output artifact name, the positions in `actions` of
    /// the actions that produce it, in order (rules ask this for every input,
    /// so it is looked up, not searched).
    producers: HashMap<&'a str, Vec<usize>>,
    /// For each stage, whether another stage has the same name (then
    /// locations show its position).
    stage_name_repeats: Vec<bool>,
}

/// Where an action is, as names: rules check every action, and most find
/// nothing, so the [`Location`] text is built only for a finding.
#[derive(Clone, Copy)]
pub(super) struct ActionLocation<'a> {
    pipeline: &'a Str,
    stage: (&'a Str, Option<usize>),
    action: (&'a Str, Option<usize>),
}

impl ActionLocation<'_> {
    /// The action itself.
    pub(super) fn to_location(self) -> Location {
        Location::action_at(self.pipeline, self.stage, self.action)
    }

    /// A field of the action, e.g. `configuration.TemplatePath`.
    pub(super) fn field(self, field: &str) -> Location {
        self.to_location().field(field)
    }
}

/// An action and the stage it is in.
#[derive(Clone, Copy)]
pub(super) struct Placed<'a> {
    /// Position of the stage in the pipeline (0-based).
    pub(super) stage_index: usize,
    /// The stage.
    pub(super) stage: &'a StageDeclaration,
    /// The action.
    pub(super) action: &'a ActionDeclaration,
}

impl<'a> Context<'a> {
    /// Places every action of the pipeline.
    pub(super) fn new(pipeline: &'a Pipeline) -> Context<'a> {
        let declaration = pipeline.declaration();
        let actions = declaration
            .stages
            .iter()
            .enumerate()
            .flat_map(|(stage_index, stage)| {
                stage.actions.iter().map(move |action| Placed { stage_index, stage, action })
            })
            .collect::<Vec<Placed<'a>>>();
        let mut producers: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (index, placed) in actions.iter().enumerate() {
            for name in placed.output_names() {
                producers.entry(name).or_default().push(index);
            }
        }
        let stage_name_repeats = repeated_names(declaration.stages.iter().map(|stage| &stage.name));
        Context { pipeline, declaration, actions, producers, stage_name_repeats }
    }

    /// The pipeline itself.
    pub(super) fn pipeline_location(&self) -> Location {
        Location::pipeline(&self.declaration.name)
    }

    /// A stage.
    pub(super) fn stage_location(&self, stage: &StageDeclaration) -> Location {
        Location::stage_at(&self.declaration.name, &stage.name, self.stage_position(stage))
    }

    /// An action; the text is built only when a finding needs it.
    pub(super) fn location(&self, placed: &Placed<'a>) -> ActionLocation<'a> {
        let stage = placed.stage;
        let action_position = stage
            .actions
            .iter()
            .position(|action| std::ptr::eq(action, placed.action))
            .filter(|_| stage.actions.iter().filter(|action| action.name == placed.action.name).nth(1).is_some())
            .map(|index| index + 1);
        ActionLocation {
            pipeline: &self.declaration.name,
            stage: (&stage.name, self.stage_position(stage)),
            action: (&placed.action.name, action_position),
        }
    }

    /// The 1-based position of `stage` when its name repeats.
    fn stage_position(&self, stage: &StageDeclaration) -> Option<usize> {
        let index = self.declaration.stages.iter().position(|other| std::ptr::eq(other, stage))?;
        self.stage_name_repeats[index].then_some(index + 1)
    }

    /// The actions that list `name` among their output artifacts.
    pub(super) fn producers_of<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Placed<'a>> + 's {
        self.producers.get(name).into_iter().flatten().map(|&index| &self.actions[index])
    }

    /// Every artifact store with its field path (`artifactStore`,
    /// `artifactStores.us-east-1`).
    pub(super) fn stores(&self) -> Vec<(String, &'a ArtifactStore)> {
        let single = self.declaration.artifact_store.iter().map(|store| ("artifactStore".to_owned(), store));
        let regional = self.declaration.artifact_stores.iter().flat_map(|stores| {
            stores.0.iter().map(|entry| (format!("artifactStores.{}", entry.region), &entry.artifact_store))
        });
        single.chain(regional).collect()
    }

    /// The account of the pipeline's service role.
    pub(super) fn pipeline_account(&self) -> Option<&'a str> {
        self.pipeline.account()
    }

    /// The account an action runs in: its role's, else the pipeline's.
    pub(super) fn account_of(&self, placed: &Placed<'a>) -> Option<&'a str> {
        self.pipeline.action_account(placed.action)
    }

    /// The account an action runs in, when it is known and differs from the
    /// pipeline's.
    pub(super) fn foreign_account(&self, placed: &Placed<'a>) -> Option<&'a str> {
        let pipeline = self.pipeline_account()?;
        self.account_of(placed).filter(|account| *account != pipeline)
    }
}

impl<'a> Placed<'a> {
    /// The runOrder, 1 when absent.
    pub(super) fn run_order(&self) -> u32 {
        self.action.run_order.unwrap_or(1)
    }

    /// Whether this action finishes before `other` starts: it is in an
    /// earlier stage, or in the same stage with a lower runOrder.
    pub(super) fn runs_before(&self, other: &Placed<'_>) -> bool {
        self.stage_index < other.stage_index
            || (self.stage_index == other.stage_index && self.run_order() < other.run_order())
    }

    /// Why this action does not run before `consumer`, for messages.
    pub(super) fn why_not_before(&self, consumer: &Placed<'_>) -> String {
        if std::ptr::eq(self.action, consumer.action) {
            "that is this action itself".to_owned()
        } else if self.stage_index > consumer.stage_index {
            format!("stage \"{}\" runs after stage \"{}\"", self.stage.name, consumer.stage.name)
        } else {
            format!(
                "it is in the same stage with runOrder {}, not lower than this action's runOrder {}",
                self.run_order(),
                consumer.run_order()
            )
        }
    }

    /// `stage "Build" > action "Unit"`.
    pub(super) fn describe(&self) -> String {
        format!("stage \"{}\" > action \"{}\"", self.stage.name, self.action.name)
    }

    /// Whether this is a Source action.
    pub(super) fn is_source(&self) -> bool {
        self.action.action_type_id.category == ActionCategory::Source
    }

    /// The provider, when it is a literal.
    pub(super) fn provider(&self) -> Option<&'a str> {
        self.action.action_type_id.provider.as_literal()
    }

    /// Whether the action is the AWS provider `provider` (any category).
    pub(super) fn is_aws(&self, provider: &str) -> bool {
        self.action.action_type_id.owner == ActionOwner::Aws && self.provider() == Some(provider)
    }

    /// A configuration value.
    pub(super) fn config(&self, key: &str) -> Option<&'a Str> {
        self.action.configuration.as_ref().and_then(|configuration| configuration.get(key))
    }

    /// The literal names of the output artifacts.
    pub(super) fn output_names(&self) -> impl Iterator<Item = &'a str> {
        self.action.output_artifacts.iter().flatten().filter_map(|artifact| artifact.name.as_literal())
    }

    /// The names of the input artifacts (literal or not).
    pub(super) fn input_names(&self) -> impl Iterator<Item = &'a Str> {
        self.action.input_artifacts.iter().flatten().map(|artifact| &artifact.name)
    }

    /// How many input artifacts the action declares.
    pub(super) fn input_count(&self) -> usize {
        self.action.input_artifacts.as_ref().map_or(0, Vec::len)
    }

    /// How many output artifacts the action declares.
    pub(super) fn output_count(&self) -> usize {
        self.action.output_artifacts.as_ref().map_or(0, Vec::len)
    }
}

/// For each name, whether another of `names` is the same literal.
fn repeated_names<'n>(names: impl Iterator<Item = &'n Str> + Clone) -> Vec<bool> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in names.clone().filter_map(Str::as_literal) {
        *counts.entry(name).or_default() += 1;
    }
    names.map(|name| name.as_literal().is_some_and(|name| counts[name] > 1)).collect()
}

/// `"A", "B" or "C"` (with `conjunction` "or"); empty for no items.
pub(super) fn quoted_list<I, T>(items: I, conjunction: &str) -> String
where
    I: IntoIterator<Item = T>,
    T: std::fmt::Display,
{
    let mut items: Vec<String> = items.into_iter().map(|item| format!("\"{item}\"")).collect();
    let Some(last) = items.pop() else { return String::new() };
    if items.is_empty() {
        last
    } else {
        format!("{} {conjunction} {last}", items.join(", "))
    }
}

/// Which condition block of a stage.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ConditionBlock {
    /// `beforeEntry`: checked before the stage runs.
    BeforeEntry,
    /// `onSuccess`: checked after the stage succeeded.
    OnSuccess,
    /// `onFailure`: checked after the stage failed.
    OnFailure,
}

/// Every condition of a stage, with its block and its field path
/// (`onFailure.conditions[0]`).
pub(super) fn stage_conditions(stage: &StageDeclaration) -> Vec<(ConditionBlock, String, &Condition)> {
    let blocks = [
        (
            ConditionBlock::BeforeEntry,
            "beforeEntry",
            stage.before_entry.as_ref().map(|block| block.conditions.as_slice()),
        ),
        (ConditionBlock::OnSuccess, "onSuccess", stage.on_success.as_ref().map(|block| block.conditions.as_slice())),
        (
            ConditionBlock::OnFailure,
            "onFailure",
            stage.on_failure.as_ref().and_then(|block| block.conditions.as_deref()),
        ),
    ];
    blocks
        .into_iter()
        .flat_map(|(block, field, conditions)| {
            conditions
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(move |(index, condition)| (block, format!("{field}.conditions[{index}]"), condition))
        })
        .collect()
}
