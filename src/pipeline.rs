//! The main job: corpus in, extraction, analyses, every export out (atomically).
//! The CLI's `run` is a thin wrapper around [`run`]; tests call it directly.

use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analysis::{compare, lineage::Lineage};
use crate::corpus::{Corpus, Warning};
use crate::export::outset::OutputSet;
use crate::export::{self, Exporter, OutputFile};
use crate::extract::{self, Curation, Extractor};
use crate::graph::{Graph, NodeKind};
use crate::report::{self, Cell, ReportInputs, Table};

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
        // The caller prints warnings only on success, so the reasons go into the error itself.
        let why: Vec<String> = out.warnings.iter().map(|w| format!("\n  {w}")).collect();
        anyhow::bail!("no document of {} could be read:{}", corpus_dir.display(), why.concat());
    }
    Ok(out)
}

/// Render the curation report of unresolved mentions.
pub fn unresolved_csv(c: &Curation) -> anyhow::Result<OutputFile> {
    let mut w = crate::export::csv::writer();
    w.write_record(["mention", "count", "reason", "doc", "sentence", "example"])?;
    let mut rows: Vec<_> = c.entries.iter().collect();
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    for (m, e) in rows {
        w.write_record([
            export::csv::cell(m),
            e.count.to_string(),
            e.reason.clone(),
            export::csv::cell(&e.example.doc),
            e.example.sentence.to_string(),
            export::csv::cell(&e.example.text),
        ])?;
    }
    Ok(OutputFile::new("unresolved.csv", crate::export::csv::finish(w, "unresolved.csv")?))
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

/// Every format `kurilnet export` writes: the main job's exporters and the
/// report with its diagrams.
pub fn export_formats() -> Vec<Box<dyn Exporter>> {
    let mut all = exporters();
    all.push(Box::new(report::ReportExporter));
    all
}

/// The report's comparison of two proposal paths (ids, prefixes or families).
pub fn comparison_table(graph: &Graph, a: &str, b: &str) -> Table {
    let title = format!("Comparison: {a} and {b} paths");
    let fail =
        |msg: String| Table { title: title.clone(), header: vec!["note".into()], rows: vec![vec![Cell::plain(msg)]] };
    let lin = Lineage::build_breaking_cycles(graph);
    let (sa, sb) = match (compare::resolve(&lin, a), compare::resolve(&lin, b)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(e), _) | (_, Err(e)) => return fail(format!("no comparison: {e}")),
    };
    let c = compare::compare(graph, &lin, sa, sb);
    let proposal = |id: &str| match graph.node(id) {
        Some(n) => Cell { text: format!("{} ({id})", n.label), evidence: n.evidence.clone() },
        None => Cell::plain(id),
    };
    let mut rows = Vec::new();
    for (date, x, y) in compare::timeline(&lin, &c) {
        let cell = |id: &str| if id.is_empty() || id == "·" { Cell::plain("") } else { proposal(id) };
        rows.push(vec![Cell::plain(format!("path, {date}")), cell(&x), cell(&y), Cell::plain("")]);
    }
    let common: Vec<&str> = c.common.iter().map(String::as_str).collect();
    rows.push(vec![
        Cell::plain("common ancestors"),
        Cell::plain(common.join(", ")),
        Cell::plain(common.join(", ")),
        Cell::plain(""),
    ]);
    let diverge = c.diverge_after.clone().map_or_else(|| "no common root".to_string(), |d| format!("after {d}"));
    rows.push(vec![Cell::plain("diverge"), Cell::plain(diverge.clone()), Cell::plain(diverge), Cell::plain("")]);
    for t in &c.terms {
        rows.push(vec![Cell::plain(t.term), Cell::plain(&t.a), Cell::plain(&t.b), Cell::plain(&t.difference)]);
    }
    Table {
        title,
        header: vec![
            "".into(),
            format!("A: {}", c.a.describe()),
            format!("B: {}", c.b.describe()),
            "difference".into(),
        ],
        rows,
    }
}

