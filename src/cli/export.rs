//! `kurilnet export`: graph.json in, one format out.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use kurilnet::export::Staging;
use kurilnet::graph::Graph;

/// Write a graph.json in another format.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A graph.json written by `kurilnet extract` or `kurilnet run`.
    pub graph: PathBuf,
    /// Output format.
    #[arg(short, long, default_value = "csv", value_parser = format_names())]
    pub format: String,
    /// Output folder.
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
}

fn format_names() -> Vec<&'static str> {
    kurilnet::pipeline::export_formats().iter().map(|e| e.name()).collect()
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let graph = Graph::load(&a.graph)?;
    let exporters = kurilnet::pipeline::export_formats();
    let e = exporters.iter().find(|e| e.name() == a.format).context("unknown format")?;
    let mut staging = Staging::new(&a.output)?;
    let what = || format!("cannot write {} from {}", a.format, a.graph.display());
    match e.stream(&graph, &mut staging) {
        Some(r) => r.with_context(what)?,
        None => staging.stage_all(e.render(&graph).with_context(what)?)?,
    }
    let mut out = std::io::stdout().lock();
    for p in staging.commit()? {
        writeln!(out, "wrote {}", p.display())?;
    }
    Ok(())
}
