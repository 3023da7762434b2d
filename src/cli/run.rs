//! `kurilnet run`: the main job — extract a corpus and write every output.

use std::io::Write;
use std::path::PathBuf;

use kurilnet::pipeline::{self, Options};

/// Extract the corpus and write every output (the main job).
///
/// Writes into the output folder: graph.json (read by the other subcommands),
/// nodes.csv and edges.csv (Gephi), graph.gexf (Gephi, with time),
/// graph.graphml (networkx, igraph), graph.nodelink.json (D3, Cytoscape.js),
/// graph.dot and graph.svg (Graphviz; the SVG only when `dot` is installed),
/// centrality.csv, lineage.csv and lineage.dot/.svg (the analyses), report.html
/// and unresolved.csv. Files appear only when the whole run succeeded.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of .txt documents, with an optional manifest.csv (file,date,source,title).
    #[arg(default_value = "seeds")]
    pub corpus: PathBuf,
    /// Output folder.
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Lexicon folder overriding the built-in data/ tables.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Do not show a progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

impl Default for Args {
    fn default() -> Self {
        Args { corpus: "seeds".into(), output: "output".into(), data: None, quiet: false }
    }
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let opts = Options { data: a.data, progress: !a.quiet };
    let s = pipeline::run(&a.corpus, &a.output, &opts)?;
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    for n in &s.notes {
        eprintln!("note: {n}");
    }
    let kinds: Vec<String> = s.nodes_by_kind.iter().filter(|(_, c)| *c > 0).map(|(k, c)| format!("{c} {k}")).collect();
    // writeln, not println: a closed stdout (`kurilnet run | head -1`) is an error to report, not a panic.
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} documents read from {}", s.documents, a.corpus.display())?;
    writeln!(
        out,
        "{} nodes ({}), {} edges",
        s.nodes_by_kind.iter().map(|(_, c)| c).sum::<usize>(),
        kinds.join(", "),
        s.edges
    )?;
    let names: Vec<String> =
        s.files.iter().map(|p| p.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()).collect();
    writeln!(out, "wrote {} files to {}: {}", names.len(), a.output.display(), names.join(", "))?;
    Ok(())
}
