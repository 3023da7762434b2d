//! Analyses of the extracted graph: centrality of actors, meetings and
//! proposals, the lineage of proposals and the comparison of two proposal
//! paths. Analyses read the graph; they never change what was extracted
//! (the pipeline copies their results onto nodes as extra attributes).

pub mod bounded;
pub mod centrality;
pub mod community;
pub mod compare;
pub mod lineage;
pub mod network;
pub mod paths;
pub mod temporal;
pub mod testkit;
pub mod twomode;

use crate::export::{OutputFile, Rendered};
use crate::graph::{AttrValue, Graph};
use centrality::{Measure, Options};
use network::Window;

/// Node attributes the main job adds from the full network, and from the actor network (persons).
const FULL_EXTRAS: [(Measure, &str); 7] = [
    (Measure::Degree, "degree"),
    (Measure::WeightedDegree, "weighted_degree"),
    (Measure::Betweenness, "betweenness"),
    (Measure::Closeness, "closeness"),
    (Measure::Harmonic, "harmonic"),
    (Measure::Eigenvector, "eigenvector"),
    (Measure::PageRank, "pagerank"),
];
const ACTOR_EXTRAS: [(Measure, &str); 3] = [
    (Measure::Degree, "actor_degree"),
    (Measure::Betweenness, "actor_betweenness"),
    (Measure::PageRank, "actor_pagerank"),
];

const TWO_MODE_EXTRAS: [(Measure, &str); 3] = [
    (Measure::DegreeCentrality, "two_mode_degree"),
    (Measure::Betweenness, "two_mode_betweenness"),
    (Measure::Closeness, "two_mode_closeness"),
];

/// Broken lineage cycles named one by one in the main job's notes; the rest are counted.
const CYCLE_NOTES: usize = 5;

