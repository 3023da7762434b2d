//! Compact adjacency for the shortest-path searches, and the leaf reduction
//! of undirected graphs.

/// Compressed adjacency: the neighbours of node `v` are `adj[off[v]..off[v + 1]]`,
/// sorted, without duplicates or self-loops.
pub(super) struct Csr {
    off: Vec<usize>,
    adj: Vec<u32>,
}

impl Csr {
    /// Build from directed pairs `(a, b)` (an arc a → b); duplicates and
    /// self-loops are dropped. O(|E| log |E|).
    pub(super) fn new(n: usize, mut pairs: Vec<(u32, u32)>) -> Csr {
        pairs.retain(|(a, b)| a != b);
        pairs.sort_unstable();
        pairs.dedup();
        let mut off = vec![0usize; n + 1];
        for &(a, _) in &pairs {
            off[a as usize + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        let adj = pairs.into_iter().map(|(_, b)| b).collect();
        Csr { off, adj }
    }

    pub(super) fn len(&self) -> usize {
        self.off.len() - 1
    }

    /// Number of arcs (an undirected edge counts twice).
    pub(super) fn arcs(&self) -> usize {
        self.adj.len()
    }

    pub(super) fn of(&self, v: usize) -> &[u32] {
        &self.adj[self.off[v]..self.off[v + 1]]
    }
}

/// An undirected graph without its leaves: a leaf is a node of degree 1
/// whose neighbour has a higher degree (the two ends of an isolated edge stay).
/// Every shortest path to or from a leaf runs through its neighbour, its
/// *anchor*, so the searches run on the other nodes (the core) only and the
/// leaves are accounted for by counts (see [`super::search`]).
pub(super) struct Reduced {
    /// The core, nodes renumbered `0..c` in breadth-first order (see [`locality_order`]).
    pub core: Csr,
    /// Original index of each core node.
    pub original: Vec<u32>,
    /// Number of leaves anchored at each core node.
    pub leaves: Vec<u32>,
    /// Per original node: its core index, or for a leaf, its anchor's core index.
    pub place: Vec<u32>,
    /// Per original node: whether it is a leaf.
    pub is_leaf: Vec<bool>,
}

impl Reduced {
    /// Reduce the symmetric adjacency `full` (each edge stored both ways).
    pub(super) fn new(full: &Csr) -> Reduced {
        let n = full.len();
        let deg = |v: usize| full.of(v).len();
        let is_leaf: Vec<bool> = (0..n).map(|v| deg(v) == 1 && deg(full.of(v)[0] as usize) > 1).collect();
        let original = locality_order(full, &is_leaf);
        let mut place = vec![u32::MAX; n];
        for (c, &v) in original.iter().enumerate() {
            place[v as usize] = c as u32;
        }
        let mut leaves = vec![0u32; original.len()];
        for v in (0..n).filter(|&v| is_leaf[v]) {
            let anchor = place[full.of(v)[0] as usize];
            place[v] = anchor;
            leaves[anchor as usize] += 1;
        }
        let (place_ref, leaf_ref) = (&place, &is_leaf);
        let pairs = original
            .iter()
            .enumerate()
            .flat_map(|(c, &v)| {
                let core = full.of(v as usize).iter().filter(|&&w| !leaf_ref[w as usize]);
                core.map(move |&w| (c as u32, place_ref[w as usize]))
            })
            .collect();
        Reduced { core: Csr::new(original.len(), pairs), original, leaves, place, is_leaf }
    }

    /// No reduction: every node is core, none has leaves (directed graphs).
    pub(super) fn identity(g: Csr) -> Reduced {
        let n = g.len();
        let ids: Vec<u32> = (0..n as u32).collect();
        Reduced { core: g, original: ids.clone(), leaves: vec![0; n], place: ids, is_leaf: vec![false; n] }
    }
}

/// The nodes of `g` that are not `skip`ped, in breadth-first order: each
/// component from its node of highest degree (lowest index among equals),
/// components in that order too. Numbered so, the nodes a search touches
/// one after the other sit close in memory. O(|V| log |V| + |E|).
fn locality_order(g: &Csr, skip: &[bool]) -> Vec<u32> {
    let mut roots: Vec<u32> = (0..g.len() as u32).filter(|&v| !skip[v as usize]).collect();
    roots.sort_by_key(|&v| (std::cmp::Reverse(g.of(v as usize).len()), v));
    let mut seen = skip.to_vec();
    let mut order = Vec::with_capacity(roots.len());
    for r in roots {
        if seen[r as usize] {
            continue;
        }
        seen[r as usize] = true;
        let mut head = order.len();
        order.push(r);
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in g.of(v) {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    order.push(w);
                }
            }
        }
    }
    order
}
