//! Centrality agrees with networkx: each network is exported to GraphML, read
//! back with networkx (tests/py/centrality_networkx.py) and every measure
//! compared node by node. Without Python + networkx the tests skip with a
//! message, unless `CI` is set: then they fail.

mod common;

use std::path::Path;
use std::process::Command;

use kurilnet::analysis::centrality::{Measure, Options, analyse, to_csv};
use kurilnet::analysis::network::{Window, actor_graph, restrict};
use kurilnet::analysis::testkit;
use kurilnet::export::graphml::to_graphml;
use kurilnet::graph::{Edge, Graph, Relation};

fn networkx_available() -> bool {
    common::require(
        common::python_has("networkx, scipy"),
        "python3 with networkx and scipy",
        "pip install -r tests/requirements.txt",
    )
}

/// Export `g` (restricted to `w`) and its actor network, score it, and let networkx check every value.
fn check(name: &str, g: &Graph, w: Window) {
    if !networkx_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = restrict(g, w);
    let actors = actor_graph(&g);
    std::fs::write(dir.path().join("full.graphml"), to_graphml(&g).unwrap()).unwrap();
    std::fs::write(dir.path().join("actors.graphml"), to_graphml(&actors).unwrap()).unwrap();
    let scores = analyse(&g, Window::default(), &w.to_string(), Options::default());
    std::fs::write(dir.path().join("centrality.csv"), to_csv(&scores).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/centrality_networkx.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["full.graphml", "actors.graphml", "centrality.csv"].map(|f| dir.path().join(f)))
        .output()
        .unwrap();
    println!("{name}:\n{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{name}: networkx disagrees:\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn sample_graph_agrees_with_networkx() {
    check("sample", &testkit::sample(), Window::default());
}

#[test]
fn sample_graph_with_a_cycle_agrees_on_eigenvector_too() {
    let mut g = testkit::sample();
    // A back link makes the full network cyclic, so eigenvector is defined there.
    g.upsert_edge(Edge::new("p-1956-joint-declaration", "ichiro-hatoyama", Relation::CoAttended)).unwrap();
    g.upsert_edge(Edge::new("jp", "shinzo-abe", Relation::CoAttended)).unwrap();
    check("sample with cycles", &g, Window::default());
}

#[test]
fn one_period_agrees_with_networkx() {
    check("sample 1989-2001", &testkit::sample(), Window { from: Some(1989), to: Some(2001) });
}

#[test]
fn random_graph_agrees_with_networkx() {
    check("random", &testkit::random(7, 120, 80), Window::default());
}

#[test]
fn random_graph_by_era_agrees_with_networkx() {
    let g = testkit::random(11, 60, 50);
    for era in kurilnet::analysis::network::ERAS {
        check(era.slug, &g, era.window);
    }
}

/// rustworkx-core runs betweenness and closeness in parallel from a node-count
/// threshold: the results must not depend on it.
#[test]
fn sequential_and_parallel_runs_agree_on_a_large_graph() {
    let g = testkit::random(3, 300, 200);
    let seq = analyse(&g, Window::default(), "all", Options::default());
    let par = analyse(&g, Window::default(), "all", Options { parallel_threshold: 50 });
    assert!(seq[0].rows.len() > 50, "large enough to run in parallel");
    let mut worst = 0.0f64;
    for (a, b) in seq.iter().zip(&par) {
        for (x, y) in a.rows.iter().zip(&b.rows) {
            assert_eq!(x.id, y.id);
            for m in Measure::ALL {
                match (x.get(m), y.get(m)) {
                    (Some(p), Some(q)) => worst = worst.max((p - q).abs()),
                    (p, q) => assert_eq!(p, q, "{} {m}", x.id),
                }
            }
        }
    }
    assert!(worst < 1e-12, "sequential and parallel differ by {worst}");
    let again = analyse(&g, Window::default(), "all", Options::default());
    assert_eq!(to_csv(&seq).unwrap(), to_csv(&again).unwrap(), "sequential runs are byte-identical");
}