/// Every file the main job can write. On each run the output folder is
/// replaced as one set: these names are this run's (or gone), any other file
/// in the folder is kept.
pub const OUTPUT_NAMES: &[&str] = &[
    "graph.json",
    "nodes.csv",
    "edges.csv",
    "graph.graphml",
    "graph.gexf",
    "graph.nodelink.json",
    "graph.dot",
    "graph.svg",
    "centrality.csv",
    "lineage.csv",
    "lineage.dot",
    "lineage.svg",
    "network.svg",
    "timeline.svg",
    "report.html",
    "unresolved.csv",
];

/// Run the main job: extract `corpus_dir`, export everything into `out_dir`,
/// which is replaced as one set (see [`OutputSet`]). A bad output folder fails
/// before the extraction.
pub fn run(corpus_dir: &Path, out_dir: &Path, opts: &Options) -> anyhow::Result<Summary> {
    let mut set = OutputSet::prepare(out_dir, OUTPUT_NAMES)?;
    use crate::timing::timed;
    let ex = timed("extract", || extract_corpus(corpus_dir, opts))?;
    let mut graph: Graph = ex.graph;
    let notes = write_outputs(&mut graph, &ex.unresolved, &mut set)?;
    let files = timed("commit", || set.commit())?;
    Ok(Summary {
        documents: ex.documents_read,
        nodes_by_kind: graph.count_by_kind().into_iter().collect(),
        edges: graph.edge_count(),
        files,
        warnings: ex.warnings,
        notes,
    })
}

/// Everything the main job does after the extraction: analyse `graph` (its
/// nodes get the results as attributes), render every export, the diagrams,
/// the report and `unresolved.csv` into `set`; returns the notes for the user.
/// The set is not committed. [`run`] calls it; benchmarks call it on a loaded graph.json.
///
/// # Complexity
/// Linear in the graph (nodes, edges and their evidence) plus the bounded
/// path measures of [`crate::analysis::bounded`].
pub fn write_outputs(graph: &mut Graph, unresolved: &Curation, set: &mut OutputSet) -> anyhow::Result<Vec<String>> {
    use crate::timing::timed;
    let mut notes = Vec::new();
    // Before the exporters, so every export carries the results as node attributes.
    let analysed = timed("analyses", || crate::analysis::annotate(graph)).context("cannot analyse the graph")?;
    notes.extend(analysed.notes);
    // Files are written into the set as they are rendered; the large ones are streamed, never held as bytes.
    set.write_all(&analysed.files)?;
    for e in exporters() {
        let r = timed(e.name(), || -> anyhow::Result<()> {
            if let Some(r) = e.stream(graph, set) {
                return r;
            }
            let r = e.render_with_notes(graph)?;
            set.write_all(&r.files)?;
            notes.extend(r.notes);
            Ok(())
        });
        r.with_context(|| format!("cannot render {}", e.name()))?;
    }
    // Diagrams drawn in Rust (no Graphviz): network.svg, timeline.svg, lineage.svg.
    let diagrams = timed("diagrams", || crate::diagram::render_all(graph));
    notes.extend(diagrams.notes.iter().cloned());
    let svg_of = |name: &str| {
        diagrams.files.iter().find(|f| f.name == name).map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
    };
    let (timeline, lineage) = (svg_of("timeline.svg"), svg_of("lineage.svg"));
    let inputs = ReportInputs {
        timeline_svg: timeline.as_deref(),
        lineage_svg: lineage.as_deref(),
        notes: diagrams.notes.clone(),
        rank_over_time: Some(timed("rank over time", || crate::analysis::temporal::rank_chart(graph))),
        comparison: Some(timed("comparison", || comparison_table(graph, "two-island", "lease"))),
    };
    set.write_all(&diagrams.files)?;
    let html = timed("report", || report::render(graph, &inputs));
    set.write(&OutputFile::new("report.html", html))?;
    set.write(&unresolved_csv(unresolved)?)?;
    Ok(notes)
}
