//! Cost of the diagrams at the size the report must handle: the ForceAtlas2
//! layout with label placement of a 2,000-node network (the report's network
//! view), the whole report, and the three standalone SVGs.
//!
//! Run: `cargo bench --bench layout` (size from `KURILNET_BENCH_NODES`,
//! default 2,000). Prints the median of 3 runs per step, in milliseconds, and
//! the size of report.html. `KURILNET_BENCH_GRAPH=path` also writes the
//! synthetic graph.json there (the browser test's large case reads such a file).

use std::hint::black_box;
use std::time::Instant;

use kurilnet::analysis::testkit;
use kurilnet::diagram::network::View;
use kurilnet::export::Exporter;

fn time<T>(name: &str, mut f: impl FnMut() -> T) -> T {
    let mut runs: Vec<(f64, T)> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let out = black_box(f());
            (t.elapsed().as_secs_f64() * 1000.0, out)
        })
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (ms, out) = runs.swap_remove(1);
    println!("layout: {name:<36} {ms:>9.1} ms");
    out
}

fn main() {
    let nodes: usize = std::env::var("KURILNET_BENCH_NODES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    // testkit::random: persons + meetings + meetings/3 proposals + 5 other nodes.
    let persons = nodes * 7 / 20;
    let g = testkit::random(11, persons, nodes / 2);
    let drawn = g.nodes().iter().filter(|n| n.kind != kurilnet::graph::NodeKind::Document).count();
    println!("layout: {} nodes ({drawn} drawn), {} edges", g.node_count(), g.edge_count());
    if let Ok(p) = std::env::var("KURILNET_BENCH_GRAPH") {
        std::fs::write(&p, g.to_json_string().expect("serialises")).expect("graph written");
    }
    let v = time("network view (ForceAtlas2 + labels)", || View::full(&g, 1120.0, 760.0, 12.0, 2500));
    println!("layout: {} labels placed", v.nodes.iter().filter(|n| n.label_at.is_some()).count());
    time("actor network.svg", || kurilnet::diagram::network::actor_svg(&g).len());
    time("timeline.svg", || kurilnet::diagram::timeline::to_svg(&g).map(|s| s.len()));
    time("lineage.svg", || kurilnet::diagram::lineage::to_svg(&g).len());
    let files = time("report + diagrams (export --format report)", || {
        kurilnet::report::ReportExporter.render(&g).expect("renders")
    });
    for f in files {
        println!("layout: {:<12} {:>9} bytes", f.name, f.bytes.len());
    }
}
