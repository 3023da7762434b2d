//! Typed attribute columns shared by the attribute-carrying formats (GraphML,
//! GEXF, node-link JSON): which fields a node or edge exports, in which order,
//! with which type. It does not write any format itself.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::PartialDate;
use crate::graph::{AttrValue, Edge, Evidence, Graph, Node, NodeKind};

/// Built-in node fields, in export order; `Attrs.extra` keys follow, sorted.
/// An extra key equal to one of these is not exported (the built-in wins), as in the CSV.
pub const NODE_FIELDS: &[&str] = &[
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
    "source",
    "title",
    "docs",
    "evidence_count",
    "evidence",
];

/// Edge fields, in export order.
pub const EDGE_FIELDS: &[&str] = &["relation", "weight", "rule", "start", "end", "docs", "evidence_count", "evidence"];

/// Type of an exported column; the join of the values it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Ty {
    Int,
    Double,
    Str,
}

impl Ty {
    pub fn of(v: &AttrValue) -> Ty {
        match v {
            AttrValue::Int(_) => Ty::Int,
            AttrValue::Float(_) => Ty::Double,
            AttrValue::Text(_) => Ty::Str,
        }
    }

    /// Least type holding both: an integer column with one float becomes double,
    /// any text makes it a string column.
    pub fn join(self, other: Ty) -> Ty {
        self.max(other)
    }
}

/// One named, typed value of a node or edge.
pub type Field = (String, AttrValue);

/// A column of a format's attribute table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: Ty,
}

fn text(name: &str, v: impl Into<String>) -> Field {
    (name.to_string(), AttrValue::Text(v.into()))
}

fn push_opt(out: &mut Vec<Field>, name: &str, v: &Option<impl ToString>) {
    if let Some(v) = v {
        out.push(text(name, v.to_string()));
    }
}

fn push_list(out: &mut Vec<Field>, name: &str, v: &[impl AsRef<str>], sep: &str) {
    if !v.is_empty() {
        out.push(text(name, v.iter().map(|s| s.as_ref()).collect::<Vec<_>>().join(sep)));
    }
}

/// Evidence records as text, one per line: `doc#sentence@start-end: sentence`.
pub fn evidence_text(ev: &[Evidence]) -> String {
    ev.iter()
        .map(|e| format!("{}#{}@{}-{}: {}", e.doc, e.sentence, e.start, e.end, e.text))
        .collect::<Vec<_>>()
        .join("\n")
}

fn push_evidence(out: &mut Vec<Field>, docs: Vec<&str>, ev: &[Evidence], count: usize) {
    if !docs.is_empty() {
        out.push(text("docs", super::csv::docs_cell(&docs)));
    }
    out.push(("evidence_count".into(), AttrValue::Int(count as i64)));
    if !ev.is_empty() {
        out.push(text("evidence", evidence_text(ev)));
    }
}

/// Every set field of a node (label and id excluded), built-ins first, then extras.
pub fn node_fields(n: &Node) -> Vec<Field> {
    let a = &n.attrs;
    let mut out = vec![text("kind", n.kind.as_str())];
    push_opt(&mut out, "country", &a.country);
    push_opt(&mut out, "role", &a.role);
    push_opt(&mut out, "start", &a.start);
    push_opt(&mut out, "end", &a.end);
    push_opt(&mut out, "status", &a.status);
    push_opt(&mut out, "place", &a.place);
    push_opt(&mut out, "meeting_type", &a.meeting_type);
    push_opt(&mut out, "family", &a.family);
    push_list(&mut out, "proposer", &a.proposer, ";");
    push_list(&mut out, "islands", &a.islands, ";");
    push_list(&mut out, "conditions", &a.conditions, "; ");
    push_opt(&mut out, "arrangement", &a.arrangement);
    push_list(&mut out, "aliases", &a.aliases, "; ");
    push_opt(&mut out, "source", &a.source);
    push_opt(&mut out, "title", &a.title);
    push_evidence(&mut out, n.docs(), &n.evidence, n.evidence_count());
    for (k, v) in &a.extra {
        if !NODE_FIELDS.contains(&k.as_str()) && k != "label" && k != "id" {
            out.push((k.clone(), v.clone()));
        }
    }
    out
}

/// The period an edge belongs to: its own dates, else those of its dated end
/// (a meeting or proposal; documents do not date an edge).
pub fn edge_dates(e: &Edge, graph: &Graph) -> (Option<PartialDate>, Option<PartialDate>) {
    match e.start {
        Some(s) => (Some(s), e.end),
        None => [&e.target, &e.source]
            .iter()
            .filter_map(|id| graph.node(id))
            .find(|n| n.attrs.start.is_some() && n.kind != NodeKind::Document)
            .map(|n| (n.attrs.start, n.attrs.end))
            .unwrap_or((None, None)),
    }
}

/// Every set field of an edge (source, target and id excluded).
pub fn edge_fields(e: &Edge, graph: &Graph) -> Vec<Field> {
    let mut out = vec![text("relation", e.relation.as_str()), ("weight".into(), AttrValue::Float(e.weight()))];
    push_opt(&mut out, "rule", &e.rule);
    let (start, end) = edge_dates(e, graph);
    push_opt(&mut out, "start", &start);
    push_opt(&mut out, "end", &end);
    push_evidence(&mut out, e.docs(), &e.evidence, e.evidence_count());
    out
}

