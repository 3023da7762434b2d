//! Betweenness and closeness at the sizes of issue 12's 10,000-document
//! corpus, against python-igraph on the same graphs.
//!
//! Generated graphs (random, deterministic): a negotiation-shaped full
//! network (`testkit::random`, about 5,000 nodes and 11,000 directed edges
//! pointing away from persons, like the 1,000-document graph), a
//! two-mode person–meeting network of the 10,000-document graph's size
//! (`testkit::random_two_mode`: 4,000 persons, 18,000 meetings of 1–4), the
//! dense actor network the issue measured (19,037 nodes, 686,262 undirected
//! edges) and a random directed network of 4,976 nodes and 11,019 edges (a
//! giant strongly connected part: far more paths than a real one).
//!
//! With `KURILNET_BENCH_GRAPH=path/graph.json` the networks are instead those
//! `kurilnet centrality` scores on that graph: the full network (directed
//! and read as undirected), the actor network and the two-mode network.
//!
//! For each: kurilnet's one pass of betweenness + closeness + harmonic
//! (`analysis::paths::path_measures`) on 1 and 2 threads (wall and process
//! CPU time; the results must be identical), and the sampled betweenness
//! estimate; then, when python3 has igraph, igraph's `betweenness()` and
//! `closeness()` on the same edge list (tests/py/bench_igraph.py), the
//! largest difference between its values and kurilnet's, and the ratio of
//! kurilnet's time on 2 threads to igraph's (one thread; betweenness +
//! closeness).
//!
//! Run: `cargo bench --bench centrality` (`KURILNET_BENCH_SCALE=0.25`
//! shrinks the dense actor network to a quarter of its nodes and edges for a
//! quick run; `KURILNET_BENCH_NO_IGRAPH=1` leaves igraph out,
//! `KURILNET_BENCH_ONLY=two-mode` runs only the networks whose name contains it).

use std::io::Write;
use std::process::Command;
use std::time::Instant;

use kurilnet::analysis::network::Network;
use kurilnet::analysis::paths::{PathMeasures, path_measures};
use kurilnet::analysis::testkit::random_network;
use kurilnet::timing::cpu_seconds;
use petgraph::{Directed, EdgeType, Graph};

/// Median wall time of up to 5 runs of `f` (seconds; one run when the
/// first takes over 2 s), the CPU seconds of the process per run, and the
/// last result and the number of runs.
fn secs<T>(mut f: impl FnMut() -> T) -> (f64, f64, T, usize) {
    let mut times = Vec::new();
    let cpu = cpu_seconds();
    let mut last = f_timed(&mut f, &mut times);
    while times.len() < 5 && times[0] < 2.0 {
        last = f_timed(&mut f, &mut times);
    }
    let reps = times.len();
    let cpu = cpu.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| (b - a) / reps as f64);
    times.sort_by(f64::total_cmp);
    (times[reps / 2], cpu, last, reps)
}

fn f_timed<T>(f: &mut impl FnMut() -> T, times: &mut Vec<f64>) -> T {
    let t = Instant::now();
    let out = f();
    times.push(t.elapsed().as_secs_f64());
    out
}

/// Time kurilnet on `g`; returns the wall time on 2 threads and the measures.
fn run<Ty: EdgeType + Sync>(name: &str, g: &Graph<(), f64, Ty>, samples: usize) -> (f64, PathMeasures) {
    let pool = |n| rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("thread pool");
    let (one, two) = (pool(1), pool(2));
    let (t1, c1, a, reps) = secs(|| one.install(|| path_measures(g, None)));
    let (t2, c2, b, _) = secs(|| two.install(|| path_measures(g, None)));
    assert_eq!(a, b, "1 and 2 threads must agree");
    let (ts, _, _, _) = secs(|| two.install(|| path_measures(g, Some((samples, 1)))));
    println!(
        "centrality: {name}: {} nodes, {} edges ({}): betweenness+closeness+harmonic {t1:.3} s on 1 thread \
         ({c1:.2} s CPU), {t2:.3} s on 2 ({c2:.2} s CPU); betweenness from {samples} sampled sources \
         (+ exact closeness) {ts:.3} s (median of {reps})",
        g.node_count(),
        g.edge_count(),
        if g.is_directed() { "directed" } else { "undirected" },
    );
    (t2, b)
}

