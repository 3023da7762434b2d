//! `kurilnet eval`: score an extraction against a gold annotation.

use std::io::Write;
use std::path::PathBuf;

use kurilnet::eval::{self, Export, Gold};
use kurilnet::pipeline::{self, Options};

/// Score an extraction against a gold annotation.
///
/// Extracts CORPUS (or reads an existing export with --export) and prints
/// precision, recall and F1 for persons, meetings, proposals, participation
/// and proposal lineage, their macro F1, and how many matched persons and
/// meetings carry the gold country and status. The figures are those of the
/// reference scorer score.py; docs/eval.md describes the gold format.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotation (TOML: [[person]], [[meeting]], [[proposal]]).
    pub gold: PathBuf,
    /// Folder of .txt documents to extract and score.
    #[arg(default_value = "seeds", conflicts_with = "export")]
    pub corpus: PathBuf,
    /// Score an existing export folder (nodes.csv and edges.csv) instead of extracting.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,
    /// Lexicon folder overriding the built-in data/ tables.
    #[arg(long, value_name = "DIR", conflicts_with = "export")]
    pub data: Option<PathBuf>,
    /// Also list misses and false positives.
    #[arg(short, long)]
    pub verbose: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Do not show a progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    let gold = Gold::load(&a.gold)?;
    for problem in gold.dangling_references() {
        eprintln!("warning: {}: {problem}", a.gold.display());
    }
    let export = match &a.export {
        Some(dir) => Export::read_dir(dir)?,
        None => {
            let ex = pipeline::extract_corpus(&a.corpus, &Options { data: a.data.clone(), progress: !a.quiet })?;
            for w in &ex.warnings {
                eprintln!("warning: {w}");
            }
            Export::from_graph(&ex.graph)?
        }
    };
    let evaluation = eval::score(&gold, &export);
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(out, "{}", eval::report::to_json(&evaluation, a.verbose))?;
    } else {
        eval::report::write_text(&evaluation, a.verbose, &mut out)?;
    }
    out.flush()?;
    Ok(())
}
