//! Centrality of the nodes of a [`Network`]: degree (plain and weighted),
//! betweenness, closeness, harmonic, eigenvector and PageRank, each defined as
//! networkx defines it by default so results can be checked against it. Where
//! a measure is undefined the score is `None` with a note saying why; this
//! module never prints a number that does not mean anything.

use std::collections::VecDeque;
use std::fmt;

use petgraph::visit::EdgeRef;
use petgraph::{Direction, EdgeType};

use super::network::{Network, NetworkKind, Ties, Window, actor_graph_without_evidence, restrict_for_scores};
use super::paths::path_measures;
use crate::graph::Graph;

/// A centrality measure, as a column of `centrality.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    InDegree,
    OutDegree,
    Degree,
    WeightedInDegree,
    WeightedOutDegree,
    WeightedDegree,
    DegreeCentrality,
    Betweenness,
    Closeness,
    Harmonic,
    Eigenvector,
    PageRank,
}

impl Measure {
    pub const ALL: [Measure; 12] = [
        Measure::InDegree,
        Measure::OutDegree,
        Measure::Degree,
        Measure::WeightedInDegree,
        Measure::WeightedOutDegree,
        Measure::WeightedDegree,
        Measure::DegreeCentrality,
        Measure::Betweenness,
        Measure::Closeness,
        Measure::Harmonic,
        Measure::Eigenvector,
        Measure::PageRank,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::InDegree => "in_degree",
            Measure::OutDegree => "out_degree",
            Measure::Degree => "degree",
            Measure::WeightedInDegree => "weighted_in_degree",
            Measure::WeightedOutDegree => "weighted_out_degree",
            Measure::WeightedDegree => "weighted_degree",
            Measure::DegreeCentrality => "degree_centrality",
            Measure::Betweenness => "betweenness",
            Measure::Closeness => "closeness",
            Measure::Harmonic => "harmonic",
            Measure::Eigenvector => "eigenvector",
            Measure::PageRank => "pagerank",
        }
    }

    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the measure is computed exactly (as opposed to by power iteration).
    pub fn is_exact(self) -> bool {
        !matches!(self, Measure::Eigenvector | Measure::PageRank)
    }

    /// Whether the values are counts (printed without decimals).
    pub fn is_count(self) -> bool {
        matches!(self, Measure::InDegree | Measure::OutDegree | Measure::Degree)
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How to run the algorithms and on which ties.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Estimate betweenness from this many sampled sources (Brandes & Pich
    /// 2007) on networks of more than `sample_above` nodes; below it, and by
    /// default, betweenness is exact.
    pub samples: Option<usize>,
    /// Node count above which `samples` applies.
    pub sample_above: usize,
    /// Seed of the sample of sources and of the community detection.
    pub seed: u64,
    /// Which ties of the actor network the actor measures use.
    pub ties: Ties,
    /// Read the full network as undirected.
    pub undirected: bool,
    /// Louvain resolution γ for the communities of the actor network.
    pub resolution: f64,
    /// Compute betweenness, closeness and harmonic on the subnetwork of this
    /// many nodes of highest degree when a network is larger (see
    /// [`super::bounded`]); `None` (the default): on the whole network.
    pub path_limit: Option<usize>,
    /// Compute only the measures read from a node's own ties (the degrees):
    /// O(|V| + |E|), for callers that rank by degree over many windows.
    pub degrees_only: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            samples: None,
            sample_above: SAMPLE_ABOVE,
            seed: 42,
            ties: Ties::All,
            undirected: false,
            resolution: 1.0,
            path_limit: None,
            degrees_only: false,
        }
    }
}

/// How the note on an estimated betweenness begins.
pub const ESTIMATE_NOTE: &str = "betweenness is an estimate";

/// Default node count above which `--samples` estimates betweenness.
pub const SAMPLE_ABOVE: usize = 2_000;

/// PageRank damping factor, as networkx's default.
pub const ALPHA: f64 = 0.85;
/// Iteration limit of the power methods (PageRank, eigenvector).
pub const MAX_ITER: usize = 100;
/// Convergence tolerance of the power methods, scaled by the node count as networkx does.
pub const TOL: f64 = 1e-6;

/// Scores of one network in one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub network: NetworkKind,
    /// `all`, a year range (`1989-2001`) or an era slug.
    pub period: String,
    pub rows: Vec<Row>,
    /// Notes that concern the whole network (e.g. why eigenvector is undefined).
    pub notes: Vec<String>,
}

/// The scores of one node; `values[i]` is the score of `Measure::ALL[i]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub label: String,
    pub kind: String,
    pub values: [Option<f64>; Measure::ALL.len()],
    /// Louvain community of the actor in the actor network (persons and states only).
    pub community: Option<usize>,
    pub notes: Vec<String>,
}

impl Row {
    pub fn get(&self, m: Measure) -> Option<f64> {
        self.values[m as usize]
    }
}

