//! The networks centrality is measured on, built from the extracted [`Graph`]:
//! the full graph without documents, the actor network of co-attendance, and
//! time windows and eras that restrict either to one period. Nothing here scores nodes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use petgraph::graph::NodeIndex;
use petgraph::{Directed, EdgeType, Undirected};

use crate::graph::{Edge, Graph, Node, NodeKind, Relation};

/// Which network a score was computed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NetworkKind {
    /// Every node but documents, every edge but `mentioned_in`; directed.
    Full,
    /// Persons linked when they attend the same meeting; undirected, weight = meetings shared.
    Actors,
}

impl NetworkKind {
    pub const ALL: [NetworkKind; 2] = [NetworkKind::Full, NetworkKind::Actors];

    pub fn as_str(self) -> &'static str {
        match self {
            NetworkKind::Full => "full",
            NetworkKind::Actors => "actors",
        }
    }

    pub fn parse(s: &str) -> Option<NetworkKind> {
        NetworkKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for NetworkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A network ready for the algorithms: node `i` of `graph` is `ids[i]`; ids are
/// sorted so results are deterministic. Parallel edges of the source graph (two
/// relations between the same pair) are merged into one edge whose weight is the sum.
#[derive(Clone, Debug)]
pub struct Network<Ty: EdgeType> {
    pub ids: Vec<String>,
    pub graph: petgraph::Graph<(), f64, Ty>,
}

/// Build a network from the nodes and edges of `g` that `keep_node` and `keep_edge` accept.
fn build<Ty: EdgeType>(g: &Graph, keep_node: impl Fn(&Node) -> bool, keep_edge: impl Fn(&Edge) -> bool) -> Network<Ty> {
    let ids: Vec<String> = g.nodes().into_iter().filter(|n| keep_node(n)).map(|n| n.id.clone()).collect();
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let mut weights: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for e in g.edges() {
        let (Some(&s), Some(&t)) = (index.get(e.source.as_str()), index.get(e.target.as_str())) else { continue };
        if s == t || !keep_edge(e) {
            continue;
        }
        let key = if Ty::is_directed() { (s, t) } else { (s.min(t), s.max(t)) };
        *weights.entry(key).or_default() += e.weight();
    }
    let mut graph = petgraph::Graph::with_capacity(ids.len(), weights.len());
    for _ in &ids {
        graph.add_node(());
    }
    for ((s, t), w) in weights {
        graph.add_edge(NodeIndex::new(s), NodeIndex::new(t), w);
    }
    Network { ids, graph }
}

impl Network<Directed> {
    /// The full network: every node except documents, every edge except
    /// `mentioned_in` (which only records where a node was read, not a tie).
    pub fn full(g: &Graph) -> Self {
        build(g, |n| n.kind != NodeKind::Document, |e| e.relation != Relation::MentionedIn)
    }
}

impl Network<Undirected> {
    /// The `co_attended` edges of a graph made by [`actor_graph`], undirected.
    pub fn actors(actor_graph: &Graph) -> Self {
        build(actor_graph, |n| n.kind == NodeKind::Person, |e| e.relation == Relation::CoAttended)
    }
}

/// The actor network as a graph of its own: every person of `g`, and a
/// `co_attended` edge between two persons for the meetings both attended,
/// weighted by the number of such meetings and carrying the evidence of both
/// persons' `participated_in` edges, so it can be exported like any graph.
/// The edge runs from the smaller id to the larger; read it as undirected.
pub fn actor_graph(g: &Graph) -> Graph {
    let mut out = Graph::new();
    out.meta = g.meta.clone();
    for p in g.nodes_of(NodeKind::Person) {
        out.upsert_node(p.clone());
    }
    // meeting id → (person id, evidence of the participation)
    let mut attendees: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in g.edges_of(Relation::ParticipatedIn) {
        let is_person = g.node(&e.source).is_some_and(|n| n.kind == NodeKind::Person);
        let is_meeting = g.node(&e.target).is_some_and(|n| n.kind == NodeKind::Meeting);
        if is_person && is_meeting {
            attendees.entry(e.target.as_str()).or_default().push(e);
        }
    }
    for (meeting, list) in attendees {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.source == b.source {
                    continue;
                }
                let (lo, hi) = if a.source < b.source { (a, b) } else { (b, a) };
                let mut e = Edge::new(&lo.source, &hi.source, Relation::CoAttended);
                e.rule = Some("co-attendance".into());
                e.weight = Some(1.0);
                e.evidence = lo.evidence.iter().chain(&hi.evidence).cloned().collect();
                e.start = g.node(meeting).and_then(|m| m.attrs.start);
                out.upsert_edge(e).expect("both persons were added above");
            }
        }
    }
    out.canonicalize();
    out
}

