//! `report.html`: one self-contained page for people who will not run a
//! command line — the interactive network view, top actors, the meeting
//! timeline, each proposal family's line of descent and a comparison of two
//! paths, every fact with its evidence. It renders what the graph and the
//! analyses hold; the only thing it computes is the layout of the network
//! view (see [`network_view`]). Every diagram is drawn in Rust: no Graphviz needed.

pub mod network_view;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::Direction;

use crate::graph::{AttrValue, Evidence, Graph, Node, NodeKind, Relation};

/// How many actors the report lists.
const TOP_ACTORS: usize = 15;

/// Measures to rank actors by, in order of preference (the first present wins).
/// The actor network first: in the full directed graph persons only point outwards,
/// so their PageRank there hardly differs.
const RANK_BY: [&str; 3] = ["actor_pagerank", "pagerank", "degree"];

/// Extra sections supplied by the caller (already rendered analysis results).
#[derive(Clone, Debug, Default)]
pub struct ReportInputs<'a> {
    /// `timeline.svg` (the meeting timeline), shown above the timeline table.
    pub timeline_svg: Option<&'a str>,
    /// `lineage.svg` (the lineage on a true time axis), shown above the lineage tables.
    pub lineage_svg: Option<&'a str>,
    /// Notes on diagrams not drawn (shown where the diagram would be).
    pub notes: Vec<String>,
    /// Hook for a "rank over time" chart (HTML or inline SVG, already rendered):
    /// shown in the section `#rank-over-time` after the top actors.
    pub rank_over_time: Option<String>,
    /// A comparison of two proposal paths: (title, header, rows).
    pub comparison: Option<Table>,
}

/// A plain table: title, column names, rows of cells (each cell text + optional evidence).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell with optional evidence shown as a tooltip and a footnote link.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    pub evidence: Vec<Evidence>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), evidence: Vec::new() }
    }
}

/// `kurilnet export --format report`: `report.html` and the standalone
/// diagrams (`network.svg`, `timeline.svg`, `lineage.svg`) from a graph.json.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportExporter;

impl crate::export::Exporter for ReportExporter {
    fn name(&self) -> &'static str {
        "report"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<crate::export::OutputFile>> {
        Ok(self.render_with_notes(graph)?.files)
    }

    fn render_with_notes(&self, graph: &Graph) -> anyhow::Result<crate::export::Rendered> {
        let mut r = crate::diagram::render_all(graph);
        let svg_of = |name: &str| r.files.iter().find(|f| f.name == name).map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
        let (timeline, lineage) = (svg_of("timeline.svg"), svg_of("lineage.svg"));
        let inputs = ReportInputs {
            timeline_svg: timeline.as_deref(),
            lineage_svg: lineage.as_deref(),
            notes: r.notes.clone(),
            rank_over_time: Some(crate::analysis::temporal::rank_chart(graph)),
            ..Default::default()
        };
        let html = render(graph, &inputs);
        r.files.push(crate::export::OutputFile::new("report.html", html));
        Ok(r)
    }
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if crate::export::xml::xml_forbidden(c) => o.push('\u{FFFD}'),
            _ => o.push(c),
        }
    }
    o
}

