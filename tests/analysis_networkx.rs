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

/// Betweenness, closeness and harmonic run on every rayon thread: the bytes
/// of centrality.csv must not depend on how many there are.
#[test]
fn one_thread_and_two_give_the_same_bytes_on_a_large_graph() {
    // Over 1,024 nodes in the full network: the sources run in several blocks.
    let g = testkit::random(3, 1_500, 1_000);
    let two = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let a = two.install(|| to_csv(&analyse(&g, Window::default(), "all", Options::default())).unwrap());
    let b = one.install(|| to_csv(&analyse(&g, Window::default(), "all", Options::default())).unwrap());
    assert!(a == b, "1 and 2 threads differ");
    let c = two.install(|| analyse(&g, Window::default(), "all", Options::default()));
    assert!(c[0].rows.len() > 2_048, "{} nodes", c[0].rows.len());
    assert!(c[0].rows.iter().filter_map(|r| r.get(Measure::Betweenness)).any(|b| b > 0.0));
}

/// Write the two-mode network of `g`, kurilnet's two-mode scores, the actor
/// network and kurilnet's Louvain modularity, and let networkx check them
/// (tests/py/two_mode_networkx.py).
fn check_two_mode(name: &str, g: &Graph, resolution: f64) {
    if !networkx_available() {
        return;
    }
    use kurilnet::analysis::centrality::{communities, score_two_mode};
    use kurilnet::analysis::network::{Network, Ties};
    use kurilnet::analysis::twomode::two_mode_network;
    let dir = tempfile::tempdir().unwrap();
    let (net, top) = two_mode_network(g);
    let mut nodes = String::new();
    for (id, t) in net.ids.iter().zip(&top) {
        nodes += &format!("{id}\t{}\n", u8::from(*t));
    }
    let mut edges = String::new();
    for e in net.graph.edge_indices() {
        let (a, b) = net.graph.edge_endpoints(e).unwrap();
        edges += &format!("{}\t{}\n", net.ids[a.index()], net.ids[b.index()]);
    }
    std::fs::write(dir.path().join("two_mode_nodes.tsv"), nodes).unwrap();
    std::fs::write(dir.path().join("two_mode_edges.tsv"), edges).unwrap();
    std::fs::write(dir.path().join("two_mode.csv"), to_csv(&[score_two_mode(g, "all")]).unwrap()).unwrap();
    let actors = Network::actors(&actor_graph(g), Ties::All);
    let ids: String = actors.ids.iter().map(|id| format!("{id}\n")).collect();
    let mut ties = String::new();
    for e in actors.graph.edge_indices() {
        let (a, b) = actors.graph.edge_endpoints(e).unwrap();
        ties += &format!("{}\t{}\t{}\n", actors.ids[a.index()], actors.ids[b.index()], actors.graph[e]);
    }
    std::fs::write(dir.path().join("actor_nodes.tsv"), ids).unwrap();
    std::fs::write(dir.path().join("actor_edges.tsv"), ties).unwrap();
    let opts = Options { resolution, ..Options::default() };
    let (_, q) = communities(&actors, opts);
    std::fs::write(dir.path().join("louvain.txt"), format!("{resolution}\t{q}\n")).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/two_mode_networkx.py");
    let out = Command::new("python3").arg(&script).arg(dir.path()).output().unwrap();
    println!("{name}:\n{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{name}: networkx disagrees:\n{}", String::from_utf8_lossy(&out.stderr));
}

fn seeds_graph() -> Graph {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = kurilnet::corpus::Corpus::scan(&seeds).unwrap();
    let ex = kurilnet::extract::Extractor::new(None).unwrap();
    kurilnet::extract::run(&corpus, &ex, &indicatif::ProgressBar::hidden()).graph
}

#[test]
fn two_mode_measures_and_louvain_agree_with_networkx_on_the_seeds() {
    let g = seeds_graph();
    check_two_mode("seeds", &g, 1.0);
    check_two_mode("seeds, resolution 0.5", &g, 0.5);
    // Everyone who met a named or unnamed person of another side has a tie.
    let actors = actor_graph(&g);
    let net = kurilnet::analysis::network::Network::actors(&actors, kurilnet::analysis::network::Ties::All);
    for e in g.edges_of(Relation::ParticipatedIn) {
        let i = net.ids.iter().position(|id| *id == e.source).expect("person in the actor network");
        let deg = net.graph.neighbors(petgraph::graph::NodeIndex::new(i)).count();
        assert!(deg > 0, "{} attended {} but is isolated", e.source, e.target);
    }
}

#[test]
fn two_mode_measures_and_louvain_agree_with_networkx_on_random_graphs() {
    for (seed, persons, meetings) in [(1, 30, 40), (2, 80, 60), (3, 15, 90)] {
        check_two_mode(&format!("random two-mode {seed}"), &testkit::random_two_mode(seed, persons, meetings), 1.0);
    }
    check_two_mode("random negotiation", &testkit::random(7, 120, 80), 1.0);
    check_two_mode("sample", &testkit::sample(), 1.0);
}
