//! The diagram of every example, in Mermaid and in DOT, pinned with insta
//! snapshots in `snapshots/` (`<example>__graph.mmd`, `<example>__graph.dot`),
//! and the README's diagram, which must be what `graph` prints.

use pipewright::prelude::*;
use pipewright::synth::graph::{self, GraphFormat};
use pipewright::synth::Exit;

use crate::examples::{self, seed};

fn assert_graph_snapshots(example: &str, pipelines: &[Pipeline]) {
    let pipelines: Vec<&Pipeline> = pipelines.iter().collect();
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(format!("{example}__graph.mmd"), graph::render(&pipelines, GraphFormat::Mermaid));
        insta::assert_snapshot!(format!("{example}__graph.dot"), graph::render(&pipelines, GraphFormat::Dot));
    });
}

#[test]
fn every_example() {
    for (example, pipelines) in examples::all() {
        assert_graph_snapshots(example, &pipelines);
    }
}

/// The ```mermaid block of the README is the output of
/// `cargo run --example seed -- graph --pipeline web-app`.
#[test]
fn the_readme_diagram_is_what_graph_prints() {
    let readme = include_str!("../../README.md");
    let block = readme
        .split_once("```mermaid\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("the README has a ```mermaid block");
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = App::new().pipelines(seed::pipelines()).run_with(
        ["seed", "graph", "--pipeline", "web-app"],
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(exit, Exit::Success, "{}", String::from_utf8_lossy(&stderr));
    assert_eq!(block, String::from_utf8(stdout).unwrap());
}