/// A closed range of years; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Window {
    pub fn contains(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }

    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (None, None) => f.write_str("all"),
            (Some(a), None) => write!(f, "{a}-"),
            (None, Some(b)) => write!(f, "-{b}"),
            (Some(a), Some(b)) => write!(f, "{a}-{b}"),
        }
    }
}

/// A named period of the negotiation, by the leaders in office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Era {
    pub slug: &'static str,
    pub name: &'static str,
    pub window: Window,
}

const fn era(slug: &'static str, name: &'static str, from: Option<i32>, to: Option<i32>) -> Era {
    Era { slug, name, window: Window { from, to } }
}

/// The eras, in order, without gaps or overlaps (a test keeps it so). Years
/// are whole: Koizumi took office in April 2001, but 2001 stays with Putin–Mori
/// (the Irkutsk statement); the Medvedev years fall among the short premierships.
pub const ERAS: &[Era] = &[
    era("soviet", "Soviet Union (to 1991)", None, Some(1991)),
    era("yeltsin", "Yeltsin (1992–1999)", Some(1992), Some(1999)),
    era("putin-mori", "Putin–Mori (2000–2001)", Some(2000), Some(2001)),
    era("koizumi", "Koizumi (2002–2006)", Some(2002), Some(2006)),
    era("short-premierships", "Short premierships, Medvedev (2007–2011)", Some(2007), Some(2011)),
    era("abe", "Abe (2012–2020)", Some(2012), Some(2020)),
    era("after-abe", "After Abe (2021–)", Some(2021), None),
];