impl Scores {
    /// Rank of each row for a measure (1 = highest; scores equal to 10
    /// significant digits share the better rank, "1224" style, so the last
    /// bits of floating-point sums do not split a tie); `None` where undefined.
    pub fn ranks(&self, m: Measure) -> Vec<Option<usize>> {
        let keys = self.tie_keys(m);
        let mut out = vec![None; self.rows.len()];
        let mut prev: Option<(f64, usize)> = None;
        for (pos, i) in self.order_by_keys(&keys).into_iter().enumerate() {
            let Some(x) = keys[i] else { break };
            let rank = match prev {
                Some((y, r)) if y == x => r,
                _ => pos + 1,
            };
            out[i] = Some(rank);
            prev = Some((x, rank));
        }
        out
    }

    /// Row indices sorted by a measure, highest first (ties as in [`Scores::ranks`]
    /// broken by id), undefined last.
    ///
    /// # Complexity
    /// O(n log n) comparisons; each row's rounded score is computed once.
    pub fn order_by(&self, m: Measure) -> Vec<usize> {
        self.order_by_keys(&self.tie_keys(m))
    }

    /// Each row's score for `m` rounded by [`tie_key`].
    fn tie_keys(&self, m: Measure) -> Vec<Option<f64>> {
        self.rows.iter().map(|r| r.get(m).map(tie_key)).collect()
    }

    fn order_by_keys(&self, keys: &[Option<f64>]) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.rows.len()).collect();
        idx.sort_by(|&a, &b| {
            match (keys[a], keys[b]) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| self.rows[a].id.cmp(&self.rows[b].id))
        });
        idx
    }
}

/// A score rounded to 10 significant digits, for ranking only.
fn tie_key(x: f64) -> f64 {
    format!("{x:.9e}").parse().unwrap_or(x)
}

/// PageRank of every node, as networkx's `pagerank` with its defaults.
///
/// The walker follows an out-edge with probability `alpha`, choosing among
/// out-edges in proportion to their weight, and jumps to a node chosen
/// uniformly otherwise; from a node without out-edges (dangling) it jumps
/// uniformly. An undirected graph is read as having each edge both ways.
/// Iteration stops when the L1 change is below `N * tol`.
///
/// Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). *The PageRank
/// Citation Ranking: Bringing Order to the Web.* Stanford InfoLab, 1999-66.
///
/// # Arguments
/// * `graph`: edge weights are the `f64` edge values (must be ≥ 0).
/// * `alpha`: damping factor (networkx: 0.85).
/// * `max_iter`, `tol`: iteration limit and tolerance (networkx: 100, 1e-6).
///
/// Returns one score per node index, summing to 1, or `None` when the power
/// iteration did not converge within `max_iter` (networkx raises then). An
/// empty graph gives an empty vector.
///
/// # Complexity
/// Time O(`max_iter` · (|V| + |E|)), space O(|V|).
///
/// # Example
/// ```
/// use kurilnet::analysis::centrality::page_rank;
/// let g = petgraph::Graph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (0, 2, 3.0)]);
/// let pr = page_rank(&g, 0.85, 100, 1e-6).unwrap();
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// assert!(pr[2] > pr[1], "node 2 gets most of node 0's weight");
/// ```
pub fn page_rank<Ty: EdgeType>(
    graph: &petgraph::Graph<(), f64, Ty>,
    alpha: f64,
    max_iter: usize,
    tol: f64,
) -> Option<Vec<f64>> {
    let n = graph.node_count();
    if n == 0 {
        return Some(Vec::new());
    }
    let nf = n as f64;
    let out_strength: Vec<f64> = graph.node_indices().map(|v| graph.edges(v).map(|e| *e.weight()).sum()).collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| out_strength[v] == 0.0).collect();
    let mut x = vec![1.0 / nf; n];
    for _ in 0..max_iter {
        let last = x.clone();
        let dangle: f64 = dangling.iter().map(|&v| last[v]).sum();
        x.iter_mut().for_each(|xi| *xi = 0.0);
        for v in graph.node_indices() {
            let (i, s) = (v.index(), out_strength[v.index()]);
            if s == 0.0 {
                continue;
            }
            for e in graph.edges(v) {
                // `edges` of an undirected graph yields each incident edge with `target` the other end.
                x[e.target().index()] += last[i] * e.weight() / s;
            }
        }
        for xi in x.iter_mut() {
            *xi = alpha * (*xi + dangle / nf) + (1.0 - alpha) / nf;
        }
        let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
        if err < nf * tol {
            return Some(x);
        }
    }
    None
}

