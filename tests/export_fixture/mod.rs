//! A rich synthetic graph for the export tests: every node kind and relation,
//! dates of every precision, evidence, typed extras, parallel edges and names
//! that break naive escaping. Also the facts a client must read back.

#![allow(dead_code)]

use kurilnet::date::PartialDate;
use kurilnet::graph::{AttrValue, Edge, Evidence, Graph, Node, NodeKind, Relation};
use serde_json::{Value, json};

pub const NASTY: &[&str] = &[
    "Eduard \"Шеварднадзе\"",
    "Kōno Tarō 🎌",
    r"back\slash \n not a newline",
    "two\nlines\r\nand a CR",
    "<b>markup</b> & 'apostrophe'",
    "=HYPERLINK(\"http://x\")",
    "-1 + 2",
    "@ all",
    "\ttab first",
    "  spaced  ",
];

fn d(s: &str) -> Option<PartialDate> {
    Some(s.parse().expect("valid date"))
}

fn ev(doc: &str, i: usize) -> Evidence {
    Evidence {
        doc: doc.into(),
        sentence: i,
        start: i * 7,
        end: i * 7 + 5,
        text: format!("Sentence {i} of {doc}: \"quoted\" \\ <tag>").into(),
    }
}

fn node(id: &str, kind: NodeKind, label: &str) -> Node {
    let mut n = Node::new(id, kind, label);
    n.evidence = vec![ev("doc-1", id.len() % 5), ev("doc-2", 1)];
    n
}

/// The graph. Persons carry the nasty names.
pub fn rich_graph() -> Graph {
    let mut g = Graph::new();
    g.meta.documents = 2;
    for (i, name) in NASTY.iter().enumerate() {
        let mut p = node(&format!("person-{i}"), NodeKind::Person, name);
        p.attrs.country = Some(if i % 2 == 0 { "JP" } else { "SU" }.into());
        p.attrs.role = Some(format!("role \"{i}\""));
        p.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.03125 * (i + 1) as f64));
        p.attrs.extra.insert("degree".into(), AttrValue::Int(i as i64 - 2));
        p.attrs.extra.insert("community".into(), AttrValue::Text(format!("=c{i}")));
        g.upsert_node(p);
    }
    let mut jp = node("japan", NodeKind::State, "Japan");
    jp.attrs.country = Some("JP".into());
    g.upsert_node(jp);
    let mut su = node("ussr", NodeKind::State, "Soviet Union");
    su.attrs.country = Some("SU".into());
    su.attrs.start = d("1922-12-30");
    su.attrs.end = d("1991-12-26");
    g.upsert_node(su);
    g.upsert_node(node("un", NodeKind::Organization, "United Nations"));
    let mut m1 = node("m-1956-10-19-moscow", NodeKind::Meeting, "Moscow talks");
    m1.attrs.start = d("1956-10-19");
    m1.attrs.place = Some("Moscow".into());
    m1.attrs.meeting_type = Some("talks".into());
    m1.attrs.status = Some("held".into());
    g.upsert_node(m1);
    let mut m2 = node("m-1991-04-tokyo", NodeKind::Meeting, "Tokyo summit");
    m2.attrs.start = d("1991-04");
    m2.attrs.islands = vec!["etorofu".into(), "shikotan".into()];
    g.upsert_node(m2);
    let mut m3 = node("m-2000-09-03-tokyo", NodeKind::Meeting, "Putin–Mori \"summit\"");
    m3.attrs.start = d("2000-09-03");
    m3.attrs.end = d("2000-09-05");
    g.upsert_node(m3);
    let mut p1 = node("p-1956-two-island", NodeKind::Proposal, "Two-island transfer");
    p1.attrs.start = d("1956");
    p1.attrs.family = Some("two-island".into());
    p1.attrs.proposer = vec!["SU".into()];
    p1.attrs.conditions = vec!["after a peace treaty".into(), "=no formula".into()];
    p1.attrs.arrangement = Some("sovereignty".into());
    g.upsert_node(p1);
    let mut p2 = node("p-2001-parallel", NodeKind::Proposal, "Parallel talks");
    p2.attrs.start = d("2001-03");
    p2.attrs.family = Some("parallel".into());
    p2.attrs.aliases = vec!["two-track".into(), "Irkutsk formula".into()];
    g.upsert_node(p2);
    g.upsert_node(node("moscow", NodeKind::Place, "Moscow"));
    g.upsert_node(node("shikotan", NodeKind::Island, "Shikotan"));
    let mut doc = node("doc-1", NodeKind::Document, "Kyodo, 19 Oct 1956");
    doc.attrs.source = Some("Kyodo".into());
    doc.attrs.title = Some("Joint declaration <signed>".into());
    doc.attrs.start = d("1956-10-20");
    g.upsert_node(doc);

    let mut add = |s: &str, t: &str, r: Relation, weight: Option<f64>, rule: Option<&str>| {
        let mut e = Edge::new(s, t, r);
        e.weight = weight;
        e.rule = rule.map(str::to_string);
        e.evidence = vec![ev("doc-1", 3), ev("doc-2", 4), ev("doc-2", 5)];
        g.upsert_edge(e).expect("both ends exist");
    };
    add("person-0", "m-1956-10-19-moscow", Relation::ParticipatedIn, None, None);
    add("person-1", "m-1991-04-tokyo", Relation::ParticipatedIn, Some(2.5), None);
    add("person-2", "m-2000-09-03-tokyo", Relation::ParticipatedIn, None, None);
    add("person-0", "ussr", Relation::Represents, None, None);
    add("person-1", "japan", Relation::Represents, Some(1.0), None);
    add("ussr", "p-1956-two-island", Relation::Proposed, None, None);
    add("japan", "p-1956-two-island", Relation::Rejected, Some(0.5), None);
    add("p-2001-parallel", "p-1956-two-island", Relation::DerivedFrom, None, Some("family-chain"));
    add("m-1956-10-19-moscow", "moscow", Relation::HeldIn, None, None);
    add("p-1956-two-island", "shikotan", Relation::Concerns, None, None);
    add("person-0", "doc-1", Relation::MentionedIn, None, None);
    add("m-1956-10-19-moscow", "doc-1", Relation::MentionedIn, None, None);
    add("p-2001-parallel", "m-2000-09-03-tokyo", Relation::DiscussedAt, None, None);
    add("person-3", "person-4", Relation::CoAttended, Some(3.0), Some("co-attendance"));
    add("un", "m-1991-04-tokyo", Relation::ParticipatedIn, None, None);
    // Parallel edges of two relations between one pair.
    add("person-1", "m-1991-04-tokyo", Relation::MentionedIn, None, None);
    g
}

