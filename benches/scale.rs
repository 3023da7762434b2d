//! Scale of the extraction on a varied generated corpus (`kurilnet::synth`):
//! documents/s, sentences/s, MB/s and peak resident memory at 1,000 and
//! 10,000 documents (and 100,000 with `KURILNET_BENCH_100K=1`), plus the
//! per-document speed on one core (sentences/s with the cross-document pass
//! left out).
//!
//! Run: `cargo bench --bench scale` (sizes from `KURILNET_BENCH_SIZES`, e.g.
//! `1000,10000,100000`; `KURILNET_BENCH_SIZES=none` measures only the
//! per-document speed, on 1,000 documents). Corpora are generated once into
//! `target/scale-corpus/N` (kept out of git) and reused. Each size is measured
//! in a child process of its own, so its peak RSS is its own. Exits non-zero
//! when a size misses the targets (330 documents/s, 4 GiB peak, 20,000
//! sentences/s per core).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kurilnet::corpus::Corpus;
use kurilnet::extract::{Extract, Extractor, one_document};
use kurilnet::pipeline::{self, Options};

const SEED: u64 = 1;
const TARGET_DOCS_PER_SEC: f64 = 330.0;
const TARGET_PEAK_MIB: f64 = 4096.0;
const TARGET_SENTENCES_PER_CORE: f64 = 20_000.0;

