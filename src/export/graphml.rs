//! GraphML (`graph.graphml`) for networkx, igraph, yEd and Cytoscape: every
//! node and edge field as a typed `<key>` (`int`, `double`, `string`), so
//! readers get numbers as numbers. Key ids (`d0`, `d1`, …) follow a fixed
//! column order. It writes no layout or visual attributes.

use std::collections::HashMap;

use super::fields::{self, Column, Field, Ty};
use super::xml::Xml;
use super::{Exporter, OutputFile, Sink};
use crate::graph::{AttrValue, Graph, Node};
use std::io::Write;

/// The GraphML exporter.
pub struct GraphMl;

impl Exporter for GraphMl {
    fn name(&self) -> &'static str {
        "graphml"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.graphml", to_graphml(graph)?)])
    }

    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        Some(sink.stream_file("graph.graphml", &mut |w| write_graphml(graph, w)))
    }
}

fn type_name(t: Ty) -> &'static str {
    match t {
        Ty::Int => "int",
        Ty::Double => "double",
        Ty::Str => "string",
    }
}

/// A key declared for one domain (`graph`, `node`, `edge`).
struct Key {
    id: String,
    domain: &'static str,
    col: Column,
}

fn declare(keys: &mut Vec<Key>, domain: &'static str, cols: Vec<Column>) {
    for col in cols {
        keys.push(Key { id: format!("d{}", keys.len()), domain, col });
    }
}

/// Key ids by (domain, attribute name), built once: every row of every node and edge looks its fields up.
type KeyIds<'a> = HashMap<(&'a str, &'a str), &'a str>;

fn key_ids(keys: &[Key]) -> KeyIds<'_> {
    keys.iter().map(|k| ((k.domain, k.col.name.as_str()), k.id.as_str())).collect()
}

fn write_data<W: Write>(x: &mut Xml<W>, ids: &KeyIds<'_>, domain: &str, row: &[Field]) -> std::io::Result<()> {
    // Rows follow column order already; look keys up by name within the domain.
    for (name, v) in row {
        let id = ids.get(&(domain, name.as_str())).expect("every field of a row is declared");
        x.text("data", &[("key", id)], &v.to_string())?;
    }
    Ok(())
}

/// Render a graph as GraphML text (UTF-8, deterministic).
///
/// Nodes carry `label` and every field of [`fields::node_fields`] that is set
/// (`Attrs.extra` included, typed by its values); edges carry `relation`,
/// `weight` (double), `rule`, dates, `docs`, `evidence_count` (int) and `evidence`.
///
/// ```
/// use kurilnet::graph::{Graph, Node, NodeKind};
/// let mut g = Graph::new();
/// g.upsert_node(Node::new("taro-kono", NodeKind::Person, "Taro Kōno"));
/// let xml = kurilnet::export::graphml::to_graphml(&g).unwrap();
/// assert!(xml.contains(r#"attr.name="label" attr.type="string""#));
/// assert!(xml.contains("Taro Kōno"));
/// ```
pub fn to_graphml(graph: &Graph) -> anyhow::Result<String> {
    let mut buf = Vec::new();
    write_graphml(graph, &mut buf)?;
    Ok(String::from_utf8(buf).expect("written from str"))
}

/// A node's GraphML fields: its label, then [`fields::node_fields`].
fn node_row(n: &&Node) -> Vec<Field> {
    let mut row = vec![("label".to_string(), AttrValue::Text(n.label.clone()))];
    row.extend(fields::node_fields(n));
    row
}

/// Write GraphML to `w` as a stream: the bytes of [`to_graphml`], one node or
/// edge rendered at a time (the column types are gathered in a first pass), so
/// memory stays that of the graph.
///
/// # Complexity
/// O(|V| + |E| + evidence), two passes (the column pass on all cores).
pub fn write_graphml(graph: &Graph, w: &mut dyn Write) -> anyhow::Result<()> {
    let nodes = graph.nodes();
    let edges = graph.edges();
    let edge_row = |e: &&crate::graph::Edge| fields::edge_fields(e, graph);
    let graph_row: Vec<Field> = vec![("documents".into(), AttrValue::Int(graph.meta.documents as i64))];

    let mut keys = Vec::new();
    declare(&mut keys, "graph", fields::columns(&[], [&graph_row]));
    let node_order: Vec<&str> = std::iter::once("label").chain(fields::NODE_FIELDS.iter().copied()).collect();
    declare(&mut keys, "node", fields::column_types(&nodes, node_row).columns(&node_order));
    declare(&mut keys, "edge", fields::column_types(&edges, edge_row).columns(fields::EDGE_FIELDS));

    let mut x = Xml::to_writer(w)?;
    x.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    for k in &keys {
        x.empty(
            "key",
            &[("id", &k.id), ("for", k.domain), ("attr.name", &k.col.name), ("attr.type", type_name(k.col.ty))],
        )?;
    }
    x.open("graph", &[("id", "kurilnet"), ("edgedefault", "directed")])?;
    let ids = key_ids(&keys);
    write_data(&mut x, &ids, "graph", &graph_row)?;
    for n in &nodes {
        x.open("node", &[("id", &n.id)])?;
        write_data(&mut x, &ids, "node", &node_row(n))?;
        x.close("node")?;
    }
    for e in &edges {
        x.open("edge", &[("id", &e.id()), ("source", &e.source), ("target", &e.target)])?;
        write_data(&mut x, &ids, "edge", &edge_row(e))?;
        x.close("edge")?;
    }
    x.close("graph")?;
    x.close("graphml")?;
    x.end()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node, NodeKind, Relation};

    #[test]
    fn keys_are_typed_and_values_escaped() {
        let mut g = Graph::new();
        let mut p = Node::new("a", NodeKind::Person, "Eduard \"Шеварднадзе\" <&>\nline2");
        p.attrs.extra.insert("pagerank".into(), AttrValue::Float(0.5));
        p.attrs.extra.insert("degree".into(), AttrValue::Int(2));
        g.upsert_node(p);
        g.upsert_node(Node::new("b", NodeKind::State, "USSR"));
        g.upsert_edge(Edge::new("a", "b", Relation::Represents)).unwrap();
        let s = to_graphml(&g).unwrap();
        for decl in [
            r#"for="node" attr.name="pagerank" attr.type="double""#,
            r#"for="node" attr.name="degree" attr.type="int""#,
            r#"for="edge" attr.name="weight" attr.type="double""#,
            r#"for="edge" attr.name="evidence_count" attr.type="int""#,
            r#"for="graph" attr.name="documents" attr.type="int""#,
        ] {
            assert!(s.contains(decl), "missing {decl} in\n{s}");
        }
        assert!(s.contains("Eduard &quot;Шеварднадзе&quot; &lt;&amp;&gt;\nline2"), "{s}");
        assert_eq!(s, to_graphml(&g).unwrap(), "deterministic");
    }
}
