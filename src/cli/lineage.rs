//! `kurilnet lineage`: the line of descent of proposals, per family.

use std::io::Write;
use std::path::PathBuf;

use kurilnet::analysis::lineage::{self, Lineage, dot};
use kurilnet::graph::Graph;

/// Show how proposals derive from one another, family by family.
///
/// For each family (two-island, third-way, lease, four-island, treaty-first,
/// peace-treaty, joint-economic, package-deal, then others) prints a
/// timeline: date, proposer, status, what changed from the parent proposal
/// (islands, conditions, status, arrangement) and the evidence sentence.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A graph.json written by `kurilnet extract` or `kurilnet run`.
    pub graph: PathBuf,
    /// Only this family (e.g. two-island).
    #[arg(long)]
    pub family: Option<String>,
    /// `timeline` (for reading), `csv` (lineage.csv) or `dot` (lineage.dot for Graphviz).
    #[arg(short, long, default_value = "timeline", value_parser = ["timeline", "csv", "dot"])]
    pub format: String,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let graph = Graph::load(&a.graph)?;
    // A cycle of derived_from links is named and one of its links set aside, never a failure.
    let lin = Lineage::build_breaking_cycles(&graph);
    for b in &lin.broken {
        eprintln!("note: {}: {b}", a.graph.display());
    }
    if let Some(f) = a.family.as_deref() {
        let families: Vec<String> = lin.families().iter().map(|(f, _)| f.to_string()).collect();
        if !families.iter().any(|x| x == f) {
            anyhow::bail!(
                "{} has no proposal of family {f:?}; its families: {}",
                a.graph.display(),
                families.join(", ")
            );
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.format.as_str() {
        "csv" => out.write_all(&lineage::to_csv(&graph, &lin)?)?,
        "dot" => out.write_all(dot::to_dot(&graph, &lin, None).as_bytes())?,
        _ => lineage::write_timeline(&graph, &lin, a.family.as_deref(), &mut out)?,
    }
    out.flush()?;
    Ok(())
}
