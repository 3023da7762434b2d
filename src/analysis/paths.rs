//! Shortest-path measures (betweenness, closeness, harmonic) in one pass of
//! breadth-first searches, on both cores and with byte-identical results for
//! any thread count; betweenness optionally estimated from a sample of sources.
//!
//! Each breadth-first search from a source `s` (Brandes 2001) yields at once
//! the dependencies of `s` on every node (betweenness) and the distance from
//! `s` to every node it reaches, which is an *incoming* distance of that node
//! (closeness and harmonic as networkx defines them on directed graphs). The
//! sources are cut into blocks whose size depends only on the node count;
//! blocks run in parallel (rayon) and their partial sums are added in block
//! order, so the floating-point result never depends on the scheduling.
//! rustworkx-core's parallel betweenness adds per-source contributions in the
//! order threads finish, which changes the last bits from run to run; that is
//! why this module exists rather than calling it.

mod csr;
mod search;

use petgraph::EdgeType;
use petgraph::visit::EdgeRef;

use csr::{Csr, Reduced};
use search::{Pass, run_blocks};

/// Betweenness, closeness and harmonic centrality of every node, unweighted.
///
/// Definitions are networkx's defaults: betweenness normalised by
/// 1/((n−1)(n−2)) without endpoints (Brandes, U. (2001). A faster algorithm
/// for betweenness centrality. *J. Math. Sociol.* 25(2):163–177); closeness
/// from incoming distances with the Wasserman–Faust correction for nodes that
/// not everyone reaches, `None` for a node nobody reaches; harmonic the sum
/// of 1/d(v, u) over the nodes v that reach u.
///
/// With `samples = Some((k, seed))` and `2 ≤ k < n`, betweenness is the
/// estimate of Brandes & Pich (2007) (Centrality estimation in large
/// networks. *Int. J. Bifurcation and Chaos* 17(7):2303–2318) as networkx
/// computes it with `k`: dependencies summed over `k` sources drawn uniformly
/// without replacement (deterministic for the seed), scaled by
/// 1/((k−1)(n−2)) for sampled nodes and 1/(k(n−2)) for the others.
/// Closeness and harmonic stay exact.
///
/// # Complexity
/// Time O(|V| · (|V| + |E|)) (O(k · (|V| + |E|)) for sampled betweenness plus
/// the closeness pass), split over the rayon threads; space O(|V| + |E|) per
/// block of sources, at most 64 blocks of at least 1,024 sources.
///
/// # Example
/// ```
/// use kurilnet::analysis::paths::path_measures;
/// // A path 0 – 1 – 2: node 1 is on the only path between 0 and 2.
/// let g = petgraph::Graph::<(), f64, petgraph::Undirected>::from_edges([(0, 1, 1.0), (1, 2, 1.0)]);
/// let m = path_measures(&g, None);
/// assert_eq!(m.betweenness, vec![0.0, 1.0, 0.0]);
/// assert_eq!(m.closeness, vec![Some(2.0 / 3.0), Some(1.0), Some(2.0 / 3.0)]);
/// assert_eq!(m.harmonic, vec![1.5, 2.0, 1.5]);
/// ```
pub fn path_measures<Ty: EdgeType, E>(
    graph: &petgraph::Graph<(), E, Ty>,
    samples: Option<(usize, u64)>,
) -> PathMeasures {
    let n = graph.node_count();
    let pairs = graph.edge_references().flat_map(|e| {
        let (a, b) = (e.source().index() as u32, e.target().index() as u32);
        let back = (!Ty::is_directed()).then_some((b, a));
        std::iter::once((a, b)).chain(back)
    });
    let full = Csr::new(n, pairs.collect());
    let r = if Ty::is_directed() { Reduced::identity(full) } else { Reduced::new(&full) };
    let c = r.original.len();
    super::timing::note(|| format!("shortest paths: {c} of {n} nodes searched ({} leaves left out)", n - c));
    let sampled = samples.filter(|&(k, _)| k >= 2 && k < n).map(|(k, seed)| sample(n, k, seed));
    let pass = Pass { g: &r.core, leaves: &r.leaves, between: true, dist: true };
    // Betweenness weight of each core source: itself and its leaves (exact),
    // or those of them that were sampled.
    let mut weight: Vec<u32> = r.leaves.iter().map(|l| l + 1).collect();
    let mut sampled_leaves = r.leaves.clone();
    let mut acc = match &sampled {
        None => run_blocks(pass, &core_sources(&weight)),
        Some(s) => {
            weight.iter_mut().for_each(|w| *w = 0);
            sampled_leaves.iter_mut().for_each(|l| *l = 0);
            for &v in s {
                weight[r.place[v as usize] as usize] += 1;
                if r.is_leaf[v as usize] {
                    sampled_leaves[r.place[v as usize] as usize] += 1;
                }
            }
            let all: Vec<u32> = vec![1; c];
            let mut acc = run_blocks(Pass { between: false, ..pass }, &core_sources(&all));
            acc.between = run_blocks(Pass { dist: false, ..pass }, &core_sources(&weight)).between;
            acc
        }
    };
    // A leaf of v reaches v at distance 1 (and v is on every path from it to
    // the v.in_count − 1 other nodes v reaches).
    for v in 0..c {
        let l = r.leaves[v] as u64;
        (acc.in_sum[v], acc.in_count[v], acc.harmonic[v]) =
            (acc.in_sum[v] + l, acc.in_count[v] + l, acc.harmonic[v] + l as f64);
        if sampled_leaves[v] > 0 {
            acc.between[v] += sampled_leaves[v] as f64 * acc.in_count[v].saturating_sub(1) as f64;
        }
    }
    let (mut between, mut in_sum, mut in_count, mut harmonic) = (vec![0.0; n], vec![0; n], vec![0; n], vec![0.0; n]);
    for v in 0..n {
        let a = r.place[v] as usize;
        if r.is_leaf[v] {
            // Everything that reaches the anchor reaches the leaf one step
            // farther, the anchor itself at distance 1 and its other leaves at 2.
            in_count[v] = acc.in_count[a];
            in_sum[v] = acc.in_sum[a] + acc.in_count[a] - 1;
            harmonic[v] = 1.0 + (r.leaves[a] - 1) as f64 * 0.5 + acc.leaf_harmonic[a];
        } else {
            (between[v], in_sum[v], in_count[v], harmonic[v]) =
                (acc.between[a], acc.in_sum[a], acc.in_count[a], acc.harmonic[a]);
        }
    }
    let nf = n as f64;
    let betweenness = if n <= 2 {
        vec![0.0; n]
    } else if let Some(s) = &sampled {
        let k = s.len() as f64;
        let mut is_source = vec![false; n];
        s.iter().for_each(|&v| is_source[v as usize] = true);
        between
            .iter()
            .zip(&is_source)
            .map(|(b, &src)| if src { b / ((k - 1.0) * (nf - 2.0)) } else { b / (k * (nf - 2.0)) })
            .collect()
    } else {
        let scale = 1.0 / ((nf - 1.0) * (nf - 2.0));
        between.iter().map(|b| b * scale).collect()
    };
    let closeness = (0..n)
        .map(|v| {
            let (r, tot) = (in_count[v] as f64, in_sum[v] as f64);
            (in_count[v] > 0).then(|| (r / tot) * (r / (nf - 1.0)))
        })
        .collect();
    PathMeasures {
        betweenness,
        closeness,
        harmonic,
        reached_by: in_count,
        distance_sum: in_sum,
        sources: sampled.map(|s| s.len()),
    }
}