/// The columns needed for these rows: built-in names in `order`, then the rest
/// sorted by name; each typed by the join of its values.
pub fn columns<'a>(order: &[&str], rows: impl IntoIterator<Item = &'a Vec<Field>>) -> Vec<Column> {
    let mut types = ColumnTypes::default();
    for row in rows {
        types.add(row);
    }
    types.columns(order)
}

/// The column types of rows seen one at a time, so that a format can declare
/// its columns before streaming rows it never holds all at once.
///
/// # Complexity
/// O(fields · log columns) per row; memory O(columns).
#[derive(Clone, Debug, Default)]
pub struct ColumnTypes {
    types: BTreeMap<String, Ty>,
    /// Integer columns with a value outside the 32-bit range.
    wide: BTreeSet<String>,
}

impl ColumnTypes {
    /// Fold one row's fields into the column types.
    pub fn add(&mut self, row: &[Field]) {
        for (k, v) in row {
            let t = Ty::of(v);
            match self.types.get_mut(k.as_str()) {
                Some(cur) => *cur = cur.join(t),
                None => {
                    self.types.insert(k.clone(), t);
                }
            }
            if matches!(v, AttrValue::Int(i) if i32::try_from(*i).is_err()) && !self.wide.contains(k.as_str()) {
                self.wide.insert(k.clone());
            }
        }
    }

    /// The columns seen: built-in names in `order`, then the rest sorted by
    /// name; each typed by the join of its values.
    pub fn columns(&self, order: &[&str]) -> Vec<Column> {
        let rank = |name: &str| order.iter().position(|o| *o == name).unwrap_or(order.len());
        let mut cols: Vec<Column> = self.types.iter().map(|(name, &ty)| Column { name: name.clone(), ty }).collect();
        cols.sort_by(|a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
        cols
    }

    /// Whether column `name` holds an integer that does not fit in 32 bits.
    pub fn is_wide(&self, name: &str) -> bool {
        self.wide.contains(name)
    }

    /// Both sets of columns in one (the join of each column's types).
    pub fn merge(mut self, other: ColumnTypes) -> ColumnTypes {
        for (k, t) in other.types {
            let cur = self.types.entry(k).or_insert(t);
            *cur = cur.join(t);
        }
        self.wide.extend(other.wide);
        self
    }
}

/// The column types of the rows of `items` (`row` builds one item's fields),
/// computed on all cores; the result does not depend on the thread count.
///
/// # Complexity
/// O(Σ row cost / threads); memory O(columns · threads).
pub fn column_types<T: Sync>(items: &[T], row: impl Fn(&T) -> Vec<Field> + Sync) -> ColumnTypes {
    use rayon::prelude::*;
    items
        .par_iter()
        .fold(ColumnTypes::default, |mut t, x| {
            t.add(&row(x));
            t
        })
        .reduce(ColumnTypes::default, ColumnTypes::merge)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Relation;

    #[test]
    fn column_types_join_and_order_is_fixed() {
        let rows = vec![
            vec![text("kind", "person"), ("score".into(), AttrValue::Int(3)), ("alpha".into(), AttrValue::Int(1))],
            vec![text("kind", "state"), ("score".into(), AttrValue::Float(0.5)), text("country", "JP")],
            vec![("alpha".into(), AttrValue::Text("x".into()))],
        ];
        let cols = columns(NODE_FIELDS, &rows);
        let got: Vec<(&str, Ty)> = cols.iter().map(|c| (c.name.as_str(), c.ty)).collect();
        assert_eq!(got, vec![("kind", Ty::Str), ("country", Ty::Str), ("alpha", Ty::Str), ("score", Ty::Double)]);
    }

    #[test]
    fn edges_are_dated_by_their_dated_end_but_not_by_documents() {
        let mut g = Graph::new();
        g.upsert_node(Node::new("p", NodeKind::Person, "P"));
        let mut m = Node::new("m", NodeKind::Meeting, "M");
        m.attrs.start = Some("1991-04".parse().unwrap());
        g.upsert_node(m);
        let mut d = Node::new("d", NodeKind::Document, "D");
        d.attrs.start = Some("1991-05-01".parse().unwrap());
        g.upsert_node(d);
        let to_m = Edge::new("p", "m", Relation::ParticipatedIn);
        let to_d = Edge::new("p", "d", Relation::MentionedIn);
        assert_eq!(edge_dates(&to_m, &g).0.map(|d| d.to_string()).as_deref(), Some("1991-04"));
        assert_eq!(edge_dates(&to_d, &g), (None, None));
        let f = edge_fields(&to_m, &g);
        assert!(f.contains(&("weight".into(), AttrValue::Float(1.0))));
        assert!(f.contains(&("evidence_count".into(), AttrValue::Int(0))));
    }

    #[test]
    fn extras_never_shadow_builtins() {
        let mut n = Node::new("x", NodeKind::Person, "X");
        n.attrs.extra.insert("kind".into(), AttrValue::Int(1));
        n.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.25));
        let f = node_fields(&n);
        assert_eq!(f.iter().filter(|(k, _)| k == "kind").count(), 1);
        assert_eq!(f.last(), Some(&("pagerank".to_string(), AttrValue::Float(0.25))));
    }
}
