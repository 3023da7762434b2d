//! Snapshot of every format on a small fixed graph (insta; files under
//! tests/snapshots). Update with `INSTA_UPDATE=always cargo test --test export_snapshots`
//! and review the diff; under `CI=true` a mismatch fails.

use kurilnet::export::Exporter;
use kurilnet::graph::{AttrValue, Edge, Evidence, Graph, Node, NodeKind, Relation};

fn small() -> Graph {
    let ev = |doc: &str, i: usize, text: &str| Evidence {
        doc: doc.into(),
        sentence: i,
        start: i * 10,
        end: i * 10 + 4,
        text: text.into(),
    };
    let mut g = Graph::new();
    g.meta.documents = 1;
    let mut kono = Node::new("taro-kono", NodeKind::Person, "Taro Kōno \"jr\" <&>");
    kono.attrs.country = Some("JP".into());
    kono.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.375));
    kono.attrs.extra.insert("degree".into(), AttrValue::Int(2));
    kono.evidence.push(ev("kyodo-2019", 0, "Kōno met Lavrov in Munich."));
    g.upsert_node(kono);
    let mut jp = Node::new("japan", NodeKind::State, "Japan");
    jp.attrs.country = Some("JP".into());
    g.upsert_node(jp);
    let mut m = Node::new("m-2019-02-16-munich", NodeKind::Meeting, "Kōno–Lavrov talks");
    m.attrs.start = Some("2019-02-16".parse().unwrap());
    m.attrs.place = Some("Munich".into());
    g.upsert_node(m);
    let mut p = Node::new("p-1956-two-island", NodeKind::Proposal, "=Two-island\\transfer");
    p.attrs.start = Some("1956".parse().unwrap());
    p.attrs.family = Some("two-island".into());
    g.upsert_node(p);
    let mut d = Node::new("kyodo-2019", NodeKind::Document, "Kyodo 2019");
    d.attrs.source = Some("Kyodo".into());
    g.upsert_node(d);
    let mut e = Edge::new("taro-kono", "m-2019-02-16-munich", Relation::ParticipatedIn);
    e.evidence.push(ev("kyodo-2019", 0, "Kōno met Lavrov in Munich."));
    g.upsert_edge(e).unwrap();
    g.upsert_edge(Edge::new("taro-kono", "japan", Relation::Represents)).unwrap();
    g.upsert_edge(Edge::new("taro-kono", "kyodo-2019", Relation::MentionedIn)).unwrap();
    let mut r = Edge::new("japan", "p-1956-two-island", Relation::Rejected);
    r.weight = Some(0.5);
    g.upsert_edge(r).unwrap();
    g
}

fn files(e: &dyn Exporter) -> Vec<(String, String)> {
    e.render(&small()).unwrap().into_iter().map(|f| (f.name, String::from_utf8(f.bytes).unwrap())).collect()
}

macro_rules! snapshots {
    ($($name:ident: $exporter:expr,)*) => {$(
        #[test]
        fn $name() {
            for (file, text) in files(&$exporter) {
                insta::assert_snapshot!(format!("{}__{}", stringify!($name), file), text);
            }
        }
    )*};
}

snapshots! {
    csv: kurilnet::export::csv::GephiCsv,
    graphml: kurilnet::export::graphml::GraphMl,
    gexf: kurilnet::export::gexf::Gexf,
    nodelink: kurilnet::export::nodelink::NodeLink,
    dot: kurilnet::export::dot::Dot::default(),
}