/// The core nodes with a positive betweenness weight, with that weight.
fn core_sources(weight: &[u32]) -> Vec<(u32, f64)> {
    (0..weight.len() as u32).zip(weight).filter(|(_, w)| **w > 0).map(|(v, &w)| (v, w as f64)).collect()
}

/// What [`path_measures`] returns; vectors indexed by node.
#[derive(Clone, Debug, PartialEq)]
pub struct PathMeasures {
    pub betweenness: Vec<f64>,
    pub closeness: Vec<Option<f64>>,
    pub harmonic: Vec<f64>,
    /// How many other nodes reach each node.
    pub reached_by: Vec<u64>,
    /// The sum of the distances from those nodes.
    pub distance_sum: Vec<u64>,
    /// `Some(k)` when betweenness is an estimate from `k` sampled sources.
    pub sources: Option<usize>,
}

/// Unnormalised betweenness of every node of an undirected graph (each
/// unordered pair counted once), as networkx's
/// `betweenness_centrality(G, normalized=False)`.
///
/// # Complexity
/// O(|V| · (|V| + |E|)).
pub fn raw_betweenness<E>(graph: &petgraph::Graph<(), E, petgraph::Undirected>) -> Vec<f64> {
    let m = path_measures(graph, None);
    let nf = graph.node_count() as f64;
    m.betweenness.iter().map(|b| b * (nf - 1.0) * (nf - 2.0) / 2.0).collect()
}

