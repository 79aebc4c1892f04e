//! Turning what the builder holds into the finished [`Pipeline`], one step
//! a function: the builder's own findings, the stage and action
//! declarations with their derived runOrders and namespaces, the pipeline
//! type, and the disabled transitions.

use std::collections::HashSet;

use crate::action_ref::ActionRef;
use crate::action_spec::{ActionSpec, ConfigValue};
use crate::model::{
    ActionDeclaration, ArtifactStores, ExecutionMode, InputArtifact, OutputArtifact, PipelineDeclaration, PipelineType,
    StageDeclaration, Str,
};
use crate::pipeline::{DerivedName, DisabledTransition, Pipeline, Surroundings};
use crate::providers;
use crate::text::Text;
use crate::{Location, Rule, Violation};

use super::pipeline::{PipelineBuilder, StageState};

impl<'p> PipelineBuilder<'p> {
    /// The finished pipeline: the model built from the stages and settings,
    /// with what the builder noticed on the way (its findings, in this order:
    /// output counts, the source stage's place, runOrders against the data
    /// flow, the missing role) and the names it derived.
    pub(super) fn finish(self) -> Pipeline {
        let mut violations = self.output_count_mismatches.clone();
        violations.extend(self.misplaced_source_stage());
        let mut derived_names = self.derived_artifact_names.clone();
        let stages = self.stage_declarations(&mut violations, &mut derived_names);
        let pipeline_type = self.pipeline_type.or(self.uses_v2_features(&stages).then_some(PipelineType::V2));
        violations.extend(self.missing_role());
        let disabled_transitions = self.disabled_transitions();
        Pipeline {
            declaration: PipelineDeclaration {
                name: self.name,
                role_arn: self.role_arn.unwrap_or_default(),
                artifact_store: self.artifact_store,
                artifact_stores: (!self.artifact_stores.is_empty()).then_some(ArtifactStores(self.artifact_stores)),
                stages,
                version: None,
                execution_mode: self.execution_mode,
                pipeline_type,
                variables: (!self.variables.is_empty()).then_some(self.variables),
                triggers: (!self.triggers.is_empty()).then_some(self.triggers),
            },
            tags: self.tags,
            disabled_transitions,
            restart_execution_on_update: self.restart_execution_on_update,
            name_generated: false,
            build_violations: violations,
            derived_names,
            surroundings: Surroundings { conditions: self.conditions, conditions_known: true, ..self.surroundings },
        }
    }

    /// `source-stage-first` when the first stage is not the source stage or
    /// a source stage comes again later.
    fn misplaced_source_stage(&self) -> Option<Violation> {
        let misplaced = self.stages.first().is_some_and(|stage| !stage.is_source)
            || self.stages.iter().skip(1).any(|s| s.is_source);
        misplaced.then(|| {
            Violation::new(
                Location::pipeline(&self.name),
                Rule::SourceStageFirst,
                "the source stage must be the first stage and come only once: call `p.source_stage(...)` once, before any `p.stage(...)`",
            )
        })
    }

    /// `role-required` when no service role was given.
    fn missing_role(&self) -> Option<Violation> {
        (self.role_arn.is_none() && !self.surroundings.provision.service_role).then(|| {
            Violation::new(
                Location::pipeline(&self.name),
                Rule::RoleRequired,
                "the pipeline has no service role: call `p.role_arn(\"arn:aws:iam::<account>:role/<name>\")`",
            )
        })
    }

    /// The model of every stage, in order. Reports runOrders that contradict
    /// the data flow (`run-order-data-flow`) and notes each namespace it
    /// derives.
    fn stage_declarations(
        &self,
        violations: &mut Vec<Violation>,
        derived_names: &mut Vec<DerivedName>,
    ) -> Vec<StageDeclaration> {
        let read_namespaces = self.actions_whose_variables_are_read();
        let producers = self.producer_of_each_artifact();
        let mut stages = Vec::with_capacity(self.stages.len());
        for (stage_index, stage) in self.stages.iter().enumerate() {
            let run_orders = self.run_orders(stage_index, &producers, violations);
            let several = stage.actions.len() > 1;
            let mut actions = Vec::with_capacity(stage.actions.len());
            for (index, spec) in stage.actions.iter().enumerate() {
                let action = ActionRef { stage: stage_index, index, brand: self.brand };
                let emit_namespace = spec.namespace.is_some() || read_namespaces.contains(&action);
                if spec.namespace.is_none() && emit_namespace {
                    derived_names.push(self.derived_namespace(stage, index));
                }
                let run_order = (several || spec.run_order.is_some()).then_some(run_orders[index]);
                actions.push(self.action_declaration(stage, index, run_order, emit_namespace));
            }
            stages.push(StageDeclaration {
                name: stage.name.clone(),
                blockers: None,
                actions,
                on_failure: stage.on_failure.clone(),
                on_success: stage.on_success.clone(),
                before_entry: stage.before_entry.clone(),
                condition: stage.condition.clone(),
            });
        }
        stages
    }

