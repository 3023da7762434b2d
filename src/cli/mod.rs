//! Command-line interface: one module per subcommand, each with an `Args`
//! struct (clap derive; the `///` docs are the help text) and a small `run()`.

pub mod centrality;
pub mod compare;
pub mod eval;
pub mod export;
pub mod extract;
pub mod lineage;
pub mod run;

use clap::{Parser, Subcommand};

/// Extract, analyse and export the network of a diplomatic negotiation.
///
/// kurilnet reads a folder of news and reference texts, extracts actors,
/// meetings and proposals with the evidence for each, and writes Gephi CSV,
/// DOT/SVG and graph.json. With no subcommand it runs the main job on `seeds/`.
#[derive(Debug, Parser)]
#[command(name = "kurilnet", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Run(run::Args),
    Extract(extract::Args),
    Export(export::Args),
    Eval(eval::Args),
    Centrality(centrality::Args),
    Lineage(lineage::Args),
    Compare(compare::Args),
}

/// Parse the command line and run it.
pub fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        None => run::run(run::Args::default()),
        Some(Command::Run(a)) => run::run(a),
        Some(Command::Extract(a)) => extract::run(a),
        Some(Command::Export(a)) => export::run(a),
        Some(Command::Eval(a)) => eval::run(a),
        Some(Command::Centrality(a)) => centrality::run(a),
        Some(Command::Lineage(a)) => lineage::run(a),
        Some(Command::Compare(a)) => compare::run(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
