//! `kurilnet compare` (being built; see the issue tracker).

/// Not available yet.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_a: Args) -> anyhow::Result<()> {
    anyhow::bail!("`kurilnet compare` is not available yet")
}
