//! Betweenness and closeness at the sizes of issue 12's 10,000-document
//! corpus, against python-igraph on the same graphs.
//!
//! Graphs (random, deterministic): a negotiation-shaped full network
//! (`testkit::random`, about 5,000 nodes and 11,000 directed edges pointing
//! away from persons, like the 1,000-document graph), the actor network (19,037 nodes, 686,262
//! undirected edges) and a random directed network of 4,976 nodes and 11,019
//! edges (a giant strongly connected part: far more paths than a real one). For each, kurilnet's one pass of betweenness + closeness +
//! harmonic (`analysis::paths::path_measures`) on 1 and 2 threads, and the
//! sampled betweenness estimate; then, when python3 has igraph, igraph's
//! `betweenness()` and `closeness()` on the same edge list
//! (tests/py/bench_igraph.py), and the ratio.
//!
//! Run: `cargo bench --bench centrality` (`KURILNET_BENCH_SCALE=0.25`
//! shrinks the actor network to a quarter of its nodes and edges for a quick run).

use std::io::Write;
use std::process::Command;
use std::time::Instant;

use kurilnet::analysis::paths::path_measures;
use kurilnet::analysis::testkit::random_network;
use petgraph::{Directed, EdgeType, Graph};

/// Median wall time of `reps` runs of `f` (seconds) and the last result.
fn secs<T>(reps: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..reps {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], last.expect("at least one run"))
}

fn run<Ty: EdgeType + Sync>(name: &str, g: &Graph<(), f64, Ty>, samples: usize) -> f64 {
    let pool = |n| rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("thread pool");
    let (one, two) = (pool(1), pool(2));
    let reps = if g.edge_count() < 100_000 { 5 } else { 1 };
    let (t1, a) = secs(reps, || one.install(|| path_measures(g, None)));
    let (t2, b) = secs(reps, || two.install(|| path_measures(g, None)));
    assert_eq!(a, b, "1 and 2 threads must agree");
    let (ts, _) = secs(reps, || two.install(|| path_measures(g, Some((samples, 1)))));
    println!(
        "centrality: {name}: {} nodes, {} edges: betweenness+closeness+harmonic {t1:.3} s on 1 thread, {t2:.3} s on 2; \
         betweenness from {samples} sampled sources (+ exact closeness) {ts:.3} s (median of {reps})",
        g.node_count(),
        g.edge_count()
    );
    t2
}

fn igraph(name: &str, g: &Graph<(), f64, impl EdgeType>, ours: f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("{name}.tsv"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("edge list"));
    for e in g.raw_edges() {
        writeln!(f, "{}\t{}", e.source().index(), e.target().index()).expect("write");
    }
    drop(f);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/bench_igraph.py");
    let directed = if g.is_directed() { "directed" } else { "undirected" };
    let out = Command::new("python3").arg(script).arg(&path).arg(g.node_count().to_string()).arg(directed).output();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let theirs: f64 = text.split_whitespace().last().and_then(|x| x.parse().ok()).unwrap_or(f64::NAN);
            print!("centrality: {name}: {text}");
            println!("centrality: {name}: kurilnet (2 threads) / igraph = {:.2}", ours / theirs);
        }
        _ => println!(
            "centrality: {name}: python-igraph not available (pip install -r tests/requirements.txt): no comparison"
        ),
    }
}

fn main() {
    // A negotiation-shaped full network of issue 12's size: edges point away
    // from persons (to meetings, states, proposals), as extraction writes them.
    let g = kurilnet::analysis::testkit::random(5, 2_500, 1_800);
    let shaped = kurilnet::analysis::network::Network::full(&g).graph;
    let t = run("negotiation-shaped full network", &shaped, 500);
    igraph("shaped", &shaped, t);
    let scale: f64 = std::env::var("KURILNET_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let (n, m) = ((19_037.0 * scale) as usize, (686_262.0 * scale) as usize);
    let actors = random_network(11, n, m);
    let t = run("actor network", &actors, 500);
    igraph("actors", &actors, t);
    let und = random_network(12, 4_976, 11_019);
    let mut full: Graph<(), f64, Directed> = Graph::with_capacity(und.node_count(), und.edge_count());
    for _ in 0..und.node_count() {
        full.add_node(());
    }
    for e in und.raw_edges() {
        full.add_edge(e.source(), e.target(), 1.0);
    }
    let t = run("random directed network", &full, 500);
    igraph("directed", &full, t);
}
