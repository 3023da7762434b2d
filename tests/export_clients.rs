//! Real clients read the exports: networkx (GraphML, GEXF, node-link JSON),
//! python-igraph (GraphML) and Graphviz `dot` (DOT → SVG). A missing client
//! skips its test with a message, unless `CI` is set: then it fails.

mod common;
mod export_fixture;

use std::path::Path;
use std::process::Command;

use common::{dot_on_path, python_has};

use kurilnet::export::{Staging, dot, svg};

/// Whether a client is usable; without it, skip (locally) or fail (under CI).
fn client(ok: bool, what: &str) -> bool {
    common::require(ok, what, "pip install -r tests/requirements.txt; apt-get install graphviz")
}

/// Write the rich graph with every exporter of the main job, and what clients must read back.
fn write_all(dir: &Path) -> Vec<String> {
    let g = export_fixture::rich_graph();
    let mut staging = Staging::new(dir).unwrap();
    for e in kurilnet::pipeline::exporters() {
        staging.stage_all(e.render_with_notes(&g).unwrap().files).unwrap();
    }
    let names = staging.names().iter().map(|s| s.to_string()).collect();
    staging.commit().unwrap();
    let exp = serde_json::to_string_pretty(&export_fixture::expected(&g)).unwrap();
    std::fs::write(dir.join("expected.json"), exp).unwrap();
    names
}

fn run_python(script: &str, dir: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py").join(script);
    let out = Command::new("python3").arg(&script).arg(dir).arg(dir.join("expected.json")).output().unwrap();
    print!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{} found mismatches:\n{}", script.display(), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_main_job_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = write_all(dir.path());
    names.sort();
    let mut want =
        vec!["edges.csv", "graph.dot", "graph.gexf", "graph.graphml", "graph.json", "graph.nodelink.json", "nodes.csv"];
    if dot_on_path() {
        want.push("graph.svg");
    }
    want.sort();
    assert_eq!(names, want);
}

#[test]
fn networkx_reads_graphml_gexf_and_node_link() {
    if !client(python_has("networkx"), "python3 with networkx") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_all(dir.path());
    run_python("check_networkx.py", dir.path());
}

#[test]
fn igraph_reads_graphml() {
    if !client(python_has("igraph"), "python3 with python-igraph") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write_all(dir.path());
    run_python("check_igraph.py", dir.path());
}

#[test]
fn dot_renders_every_dot_file_without_warnings_and_deterministically() {
    if !client(dot_on_path(), "Graphviz `dot`") {
        return;
    }
    let g = export_fixture::rich_graph();
    for documents in [false, true] {
        let text = dot::to_dot(&g, documents);
        // render_svg fails on any stderr output or non-zero exit.
        let a = svg::render_svg("dot", &text, "graph.dot").unwrap().expect("dot found");
        let b = svg::render_svg("dot", &text, "graph.dot").unwrap().expect("dot found");
        assert!(a == b, "SVG differs between two runs (documents: {documents})");
        // Graphviz writes `-` as a character reference in SVG text.
        let s = String::from_utf8(a).unwrap().replace("&#45;", "-");
        for name in export_fixture::NASTY
            .iter()
            .filter(|n| n.is_ascii() && !n.contains(['\n', '\r', '\t', '<', '&', '\'', '"']))
        {
            assert!(s.contains(name.trim()), "label {name:?} not drawn");
        }
        assert!(s.contains("Шеварднадзе") && s.contains("Kōno Tarō"), "non-ASCII labels drawn");
        assert_eq!(s.contains("Kyodo"), documents, "documents drawn only on request");
    }
}
