//! Random valid pipelines, built only through the typed builders, always
//! pass validation, and their API JSON and CloudFormation templates (JSON
//! and YAML) read back into the same model.
//!
//! A generated plan says how many stages and actions there are (within the
//! quotas), their names (random, valid, unique where AWS needs them unique),
//! which sources feed the pipeline, and for each later action which earlier
//! artifacts it consumes: from earlier stages (so the action runs in parallel
//! with its neighbours) or from an earlier action of its own stage (so it
//! depends on it), or whether it is ordered after a neighbour.

use pipewright_dsl::model::cloudformation::read_template;
use pipewright_dsl::model::{PipelineDeclaration, PipelineDocument};
use pipewright_dsl::prelude::*;
use pipewright_dsl::StageBuilder;
use pipewright_synth::emit::{api_json, cloudformation, Format};
use proptest::prelude::*;

/// The most stages and actions per stage AWS allows.
const MAX_STAGES: usize = 50;
const MAX_ACTIONS_PER_STAGE: usize = 50;
/// The most actions a whole pipeline may hold.
const MAX_ACTIONS: usize = 500;
/// CodeBuild takes 1..5 input artifacts and declares 0..5 outputs.
const MAX_BUILD_ARTIFACTS: usize = 5;

#[derive(Clone, Debug)]
pub(crate) struct Plan {
    name: String,
    sources: Vec<SourcePlan>,
    stages: Vec<StagePlan>,
}

#[derive(Clone, Debug)]
struct SourcePlan {
    name: String,
    connection: bool,
    repository: String,
    branch: String,
}

#[derive(Clone, Debug)]
struct StagePlan {
    name: String,
    actions: Vec<ActionPlan>,
}

#[derive(Clone, Debug)]
struct ActionPlan {
    name: String,
    kind: ActionKind,
    /// Picks among the artifacts that exist when the action is added (taken
    /// modulo their count), so every pick is valid.
    inputs: Vec<usize>,
    /// Orders the action after an earlier action of its stage (a pick taken
    /// modulo their count), when there is one.
    after: Option<usize>,
}

#[derive(Clone, Debug)]
enum ActionKind {
    Build { project: String, outputs: usize },
    EcsDeploy { cluster: String, service: String },
}

/// A name of the `[A-Za-z0-9.@\-_]+` kind, made unique by its position.
fn unique_name(prefix: &str, index: usize) -> String {
    format!("{prefix}-{index}")
}

fn entity_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9.@_-]{0,40}"
}

fn source_plan() -> impl Strategy<Value = SourcePlan> {
    (entity_name(), any::<bool>(), "[a-z][a-z0-9-]{0,30}", "[a-z][a-z0-9/._-]{0,30}")
        .prop_map(|(name, connection, repository, branch)| SourcePlan { name, connection, repository, branch })
}

fn action_plan() -> impl Strategy<Value = ActionPlan> {
    let build = ("[A-Za-z0-9][A-Za-z0-9_-]{1,40}", 0..=MAX_BUILD_ARTIFACTS, 1..=MAX_BUILD_ARTIFACTS).prop_flat_map(
        |(project, outputs, input_count)| {
            (Just(ActionKind::Build { project, outputs }), prop::collection::vec(any::<usize>(), input_count))
        },
    );
    let deploy = ("[a-z][a-z0-9-]{0,30}", "[a-z][a-z0-9-]{0,30}").prop_flat_map(|(cluster, service)| {
        (Just(ActionKind::EcsDeploy { cluster, service }), prop::collection::vec(any::<usize>(), 1))
    });
    (entity_name(), prop_oneof![3 => build, 1 => deploy], prop::option::weighted(0.3, any::<usize>()))
        .prop_map(|(name, (kind, inputs), after)| ActionPlan { name, kind, inputs, after })
}

/// A stage of 1..=`max_actions` actions.
fn stage_plan(max_actions: usize) -> impl Strategy<Value = StagePlan> {
    (entity_name(), 1..=max_actions).prop_flat_map(|(name, count)| {
        prop::collection::vec(action_plan(), count).prop_map(move |actions| StagePlan { name: name.clone(), actions })
    })
}

/// A pipeline of 1..=3 sources and 1..=49 more stages (2..=50 in all) of
/// 1..=50 actions, at most 500 actions in all. Most plans are small so that
/// a run stays short; one in five may reach the quotas.
pub(crate) fn plan() -> impl Strategy<Value = Plan> {
    let small = prop::collection::vec(stage_plan(4), 1..=5);
    let large = prop::collection::vec(stage_plan(MAX_ACTIONS_PER_STAGE), 1..MAX_STAGES);
    (
        "[A-Za-z0-9][A-Za-z0-9.@_-]{0,60}",
        prop::collection::vec(source_plan(), 1..=3),
        prop_oneof![4 => small, 1 => large],
    )
        .prop_map(|(name, sources, stages)| within_action_quota(Plan { name, sources, stages }))
}

/// Drops the last actions of the stages that go past the 500-action quota,
/// keeping at least one action in every stage.
fn within_action_quota(mut plan: Plan) -> Plan {
    let mut budget = MAX_ACTIONS - plan.sources.len();
    let stage_count = plan.stages.len();
    for (index, stage) in plan.stages.iter_mut().enumerate() {
        let later_stages = stage_count - index - 1;
        stage.actions.truncate((budget - later_stages).max(1));
        budget -= stage.actions.len();
    }
    plan
}