/// Harmonic centrality of every node: the sum of `1/d(v, u)` over all other
/// nodes `v` that reach `u` (unreachable ones add 0). On a directed graph the
/// distances are incoming, as networkx's `harmonic_centrality` computes them;
/// unweighted (each edge has length 1).
///
/// Marchiori, M. & Latora, V. (2000). Harmony in the small-world.
/// *Physica A* 285(3–4):539–546. <https://doi.org/10.1016/S0378-4371(00)00311-3>
///
/// # Arguments
/// * `graph`: any petgraph `Graph`; edge values are ignored.
///
/// # Complexity
/// Time O(|V| · (|V| + |E|)) (one breadth-first search per node), space O(|V|).
///
/// # Example
/// ```
/// use kurilnet::analysis::centrality::harmonic;
/// // 0 → 1 → 2: node 2 is reached from 1 (d=1) and from 0 (d=2).
/// let g = petgraph::Graph::<(), f64>::from_edges([(0, 1), (1, 2)]);
/// assert_eq!(harmonic(&g), vec![0.0, 1.0, 1.5]);
/// ```
pub fn harmonic<Ty: EdgeType, E>(graph: &petgraph::Graph<(), E, Ty>) -> Vec<f64> {
    let n = graph.node_count();
    let mut out = vec![0.0; n];
    let mut dist: Vec<Option<usize>> = vec![None; n];
    let mut queue = VecDeque::new();
    for u in graph.node_indices() {
        dist.iter_mut().for_each(|d| *d = None);
        dist[u.index()] = Some(0);
        queue.push_back(u);
        while let Some(v) = queue.pop_front() {
            let dv = dist[v.index()].expect("queued nodes have a distance");
            // Incoming neighbours: walking the edges backwards gives d(w, u).
            for w in graph.neighbors_directed(v, Direction::Incoming) {
                if dist[w.index()].is_none() {
                    dist[w.index()] = Some(dv + 1);
                    out[u.index()] += 1.0 / (dv + 1) as f64;
                    queue.push_back(w);
                }
            }
        }
    }
    out
}