/// The sub-graph of one period. Meetings and proposals are kept when their
/// start year is in the window (undated ones are dropped: they cannot be
/// placed); documents are kept; any other node (person, state, island …) is
/// kept when it is linked to a kept meeting or proposal. Edges are kept when
/// both ends are and their own date, if any, is in the window.
pub fn restrict(g: &Graph, w: Window) -> Graph {
    if w.is_all() {
        return g.clone();
    }
    let dated = |n: &Node| matches!(n.kind, NodeKind::Meeting | NodeKind::Proposal);
    let mut keep: BTreeSet<&str> = g
        .nodes()
        .into_iter()
        .filter(|n| n.kind == NodeKind::Document || (dated(n) && n.attrs.start.is_some_and(|d| w.contains(d.year))))
        .map(|n| n.id.as_str())
        .collect();
    let anchors: BTreeSet<&str> =
        keep.iter().copied().filter(|id| g.node(id).is_some_and(|n| n.kind != NodeKind::Document)).collect();
    for e in g.edges() {
        if e.relation == Relation::MentionedIn {
            continue;
        }
        for (this, other) in [(&e.source, &e.target), (&e.target, &e.source)] {
            if anchors.contains(other.as_str())
                && g.node(this).is_some_and(|n| !dated(n) && n.kind != NodeKind::Document)
            {
                keep.insert(this.as_str());
            }
        }
    }
    let mut out = Graph::new();
    out.meta = g.meta.clone();
    for n in g.nodes() {
        if keep.contains(n.id.as_str()) {
            out.upsert_node(n.clone());
        }
    }
    for e in g.edges() {
        let in_time = e.start.is_none_or(|d| w.contains(d.year));
        if in_time && keep.contains(e.source.as_str()) && keep.contains(e.target.as_str()) {
            out.upsert_edge(e.clone()).expect("both ends were kept");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::sample;

    #[test]
    fn eras_are_sorted_contiguous_and_cover_every_year() {
        assert!(ERAS.first().unwrap().window.from.is_none(), "first era is open at the start");
        assert!(ERAS.last().unwrap().window.to.is_none(), "last era is open at the end");
        for pair in ERAS.windows(2) {
            let (a, b) = (pair[0].window, pair[1].window);
            let (end, start) = (a.to.expect("inner era closed"), b.from.expect("inner era closed"));
            assert_eq!(start, end + 1, "{} and {} must meet without gap or overlap", pair[0].slug, pair[1].slug);
            if let Some(f) = a.from {
                assert!(f <= end, "{} runs backwards", pair[0].slug);
            }
        }
        for y in [1855, 1956, 1991, 1992, 2001, 2002, 2012, 2019, 2030] {
            assert_eq!(ERAS.iter().filter(|e| e.window.contains(y)).count(), 1, "year {y}");
        }
        let slugs: BTreeSet<_> = ERAS.iter().map(|e| e.slug).collect();
        assert_eq!(slugs.len(), ERAS.len());
    }

    #[test]
    fn full_network_drops_documents_and_mentions_and_merges_parallel_edges() {
        let g = sample();
        let n = Network::full(&g);
        assert!(!n.ids.iter().any(|id| id.starts_with("doc-")));
        assert!(n.ids.windows(2).all(|w| w[0] < w[1]), "ids sorted");
        let i = |id: &str| NodeIndex::new(n.ids.iter().position(|x| x == id).unwrap());
        // su → p-1990-lease is both `proposed` (2 evidence) and `rejected` (1).
        let e = n.graph.find_edge(i("su"), i("p-1990-lease")).unwrap();
        assert_eq!(n.graph[e], 3.0);
        let mentions = g.edges_of(Relation::MentionedIn).len();
        assert!(mentions > 0);
        let kept = g.edges().len() - mentions;
        assert_eq!(n.graph.edge_count(), kept - 1, "one pair merged");
    }

    #[test]
    fn actor_graph_links_persons_per_shared_meeting_with_evidence() {
        let g = sample();
        let a = actor_graph(&g);
        assert_eq!(a.nodes_of(NodeKind::Person).len(), g.nodes_of(NodeKind::Person).len());
        let e = a.edges().into_iter().find(|e| e.source == "mikhail-gorbachev" && e.target == "toshiki-kaifu").unwrap();
        assert_eq!(e.relation, Relation::CoAttended);
        assert_eq!(e.weight(), 2.0, "two meetings shared");
        assert_eq!(e.evidence.len(), 4, "two participations each");
        let n = Network::actors(&a);
        assert_eq!(n.graph.edge_count(), a.edge_count());
        assert!(!n.graph.is_directed());
    }

    #[test]
    fn restrict_keeps_dated_nodes_in_the_window_and_their_neighbours() {
        let g = sample();
        let w = Window { from: Some(1989), to: Some(2001) };
        let r = restrict(&g, w);
        assert!(r.contains("m-1991-04-tokyo"));
        assert!(!r.contains("m-1956-10-moscow"));
        assert!(!r.contains("p-1956-joint-declaration"));
        assert!(r.contains("toshiki-kaifu"), "attends a 1991 meeting");
        assert!(!r.contains("ichiro-hatoyama"), "only linked to 1956");
        assert!(r.edges().iter().all(|e| r.contains(&e.source) && r.contains(&e.target)));
        assert_eq!(restrict(&g, Window::default()).node_count(), g.node_count());
        assert_eq!(w.to_string(), "1989-2001");
    }
}
