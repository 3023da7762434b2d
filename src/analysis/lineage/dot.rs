//! `lineage.dot`: the lineage diagram, left to right by year (one rank per
//! year), one cluster per family, cross-family links dashed; optionally two
//! paths highlighted (for `kurilnet compare`). Built with graphviz-rust's DOT
//! structures; `export::svg::render_svg` draws it when Graphviz is installed.

use std::collections::{BTreeMap, BTreeSet};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::{Entry, Lineage};
use crate::export::dot::quote;
use crate::graph::Graph;

/// Two paths to draw in colour (ids, oldest first).
#[derive(Clone, Debug, Default)]
pub struct Highlight {
    pub a: Vec<String>,
    pub b: Vec<String>,
}

/// Colours of path A, path B and the part they share.
pub const COLOR_A: &str = "#c0392b";
pub const COLOR_B: &str = "#2471a3";
pub const COLOR_BOTH: &str = "#7d3c98";

impl Highlight {
    fn color_of(&self, id: &str) -> Option<&'static str> {
        let (a, b) = (self.a.iter().any(|x| x == id), self.b.iter().any(|x| x == id));
        match (a, b) {
            (true, true) => Some(COLOR_BOTH),
            (true, false) => Some(COLOR_A),
            (false, true) => Some(COLOR_B),
            _ => None,
        }
    }

    fn on_path(path: &[String], parent: &str, child: &str) -> bool {
        path.windows(2).any(|w| w[0] == parent && w[1] == child)
    }

    fn edge_color(&self, parent: &str, child: &str) -> Option<&'static str> {
        match (Self::on_path(&self.a, parent, child), Self::on_path(&self.b, parent, child)) {
            (true, true) => Some(COLOR_BOTH),
            (true, false) => Some(COLOR_A),
            (false, true) => Some(COLOR_B),
            _ => None,
        }
    }
}

/// A quoted DOT id on one line (a line break in the text becomes a space).
fn quoted(s: &str) -> Id {
    Id::Escaped(quote(&s.replace('\n', " ")))
}

/// A label of several lines (Graphviz centres each line at `\n`).
fn lines(ls: &[String]) -> Id {
    let one_line: Vec<String> = ls.iter().map(|l| l.replace('\n', " ")).collect();
    Id::Escaped(quote(&one_line.join("\n")))
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.into()), quoted(v))
}

fn node_id(id: &str) -> NodeId {
    NodeId(quoted(id), None)
}

fn node(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode::new(node_id(id), attributes))
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge { ty: EdgeTy::Pair(Vertex::N(node_id(a)), Vertex::N(node_id(b))), attributes })
}

fn year_node(y: i32) -> String {
    format!("year-{y}")
}