/// Score every node of a network with every [`Measure`].
///
/// Degree counts edges of the network (parallel relations merged); the
/// weighted degrees sum edge weights (evidence counts). `degree_centrality` is
/// degree / (n − 1). Betweenness (Brandes, U. (2001). A faster algorithm for
/// betweenness centrality. *J. Math. Sociol.* 25(2):163–177) is normalised by
/// 1/((n−1)(n−2)) without endpoints; closeness uses incoming distances and the
/// Wasserman–Faust correction for unreachable nodes (Wasserman, S. & Faust, K.
/// (1994). *Social Network Analysis*, Cambridge UP); eigenvector centrality
/// (Bonacich, P. (1987). Power and centrality: a family of measures. *Am. J.
/// Sociol.* 92(5):1170–1182) is the weighted left eigenvector by power
/// iteration on A + I, from rustworkx-core. Betweenness, closeness and
/// harmonic ignore weights (they measure strength, not distance); PageRank and
/// eigenvector use them.
///
/// # Arguments
/// * `net`: the network (node `i` is `net.ids[i]`); directed or undirected.
/// * `kind`, `period`: recorded in the result, for output.
/// * `g`: the graph the network was built from, for labels and kinds.
/// * `opts`: see [`Options`] (sampled betweenness).
///
/// Undefined, with a note: closeness of a node no other node reaches (nothing
/// to average); eigenvector on an edgeless or acyclic directed network (no
/// positive eigenvector) or when the power iteration does not converge;
/// degree centrality of a one-node network.
///
/// # Complexity
/// O(|V| · (|V| + |E|)) for betweenness, closeness and harmonic; O(`MAX_ITER`
/// · (|V| + |E|)) for the power methods.
///
/// # Example
/// ```
/// use kurilnet::analysis::centrality::{score, Measure, Options};
/// use kurilnet::analysis::network::{Network, NetworkKind};
/// let g = kurilnet::analysis::testkit::sample();
/// let s = score(&Network::full(&g), NetworkKind::Full, &g, "all", Options::default());
/// assert!(s.rows.iter().all(|r| r.kind != "document"));
/// let total: f64 = s.rows.iter().filter_map(|r| r.get(Measure::PageRank)).sum();
/// assert!((total - 1.0).abs() < 1e-9);
/// let top = &s.rows[s.order_by(Measure::PageRank)[0]];
/// println!("{} leads PageRank with {:.3}", top.id, top.get(Measure::PageRank).unwrap());
/// ```
pub fn score<Ty: EdgeType + Sync>(
    net: &Network<Ty>,
    kind: NetworkKind,
    g: &Graph,
    period: &str,
    opts: Options,
) -> Scores {
    use rustworkx_core::centrality::eigenvector_centrality;
    let gr = &net.graph;
    let n = gr.node_count();
    let mut notes = Vec::new();
    let mut rows: Vec<Row> = net
        .ids
        .iter()
        .map(|id| {
            let (label, kind) = g.node(id).map(|x| (x.label.clone(), x.kind.to_string())).unwrap_or_default();
            Row { id: id.clone(), label, kind, values: [None; Measure::ALL.len()], community: None, notes: Vec::new() }
        })
        .collect();
    if n == 0 {
        notes.push(format!("the {kind} network is empty: no measure is defined"));
        return Scores { network: kind, period: period.to_string(), rows, notes };
    }

    let count = |v, dir| gr.neighbors_directed(v, dir).count() as f64;
    // fold from +0.0: an empty f64 `sum()` is -0.0, which would print as "-0".
    let strength = |v, dir| gr.edges_directed(v, dir).fold(0.0, |acc, e| acc + *e.weight());
    for v in gr.node_indices() {
        let r = &mut rows[v.index()];
        let (i, o) = (count(v, Direction::Incoming), count(v, Direction::Outgoing));
        let (wi, wo) = (strength(v, Direction::Incoming), strength(v, Direction::Outgoing));
        // An undirected edge leads both ways: in = out = degree.
        let (deg, wdeg) = if Ty::is_directed() { (i + o, wi + wo) } else { (i, wi) };
        let set = |r: &mut Row, m: Measure, x: f64| r.values[m as usize] = Some(x);
        set(r, Measure::InDegree, i);
        set(r, Measure::OutDegree, o);
        set(r, Measure::Degree, deg);
        set(r, Measure::WeightedInDegree, wi);
        set(r, Measure::WeightedOutDegree, wo);
        set(r, Measure::WeightedDegree, wdeg);
        if n > 1 {
            set(r, Measure::DegreeCentrality, deg / (n - 1) as f64);
        }
        if deg == 0.0 {
            r.notes.push("isolated".into());
        }
    }
    if n == 1 {
        notes.push("degree_centrality undefined: one node only".into());
    }
    if opts.degrees_only {
        return Scores { network: kind, period: period.to_string(), rows, notes };
    }

    let sample = opts.samples.filter(|_| n > opts.sample_above).map(|k| (k, opts.seed));
    let keep = opts.path_limit.filter(|&l| n > l).map(|l| super::bounded::top_by_degree(gr, l));
    let what = format!("{kind}: betweenness+closeness+harmonic ({n} nodes, {} edges)", gr.edge_count());
    let paths = crate::timing::timed(&what, || match &keep {
        Some(k) => path_measures(&super::bounded::induced(gr, k), sample),
        None => path_measures(gr, sample),
    });
    let all: Vec<usize> = (0..n).collect();
    let kept = keep.as_deref().unwrap_or(&all);
    if let Some(k) = &keep {
        notes.push(super::bounded::note(k.len(), n));
    }
    if let Some(k) = paths.sources {
        notes.push(format!(
            "{ESTIMATE_NOTE} from {k} sampled sources of {n} (Brandes & Pich 2007); exact below {} nodes or without --samples",
            opts.sample_above
        ));
    }
    for (i, &v) in kept.iter().enumerate() {
        let r = &mut rows[v];
        r.values[Measure::Betweenness as usize] = Some(paths.betweenness[i]);
        r.values[Measure::Harmonic as usize] = Some(paths.harmonic[i]);
        match paths.closeness[i] {
            Some(c) => r.values[Measure::Closeness as usize] = Some(c),
            None => r.notes.push("closeness undefined: no other node reaches it".into()),
        }
    }

    let eigen_undefined = if gr.edge_count() == 0 {
        Some("the network has no edges".to_string())
    } else if Ty::is_directed() && !petgraph::algo::is_cyclic_directed(gr) {
        Some("the network is acyclic, so it has no positive eigenvector".to_string())
    } else {
        let ev = crate::timing::timed(&format!("{kind}: eigenvector"), || {
            eigenvector_centrality(gr, |e| Ok::<f64, std::convert::Infallible>(*e.weight()), Some(MAX_ITER), Some(TOL))
        });
        match ev {
            Ok(Some(x)) => {
                for (r, v) in rows.iter_mut().zip(x) {
                    r.values[Measure::Eigenvector as usize] = Some(v);
                }
                None
            }
            _ => Some(format!("the power iteration did not converge in {MAX_ITER} iterations")),
        }
    };
    if let Some(why) = eigen_undefined {
        notes.push(format!("eigenvector undefined: {why}"));
    }
    match crate::timing::timed(&format!("{kind}: pagerank"), || page_rank(gr, ALPHA, MAX_ITER, TOL)) {
        Some(pr) => {
            for (r, v) in rows.iter_mut().zip(pr) {
                r.values[Measure::PageRank as usize] = Some(v);
            }
        }
        None => {
            notes.push(format!("pagerank undefined: the power iteration did not converge in {MAX_ITER} iterations"))
        }
    }
    Scores { network: kind, period: period.to_string(), rows, notes }
}

