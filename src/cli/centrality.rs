//! `kurilnet centrality` (being built; see the issue tracker).

/// Not available yet.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_a: Args) -> anyhow::Result<()> {
    anyhow::bail!("`kurilnet centrality` is not available yet")
}