/// Builds the plan with the typed builders.
pub(crate) fn build(plan: &Plan) -> Pipeline {
    Pipeline::build(plan.name.as_str(), |p| {
        p.role_arn("arn:aws:iam::123456789012:role/CodePipelineRole");
        p.artifact_store(ArtifactStore::s3("pipeline-artifacts"));
        let mut artifacts: Vec<Artifact<'_>> = p.source_stage("Source", |s| {
            plan.sources
                .iter()
                .enumerate()
                .map(|(index, source)| {
                    let name = unique_name(&source.name, index);
                    if source.connection {
                        let connection = "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc123";
                        s.add(CodeStarConnectionSource::new(name, connection, &source.repository, &source.branch))
                            .artifact()
                    } else {
                        s.add(CodeCommitSource::new(name, &source.repository, &source.branch)).artifact()
                    }
                })
                .collect()
        });
        for (stage_index, stage) in plan.stages.iter().enumerate() {
            p.stage(unique_name(&stage.name, stage_index), |s| {
                let mut neighbours: Vec<ActionRef<'_>> = Vec::new();
                for (index, action) in stage.actions.iter().enumerate() {
                    let mut inputs: Vec<Artifact<'_>> = Vec::new();
                    for pick in &action.inputs {
                        let artifact = artifacts[pick % artifacts.len()];
                        if !inputs.contains(&artifact) {
                            inputs.push(artifact);
                        }
                    }
                    let after =
                        action.after.filter(|_| !neighbours.is_empty()).map(|pick| neighbours[pick % neighbours.len()]);
                    let name = unique_name(&action.name, index);
                    let output_prefix = format!("S{stage_index}-{}", name.replace(['.', '@'], "_"));
                    let (added, outputs) = add_action(s, name, &action.kind, &inputs, after, &output_prefix);
                    neighbours.push(added);
                    artifacts.extend(outputs);
                }
            });
        }
    })
}

/// Adds one planned action and returns it with its output artifacts, named
/// `<output_prefix>-out<n>` (unique in the pipeline).
fn add_action<'p>(
    s: &mut StageBuilder<'p, '_>,
    name: String,
    kind: &ActionKind,
    inputs: &[Artifact<'p>],
    after: Option<ActionRef<'p>>,
    output_prefix: &str,
) -> (ActionRef<'p>, Vec<Artifact<'p>>) {
    match kind {
        ActionKind::EcsDeploy { cluster, service } => {
            let mut deploy = EcsDeploy::new(name, cluster.as_str(), service.as_str(), inputs[0]);
            if let Some(neighbour) = after {
                deploy = deploy.after(&neighbour);
            }
            (s.add(deploy).action, Vec::new())
        }
        ActionKind::Build { project, outputs } => {
            let mut build = CodeBuild::new(name, project.as_str(), inputs[0]);
            for input in &inputs[1..] {
                build = build.input(*input);
            }
            if inputs.len() > 1 {
                build = build.primary_source(inputs[0]);
            }
            if let Some(neighbour) = after {
                build = build.after(&neighbour);
            }
            let output = |number: usize| format!("{output_prefix}-out{number}");
            match outputs {
                0 => (s.add(build).action, Vec::new()),
                1 => added(s.add(build.output(output(1)))),
                2 => added(s.add(build.output(output(1)).output(output(2)))),
                3 => added(s.add(build.output(output(1)).output(output(2)).output(output(3)))),
                4 => added(s.add(build.output(output(1)).output(output(2)).output(output(3)).output(output(4)))),
                _ => added(s.add(
                    build.output(output(1)).output(output(2)).output(output(3)).output(output(4)).output(output(5)),
                )),
            }
        }
    }
}

fn added<'p, const N: usize, V: pipewright_dsl::VariableSet<'p>>(
    handle: ActionHandle<'p, N, V>,
) -> (ActionRef<'p>, Vec<Artifact<'p>>) {
    (handle.action, handle.artifacts.to_vec())
}

/// Every input artifact is produced by an action that runs before its
/// consumer: in an earlier stage, or in the same stage with a lower runOrder.
fn data_flow_problems(declaration: &PipelineDeclaration) -> Vec<String> {
    let mut producers: Vec<(String, usize, u32)> = Vec::new();
    let mut problems = Vec::new();
    for (stage_index, stage) in declaration.stages.iter().enumerate() {
        for action in &stage.actions {
            let run_order = action.run_order.unwrap_or(1);
            for output in action.output_artifacts.iter().flatten() {
                producers.push((output.name.to_string(), stage_index, run_order));
            }
        }
        for action in &stage.actions {
            let run_order = action.run_order.unwrap_or(1);
            for input in action.input_artifacts.iter().flatten() {
                let name = input.name.to_string();
                let runs_before = producers.iter().any(|(produced, stage, order)| {
                    *produced == name && (*stage < stage_index || (*stage == stage_index && *order < run_order))
                });
                if !runs_before {
                    problems.push(format!(
                        "stage \"{}\" > action \"{}\" (runOrder {run_order}) consumes \"{name}\" before it is produced",
                        stage.name, action.name
                    ));
                }
            }
        }
    }
    problems
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn built_pipelines_validate_and_read_back(plan in plan()) {
        let pipeline = build(&plan);
        if let Err(violations) = pipeline.validate() {
            panic!("a pipeline built through the typed builders failed validation:\n{violations}");
        }
        let problems = data_flow_problems(pipeline.declaration());
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
        let json = api_json::emit(&pipeline).unwrap().contents;
        let read = PipelineDocument::from_json(&json).unwrap();
        prop_assert_eq!(read, pipeline.document());
        for format in [Format::Json, Format::Yaml] {
            let template = cloudformation::emit(&pipeline, format).unwrap().contents;
            let resources = read_template(&template).unwrap();
            prop_assert_eq!(resources.len(), 1);
            prop_assert_eq!(&resources[0].declaration, pipeline.declaration());
        }
    }
}