/// Score the full network (directed, or undirected with `opts.undirected`),
/// the actor network (on `opts.ties`) and the two-mode person–meeting network
/// of `g` restricted to `window` (see [`restrict`](super::network::restrict)); `period` names the
/// window in the output. Persons and states carry their Louvain community in
/// the actor network on the same ties (see [`communities`]) in every network.
pub fn analyse(g: &Graph, window: Window, period: &str, opts: Options) -> Vec<Scores> {
    use crate::timing::timed;
    let g = timed("restrict to the period", || restrict_for_scores(g, window));
    let g = g.as_ref();
    let actors = timed("actor graph", || actor_graph_without_evidence(&g));
    let actor_net = timed("actor network", || Network::actors(&actors, opts.ties));
    let mut out = vec![
        if opts.undirected {
            let net = timed("full network (undirected)", || Network::full_undirected(&g));
            timed("full: all measures", || score(&net, NetworkKind::Full, &g, period, opts))
        } else {
            let net = timed("full network", || Network::full(&g));
            timed("full: all measures", || score(&net, NetworkKind::Full, &g, period, opts))
        },
        timed("actors: all measures", || score(&actor_net, NetworkKind::Actors, &actors, period, opts)),
        timed("two-mode: all measures", || score_two_mode_bounded(&g, period, opts.path_limit)),
    ];
    let (community, q) = timed("communities (Louvain)", || communities(&actor_net, opts));
    for s in out.iter_mut() {
        for r in s.rows.iter_mut() {
            r.community = community.get(r.id.as_str()).copied();
        }
    }
    if let Some(s) = out.get_mut(1) {
        s.notes.push(format!(
            "communities: Louvain on {} ties, resolution {}, seed {} (best of {} runs): modularity {q:.4}",
            opts.ties,
            opts.resolution,
            opts.seed,
            super::community::RESTARTS
        ));
    }
    out
}

/// Louvain communities of an actor network (weights = tie weights), by actor
/// id, and the partition's modularity: the best of
/// [`super::community::RESTARTS`] runs, deterministic for `opts.seed`.
pub fn communities(
    net: &Network<petgraph::Undirected>,
    opts: Options,
) -> (std::collections::BTreeMap<&str, usize>, f64) {
    let edges: Vec<(usize, usize, f64)> =
        net.graph.edge_references().map(|e| (e.source().index(), e.target().index(), *e.weight())).collect();
    let p =
        super::community::louvain_best(net.ids.len(), &edges, opts.resolution, opts.seed, super::community::RESTARTS);
    (net.ids.iter().map(String::as_str).zip(p.community).collect(), p.modularity)
}

/// The two-mode measures (see [`super::twomode`]) as [`Scores`]: degree
/// (count), degree_centrality, betweenness and closeness normalised for the
/// bipartite case; the one-mode measures are left undefined.
pub fn score_two_mode(g: &Graph, period: &str) -> Scores {
    score_two_mode_bounded(g, period, None)
}

/// [`score_two_mode`], with betweenness and closeness computed on the
/// subnetwork of the `limit` nodes of highest degree when the network is
/// larger (see [`super::bounded`]).
pub fn score_two_mode_bounded(g: &Graph, period: &str, limit: Option<usize>) -> Scores {
    let (net, top) = super::twomode::two_mode_network(g);
    let total = net.graph.node_count();
    let (t, bounded) = match limit.filter(|&l| total > l) {
        None => (super::twomode::two_mode_scores(&net.graph, &top), None),
        Some(l) => {
            use super::bounded::{induced, spread, top_by_degree};
            let keep = top_by_degree(&net.graph, l);
            let sub_top: Vec<bool> = keep.iter().map(|&v| top[v]).collect();
            let s = super::twomode::two_mode_scores(&induced(&net.graph, &keep), &sub_top);
            let t = super::twomode::TwoModeScores {
                // Degree is linear: on the whole network.
                degree: super::twomode::two_mode_degree(&net.graph, &top),
                betweenness: spread(total, &keep, &s.betweenness).into_iter().map(Option::flatten).collect(),
                closeness: spread(total, &keep, &s.closeness).into_iter().map(Option::flatten).collect(),
            };
            (t, Some(super::bounded::note(keep.len(), total)))
        }
    };
    let mut rows: Vec<Row> = net
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let (label, kind) = g.node(id).map(|x| (x.label.clone(), x.kind.to_string())).unwrap_or_default();
            let mut values = [None; Measure::ALL.len()];
            let deg = net.graph.neighbors(petgraph::graph::NodeIndex::new(i)).count() as f64;
            values[Measure::Degree as usize] = Some(deg);
            values[Measure::DegreeCentrality as usize] = t.degree[i];
            values[Measure::Betweenness as usize] = t.betweenness[i];
            values[Measure::Closeness as usize] = t.closeness[i];
            Row { id: id.clone(), label, kind, values, community: None, notes: Vec::new() }
        })
        .collect();
    for r in rows.iter_mut().filter(|r| r.get(Measure::Degree) == Some(0.0)) {
        r.notes.push("isolated".into());
    }
    let mut notes = vec![
        "two-mode network: only degree, degree_centrality, betweenness and closeness (Borgatti & Everett 1997)"
            .to_string(),
    ];
    if !top.iter().any(|&x| x) || top.iter().all(|&x| x) {
        notes.push("two-mode measures undefined: persons or meetings missing".into());
    }
    notes.extend(bounded);
    Scores { network: NetworkKind::TwoMode, period: period.to_string(), rows, notes }
}

