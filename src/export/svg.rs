//! SVG (`graph.svg`) drawn by Graphviz's `dot` from the DOT export. Graphviz
//! is an optional tool (every diagram of the main job is also drawn in Rust,
//! see `crate::diagram`): when `dot` is not on PATH, fails, takes longer than
//! [`TIMEOUT`] or the graph has more than [`MAX_NODES`] nodes, the main job
//! writes no `graph.svg` and says why in a note, while
//! `kurilnet export --format svg` fails with the same advice. Any warning
//! from `dot` is an error naming the file.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::{Exporter, OutputFile, Rendered, dot};
use crate::graph::Graph;

/// The note (or error) given when Graphviz is missing.
pub const NOT_FOUND: &str =
    "graph.svg not written: Graphviz `dot` not found (install it: apt-get install graphviz / brew install graphviz)";

/// Largest graph (nodes drawn) handed to `dot`: its layout time grows fast beyond it.
pub const MAX_NODES: usize = 1000;
/// Longest `dot` may run before it is stopped.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The SVG exporter; `program` is the Graphviz `dot` to run.
#[derive(Clone, Debug)]
pub struct Svg {
    pub program: String,
    /// Graphs with more nodes (documents left out) are not drawn.
    pub max_nodes: usize,
    /// `dot` is stopped after this long.
    pub timeout: Duration,
}

impl Default for Svg {
    fn default() -> Self {
        Svg { program: "dot".into(), max_nodes: MAX_NODES, timeout: TIMEOUT }
    }
}

/// Run `program -Tsvg` on DOT text, stopped after [`TIMEOUT`]. `Ok(None)`
/// when the program cannot be found.
pub fn render_svg(program: &str, dot_text: &str, name: &str) -> anyhow::Result<Option<Vec<u8>>> {
    render_svg_within(program, dot_text, name, TIMEOUT)
}

/// As [`render_svg`], with the time limit given.
pub fn render_svg_within(
    program: &str,
    dot_text: &str,
    name: &str,
    timeout: Duration,
) -> anyhow::Result<Option<Vec<u8>>> {
    let child =
        Command::new(program).arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        r => r.with_context(|| format!("cannot run Graphviz `{program}` for {name}"))?,
    };
    // Write and read on other threads: dot may fill its stdout pipe before it has read all input.
    let mut stdin = child.stdin.take().expect("piped");
    let input = dot_text.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).map(|_| buf)
        })
    };
    let out_reader = drain(Box::new(child.stdout.take().expect("piped")));
    let err_reader = drain(Box::new(child.stderr.take().expect("piped")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().with_context(|| format!("Graphviz `{program}` failed on {name}"))? {
            break status;
        }
        if start.elapsed() >= timeout {
            child.kill().ok();
            child.wait().ok();
            bail!(
                "Graphviz `{program}` took longer than {} s on {name} and was stopped",
                timeout.as_secs_f64()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    writer.join().map_err(|_| anyhow::anyhow!("writer thread panicked"))?.ok();
    let join = |h: std::thread::JoinHandle<std::io::Result<Vec<u8>>>| -> anyhow::Result<Vec<u8>> {
        Ok(h.join().map_err(|_| anyhow::anyhow!("reader thread panicked"))??)
    };
    let (stdout, stderr) = (join(out_reader)?, join(err_reader)?);
    let stderr = String::from_utf8_lossy(&stderr);
    if !status.success() {
        bail!("Graphviz `{program} -Tsvg` failed on {name} ({status}): {}", stderr.trim());
    }
    if !stderr.trim().is_empty() {
        bail!("Graphviz `{program} -Tsvg` warned on {name}: {}", stderr.trim());
    }
    Ok(Some(stdout))
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

    /// A missing, failing or slow `dot`, or a graph above the size limit, is a
    /// note: the main job writes every other file.
    fn render_with_notes(&self, graph: &Graph) -> anyhow::Result<Rendered> {
        let note = |n: String| Rendered { files: Vec::new(), notes: vec![n] };
        let drawn = graph.nodes().iter().filter(|n| n.kind != crate::graph::NodeKind::Document).count();
        if drawn > self.max_nodes {
            return Ok(note(format!(
                "graph.svg not written: {drawn} nodes is above the {} Graphviz lays out in reasonable time; \
                 network.svg and report.html show the network, or draw it yourself (may take minutes): \
                 dot -Tsvg graph.dot -o graph.svg",
                self.max_nodes
            )));
        }
        let text = dot::to_dot(graph, false);
        Ok(match render_svg_within(&self.program, &text, "graph.svg", self.timeout) {
            Ok(Some(svg)) => Rendered { files: vec![OutputFile::new("graph.svg", svg)], notes: Vec::new() },
            Ok(None) => note(NOT_FOUND.to_string()),
            Err(e) => note(format!("graph.svg not written: {e:#}; every other file is written")),
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
        let svg = Svg { program: "kurilnet-test-no-such-dot".into(), ..Svg::default() };
        let r = svg.render_with_notes(&g).unwrap();
        assert!(r.files.is_empty());
        assert_eq!(r.notes, vec![NOT_FOUND.to_string()]);
        assert_eq!(svg.render(&g).unwrap_err().to_string(), NOT_FOUND);
    }

    #[test]
    fn a_large_graph_or_a_failing_dot_is_a_note_for_the_job() {
        let mut g = Graph::new();
        for i in 0..5 {
            g.upsert_node(Node::new(format!("n{i}"), NodeKind::Person, "N"));
        }
        let small = Svg { max_nodes: 4, ..Svg::default() };
        let r = small.render_with_notes(&g).unwrap();
        assert!(r.files.is_empty());
        assert!(r.notes[0].contains("5 nodes is above the 4") && r.notes[0].contains("dot -Tsvg graph.dot"), "{:?}", r.notes);
        assert!(small.render(&g).is_err(), "an explicit export fails with the note");
        let failing = Svg { program: "false".into(), ..Svg::default() };
        let r = failing.render_with_notes(&g).unwrap();
        assert!(r.files.is_empty() && r.notes[0].starts_with("graph.svg not written") && r.notes[0].contains("failed"), "{:?}", r.notes);
    }

    #[cfg(unix)]
    #[test]
    fn a_slow_dot_is_stopped() {
        // A stand-in for a dot that never finishes: a shell script that sleeps.
        let dir = tempfile::tempdir().unwrap();
        let slow = dir.path().join("slow-dot");
        std::fs::write(&slow, "#!/bin/sh\nexec sleep 30\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&slow, std::fs::Permissions::from_mode(0o755)).unwrap();
        let t = Instant::now();
        let err = render_svg_within(slow.to_str().unwrap(), "digraph {}", "graph.svg", Duration::from_millis(300))
            .unwrap_err()
            .to_string();
        assert!(err.contains("took longer than 0.3 s on graph.svg"), "{err}");
        assert!(t.elapsed() < Duration::from_secs(10), "stopped, not waited for");
    }

    #[test]
    fn dot_errors_name_the_file() {
        // `false` exits non-zero without output: stands in for a failing dot.
        let err = render_svg("false", "digraph {}", "graph.svg").unwrap_err().to_string();
        assert!(err.contains("graph.svg") && err.contains("failed"), "{err}");
    }
}
