//! `kurilnet centrality`: rank the nodes of a graph.json by centrality.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use kurilnet::analysis::centrality::{self, Measure, Options, Scores, show};
use kurilnet::analysis::network::{ERAS, NetworkKind, Window, actor_graph, restrict};
use kurilnet::graph::Graph;

/// Rank actors, meetings and proposals by centrality.
///
/// Two networks: `full` (every node but documents, every edge but
/// mentioned_in; directed; parallel relations merged, weight = evidence
/// count) and `actors` (persons linked when they attended the same meeting;
/// undirected; weight = meetings shared). Measures follow networkx's
/// defaults; a measure that is undefined is shown as "undefined" with the reason.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A graph.json written by `kurilnet extract` or `kurilnet run`.
    pub graph: PathBuf,
    /// Network to show in the table.
    #[arg(long, default_value = "full", value_parser = ["full", "actors"])]
    pub network: String,
    /// Measure to rank by.
    #[arg(short, long, default_value = "pagerank", value_parser = measure_names())]
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
    /// `table` (aligned, for reading) or `csv` (centrality.csv: every node of both networks).
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
    let graph = Graph::load(&a.graph)?;
    if let (Some(f), Some(t)) = (a.from, a.to) {
        anyhow::ensure!(f <= t, "--from {f} is after --to {t}");
    }
    let measure = Measure::parse(&a.measure).context("unknown measure")?;
    let network = NetworkKind::parse(&a.network).context("unknown network")?;
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
        for s in centrality::analyse(&graph, *w, slug, Options::default()) {
            all.push((name.clone(), s));
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
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
        write_table(&mut out, name, s, measure, a.top)?;
    }
    out.flush()?;
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { format!("{}…", s.chars().take(n - 1).collect::<String>()) }
}

fn write_table(out: &mut impl Write, period: &str, s: &Scores, measure: Measure, top: usize) -> std::io::Result<()> {
    let what = match s.network {
        NetworkKind::Actors => "persons linked by meetings attended together",
        NetworkKind::Full => "directed; documents and mentioned_in edges left out",
    };
    writeln!(out, "{} network ({what}), {period}: {} nodes, ranked by {measure}", s.network, s.rows.len())?;
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
    let mut rows: Vec<Vec<String>> = vec![["rank", "id", "label", "kind"].iter().map(|x| x.to_string()).collect()];
    rows[0].extend(cols.iter().map(|m| m.as_str().to_string()));
    let order = s.order_by(measure);
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
    let undefined_closeness = s.rows.iter().filter(|r| r.get(Measure::Closeness).is_none()).count();
    if undefined_closeness > 0 {
        writeln!(out, "  note: closeness undefined for {undefined_closeness} node(s) that no other node reaches")?;
    }
    Ok(())
}
