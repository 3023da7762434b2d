//! SVG (`graph.svg`) drawn by Graphviz's `dot` from the DOT export. Graphviz
//! is an optional tool: when `dot` is not on PATH the main job writes no SVG
//! and says so in a note, while `kurilnet export --format svg` fails with the
//! same advice. Any warning from `dot` is an error naming the file.

use std::io::Write;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use super::{Exporter, OutputFile, Rendered, dot};
use crate::graph::Graph;

/// The note (or error) given when Graphviz is missing.
pub const NOT_FOUND: &str =
    "graph.svg not written: Graphviz `dot` not found (install it: apt-get install graphviz / brew install graphviz)";

/// The SVG exporter; `program` is the Graphviz `dot` to run.
#[derive(Clone, Debug)]
pub struct Svg {
    pub program: String,
}

impl Default for Svg {
    fn default() -> Self {
        Svg { program: "dot".into() }
    }
}

/// Run `program -Tsvg` on DOT text. `Ok(None)` when the program cannot be found.
pub fn render_svg(program: &str, dot_text: &str, name: &str) -> anyhow::Result<Option<Vec<u8>>> {
    let child =
        Command::new(program).arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        r => r.with_context(|| format!("cannot run Graphviz `{program}` for {name}"))?,
    };
    // Write on another thread: dot may fill its stdout pipe before it has read all input.
    let mut stdin = child.stdin.take().expect("piped");
    let input = dot_text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().with_context(|| format!("Graphviz `{program}` failed on {name}"))?;
    writer.join().map_err(|_| anyhow::anyhow!("writer thread panicked"))?.ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("Graphviz `{program} -Tsvg` failed on {name} ({}): {}", out.status, stderr.trim());
    }
    if !stderr.trim().is_empty() {
        bail!("Graphviz `{program} -Tsvg` warned on {name}: {}", stderr.trim());
    }
    Ok(Some(out.stdout))
}

impl Exporter for Svg {
    fn name(&self) -> &'static str {
        "svg"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        let r = self.render_with_notes(graph)?;
        if let Some(note) = r.notes.first() {
            bail!("{note}");
        }
        Ok(r.files)
    }

    fn render_with_notes(&self, graph: &Graph) -> anyhow::Result<Rendered> {
        let text = dot::to_dot(graph, false);
        Ok(match render_svg(&self.program, &text, "graph.svg")? {
            Some(svg) => Rendered { files: vec![OutputFile::new("graph.svg", svg)], notes: Vec::new() },
            None => Rendered { files: Vec::new(), notes: vec![NOT_FOUND.to_string()] },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Node, NodeKind};

    #[test]
    fn a_missing_dot_is_a_note_for_the_job_and_an_error_for_export() {
        let mut g = Graph::new();
        g.upsert_node(Node::new("a", NodeKind::Person, "A"));
        let svg = Svg { program: "kurilnet-test-no-such-dot".into() };
        let r = svg.render_with_notes(&g).unwrap();
        assert!(r.files.is_empty());
        assert_eq!(r.notes, vec![NOT_FOUND.to_string()]);
        assert_eq!(svg.render(&g).unwrap_err().to_string(), NOT_FOUND);
    }

    #[test]
    fn dot_errors_name_the_file() {
        // `false` exits non-zero without output: stands in for a failing dot.
        let err = render_svg("false", "digraph {}", "graph.svg").unwrap_err().to_string();
        assert!(err.contains("graph.svg") && err.contains("failed"), "{err}");
    }
}