/// Header of `centrality.csv`: identity, every measure, a rank per measure, notes.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = ["id", "label", "kind", "network", "period", "community"].map(String::from).to_vec();
    h.extend(Measure::ALL.iter().map(|m| m.as_str().to_string()));
    h.extend(Measure::ALL.iter().map(|m| format!("rank_{m}")));
    h.push("note".into());
    h
}

/// Render scores as `centrality.csv`: one row per node and network and period,
/// in the order given; scores at full precision, undefined ones empty with the
/// reason in `note`.
pub fn to_csv(all: &[Scores]) -> anyhow::Result<Vec<u8>> {
    use crate::export::csv::cell;
    let mut w = crate::export::csv::writer();
    w.write_record(csv_header())?;
    for s in all {
        let ranks: Vec<Vec<Option<usize>>> = Measure::ALL.iter().map(|&m| s.ranks(m)).collect();
        for (i, r) in s.rows.iter().enumerate() {
            let community = r.community.map(|c| c.to_string()).unwrap_or_default();
            let mut rec =
                vec![cell(&r.id), cell(&r.label), cell(&r.kind), s.network.to_string(), cell(&s.period), community];
            rec.extend(r.values.iter().map(|v| v.map(|x| x.to_string()).unwrap_or_default()));
            rec.extend(ranks.iter().map(|rk| rk[i].map(|x| x.to_string()).unwrap_or_default()));
            let mut notes = r.notes.clone();
            let undefined = r.values.iter().any(Option::is_none);
            // Why a value is missing, and on every row that betweenness is an estimate.
            notes.extend(s.notes.iter().filter(|n| undefined || n.starts_with(ESTIMATE_NOTE)).cloned());
            rec.push(cell(&notes.join("; ")));
            w.write_record(rec)?;
        }
    }
    crate::export::csv::finish(w, "centrality CSV")
}

