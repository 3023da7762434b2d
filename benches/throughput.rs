//! Throughput of the main job on a synthetic large corpus: the seed documents
//! repeated (with distinct ids and dates) up to N documents.
//!
//! Run: `cargo bench --bench throughput` (N from `KURILNET_BENCH_DOCS`, default 5000).
//! Prints documents per second, megabytes per second and the peak resident
//! memory, so a regression in speed or in memory growth shows up as a number.

use std::path::Path;
use std::time::{Duration, Instant};

use kurilnet::pipeline::{self, Options};

/// Target: the extraction keeps at least this many documents per second on the
/// 2-core reference machine (release build). The bench exits non-zero below it.
const TARGET_DOCS_PER_SEC: f64 = 500.0;

fn synth_corpus(dir: &Path, n: usize) -> u64 {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    texts.sort();
    let manifest = std::fs::read_to_string(seeds.join("manifest.csv")).unwrap();
    let dates: Vec<(String, String)> = manifest
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split(',');
            Some((c.next()?.to_string(), c.next()?.to_string()))
        })
        .collect();
    let mut m = String::from("file,date,source,title\n");
    let mut bytes = 0u64;
    for i in 0..n {
        let (name, text) = &texts[i % texts.len()];
        let date = dates.iter().find(|(f, _)| f == name).map(|(_, d)| d.as_str()).unwrap_or("");
        let file = format!("doc_{i:07}.txt");
        std::fs::write(dir.join(&file), text).unwrap();
        bytes += text.len() as u64;
        m.push_str(&format!("{file},{date},synthetic,copy of {name}\n"));
    }
    std::fs::write(dir.join("manifest.csv"), m).unwrap();
    bytes
}

fn main() {
    let n: usize = std::env::var("KURILNET_BENCH_DOCS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let dir = tempfile::tempdir().unwrap();
    let bytes = synth_corpus(dir.path(), n);
    let opts = Options { data: None, progress: false };
    let mut times: Vec<Duration> = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let t = Instant::now();
        let ex = pipeline::extract_corpus(dir.path(), &opts).expect("extraction runs");
        times.push(t.elapsed());
        last = Some((ex.graph.node_count(), ex.graph.edge_count(), ex.documents_read));
    }
    times.sort();
    let median = times[1].as_secs_f64();
    let (nodes, edges, docs) = last.unwrap();
    let dps = docs as f64 / median;
    println!("throughput: {docs} documents ({:.1} MiB) in {median:.3} s (median of 3)", bytes as f64 / 1048576.0);
    println!(
        "throughput: {dps:.0} documents/s, {:.1} MiB/s; graph {nodes} nodes, {edges} edges",
        bytes as f64 / 1048576.0 / median
    );
    if let Some(rss) = kurilnet::timing::peak_rss_mib() {
        println!("throughput: peak resident memory {rss:.1} MiB");
    }
    if dps < TARGET_DOCS_PER_SEC {
        eprintln!("throughput: below the target of {TARGET_DOCS_PER_SEC} documents/s");
        std::process::exit(1);
    }
}