/// The generated corpus of `n` documents, made on first use: (folder, bytes, sentences).
fn corpus(n: usize) -> (PathBuf, u64, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/scale-corpus").join(n.to_string());
    let stats_file = dir.join("stats.dat");
    if let Ok(s) = std::fs::read_to_string(&stats_file) {
        let v: Vec<u64> = s.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        if v.len() == 2 {
            return (dir, v[0], v[1] as usize);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let st =
        kurilnet::synth::generate(&dir, n, SEED, &kurilnet::synth::shipped_sources(root)).expect("corpus generated");
    // Not a .txt file, so not part of the corpus.
    std::fs::write(&stats_file, format!("{} {}\n", st.bytes, st.sentences)).expect("stats written");
    eprintln!("scale: generated {n} documents in {:.1} s into {}", t.elapsed().as_secs_f64(), dir.display());
    (dir, st.bytes, st.sentences)
}

/// In the child: extract the corpus, print `docs secs peak_mib nodes edges`.
fn child(dir: &Path) {
    let t = Instant::now();
    let ex = pipeline::extract_corpus(dir, &Options::default()).expect("extraction runs");
    let secs = t.elapsed().as_secs_f64();
    let (nodes, edges) = (ex.graph.node_count(), ex.graph.edge_count());
    println!("{} {secs} {} {nodes} {edges} {}", ex.documents_read, kurilnet::timing::peak_rss_mib().unwrap_or(0.0), kurilnet::timing::cpu_seconds().unwrap_or(0.0));
}

/// CPU seconds of one thread in a per-document run.
struct PerDocument {
    sentences: usize,
    /// The whole stage, on the first pass of a fresh extractor.
    cold: f64,
    /// The whole stage again, the extractor warm.
    stage: f64,
    /// The rules alone, on documents already read.
    rules: f64,
}

/// Per-document extraction on one thread over the first `limit` documents of the
/// corpus in `dir`: everything before the cross-document merge (reading the file,
/// splitting sentences, sentence annotations, frames, the document's fragment),
/// as the pipeline runs it per document.
///
/// The stage is measured twice. The first pass pays for what a long run pays once:
/// the lazy DFAs of the rules' regexes build their states on the first few thousand
/// sentences they read, and the allocator grows the heap. The second pass, with the
/// same extractor, is the speed of the rest of a large corpus.
fn per_document(dir: &Path, limit: usize) -> PerDocument {
    let corpus = Corpus::scan(dir).expect("corpus scans");
    let has_manifest = dir.join("manifest.csv").is_file();
    let ex = Extractor::new(None).expect("lexicons load");
    let entries = &corpus.entries[..limit.min(corpus.entries.len())];
    let cpu = || kurilnet::timing::thread_cpu_seconds().unwrap_or(0.0);
    let stage = || {
        let t = cpu();
        for e in entries {
            std::hint::black_box(one_document(e, has_manifest, &ex).expect("document extracts"));
        }
        cpu() - t
    };
    let cold = stage();
    let warm = stage();
    let docs: Vec<_> = entries.iter().map(|e| e.load(has_manifest).expect("readable").0).collect();
    let sentences = docs.iter().map(|d| d.sentences.len()).sum();
    let t = cpu();
    for d in &docs {
        std::hint::black_box(ex.document(d));
    }
    PerDocument { sentences, cold, stage: warm, rules: cpu() - t }
}

fn main() {
    if let Ok(dir) = std::env::var("KURILNET_BENCH_CHILD") {
        child(Path::new(&dir));
        return;
    }
    let sizes: Vec<usize> = match std::env::var("KURILNET_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) if std::env::var("KURILNET_BENCH_100K").is_ok_and(|v| v == "1") => vec![1_000, 10_000, 100_000],
        Err(_) => vec![1_000, 10_000],
    };
    let exe = std::env::current_exe().expect("own path");
    let mut ok = true;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("scale: {threads} threads available (RAYON_NUM_THREADS overrides)");
    println!(
        "{:>9} {:>9} {:>8} {:>8} {:>10} {:>13} {:>8} {:>10} {:>9} {:>9}",
        "documents", "MB", "time s", "CPU s", "docs/s", "sentences/s", "MB/s", "peak MiB", "nodes", "edges"
    );
    let mut per_doc_time = Vec::new();
    for &n in &sizes {
        let (dir, bytes, sentences) = corpus(n);
        let out = Command::new(&exe).env("KURILNET_BENCH_CHILD", &dir).output().expect("child runs");
        let line = String::from_utf8_lossy(&out.stdout);
        let v: Vec<f64> = line.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        if !out.status.success() || v.len() != 6 {
            eprintln!("scale: the {n}-document run failed: {}", String::from_utf8_lossy(&out.stderr));
            std::process::exit(1);
        }
        let (docs, secs, peak, nodes, edges, cpu) = (v[0], v[1], v[2], v[3], v[4], v[5]);
        let mb = bytes as f64 / 1e6;
        println!(
            "{docs:>9} {mb:>9.1} {secs:>8.2} {cpu:>8.2} {:>10.0} {:>13.0} {:>8.2} {peak:>10.0} {nodes:>9} {edges:>9}",
            docs / secs,
            sentences as f64 / secs,
            mb / secs
        );
        // CPU time per document: the growth check should not depend on what else the machine runs.
        per_doc_time.push((n, cpu / docs));
        if docs / secs < TARGET_DOCS_PER_SEC || peak > TARGET_PEAK_MIB {
            eprintln!("scale: {n} documents miss a target ({TARGET_DOCS_PER_SEC} documents/s, {TARGET_PEAK_MIB} MiB)");
            ok = false;
        }
    }
    if let [(n0, t0), .., (n1, t1)] = per_doc_time[..] {
        println!(
            "scale: CPU time per document {:.2} ms at {n0} → {:.2} ms at {n1} ({:+.0} %)",
            t0 * 1e3,
            t1 * 1e3,
            (t1 / t0 - 1.0) * 100.0
        );
    }
    let (dir, _, _) = corpus(sizes.first().copied().unwrap_or(1_000));
    let p = per_document(&dir, 1_000);
    let spc = p.sentences as f64 / p.stage;
    println!(
        "scale: per-document extraction on one core (read, split, annotations, frames): {} sentences in \
         {:.2} CPU s = {spc:.0} sentences/s (first pass of a fresh extractor: {:.0} sentences/s; \
         the rules alone: {:.0} sentences/s)",
        p.sentences,
        p.stage,
        p.sentences as f64 / p.cold,
        p.sentences as f64 / p.rules
    );
    if spc < TARGET_SENTENCES_PER_CORE {
        eprintln!("scale: below {TARGET_SENTENCES_PER_CORE} sentences/s per core");
        ok = false;
    }
    if !ok {
        std::process::exit(1);
    }
}