/// The analysis step of the main job: compute centrality (both networks, all
/// years) and the lineage of proposals, put the main results on the nodes as
/// extra attributes (so every export carries them), and render
/// `centrality.csv`, `lineage.csv` and `lineage.dot` (for Graphviz users;
/// `lineage.svg` is drawn in Rust by `crate::diagram::lineage`). A cycle of
/// `derived_from` links is named in a note and one of its links left out.
pub fn annotate(graph: &mut Graph) -> anyhow::Result<Rendered> {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    // Shortest-path measures stay bounded on a large corpus (see `bounded`).
    let opts = Options { path_limit: Some(bounded::MAIN_JOB_PATH_LIMIT), ..Options::default() };
    let scores = centrality::analyse(graph, Window::default(), "all", opts);
    files.push(OutputFile::new(
        "centrality.csv",
        crate::timing::timed("centrality.csv", || centrality::to_csv(&scores))?,
    ));
    notes.extend(scores.iter().flat_map(|s| s.notes.iter().map(|n| format!("centrality.csv: {n}"))));
    for s in &scores {
        let extras: &[(Measure, &str)] = match s.network {
            network::NetworkKind::Full => &FULL_EXTRAS,
            network::NetworkKind::Actors => &ACTOR_EXTRAS,
            network::NetworkKind::TwoMode => &TWO_MODE_EXTRAS,
        };
        for r in &s.rows {
            let Some(n) = graph.node_mut(&r.id) else { continue };
            if let Some(c) = r.community {
                n.attrs.extra.insert("community".to_string(), AttrValue::Int(c as i64));
            }
            for &(m, key) in extras {
                let value = match r.get(m) {
                    Some(x) if m.is_count() => AttrValue::Int(x as i64),
                    Some(x) => AttrValue::Float(x),
                    None => continue,
                };
                n.attrs.extra.insert(key.to_string(), value);
            }
        }
    }
    let lin = crate::timing::timed("lineage", || lineage::Lineage::build_breaking_cycles(graph));
    notes.extend(lin.broken.iter().take(CYCLE_NOTES).map(|b| format!("lineage.csv: {b}")));
    if lin.broken.len() > CYCLE_NOTES {
        notes.push(format!(
            "lineage.csv: {} more links were left out to break cycles; `kurilnet lineage graph.json` lists every one",
            lin.broken.len() - CYCLE_NOTES
        ));
    }
    let csv = crate::timing::timed("lineage.csv", || lineage::to_csv(graph, &lin))?;
    files.push(OutputFile::new("lineage.csv", csv));
    files.push(OutputFile::new(
        "lineage.dot",
        crate::timing::timed("lineage.dot", || lineage::dot::to_dot(graph, &lin, None)),
    ));
    for e in &lin.entries {
        if let Some(n) = graph.node_mut(&e.id) {
            n.attrs.extra.insert("lineage_depth".into(), AttrValue::Int(e.depth as i64));
            n.attrs.extra.insert("lineage_root".into(), AttrValue::Text(e.root.clone()));
        }
    }
    Ok(Rendered { files, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotate_puts_results_on_nodes_and_renders_the_files() {
        let mut g = testkit::sample();
        let r = annotate(&mut g).unwrap();
        let names: Vec<&str> = r.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.starts_with(&["centrality.csv", "lineage.csv", "lineage.dot"]), "{names:?}");
        assert!(!names.contains(&"lineage.svg"), "drawn by the diagram module, without Graphviz");
        assert!(
            r.notes.contains(
                &"centrality.csv: eigenvector undefined: the network is acyclic, so it has no positive eigenvector"
                    .to_string()
            )
        );
        let p = g.node("p-2019-plus-alpha").unwrap();
        assert_eq!(p.attrs.extra["lineage_root"], AttrValue::Text("p-1956-joint-declaration".into()));
        assert_eq!(p.attrs.extra["lineage_depth"], AttrValue::Int(4));
        assert!(matches!(p.attrs.extra["pagerank"], AttrValue::Float(x) if x > 0.0));
        assert!(!p.attrs.extra.contains_key("eigenvector"), "undefined on the acyclic full network");
        let putin = g.node("vladimir-putin").unwrap();
        // Co-attendance with mori, abe, lavrov and kono, and one tie of another type.
        assert_eq!(putin.attrs.extra["actor_degree"], AttrValue::Int(5));
        assert!(matches!(putin.attrs.extra["community"], AttrValue::Int(c) if c >= 1));
        assert!(matches!(putin.attrs.extra["two_mode_degree"], AttrValue::Float(x) if x > 0.0));
        assert!(g.node("doc-a").unwrap().attrs.extra.is_empty(), "documents are not scored");
        let graphml = crate::export::graphml::to_graphml(&g).unwrap();
        for key in ["pagerank", "betweenness", "lineage_root", "lineage_depth", "actor_degree"] {
            assert!(graphml.contains(&format!(r#"attr.name="{key}""#)), "GraphML carries {key}");
        }
    }

    #[test]
    fn many_lineage_cycles_are_counted_after_the_first_few() {
        let mut g = Graph::new();
        let pairs = CYCLE_NOTES + 3;
        for i in 0..pairs {
            let (a, b) = (format!("p-a{i}"), format!("p-b{i}"));
            for id in [&a, &b] {
                g.upsert_node(crate::graph::Node::new(id.as_str(), crate::graph::NodeKind::Proposal, id.as_str()));
            }
            g.upsert_edge(crate::graph::Edge::new(&a, &b, crate::graph::Relation::DerivedFrom)).unwrap();
            g.upsert_edge(crate::graph::Edge::new(&b, &a, crate::graph::Relation::DerivedFrom)).unwrap();
        }
        let r = annotate(&mut g).unwrap();
        let named = r.notes.iter().filter(|n| n.contains("form a cycle")).count();
        assert_eq!(named, CYCLE_NOTES);
        let rest = format!("lineage.csv: {} more links were left out to break cycles", pairs - CYCLE_NOTES);
        assert!(r.notes.iter().any(|n| n.starts_with(&rest)), "{:?}", r.notes);
    }

    #[test]
    fn a_lineage_cycle_is_a_note_not_a_failure() {
        let mut g = testkit::sample();
        g.upsert_edge(crate::graph::Edge::new(
            "p-1956-joint-declaration",
            "p-2019-plus-alpha",
            crate::graph::Relation::DerivedFrom,
        ))
        .unwrap();
        let r = annotate(&mut g).unwrap();
        assert!(r.files.iter().any(|f| f.name == "lineage.csv"), "the lineage is still traced");
        let note = r.notes.iter().find(|n| n.contains("form a cycle")).expect("the cycle is named");
        // The link to the newest parent is the one left out.
        assert!(
            note.ends_with("the link p-1956-joint-declaration → p-2019-plus-alpha is left out of the lineage"),
            "{note}"
        );
        let root = &g.node("p-2019-plus-alpha").unwrap().attrs.extra["lineage_root"];
        assert_eq!(root, &AttrValue::Text("p-1956-joint-declaration".into()));
    }
}
