//! The negotiation graph: typed nodes and relations with evidence, stored in a
//! petgraph `StableDiGraph` and keyed by readable ids. It merges repeated
//! mentions and serialises to `graph.json`; it does not extract or analyse.

mod model;

pub use model::{AttrValue, Attrs, Edge, Evidence, Node, NodeKind, Relation, slug};

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::io::{Read, Write};

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, EdgeReference, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::{Deserialize, Serialize};

/// Evidence records kept per node or edge: the first in corpus order (document
/// id, sentence, span). More are counted (`evidence_count`) but not kept, so
/// memory follows the number of entities, not the number of mentions — the
/// four-island claim restated in 100,000 articles keeps 64 sentences, not
/// 100,000. Every document a node appears in stays linked by its
/// `mentioned_in` edge.
pub const EVIDENCE_KEPT: usize = 64;

/// Evidence kept on a `mentioned_in` edge: its first mention in the document.
/// There is one such edge per (entity, document), the only part of the graph
/// that grows with the corpus, so it keeps one sentence and counts the rest.
pub const MENTION_EVIDENCE_KEPT: usize = 1;

fn kept(relation: Option<Relation>) -> usize {
    match relation {
        Some(Relation::MentionedIn) => MENTION_EVIDENCE_KEPT,
        _ => EVIDENCE_KEPT,
    }
}

/// Version of the `graph.json` layout; bumped on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// Errors reading or writing `graph.json`.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("cannot parse graph JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("graph JSON has format version {found}, this kurilnet reads version {FORMAT_VERSION}")]
    Version { found: u32 },
    #[error("edge {edge} names a node that does not exist: {missing}")]
    DanglingEdge { edge: String, missing: String },
    #[error("node id {0:?} occurs twice")]
    DuplicateNode(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Corpus-level facts carried with the graph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// Number of documents read successfully.
    pub documents: usize,
    /// Problems met while reading the corpus (file and message), for the record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The graph. Node ids are unique; an edge is unique per (source, relation, target).
#[derive(Clone, Debug, Default)]
pub struct Graph {
    g: StableDiGraph<Node, Edge>,
    // Fx hashing: these maps are looked up for every node and edge read (several per
    // sentence); ids come from our own extraction, never from an adversary, and nothing
    // iterates the maps in a way the output depends on.
    ids: FxHashMap<String, NodeIndex>,
    edge_ids: FxHashMap<(NodeIndex, Relation, NodeIndex), EdgeIndex>,
    /// Whether merges keep evidence bounded (see [`EVIDENCE_KEPT`]).
    bounded: bool,
    /// Nodes merged away by [`Graph::merge_nodes_deferred`], still stored until [`Graph::purge`].
    dead: FxHashSet<NodeIndex>,
    pub meta: Meta,
}

#[derive(Serialize)]
struct GraphFileRef<'a> {
    format: u32,
    meta: &'a Meta,
    nodes: Vec<&'a Node>,
    edges: Vec<&'a Edge>,
}

