//! Shortest-path measures (betweenness, closeness, harmonic) in one pass of
//! breadth-first searches, on both cores and with byte-identical results for
//! any thread count; betweenness optionally estimated from a sample of sources.
//!
//! Each breadth-first search from a source `s` (Brandes 2001) yields at once
//! the dependencies of `s` on every node (betweenness) and the distance from
//! `s` to every node it reaches, which is an *incoming* distance of that node
//! (closeness and harmonic as networkx defines them on directed graphs). The
//! measures are unweighted, so breadth-first search is the whole algorithm
//! (no Dijkstra). What keeps it fast on the networks of a 10,000-document
//! corpus (27,511 nodes):
//!
//! - compact adjacency (`u32` node ids in one array) and one 16-byte slot
//!   per node (distance and σ, then (1 + δ)/σ), with buffers reused by all
//!   the searches of a block, the arcs of each search's shortest-path DAG
//!   recorded so the dependency pass reads only those;
//! - on an undirected network, the leaves (nodes of degree 1) are left out
//!   of the searches and counted at their neighbour (see `csr::Reduced`):
//!   a fifth to a third of the nodes of the full and two-mode networks;
//! - the remaining nodes numbered in breadth-first order, so a search
//!   touches memory that is close together.
//!
//! The sources are cut into blocks whose size depends only on the node count;
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
/// Time O(|C| · (|C| + |E|)) where C is the set of nodes that are not leaves
/// (of an undirected graph; every node of a directed one), plus O(|V| + |E|
/// log |E|) to build the adjacency (O(k · (|C| + |E|)) for sampled
/// betweenness plus the closeness pass), split over the rayon threads;
/// space O(|V| + |E|) per block of sources, at most 64 blocks of at least
/// 1,024 sources.
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
    crate::timing::note(|| format!("shortest paths: {c} of {n} nodes searched ({} leaves left out)", n - c));
    let sampled = samples.filter(|&(k, _)| k >= 2 && k < n).map(|(k, seed)| sample(n, k, seed));
    let pass = Pass { g: &r.core, leaves: &r.leaves, between: true, dist: true };
    // Betweenness weight of each core source: itself and its leaves (exact),
    // or those of them that were sampled.
    let mut weight: Vec<u32> = r.leaves.iter().map(|l| l + 1).collect();
    let mut sampled_leaves = r.leaves.clone();
    let acc = match &sampled {
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
    let (between, in_sum, in_count, harmonic) = expand(&r, acc, &sampled_leaves);
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

/// The sums over core nodes as sums over every node of the graph: a leaf of
/// `v` reaches `v` at distance 1, and `v` is on every path from a leaf to the
/// `in_count(v) − 1` other nodes `v` reaches (counted for the leaves in
/// `sampled_leaves`); a leaf is reached by what reaches its anchor, one step
/// farther, and by its anchor's other leaves at distance 2.
fn expand(r: &Reduced, mut acc: search::Acc, sampled_leaves: &[u32]) -> (Vec<f64>, Vec<u64>, Vec<u64>, Vec<f64>) {
    for v in 0..r.original.len() {
        let l = r.leaves[v] as u64;
        (acc.in_sum[v], acc.in_count[v], acc.harmonic[v]) =
            (acc.in_sum[v] + l, acc.in_count[v] + l, acc.harmonic[v] + l as f64);
        if sampled_leaves[v] > 0 {
            acc.between[v] += sampled_leaves[v] as f64 * acc.in_count[v].saturating_sub(1) as f64;
        }
    }
    let n = r.place.len();
    let (mut between, mut in_sum, mut in_count, mut harmonic) = (vec![0.0; n], vec![0; n], vec![0; n], vec![0.0; n]);
    for v in 0..n {
        let a = r.place[v] as usize;
        if r.is_leaf[v] {
            in_count[v] = acc.in_count[a];
            in_sum[v] = acc.in_sum[a] + acc.in_count[a] - 1;
            harmonic[v] = 1.0 + (r.leaves[a] - 1) as f64 * 0.5 + acc.leaf_harmonic[a];
        } else {
            (between[v], in_sum[v], in_count[v], harmonic[v]) =
                (acc.between[a], acc.in_sum[a], acc.in_count[a], acc.harmonic[a]);
        }
    }
    (between, in_sum, in_count, harmonic)
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

    /// Shortest-path distances and path counts from every node, by
    /// breadth-first search on the adjacency lists (u64::MAX: unreached).
    fn all_pairs<Ty: EdgeType>(g: &petgraph::Graph<(), f64, Ty>) -> (Vec<Vec<u64>>, Vec<Vec<f64>>) {
        let n = g.node_count();
        let (mut dist, mut sigma) = (vec![vec![u64::MAX; n]; n], vec![vec![0.0; n]; n]);
        for s in 0..n {
            let mut queue = std::collections::VecDeque::from([s]);
            (dist[s][s], sigma[s][s]) = (0, 1.0);
            while let Some(v) = queue.pop_front() {
                let mut next: Vec<usize> = g.neighbors(petgraph::graph::NodeIndex::new(v)).map(|w| w.index()).collect();
                next.sort_unstable();
                next.dedup();
                for w in next {
                    if dist[s][w] == u64::MAX {
                        dist[s][w] = dist[s][v] + 1;
                        queue.push_back(w);
                    }
                    if dist[s][w] == dist[s][v] + 1 {
                        sigma[s][w] += sigma[s][v];
                    }
                }
            }
        }
        (dist, sigma)
    }

    /// The measures from their definitions (pair by pair, O(|V|³)), summing
    /// dependencies over `sources` only, scaled as [`path_measures`] does.
    fn by_definition<Ty: EdgeType>(g: &petgraph::Graph<(), f64, Ty>, sources: Option<&[u32]>) -> PathMeasures {
        let n = g.node_count();
        let (dist, sigma) = all_pairs(g);
        let all: Vec<u32> = (0..n as u32).collect();
        let src = sources.unwrap_or(&all);
        let mut between = vec![0.0; n];
        for &s in src {
            let s = s as usize;
            for v in (0..n).filter(|&v| v != s && dist[s][v] != u64::MAX) {
                for t in (0..n).filter(|&t| t != s && t != v && dist[v][t] != u64::MAX) {
                    if dist[s][v] + dist[v][t] == dist[s][t] {
                        between[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
                    }
                }
            }
        }
        let nf = n as f64;
        let k = src.len() as f64;
        let betweenness = (0..n)
            .map(|v| match sources {
                None => between[v] / ((nf - 1.0) * (nf - 2.0)),
                Some(s) if s.contains(&(v as u32)) => between[v] / ((k - 1.0) * (nf - 2.0)),
                Some(_) => between[v] / (k * (nf - 2.0)),
            })
            .collect();
        let dist = &dist;
        let reach = |v: usize| (0..n).filter(move |&s| s != v && dist[s][v] != u64::MAX);
        let reached_by: Vec<u64> = (0..n).map(|v| reach(v).count() as u64).collect();
        let distance_sum: Vec<u64> = (0..n).map(|v| reach(v).map(|s| dist[s][v]).sum()).collect();
        PathMeasures {
            betweenness,
            closeness: (0..n)
                .map(|v| {
                    let (r, t) = (reached_by[v] as f64, distance_sum[v] as f64);
                    (reached_by[v] > 0).then(|| (r / t) * (r / (nf - 1.0)))
                })
                .collect(),
            harmonic: (0..n).map(|v| reach(v).map(|s| 1.0 / dist[s][v] as f64).sum()).collect(),
            reached_by,
            distance_sum,
            sources: sources.map(<[u32]>::len),
        }
    }

    /// A network with every case the leaf reduction treats: a random core,
    /// leaves on it (several on one node), a star whose centre keeps no other
    /// neighbour, an isolated edge (two nodes of degree 1), a path and isolated nodes.
    fn leafy<Ty: EdgeType>(seed: u64) -> petgraph::Graph<(), f64, Ty> {
        let mut rng = crate::analysis::testkit::Rng::new(seed);
        let mut edges: Vec<(u32, u32)> = Vec::new();
        for _ in 0..40 {
            edges.push((rng.below(20) as u32, rng.below(20) as u32));
        }
        for leaf in 20..32 {
            edges.push((rng.below(20) as u32, leaf));
        }
        edges.extend([(32, 33), (32, 34), (32, 35), (36, 37), (38, 39), (39, 40), (40, 41)]);
        edges.retain(|(a, b)| a != b);
        let mut g = petgraph::Graph::<(), f64, Ty>::from_edges(edges.iter().map(|&(a, b)| (a, b, 1.0)));
        g.add_node(());
        g.add_node(());
        g
    }

    fn assert_close(got: &PathMeasures, want: &PathMeasures, what: &str) {
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
        assert_eq!(got.reached_by, want.reached_by, "{what}: reached_by");
        assert_eq!(got.distance_sum, want.distance_sum, "{what}: distance_sum");
        assert_eq!(got.sources, want.sources, "{what}: sources");
        for v in 0..want.betweenness.len() {
            assert!(near(got.betweenness[v], want.betweenness[v]), "{what}: betweenness of {v}: {got:?} vs {want:?}");
            assert!(near(got.harmonic[v], want.harmonic[v]), "{what}: harmonic of {v}");
            match (got.closeness[v], want.closeness[v]) {
                (Some(a), Some(b)) => assert!(near(a, b), "{what}: closeness of {v}"),
                (a, b) => assert_eq!(a, b, "{what}: closeness of {v}"),
            }
        }
    }

    #[test]
    fn leaves_left_out_of_the_searches_change_no_value() {
        for seed in 1..6 {
            let g = leafy::<Undirected>(seed);
            assert_close(&path_measures(&g, None), &by_definition(&g, None), &format!("seed {seed}"));
            let est = path_measures(&g, Some((9, seed)));
            let sources = sample(g.node_count(), 9, seed);
            assert_close(&est, &by_definition(&g, Some(&sources)), &format!("seed {seed}, 9 sampled sources"));
            let d = leafy::<Directed>(seed);
            assert_close(&path_measures(&d, None), &by_definition(&d, None), &format!("seed {seed}, directed"));
        }
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
