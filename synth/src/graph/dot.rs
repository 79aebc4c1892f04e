//! A diagram in the DOT language of Graphviz.
//!
//! Every id and label is a quoted string with `\` and `"` escaped, so a name
//! cannot end the string or become one of DOT's label escapes (`\N`, `\l`).

use std::fmt::Write;

use super::diagram::{Edge, Node};
use super::Language;

/// The DOT language: a cluster per pipeline, stage and runOrder group; a
/// bold edge from a stage or group to the one that runs next (drawn between
/// the clusters), a plain one for an artifact, a dashed one for a variable.
pub(super) struct Dot;

impl Language for Dot {
    fn begin(&self, out: &mut String) {
        out.push_str("digraph \"pipelines\" {\n  rankdir=LR;\n  compound=true;\n  node [shape=box];\n");
    }

    fn open_box(&self, out: &mut String, depth: usize, id: &str, label: &str) {
        let indent = depth * 2;
        let _ = writeln!(out, "{:indent$}subgraph {} {{", "", quoted(&cluster(id)));
        let _ = writeln!(out, "{:indent$}  label={};", "", quoted(label));
    }

    fn close_box(&self, out: &mut String, depth: usize) {
        let _ = writeln!(out, "{:indent$}}}", "", indent = depth * 2);
    }

    fn node(&self, out: &mut String, depth: usize, node: &Node) {
        let lines: Vec<String> = node.lines.iter().map(|line| escaped(line)).collect();
        let _ =
            writeln!(out, "{:indent$}{} [label=\"{}\"];", "", quoted(&node.id), lines.join("\\n"), indent = depth * 2);
    }

    fn edge(&self, out: &mut String, edge: &Edge) {
        let _ = match edge {
            Edge::Then { from, to } => writeln!(
                out,
                "  {} -> {} [ltail={}, lhead={}, style=bold];",
                quoted(&from.anchor),
                quoted(&to.anchor),
                quoted(&cluster(&from.id)),
                quoted(&cluster(&to.id))
            ),
            Edge::Artifact { from, to, name } => {
                writeln!(out, "  {} -> {} [label={}];", quoted(from), quoted(to), quoted(name))
            }
            Edge::Variable { from, to, reference } => {
                writeln!(out, "  {} -> {} [label={}, style=dashed];", quoted(from), quoted(to), quoted(reference))
            }
        };
    }

    fn end(&self, out: &mut String) {
        out.push_str("}\n");
    }
}

/// The name of a box's cluster: Graphviz draws a subgraph as a box only when
/// its name starts with `cluster`.
fn cluster(id: &str) -> String {
    format!("cluster_{id}")
}

/// `text` as a DOT quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", escaped(text))
}

/// `text` with `\` and `"` escaped for a DOT quoted string.
fn escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn backslashes_and_quotes_are_escaped() {
        assert_eq!(quoted(r#"a "b" \N c\"#), r#""a \"b\" \\N c\\""#);
    }
}
