//! The breadth-first searches of [`super::path_measures`] on the core of a
//! graph (see [`super::csr::Reduced`]), in blocks of sources run in parallel
//! and added in block order.
//!
//! Each search from a source `s` (Brandes 2001) counts shortest paths (σ)
//! going out and pulls the dependencies (δ) back along the out-edges,
//! farthest nodes first. With `leaves[v]` leaves hanging on core node `v`:
//! a leaf of `s` starts the same paths as `s` one step earlier, and a leaf of
//! `v` is one more target behind `v`, so
//! δ(v) = leaves(v) + σ(v) · Σ over successors w of (1 + δ(w)) / σ(w), and a
//! source's dependencies count once for it and once per leaf it anchors
//! (its betweenness weight). Distances count the same way: a node at
//! distance d from `s` is at d + 1 from each leaf of `s`.

use rayon::prelude::*;

use super::csr::Csr;

/// Sums over a set of sources, indexed by core node.
pub(super) struct Acc {
    /// Σ weight(s) · δ_s(v) over sources s ≠ v.
    pub between: Vec<f64>,
    /// Σ of the distances from every node (core or leaf) that reaches v.
    pub in_sum: Vec<u64>,
    /// How many nodes (core or leaf, other than v and its own leaves) reach v.
    pub in_count: Vec<u64>,
    /// Σ 1/d over the same nodes.
    pub harmonic: Vec<f64>,
    /// Σ 1/(d + 1) over the same nodes: the harmonic sum of a leaf of v, for
    /// nodes that anchor leaves (0 elsewhere).
    pub leaf_harmonic: Vec<f64>,
}

impl Acc {
    fn new(n: usize) -> Acc {
        Acc {
            between: vec![0.0; n],
            in_sum: vec![0; n],
            in_count: vec![0; n],
            harmonic: vec![0.0; n],
            leaf_harmonic: vec![0.0; n],
        }
    }

    fn add(&mut self, o: &Acc) {
        let floats = [(&mut self.between, &o.between), (&mut self.harmonic, &o.harmonic)];
        for (a, b) in floats.into_iter().chain([(&mut self.leaf_harmonic, &o.leaf_harmonic)]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        for (a, b) in [(&mut self.in_sum, &o.in_sum), (&mut self.in_count, &o.in_count)] {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
    }
}

/// What a pass computes.
#[derive(Clone, Copy)]
pub(super) struct Pass<'a> {
    pub g: &'a Csr,
    /// Leaves anchored at each core node (all 0 without a reduction).
    pub leaves: &'a [u32],
    /// Accumulate betweenness (σ and δ).
    pub between: bool,
    /// Accumulate distances (closeness and harmonic).
    pub dist: bool,
}

/// Run the searches from `sources` (core node, betweenness weight) in blocks
/// whose sizes depend only on the number of sources, in parallel, and add the
/// blocks' sums in block order, so the result never depends on the scheduling.
pub(super) fn run_blocks(pass: Pass, sources: &[(u32, f64)]) -> Acc {
    // At most 64 blocks, and none smaller than 1,024 sources: each block costs
    // O(|V|) to set up and to add, which small, sparse networks notice.
    let block = sources.len().div_ceil(64).max(1024);
    let n = pass.g.len();
    // 1/d for every distance a search can give, plus the two steps to leaves.
    let inv: Vec<f64> = (0..n + 3).map(|d| if d == 0 { 0.0 } else { 1.0 / d as f64 }).collect();
    let parts: Vec<Acc> = sources.par_chunks(block).map(|chunk| search_block(pass, chunk, &inv)).collect();
    let mut total = Acc::new(n);
    for p in &parts {
        total.add(p);
    }
    total
}

/// A node's state during one search: its distance from the source, and σ
/// (shortest paths from the source) until the dependency pass replaces it
/// by (1 + δ) / σ, the share each predecessor receives per path. One slot
/// per node, so a neighbour costs one memory access.
#[derive(Clone, Copy)]
struct Slot {
    dist: u32,
    val: f64,
}

const UNSEEN: Slot = Slot { dist: u32::MAX, val: 0.0 };

/// The searches from one block of sources, with buffers reused across them.
fn search_block(p: Pass, sources: &[(u32, f64)], inv: &[f64]) -> Acc {
    let n = p.g.len();
    let mut acc = Acc::new(n);
    let mut slot = vec![UNSEEN; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    // The arcs of the shortest-path DAG, grouped by tail in search order:
    // the successors of `order[i]` are `succ[start[i]..start[i + 1]]`.
    let mut succ: Vec<u32> = vec![0; if p.between { p.g.arcs() } else { 0 }];
    let mut start: Vec<u32> = Vec::with_capacity(n + 1);
    for &(s, weight) in sources {
        let s = s as usize;
        order.clear();
        start.clear();
        slot[s] = Slot { dist: 0, val: 1.0 };
        order.push(s as u32);
        let (mut head, mut arcs) = (0, 0);
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let Slot { dist: dv, val: sv } = slot[v];
            start.push(arcs as u32);
            for &w in p.g.of(v) {
                let sw = &mut slot[w as usize];
                if sw.dist == u32::MAX {
                    sw.dist = dv + 1;
                    order.push(w);
                }
                if p.between && sw.dist == dv + 1 {
                    sw.val += sv;
                    succ[arcs] = w;
                    arcs += 1;
                }
            }
        }
        start.push(arcs as u32);
        if p.dist {
            add_distances(&mut acc, &order, &slot, p.leaves, inv);
        }
        if p.between {
            // Farthest nodes first: a node's successors are final before it.
            for i in (0..order.len()).rev() {
                let v = order[i] as usize;
                let arcs = &succ[start[i] as usize..start[i + 1] as usize];
                let sum = arcs.iter().fold(0.0, |acc, &w| acc + slot[w as usize].val);
                let sv = slot[v].val;
                let delta = p.leaves[v] as f64 + sv * sum;
                slot[v].val = (1.0 + delta) / sv;
                if v != s {
                    acc.between[v] += weight * delta;
                }
            }
        }
        for &w in &order {
            slot[w as usize] = UNSEEN;
        }
    }
    acc
}

/// Add the distances of one search (source `order[0]`) to the incoming sums
/// of the nodes it reached, counting the source's leaves one step farther.
fn add_distances(acc: &mut Acc, order: &[u32], slot: &[Slot], leaves: &[u32], inv: &[f64]) {
    let ls = leaves[order[0] as usize];
    let (count, extra, lf) = (1 + ls as u64, ls as u64, ls as f64);
    for &w in &order[1..] {
        let (w, d) = (w as usize, slot[w as usize].dist as usize);
        acc.in_sum[w] += count * d as u64 + extra;
        acc.in_count[w] += count;
        if ls == 0 {
            acc.harmonic[w] += inv[d];
        } else {
            acc.harmonic[w] += inv[d] + lf * inv[d + 1];
        }
        if leaves[w] > 0 {
            acc.leaf_harmonic[w] += inv[d + 1] + lf * inv[d + 2];
        }
    }
}
