//! Gephi CSV: `nodes.csv` and `edges.csv` (Data Laboratory → Import spreadsheet).
//!
//! Follows the column contract of the evaluation format (`Id, Label, kind, …`
//! and `Source, Target, Type, Id, Label, relation, Weight, …`), with a
//! `timeset` column in Gephi's interval syntax. Backslashes are doubled
//! (Gephi's escape character) and cells that a spreadsheet would run as a
//! formula are neutralised.

use std::collections::BTreeSet;

use std::io::Write;

use super::{Exporter, OutputFile, Sink};
use crate::date::PartialDate;
use crate::graph::{AttrValue, Edge, Graph, Node};

/// The Gephi CSV exporter.
pub struct GephiCsv;

/// Node columns always present, in order; extra attributes follow, sorted.
pub const NODE_COLUMNS: &[&str] = &[
    "Id",
    "Label",
    "kind",
    "country",
    "role",
    "start",
    "end",
    "status",
    "place",
    "meeting_type",
    "family",
    "proposer",
    "islands",
    "conditions",
    "arrangement",
    "aliases",
    "timeset",
    "docs",
    "evidence_count",
    "evidence",
];

/// Edge columns, in order.
pub const EDGE_COLUMNS: &[&str] = &[
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "relation",
    "Weight",
    "rule",
    "timeset",
    "docs",
    "evidence_count",
    "evidence",
];

impl Exporter for GephiCsv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("nodes.csv", nodes_csv(graph)?), OutputFile::new("edges.csv", edges_csv(graph)?)])
    }

    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        let mut both = || -> anyhow::Result<()> {
            sink.stream_file("nodes.csv", &mut |w| write_nodes(graph, w))?;
            sink.stream_file("edges.csv", &mut |w| write_edges(graph, w))
        };
        Some(both())
    }
}

/// Gephi's interval syntax for a start and optional end: `<[1989-12-18]>` for
/// one day, `<[1991-01-01, 1991-12-31]>` for a span or a coarser date.
pub fn timeset(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    let Some(s) = start else { return String::new() };
    let e = end.unwrap_or(s);
    let (a, b) = (s.first_day(), e.last_day());
    if a == b {
        format!("<[{:04}-{:02}-{:02}]>", a.0, a.1, a.2)
    } else {
        format!("<[{:04}-{:02}-{:02}, {:04}-{:02}-{:02}]>", a.0, a.1, a.2, b.0, b.1, b.2)
    }
}

/// Make a text cell safe for Gephi and spreadsheets: double backslashes and
/// prefix a quote to a cell a spreadsheet would evaluate (one starting with
/// `=`, `+`, `-`, `@`, tab or carriage return, per OWASP), and to one already
/// starting with a quote, so that [`uncell`] restores every text exactly.
pub fn cell(s: &str) -> String {
    let s = s.replace('\\', "\\\\");
    if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) { format!("'{s}") } else { s }
}

/// The `docs` column: document ids joined by `;`. Ids read from a corpus never
/// hold a `;` (see [`crate::corpus::document_ids`]); one in a hand-edited
/// graph.json is written `%3B`, so the column always splits back into the ids.
pub fn docs_cell(docs: &[&str]) -> String {
    docs.iter().map(|d| d.replace(';', "%3B")).collect::<Vec<_>>().join(";")
}

/// Inverse of [`cell`]: the text as it was before escaping.
pub fn uncell(s: &str) -> String {
    s.strip_prefix('\'').unwrap_or(s).replace("\\\\", "\\")
}

