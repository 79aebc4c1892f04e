//! What a diagram of pipelines shows, before it is written in a diagram
//! language: boxes for pipelines, stages and runOrder groups, a node per
//! action, and the edges between them. Every name is already made printable
//! (see [`printable`]); the languages escape it further.

use std::collections::BTreeSet;

use pipewright_dsl::model::{ActionDeclaration, StageDeclaration};
use pipewright_dsl::{printable, Pipeline};

use super::ids::Ids;

/// Every pipeline drawn, in the order given.
pub(super) struct Diagram {
    /// One box per pipeline.
    pub(super) pipelines: Vec<PipelineBox>,
}

/// A pipeline: its stages in order, and the edges between its actions.
pub(super) struct PipelineBox {
    /// The box's id.
    pub(super) id: String,
    /// The pipeline's name.
    pub(super) label: String,
    /// The stages, in the order they run.
    pub(super) stages: Vec<StageBox>,
    /// Stage and runOrder order first, then the artifacts and variables each
    /// action reads, action by action.
    pub(super) edges: Vec<Edge>,
}

/// A stage: its actions grouped by runOrder.
pub(super) struct StageBox {
    /// The box's id.
    pub(super) id: String,
    /// The stage's name.
    pub(super) label: String,
    /// The runOrder groups, lowest runOrder first; one group when every
    /// action has the same runOrder (or the stage has no actions).
    pub(super) groups: Vec<RunGroup>,
}

/// The actions of a stage that share a runOrder, in declaration order.
pub(super) struct RunGroup {
    /// The group's own box, `runOrder 2`, when the stage has several groups.
    pub(super) boxed: Option<GroupBox>,
    /// The actions; a stage without actions has one placeholder node.
    pub(super) nodes: Vec<Node>,
}

/// The box of a runOrder group.
pub(super) struct GroupBox {
    /// The box's id.
    pub(super) id: String,
    /// `runOrder 2`.
    pub(super) label: String,
}

/// An action (or the placeholder of an empty stage).
pub(super) struct Node {
    /// The node's id.
    pub(super) id: String,
    /// The lines of its label: the action's name, its provider, and where it
    /// runs when that is another account or Region.
    pub(super) lines: Vec<String>,
}

/// A box whose contents run after another's.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct BoxRef {
    /// The box's id.
    pub(super) id: String,
    /// The id of its first node, for languages whose edges join nodes only.
    pub(super) anchor: String,
}

/// An edge of the diagram.
#[derive(Clone, PartialEq, Eq)]
pub(super) enum Edge {
    /// A stage runs after the previous one, or a runOrder group after the
    /// previous group of its stage.
    Then {
        /// The box that runs first.
        from: BoxRef,
        /// The box that runs next.
        to: BoxRef,
    },
    /// An action consumes an artifact another produces.
    Artifact {
        /// The producer's node.
        from: String,
        /// The consumer's node.
        to: String,
        /// The artifact's name.
        name: String,
    },
    /// An action reads a variable from another action's namespace.
    Variable {
        /// The node of the action that declares the namespace.
        from: String,
        /// The node of the action that reads it.
        to: String,
        /// The reference as written, `#{SourceVariables.CommitId}`.
        reference: String,
    },
}

/// An action, where it runs in its pipeline, and its node.
struct Placed<'a> {
    stage_index: usize,
    run_order: u32,
    action: &'a ActionDeclaration,
    node: String,
}

impl Placed<'_> {
    /// Whether this action finishes before `other` starts: an earlier stage,
    /// or the same stage with a lower runOrder.
    fn runs_before(&self, other: &Placed<'_>) -> bool {
        self.stage_index < other.stage_index
            || (self.stage_index == other.stage_index && self.run_order < other.run_order)
    }
}

impl Diagram {
    /// The diagram of `pipelines`.
    pub(super) fn of(pipelines: &[&Pipeline]) -> Diagram {
        let mut ids = Ids::default();
        Diagram { pipelines: pipelines.iter().map(|pipeline| pipeline_box(pipeline, &mut ids)).collect() }
    }
}

fn pipeline_box(pipeline: &Pipeline, ids: &mut Ids) -> PipelineBox {
    let declaration = pipeline.declaration();
    let name = declaration.name.to_string();
    let id = ids.claim("p_", &[&name]);
    let mut placed = Vec::new();
    let stages: Vec<StageBox> = declaration
        .stages
        .iter()
        .enumerate()
        .map(|(stage_index, stage)| stage_box(pipeline, &name, stage_index, stage, ids, &mut placed))
        .collect();
    let mut edges = order_edges(&stages);
    for reader in &placed {
        for edge in artifact_edges(&placed, reader).chain(variable_edges(&placed, reader)) {
            if !edges.contains(&edge) {
                edges.push(edge);
            }
        }
    }
    PipelineBox { id, label: printable(&name).into_owned(), stages, edges }
}

