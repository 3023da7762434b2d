//! Keeping the quadratic shortest-path measures (betweenness, closeness,
//! harmonic: one breadth-first search per node) bounded on large networks.
//!
//! Above a node limit the main job computes them on the induced subnetwork of
//! the `limit` nodes of highest degree, the hubs of the network, and says so
//! in a note; the other nodes get no value. The cost is then
//! O(limit · (limit + edges among them)) whatever the corpus size, while
//! degree, eigenvector and PageRank (linear per iteration) stay on the whole
//! network. `kurilnet centrality` (no limit) still scores the whole network.

use petgraph::EdgeType;
use petgraph::visit::EdgeRef;

/// Node count above which `kurilnet run` computes the shortest-path measures
/// on the subnetwork of this many nodes of highest degree: about 10 s of CPU
/// for the full network's hubs on the 2-core reference machine.
pub const MAIN_JOB_PATH_LIMIT: usize = 10_000;

/// The `limit` nodes of highest degree (in + out; ties: the lower index), in
/// ascending index order; every node when there are at most `limit`.
///
/// O(n log n + m).
pub fn top_by_degree<N, E, Ty: EdgeType>(g: &petgraph::Graph<N, E, Ty>, limit: usize) -> Vec<usize> {
    let n = g.node_count();
    if n <= limit {
        return (0..n).collect();
    }
    let mut degree = vec![0usize; n];
    for e in g.edge_references() {
        degree[e.source().index()] += 1;
        degree[e.target().index()] += 1;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
    order.truncate(limit);
    order.sort_unstable();
    order
}

/// The subgraph induced by `keep` (ascending node indices of `g`): node `i`
/// of the result is node `keep[i]` of `g`; edges keep their order and weight.
///
/// O(n log k + m).
pub fn induced<E: Clone, Ty: EdgeType>(g: &petgraph::Graph<(), E, Ty>, keep: &[usize]) -> petgraph::Graph<(), E, Ty> {
    // petgraph's filter_map keeps the surviving nodes and edges in their order.
    g.filter_map(|v, _| keep.binary_search(&v.index()).ok().map(|_| ()), |_, w| Some(w.clone()))
}

/// Values computed on the subnetwork `keep` of an `n`-node network, spread
/// back over all `n` nodes (`None` for the others).
pub fn spread<T: Clone>(n: usize, keep: &[usize], values: &[T]) -> Vec<Option<T>> {
    let mut out = vec![None; n];
    for (&v, x) in keep.iter().zip(values) {
        out[v] = Some(x.clone());
    }
    out
}

/// The note saying that the path measures were computed on a subset.
pub fn note(limit: usize, n: usize) -> String {
    format!(
        "betweenness, closeness and harmonic computed on the subnetwork of the {limit} nodes of highest degree \
         (of {n}; the main job bounds these quadratic measures), the others left empty; \
         `kurilnet centrality` computes them on the whole network"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A star 0 – {1, 2, 3} plus a path 3 – 4 – 5.
    fn star() -> petgraph::Graph<(), f64, petgraph::Undirected> {
        petgraph::Graph::from_edges([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 2.0), (3, 4, 1.0), (4, 5, 1.0)])
    }

    #[test]
    fn the_hubs_are_kept_and_ties_go_to_the_lower_index() {
        let g = star();
        // Degrees: 0:3, 1:1, 2:1, 3:2, 4:2, 5:1.
        assert_eq!(top_by_degree(&g, 3), vec![0, 3, 4]);
        assert_eq!(top_by_degree(&g, 4), vec![0, 1, 3, 4]);
        assert_eq!(top_by_degree(&g, 6), (0..6).collect::<Vec<_>>());
        assert_eq!(top_by_degree(&g, 100), (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn the_induced_subgraph_keeps_the_edges_among_the_kept_nodes() {
        let g = star();
        let sub = induced(&g, &[0, 3, 4]);
        assert_eq!(sub.node_count(), 3);
        let edges: Vec<(usize, usize, f64)> =
            sub.edge_references().map(|e| (e.source().index(), e.target().index(), *e.weight())).collect();
        assert_eq!(edges, vec![(0, 1, 2.0), (1, 2, 1.0)]);
        assert_eq!(spread(6, &[0, 3, 4], &[7, 8, 9]), vec![Some(7), None, None, Some(8), Some(9), None]);
    }

    #[test]
    fn scores_of_a_period_do_not_need_the_documents() {
        use crate::analysis::centrality::{Options, analyse, to_csv};
        use crate::analysis::network::{Window, actor_graph, restrict, restrict_for_scores};
        let g = {
            let mut b = crate::analysis::testkit::Builder::default();
            b.graph = crate::analysis::testkit::random(7, 40, 60);
            b.mention_all("doc-a");
            b.graph
        };
        assert!(!g.edges_of(crate::graph::Relation::MentionedIn).is_empty());
        let w = Window { from: Some(1990), to: Some(2005) };
        let (full, lean) = (restrict(&g, w), restrict_for_scores(&g, w));
        assert!(lean.edges_of(crate::graph::Relation::MentionedIn).is_empty());
        assert!(lean.node_count() < full.node_count(), "documents left out");
        assert_eq!(actor_graph(&full).to_json_string().unwrap(), actor_graph(&lean).to_json_string().unwrap());
        // The period's scores read the lean part: the same as before on the full restriction.
        let period = to_csv(&analyse(&g, w, "p", Options::default())).unwrap();
        let mut by_hand = Vec::new();
        let actors = actor_graph(&full);
        let net = crate::analysis::network::Network::actors(&actors, Options::default().ties);
        by_hand.push(crate::analysis::centrality::score(
            &crate::analysis::network::Network::full(&full),
            crate::analysis::network::NetworkKind::Full,
            &full,
            "p",
            Options::default(),
        ));
        by_hand.push(crate::analysis::centrality::score(
            &net,
            crate::analysis::network::NetworkKind::Actors,
            &actors,
            "p",
            Options::default(),
        ));
        let ours = analyse(&g, w, "p", Options::default());
        for (a, b) in ours.iter().zip(&by_hand) {
            assert_eq!(a.rows.len(), b.rows.len());
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert_eq!((&x.id, x.values), (&y.id, y.values));
            }
        }
        assert!(!period.is_empty());
    }

    #[test]
    fn above_the_limit_the_path_measures_are_those_of_the_hubs() {
        use crate::analysis::centrality::{Measure, Options, score};
        use crate::analysis::network::{Network, NetworkKind};
        use crate::analysis::paths::path_measures;
        let g = crate::analysis::testkit::random(3, 60, 80);
        let net = Network::full(&g);
        let n = net.graph.node_count();
        let limit = n / 3;
        let s = score(&net, NetworkKind::Full, &g, "all", Options { path_limit: Some(limit), ..Options::default() });
        assert!(
            s.notes.iter().any(|x| x.starts_with(&format!(
                "betweenness, closeness and harmonic computed on the subnetwork of the {limit} nodes"
            ))),
            "{:?}",
            s.notes
        );
        let keep = top_by_degree(&net.graph, limit);
        let want = path_measures(&induced(&net.graph, &keep), None);
        let scored: Vec<usize> = (0..n).filter(|&i| s.rows[i].get(Measure::Harmonic).is_some()).collect();
        assert_eq!(scored, keep, "exactly the hubs are scored");
        for (i, &v) in keep.iter().enumerate() {
            assert_eq!(s.rows[v].get(Measure::Betweenness), Some(want.betweenness[i]));
            assert_eq!(s.rows[v].get(Measure::Harmonic), Some(want.harmonic[i]));
        }
        // Degree and PageRank stay on the whole network.
        assert!(s.rows.iter().all(|r| r.get(Measure::Degree).is_some() && r.get(Measure::PageRank).is_some()));
        // At or below the limit nothing changes.
        let exact = score(&net, NetworkKind::Full, &g, "all", Options::default());
        let same = score(&net, NetworkKind::Full, &g, "all", Options { path_limit: Some(n), ..Options::default() });
        assert_eq!(exact, same);
    }
}