/// A free attribute value: text made safe, numbers left as numbers.
fn extra_cell(v: &AttrValue) -> String {
    match v {
        AttrValue::Text(t) => cell(t),
        v => v.to_string(),
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

fn first_evidence(ev: &[crate::graph::Evidence]) -> String {
    ev.first().map(|e| format!("{}#{}: {}", e.doc, e.sentence, e.text)).unwrap_or_default()
}

fn extra_columns(graph: &Graph) -> Vec<String> {
    let set: BTreeSet<&String> = graph.nodes().into_iter().flat_map(|n| n.attrs.extra.keys()).collect();
    set.into_iter().filter(|k| !NODE_COLUMNS.contains(&k.as_str())).cloned().collect()
}

fn node_row(n: &Node, extras: &[String]) -> Vec<String> {
    let a = &n.attrs;
    let mut row = vec![
        cell(&n.id),
        cell(&n.label),
        n.kind.to_string(),
        cell(&opt(&a.country)),
        cell(&opt(&a.role)),
        opt(&a.start),
        opt(&a.end),
        cell(&opt(&a.status)),
        cell(&opt(&a.place)),
        cell(&opt(&a.meeting_type)),
        cell(&opt(&a.family)),
        cell(&a.proposer.join(";")),
        cell(&a.islands.join(";")),
        cell(&a.conditions.join("; ")),
        cell(&opt(&a.arrangement)),
        cell(&a.aliases.join("; ")),
        timeset(a.start, a.end),
        cell(&docs_cell(&n.docs())),
        n.evidence_count().to_string(),
        cell(&first_evidence(&n.evidence)),
    ];
    for k in extras {
        row.push(a.extra.get(k).map(extra_cell).unwrap_or_default());
    }
    row
}

fn edge_row(e: &Edge, graph: &Graph) -> Vec<String> {
    let (start, end) = super::fields::edge_dates(e, graph);
    vec![
        cell(&e.source),
        cell(&e.target),
        "Directed".to_string(),
        cell(&e.id()),
        e.relation.to_string(),
        e.relation.to_string(),
        e.weight().to_string(),
        cell(&opt(&e.rule)),
        timeset(start, end),
        cell(&docs_cell(&e.docs())),
        e.evidence_count().to_string(),
        cell(&first_evidence(&e.evidence)),
    ]
}

/// A CSV writer into memory with `\n` line ends, so every CSV file kurilnet
/// writes is byte-identical on every platform. Finish it with [`finish`].
pub fn writer() -> ::csv::Writer<Vec<u8>> {
    writer_to(Vec::new())
}

/// A CSV writer like [`writer`] into any writer (a stream).
pub fn writer_to<W: Write>(w: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new().terminator(::csv::Terminator::Any(b'\n')).from_writer(w)
}

/// The bytes of a [`writer`]; `what` names the file in the error.
pub fn finish(w: ::csv::Writer<Vec<u8>>, what: &str) -> anyhow::Result<Vec<u8>> {
    w.into_inner().map_err(|e| anyhow::anyhow!("cannot write {what}: {e}"))
}

/// Write a header and rows into `out` as a stream, one row at a time.
fn write_rows<T>(
    out: &mut dyn Write,
    header: Vec<String>,
    items: &[T],
    row: impl Fn(&T) -> Vec<String>,
) -> anyhow::Result<()> {
    let mut w = writer_to(out);
    w.write_record(&header)?;
    for x in items {
        w.write_record(row(x))?;
    }
    w.flush()?;
    Ok(())
}

/// Render `nodes.csv`.
pub fn nodes_csv(graph: &Graph) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    write_nodes(graph, &mut buf)?;
    Ok(buf)
}

/// Write `nodes.csv` into `w` as a stream (the bytes of [`nodes_csv`]).
///
/// # Complexity
/// O(|V| + node evidence); memory O(one row).
pub fn write_nodes(graph: &Graph, w: &mut dyn Write) -> anyhow::Result<()> {
    let extras = extra_columns(graph);
    // Extra attribute names come from graph.json, which may be hand-edited: guarded like any cell.
    let header = NODE_COLUMNS.iter().map(|s| s.to_string()).chain(extras.iter().map(|k| cell(k))).collect();
    write_rows(w, header, &graph.nodes(), |n| node_row(n, &extras))
}

/// Render `edges.csv`.
pub fn edges_csv(graph: &Graph) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    write_edges(graph, &mut buf)?;
    Ok(buf)
}

/// Write `edges.csv` into `w` as a stream (the bytes of [`edges_csv`]).
///
/// # Complexity
/// O(|E| + edge evidence); memory O(one row).
pub fn write_edges(graph: &Graph, w: &mut dyn Write) -> anyhow::Result<()> {
    let header = EDGE_COLUMNS.iter().map(|s| s.to_string()).collect();
    write_rows(w, header, &graph.edges(), |e| edge_row(e, graph))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{AttrValue, Evidence, NodeKind, Relation};

    fn d(s: &str) -> Option<PartialDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn timesets_follow_gephi_syntax() {
        assert_eq!(timeset(d("1989-12-18"), None), "<[1989-12-18]>");
        assert_eq!(timeset(d("1991"), None), "<[1991-01-01, 1991-12-31]>");
        assert_eq!(timeset(d("2000-11-01"), d("2000-11-03")), "<[2000-11-01, 2000-11-03]>");
        assert_eq!(timeset(d("2000-02"), None), "<[2000-02-01, 2000-02-29]>");
        assert_eq!(timeset(None, None), "");
    }

    #[test]
    fn cells_are_escaped_and_defused() {
        assert_eq!(cell(r"a\b"), r"a\\b");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("Taro Kono"), "Taro Kono");
        assert_eq!(cell("'quoted"), "''quoted");
        assert_eq!(cell("\tx"), "'\tx");
        for s in [r"a\b", "=1", "'=1", "''", "-", "plain", "\\=", "'"] {
            assert_eq!(uncell(&cell(s)), s);
        }
    }

    #[test]
    fn numeric_extras_stay_numbers() {
        assert_eq!(extra_cell(&AttrValue::Float(-0.5)), "-0.5");
        assert_eq!(extra_cell(&AttrValue::Text("-0.5".into())), "'-0.5");
    }

    #[test]
    fn csv_has_contract_columns_and_parses_back() {
        let mut g = Graph::new();
        let mut p = Node::new("taro-kono", NodeKind::Person, "Taro \"Kono\", jr\nline");
        p.attrs.country = Some("JP".into());
        p.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.5));
        p.evidence.push(Evidence { doc: "d".into(), sentence: 2, start: 0, end: 4, text: "Kono said.".into() });
        g.upsert_node(p);
        let mut m = Node::new("m-2019-02-16-munich", NodeKind::Meeting, "Kono–Lavrov talks");
        m.attrs.start = d("2019-02-16");
        g.upsert_node(m);
        g.upsert_edge(Edge::new("taro-kono", "m-2019-02-16-munich", Relation::ParticipatedIn)).unwrap();

        let nodes = nodes_csv(&g).unwrap();
        let mut r = ::csv::Reader::from_reader(nodes.as_slice());
        let h = r.headers().unwrap().clone();
        assert_eq!(&h[0], "Id");
        assert_eq!(h.iter().next_back(), Some("pagerank"));
        let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        let kono = rows.iter().find(|r| &r[0] == "taro-kono").unwrap();
        assert_eq!(&kono[1], "Taro \"Kono\", jr\nline");
        assert_eq!(&kono[2], "person");
        assert_eq!(kono.iter().next_back(), Some("0.5"));

        let edges = edges_csv(&g).unwrap();
        let mut r = ::csv::Reader::from_reader(edges.as_slice());
        let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(&rows[0][5], "participated_in");
        assert_eq!(&rows[0][8], "<[2019-02-16]>", "edge dated by its meeting");
    }
}