/// Format a score for the terminal: counts and whole weights without
/// decimals, other scores with four, `undefined` for `None`.
pub fn show(m: Measure, v: Option<f64>) -> String {
    let weight = matches!(m, Measure::WeightedInDegree | Measure::WeightedOutDegree | Measure::WeightedDegree);
    match v {
        None => "undefined".into(),
        Some(x) if m.is_count() || (weight && x.fract() == 0.0) => format!("{x:.0}"),
        Some(x) if weight => format!("{x:.2}"),
        Some(x) => format!("{x:.4}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::network::actor_graph;
    use crate::analysis::testkit::sample;
    use petgraph::{Directed, Undirected};

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Within the accuracy the power iteration stops at (N · 1e-6 in L1).
    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-5
    }

    macro_rules! pagerank_cases {
        ($($name:ident: $edges:expr, $n:expr => $check:expr;)*) => {$(
            #[test]
            fn $name() {
                let mut g = petgraph::Graph::<(), f64>::new();
                for _ in 0..$n { g.add_node(()); }
                for (a, b, w) in $edges { g.add_edge(petgraph::graph::NodeIndex::new(a), petgraph::graph::NodeIndex::new(b), w); }
                let pr = page_rank(&g, ALPHA, MAX_ITER, TOL).expect("converges");
                assert!(close(pr.iter().sum::<f64>(), 1.0), "sums to 1: {pr:?}");
                let check: &dyn Fn(&[f64]) -> bool = &$check;
                assert!(check(&pr), "{pr:?}");
            }
        )*};
    }

    pagerank_cases! {
        // A directed cycle: every node the same.
        cycle_is_uniform: [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)], 3 => |p| p.iter().all(|x| close(*x, 1.0 / 3.0));
        // Only dangling nodes: uniform too.
        no_edges_is_uniform: Vec::<(usize, usize, f64)>::new(), 4 => |p| p.iter().all(|x| close(*x, 0.25));
        // 0 → 1 with 1 dangling: closed form x1 = x0(1 + α) with x0 = 1/(2 + α).
        dangling_mass_spread: [(0, 1, 1.0)], 2 => |p| near(p[0], 1.0 / (2.0 + ALPHA)) && near(p[1], (1.0 + ALPHA) / (2.0 + ALPHA));
        // Weight moves rank: 0 → 1 (w 1), 0 → 2 (w 9).
        weights_count: [(0, 1, 1.0), (0, 2, 9.0), (1, 0, 1.0), (2, 0, 1.0)], 3 => |p| p[2] > 2.0 * p[1];
    }

    #[test]
    fn pagerank_of_undirected_star_matches_closed_form() {
        // Star with centre 0 and k leaves, undirected: each leaf sends all its rank to the centre.
        let g = petgraph::Graph::<(), f64, Undirected>::from_edges([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        let pr = page_rank(&g, ALPHA, 1000, 1e-15).unwrap();
        let (n, k) = (4.0, 3.0);
        // x0 = (1-α)/n + α k x_leaf  ⇒  x0 = (1 + α k) / (n (1 + α)).
        let x0 = (1.0 + ALPHA * k) / (n * (1.0 + ALPHA));
        assert!((pr[1] - ((1.0 - ALPHA) / n + ALPHA * x0 / k)).abs() < 1e-9);
        assert!((pr[0] - x0).abs() < 1e-9, "{pr:?} vs {x0}");
    }

    #[test]
    fn pagerank_reports_non_convergence() {
        let g = petgraph::Graph::<(), f64>::from_edges([(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0)]);
        assert!(page_rank(&g, ALPHA, 1, 1e-15).is_none());
        assert_eq!(page_rank(&petgraph::Graph::<(), f64>::new(), ALPHA, 10, TOL), Some(vec![]));
    }

    #[test]
    fn harmonic_uses_incoming_distances_and_ignores_unreachable() {
        let g = petgraph::Graph::<(), (), Directed>::from_edges([(0, 1), (1, 2), (3, 2)]);
        assert_eq!(harmonic(&g), vec![0.0, 1.0, 2.5, 0.0]);
        let u = petgraph::Graph::<(), (), Undirected>::from_edges([(0, 1), (1, 2)]);
        assert_eq!(harmonic(&u), vec![1.5, 2.0, 1.5]);
    }

    #[test]
    fn scores_on_sample_are_consistent_and_notes_undefined_values() {
        let g = sample();
        let s = score(&Network::full(&g), NetworkKind::Full, &g, "all", Options::default());
        assert_eq!(s.rows.len(), g.node_count() - 2, "documents excluded");
        for r in &s.rows {
            let deg = r.get(Measure::Degree).unwrap();
            assert_eq!(deg, r.get(Measure::InDegree).unwrap() + r.get(Measure::OutDegree).unwrap());
            assert!(r.get(Measure::WeightedDegree).unwrap() >= deg);
            assert!((0.0..=1.0).contains(&r.get(Measure::Betweenness).unwrap()));
            if r.get(Measure::InDegree) == Some(0.0) {
                assert_eq!(r.get(Measure::Closeness), None, "{}", r.id);
                assert!(r.notes.iter().any(|n| n.contains("closeness undefined")));
            }
        }
        let total: f64 = s.rows.iter().map(|r| r.get(Measure::PageRank).unwrap()).sum();
        assert!(close(total, 1.0));
        // The full sample graph has no directed cycle.
        assert!(s.rows.iter().all(|r| r.get(Measure::Eigenvector).is_none()));
        assert!(s.notes.iter().any(|n| n.contains("eigenvector undefined: the network is acyclic")));
    }

    #[test]
    fn actor_network_scores_isolated_persons_as_undefined_closeness() {
        let g = sample();
        let a = actor_graph(&g);
        let s = score(
            &Network::actors(&a, Ties::Only(crate::graph::Relation::CoAttended)),
            NetworkKind::Actors,
            &a,
            "all",
            Options::default(),
        );
        let suzuki = s.rows.iter().find(|r| r.id == "muneo-suzuki").unwrap();
        assert_eq!(suzuki.get(Measure::Degree), Some(0.0));
        assert_eq!(suzuki.get(Measure::Closeness), None);
        assert!(suzuki.notes.contains(&"isolated".to_string()));
        let putin = s.rows.iter().find(|r| r.id == "vladimir-putin").unwrap();
        assert_eq!(s.order_by(Measure::Degree)[0], s.rows.iter().position(|r| r.id == "vladimir-putin").unwrap());
        assert_eq!(putin.get(Measure::Degree), Some(4.0), "mori, abe, lavrov, kono");
        assert_eq!(
            putin.get(Measure::WeightedDegree),
            Some(8.0),
            "2 with mori, 3 with abe, 2 with lavrov, 1 with kono"
        );
        assert!(putin.get(Measure::Eigenvector).unwrap() > 0.0);
    }

    #[test]
    fn empty_and_single_node_networks_say_what_is_undefined() {
        let g = Graph::new();
        let s = score(&Network::full(&g), NetworkKind::Full, &g, "all", Options::default());
        assert!(s.rows.is_empty());
        assert!(s.notes[0].contains("empty"));
        let mut g = Graph::new();
        g.upsert_node(crate::graph::Node::new("a", crate::graph::NodeKind::Person, "A"));
        let s = score(&Network::full(&g), NetworkKind::Full, &g, "all", Options::default());
        assert_eq!(s.rows[0].get(Measure::DegreeCentrality), None);
        assert_eq!(s.rows[0].get(Measure::PageRank), Some(1.0));
        assert!(s.notes.iter().any(|n| n.contains("degree_centrality undefined")));
    }

    #[test]
    fn ranks_share_ties_and_skip_undefined() {
        let mut s = Scores { network: NetworkKind::Full, period: "all".into(), rows: Vec::new(), notes: Vec::new() };
        for (id, v) in [("a", Some(0.5)), ("b", Some(0.9)), ("c", Some(0.5)), ("d", None)] {
            let mut values = [None; Measure::ALL.len()];
            values[Measure::PageRank as usize] = v;
            s.rows.push(Row {
                id: id.into(),
                label: id.into(),
                kind: "person".into(),
                values,
                community: None,
                notes: vec![],
            });
        }
        assert_eq!(s.ranks(Measure::PageRank), vec![Some(2), Some(1), Some(2), None]);
        s.rows[2].values[Measure::PageRank as usize] = Some(0.5 + 1e-15);
        assert_eq!(s.ranks(Measure::PageRank), vec![Some(2), Some(1), Some(2), None], "last-bit noise is a tie");
        assert_eq!(s.order_by(Measure::PageRank), vec![1, 0, 2, 3]);
    }

    #[test]
    fn rank_is_one_plus_the_number_of_better_scores() {
        let g = crate::analysis::testkit::random(9, 60, 40);
        for s in analyse(&g, Window::default(), "all", Options::default()) {
            for m in Measure::ALL {
                let keys: Vec<Option<f64>> = s.rows.iter().map(|r| r.get(m).map(tie_key)).collect();
                let want: Vec<Option<usize>> = keys
                    .iter()
                    .map(|v| v.map(|x| 1 + keys.iter().filter(|o| o.is_some_and(|y| y > x)).count()))
                    .collect();
                assert_eq!(s.ranks(m), want, "{} {m}", s.network);
            }
        }
    }

    #[test]
    fn csv_has_a_column_per_measure_and_rank_and_empty_undefined_cells() {
        let g = sample();
        let all = analyse(&g, Window::default(), "all", Options::default());
        let text = String::from_utf8(to_csv(&all).unwrap()).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let h = r.headers().unwrap().clone();
        assert_eq!(h.len(), 6 + 2 * Measure::ALL.len() + 1);
        let eig = h.iter().position(|c| c == "eigenvector").unwrap();
        let note = h.iter().position(|c| c == "note").unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let full: Vec<_> = rows.iter().filter(|x| &x[3] == "full").collect();
        assert!(full.iter().all(|x| x[eig].is_empty() && x[note].contains("eigenvector undefined")));
        assert!(rows.iter().any(|x| &x[3] == "actors" && !x[eig].is_empty()));
        assert!(rows.iter().all(|x| x.iter().all(|c| c != "-0")), "no negative zero: {text}");
        assert_eq!(
            text,
            String::from_utf8(to_csv(&analyse(&g, Window::default(), "all", Options::default())).unwrap()).unwrap()
        );
    }

    #[test]
    fn one_thread_and_many_give_the_same_bytes() {
        let g = crate::analysis::testkit::random(3, 150, 120);
        let many = to_csv(&analyse(&g, Window::default(), "all", Options::default())).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let one = pool.install(|| to_csv(&analyse(&g, Window::default(), "all", Options::default())).unwrap());
        assert_eq!(many, one);
    }

    #[test]
    fn samples_apply_above_the_threshold_only_and_say_so() {
        let g = crate::analysis::testkit::random(3, 150, 120);
        let opts = Options { samples: Some(20), sample_above: 100, ..Options::default() };
        let s = score(&Network::full(&g), NetworkKind::Full, &g, "all", opts);
        assert!(
            s.notes.iter().any(|n| n.starts_with("betweenness is an estimate from 20 sampled sources")),
            "{:?}",
            s.notes
        );
        let exact = score(&Network::full(&g), NetworkKind::Full, &g, "all", Options { sample_above: 10_000, ..opts });
        assert!(!exact.notes.iter().any(|n| n.contains("estimate")));
        let csv = String::from_utf8(to_csv(&[s]).unwrap()).unwrap();
        assert!(
            csv.lines().skip(1).all(|l| l.contains("betweenness is an estimate from 20 sampled sources")),
            "every row says so"
        );
        assert_eq!(exact, score(&Network::full(&g), NetworkKind::Full, &g, "all", Options::default()));
    }

    #[test]
    fn show_prints_undefined_and_counts() {
        assert_eq!(show(Measure::PageRank, None), "undefined");
        assert_eq!(show(Measure::Degree, Some(3.0)), "3");
        assert_eq!(show(Measure::PageRank, Some(0.123456)), "0.1235");
        assert_eq!(show(Measure::Harmonic, Some(8.0)), "8.0000");
        assert_eq!(show(Measure::WeightedDegree, Some(2.5)), "2.50");
    }
}
