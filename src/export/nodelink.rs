//! Node-link JSON (`graph.nodelink.json`) for D3, networkx and other web
//! tools: `{"directed", "multigraph", "graph", "nodes", "links"}` with typed
//! fields and full evidence records. `graph.json` stays the tool's own format;
//! this file is for other programs and is never read back by kurilnet.
//!
//! networkx ≥ 3.4 reads it with `nx.node_link_graph(data, edges="links")`.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::fields::{self, Field};
use super::{Exporter, OutputFile};
use crate::graph::{AttrValue, Evidence, Graph};

/// The node-link JSON exporter.
pub struct NodeLink;

impl Exporter for NodeLink {
    fn name(&self) -> &'static str {
        "nodelink"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.nodelink.json", to_node_link(graph)?)])
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
    let edges = graph.edges();
    let mut pairs = BTreeSet::new();
    let multigraph = !edges.iter().all(|e| pairs.insert((&e.source, &e.target)));
    let nodes = graph
        .nodes()
        .into_iter()
        .map(|n| object(vec![("id", json!(n.id)), ("label", json!(n.label))], fields::node_fields(n), &n.evidence))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let links = edges
        .iter()
        .map(|e| {
            let mut head = vec![("source", json!(e.source)), ("target", json!(e.target)), ("id", json!(e.id()))];
            if multigraph {
                head.push(("key", json!(e.relation.as_str())));
            }
            object(head, fields::edge_fields(e, graph), &e.evidence)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let doc = json!({
        "directed": true,
        "multigraph": multigraph,
        "graph": {"name": "kurilnet", "documents": graph.meta.documents},
        "nodes": nodes,
        "links": links,
    });
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
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
