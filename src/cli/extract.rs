//! `kurilnet extract`: corpus in, graph.json out (no other exports).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use kurilnet::export::Staging;
use kurilnet::pipeline::{self, Options};

/// Extract a corpus into a graph.json file that the other subcommands read.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of .txt documents, with an optional manifest.csv.
    pub corpus: PathBuf,
    /// Where to write the graph.
    #[arg(short, long, default_value = "graph.json")]
    pub output: PathBuf,
    /// Lexicon folder overriding the built-in data/ tables.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Do not show a progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    // Checked before the extraction, which may take long: `-o /` or `-o out/` named no file.
    if a.output.is_dir() || a.output.file_name().is_none() {
        anyhow::bail!(
            "{} is a folder; --output takes the file to write, e.g. {}",
            a.output.display(),
            a.output.join("graph.json").display()
        );
    }
    let ex = pipeline::extract_corpus(&a.corpus, &Options { data: a.data, progress: !a.quiet })?;
    for w in &ex.warnings {
        eprintln!("warning: {w}");
    }
    let dir = a.output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let name = a.output.file_name().map(|f| f.to_string_lossy().into_owned()).context("--output names no file")?;
    let mut staging = Staging::new(dir)?;
    kurilnet::export::stage_graph_json(&ex.graph, &mut staging, &name)?;
    staging.commit()?;
    writeln!(
        std::io::stdout().lock(),
        "{} documents, {} nodes, {} edges → {}",
        ex.documents_read,
        ex.graph.node_count(),
        ex.graph.edge_count(),
        a.output.display()
    )?;
    Ok(())
}
