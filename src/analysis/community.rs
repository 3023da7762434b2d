//! Communities of the actor network by the Louvain method.
//!
//! Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008).
//! Fast unfolding of communities in large networks. *J. Stat. Mech.*
//! P10008. <https://doi.org/10.1088/1742-5468/2008/10/P10008>
//!
//! The steps follow `networkx.community.louvain_communities` (weighted,
//! with a resolution γ, threshold 1e-7): nodes are visited in an order
//! shuffled from the seed and each moves to the neighbouring community with
//! the largest positive modularity gain, until no node moves; communities
//! then become the nodes of the next level, until a level raises modularity
//! by no more than the threshold. Written here rather than taken from a crate:
//! no maintained crate offering it was reachable from this machine's registry
//! mirror at the time, and the method is short enough to check line by line
//! against networkx's.

/// Modularity gain a level must bring for the method to go on (networkx's default).
pub const THRESHOLD: f64 = 1e-7;

/// A partition: `community[v]` numbers from 1, the largest community first
/// (ties: the one holding the smallest node index), and its modularity.
#[derive(Clone, Debug, PartialEq)]
pub struct Partition {
    pub community: Vec<usize>,
    pub modularity: f64,
}

/// Modularity of a partition of an undirected weighted graph (Newman 2006):
/// Σ_c [ L_c / m − γ (d_c / 2m)² ], with `L_c` the weight inside community
/// `c`, `d_c` its total degree and `m` the total weight; 0 without edges.
/// `edges` are `(a, b, w)` pairs, each once; a self-loop counts once in `m`
/// and twice in a degree, as networkx counts it.
///
/// # Complexity
/// O(|V| + |E|).
pub fn modularity(edges: &[(usize, usize, f64)], community: &[usize], resolution: f64) -> f64 {
    let m: f64 = edges.iter().map(|e| e.2).sum();
    if m == 0.0 {
        return 0.0;
    }
    let k = community.iter().copied().max().map_or(0, |x| x + 1);
    let (mut inner, mut degree) = (vec![0.0; k], vec![0.0; k]);
    for &(a, b, w) in edges {
        degree[community[a]] += w;
        degree[community[b]] += w;
        if community[a] == community[b] {
            inner[community[a]] += w;
        }
    }
    (0..k).map(|c| inner[c] / m - resolution * (degree[c] / (2.0 * m)).powi(2)).sum()
}

/// Louvain communities of an undirected weighted graph of `n` nodes,
/// deterministic for `seed`.
///
/// # Arguments
/// * `edges`: `(a, b, weight)`, each pair once, weights > 0.
/// * `resolution`: γ; 1 is the classic modularity, larger gives smaller communities.
/// * `seed`: orders the visits; the same seed gives the same partition.
///
/// An edgeless graph leaves every node in a community of its own.
///
/// # Complexity
/// Near-linear in |E| per pass in practice; O(|E|) memory.
///
/// # Example
/// ```
/// use kurilnet::analysis::community::louvain;
/// // Two triangles joined by one edge.
/// let e = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)];
/// let p = louvain(6, &e, 1.0, 42);
/// assert_eq!(p.community, vec![1, 1, 1, 2, 2, 2]);
/// assert!((p.modularity - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn louvain(n: usize, edges: &[(usize, usize, f64)], resolution: f64, seed: u64) -> Partition {
    let mut member: Vec<usize> = (0..n).collect();
    let m: f64 = edges.iter().map(|e| e.2).sum();
    if m == 0.0 {
        return Partition { community: (1..=n).collect(), modularity: 0.0 };
    }
    let mut rng = seed;
    let mut level = Level::new(n, edges);
    let mut current = modularity(edges, &member, resolution);
    loop {
        let (moved, comm) = level.one_pass(m, resolution, &mut rng);
        let next: Vec<usize> = member.iter().map(|&s| comm[s]).collect();
        let q = modularity(edges, &next, resolution);
        if !moved {
            break;
        }
        if q - current <= THRESHOLD {
            // networkx keeps the partition of this level and stops.
            member = next;
            break;
        }
        member = next;
        current = q;
        level = level.aggregate(&comm);
    }
    let community = relabel(&member);
    Partition {
        modularity: modularity(edges, &community.iter().map(|c| c - 1).collect::<Vec<_>>(), resolution),
        community,
    }
}