/// Strip the XML prolog and DOCTYPE of an SVG file so it can be inlined in HTML.
fn inline_svg(svg: &str) -> &str {
    svg.find("<svg").map_or("", |i| &svg[i..])
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}\
.ev{cursor:help;border-bottom:1px dotted #888}.ev sup a{text-decoration:none;color:#36c}\
.diagram{overflow:auto;border:1px solid #ddd;max-height:80vh}.diagram svg{max-width:100%;height:auto}\
.note{color:#666;font-style:italic}.status-held{color:#176}.status-planned{color:#36c}\
.status-postponed{color:#a60}.status-cancelled{color:#a22}ol.evidence li{margin:.2em 0}\
code{background:#f6f6f6;padding:0 .2em}";

/// A standalone SVG inlined as a figure, or the note saying why it is missing.
fn figure(svg: Option<&str>, file: &str, notes: &[String]) -> String {
    match svg {
        Some(svg) => format!(
            "<div class=\"figure\" data-file=\"{}\">{}</div><p class=\"note\">The same drawing: <code>{}</code>.</p>",
            esc(file),
            inline_svg(svg),
            esc(file)
        ),
        None => {
            let note = notes.iter().find(|n| n.starts_with(file)).cloned().unwrap_or_else(|| format!("{file} was not drawn."));
            format!("<p class=\"note\">{}</p>", esc(&note))
        }
    }
}

/// Collects evidence footnotes so every fact links to its sentence.
struct Notes {
    list: Vec<Evidence>,
    index: BTreeMap<Evidence, usize>,
}

impl Notes {
    fn cite(&mut self, ev: &[Evidence]) -> String {
        let mut out = String::new();
        for e in ev.iter().take(3) {
            let n = match self.index.get(e) {
                Some(&n) => n,
                None => {
                    self.list.push(e.clone());
                    self.index.insert(e.clone(), self.list.len());
                    self.list.len()
                }
            };
            let _ = write!(out, "<sup><a href=\"#ev{n}\">[{n}]</a></sup>");
        }
        out
    }

    /// Text with a tooltip of its first evidence sentence and footnote links.
    fn fact(&mut self, text: &str, ev: &[Evidence]) -> String {
        match ev.first() {
            None => esc(text),
            Some(e) => format!(
                "<span class=\"ev\" title=\"{}\">{}</span>{}",
                esc(&format!("{} #{}: {}", e.doc, e.sentence, e.text)),
                esc(text),
                self.cite(ev)
            ),
        }
    }
}

fn date_range(n: &Node) -> String {
    match (n.attrs.start, n.attrs.end) {
        (Some(s), Some(e)) if s != e => format!("{s} – {e}"),
        (Some(s), _) => s.to_string(),
        _ => "undated".into(),
    }
}

fn numeric(v: &AttrValue) -> Option<f64> {
    match v {
        AttrValue::Int(i) => Some(*i as f64),
        AttrValue::Float(f) => Some(*f),
        AttrValue::Text(_) => None,
    }
}

fn label_of<'a>(g: &'a Graph, id: &'a str) -> &'a str {
    g.node(id).map_or(id, |n| n.label.as_str())
}

/// Render the report.
pub fn render(g: &Graph, inputs: &ReportInputs) -> String {
    let mut notes = Notes { list: Vec::new(), index: BTreeMap::new() };
    let mut body = String::new();
    let counts = g.count_by_kind();
    let kinds: Vec<String> = counts.iter().filter(|(_, c)| **c > 0).map(|(k, c)| format!("{c} {k}")).collect();
    let _ = write!(
        body,
        "<h1>kurilnet report</h1><p>{} documents; {} nodes ({}); {} edges. Hover a fact for its evidence \
         sentence; the bracketed numbers link to the evidence list at the end.</p>",
        g.meta.documents,
        g.node_count(),
        esc(&kinds.join(", ")),
        g.edge_count()
    );

    // The interactive network view.
    body.push_str(&network_view::section(g));

    // Top actors: one table, ranked by PageRank when present, one column per measure.
    body.push_str("<h2 id=\"actors\">Top actors</h2>");
    let persons = g.nodes_of(NodeKind::Person);
    let mut measures: Vec<&String> = persons
        .iter()
        .flat_map(|n| n.attrs.extra.iter())
        .filter(|(_, v)| numeric(v).is_some())
        .map(|(k, _)| k)
        .collect();
    measures.sort();
    measures.dedup();
    match RANK_BY.iter().find_map(|r| measures.iter().find(|m| m.as_str() == *r)).or(measures.first()) {
        None => body.push_str("<p class=\"note\">No centrality measures on the graph.</p>"),
        Some(&rank_by) => {
            let mut ranked: Vec<(&Node, f64)> = persons
                .iter()
                .map(|n| (*n, n.attrs.extra.get(rank_by).and_then(numeric).unwrap_or(f64::NEG_INFINITY)))
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
            let _ = write!(
                body,
                "<p>The {} most central of {} actors, ranked by <code>{}</code>; an empty cell is a measure that is undefined for that actor (see centrality.csv).</p>\
                 <table class=\"centrality\"><tr><th>#</th><th>actor</th><th>side</th>",
                TOP_ACTORS.min(ranked.len()),
                ranked.len(),
                esc(rank_by)
            );
            for m in &measures {
                let _ = write!(body, "<th>{}</th>", esc(&m.replace('_', " ")));
            }
            body.push_str("</tr>");
            for (i, (n, _)) in ranked.iter().take(TOP_ACTORS).enumerate() {
                let _ = write!(
                    body,
                    "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
                    i + 1,
                    notes.fact(&n.label, &n.evidence),
                    esc(n.attrs.country.as_deref().unwrap_or(""))
                );
                for m in &measures {
                    let v = match n.attrs.extra.get(*m) {
                        Some(AttrValue::Int(i)) => i.to_string(),
                        Some(AttrValue::Float(f)) => format!("{f:.4}"),
                        _ => String::new(),
                    };
                    let _ = write!(body, "<td class=\"num\">{v}</td>");
                }
                body.push_str("</tr>");
            }
            body.push_str("</table>");
        }
    }

    // Hook: a chart of actors' rank over time, supplied by the caller.
    if let Some(chart) = &inputs.rank_over_time {
        let _ = write!(body, "<section id=\"rank-over-time\"><h2>Rank over time</h2>{chart}</section>");
    }

    // Edge lookups, built once (the report walks every meeting and proposal).
    let mut participation: BTreeMap<(&str, &str), &[Evidence]> = BTreeMap::new();
    for e in g.edges_of(Relation::ParticipatedIn) {
        participation.insert((e.source.as_str(), e.target.as_str()), &e.evidence);
    }
    let mut parents_of: BTreeMap<&str, Vec<&crate::graph::Edge>> = BTreeMap::new();
    for e in g.edges_of(Relation::DerivedFrom) {
        parents_of.entry(e.source.as_str()).or_default().push(e);
    }

    // Meeting timeline.
    body.push_str("<h2 id=\"timeline\">Meeting timeline</h2>");
    body.push_str(&figure(inputs.timeline_svg, "timeline.svg", &inputs.notes));
    let mut meetings = g.nodes_of(NodeKind::Meeting);
    meetings.sort_by(|a, b| a.attrs.start.cmp(&b.attrs.start).then(a.id.cmp(&b.id)));
    body.push_str("<table class=\"timeline\"><tr><th>date</th><th>meeting</th><th>status</th><th>place</th><th>participants</th></tr>");
    for m in &meetings {
        let parts: Vec<String> = g
            .neighbours(&m.id, Relation::ParticipatedIn, Direction::Incoming)
            .into_iter()
            .map(|p| notes.fact(label_of(g, p), participation.get(&(p, m.id.as_str())).copied().unwrap_or_default()))
            .collect();
        let status = m.attrs.status.as_deref().unwrap_or("");
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td class=\"status-{}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&date_range(m)),
            notes.fact(&m.label, &m.evidence),
            esc(status),
            esc(status),
            esc(m.attrs.place.as_deref().unwrap_or("")),
            parts.join(", ")
        );
    }
    body.push_str("</table>");

    // Lines of descent per proposal family.
    body.push_str("<h2 id=\"lineage\">Proposal lines of descent</h2>");
    body.push_str(&figure(inputs.lineage_svg, "lineage.svg", &inputs.notes));
    let mut families: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for p in g.nodes_of(NodeKind::Proposal) {
        families.entry(p.attrs.family.as_deref().unwrap_or("unclassified")).or_default().push(p);
    }
    for (fam, mut ps) in families {
        ps.sort_by(|a, b| a.attrs.start.cmp(&b.attrs.start).then(a.id.cmp(&b.id)));
        let _ = write!(
            body,
            "<h3>{}</h3><table class=\"lineage\"><tr><th>date</th><th>proposal</th><th>proposer</th><th>islands</th><th>conditions</th><th>status</th><th>derived from</th></tr>",
            esc(fam)
        );
        for p in ps {
            let parents: Vec<String> = parents_of
                .get(p.id.as_str())
                .into_iter()
                .flatten()
                .map(|e| {
                    let how = e.rule.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
                    notes.fact(&format!("{}{how}", label_of(g, &e.target)), &e.evidence)
                })
                .collect();
            let a = &p.attrs;
            let _ = write!(
                body,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&date_range(p)),
                notes.fact(&p.label, &p.evidence),
                esc(&a.proposer.join(", ")),
                esc(&a.islands.join(", ")),
                esc(&a.conditions.join("; ")),
                esc(a.status.as_deref().unwrap_or("")),
                parents.join("<br>")
            );
        }
        body.push_str("</table>");
    }

    // Comparison of two paths.
    if let Some(t) = &inputs.comparison {
        let _ = write!(body, "<h2 id=\"compare\">{}</h2><table class=\"compare\"><tr>", esc(&t.title));
        for h in &t.header {
            let _ = write!(body, "<th>{}</th>", esc(h));
        }
        body.push_str("</tr>");
        for r in &t.rows {
            body.push_str("<tr>");
            for c in r {
                let _ = write!(body, "<td>{}</td>", notes.fact(&c.text, &c.evidence));
            }
            body.push_str("</tr>");
        }
        body.push_str("</table>");
    }

    // Evidence list.
    body.push_str("<h2 id=\"evidence\">Evidence</h2><ol class=\"evidence\">");
    for (i, e) in notes.list.iter().enumerate() {
        let _ = write!(
            body,
            "<li id=\"ev{}\"><code>{}</code> sentence {} (bytes {}–{}): {}</li>",
            i + 1,
            esc(&e.doc),
            e.sentence,
            e.start,
            e.end,
            esc(&e.text)
        );
    }
    body.push_str("</ol>");

    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kurilnet report</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{STYLE}{}</style></head>\
         <body>{body}</body></html>\n",
        network_view::STYLE
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    fn ev(doc: &str, text: &str) -> Evidence {
        Evidence { doc: doc.into(), sentence: 1, start: 0, end: 4, text: text.into() }
    }

    fn sample() -> Graph {
        let mut g = Graph::new();
        let mut p = Node::new("taro-kono", NodeKind::Person, "Taro <Kono> & \"co\"");
        p.evidence.push(ev("d1", "Kono said <b>\"hi\"</b> & left."));
        p.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.4));
        g.upsert_node(p);
        let mut m = Node::new("m-2019-02-16-munich", NodeKind::Meeting, "Kono–Lavrov talks");
        m.attrs.start = Some("2019-02-16".parse().unwrap());
        m.attrs.status = Some("held".into());
        m.evidence.push(ev("d1", "They met in Munich."));
        g.upsert_node(m);
        let mut e = Edge::new("taro-kono", "m-2019-02-16-munich", Relation::ParticipatedIn);
        e.evidence.push(ev("d1", "Kono met Lavrov."));
        g.upsert_edge(e).unwrap();
        g
    }

    #[test]
    fn escapes_every_text_and_links_evidence() {
        let html = render(&sample(), &ReportInputs::default());
        assert!(html.contains("Taro &lt;Kono&gt; &amp; &quot;co&quot;"));
        assert!(!html.contains("<b>\"hi\"</b>"), "evidence text must be escaped");
        assert!(html.contains("Kono said &lt;b&gt;&quot;hi&quot;&lt;/b&gt; &amp; left."));
        // Every footnote link has a target.
        let links = html.matches("href=\"#ev").count();
        assert!(links >= 3, "{links}");
        for i in 1..=3 {
            assert!(html.contains(&format!("<li id=\"ev{i}\">")), "footnote {i} missing");
        }
        assert!(html.contains("ranked by <code>pagerank</code>"));
        assert!(html.contains("<th>pagerank</th>"));
        assert!(html.contains("<td class=\"num\">0.4000</td>"));
        assert!(html.contains("class=\"status-held\""));
        assert!(html.contains("timeline.svg was not drawn."));
        assert!(html.contains("id=\"net-svg\""), "the network view is always drawn");
        assert!(!html.contains("rank-over-time"), "no chart, no section");
    }

    #[test]
    fn inlines_svg_without_prolog_and_the_rank_chart_hook() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"1\"><g/></svg>";
        let inputs = ReportInputs {
            timeline_svg: Some(svg),
            rank_over_time: Some("<svg id=\"rank-chart\"></svg>".into()),
            ..Default::default()
        };
        let html = render(&sample(), &inputs);
        assert!(html.contains("<div class=\"figure\" data-file=\"timeline.svg\"><svg width=\"1\">"));
        assert!(!html.contains("<?xml"));
        assert!(html.contains("<section id=\"rank-over-time\"><h2>Rank over time</h2><svg id=\"rank-chart\">"));
    }
}
