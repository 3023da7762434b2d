//! GEXF 1.3 (`graph.gexf`) for Gephi: typed node and edge attributes, node
//! colours by kind (`viz:color`), and time: a dynamic graph (`timeformat="date"`)
//! whose dated nodes and edges carry `spells`, so Gephi's timeline replays the
//! negotiations. Partial dates cover whole periods (1991 → 1991-01-01..1991-12-31).
//! It writes no layout.

use std::collections::BTreeMap;

use super::fields::{self, Column, ColumnTypes, Field, Ty};
use super::xml::Xml;
use super::{Exporter, OutputFile, Sink, dot};
use crate::date::PartialDate;
use crate::graph::{Edge, Graph, Node, NodeKind};
use std::io::Write;

/// The GEXF exporter.
pub struct Gexf;

impl Exporter for Gexf {
    fn name(&self) -> &'static str {
        "gexf"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.gexf", to_gexf(graph)?)])
    }

    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        Some(sink.stream_file("graph.gexf", &mut |w| write_gexf(graph, w)))
    }
}

/// GEXF attribute type of a column: `integer` unless a value needs `long`.
fn type_name(col: &Column, types: &ColumnTypes) -> &'static str {
    match col.ty {
        Ty::Str => "string",
        Ty::Double => "double",
        Ty::Int if types.is_wide(&col.name) => "long",
        Ty::Int => "integer",
    }
}

/// The closed day interval a date range covers, as GEXF `xsd:date`s.
pub fn spell(start: PartialDate, end: Option<PartialDate>) -> (String, String) {
    let fmt = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    let (a, b) = (start.first_day(), end.unwrap_or(start).last_day());
    // A range given backwards still yields a valid interval.
    if a <= b { (fmt(a), fmt(b)) } else { (fmt(b), fmt(a)) }
}

/// A node is placed in time by its own dates; documents (publication dates) are not,
/// or every actor's timeline would start with the press.
fn node_spell(n: &Node) -> Option<(String, String)> {
    (n.kind != NodeKind::Document).then_some(())?;
    n.attrs.start.map(|s| spell(s, n.attrs.end))
}

fn rgb(hex: &str) -> [String; 3] {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("valid colour").to_string();
    [c(1), c(3), c(5)]
}

fn declare<W: Write>(
    x: &mut Xml<W>,
    class: &str,
    ids: &BTreeMap<&str, String>,
    cols: &[Column],
    types: &ColumnTypes,
) -> std::io::Result<()> {
    x.open("attributes", &[("class", class)])?;
    for col in cols {
        x.empty(
            "attribute",
            &[("id", &ids[col.name.as_str()]), ("title", &col.name), ("type", type_name(col, types))],
        )?;
    }
    x.close("attributes")
}

/// Attribute ids by column name.
fn attr_ids<'a>(prefix: &str, cols: &'a [Column]) -> BTreeMap<&'a str, String> {
    cols.iter().enumerate().map(|(i, c)| (c.name.as_str(), format!("{prefix}{i}"))).collect()
}

fn attvalues<W: Write>(x: &mut Xml<W>, ids: &BTreeMap<&str, String>, row: &[Field]) -> std::io::Result<()> {
    x.open("attvalues", &[])?;
    for (k, v) in row {
        x.empty("attvalue", &[("for", &ids[k.as_str()]), ("value", &v.to_string())])?;
    }
    x.close("attvalues")
}

fn spells<W: Write>(x: &mut Xml<W>, s: &Option<(String, String)>) -> std::io::Result<()> {
    if let Some((a, b)) = s {
        x.open("spells", &[])?;
        x.empty("spell", &[("start", a), ("end", b)])?;
        x.close("spells")?;
    }
    Ok(())
}

/// Render a graph as GEXF 1.3 text (UTF-8, deterministic).
///
/// Node attributes are [`fields::node_fields`] (`Attrs.extra` typed by its
/// values); edges carry their relation as `label` and `kind` (parallel edges of
/// different relations stay apart), `weight`, and the other [`fields::edge_fields`].
pub fn to_gexf(graph: &Graph) -> anyhow::Result<String> {
    let mut buf = Vec::new();
    write_gexf(graph, &mut buf)?;
    Ok(String::from_utf8(buf).expect("written from str"))
}