/// Restarts [`louvain_best`] makes by default.
pub const RESTARTS: usize = 8;

/// The best of `restarts` Louvain runs (seeds derived from `seed`): the
/// partition of highest modularity, the earliest run on a tie. Louvain's
/// result depends on the order nodes are visited in; on small or weakly
/// structured networks one run can end a few per cent below another, and the
/// best of several is the usual remedy. Deterministic for `seed`.
///
/// # Complexity
/// `restarts` times that of [`louvain`].
pub fn louvain_best(n: usize, edges: &[(usize, usize, f64)], resolution: f64, seed: u64, restarts: usize) -> Partition {
    let mut state = seed;
    let mut best: Option<Partition> = None;
    for _ in 0..restarts.max(1) {
        let p = louvain(n, edges, resolution, splitmix(&mut state));
        if best.as_ref().is_none_or(|b| p.modularity > b.modularity) {
            best = Some(p);
        }
    }
    best.expect("at least one run")
}

/// Number communities from 1 by size, largest first, ties by smallest member.
fn relabel(member: &[usize]) -> Vec<usize> {
    let k = member.iter().copied().max().map_or(0, |x| x + 1);
    let mut size = vec![0usize; k];
    let mut first = vec![usize::MAX; k];
    for (v, &c) in member.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(v);
    }
    let mut order: Vec<usize> = (0..k).filter(|&c| size[c] > 0).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size[c]), first[c]));
    let mut label = vec![0; k];
    for (i, &c) in order.iter().enumerate() {
        label[c] = i + 1;
    }
    member.iter().map(|&c| label[c]).collect()
}

/// One level of the method: super-nodes with their neighbours (no self
/// loops), self-loop weights and weighted degrees.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    self_loop: Vec<f64>,
    degree: Vec<f64>,
}

impl Level {
    fn new(n: usize, edges: &[(usize, usize, f64)]) -> Level {
        let mut adj = vec![Vec::new(); n];
        let mut self_loop = vec![0.0; n];
        for &(a, b, w) in edges {
            if a == b {
                self_loop[a] += w;
            } else {
                adj[a].push((b, w));
                adj[b].push((a, w));
            }
        }
        Level::finish(adj, self_loop)
    }

    fn finish(mut adj: Vec<Vec<(usize, f64)>>, self_loop: Vec<f64>) -> Level {
        for list in adj.iter_mut() {
            list.sort_by_key(|x| x.0);
        }
        let degree = adj.iter().zip(&self_loop).map(|(l, s)| 2.0 * s + l.iter().map(|x| x.1).sum::<f64>()).collect();
        Level { adj, self_loop, degree }
    }

