//! Property test: random names (quotes, line breaks, markup, emoji,
//! backslashes, leading `=`) go through every exporter and are parsed back
//! with a real parser of each format; ids and labels must survive exactly
//! (CSV after `uncell`, the documented inverse of its neutralisation).

use std::collections::BTreeMap;

use kurilnet::export::csv::{nodes_csv, uncell};
use kurilnet::export::{dot, gexf, graphml, nodelink};
use kurilnet::graph::{Edge, Graph, Node, NodeKind, Relation};
use proptest::prelude::*;
use quick_xml::events::Event;

type Labels = BTreeMap<String, String>;

fn graph(names: &[String]) -> (Graph, Labels) {
    let mut g = Graph::new();
    let mut want = Labels::new();
    for (i, name) in names.iter().enumerate() {
        // Ids are as nasty as labels (made unique by a prefix).
        let id = format!("{i}{name}");
        g.upsert_node(Node::new(&id, NodeKind::Person, name));
        want.insert(id, name.clone());
    }
    let ids: Vec<String> = want.keys().cloned().collect();
    for w in ids.windows(2) {
        g.upsert_edge(Edge::new(&w[0], &w[1], Relation::CoAttended)).unwrap();
    }
    (g, want)
}

/// An XML element: name, attributes (as a conforming parser normalises them), text.
#[derive(Debug, Default)]
struct Elem {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    parent: Option<usize>,
}

fn elem(e: &quick_xml::events::BytesStart, parent: Option<usize>) -> Elem {
    let mut el = Elem { name: e.name().as_ref().to_string(), parent, ..Elem::default() };
    for a in e.attributes() {
        let a = a.unwrap();
        let v = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned();
        el.attrs.insert(a.key.as_ref().to_string(), v);
    }
    el
}

fn parse_xml(s: &str) -> Vec<Elem> {
    let mut r = quick_xml::Reader::from_str(s);
    let (mut out, mut stack): (Vec<Elem>, Vec<usize>) = (Vec::new(), Vec::new());
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                out.push(elem(&e, stack.last().copied()));
                stack.push(out.len() - 1);
            }
            Event::Empty(e) => out.push(elem(&e, stack.last().copied())),
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                if let Some(&i) = stack.last() {
                    out[i].text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&g.xml10_content()).unwrap().to_string(),
                };
                if let Some(&i) = stack.last() {
                    out[i].text.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn graphml_labels(s: &str) -> Labels {
    let els = parse_xml(s);
    let label_key =
        els.iter().find(|e| e.name == "key" && e.attrs["attr.name"] == "label").unwrap().attrs["id"].clone();
    els.iter()
        .filter(|e| e.name == "data" && e.attrs["key"] == label_key)
        .map(|e| (els[e.parent.unwrap()].attrs["id"].clone(), e.text.clone()))
        .collect()
}

fn gexf_labels(s: &str) -> Labels {
    parse_xml(s)
        .into_iter()
        .filter(|e| e.name == "node")
        .map(|e| (e.attrs["id"].clone(), e.attrs["label"].clone()))
        .collect()
}

fn nodelink_labels(s: &str) -> Labels {
    let v: serde_json::Value = serde_json::from_str(s).unwrap();
    v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap().into(), n["label"].as_str().unwrap().into()))
        .collect()
}

fn csv_labels(bytes: &[u8]) -> Labels {
    let mut r = csv::Reader::from_reader(bytes);
    r.records().map(|rec| rec.unwrap()).map(|rec| (uncell(&rec[0]), uncell(&rec[1]))).collect()
}

fn dot_labels(s: &str) -> Labels {
    use graphviz_rust::dot_structures::{Graph as G, Id, Stmt};
    let G::DiGraph { stmts, .. } = graphviz_rust::parse(s).expect("DOT parses") else { panic!("not a digraph") };
    let text = |id: &Id| match id {
        Id::Escaped(q) => dot::unquote(q),
        other => panic!("unquoted id {other:?}"),
    };
    stmts
        .iter()
        .filter_map(|st| match st {
            Stmt::Node(n) => {
                let label = n.attributes.iter().find(|a| a.0 == Id::Plain("label".into())).unwrap();
                Some((text(&n.id.0), text(&label.1)))
            }
            _ => None,
        })
        .collect()
}

/// Names made of the characters that break naive escaping, or any printable text.
fn name() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z \"'\\\\<>&;#=+@\\-\n\r\tШō🎌]{0,16}", "=[a-z\"\\\\]{0,6}", "\\PC{0,10}",]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ids_and_labels_survive_every_format(names in proptest::collection::vec(name(), 1..6)) {
        let (g, want) = graph(&names);
        prop_assert_eq!(&csv_labels(&nodes_csv(&g).unwrap()), &want, "csv");
        prop_assert_eq!(&graphml_labels(&graphml::to_graphml(&g).unwrap()), &want, "graphml");
        prop_assert_eq!(&gexf_labels(&gexf::to_gexf(&g).unwrap()), &want, "gexf");
        prop_assert_eq!(&nodelink_labels(&nodelink::to_node_link(&g).unwrap()), &want, "nodelink");
        prop_assert_eq!(&dot_labels(&dot::to_dot(&g, false)), &want, "dot");
    }
}
