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

use petgraph::EdgeType;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

/// Compressed adjacency: the neighbours of node `v` are `adj[off[v]..off[v + 1]]`.
struct Csr {
    off: Vec<usize>,
    adj: Vec<u32>,
}

impl Csr {
    fn new(n: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Csr {
        let mut off = vec![0usize; n + 1];
        for (a, _) in pairs.clone() {
            off[a + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        let mut fill = off.clone();
        let mut adj = vec![0u32; off[n]];
        for (a, b) in pairs {
            adj[fill[a]] = b as u32;
            fill[a] += 1;
        }
        for v in 0..n {
            adj[off[v]..off[v + 1]].sort_unstable();
        }
        Csr { off, adj }
    }

    fn of(&self, v: usize) -> &[u32] {
        &self.adj[self.off[v]..self.off[v + 1]]
    }
}

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
        let (a, b) = (e.source().index(), e.target().index());
        let back = (!Ty::is_directed() && a != b).then_some((b, a));
        std::iter::once((a, b)).chain(back)
    });
    let pairs: Vec<(usize, usize)> = pairs.filter(|(a, b)| a != b).collect();
    let mut dedup = pairs.clone();
    dedup.sort_unstable();
    dedup.dedup();
    let out = Csr::new(n, dedup.iter().copied());
    let sampled = samples.filter(|&(k, _)| k >= 2 && k < n).map(|(k, seed)| sample(n, k, seed));
    let all: Vec<u32> = (0..n as u32).collect();
    let exact = sampled.is_none();
    let sources = sampled.as_deref().unwrap_or(&all);
    let mut acc = run_blocks(&out, sources, n, true, exact);
    if !exact {
        let dist = run_blocks(&out, &all, n, false, true);
        (acc.in_sum, acc.in_count, acc.harmonic) = (dist.in_sum, dist.in_count, dist.harmonic);
    }
    let nf = n as f64;
    let betweenness = if n <= 2 {
        vec![0.0; n]
    } else if let Some(s) = &sampled {
        let k = s.len() as f64;
        let mut is_source = vec![false; n];
        s.iter().for_each(|&v| is_source[v as usize] = true);
        acc.between
            .iter()
            .zip(&is_source)
            .map(|(b, &src)| if src { b / ((k - 1.0) * (nf - 2.0)) } else { b / (k * (nf - 2.0)) })
            .collect()
    } else {
        let scale = 1.0 / ((nf - 1.0) * (nf - 2.0));
        acc.between.iter().map(|b| b * scale).collect()
    };
    let closeness = (0..n)
        .map(|v| {
            let (r, tot) = (acc.in_count[v] as f64, acc.in_sum[v] as f64);
            (acc.in_count[v] > 0).then(|| (r / tot) * (r / (nf - 1.0)))
        })
        .collect();
    PathMeasures {
        betweenness,
        closeness,
        harmonic: acc.harmonic,
        reached_by: acc.in_count,
        distance_sum: acc.in_sum,
        sources: sampled.map(|s| s.len()),
    }
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

/// Sums over a set of sources.
struct Acc {
    between: Vec<f64>,
    in_sum: Vec<u64>,
    in_count: Vec<u64>,
    harmonic: Vec<f64>,
}

impl Acc {
    fn new(n: usize) -> Acc {
        Acc { between: vec![0.0; n], in_sum: vec![0; n], in_count: vec![0; n], harmonic: vec![0.0; n] }
    }

    fn add(&mut self, o: &Acc) {
        for (a, b) in self.between.iter_mut().zip(&o.between) {
            *a += b;
        }
        for (a, b) in self.harmonic.iter_mut().zip(&o.harmonic) {
            *a += b;
        }
        for (a, b) in self.in_sum.iter_mut().zip(&o.in_sum) {
            *a += b;
        }
        for (a, b) in self.in_count.iter_mut().zip(&o.in_count) {
            *a += b;
        }
    }
}

/// Run the searches from `sources` in blocks (sizes fixed by `n` alone), in
/// parallel, and add the blocks' sums in block order.
fn run_blocks(out: &Csr, sources: &[u32], n: usize, between: bool, dist: bool) -> Acc {
    // At most 64 blocks, and none smaller than 1,024 sources: each block costs
    // O(|V|) to set up and to add, which small, sparse networks notice.
    let block = sources.len().div_ceil(64).max(1024);
    let parts: Vec<Acc> = sources.par_chunks(block).map(|chunk| search_block(out, chunk, n, between, dist)).collect();
    let mut total = Acc::new(n);
    for p in &parts {
        total.add(p);
    }
    total
}

fn search_block(out: &Csr, sources: &[u32], n: usize, between: bool, with_dist: bool) -> Acc {
    let mut acc = Acc::new(n);
    let mut dist = vec![u32::MAX; n];
    let mut sigma = vec![0.0f64; n];
    let mut delta = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    for &s in sources {
        let s = s as usize;
        order.clear();
        dist[s] = 0;
        sigma[s] = 1.0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let (dv, sv) = (dist[v], sigma[v]);
            for &w in out.of(v) {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dv + 1;
                    order.push(w as u32);
                }
                if between && dist[w] == dv + 1 {
                    sigma[w] += sv;
                }
            }
        }
        if with_dist {
            for &w in &order[1..] {
                let (w, d) = (w as usize, dist[w as usize]);
                acc.in_sum[w] += d as u64;
                acc.in_count[w] += 1;
                acc.harmonic[w] += 1.0 / d as f64;
            }
        }
        if between {
            // Pull the dependencies along out-edges, farthest nodes first: only
            // edges leaving reached nodes are read, never the in-edges of a
            // hub (a state with a thousand persons pointing at it).
            for &v in order.iter().rev() {
                let v = v as usize;
                let dv = dist[v];
                let mut d = 0.0;
                for &w in out.of(v) {
                    let w = w as usize;
                    if dist[w] == dv + 1 {
                        d += (1.0 + delta[w]) / sigma[w];
                    }
                }
                delta[v] = sigma[v] * d;
                if v != s {
                    acc.between[v] += delta[v];
                }
            }
        }
        for &w in &order {
            let w = w as usize;
            dist[w] = u32::MAX;
            sigma[w] = 0.0;
            delta[w] = 0.0;
        }
    }
    acc
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
