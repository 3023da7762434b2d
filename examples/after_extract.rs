//! Everything the main job does after the extraction (analyses, every export,
//! diagrams, report), run on a graph.json, for measuring those steps alone.
//! Usage: cargo run --release --example after_extract -- GRAPH_JSON OUT_DIR
//! With `KURILNET_TIMING=1` each step prints its time; the last line gives
//! the peak RSS. `unresolved.csv` comes from the extraction and is written empty.
fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: after_extract GRAPH_JSON OUT_DIR";
    let graph = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let out = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let mut set = kurilnet::export::outset::OutputSet::prepare(&out, kurilnet::pipeline::OUTPUT_NAMES)?;
    let mut g = kurilnet::timing::timed("load graph.json", || kurilnet::graph::Graph::load(&graph))?;
    let t = std::time::Instant::now();
    let notes = kurilnet::pipeline::write_outputs(&mut g, &kurilnet::extract::Curation::default(), &mut set)?;
    set.commit()?;
    for n in notes {
        println!("note: {n}");
    }
    println!(
        "after extraction: {:.2} s wall; peak RSS {:.0} MiB",
        t.elapsed().as_secs_f64(),
        kurilnet::timing::peak_rss_mib().unwrap_or(f64::NAN)
    );
    Ok(())
}
