//! `kurilnet compare`: two proposal paths side by side.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use kurilnet::analysis::compare;
use kurilnet::analysis::lineage::Lineage;
use kurilnet::analysis::lineage::dot::{Highlight, to_dot};
use kurilnet::graph::Graph;

/// Compare two proposals or two families of proposals.
///
/// Shows both lines of descent from their roots side by side in time, the
/// proposals they have in common and where they diverge, and a term-by-term
/// difference: date, family, proposer, islands handed over, arrangement,
/// conditions, status. A and B are proposal ids, unique prefixes of ids, or
/// family names (meaning the family's latest proposal), e.g.
/// `kurilnet compare output/graph.json two-island lease`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A graph.json written by `kurilnet extract` or `kurilnet run`.
    pub graph: PathBuf,
    /// First proposal (id or unique prefix) or family.
    pub a: String,
    /// Second proposal (id or unique prefix) or family.
    pub b: String,
    /// `table`, `csv`, or `dot` (the lineage diagram with both paths highlighted).
    #[arg(short, long, default_value = "table", value_parser = ["table", "csv", "dot"])]
    pub format: String,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let graph = Graph::load(&a.graph)?;
    // A cycle of derived_from links is named and one of its links set aside, never a failure.
    let lin = Lineage::build_breaking_cycles(&graph);
    for b in &lin.broken {
        eprintln!("note: {}: {b}", a.graph.display());
    }
    let side_a = compare::resolve(&lin, &a.a).with_context(|| format!("cannot resolve A in {}", a.graph.display()))?;
    let side_b = compare::resolve(&lin, &a.b).with_context(|| format!("cannot resolve B in {}", a.graph.display()))?;
    let c = compare::compare(&graph, &lin, side_a, side_b);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.format.as_str() {
        "csv" => out.write_all(&compare::to_csv(&lin, &c)?)?,
        "dot" => {
            let h = Highlight { a: c.a.path.clone(), b: c.b.path.clone() };
            out.write_all(to_dot(&graph, &lin, Some(&h)).as_bytes())?
        }
        _ => compare::write_table(&lin, &c, &mut out)?,
    }
    out.flush()?;
    Ok(())
}
