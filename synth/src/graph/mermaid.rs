//! A diagram as a Mermaid flowchart.
//!
//! Ids are made of ASCII letters, digits and `_` (see `ids.rs`); every label
//! is quoted, with `"`, `#`, `<`, `>`, `&` and `` ` `` written as Mermaid
//! entity codes (`#quot;`, `#35;`, ...), so a name cannot end a label, start
//! an entity or become markup.

use std::fmt::Write;

use super::diagram::{Edge, Node};
use super::Language;

/// The Mermaid flowchart language: a subgraph per pipeline, stage and
/// runOrder group; `==>` from a stage or group to the one that runs next,
/// `-->` for an artifact, `-.->` for a variable.
pub(super) struct Mermaid;

impl Language for Mermaid {
    fn begin(&self, out: &mut String) {
        out.push_str("flowchart LR\n");
    }

    fn open_box(&self, out: &mut String, depth: usize, id: &str, label: &str) {
        let _ = writeln!(out, "{:indent$}subgraph {id}[{}]", "", quoted(label), indent = depth * 2);
    }

    fn close_box(&self, out: &mut String, depth: usize) {
        let _ = writeln!(out, "{:indent$}end", "", indent = depth * 2);
    }

    fn node(&self, out: &mut String, depth: usize, node: &Node) {
        let lines: Vec<String> = node.lines.iter().map(|line| escaped(line)).collect();
        let _ = writeln!(out, "{:indent$}{}[\"{}\"]", "", node.id, lines.join("<br/>"), indent = depth * 2);
    }

    fn edge(&self, out: &mut String, edge: &Edge) {
        let _ = match edge {
            Edge::Then { from, to } => writeln!(out, "  {} ==> {}", from.id, to.id),
            Edge::Artifact { from, to, name } => writeln!(out, "  {from} -->|{}| {to}", quoted(name)),
            Edge::Variable { from, to, reference } => writeln!(out, "  {from} -.->|{}| {to}", quoted(reference)),
        };
    }

    fn end(&self, _out: &mut String) {}
}

/// `text` in double quotes, escaped.
fn quoted(text: &str) -> String {
    format!("\"{}\"", escaped(text))
}

/// `text` with the characters that end a quoted label or start an entity
/// code or markup written as entity codes.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn quotes_entities_and_markup_are_written_as_entity_codes() {
        assert_eq!(escaped(r#"a "b" #{x.y} <br/> & `c`"#), "a #quot;b#quot; #35;{x.y} #lt;br/#gt; #amp; #96;c#96;");
        assert_eq!(escaped("#quot;"), "#35;quot;");
    }
}
