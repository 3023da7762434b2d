//! Write a varied synthetic corpus (see `kurilnet::synth`) for benchmarks.
//! Usage: cargo run --release --example gen_corpus -- DIR N [SEED]
fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_corpus DIR N [SEED]";
    let dir = std::path::PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let n: usize = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let seed: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = kurilnet::synth::generate(&dir, n, seed, &kurilnet::synth::shipped_sources(root))?;
    println!("{} documents, {} bytes, {} sentences in {}", s.documents, s.bytes, s.sentences, dir.display());
    Ok(())
}