    /// The actions whose output variables another action reads: they
    /// publish a namespace even when none was set.
    fn actions_whose_variables_are_read(&self) -> HashSet<ActionRef<'p>> {
        self.stages.iter().flat_map(|stage| stage.actions.iter().flat_map(|spec| spec.uses.iter().copied())).collect()
    }

    /// The note on the namespace derived for action `index` of `stage`.
    fn derived_namespace(&self, stage: &StageState<'p>, index: usize) -> DerivedName {
        let spec = &stage.actions[index];
        DerivedName {
            location: Location::action(&self.name, &stage.name, &spec.name).field("namespace"),
            note: format!(
                "namespace \"{}\" was derived from stage \"{}\" and action \"{}\" — set one with .namespace(..)",
                stage.namespaces[index], stage.name, spec.name
            ),
        }
    }

    /// The model of action `index` of `stage`, its artifacts and artifact
    /// paths written with their names.
    fn action_declaration(
        &self,
        stage: &StageState<'p>,
        index: usize,
        run_order: Option<u32>,
        emit_namespace: bool,
    ) -> ActionDeclaration {
        let spec: &ActionSpec<'p> = &stage.actions[index];
        ActionDeclaration {
            name: spec.name.clone(),
            action_type_id: spec.type_id.clone(),
            run_order,
            configuration: (!spec.configuration.is_empty())
                .then(|| spec.configuration.iter().map(|(key, value)| (key.clone(), self.resolve(value))).collect()),
            commands: spec.commands.clone(),
            output_artifacts: (!spec.outputs.is_empty()).then(|| {
                spec.outputs
                    .iter()
                    .zip(&stage.outputs[index])
                    .map(|(output, artifact)| OutputArtifact {
                        name: self.artifacts[artifact.id].clone(),
                        files: output.files.clone(),
                        condition: None,
                    })
                    .collect()
            }),
            input_artifacts: (!spec.inputs.is_empty()).then(|| {
                spec.inputs
                    .iter()
                    .map(|artifact| InputArtifact { name: self.artifacts[artifact.id].clone(), condition: None })
                    .collect()
            }),
            output_variables: spec.output_variables.clone(),
            role_arn: spec.role_arn.clone(),
            region: spec.region.clone(),
            namespace: emit_namespace.then(|| Str::from(stage.namespaces[index].as_str())),
            timeout_in_minutes: spec.timeout_in_minutes,
            environment_variables: spec.environment_variables.clone(),
            condition: spec.condition.clone(),
        }
    }

    /// Whether the pipeline uses what only V2 offers (variables, triggers,
    /// the QUEUED and PARALLEL modes, stage conditions, a V2-only provider):
    /// then it is V2 unless a type was set.
    fn uses_v2_features(&self, stages: &[StageDeclaration]) -> bool {
        !self.variables.is_empty()
            || !self.triggers.is_empty()
            || matches!(self.execution_mode, Some(ExecutionMode::Queued | ExecutionMode::Parallel))
            || stages.iter().any(|s| s.on_failure.is_some() || s.on_success.is_some() || s.before_entry.is_some())
            || stages.iter().flat_map(|s| &s.actions).any(|action| providers::requires_v2(&action.action_type_id))
    }

    /// The stages whose inbound transition is disabled, with the reasons.
    fn disabled_transitions(&self) -> Vec<DisabledTransition> {
        self.stages
            .iter()
            .filter_map(|stage| {
                stage
                    .disabled_reason
                    .as_ref()
                    .map(|reason| DisabledTransition { stage_name: stage.name.clone(), reason: reason.into() })
            })
            .collect()
    }

    /// The action that produces each artifact, by artifact id.
    fn producer_of_each_artifact(&self) -> Vec<ActionRef<'p>> {
        let mut producers = vec![None; self.artifacts.len()];
        for (stage_index, stage) in self.stages.iter().enumerate() {
            for (index, outputs) in stage.outputs.iter().enumerate() {
                for artifact in outputs {
                    producers[artifact.id] = Some(ActionRef { stage: stage_index, index, brand: self.brand });
                }
            }
        }
        producers.into_iter().map(|producer| producer.expect("every artifact is minted by an action")).collect()
    }

    /// Derives each action's runOrder from the data flow inside the stage:
    /// one more than the latest same-stage action it consumes from, reads
    /// variables of, or is ordered after; 1 when there is none. An explicit
    /// runOrder is kept, and reported when it contradicts the data flow.
    fn run_orders(&self, stage_index: usize, producers: &[ActionRef<'p>], violations: &mut Vec<Violation>) -> Vec<u32> {
        let stage = &self.stages[stage_index];
        let mut run_orders: Vec<u32> = Vec::with_capacity(stage.actions.len());
        for spec in &stage.actions {
            let dependencies = spec
                .inputs
                .iter()
                .map(|artifact| (producers[artifact.id], Dependency::Artifact(&self.artifacts[artifact.id])))
                .chain(spec.uses.iter().map(|action| (*action, Dependency::Variables)))
                .chain(spec.after.iter().map(|action| (*action, Dependency::After)))
                .filter(|(action, _)| action.stage == stage_index);
            let mut derived = 1;
            let mut latest: Option<(u32, ActionRef<'p>, Dependency<'_>)> = None;
            for (action, why) in dependencies {
                let their = run_orders[action.index];
                if their + 1 > derived {
                    derived = their + 1;
                    latest = Some((their, action, why));
                }
            }
            let run_order = match (spec.run_order, latest) {
                (Some(explicit), Some((their, action, why))) if explicit <= their => {
                    let producer = &stage.actions[action.index].name;
                    violations.push(Violation::new(
                        Location::action(&self.name, &stage.name, &spec.name),
                        Rule::RunOrderDataFlow,
                        format!(
                            "runOrder {explicit} runs this action before or beside \"{producer}\" (runOrder {their}), {}; \
                             use runOrder {} or more, or drop `.run_order(...)` to derive it",
                            why.describe(),
                            their + 1
                        ),
                    ));
                    explicit
                }
                (Some(explicit), _) => explicit,
                (None, _) => derived,
            };
            run_orders.push(run_order);
        }
        run_orders
    }

    /// A configuration value as written in the model: an artifact path as
    /// `<ArtifactName>::<file>`, an artifact as its name.
    fn resolve(&self, value: &ConfigValue<'p>) -> Str {
        match value {
            ConfigValue::Text(text) => text.clone(),
            ConfigValue::Path(path) => {
                let artifact = Text::from(self.artifacts[path.artifact.id].clone());
                Text::concat([artifact, "::".into(), path.file.clone().into()]).value
            }
            ConfigValue::ArtifactName(artifact) => self.artifacts[artifact.id].clone(),
            ConfigValue::GetParam(get_param) => {
                let quoted = |text: &Str| match text {
                    Str::Literal(text) => Text::from(serde_json::to_string(text).expect("a string is always JSON")),
                    text => Text::concat(["\"".into(), text.clone().into(), "\"".into()]),
                };
                let artifact = quoted(&self.artifacts[get_param.path.artifact.id]);
                let file = quoted(&get_param.path.file);
                let key = quoted(&Str::from(get_param.key.as_str()));
                Text::concat(["{\"Fn::GetParam\":[".into(), artifact, ",".into(), file, ",".into(), key, "]}".into()])
                    .value
            }
            ConfigValue::Concat(pieces) => {
                Text::concat(pieces.iter().map(|piece| Text::from(self.resolve(piece)))).value
            }
        }
    }
}

/// Why one action of a stage must run after another.
#[derive(Clone, Copy)]
enum Dependency<'a> {
    Artifact(&'a Str),
    Variables,
    After,
}

impl Dependency<'_> {
    fn describe(self) -> String {
        match self {
            Dependency::Artifact(name) => format!("whose output artifact \"{name}\" it consumes"),
            Dependency::Variables => "whose output variables it reads".to_owned(),
            Dependency::After => "which it was ordered after with `.after(...)`".to_owned(),
        }
    }
}