fn stage_box<'a>(
    pipeline: &Pipeline,
    pipeline_name: &str,
    stage_index: usize,
    stage: &'a StageDeclaration,
    ids: &mut Ids,
    placed: &mut Vec<Placed<'a>>,
) -> StageBox {
    let stage_name = stage.name.to_string();
    let id = ids.claim("s_", &[pipeline_name, &stage_name]);
    let run_orders: BTreeSet<u32> = stage.actions.iter().map(run_order).collect();
    let mut groups: Vec<RunGroup> = run_orders
        .iter()
        .map(|&order| {
            let boxed = (run_orders.len() > 1).then(|| GroupBox {
                id: ids.claim("r_", &[pipeline_name, &stage_name, &order.to_string()]),
                label: format!("runOrder {order}"),
            });
            let nodes = stage
                .actions
                .iter()
                .filter(|action| run_order(action) == order)
                .map(|action| {
                    let action_name = action.name.to_string();
                    let node = ids.claim("a_", &[pipeline_name, &stage_name, &action_name]);
                    placed.push(Placed { stage_index, run_order: order, action, node: node.clone() });
                    Node { id: node, lines: action_lines(pipeline, action) }
                })
                .collect();
            RunGroup { boxed, nodes }
        })
        .collect();
    if groups.is_empty() {
        let node = Node { id: ids.claim("e_", &[pipeline_name, &stage_name]), lines: vec!["(no actions)".to_owned()] };
        groups.push(RunGroup { boxed: None, nodes: vec![node] });
    }
    StageBox { id, label: printable(&stage_name).into_owned(), groups }
}

/// The runOrder of an action, 1 when absent.
fn run_order(action: &ActionDeclaration) -> u32 {
    action.run_order.unwrap_or(1)
}

/// The label of an action: its name, its provider, and `↗ account / Region`
/// when it runs elsewhere than the pipeline.
fn action_lines(pipeline: &Pipeline, action: &ActionDeclaration) -> Vec<String> {
    let mut lines = vec![
        printable(&action.name.to_string()).into_owned(),
        printable(&action.action_type_id.provider.to_string()).into_owned(),
    ];
    if let Some(elsewhere) = elsewhere(pipeline, action) {
        lines.push(format!("↗ {}", printable(&elsewhere)));
    }
    lines
}

/// Where an action runs when that is not known to be the pipeline's
/// account and Region: the account of its own role (`roleArn`) when that is
/// not the pipeline's, and the Region it declares (`region`) when that is
/// not the pipeline's; `222222222222 / eu-west-1`, or either alone.
///
/// A pipeline read from a file may not know its own Region; then every
/// Region an action declares is shown.
fn elsewhere(pipeline: &Pipeline, action: &ActionDeclaration) -> Option<String> {
    let account = action
        .role_arn
        .as_ref()
        .and(pipeline.action_account(action))
        .filter(|account| pipeline.account() != Some(*account));
    let region =
        action.region.as_ref().and(pipeline.action_region(action)).filter(|region| pipeline.region() != Some(*region));
    match (account, region) {
        (Some(account), Some(region)) => Some(format!("{account} / {region}")),
        (Some(place), None) | (None, Some(place)) => Some(place.to_owned()),
        (None, None) => None,
    }
}

/// Each stage after the previous one, and within a stage each runOrder
/// group after the previous one.
fn order_edges(stages: &[StageBox]) -> Vec<Edge> {
    let stage_ref = |stage: &StageBox| BoxRef { id: stage.id.clone(), anchor: first_node(&stage.groups).to_owned() };
    let mut edges: Vec<Edge> =
        stages.windows(2).map(|pair| Edge::Then { from: stage_ref(&pair[0]), to: stage_ref(&pair[1]) }).collect();
    for stage in stages {
        let boxes = stage.groups.iter().filter_map(|group| {
            let boxed = group.boxed.as_ref()?;
            Some(BoxRef { id: boxed.id.clone(), anchor: group.nodes[0].id.clone() })
        });
        let boxes: Vec<BoxRef> = boxes.collect();
        edges.extend(boxes.windows(2).map(|pair| Edge::Then { from: pair[0].clone(), to: pair[1].clone() }));
    }
    edges
}

/// The id of the first node of a stage (every stage has one).
fn first_node(groups: &[RunGroup]) -> &str {
    groups.iter().flat_map(|group| &group.nodes).map(|node| node.id.as_str()).next().unwrap_or_default()
}

/// The action among `candidates` that ran last before `reader` starts.
fn latest_before<'p, 'a>(
    candidates: impl Iterator<Item = &'p Placed<'a>>,
    reader: &Placed<'_>,
) -> Option<&'p Placed<'a>>
where
    'a: 'p,
{
    candidates.filter(|candidate| candidate.runs_before(reader)).last()
}

/// An edge from the producer of each artifact `reader` consumes; an
/// artifact no earlier action produces has none (validation reports it).
fn artifact_edges<'p>(placed: &'p [Placed<'_>], reader: &'p Placed<'_>) -> impl Iterator<Item = Edge> + 'p {
    reader.action.input_artifacts.iter().flatten().filter_map(move |input| {
        let produces = |candidate: &&Placed<'_>| {
            candidate.action.output_artifacts.iter().flatten().any(|output| output.name == input.name)
        };
        let producer = latest_before(placed.iter().filter(produces), reader)?;
        Some(Edge::Artifact {
            from: producer.node.clone(),
            to: reader.node.clone(),
            name: printable(&input.name.to_string()).into_owned(),
        })
    })
}

/// An edge from the action whose namespace holds each variable `reader`
/// reads (`#{namespace.Key}`); pipeline variables (`#{variables.NAME}`)
/// and `#{codepipeline.*}` come from no action and have none.
fn variable_edges<'p>(placed: &'p [Placed<'_>], reader: &'p Placed<'_>) -> impl Iterator<Item = Edge> + 'p {
    reader.action.variable_references().into_iter().filter_map(move |reference| {
        let declares = |candidate: &&Placed<'_>| {
            candidate.action.namespace.as_ref().and_then(|namespace| namespace.as_literal())
                == Some(reference.namespace)
        };
        let declarer = latest_before(placed.iter().filter(declares), reader)?;
        Some(Edge::Variable {
            from: declarer.node.clone(),
            to: reader.node.clone(),
            reference: printable(&format!("#{{{}.{}}}", reference.namespace, reference.key)).into_owned(),
        })
    })
}
