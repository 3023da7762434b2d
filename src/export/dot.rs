//! Graphviz DOT (`graph.dot`): the graph as a readable diagram, node shape
//! and colour by kind, edge style by relation, and a legend. The AST is built
//! with graphviz-rust's `dot_structures` and printed by its printer; every id
//! and label is quoted and escaped here. Document nodes and `mentioned_in`
//! edges are left out by default; all data formats keep them.

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::{Exporter, OutputFile};
use crate::graph::{Graph, Node, NodeKind, Relation};

/// The DOT exporter.
#[derive(Clone, Copy, Debug, Default)]
pub struct Dot {
    /// Also draw document nodes and `mentioned_in` edges (cluttered; off by default).
    pub documents: bool,
}

impl Exporter for Dot {
    fn name(&self) -> &'static str {
        "dot"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.dot", to_dot(graph, self.documents))])
    }
}

/// Longest piece of one DOT string literal; Graphviz's scanner rejects a
/// quoted string longer than 16384 bytes, so longer text is written as
/// `"piece" + "piece"`, which DOT concatenates.
const MAX_PIECE: usize = 8192;

/// A DOT double-quoted string holding `s`: backslashes and quotes escaped,
/// line breaks as `\n` / `\r` (Graphviz draws them as line breaks). Other
/// control characters, which Graphviz cannot read (a NUL ends its string),
/// become U+FFFD; text longer than 8192 bytes is split into pieces joined by `+`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut piece = 0;
    for c in s.chars() {
        let esc: &str = match c {
            '\\' => "\\\\",
            '"' => "\\\"",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\t",
            // Graphviz copies labels into SVG, which is XML: no XML-forbidden character may pass.
            c if c.is_control() || super::xml::xml_forbidden(c) => "\u{FFFD}",
            _ => "",
        };
        let len = if esc.is_empty() { c.len_utf8() } else { esc.len() };
        if piece + len > MAX_PIECE {
            out.push_str("\" + \"");
            piece = 0;
        }
        piece += len;
        if esc.is_empty() {
            out.push(c);
        } else {
            out.push_str(esc);
        }
    }
    out.push('"');
    out
}

/// Inverse of [`quote`] (for a quoted id as graphviz-rust's parser returns it);
/// replaced control characters stay U+FFFD.
pub fn unquote(q: &str) -> String {
    let inner = q.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(q);
    let mut out = String::with_capacity(inner.len());
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c == '"' {
            // An unescaped quote inside is the `" + "` joining two pieces.
            it.by_ref().take(4).for_each(drop);
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(o) => out.push(o),
            None => out.push('\\'),
        }
    }
    out
}

/// Shape and fill colour of a kind (ColorBrewer Set3, readable with black text).
pub fn kind_style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#8dd3c7"),
        NodeKind::State => ("box", "#fb8072"),
        NodeKind::Organization => ("component", "#bebada"),
        NodeKind::Meeting => ("hexagon", "#ffffb3"),
        NodeKind::Proposal => ("note", "#80b1d3"),
        NodeKind::Place => ("house", "#fdb462"),
        NodeKind::Island => ("invtriangle", "#b3de69"),
        NodeKind::Document => ("folder", "#d9d9d9"),
    }
}

/// Colour, line style and arrowhead of a relation.
pub fn relation_style(r: Relation) -> (&'static str, &'static str, &'static str) {
    match r {
        Relation::ParticipatedIn => ("#555555", "solid", "normal"),
        Relation::Represents => ("#e31a1c", "dashed", "empty"),
        Relation::Proposed => ("#33a02c", "bold", "normal"),
        Relation::Rejected => ("#e31a1c", "bold", "tee"),
        Relation::DerivedFrom => ("#6a3d9a", "dotted", "normal"),
        Relation::HeldIn => ("#b15928", "solid", "dot"),
        Relation::Concerns => ("#1f78b4", "dashed", "normal"),
        Relation::MentionedIn => ("#999999", "dotted", "normal"),
        Relation::DiscussedAt => ("#ff7f00", "solid", "normal"),
        Relation::CoAttended => ("#999999", "solid", "none"),
        Relation::MetSide => ("#999999", "dashed", "none"),
        Relation::ProposalExchange => ("#33a02c", "dashed", "none"),
    }
}