    /// Move nodes until none moves; returns whether any did and each node's
    /// community, renumbered 0.. in order of first appearance.
    fn one_pass(&self, m: f64, resolution: f64, rng: &mut u64) -> (bool, Vec<usize>) {
        let n = self.adj.len();
        let mut comm: Vec<usize> = (0..n).collect();
        let mut total = self.degree.clone();
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (splitmix(rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut weight_to = vec![0.0; n];
        let mut seen = vec![false; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut improved = false;
        loop {
            let mut moves = 0;
            for &u in &order {
                let own = comm[u];
                for &(v, w) in &self.adj[u] {
                    let c = comm[v];
                    if !seen[c] {
                        seen[c] = true;
                        touched.push(c);
                    }
                    weight_to[c] += w;
                }
                let d = self.degree[u];
                total[own] -= d;
                let two_m2 = 2.0 * m * m;
                let remove = -weight_to[own] / m + resolution * total[own] * d / two_m2;
                let (mut best, mut best_gain) = (own, 0.0);
                for &c in &touched {
                    let gain = remove + weight_to[c] / m - resolution * total[c] * d / two_m2;
                    if gain > best_gain {
                        best_gain = gain;
                        best = c;
                    }
                }
                total[best] += d;
                if best != own {
                    comm[u] = best;
                    moves += 1;
                    improved = true;
                }
                for &c in &touched {
                    weight_to[c] = 0.0;
                    seen[c] = false;
                }
                touched.clear();
            }
            if moves == 0 {
                break;
            }
        }
        let mut renumber = vec![usize::MAX; n];
        let mut next = 0;
        for c in comm.iter_mut() {
            if renumber[*c] == usize::MAX {
                renumber[*c] = next;
                next += 1;
            }
            *c = renumber[*c];
        }
        (improved, comm)
    }

    /// The next level: one node per community, weights summed, inner weight as a self-loop.
    fn aggregate(&self, comm: &[usize]) -> Level {
        let k = comm.iter().copied().max().map_or(0, |x| x + 1);
        let mut self_loop = vec![0.0; k];
        let mut pairs: std::collections::BTreeMap<(usize, usize), f64> = std::collections::BTreeMap::new();
        for (u, list) in self.adj.iter().enumerate() {
            self_loop[comm[u]] += self.self_loop[u];
            for &(v, w) in list.iter().filter(|(v, _)| *v > u) {
                let (a, b) = (comm[u], comm[v]);
                if a == b {
                    self_loop[a] += w;
                } else {
                    *pairs.entry((a.min(b), a.max(b))).or_default() += w;
                }
            }
        }
        let mut adj = vec![Vec::new(); k];
        for ((a, b), w) in pairs {
            adj[a].push((b, w));
            adj[b].push((a, w));
        }
        Level::finish(adj, self_loop)
    }
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `groups` cliques of `size` nodes joined in a ring by single edges.
    fn ring_of_cliques(groups: usize, size: usize) -> (usize, Vec<(usize, usize, f64)>) {
        let mut e = Vec::new();
        for g in 0..groups {
            for i in 0..size {
                for j in i + 1..size {
                    e.push((g * size + i, g * size + j, 1.0));
                }
            }
            e.push((g * size, ((g + 1) % groups) * size + 1, 1.0));
        }
        (groups * size, e)
    }

    #[test]
    fn finds_the_cliques_of_a_ring_whatever_the_seed() {
        let (n, e) = ring_of_cliques(6, 5);
        for seed in 0..5 {
            let p = louvain(n, &e, 1.0, seed);
            for v in 0..n {
                assert_eq!(p.community[v], p.community[(v / 5) * 5], "seed {seed}: node {v} with its clique");
            }
            assert_eq!(p.community.iter().max(), Some(&6));
        }
    }

    #[test]
    fn modularity_of_known_partitions() {
        let e = [(0, 1, 1.0), (2, 3, 1.0)];
        assert_eq!(modularity(&e, &[0, 0, 1, 1], 1.0), 0.5);
        assert_eq!(modularity(&e, &[0, 0, 0, 0], 1.0), 0.0);
        assert_eq!(modularity(&[], &[0, 1, 2, 3], 1.0), 0.0);
    }

    #[test]
    fn same_seed_same_partition_and_edgeless_graphs_stay_singletons() {
        let g = crate::analysis::testkit::random_network(4, 300, 900);
        let e: Vec<(usize, usize, f64)> = g
            .edge_indices()
            .map(|x| {
                let (a, b) = g.edge_endpoints(x).unwrap();
                (a.index(), b.index(), 1.0)
            })
            .collect();
        let p = louvain(300, &e, 1.0, 9);
        assert_eq!(p, louvain(300, &e, 1.0, 9));
        assert!(p.modularity > 0.2, "{}", p.modularity);
        assert!(
            (p.modularity - modularity(&e, &p.community.iter().map(|c| c - 1).collect::<Vec<_>>(), 1.0)).abs() < 1e-12
        );
        assert_eq!(louvain(3, &[], 1.0, 1).community, vec![1, 2, 3]);
        let best = louvain_best(300, &e, 1.0, 9, RESTARTS);
        assert!(best.modularity >= louvain(300, &e, 1.0, 9).modularity - 0.05);
        assert_eq!(best, louvain_best(300, &e, 1.0, 9, RESTARTS));
    }
}
