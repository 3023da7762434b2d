//! `kurilnet centrality`: rank the nodes of a graph.json by centrality.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use kurilnet::analysis::centrality::{self, Measure, Options, Scores, show};
use kurilnet::analysis::network::{ERAS, NetworkKind, Ties, Window, actor_graph, restrict};
use kurilnet::analysis::temporal;
use kurilnet::graph::Graph;
use kurilnet::graph::NodeKind;

/// Rank actors (persons and states) by centrality, or every node when asked.
///
/// Three networks: `actors` (the default: persons and states linked by the
/// ties the text states: `co_attended` meetings, `met_side` when a person met
/// the other side and nobody of it is named, `proposal_exchange` when one
/// side's proposal was rejected or answered by the other; undirected; weight
/// = occasions), `full` (every node but documents, every edge but
/// mentioned_in; directed unless --undirected; weight = evidence count) and
/// `two-mode` (persons and meetings, measures normalised for the bipartite
/// case, Borgatti & Everett 1997). Measures follow networkx's defaults; a
/// measure that is undefined is shown as "undefined" with the reason.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A graph.json written by `kurilnet extract` or `kurilnet run`.
    pub graph: PathBuf,
    /// Network to show in the table.
    #[arg(long, default_value = "actors", value_parser = ["actors", "full", "two-mode"])]
    pub network: String,
    /// Ties of the actor network to measure on: all, co_attended, met_side or proposal_exchange.
    #[arg(long, default_value = "all", value_parser = ["all", "co_attended", "met_side", "proposal_exchange"])]
    pub ties: String,
    /// Read the full network as undirected (each edge leads both ways).
    #[arg(long)]
    pub undirected: bool,
    /// Node kinds to list in the table (comma-separated: person, state,
    /// meeting, proposal, place, island, organization), or `all`. Default:
    /// person,state (person,meeting for the two-mode network). Scores are computed on the whole network either way.
    #[arg(long, value_name = "KINDS")]
    pub kinds: Option<String>,
    /// Measure to rank by.
    #[arg(short, long, default_value = "betweenness", value_parser = measure_names())]
    pub measure: String,
    /// Rows per table (0 shows every node).
    #[arg(short = 'n', long, default_value_t = 15)]
    pub top: usize,
    /// First year of the period (meetings and proposals by their date).
    #[arg(long)]
    pub from: Option<i32>,
    /// Last year of the period.
    #[arg(long)]
    pub to: Option<i32>,
    /// Recompute per era (Soviet to 1991, Yeltsin 1992–1999, Putin–Mori 2000–2001, …, Abe 2012–2020).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub by_era: bool,
    /// Centrality of actors per window of this many years, written as a long CSV
    /// (actor, label, kind, window_start, window_end, measure, value).
    #[arg(long, value_name = "YEARS", conflicts_with_all = ["by_era", "format"])]
    pub window: Option<u32>,
    /// Years between the starts of two windows (with --window).
    #[arg(long, default_value_t = 1, requires = "window")]
    pub step: u32,
    /// Estimate betweenness from K sampled sources (Brandes & Pich 2007) on
    /// networks above --sample-above nodes; the output says it is an estimate.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(2..))]
    pub samples: Option<u64>,
    /// Node count above which --samples applies; below it betweenness is exact.
    #[arg(long, default_value_t = centrality::SAMPLE_ABOVE)]
    pub sample_above: usize,
    /// Seed of the sampled sources and of the Louvain communities.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Louvain resolution (1 = classic modularity; larger gives smaller communities).
    #[arg(long, default_value_t = 1.0)]
    pub resolution: f64,
    /// `table` (aligned, for reading) or `csv` (centrality.csv: every node of every network).
    #[arg(short, long, default_value = "table", value_parser = ["table", "csv"])]
    pub format: String,
    /// Also write the actor network as a graph.json to FILE (export it with `kurilnet export`).
    #[arg(long, value_name = "FILE")]
    pub actors_graph: Option<PathBuf>,
}