/// The label drawn for a node: meetings with their dates, proposals with family and year.
pub fn display_label(n: &Node) -> String {
    let a = &n.attrs;
    let when = match (a.start, a.end) {
        (Some(s), Some(e)) if e != s => Some(format!("{s} – {e}")),
        (Some(s), _) => Some(s.to_string()),
        _ => None,
    };
    match n.kind {
        NodeKind::Meeting => match when {
            Some(w) => format!("{}\n{w}", n.label),
            None => n.label.clone(),
        },
        NodeKind::Proposal => {
            let year = a.start.map(|d| d.year.to_string());
            let parts: Vec<String> = a.family.iter().cloned().chain(year).collect();
            if parts.is_empty() { n.label.clone() } else { format!("{}\n{}", n.label, parts.join(", ")) }
        }
        _ => n.label.clone(),
    }
}

fn q(s: &str) -> Id {
    Id::Escaped(quote(s))
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), q(v))
}

fn node_stmt(id: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode::new(NodeId(q(id), None), attrs))
}

fn edge_stmt(a: &str, b: &str, attrs: Vec<Attribute>) -> Stmt {
    let ty = EdgeTy::Pair(Vertex::N(NodeId(q(a), None)), Vertex::N(NodeId(q(b), None)));
    Stmt::Edge(DotEdge { ty, attributes: attrs })
}

fn kind_attrs(kind: NodeKind) -> Vec<Attribute> {
    let (shape, fill) = kind_style(kind);
    vec![attr("shape", shape), attr("fillcolor", fill)]
}

fn relation_attrs(r: Relation) -> Vec<Attribute> {
    let (color, style, head) = relation_style(r);
    vec![attr("color", color), attr("style", style), attr("arrowhead", head)]
}

/// The legend: one sample node per kind drawn and one sample edge per relation drawn.
fn legend(kinds: &[NodeKind], relations: &[Relation]) -> Stmt {
    let mut stmts = vec![Stmt::Attribute(attr("label", "Legend")), Stmt::Attribute(attr("style", "rounded"))];
    for &k in kinds {
        let mut a = kind_attrs(k);
        a.push(attr("label", k.as_str()));
        stmts.push(node_stmt(&format!("legend: {k}"), a));
    }
    for &r in relations {
        let (from, to) = (format!("legend: {r}"), format!("legend: {r} →"));
        stmts.push(node_stmt(
            &from,
            vec![attr("shape", "plaintext"), attr("style", "solid"), attr("label", r.as_str())],
        ));
        stmts.push(node_stmt(&to, vec![attr("shape", "point"), attr("width", "0.05")]));
        stmts.push(edge_stmt(&from, &to, relation_attrs(r)));
    }
    Stmt::Subgraph(Subgraph { id: Id::Plain("cluster_legend".into()), stmts })
}