#[derive(Serialize, Deserialize)]
struct GraphFile {
    format: u32,
    meta: Meta,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl Graph {
    pub fn new() -> Self {
        Self::default()
    }

    /// A graph whose merges keep at most [`EVIDENCE_KEPT`] evidence records per
    /// node and edge (counting the rest): what a corpus-wide graph uses.
    pub fn bounded() -> Self {
        Graph { bounded: true, ..Self::default() }
    }

    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.ids.get(id).map(|&i| &self.g[i])
    }

    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        let i = *self.ids.get(id)?;
        Some(&mut self.g[i])
    }

    /// Add a node, or merge it into the node with the same id: evidence is
    /// united, attributes already set are kept and missing ones filled in.
    pub fn upsert_node(&mut self, node: Node) -> &mut Node {
        let i = self.upsert_node_index(node);
        &mut self.g[i]
    }

    /// [`Graph::upsert_node`], returning the node's index (valid until the next
    /// removal or [`Graph::purge`]). O(1) expected plus the merge.
    pub fn upsert_node_index(&mut self, node: Node) -> NodeIndex {
        match self.ids.get(&node.id) {
            Some(&i) => {
                merge_node(&mut self.g[i], node, self.bounded);
                i
            }
            None => {
                let id = node.id.clone();
                let i = self.g.add_node(node);
                self.ids.insert(id, i);
                i
            }
        }
    }

    /// Add an edge, or merge its evidence into the existing edge with the same
    /// (source, relation, target). Both end nodes must exist.
    pub fn upsert_edge(&mut self, edge: Edge) -> Result<(), GraphError> {
        let s = *self
            .ids
            .get(&edge.source)
            .ok_or_else(|| GraphError::DanglingEdge { edge: edge.id(), missing: edge.source.clone() })?;
        let t = *self
            .ids
            .get(&edge.target)
            .ok_or_else(|| GraphError::DanglingEdge { edge: edge.id(), missing: edge.target.clone() })?;
        self.upsert_edge_at(s, t, edge);
        Ok(())
    }

    /// [`Graph::upsert_edge`] with the end nodes already looked up.
    fn upsert_edge_at(&mut self, s: NodeIndex, t: NodeIndex, edge: Edge) {
        match self.edge_ids.get(&(s, edge.relation, t)) {
            Some(&e) => merge_edge(&mut self.g[e], edge, self.bounded),
            None => {
                let rel = edge.relation;
                let e = self.g.add_edge(s, t, edge);
                self.edge_ids.insert((s, rel, t), e);
            }
        }
    }

    /// The node at index `i` (from [`Graph::upsert_node_index`] or [`Graph::index_of`]).
    ///
    /// # Panics
    /// If `i` is not a node of this graph.
    pub fn node_at(&self, i: NodeIndex) -> &Node {
        &self.g[i]
    }

    /// Add one evidence record to the node at `i`, as upserting a node with the
    /// same id, label and attributes and only that evidence would. O(1) unless bounded.
    pub fn add_node_evidence(&mut self, i: NodeIndex, ev: Evidence) {
        let keep = self.bounded.then(|| kept(None));
        let n = &mut self.g[i];
        n.evidence_total = merge_one_evidence(&mut n.evidence, n.evidence_total, ev, keep);
    }

    /// Add the edge `s -relation-> t` with one evidence record and the rule that
    /// inferred it, or merge these into the existing edge: the result of
    /// [`Graph::upsert_edge`] with the end nodes already looked up, but the
    /// edge's id strings are only copied when the edge is new.
    ///
    /// O(1) expected (plus the bounded evidence merge).
    pub fn link(&mut self, s: NodeIndex, t: NodeIndex, relation: Relation, ev: Evidence, rule: Option<&str>) {
        match self.edge_ids.get(&(s, relation, t)) {
            Some(&e) => {
                let keep = self.bounded.then(|| kept(Some(relation)));
                let cur = &mut self.g[e];
                cur.evidence_total = merge_one_evidence(&mut cur.evidence, cur.evidence_total, ev, keep);
                if cur.rule.is_none() {
                    cur.rule = rule.map(String::from);
                }
                // As merge_edge with an edge of no dates.
                if cur.start.is_none() {
                    cur.end = None;
                }
            }
            None => {
                let mut edge = Edge::new(self.g[s].id.clone(), self.g[t].id.clone(), relation);
                edge.evidence.push(ev);
                edge.rule = rule.map(String::from);
                let e = self.g.add_edge(s, t, edge);
                self.edge_ids.insert((s, relation, t), e);
            }
        }
    }

    /// Merge every node and edge of `other` into this graph, moving them (no
    /// copies): how per-document fragments join the corpus graph. Equivalent
    /// to upserting `other`'s nodes and then its edges in storage order.
    ///
    /// O(|other|) expected: `other` is taken apart in one pass and its edges
    /// find their ends through its node indices, not by id.
    pub fn absorb(&mut self, other: Graph) {
        let mut at = vec![NodeIndex::end(); other.g.node_bound()];
        let (nodes, edges) = other.g.into_nodes_edges_iters();
        for n in nodes {
            at[n.index.index()] = self.upsert_node_index(n.weight);
        }
        for e in edges {
            // Every edge of a graph joins two of its nodes, all just added.
            self.upsert_edge_at(at[e.source.index()], at[e.target.index()], e.weight);
        }
    }

    /// Make equal evidence strings (document ids, sentence texts) share one
    /// allocation: a document's fragment repeats its sentence once per
    /// record (the node, its `mentioned_in` edge, the state it represents …),
    /// and after this the corpus graph keeps each sentence once. The output is
    /// unchanged (the strings are equal).
    ///
    /// O(total evidence text) expected; the table lives only for this call,
    /// so call it per fragment, not on the corpus graph.
    pub fn share_evidence_strings(&mut self) {
        let mut seen: std::collections::HashSet<std::sync::Arc<str>> = std::collections::HashSet::new();
        let mut share = |s: &mut std::sync::Arc<str>| match seen.get(&**s) {
            Some(a) => *s = a.clone(),
            None => {
                seen.insert(s.clone());
            }
        };
        for ev in self.g.node_weights_mut().flat_map(|n| n.evidence.iter_mut()) {
            share(&mut ev.doc);
            share(&mut ev.text);
        }
        for ev in self.g.edge_weights_mut().flat_map(|e| e.evidence.iter_mut()) {
            share(&mut ev.doc);
            share(&mut ev.text);
        }
    }

    /// The nodes and edges, moved out in storage order (not sorted). O(n + m).
    pub fn into_parts(self) -> (Vec<Node>, Vec<Edge>) {
        let (nodes, edges) = self.g.into_nodes_edges_iters();
        (nodes.map(|n| n.weight).collect(), edges.map(|e| e.weight).collect())
    }

    /// Remove a node and all its edges.
    ///
    /// O(degree): only the node's own edges are unindexed.
    pub fn remove_node(&mut self, id: &str) -> Option<Node> {
        let i = self.ids.remove(id)?;
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.g.edges_directed(i, dir) {
                self.edge_ids.remove(&(e.source(), e.weight().relation, e.target()));
            }
        }
        self.g.remove_node(i)
    }

    /// Remove every edge matching the predicate.
    pub fn retain_edges(&mut self, mut keep: impl FnMut(&Edge) -> bool) {
        let drop: Vec<EdgeIndex> = self.g.edge_indices().filter(|&e| !keep(&self.g[e])).collect();
        for e in drop {
            if let Some((s, t)) = self.g.edge_endpoints(e) {
                let rel = self.g[e].relation;
                self.edge_ids.remove(&(s, rel, t));
            }
            self.g.remove_edge(e);
        }
    }

    /// Merge node `from` into node `into`: evidence and attributes are united and
    /// every edge of `from` is moved to `into` (self-loops created by the move are dropped).
    pub fn merge_nodes(&mut self, from: &str, into: &str) -> Result<(), GraphError> {
        if from == into || !self.contains(into) {
            return Ok(());
        }
        let Some(&fi) = self.ids.get(from) else { return Ok(()) };
        let mut moved = Vec::new();
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.g.edges_directed(fi, dir) {
                moved.push(e.weight().clone());
            }
        }
        let node = self.remove_node(from).expect("present");
        self.take_over(node, moved, from, into)
    }

    /// The end of a merge: `from`'s node data and its `moved` edges go to `into`
    /// (self-loops created by the move are dropped).
    fn take_over(&mut self, node: Node, moved: Vec<Edge>, from: &str, into: &str) -> Result<(), GraphError> {
        self.upsert_node(Node { id: into.to_string(), ..node });
        for mut e in moved {
            if e.source == from {
                e.source = into.to_string();
            }
            if e.target == from {
                e.target = into.to_string();
            }
            if e.source != e.target {
                self.upsert_edge(e)?;
            }
        }
        Ok(())
    }

    /// [`Graph::merge_nodes`] for many merges in a row: `from` is unindexed
    /// (no lookup finds it, no later merge moves its edges) but stays stored
    /// until [`Graph::purge`], which must run before the graph is read as a
    /// whole (node or edge iteration, counts, export). Removing a node from
    /// petgraph walks the edge lists of all its neighbours, so a merge next to
    /// a hub (a place met in ten thousand times) would cost the hub's degree.
    ///
    /// O(degree of `from`) expected.
    pub fn merge_nodes_deferred(&mut self, from: &str, into: &str) -> Result<(), GraphError> {
        if from == into || !self.contains(into) {
            return Ok(());
        }
        let Some(fi) = self.ids.remove(from) else { return Ok(()) };
        let mut moved = Vec::new();
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in self.g.edges_directed(fi, dir) {
                self.edge_ids.remove(&(e.source(), e.weight().relation, e.target()));
                let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
                if !self.dead.contains(&other) {
                    moved.push(e.weight().clone());
                }
            }
        }
        self.dead.insert(fi);
        // The stored node is dropped by `purge` unread: move its data out instead of copying it.
        let kind = self.g[fi].kind;
        let node = std::mem::replace(&mut self.g[fi], Node::new(from, kind, ""));
        self.take_over(node, moved, from, into)
    }

    /// Drop the nodes merged away by [`Graph::merge_nodes_deferred`] and their
    /// edges in one pass, keeping the storage order of the rest. O(n + m).
    pub fn purge(&mut self) {
        if self.dead.is_empty() {
            return;
        }
        let dead = std::mem::take(&mut self.dead);
        let old = std::mem::take(&mut self.g);
        let mut at = vec![NodeIndex::end(); old.node_bound()];
        let (nodes, edges) = old.into_nodes_edges_iters();
        self.ids.clear();
        self.edge_ids.clear();
        for n in nodes.filter(|n| !dead.contains(&n.index)) {
            let id = n.weight.id.clone();
            let i = self.g.add_node(n.weight);
            self.ids.insert(id, i);
            at[n.index.index()] = i;
        }
        for e in edges.filter(|e| !dead.contains(&e.source) && !dead.contains(&e.target)) {
            let (s, t) = (at[e.source.index()], at[e.target.index()]);
            let rel = e.weight.relation;
            let i = self.g.add_edge(s, t, e.weight);
            self.edge_ids.insert((s, rel, t), i);
        }
    }

    /// Nodes sorted by id (deterministic order for every export).
    ///
    /// Sorts on every call, O(n log n): callers in a loop should call it once.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.g.node_weights().collect();
        // Ids are unique, so an unstable sort gives the one sorted order.
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Nodes of one kind, sorted by id (only those are sorted).
    pub fn nodes_of(&self, kind: NodeKind) -> Vec<&Node> {
        let mut v: Vec<&Node> = self.g.node_weights().filter(|n| n.kind == kind).collect();
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges sorted by (source, relation, target).
    ///
    /// Sorts on every call, O(n log n + m log m): callers in a loop should call it once.
    pub fn edges(&self) -> Vec<&Edge> {
        self.sorted_edges(|_| true)
    }

    /// Edges of one relation, sorted by (source, target).
    pub fn edges_of(&self, relation: Relation) -> Vec<&Edge> {
        self.sorted_edges(|e| e.relation == relation)
    }

    /// The edges `keep` accepts, sorted by (source id, relation, target id).
    ///
    /// With more edges than nodes, ranking the nodes by id once and sorting
    /// the edges by integer ranks is several times faster than comparing two
    /// id strings per comparison; with fewer, comparing the strings is cheaper
    /// than ranking every node. Both give the same order (ids are unique).
    fn sorted_edges(&self, keep: impl Fn(&Edge) -> bool) -> Vec<&Edge> {
        let mut v: Vec<EdgeReference<'_, Edge>> = (&self.g).edge_references().filter(|e| keep(e.weight())).collect();
        // (source, relation, target) is unique per edge: unstable sorts are exact.
        if v.len() <= self.g.node_count() {
            v.sort_unstable_by(|a, b| {
                let (a, b) = (a.weight(), b.weight());
                (&a.source, a.relation, &a.target).cmp(&(&b.source, b.relation, &b.target))
            });
            return v.into_iter().map(|e| e.weight()).collect();
        }
        let mut order: Vec<NodeIndex> = self.g.node_indices().collect();
        order.sort_unstable_by(|&a, &b| self.g[a].id.cmp(&self.g[b].id));
        let mut rank = vec![0usize; self.g.node_bound()];
        for (r, i) in order.into_iter().enumerate() {
            rank[i.index()] = r;
        }
        v.sort_unstable_by_key(|e| (rank[e.source().index()], e.weight().relation, rank[e.target().index()]));
        v.into_iter().map(|e| e.weight()).collect()
    }

    /// Ids of the nodes at the other end of `id`'s edges of one relation, in the given direction.
    pub fn neighbours(&self, id: &str, relation: Relation, dir: Direction) -> Vec<&str> {
        let Some(&i) = self.ids.get(id) else { return Vec::new() };
        let mut v: Vec<&str> = self
            .g
            .edges_directed(i, dir)
            .filter(|e| e.weight().relation == relation)
            .map(|e| {
                let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
                self.g[other].id.as_str()
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.g
    }

    /// Node index of an id in [`Graph::petgraph`].
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// Count nodes per kind (every kind present, zero included).
    pub fn count_by_kind(&self) -> BTreeMap<NodeKind, usize> {
        let mut m: BTreeMap<NodeKind, usize> = NodeKind::ALL.iter().map(|&k| (k, 0)).collect();
        for n in self.g.node_weights() {
            *m.entry(n.kind).or_default() += 1;
        }
        m
    }

    /// Sort and deduplicate every evidence list (done before export so output is canonical).
    pub fn canonicalize(&mut self) {
        for n in self.g.node_weights_mut() {
            n.evidence_total = merge_evidence(&mut n.evidence, n.evidence_total, Vec::new(), 0, Some(kept(None)));
            canon_evidence(&mut n.evidence);
            n.attrs.aliases.sort();
            n.attrs.aliases.dedup();
            n.attrs.proposer.sort();
            n.attrs.proposer.dedup();
            n.attrs.islands.sort();
            n.attrs.islands.dedup();
        }
        for e in self.g.edge_weights_mut() {
            e.evidence_total =
                merge_evidence(&mut e.evidence, e.evidence_total, Vec::new(), 0, Some(kept(Some(e.relation))));
            canon_evidence(&mut e.evidence);
        }
    }

    /// Write `graph.json` (pretty, sorted, byte-stable).
    pub fn write_json<W: Write>(&self, w: W) -> Result<(), GraphError> {
        // A large graph is written without a copy when it is already canonical
        // (as extraction leaves it); otherwise a canonical copy is written.
        if !self.is_canonical() {
            let mut this = self.clone();
            this.canonicalize();
            return this.write_json(w);
        }
        let file = GraphFileRef { format: FORMAT_VERSION, meta: &self.meta, nodes: self.nodes(), edges: self.edges() };
        serde_json::to_writer_pretty(w, &file)?;
        Ok(())
    }

    /// Whether every list is in the order [`Graph::canonicalize`] gives it.
    fn is_canonical(&self) -> bool {
        fn sorted<T: Ord>(v: &[T]) -> bool {
            v.windows(2).all(|w| w[0] < w[1])
        }
        self.g.node_weights().all(|n| {
            sorted(&n.evidence)
                && n.evidence.len() <= kept(None)
                && sorted(&n.attrs.aliases)
                && sorted(&n.attrs.proposer)
                && sorted(&n.attrs.islands)
        }) && self.g.edge_weights().all(|e| sorted(&e.evidence) && e.evidence.len() <= kept(Some(e.relation)))
    }

    pub fn to_json_string(&self) -> Result<String, GraphError> {
        let mut buf = Vec::new();
        self.write_json(&mut buf)?;
        buf.push(b'\n');
        Ok(String::from_utf8(buf).expect("serde_json writes UTF-8"))
    }

    /// Read a graph written by [`Graph::write_json`].
    pub fn read_json<R: Read>(r: R) -> Result<Graph, GraphError> {
        let file: GraphFile = serde_json::from_reader(r)?;
        if file.format != FORMAT_VERSION {
            return Err(GraphError::Version { found: file.format });
        }
        let mut g = Graph { meta: file.meta, ..Graph::bounded() };
        for n in file.nodes {
            if g.contains(&n.id) {
                return Err(GraphError::DuplicateNode(n.id));
            }
            g.upsert_node(n);
        }
        for e in file.edges {
            g.upsert_edge(e)?;
        }
        Ok(g)
    }

    /// Read `graph.json` from a path, naming the file in the error.
    pub fn load(path: &std::path::Path) -> anyhow::Result<Graph> {
        use anyhow::Context;
        use std::io::BufRead;
        let file = std::fs::File::open(path).with_context(|| format!("cannot open graph file {}", path.display()))?;
        // Read as a stream: a large graph.json is never held in memory as bytes.
        let mut r = std::io::BufReader::with_capacity(1 << 16, file);
        // Editors on Windows may save JSON with a byte-order mark, which serde_json refuses.
        let bom = "\u{feff}".as_bytes();
        if r.fill_buf().with_context(|| format!("cannot open graph file {}", path.display()))?.starts_with(bom) {
            r.consume(bom.len());
        }
        Graph::read_json(r).with_context(|| format!("{} is not a kurilnet graph", path.display()))
    }
}

fn canon_evidence(ev: &mut Vec<Evidence>) {
    ev.sort();
    ev.dedup();
}

/// Unite two evidence lists; returns the new `evidence_total`.
///
/// Unbounded (`keep` is `None`, as inside one document's fragment): lists are
/// joined and deduplicated later by [`Graph::canonicalize`]. Bounded: both
/// lists are deduplicated, joined and cut to the first `keep` records; the total
/// counts distinct records exactly as long as dropped ones do not recur, which
/// holds across documents (evidence names its document).
fn merge_evidence(
    cur: &mut Vec<Evidence>,
    cur_total: usize,
    mut new: Vec<Evidence>,
    new_total: usize,
    keep: Option<usize>,
) -> usize {
    let Some(keep) = keep else {
        cur.extend(new);
        return cur_total + new_total;
    };
    if cur_total == 0 {
        canon_evidence(cur);
    }
    if new_total == 0 {
        canon_evidence(&mut new);
    }
    let claimed = cur_total.max(cur.len()) + new_total.max(new.len());
    let joined = cur.len() + new.len();
    cur.extend(new);
    canon_evidence(cur);
    let total = claimed - (joined - cur.len());
    cur.truncate(keep);
    if total > cur.len() { total } else { 0 }
}

/// [`merge_evidence`] of one new record (total 0), without a vector for it when unbounded.
fn merge_one_evidence(cur: &mut Vec<Evidence>, cur_total: usize, ev: Evidence, keep: Option<usize>) -> usize {
    match keep {
        None => {
            cur.push(ev);
            cur_total
        }
        Some(_) => merge_evidence(cur, cur_total, vec![ev], 0, keep),
    }
}

fn merge_vec(into: &mut Vec<String>, from: Vec<String>) {
    for x in from {
        if !into.contains(&x) {
            into.push(x);
        }
    }
}

fn merge_node(cur: &mut Node, new: Node, bounded: bool) {
    let keep = bounded.then(|| kept(None));
    cur.evidence_total = merge_evidence(&mut cur.evidence, cur.evidence_total, new.evidence, new.evidence_total, keep);
    let a = &mut cur.attrs;
    let b = new.attrs;
    macro_rules! fill {
        ($($f:ident),*) => {$( if a.$f.is_none() { a.$f = b.$f; } )*};
    }
    fill!(country, role, start, end, status, place, meeting_type, family, arrangement, source, title);
    merge_vec(&mut a.proposer, b.proposer);
    merge_vec(&mut a.islands, b.islands);
    merge_vec(&mut a.conditions, b.conditions);
    // A node's own label is never its alias, whichever fragments were merged first
    // (so the result does not depend on how the corpus was split between threads).
    let label = &cur.label;
    merge_vec(&mut a.aliases, b.aliases.into_iter().filter(|x| x != label).collect());
    if new.label != cur.label && !a.aliases.contains(&new.label) {
        a.aliases.push(new.label);
    }
    for (k, v) in b.extra {
        a.extra.entry(k).or_insert(v);
    }
}

fn merge_edge(cur: &mut Edge, new: Edge, bounded: bool) {
    let keep = bounded.then(|| kept(Some(cur.relation)));
    cur.evidence_total = merge_evidence(&mut cur.evidence, cur.evidence_total, new.evidence, new.evidence_total, keep);
    if cur.rule.is_none() {
        cur.rule = new.rule;
    }
    if cur.start.is_none() {
        cur.start = new.start;
        cur.end = new.end;
    }
    if let (Some(a), Some(b)) = (cur.weight, new.weight) {
        cur.weight = Some(a + b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(doc: &str, s: usize) -> Evidence {
        Evidence { doc: doc.into(), sentence: s, start: s * 10, end: s * 10 + 5, text: format!("sentence {s}").into() }
    }

    fn person(id: &str, doc: &str) -> Node {
        let mut n = Node::new(id, NodeKind::Person, id);
        n.evidence.push(ev(doc, 0));
        n
    }

    /// `link` and `add_node_evidence` leave the graph as `upsert_edge` and
    /// `upsert_node` of the same records do, bounded or not, past the bound too.
    #[test]
    fn link_and_add_evidence_equal_upserts() {
        for bounded in [false, true] {
            let mk = || if bounded { Graph::bounded() } else { Graph::new() };
            let (mut a, mut b) = (mk(), mk());
            for g in [&mut a, &mut b] {
                g.upsert_node(person("kono", "d1"));
                g.upsert_node(Node::new("doc-d1", NodeKind::Document, "d1"));
            }
            let (ka, da) = (a.index_of("kono").unwrap(), a.index_of("doc-d1").unwrap());
            for s in (0..EVIDENCE_KEPT + 5).rev() {
                let rule = (s % 3 == 0).then(|| format!("r{s}"));
                for rel in [Relation::MentionedIn, Relation::Represents] {
                    let mut e = Edge::new("kono", "doc-d1", rel);
                    e.evidence.push(ev("d1", s));
                    e.rule = rule.clone();
                    b.upsert_edge(e).unwrap();
                    a.link(ka, da, rel, ev("d1", s), rule.as_deref());
                }
                let mut n = Node::new("kono", NodeKind::Person, "kono");
                n.evidence.push(ev("d2", s));
                b.upsert_node(n);
                a.add_node_evidence(ka, ev("d2", s));
            }
            assert_eq!(a.node_at(ka), b.node("kono").unwrap());
            assert_eq!(a.edges(), b.edges(), "bounded: {bounded}");
            assert_eq!(a.to_json_string().unwrap(), b.to_json_string().unwrap(), "bounded: {bounded}");
            assert_eq!(a.node("kono").unwrap().evidence_count(), EVIDENCE_KEPT + 6);
        }
    }

    #[test]
    fn upsert_merges_evidence_and_fills_attributes() {
        let mut g = Graph::new();
        let mut a = person("taro-kono", "d1");
        a.attrs.country = Some("JP".into());
        g.upsert_node(a);
        let mut b = person("taro-kono", "d2");
        b.attrs.country = Some("XX".into());
        b.attrs.role = Some("foreign minister".into());
        g.upsert_node(b);
        let n = g.node("taro-kono").unwrap();
        assert_eq!(g.node_count(), 1);
        assert_eq!(n.evidence.len(), 2);
        assert_eq!(n.attrs.country.as_deref(), Some("JP"));
        assert_eq!(n.attrs.role.as_deref(), Some("foreign minister"));
    }

    #[test]
    fn edges_need_both_ends_and_merge_per_relation() {
        let mut g = Graph::new();
        g.upsert_node(person("a", "d"));
        g.upsert_node(Node::new("m", NodeKind::Meeting, "m"));
        assert!(g.upsert_edge(Edge::new("a", "zzz", Relation::ParticipatedIn)).is_err());
        let mut e = Edge::new("a", "m", Relation::ParticipatedIn);
        e.evidence.push(ev("d", 1));
        g.upsert_edge(e.clone()).unwrap();
        e.evidence = vec![ev("d", 2)];
        g.upsert_edge(e).unwrap();
        g.upsert_edge(Edge::new("a", "m", Relation::MentionedIn)).unwrap();
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.edges_of(Relation::ParticipatedIn)[0].evidence.len(), 2);
    }

    #[test]
    fn merge_nodes_rewires_edges() {
        let mut g = Graph::new();
        for id in ["p", "q", "m1", "m2"] {
            g.upsert_node(person(id, "d"));
        }
        g.upsert_edge(Edge::new("p", "m1", Relation::ParticipatedIn)).unwrap();
        g.upsert_edge(Edge::new("q", "m2", Relation::ParticipatedIn)).unwrap();
        g.upsert_edge(Edge::new("m2", "m1", Relation::DerivedFrom)).unwrap();
        g.merge_nodes("m2", "m1").unwrap();
        assert!(!g.contains("m2"));
        assert_eq!(g.neighbours("m1", Relation::ParticipatedIn, Direction::Incoming), vec!["p", "q"]);
        assert!(g.edges_of(Relation::DerivedFrom).is_empty(), "self-loop dropped");
        assert_eq!(g.node("m1").unwrap().evidence.len(), 2);
    }

    #[test]
    fn deferred_merges_then_purge_equal_merges_one_by_one() {
        let build = || {
            let mut g = Graph::bounded();
            for id in ["p", "q", "m1", "m2", "m3", "x"] {
                g.upsert_node(person(id, id));
            }
            for (a, b, r) in [
                ("p", "m1", Relation::ParticipatedIn),
                ("q", "m2", Relation::ParticipatedIn),
                ("p", "m3", Relation::ParticipatedIn),
                ("m2", "m1", Relation::DerivedFrom),
                ("m3", "m2", Relation::DerivedFrom),
                ("x", "m3", Relation::MentionedIn),
            ] {
                let mut e = Edge::new(a, b, r);
                e.evidence.push(ev(a, 1));
                g.upsert_edge(e).unwrap();
            }
            g
        };
        let (mut one, mut deferred) = (build(), build());
        // m2 goes into m1, then m1 (which now holds m2's edges) into m3.
        for (from, into) in [("m2", "m1"), ("m1", "m3")] {
            one.merge_nodes(from, into).unwrap();
            deferred.merge_nodes_deferred(from, into).unwrap();
        }
        assert!(!deferred.contains("m1") && deferred.node("m3").is_some());
        deferred.purge();
        assert_eq!((deferred.node_count(), deferred.edge_count()), (one.node_count(), one.edge_count()));
        assert_eq!(deferred.to_json_string().unwrap(), one.to_json_string().unwrap());
    }

    #[test]
    fn json_round_trip_is_byte_stable() {
        let mut g = Graph::new();
        g.upsert_node(person("b", "d2"));
        g.upsert_node(person("a", "d1"));
        let mut e = Edge::new("b", "a", Relation::DerivedFrom);
        e.rule = Some("family-chain".into());
        e.evidence.push(ev("d1", 3));
        g.upsert_edge(e).unwrap();
        g.node_mut("a").unwrap().attrs.extra.insert("pagerank".into(), AttrValue::Float(0.25));
        let s1 = g.to_json_string().unwrap();
        let back = Graph::read_json(s1.as_bytes()).unwrap();
        assert_eq!(back.to_json_string().unwrap(), s1);
        assert_eq!(back.node("a").unwrap().attrs.extra["pagerank"], AttrValue::Float(0.25));
    }

    #[test]
    fn evidence_is_bounded_but_counted() {
        let mut g = Graph::bounded();
        // 200 documents mention the same node once each, merged in reverse order.
        for d in (0..200).rev() {
            let mut n = Node::new("claim", NodeKind::Proposal, "claim");
            n.evidence.push(ev(&format!("d{d:03}"), 0));
            g.upsert_node(n);
        }
        g.canonicalize();
        let n = g.node("claim").unwrap();
        assert_eq!(n.evidence.len(), EVIDENCE_KEPT);
        assert_eq!(n.evidence_count(), 200);
        // The kept records are the first in corpus order, whatever the merge order.
        assert_eq!(&*n.evidence[0].doc, "d000");
        assert_eq!(*n.evidence[EVIDENCE_KEPT - 1].doc, *format!("d{:03}", EVIDENCE_KEPT - 1));
        let back = Graph::read_json(g.to_json_string().unwrap().as_bytes()).unwrap();
        assert_eq!(back.node("claim").unwrap().evidence_count(), 200);

        // Below the bound, duplicates are counted once.
        let mut g = Graph::new();
        for _ in 0..3 {
            g.upsert_node(person("p", "d1"));
        }
        g.canonicalize();
        assert_eq!(g.node("p").unwrap().evidence_count(), 1);
        assert_eq!(g.node("p").unwrap().evidence_total, 0);

        // A mention edge keeps its first sentence and counts the others: a
        // document's fragment collects its mentions (duplicates included), the
        // corpus graph absorbs the fragment.
        let mut frag = Graph::new();
        frag.upsert_node(person("p", "d1"));
        frag.upsert_node(Node::new("doc-d1", NodeKind::Document, "d1"));
        for s in [3, 1, 2, 1, 3] {
            let mut e = Edge::new("p", "doc-d1", Relation::MentionedIn);
            e.evidence.push(ev("d1", s));
            frag.upsert_edge(e).unwrap();
        }
        let mut g = Graph::bounded();
        for n in frag.nodes() {
            g.upsert_node(n.clone());
        }
        for e in frag.edges() {
            g.upsert_edge(e.clone()).unwrap();
        }
        g.canonicalize();
        let e = g.edges_of(Relation::MentionedIn)[0];
        assert_eq!((e.evidence.len(), e.evidence_count(), e.evidence[0].sentence), (1, 3, 1));
        assert_eq!(e.weight(), 3.0);
    }

    #[test]
    fn edges_come_sorted_by_source_relation_target_whether_few_or_many() {
        // Ids inserted out of order, so insertion order is not the sorted order.
        let ids: Vec<String> = (0..12).map(|i| format!("n{}", (i * 7) % 12)).collect();
        let mut g = Graph::new();
        for id in &ids {
            g.upsert_node(person(id, "d"));
        }
        let naive = |g: &Graph, r: Option<Relation>| {
            let mut v: Vec<(String, Relation, String)> = g
                .petgraph()
                .edge_weights()
                .filter(|e| r.is_none_or(|r| e.relation == r))
                .map(|e| (e.source.clone(), e.relation, e.target.clone()))
                .collect();
            v.sort();
            v
        };
        let got =
            |v: Vec<&Edge>| v.into_iter().map(|e| (e.source.clone(), e.relation, e.target.clone())).collect::<Vec<_>>();
        // First fewer edges than nodes (strings compared), then more (nodes ranked).
        for (round, rels) in [
            (0, &[Relation::MentionedIn][..]),
            (1, &[Relation::CoAttended, Relation::Represents, Relation::ParticipatedIn][..]),
        ] {
            for (k, &r) in rels.iter().enumerate() {
                for (i, a) in ids.iter().enumerate().rev() {
                    let b = &ids[(i * 5 + k + round + 1) % ids.len()];
                    if a != b && (round == 1 || i % 2 == 0) {
                        g.upsert_edge(Edge::new(a, b, r)).unwrap();
                    }
                }
            }
            assert_eq!(round == 1, g.edge_count() > g.node_count());
            assert_eq!(got(g.edges()), naive(&g, None), "round {round}");
            for r in Relation::ALL {
                assert_eq!(got(g.edges_of(r)), naive(&g, Some(r)), "round {round}, {r}");
            }
        }
        let nodes: Vec<&str> = g.nodes().iter().map(|n| n.id.as_str()).collect();
        let mut sorted = nodes.clone();
        sorted.sort();
        assert_eq!(nodes, sorted);
    }

    #[test]
    fn read_json_rejects_dangling_edges() {
        let bad = r#"{"format":1,"meta":{},"nodes":[{"id":"a","kind":"person","label":"A"}],
                      "edges":[{"source":"a","target":"b","relation":"represents"}]}"#;
        let err = Graph::read_json(bad.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("does not exist: b"), "{err}");
    }
}