/// Write GEXF to `w` as a stream: the bytes of [`to_gexf`], one node or edge
/// rendered at a time (the column types are gathered in a first pass), so
/// memory stays that of the graph.
///
/// # Complexity
/// O(|V| + |E| + evidence), two passes (the column pass on all cores).
pub fn write_gexf(graph: &Graph, w: &mut dyn Write) -> anyhow::Result<()> {
    let nodes = graph.nodes();
    let edges = graph.edges();
    let node_row = |n: &&Node| fields::node_fields(n);
    // The weight is the edge's own XML attribute, not a column.
    let edge_row = |e: &&Edge| -> Vec<Field> {
        fields::edge_fields(e, graph).into_iter().filter(|(k, _)| k != "weight").collect()
    };
    let node_types = fields::column_types(&nodes, node_row);
    let edge_types = fields::column_types(&edges, edge_row);
    let node_cols = node_types.columns(fields::NODE_FIELDS);
    let edge_cols = edge_types.columns(fields::EDGE_FIELDS);

    let mut x = Xml::to_writer(w)?;
    x.open(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
    )?;
    x.open("meta", &[])?;
    x.text("creator", &[], "kurilnet")?;
    x.text("description", &[], "Actors, meetings and proposals with evidence; dated by spells")?;
    x.close("meta")?;
    x.open(
        "graph",
        &[
            ("defaultedgetype", "directed"),
            ("mode", "dynamic"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ],
    )?;
    let (node_ids, edge_ids) = (attr_ids("n", &node_cols), attr_ids("e", &edge_cols));
    declare(&mut x, "node", &node_ids, &node_cols, &node_types)?;
    declare(&mut x, "edge", &edge_ids, &edge_cols, &edge_types)?;

    x.open("nodes", &[("count", &nodes.len().to_string())])?;
    for n in &nodes {
        x.open("node", &[("id", &n.id), ("label", &n.label)])?;
        attvalues(&mut x, &node_ids, &node_row(n))?;
        spells(&mut x, &node_spell(n))?;
        let [r, g, b] = rgb(dot::kind_style(n.kind).1);
        x.empty("viz:color", &[("r", &r), ("g", &g), ("b", &b), ("a", "1.0")])?;
        x.close("node")?;
    }
    x.close("nodes")?;

    x.open("edges", &[("count", &edges.len().to_string())])?;
    for e in &edges {
        let weight = e.weight().to_string();
        let rel = e.relation.as_str();
        x.open(
            "edge",
            &[
                ("id", &e.id()),
                ("source", &e.source),
                ("target", &e.target),
                ("label", rel),
                ("kind", rel),
                ("weight", &weight),
            ],
        )?;
        attvalues(&mut x, &edge_ids, &edge_row(e))?;
        let (start, end) = fields::edge_dates(e, graph);
        spells(&mut x, &start.map(|s| spell(s, end)))?;
        x.close("edge")?;
    }
    x.close("edges")?;
    x.close("graph")?;
    x.close("gexf")?;
    x.end()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{AttrValue, Relation};

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    macro_rules! spells {
        ($($name:ident: $start:expr, $end:expr => $a:expr, $b:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(spell(d($start), $end.map(d)), ($a.to_string(), $b.to_string()));
            }
        )*};
    }

    spells! {
        year_is_whole_year: "1991", None::<&str> => "1991-01-01", "1991-12-31";
        month_is_whole_month: "2000-02", None::<&str> => "2000-02-01", "2000-02-29";
        day_is_one_day: "1956-10-19", None::<&str> => "1956-10-19", "1956-10-19";
        range_spans_both: "2000-09-03", Some("2000-09-05") => "2000-09-03", "2000-09-05";
        mixed_precision_range: "1997-11", Some("1998") => "1997-11-01", "1998-12-31";
    }

    #[test]
    fn meetings_and_their_edges_are_dated_and_coloured() {
        let mut g = Graph::new();
        let mut m = Node::new("m", NodeKind::Meeting, "Krasnoyarsk <talks> & \"more\"\nline");
        m.attrs.start = Some(d("1997-11"));
        m.attrs.extra.insert("big".into(), AttrValue::Int(1 << 40));
        g.upsert_node(m);
        g.upsert_node(Node::new("p", NodeKind::Person, "Yeltsin"));
        g.upsert_edge(Edge::new("p", "m", Relation::ParticipatedIn)).unwrap();
        let s = to_gexf(&g).unwrap();
        assert!(s.contains(r#"label="Krasnoyarsk &lt;talks&gt; &amp; &quot;more&quot;&#10;line""#), "{s}");
        assert_eq!(s.matches(r#"<spell start="1997-11-01" end="1997-11-30"/>"#).count(), 2, "{s}");
        assert!(s.contains(r#"title="big" type="long""#), "{s}");
        assert!(s.contains(r#"title="evidence_count" type="integer""#), "{s}");
        assert!(s.contains(r#"<viz:color r="141" g="211" b="199" a="1.0"/>"#), "{s}");
        assert!(s.contains(r#"kind="participated_in" weight="1""#), "{s}");
    }
}
