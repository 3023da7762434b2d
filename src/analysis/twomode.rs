//! Two-mode (person–meeting) centrality: the affiliation network read as it
//! is, without folding it into person–person ties first.
//!
//! Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data.
//! *Social Networks* 19(3):243–269. <https://doi.org/10.1016/S0378-8733(96)00301-2>
//!
//! Each measure is normalised by its maximum in a bipartite graph with the
//! same two mode sizes (not in a one-mode graph of n + m nodes), exactly as
//! `networkx.algorithms.bipartite` computes `degree_centrality`,
//! `betweenness_centrality` and `closeness_centrality` with persons as the
//! top nodes; the test suite compares them node by node.

use petgraph::Undirected;

use super::network::Network;
use super::paths::path_measures;
use crate::graph::{Graph, NodeKind, Relation};

/// The two-mode network: every person and every meeting of `g`, an
/// undirected edge for each `participated_in` (weight = its evidence count;
/// the measures ignore weights). Returns the network and, per node, whether
/// it is a person (the top mode).
pub fn two_mode_network(g: &Graph) -> (Network<Undirected>, Vec<bool>) {
    let mut ids: Vec<(String, bool)> = g
        .nodes()
        .into_iter()
        .filter(|n| matches!(n.kind, NodeKind::Person | NodeKind::Meeting))
        .map(|n| (n.id.clone(), n.kind == NodeKind::Person))
        .collect();
    ids.sort();
    let index: std::collections::BTreeMap<&str, usize> =
        ids.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    let mut graph = petgraph::Graph::with_capacity(ids.len(), 0);
    for _ in &ids {
        graph.add_node(());
    }
    let mut pairs = std::collections::BTreeMap::new();
    for e in g.edges_of(Relation::ParticipatedIn) {
        let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str())) else { continue };
        if ids[s].1 && !ids[t].1 {
            *pairs.entry((s, t)).or_insert(0.0) += e.weight();
        }
    }
    for ((s, t), w) in pairs {
        graph.add_edge(petgraph::graph::NodeIndex::new(s), petgraph::graph::NodeIndex::new(t), w);
    }
    let top = ids.iter().map(|(_, p)| *p).collect();
    (Network { ids: ids.into_iter().map(|(id, _)| id).collect(), graph }, top)
}

/// The two-mode measures of every node; `None` where undefined.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoModeScores {
    /// Degree / size of the other mode.
    pub degree: Vec<Option<f64>>,
    /// Betweenness over all pairs, divided by the largest betweenness a node
    /// of its mode can have in a bipartite graph of these mode sizes.
    pub betweenness: Vec<Option<f64>>,
    /// (size of the other mode + 2 · (size of own mode − 1)) / sum of
    /// distances, times the share of nodes reached; undefined for a node that reaches nobody.
    pub closeness: Vec<Option<f64>>,
}

/// Two-mode degree centrality (neighbours over the size of the other mode),
/// `None` for every node when one mode is empty. O(n + m).
pub fn two_mode_degree<E>(graph: &petgraph::Graph<(), E, Undirected>, top: &[bool]) -> Vec<Option<f64>> {
    let n = top.iter().filter(|&&t| t).count();
    let m = graph.node_count() - n;
    if n == 0 || m == 0 {
        return vec![None; graph.node_count()];
    }
    let other = |i: usize| if top[i] { m as f64 } else { n as f64 };
    graph.node_indices().map(|v| Some(graph.neighbors(v).count() as f64 / other(v.index()))).collect()
}

