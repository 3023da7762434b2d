//! Output does not depend on the number of threads: a generated varied corpus
//! (`kurilnet::synth`) extracted on 1 and on 2 threads gives byte-identical
//! graph.json. Kept small for CI; the same check at 10,000 documents is run by
//! hand (`RAYON_NUM_THREADS=1` / `=2` with `kurilnet extract`).

use kurilnet::pipeline::{self, Options};

fn graph_json_on(threads: usize, dir: &std::path::Path) -> String {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| pipeline::extract_corpus(dir, &Options::default()).expect("extraction runs"))
        .graph
        .to_json_string()
        .expect("graph serialises")
}

#[test]
fn one_and_two_threads_give_the_same_graph_on_a_varied_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let stats = kurilnet::synth::generate(dir.path(), 300, 11, &kurilnet::synth::shipped_sources(root)).unwrap();
    assert_eq!(stats.documents, 300);
    let one = graph_json_on(1, dir.path());
    let two = graph_json_on(2, dir.path());
    assert!(one.len() > 100_000, "a real graph: {} bytes", one.len());
    // Compare digests first so a failure does not print two megabytes.
    if one != two {
        let at = one.bytes().zip(two.bytes()).position(|(a, b)| a != b).unwrap_or(one.len().min(two.len()));
        let from = at.saturating_sub(300);
        let around = |s: &str| String::from_utf8_lossy(&s.as_bytes()[from..(at + 300).min(s.len())]).into_owned();
        panic!("1 and 2 threads differ at byte {at}:\n{}\n---\n{}", around(&one), around(&two));
    }
}