/// `k` distinct nodes of `0..n` drawn uniformly (partial Fisher–Yates with
/// splitmix64 seeded by `seed`), sorted.
fn sample(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut v: Vec<u32> = (0..n as u32).collect();
    for i in 0..k {
        let j = i + (next() % (n - i) as u64) as usize;
        v.swap(i, j);
    }
    let mut s = v[..k].to_vec();
    s.sort_unstable();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::{Directed, Undirected};

    #[test]
    fn star_centre_carries_every_path() {
        let g = petgraph::Graph::<(), (), Undirected>::from_edges([(0, 1), (0, 2), (0, 3), (0, 4)]);
        let m = path_measures(&g, None);
        assert_eq!(m.betweenness[0], 1.0);
        assert!(m.betweenness[1..].iter().all(|&b| b == 0.0));
        assert_eq!(raw_betweenness(&g)[0], 6.0, "C(4, 2) leaf pairs");
        assert_eq!(m.closeness[0], Some(1.0));
    }

    #[test]
    fn directed_closeness_uses_incoming_distances_and_leaves_unreached_undefined() {
        let g = petgraph::Graph::<(), (), Directed>::from_edges([(0, 1), (1, 2), (3, 2)]);
        let m = path_measures(&g, None);
        assert_eq!(m.harmonic, vec![0.0, 1.0, 2.5, 0.0]);
        assert_eq!(m.closeness[0], None);
        // Node 2: reached by 3 nodes at distances 1, 2, 1; (3/4)·(3/3).
        assert_eq!(m.closeness[2], Some(0.75));
        // 0 → 1 → 2: node 1 is on one of 6 ordered pairs' paths: 1/((4-1)(4-2)).
        assert_eq!(m.betweenness[1], 1.0 / 6.0);
    }

    #[test]
    fn split_paths_share_the_credit() {
        // A 4-cycle: between opposite corners two shortest paths.
        let g = petgraph::Graph::<(), (), Undirected>::from_edges([(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert_eq!(raw_betweenness(&g), vec![0.5; 4]);
    }

    #[test]
    fn sampling_every_node_but_none_is_exact_and_a_sample_is_deterministic() {
        let g = crate::analysis::testkit::random_network(3, 200, 600);
        let exact = path_measures(&g, None);
        let est = path_measures(&g, Some((50, 7)));
        assert_eq!(est.sources, Some(50));
        assert_eq!(est, path_measures(&g, Some((50, 7))), "same seed, same estimate");
        assert_ne!(est.betweenness, path_measures(&g, Some((50, 8))).betweenness);
        assert_eq!(est.closeness, exact.closeness, "closeness stays exact");
        let (te, ts): (f64, f64) = (exact.betweenness.iter().sum(), est.betweenness.iter().sum());
        assert!((te - ts).abs() / te < 0.2, "unbiased estimator: totals {te} vs {ts}");
        assert_eq!(path_measures(&g, Some((200, 7))), exact, "k = n is exact");
        let s = sample(100, 10, 1);
        assert_eq!(s.len(), 10);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn results_do_not_depend_on_the_thread_count() {
        // More than 1,024 sources: several blocks, added in their fixed order.
        let g = crate::analysis::testkit::random_network(5, 3_000, 6_000);
        let many = path_measures(&g, None);
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| path_measures(&g, None));
        assert_eq!(many, one);
    }
}
