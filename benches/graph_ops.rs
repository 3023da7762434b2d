//! Cost of the graph operations behind every export and analysis on a large
//! synthetic graph (no extraction): sorted node and edge lists, the
//! exporters, the report, the network builders and the lineage, and the
//! merge of many small fragments into one graph (what extraction does per document).
//!
//! Run: `cargo bench --bench graph_ops` (size from `KURILNET_BENCH_PERSONS`,
//! default 10 000 persons and 3 meetings per person: about 50 000 nodes and
//! 150 000 edges). Prints the median of 3 runs per operation, in milliseconds.

use std::hint::black_box;
use std::time::Instant;

use kurilnet::analysis::lineage::Lineage;
use kurilnet::analysis::network::{Network, Window, actor_graph, restrict};
use kurilnet::analysis::testkit;
use kurilnet::graph::{Graph, NodeKind, Relation};

/// Median wall time of 3 runs of `f`, in milliseconds.
fn time<T>(name: &str, mut f: impl FnMut() -> T) {
    let mut ms: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("graph_ops: {name:<28} {:>9.1} ms", ms[1]);
}

/// Split `g` into graphs of about `per` nodes each, every edge with both its ends.
fn fragments(g: &Graph, per: usize) -> Vec<Graph> {
    let nodes = g.nodes();
    let mut out = Vec::new();
    for chunk in nodes.chunks(per) {
        let mut f = Graph::new();
        for n in chunk {
            f.upsert_node((*n).clone());
        }
        out.push(f);
    }
    let count = out.len();
    for (i, e) in g.edges().into_iter().enumerate() {
        let f = &mut out[i % count];
        for id in [&e.source, &e.target] {
            if !f.contains(id) {
                f.upsert_node(g.node(id).expect("edge ends exist").clone());
            }
        }
        f.upsert_edge(e.clone()).expect("both ends added");
    }
    out
}

fn main() {
    let persons: usize = std::env::var("KURILNET_BENCH_PERSONS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let g = testkit::random(7, persons, 3 * persons);
    println!("graph_ops: {} nodes, {} edges", g.node_count(), g.edge_count());

    time("nodes()", || g.nodes().len());
    time("edges()", || g.edges().len());
    time("nodes_of(every kind)", || NodeKind::ALL.iter().map(|&k| g.nodes_of(k).len()).sum::<usize>());
    time("edges_of(every relation)", || Relation::ALL.iter().map(|&r| g.edges_of(r).len()).sum::<usize>());
    for e in kurilnet::pipeline::exporters() {
        if e.name() == "svg" {
            continue; // Graphviz's layout time, not ours
        }
        time(&format!("export {}", e.name()), || e.render(&g).expect("renders"));
    }
    time("report", || {
        kurilnet::report::render(&g, &kurilnet::report::ReportInputs::default())
    });
    time("restrict to 1980-1999", || restrict(&g, Window { from: Some(1980), to: Some(1999) }).node_count());
    time("actor_graph", || actor_graph(&g).edge_count());
    time("Network::full", || Network::full(&g).ids.len());
    time("Lineage::build", || Lineage::build(&g).map(|l| l.entries.len()).unwrap_or(0));
    let parts = fragments(&g, 10);
    time(&format!("absorb {} fragments", parts.len()), || {
        let mut all = Graph::new();
        for f in parts.clone() {
            kurilnet::extract::absorb_graph(&mut all, f);
        }
        all.node_count()
    });
}
