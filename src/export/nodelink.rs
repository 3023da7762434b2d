//! Node-link JSON (`graph.nodelink.json`) for D3, networkx and other web
//! tools: `{"directed", "multigraph", "graph", "nodes", "links"}` with typed
//! fields and full evidence records. `graph.json` stays the tool's own format;
//! this file is for other programs and is never read back by kurilnet.
//!
//! networkx ≥ 3.4 reads it with `nx.node_link_graph(data, edges="links")`.

use std::collections::BTreeSet;
use std::io::Write;

use serde::Serialize;
use serde::ser::{Error as _, SerializeSeq, Serializer};

use serde_json::{Map, Value, json};

use super::fields::{self, Field};
use super::{Exporter, OutputFile, Sink};
use crate::graph::{AttrValue, Edge, Evidence, Graph};

/// The node-link JSON exporter.
pub struct NodeLink;

impl Exporter for NodeLink {
    fn name(&self) -> &'static str {
        "nodelink"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.nodelink.json", to_node_link(graph)?)])
    }

    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        Some(sink.stream_file("graph.nodelink.json", &mut |w| write_node_link(graph, w)))
    }
}

fn value(v: &AttrValue) -> Value {
    match v {
        AttrValue::Int(i) => json!(i),
        // JSON has no NaN or infinity: those become null.
        AttrValue::Float(x) => json!(x),
        AttrValue::Text(s) => json!(s),
    }
}

/// An object of the given fields, the evidence text replaced by the full records.
fn object(head: Vec<(&str, Value)>, row: Vec<Field>, evidence: &[Evidence]) -> anyhow::Result<Value> {
    let mut m: Map<String, Value> = head.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for (k, v) in row.iter().filter(|(k, _)| k != "evidence") {
        m.insert(k.clone(), value(v));
    }
    m.insert("evidence".into(), serde_json::to_value(evidence)?);
    Ok(Value::Object(m))
}

/// Render a graph as node-link JSON (pretty, deterministic, keys sorted).
///
/// `multigraph` is true only when two nodes are joined by edges of more than
/// one relation; links then carry `key` = relation, as networkx expects.
pub fn to_node_link(graph: &Graph) -> anyhow::Result<String> {
    let mut buf = Vec::new();
    write_node_link(graph, &mut buf)?;
    Ok(String::from_utf8(buf).expect("serde_json writes UTF-8"))
}

/// Write node-link JSON to `w` as a stream: one node or link object is built
/// at a time, so memory stays that of the graph whatever its size. The bytes
/// are those of [`to_node_link`].
pub fn write_node_link(graph: &Graph, w: &mut dyn Write) -> anyhow::Result<()> {
    let edges = graph.edges();
    let mut pairs = BTreeSet::new();
    let multigraph = !edges.iter().all(|e| pairs.insert((&e.source, &e.target)));
    drop(pairs);
    // Fields in key order: the same bytes as a sorted JSON object.
    #[derive(Serialize)]
    struct Doc<'a> {
        directed: bool,
        graph: Value,
        links: Links<'a>,
        multigraph: bool,
        nodes: Nodes<'a>,
    }
    let doc = Doc {
        directed: true,
        graph: json!({"name": "kurilnet", "documents": graph.meta.documents}),
        links: Links { graph, edges: &edges, multigraph },
        multigraph,
        nodes: Nodes(graph),
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")?;
    Ok(())
}

/// The nodes, each turned into a JSON object only when it is written.
struct Nodes<'a>(&'a Graph);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let nodes = self.0.nodes();
        let mut seq = s.serialize_seq(Some(nodes.len()))?;
        for n in nodes {
            let head = vec![("id", json!(n.id)), ("label", json!(n.label))];
            seq.serialize_element(&object(head, fields::node_fields(n), &n.evidence).map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

/// The links, each turned into a JSON object only when it is written.
struct Links<'a> {
    graph: &'a Graph,
    edges: &'a [&'a Edge],
    multigraph: bool,
}

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.edges.len()))?;
        for e in self.edges {
            let mut head = vec![("source", json!(e.source)), ("target", json!(e.target)), ("id", json!(e.id()))];
            if self.multigraph {
                head.push(("key", json!(e.relation.as_str())));
            }
            let v = object(head, fields::edge_fields(e, self.graph), &e.evidence).map_err(S::Error::custom)?;
            seq.serialize_element(&v)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node, NodeKind, Relation};

    #[test]
    fn typed_fields_evidence_and_multigraph_flag() {
        let mut g = Graph::new();
        let mut p = Node::new("p", NodeKind::Person, "Kōno \"Taro\"\n🎌");
        p.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.125));
        p.evidence.push(Evidence { doc: "d".into(), sentence: 1, start: 2, end: 6, text: "Kōno met.".into() });
        g.upsert_node(p);
        g.upsert_node(Node::new("m", NodeKind::Meeting, "M"));
        g.upsert_edge(Edge::new("p", "m", Relation::ParticipatedIn)).unwrap();
        let v: Value = serde_json::from_str(&to_node_link(&g).unwrap()).unwrap();
        assert_eq!(v["multigraph"], json!(false));
        let p = v["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "p").unwrap();
        assert_eq!(p["label"], json!("Kōno \"Taro\"\n🎌"));
        assert_eq!(p["pagerank"], json!(0.125));
        assert_eq!(p["evidence_count"], json!(1));
        assert_eq!(p["evidence"][0]["text"], json!("Kōno met."));
        assert_eq!(v["links"][0]["weight"], json!(1.0));
        assert!(v["links"][0].get("key").is_none());

        g.upsert_edge(Edge::new("p", "m", Relation::MentionedIn)).unwrap();
        let v: Value = serde_json::from_str(&to_node_link(&g).unwrap()).unwrap();
        assert_eq!(v["multigraph"], json!(true));
        assert_eq!(v["links"][1]["key"], json!("mentioned_in"));
    }
}