/// Render a graph as DOT text (deterministic). With `documents` false,
/// document nodes and `mentioned_in` edges are left out (said in a comment atop the file).
pub fn to_dot(graph: &Graph, documents: bool) -> String {
    let keep_node = |n: &Node| documents || n.kind != NodeKind::Document;
    let nodes: Vec<&Node> = graph.nodes().into_iter().filter(|n| keep_node(n)).collect();
    let edges: Vec<_> = graph
        .edges()
        .into_iter()
        .filter(|e| documents || e.relation != Relation::MentionedIn)
        .filter(|e| [&e.source, &e.target].iter().all(|id| graph.node(id).is_some_and(keep_node)))
        .collect();

    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("charset", "UTF-8"),
            attr("label", "kurilnet: actors, meetings and proposals"),
            attr("labelloc", "t"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("style", "filled")])),
    ];
    let mut kinds: Vec<NodeKind> = nodes.iter().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut relations: Vec<Relation> = edges.iter().map(|e| e.relation).collect();
    relations.sort();
    relations.dedup();
    stmts.push(legend(&kinds, &relations));
    for n in &nodes {
        let mut a = kind_attrs(n.kind);
        a.push(attr("label", &display_label(n)));
        a.push(attr("tooltip", &format!("{} ({})", n.id, n.kind)));
        stmts.push(node_stmt(&n.id, a));
    }
    for e in &edges {
        let mut a = relation_attrs(e.relation);
        a.push(attr("tooltip", e.relation.as_str()));
        stmts.push(edge_stmt(&e.source, &e.target, a));
    }
    let g = DotGraph::DiGraph { id: q("kurilnet"), strict: false, stmts };
    let mut text = String::new();
    if !documents {
        text.push_str(
            "// kurilnet graph.dot. Document nodes and mentioned_in edges are left out to keep\n\
             // the diagram readable; graph.json, graph.graphml and graph.gexf keep them.\n",
        );
    }
    text.push_str(&g.print(&mut PrinterContext::default()));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;

    macro_rules! quoting {
        ($($name:ident: $raw:expr => $quoted:expr,)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(quote($raw), $quoted);
                assert_eq!(unquote(&quote($raw)), $raw);
            }
        )*};
    }

    quoting! {
        plain: "Taro Kono" => "\"Taro Kono\"",
        quotes: "say \"no\"" => r#""say \"no\"""#,
        backslash: r"a\b" => r#""a\\b""#,
        newline: "a\nb\r" => r#""a\nb\r""#,
        non_ascii: "Шеварднадзе 🎌" => "\"Шеварднадзе 🎌\"",
        markup: "<b>&</b>" => "\"<b>&</b>\"",
        tab: "a\tb" => "\"a\tb\"",
    }

    #[test]
    fn control_characters_become_replacement_characters() {
        assert_eq!(quote("a\0b\u{1b}c\u{7f}"), "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}\"");
        assert_eq!(unquote(&quote("a\0b")), "a\u{FFFD}b");
    }

    #[test]
    fn long_text_is_split_into_pieces_graphviz_can_scan() {
        let long = format!("{}\"é{}", "x".repeat(MAX_PIECE - 1), "y".repeat(3 * MAX_PIECE));
        let q = quote(&long);
        let pieces: Vec<&str> = q.split("\" + \"").collect();
        assert_eq!(pieces.len(), 5, "one piece per {MAX_PIECE} bytes");
        assert!(pieces.iter().all(|p| p.len() <= MAX_PIECE + 1), "every piece within the limit");
        assert!(!pieces[0].ends_with('\\'), "an escape is never cut in two");
        assert!(unquote(&q) == long, "the pieces join back to the text");
        assert_eq!(quote("short"), "\"short\"", "short text is one piece");
    }

    #[test]
    fn documents_are_left_out_by_default_and_the_result_parses() {
        let mut g = Graph::new();
        let mut m = Node::new("m", NodeKind::Meeting, "Tokyo \"summit\"");
        m.attrs.start = Some("1991-04-16".parse().unwrap());
        g.upsert_node(m);
        g.upsert_node(Node::new("p", NodeKind::Person, "Gorbachev"));
        g.upsert_node(Node::new("d", NodeKind::Document, "doc"));
        g.upsert_edge(Edge::new("p", "m", Relation::ParticipatedIn)).unwrap();
        g.upsert_edge(Edge::new("p", "d", Relation::MentionedIn)).unwrap();
        let dot = to_dot(&g, false);
        assert!(dot.starts_with("// kurilnet graph.dot. Document nodes"));
        assert!(!dot.contains("\"d\""), "{dot}");
        assert!(dot.contains(r#"label="Tokyo \"summit\"\n1991-04-16""#), "{dot}");
        graphviz_rust::parse(&dot).unwrap();
        assert!(to_dot(&g, true).contains("\"d\""));
    }
}