/// Bipartite degree, betweenness and closeness (Borgatti & Everett 1997) of
/// an undirected two-mode network; `top[i]` tells node `i`'s mode.
///
/// With n top and m bottom nodes: degree centrality is d/m for a top node
/// (d/n for a bottom one); betweenness is the unnormalised betweenness
/// divided by ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], s, t = divmod(n−1, m),
/// for top nodes (the same with n and m swapped for bottom ones); closeness is
/// (m + 2(n−1)) / Σd · (r/(n+m−1)) for a top node reaching r others (it can
/// exceed 1 on a disconnected network, as networkx's does).
///
/// Undefined: every measure when one mode is empty; betweenness of a mode
/// whose maximum is 0 (e.g. one node of each mode); closeness of an isolated node.
///
/// # Complexity
/// O((n + m) · (n + m + |E|)) time (one shortest-path pass of
/// [`path_measures`], on every core), O(n + m + |E|) space.
///
/// # Example
/// ```
/// use kurilnet::analysis::twomode::two_mode_scores;
/// // Persons 0 and 1 both attend meeting 2; person 0 also attends meeting 3.
/// let g = petgraph::Graph::<(), f64, petgraph::Undirected>::from_edges([(0, 2, 1.0), (1, 2, 1.0), (0, 3, 1.0)]);
/// let s = two_mode_scores(&g, &[true, true, false, false]);
/// assert_eq!(s.degree, vec![Some(1.0), Some(0.5), Some(1.0), Some(0.5)]);
/// ```
pub fn two_mode_scores<E>(graph: &petgraph::Graph<(), E, Undirected>, top: &[bool]) -> TwoModeScores {
    let total = graph.node_count();
    let n = top.iter().filter(|&&t| t).count();
    let m = total - n;
    if n == 0 || m == 0 {
        return TwoModeScores {
            degree: vec![None; total],
            betweenness: vec![None; total],
            closeness: vec![None; total],
        };
    }
    let other = |i: usize| if top[i] { m as f64 } else { n as f64 };
    let degree = two_mode_degree(graph, top);
    let bet_max = |n: usize, m: usize| {
        let (s, t) = ((n - 1) / m, (n - 1) % m);
        let (m, s, t) = (m as f64, s as f64, t as f64);
        (m * m * (s + 1.0).powi(2) + m * (s + 1.0) * (2.0 * t - s - 1.0) - t * (2.0 * s - t + 3.0)) / 2.0
    };
    let (max_top, max_bottom) = (bet_max(n, m), bet_max(m, n));
    let paths = path_measures(graph, None);
    let nf = total as f64;
    let raw = paths.betweenness.iter().map(|b| b * (nf - 1.0) * (nf - 2.0) / 2.0);
    let betweenness = raw
        .enumerate()
        .map(|(i, b)| {
            let max = if top[i] { max_top } else { max_bottom };
            (max != 0.0).then(|| if total <= 2 { 0.0 } else { b / max })
        })
        .collect();
    let closeness = (0..total)
        .map(|i| {
            let own = if top[i] { n } else { m } as f64;
            let (r, sum) = (paths.reached_by[i] as f64, paths.distance_sum[i] as f64);
            (r > 0.0).then(|| (other(i) + 2.0 * (own - 1.0)) / sum * (r / (nf - 1.0)))
        })
        .collect();
    TwoModeScores { degree, betweenness, closeness }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_of_one_person_and_three_meetings_reaches_the_maxima() {
        // Person 0 attends meetings 1, 2, 3: the bipartite star maximises the person's scores.
        let g = petgraph::Graph::<(), f64, Undirected>::from_edges([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let s = two_mode_scores(&g, &[true, false, false, false]);
        assert_eq!(s.degree[0], Some(1.0));
        assert_eq!(s.betweenness[0], Some(1.0), "max for n=1, m=3 is 3 pairs");
        assert_eq!(s.closeness[0], Some(1.0));
        assert_eq!(
            s.betweenness[1], None,
            "a meeting's maximum is 0 with one person: undefined (networkx divides by zero)"
        );
    }

    #[test]
    fn empty_modes_and_isolated_nodes_are_undefined() {
        let g = petgraph::Graph::<(), f64, Undirected>::from_edges([(0, 1, 1.0)]);
        let s = two_mode_scores(&g, &[true, true]);
        assert!(s.degree.iter().chain(&s.betweenness).chain(&s.closeness).all(Option::is_none));
        let mut g = petgraph::Graph::<(), f64, Undirected>::from_edges([(0, 1, 1.0)]);
        g.add_node(());
        let s = two_mode_scores(&g, &[true, false, true]);
        assert_eq!(s.closeness[2], None);
        assert_eq!(s.degree[2], Some(0.0));
    }

    #[test]
    fn the_network_links_persons_to_meetings_only() {
        let g = crate::analysis::testkit::sample();
        let (net, top) = two_mode_network(&g);
        assert_eq!(top.iter().filter(|&&t| t).count(), g.nodes_of(NodeKind::Person).len());
        assert_eq!(net.ids.len(), top.len());
        for e in net.graph.edge_indices() {
            let (a, b) = net.graph.edge_endpoints(e).unwrap();
            assert_ne!(top[a.index()], top[b.index()], "edges join the two modes");
        }
    }
}