fn entry_label(g: &Graph, e: &Entry) -> Vec<String> {
    let n = g.node(&e.id);
    let label = n.map(|n| n.label.as_str()).unwrap_or(&e.id);
    let mut out = vec![label.to_string()];
    if label != e.id {
        out.push(e.id.clone());
    }
    let a = n.map(|n| &n.attrs);
    let who = a.map(|a| a.proposer.join("+")).unwrap_or_default();
    let status = a.and_then(|a| a.status.clone()).unwrap_or_default();
    let date = e.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
    out.push([date, who, status].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "));
    out
}

/// Render the lineage as DOT, deterministic for a given graph.
///
/// Years run left to right on an axis of plain-text year nodes; every proposal
/// sits on the rank of its year; each family is a cluster. Links run from
/// parent to child (the reverse of `derived_from`, so time flows right);
/// links across families are dashed. With a [`Highlight`], both paths are
/// drawn in colour and every other node is greyed.
pub fn to_dot(g: &Graph, lin: &Lineage, highlight: Option<&Highlight>) -> String {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            // Without newrank, dot drops nodes in a rank=same set from their cluster (and may abort).
            attr("newrank", "true"),
            attr("rankdir", "LR"),
            attr("ranksep", "0.4"),
            attr("nodesep", "0.25"),
            attr("fontname", "Helvetica"),
            attr(
                "label",
                match highlight {
                    None => "Lineage of proposals (arrows: parent → later proposal derived from it)",
                    Some(_) => {
                        "Two proposal paths: A in red, B in blue, shared in purple (arrows: parent → later proposal)"
                    }
                },
            ),
            attr("labelloc", "t"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", "white"),
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("arrowsize", "0.7")])),
    ];
    let years: BTreeSet<i32> = lin.entries.iter().filter_map(|e| e.date.map(|d| d.year)).collect();
    let years: Vec<i32> = years.into_iter().collect();
    let mut axis = vec![Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("shape", "plaintext"),
        attr("style", "solid"),
        attr("fontsize", "12"),
    ]))];
    for y in &years {
        axis.push(node(&year_node(*y), vec![attr("label", &y.to_string())]));
    }
    for w in years.windows(2) {
        axis.push(edge(&year_node(w[0]), &year_node(w[1]), vec![attr("style", "invis")]));
    }
    stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain("years".into()), stmts: axis }));

    for (i, (fam, entries)) in lin.families().into_iter().enumerate() {
        let mut body = vec![
            Stmt::Attribute(attr("label", fam)),
            Stmt::Attribute(attr("style", "rounded")),
            Stmt::Attribute(attr("color", "gray60")),
        ];
        for e in entries {
            let mut attrs = vec![attr("label", "")];
            attrs[0] = Attribute(Id::Plain("label".into()), lines(&entry_label(g, e)));
            attrs.push(attr("tooltip", &e.id));
            if let Some(h) = highlight {
                match h.color_of(&e.id) {
                    Some(c) => {
                        attrs.push(attr("color", c));
                        attrs.push(attr("penwidth", "2.5"));
                    }
                    None => attrs.push(attr("fontcolor", "gray50")),
                }
            }
            body.push(node(&e.id, attrs));
        }
        stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("cluster_{i}")), stmts: body }));
    }

    let mut by_year: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for e in &lin.entries {
        if let Some(d) = e.date {
            by_year.entry(d.year).or_default().push(&e.id);
        }
    }
    for (y, ids) in by_year {
        let mut rank = vec![Stmt::Attribute(Attribute(Id::Plain("rank".into()), Id::Plain("same".into())))];
        rank.push(node(&year_node(y), vec![]));
        rank.extend(ids.iter().map(|id| node(id, vec![])));
        stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("rank_{y}")), stmts: rank }));
    }

    for e in &lin.entries {
        for p in e.parent.iter().chain(&e.other_parents) {
            let Some(pe) = lin.get(p) else { continue };
            let mut attrs = vec![attr("tooltip", &format!("{} derived_from {}", e.id, p))];
            if pe.family != e.family {
                attrs.push(attr("style", "dashed"));
                attrs.push(attr("color", "gray45"));
            }
            if let Some(c) = highlight.and_then(|h| h.edge_color(p, &e.id)) {
                attrs.push(attr("color", c));
                attrs.push(attr("penwidth", "2.5"));
            }
            stmts.push(edge(p, &e.id, attrs));
        }
    }
    let dot = DotGraph::DiGraph { id: Id::Plain("lineage".into()), strict: false, stmts };
    let mut s = dot.print(PrinterContext::default().with_semi());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::sample;

    #[test]
    fn dot_has_clusters_ranks_and_dashed_cross_family_links() {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        let dot = to_dot(&g, &lin, None);
        assert!(dot.starts_with("digraph lineage {"));
        assert!(dot.contains("rankdir=\"LR\""));
        assert_eq!(dot.matches("subgraph cluster_").count(), lin.families().len());
        assert!(dot.contains("subgraph rank_1991 {\n"), "{dot}");
        let cross = dot.lines().find(|l| l.contains("\"p-2016-joint-economic\" -> \"p-2019-plus-alpha\"")).unwrap();
        assert!(cross.contains("dashed"));
        let same = dot.lines().find(|l| l.contains("\"p-2018-singapore\" -> \"p-2019-plus-alpha\"")).unwrap();
        assert!(!same.contains("dashed"));
        assert_eq!(dot, to_dot(&g, &lin, None), "deterministic");
        // It parses back as DOT.
        graphviz_rust::parse(&dot).expect("valid DOT");
    }

    #[test]
    fn highlight_colours_both_paths() {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        let ids = |id: &str| lin.path(id).iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        let h = Highlight { a: ids("p-2019-plus-alpha"), b: ids("p-1993-tokyo-declaration") };
        let dot = to_dot(&g, &lin, Some(&h));
        let line = |needle: &str| dot.lines().find(|l| l.contains(needle)).unwrap().to_string();
        assert!(line("\"p-1956-joint-declaration\"[").contains(COLOR_BOTH));
        assert!(line("\"p-1960-withdrawal\"[").contains(COLOR_A));
        assert!(line("\"p-1991-four-island\"[").contains(COLOR_B));
        assert!(line("\"p-1990-lease\"[").contains("gray50"));
        assert!(line("\"p-2018-singapore\" -> \"p-2019-plus-alpha\"").contains(COLOR_A));
        assert!(dot.contains("A in red, B in blue, shared in purple"));
    }

    #[test]
    fn nasty_labels_and_undated_proposals_stay_valid_dot() {
        let mut b = crate::analysis::testkit::Builder::new();
        b.proposal("p-a", "1956", "two-island", "JP", "", "sovereignty", "agreed", "");
        b.node("p-\"odd\\id", crate::graph::NodeKind::Proposal, "say \"no\" \\ then\nnewline <b>&</b>");
        b.edge("p-\"odd\\id", "p-a", crate::graph::Relation::DerivedFrom, 1);
        let lin = Lineage::build(&b.graph).unwrap();
        let dot = to_dot(&b.graph, &lin, None);
        graphviz_rust::parse(&dot).expect("valid DOT");
        assert!(dot.contains("undated"));
        if let Some(svg) = crate::export::svg::render_svg("dot", &dot, "lineage.svg").unwrap() {
            let svg = String::from_utf8(svg).unwrap();
            assert!(svg.contains("say &quot;no&quot; \\ then newline &lt;b&gt;&amp;&lt;/b&gt;"), "{svg}");
        }
    }

    #[test]
    fn graphviz_renders_without_warnings() {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        // render_svg fails on any warning from dot.
        match crate::export::svg::render_svg("dot", &to_dot(&g, &lin, None), "lineage.svg").unwrap() {
            Some(svg) => assert!(String::from_utf8_lossy(&svg).contains("<svg")),
            None if std::env::var_os("CI").is_some() => panic!("Graphviz dot is required when CI is set"),
            None => eprintln!("skipped: Graphviz `dot` is not installed (apt-get install graphviz)"),
        }
    }
}
