//! The main job: corpus in, extraction, analyses, every export out (atomically).
//! The CLI's `run` is a thin wrapper around [`run`]; tests call it directly.

use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::{Corpus, Warning};
use crate::export::{self, Exporter, OutputFile, Staging};
use crate::extract::{self, Curation, Extractor};
use crate::graph::{Graph, NodeKind};

/// Options of the main job.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Lexicon folder overriding the built-in `data/`.
    pub data: Option<PathBuf>,
    /// Show a progress bar (only honoured when stderr is a terminal).
    pub progress: bool,
}

/// What the main job did.
#[derive(Debug)]
pub struct Summary {
    pub documents: usize,
    pub nodes_by_kind: Vec<(NodeKind, usize)>,
    pub edges: usize,
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
    pub notes: Vec<String>,
}

/// A progress bar on stderr when it is a terminal and `wanted`; hidden otherwise.
pub fn progress_bar(len: u64, wanted: bool, what: &str) -> ProgressBar {
    use std::io::IsTerminal;
    if !wanted || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} [{elapsed_precise}, eta {eta}]")
            .expect("valid template"),
    );
    pb.set_message(what.to_string());
    pb
}

/// Scan and extract a corpus folder.
pub fn extract_corpus(corpus_dir: &Path, opts: &Options) -> anyhow::Result<extract::Extraction> {
    let corpus = Corpus::scan(corpus_dir)?;
    let extractor = Extractor::new(opts.data.as_deref()).context("cannot load the lexicons")?;
    let pb = progress_bar(corpus.len() as u64, opts.progress, "extracting");
    let out = extract::run(&corpus, &extractor, &pb);
    pb.finish_and_clear();
    if out.documents_read == 0 {
        anyhow::bail!("no document of {} could be read (see the warnings above)", corpus_dir.display());
    }
    Ok(out)
}

/// Render the curation report of unresolved mentions.
pub fn unresolved_csv(c: &Curation) -> anyhow::Result<OutputFile> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(["mention", "count", "reason", "doc", "sentence", "example"])?;
    let mut rows: Vec<_> = c.entries.iter().collect();
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    for (m, e) in rows {
        w.write_record([
            export::csv::cell(m),
            e.count.to_string(),
            e.reason.clone(),
            e.example.doc.clone(),
            e.example.sentence.to_string(),
            export::csv::cell(&e.example.text),
        ])?;
    }
    Ok(OutputFile::new("unresolved.csv", w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?))
}

/// Every exporter the main job runs, in order.
pub fn exporters() -> Vec<Box<dyn Exporter>> {
    vec![
        Box::new(export::GraphJson),
        Box::new(export::csv::GephiCsv),
        Box::new(export::graphml::GraphMl),
        Box::new(export::gexf::Gexf),
        Box::new(export::nodelink::NodeLink),
        Box::new(export::dot::Dot::default()),
        Box::new(export::svg::Svg::default()),
    ]
}

/// Run the main job: extract `corpus_dir`, export everything into `out_dir`.
pub fn run(corpus_dir: &Path, out_dir: &Path, opts: &Options) -> anyhow::Result<Summary> {
    let ex = extract_corpus(corpus_dir, opts)?;
    let mut graph: Graph = ex.graph;
    let mut staging = Staging::new(out_dir)?;
    let mut notes = Vec::new();
    // Before the exporters, so every export carries the results as node attributes.
    let analysed = crate::analysis::annotate(&mut graph).context("cannot analyse the graph")?;
    staging.stage_all(analysed.files)?;
    notes.extend(analysed.notes);
    for e in exporters() {
        let r = e.render_with_notes(&graph).with_context(|| format!("cannot render {}", e.name()))?;
        staging.stage_all(r.files)?;
        notes.extend(r.notes);
    }
    staging.stage(unresolved_csv(&ex.unresolved)?)?;
    let files = staging.commit()?;
    Ok(Summary {
        documents: ex.documents_read,
        nodes_by_kind: graph.count_by_kind().into_iter().collect(),
        edges: graph.edge_count(),
        files,
        warnings: ex.warnings,
        notes,
    })
}