/// What every client must read back, computed from the graph itself.
pub fn expected(g: &Graph) -> Value {
    let nodes: serde_json::Map<String, Value> = g
        .nodes()
        .into_iter()
        .map(|n| {
            let mut o = json!({"label": n.label, "kind": n.kind.as_str(), "evidence_count": n.evidence.len()});
            if let Some(s) = n.attrs.start {
                o["start"] = json!(s.to_string());
            }
            if let Some(AttrValue::Float(x)) = n.attrs.extra.get("pagerank") {
                o["pagerank"] = json!(x);
            }
            if let Some(AttrValue::Int(i)) = n.attrs.extra.get("degree") {
                o["degree"] = json!(i);
            }
            if let (Some(s), true) = (n.attrs.start, n.kind != NodeKind::Document) {
                o["spell"] = json!(day_span(s, n.attrs.end));
            }
            (n.id.clone(), o)
        })
        .collect();
    let edges: Vec<Value> = g
        .edges()
        .into_iter()
        .map(|e| {
            let mut o = json!({"source": e.source, "target": e.target, "relation": e.relation.as_str(),
                   "weight": e.weight(), "evidence_count": e.evidence.len()});
            // An edge lives when its dated end (meeting, proposal, …; not a document) does.
            let dated = [&e.target, &e.source]
                .into_iter()
                .filter_map(|id| g.node(id))
                .find(|n| n.kind != NodeKind::Document && n.attrs.start.is_some());
            if let Some(n) = dated {
                o["spell"] = json!(day_span(n.attrs.start.unwrap(), n.attrs.end));
            }
            o
        })
        .collect();
    json!({"nodes": nodes, "edges": edges, "documents": g.meta.documents})
}

/// First and last day covered, ISO formatted.
fn day_span(s: PartialDate, e: Option<PartialDate>) -> [String; 2] {
    let f = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    [f(s.first_day()), f(e.unwrap_or(s).last_day())]
}