fn measure_names() -> Vec<&'static str> {
    Measure::ALL.iter().map(|m| m.as_str()).collect()
}

/// Columns of the terminal table, after rank, id, label and kind.
const SHOWN: [Measure; 7] = [
    Measure::Degree,
    Measure::WeightedDegree,
    Measure::Betweenness,
    Measure::Closeness,
    Measure::Harmonic,
    Measure::Eigenvector,
    Measure::PageRank,
];

pub fn run(a: Args) -> anyhow::Result<()> {
    let graph = kurilnet::timing::timed("load graph.json", || Graph::load(&a.graph))?;
    if let (Some(f), Some(t)) = (a.from, a.to) {
        anyhow::ensure!(f <= t, "--from {f} is after --to {t}");
    }
    anyhow::ensure!(a.resolution > 0.0, "--resolution must be positive, not {}", a.resolution);
    let measure = Measure::parse(&a.measure).context("unknown measure")?;
    let network = NetworkKind::parse(&a.network).context("unknown network")?;
    let opts = Options {
        samples: a.samples.map(|k| k as usize),
        sample_above: a.sample_above,
        seed: a.seed,
        ties: Ties::parse(&a.ties).context("unknown tie type")?,
        undirected: a.undirected,
        resolution: a.resolution,
        path_limit: None,
        degrees_only: false,
    };
    let kinds = kinds_filter(a.kinds.as_deref(), network)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(width) = a.window {
        anyhow::ensure!(width > 0 && a.step > 0, "--window and --step must be at least 1");
        let g = restrict(&graph, Window { from: a.from, to: a.to });
        out.write_all(&temporal::to_long_csv(&temporal::over_time(&g, width, a.step, opts))?)?;
        return Ok(out.flush()?);
    }
    let periods: Vec<(String, String, Window)> = if a.by_era {
        ERAS.iter().map(|e| (e.slug.to_string(), e.name.to_string(), e.window)).collect()
    } else {
        let w = Window { from: a.from, to: a.to };
        vec![(w.to_string(), if w.is_all() { "all years".into() } else { w.to_string() }, w)]
    };
    if let Some(path) = &a.actors_graph {
        let actors = actor_graph(&restrict(&graph, Window { from: a.from, to: a.to }));
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
        let name = path.file_name().context("--actors-graph needs a file name")?.to_string_lossy().into_owned();
        let mut staging = kurilnet::export::Staging::new(dir)?;
        staging.stage(kurilnet::export::OutputFile::new(name, actors.to_json_string()?))?;
        staging.commit()?;
    }
    let mut all: Vec<(String, Scores)> = Vec::new();
    for (slug, name, w) in &periods {
        for s in centrality::analyse(&graph, *w, slug, opts) {
            all.push((name.clone(), s));
        }
    }
    if a.format == "csv" {
        let scores: Vec<Scores> = all.into_iter().map(|(_, s)| s).collect();
        out.write_all(&centrality::to_csv(&scores)?)?;
        return Ok(());
    }
    let mut first = true;
    for (name, s) in all.iter().filter(|(_, s)| s.network == network) {
        if !first {
            writeln!(out)?;
        }
        first = false;
        write_table(&mut out, name, s, measure, a.top, &kinds, opts)?;
    }
    out.flush()?;
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

/// The node kinds the table lists: `--kinds`, or actors by default
/// (persons and meetings on the two-mode network).
fn kinds_filter(arg: Option<&str>, network: NetworkKind) -> anyhow::Result<Vec<String>> {
    let all: Vec<String> = NodeKind::ALL.iter().map(|k| k.to_string()).collect();
    let list = match arg {
        Some("all") => return Ok(all),
        Some(s) => s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect(),
        None if network == NetworkKind::TwoMode => vec!["person".into(), "meeting".into()],
        None => vec!["person".into(), "state".into()],
    };
    for k in &list {
        anyhow::ensure!(all.contains(k), "--kinds: unknown node kind {k:?} (kinds: {}, or all)", all.join(", "));
    }
    Ok(list)
}

fn write_table(
    out: &mut impl Write,
    period: &str,
    s: &Scores,
    measure: Measure,
    top: usize,
    kinds: &[String],
    opts: Options,
) -> std::io::Result<()> {
    let ties = opts.ties;
    let what = match s.network {
        NetworkKind::Actors if ties == Ties::All => {
            "persons and states linked by meetings, met sides and proposal exchanges".to_string()
        }
        NetworkKind::Actors => format!("persons and states, {ties} ties only"),
        NetworkKind::Full if opts.undirected => {
            "read as undirected; documents and mentioned_in edges left out".to_string()
        }
        NetworkKind::Full => "directed; documents and mentioned_in edges left out".to_string(),
        NetworkKind::TwoMode => "persons and meetings; bipartite normalisation".to_string(),
    };
    let listed = s.rows.iter().filter(|r| kinds.contains(&r.kind)).count();
    let which = if listed == s.rows.len() { String::new() } else { format!(" ({listed} {} listed)", kinds.join("/")) };
    writeln!(out, "{} network ({what}), {period}: {} nodes{which}, ranked by {measure}", s.network, s.rows.len())?;
    if s.rows.is_empty() {
        for n in &s.notes {
            writeln!(out, "  note: {n}")?;
        }
        return Ok(());
    }
    let mut cols: Vec<Measure> = SHOWN.to_vec();
    if !cols.contains(&measure) {
        cols.insert(0, measure);
    }
    let ranks = s.ranks(measure);
    let two_mode = s.network == NetworkKind::TwoMode;
    if two_mode {
        cols.retain(|m| {
            matches!(m, Measure::Degree | Measure::DegreeCentrality | Measure::Betweenness | Measure::Closeness)
        });
        if !cols.contains(&Measure::DegreeCentrality) {
            cols.insert(1, Measure::DegreeCentrality);
        }
    }
    let mut rows: Vec<Vec<String>> = vec![["rank", "id", "label", "kind"].iter().map(|x| x.to_string()).collect()];
    rows[0].extend(cols.iter().map(|m| m.as_str().to_string()));
    if !two_mode {
        rows[0].push("community".into());
    }
    let order: Vec<usize> = s.order_by(measure).into_iter().filter(|&i| kinds.contains(&s.rows[i].kind)).collect();
    let shown = if top == 0 { order.len() } else { top.min(order.len()) };
    for &i in &order[..shown] {
        let r = &s.rows[i];
        let mut row = vec![
            ranks[i].map(|x| x.to_string()).unwrap_or_else(|| "-".into()),
            r.id.clone(),
            truncate(&r.label, 28),
            r.kind.clone(),
        ];
        row.extend(cols.iter().map(|&m| show(m, r.get(m))));
        if !two_mode {
            row.push(r.community.map(|c| c.to_string()).unwrap_or_else(|| "-".into()));
        }
        rows.push(row);
    }
    let widths: Vec<usize> =
        (0..rows[0].len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for r in &rows {
        let mut line = String::from(" ");
        for (c, cell) in r.iter().enumerate() {
            // Text columns left-aligned, numbers right-aligned.
            if (1..=3).contains(&c) {
                line.push_str(&format!(" {cell:<w$}", w = widths[c]));
            } else {
                line.push_str(&format!(" {cell:>w$}", w = widths[c]));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if shown < order.len() {
        writeln!(out, "  … {} more (--top 0 shows all)", order.len() - shown)?;
    }
    for n in &s.notes {
        writeln!(out, "  note: {n}")?;
    }
    let undefined_closeness = order.iter().filter(|&&i| s.rows[i].get(Measure::Closeness).is_none()).count();
    if undefined_closeness > 0 {
        writeln!(
            out,
            "  note: closeness undefined for {undefined_closeness} listed node(s) that no other node reaches"
        )?;
    }
    Ok(())
}
