//! `kurilnet eval`: score an extraction against a gold annotation, or several
//! annotated corpora pooled.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use kurilnet::eval::{self, Export, Gold, Pooled};
use kurilnet::pipeline::{self, Options};

/// Score an extraction against a gold annotation.
///
/// `kurilnet eval GOLD [CORPUS]` extracts CORPUS (default: seeds) or reads an
/// existing export with --export, and prints precision, recall and F1 for
/// persons, meetings, proposals, participation and proposal lineage, their
/// macro F1, and how many matched persons and meetings carry the gold country
/// and status. `kurilnet eval SET_DIR...` scores several annotated corpora
/// (each a folder with docs/ and gold.toml) and prints one line per set and
/// the pooled table. The figures are those of the reference scorers score.py
/// and score_sets.py.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// GOLD [CORPUS]: a gold annotation (TOML: [[person]], [[meeting]],
    /// [[proposal]]) and the folder of .txt documents to extract (default:
    /// seeds). Or SET_DIR...: folders that each hold docs/ and gold.toml (or
    /// one *.gold.toml), scored pooled.
    #[arg(required = true, num_args = 1.., value_name = "GOLD [CORPUS] | SET_DIR...")]
    pub inputs: Vec<PathBuf>,
    /// Score an existing export folder (nodes.csv and edges.csv) instead of extracting.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,
    /// Lexicon folder overriding the built-in data/ tables.
    #[arg(long, value_name = "DIR", conflicts_with = "export")]
    pub data: Option<PathBuf>,
    /// Also list misses and false positives (of each set, with SET_DIRs).
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
    if a.inputs[0].is_dir() {
        return run_sets(&a);
    }
    let gold_path = &a.inputs[0];
    let gold = load_gold(gold_path)?;
    let export = match (&a.export, a.inputs.get(1), a.inputs.len()) {
        (_, _, n) if n > 2 => anyhow::bail!(
            "eval takes GOLD [CORPUS] or SET_DIR...; {} is a file, so the rest must be one corpus folder",
            gold_path.display()
        ),
        (Some(_), Some(_), _) => anyhow::bail!("give either a CORPUS or --export DIR, not both"),
        (Some(dir), None, _) => Export::read_dir(dir)?,
        (None, corpus, _) => extract(corpus.map_or(Path::new("seeds"), |c| c.as_path()), &a)?,
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

/// Score each SET_DIR (docs/ + gold) and print the pooled table.
fn run_sets(a: &Args) -> anyhow::Result<()> {
    if a.export.is_some() {
        anyhow::bail!("--export scores one export against one GOLD file; it does not go with SET_DIRs");
    }
    let mut pooled = Pooled::default();
    let mut out = std::io::stdout().lock();
    for set in &a.inputs {
        if !set.is_dir() {
            anyhow::bail!("{} is not a set folder (docs/ and gold.toml); SET_DIRs must all be folders", set.display());
        }
        let gold = load_gold(&eval::pooled::gold_of(set)?)?;
        let export = extract(&set.join("docs"), a).with_context(|| format!("cannot score the set {}", set.display()))?;
        let evaluation = eval::score(&gold, &export);
        if a.verbose && !a.json {
            writeln!(out, "== {}", set.display())?;
            eval::report::write_text(&evaluation, true, &mut out)?;
            writeln!(out)?;
        }
        pooled.push(set.display().to_string(), evaluation);
    }
    if a.json {
        writeln!(out, "{}", pooled.to_json())?;
    } else {
        pooled.write_text(&mut out)?;
    }
    out.flush()?;
    Ok(())
}

fn load_gold(path: &Path) -> anyhow::Result<Gold> {
    let gold = Gold::load(path)?;
    for problem in gold.dangling_references() {
        eprintln!("warning: {}: {problem}", path.display());
    }
    Ok(gold)
}

fn extract(corpus: &Path, a: &Args) -> anyhow::Result<Export> {
    let ex = pipeline::extract_corpus(corpus, &Options { data: a.data.clone(), progress: !a.quiet })?;
    for w in &ex.warnings {
        eprintln!("warning: {w}");
    }
    Export::from_graph(&ex.graph)
}