/// Time igraph on the same edge list, check its values against `m`, print the ratio.
fn igraph(name: &str, g: &Graph<(), f64, impl EdgeType>, ours: f64, m: &PathMeasures) {
    if std::env::var_os("KURILNET_BENCH_NO_IGRAPH").is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (edges, values) = (dir.path().join("edges.tsv"), dir.path().join("values.tsv"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&edges).expect("edge list"));
    for e in g.raw_edges() {
        writeln!(f, "{}\t{}", e.source().index(), e.target().index()).expect("write");
    }
    f.flush().expect("write");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&values).expect("values"));
    for i in 0..g.node_count() {
        let c = m.closeness[i].map(|c| c.to_string()).unwrap_or_default();
        writeln!(f, "{}\t{c}\t{}", m.betweenness[i], m.harmonic[i]).expect("write");
    }
    f.flush().expect("write");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py/bench_igraph.py");
    let directed = if g.is_directed() { "directed" } else { "undirected" };
    let out = Command::new("python3")
        .arg(script)
        .arg(&edges)
        .arg(g.node_count().to_string())
        .arg(directed)
        .arg(&values)
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let text = String::from_utf8_lossy(&o.stdout);
            let total = text.lines().find_map(|l| l.strip_prefix("total ")).and_then(|x| x.trim().parse().ok());
            for line in text.lines().filter(|l| !l.starts_with("total ")) {
                println!("centrality: {name}: {line}");
            }
            let ratio = total.map_or(f64::NAN, |t: f64| ours / t);
            println!("centrality: {name}: kurilnet (2 threads) / igraph (betweenness + closeness) = {ratio:.2}");
        }
        Ok(o) if !o.stderr.is_empty() && !String::from_utf8_lossy(&o.stderr).contains("No module named") => {
            println!("centrality: {name}: igraph comparison failed: {}", String::from_utf8_lossy(&o.stderr))
        }
        _ => println!(
            "centrality: {name}: python-igraph not available (pip install -r tests/requirements.txt): no comparison"
        ),
    }
}

fn both<Ty: EdgeType + Sync>(name: &str, g: &Graph<(), f64, Ty>) {
    if std::env::var("KURILNET_BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return;
    }
    let (t, m) = run(name, g, 500);
    igraph(name, g, t, &m);
}

/// The networks `kurilnet centrality` scores on a graph.json.
fn from_graph(path: &str) {
    let g = kurilnet::graph::Graph::load(std::path::Path::new(path)).expect("KURILNET_BENCH_GRAPH: a graph.json");
    both("full network", &Network::full(&g).graph);
    both("full network read as undirected", &Network::full_undirected(&g).graph);
    let actors = kurilnet::analysis::network::actor_graph(&g);
    both("actor network", &Network::actors(&actors, Default::default()).graph);
    both("two-mode network", &kurilnet::analysis::twomode::two_mode_network(&g).0.graph);
}

fn main() {
    if let Ok(path) = std::env::var("KURILNET_BENCH_GRAPH") {
        return from_graph(&path);
    }
    // A negotiation-shaped full network of issue 12's size: edges point away
    // from persons (to meetings, states, proposals), as extraction writes them.
    let g = kurilnet::analysis::testkit::random(5, 2_500, 1_800);
    both("negotiation-shaped full network", &Network::full(&g).graph);
    let tm = kurilnet::analysis::testkit::random_two_mode(6, 4_000, 18_000);
    both("two-mode network", &kurilnet::analysis::twomode::two_mode_network(&tm).0.graph);
    let scale: f64 = std::env::var("KURILNET_BENCH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let (n, m) = ((19_037.0 * scale) as usize, (686_262.0 * scale) as usize);
    both("dense actor network", &random_network(11, n, m));
    let und = random_network(12, 4_976, 11_019);
    let mut full: Graph<(), f64, Directed> = Graph::with_capacity(und.node_count(), und.edge_count());
    for _ in 0..und.node_count() {
        full.add_node(());
    }
    for e in und.raw_edges() {
        full.add_edge(e.source(), e.target(), 1.0);
    }
    both("random directed network", &full);
}
