//! The networks centrality is measured on, built from the extracted [`Graph`]:
//! the full graph without documents, the actor network of co-attendance, and
//! time windows and eras that restrict either to one period. Nothing here scores nodes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use petgraph::graph::NodeIndex;
use petgraph::{Directed, EdgeType, Undirected};

use crate::date::PartialDate;
use crate::graph::{Edge, Evidence, Graph, Node, NodeKind, Relation};

/// Which network a score was computed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NetworkKind {
    /// Every node but documents, every edge but `mentioned_in`; directed.
    Full,
    /// Persons and states linked by the ties of [`actor_graph`]; undirected.
    Actors,
    /// Persons and meetings, linked by attendance: the two-mode network; undirected.
    TwoMode,
}

impl NetworkKind {
    pub const ALL: [NetworkKind; 3] = [NetworkKind::Full, NetworkKind::Actors, NetworkKind::TwoMode];

    pub fn as_str(self) -> &'static str {
        match self {
            NetworkKind::Full => "full",
            NetworkKind::Actors => "actors",
            NetworkKind::TwoMode => "two-mode",
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
    /// The actor network of a graph made by [`actor_graph`]: persons and
    /// states, and the tie relations `ties` accepts; undirected, weight = the
    /// sum of the ties' weights between the pair.
    pub fn actors(actor_graph: &Graph, ties: Ties) -> Self {
        build(actor_graph, |n| is_actor(n.kind), |e| ties.accepts(e.relation))
    }

    /// The full network read as undirected: every node except documents,
    /// every edge except `mentioned_in`, each edge leading both ways (two
    /// relations between a pair, in either direction, are one edge).
    pub fn full_undirected(g: &Graph) -> Self {
        build(g, |n| n.kind != NodeKind::Document, |e| e.relation != Relation::MentionedIn)
    }
}

/// Whether nodes of this kind are actors (persons and states): what the
/// default centrality table ranks.
pub fn is_actor(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Person | NodeKind::State)
}

/// Which ties of the actor network a measure is computed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ties {
    /// Every tie type.
    #[default]
    All,
    /// One tie type: `co_attended`, `met_side` or `proposal_exchange`.
    Only(Relation),
}

impl Ties {
    /// The tie relations of the actor network.
    pub const RELATIONS: [Relation; 3] = [Relation::CoAttended, Relation::MetSide, Relation::ProposalExchange];

    pub fn accepts(self, r: Relation) -> bool {
        match self {
            Ties::All => Ties::RELATIONS.contains(&r),
            Ties::Only(x) => x == r,
        }
    }

    /// `all` or one of [`Ties::RELATIONS`] by name.
    pub fn parse(s: &str) -> Option<Ties> {
        if s == "all" {
            return Some(Ties::All);
        }
        Relation::parse(s).filter(|r| Ties::RELATIONS.contains(r)).map(Ties::Only)
    }
}

impl fmt::Display for Ties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ties::All => f.write_str("all"),
            Ties::Only(r) => f.write_str(r.as_str()),
        }
    }
}

/// The ties of an actor graph being built: straight into the graph with
/// their evidence, or, without evidence, counted per (pair, relation) and
/// added once at the end (the same edges, without one upsert per unit).
struct TieSet<'g> {
    out: Graph,
    keep_evidence: bool,
    /// (smaller id, larger id, relation) → (units, first date given).
    units: std::collections::HashMap<(&'g str, &'g str, Relation), (f64, Option<PartialDate>)>,
}

impl<'g> TieSet<'g> {
    /// Add one unit of a tie between `a` and `b` (stored from the smaller id
    /// to the larger), with `evidence` (read only when evidence is kept) and
    /// the date of the occasion; a second unit adds to the weight (the
    /// evidence is kept once per record; the first date stays).
    fn add<'e>(
        &mut self,
        (a, b): (&'g str, &'g str),
        rel: Relation,
        rule: &str,
        evidence: impl IntoIterator<Item = &'e Evidence>,
        start: Option<PartialDate>,
    ) {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        if !self.keep_evidence {
            let u = self.units.entry((lo, hi, rel)).or_insert((0.0, None));
            u.0 += 1.0;
            u.1 = u.1.or(start);
            return;
        }
        let mut e = tie(lo, hi, rel, rule, 1.0, start);
        e.evidence = evidence.into_iter().cloned().collect();
        self.out.upsert_edge(e).expect("both actors were added");
    }

    /// The actor graph, canonical.
    fn finish(mut self) -> Graph {
        let mut counted: Vec<_> = self.units.into_iter().collect();
        counted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((lo, hi, rel), (w, start)) in counted {
            self.out.upsert_edge(tie(lo, hi, rel, tie_rule(rel), w, start)).expect("both actors were added");
        }
        self.out.canonicalize();
        self.out
    }
}

/// A tie edge of `weight` units.
fn tie(lo: &str, hi: &str, rel: Relation, rule: &str, weight: f64, start: Option<PartialDate>) -> Edge {
    let mut e = Edge::new(lo, hi, rel);
    e.rule = Some(rule.into());
    e.weight = Some(weight);
    e.start = start;
    e
}

/// The rule a tie relation records.
fn tie_rule(rel: Relation) -> &'static str {
    match rel {
        Relation::CoAttended => "co-attendance",
        Relation::MetSide => "met the other side",
        _ => "proposal answered or rejected",
    }
}

/// Who rejected or answered a proposal, the evidence, and when (an answer: its date).
type Response<'a> = (&'a str, Vec<&'a Evidence>, Option<PartialDate>);

/// The actor network as a graph of its own: every person and state of `g`,
/// linked by the ties the text states, each tie type a relation whose weight
/// counts the occasions and whose evidence is the sentences read:
///
/// - `co_attended` (person – person): both attended the same meeting; one
///   unit per meeting; evidence: both participations.
/// - `met_side` (person – state): the person attended a meeting at which no
///   person of the other side is named; the tie goes to the other side's
///   state: the meeting place's country when it is a side this person's side
///   meets elsewhere, otherwise the side whose named meetings with it are
///   nearest in time. Evidence: the participation.
/// - `proposal_exchange` (actor – actor of another country): one proposed
///   a proposal, the other rejected it or proposed one derived from it (an
///   answer). One unit per proposal; evidence: the proposing and the rejecting
///   or answering edges.
///
/// Ties of a meeting or answer carry its start date, so [`restrict`] places
/// them in time. Edges run from the smaller id to the larger; read them as undirected.
///
/// # Complexity
/// O(Σ attendees² over meetings · evidence + |E| log |V|).
pub fn actor_graph(g: &Graph) -> Graph {
    actor_graph_with(g, true)
}

/// [`actor_graph`] without the ties' evidence (the same nodes, ties and
/// weights): what the scores read, at a cost that does not grow with the
/// evidence of frequent co-attendees.
///
/// # Complexity
/// O(Σ attendees² over meetings + |E| log |V|).
pub fn actor_graph_without_evidence(g: &Graph) -> Graph {
    actor_graph_with(g, false)
}

fn actor_graph_with(g: &Graph, keep_evidence: bool) -> Graph {
    let mut out = TieSet { out: Graph::new(), keep_evidence, units: Default::default() };
    out.out.meta = g.meta.clone();
    for n in g.nodes() {
        if is_actor(n.kind) {
            out.out.upsert_node(n.clone());
        }
    }
    // The side an actor acts for: its country code, upper case (a state without one: its id).
    let country = |id: &str| {
        let n = g.node(id)?;
        let c = n.attrs.country.clone().or_else(|| (n.kind == NodeKind::State).then(|| n.id.clone()));
        c.map(|c| c.to_uppercase())
    };
    let kind = |id: &str| g.node(id).map(|n| n.kind);
    // meeting id → (person id, evidence of the participation)
    let mut attendees: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in g.edges_of(Relation::ParticipatedIn) {
        if kind(&e.source) == Some(NodeKind::Person) && kind(&e.target) == Some(NodeKind::Meeting) {
            attendees.entry(e.target.as_str()).or_default().push(e);
        }
    }
    let start = |id: &str| g.node(id).and_then(|m| m.attrs.start);
    // side → (other side → years of meetings where persons of both are named)
    let mut met: BTreeMap<String, BTreeMap<String, Vec<i32>>> = BTreeMap::new();
    let mut one_sided: Vec<(&str, String, &Vec<&Edge>)> = Vec::new();
    for (meeting, list) in &attendees {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.source == b.source {
                    continue;
                }
                let ev = a.evidence.iter().chain(&b.evidence);
                let when = start(meeting);
                out.add((&a.source, &b.source), Relation::CoAttended, tie_rule(Relation::CoAttended), ev, when);
            }
        }
        let sides: BTreeSet<String> = list.iter().filter_map(|e| country(&e.source)).collect();
        if sides.len() == 1 {
            one_sided.push((meeting, sides.into_iter().next().expect("one side"), list));
        } else if let Some(year) = start(meeting).map(|d| d.year) {
            for a in &sides {
                for b in sides.iter().filter(|b| *b != a) {
                    met.entry(a.clone()).or_default().entry(b.clone()).or_default().push(year);
                }
            }
        }
    }
    let state_of: BTreeMap<String, &str> =
        g.nodes_of(NodeKind::State).into_iter().filter_map(|n| country(&n.id).map(|c| (c, n.id.as_str()))).collect();
    for (meeting, side, list) in one_sided {
        let Some(partners) = met.get(&side) else { continue };
        let place_country = g
            .neighbours(meeting, Relation::HeldIn, petgraph::Direction::Outgoing)
            .into_iter()
            .find_map(|id| g.node(id).and_then(|n| n.attrs.country.as_ref()).map(|c| c.to_uppercase()));
        let other = counterpart(partners, place_country, start(meeting).map(|d| d.year));
        let Some(state) = other.and_then(|c| state_of.get(&c).copied()) else { continue };
        for e in list {
            let (ev, when) = (&e.evidence, start(meeting));
            out.add((&e.source, state), Relation::MetSide, tie_rule(Relation::MetSide), ev, when);
        }
    }
    // proposal id → (actor, evidence) of its proposers / of those who rejected or answered it
    let mut proposers: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    let mut responders: BTreeMap<&str, Vec<Response>> = BTreeMap::new();
    for e in g.edges_of(Relation::Proposed) {
        if kind(&e.source).is_some_and(is_actor) {
            proposers.entry(e.target.as_str()).or_default().push(e);
        }
    }
    for e in g.edges_of(Relation::Rejected) {
        if kind(&e.source).is_some_and(is_actor) {
            responders.entry(e.target.as_str()).or_default().push((
                e.source.as_str(),
                e.evidence.iter().collect(),
                None,
            ));
        }
    }
    for d in g.edges_of(Relation::DerivedFrom) {
        // d.source answers d.target: its proposers respond to the earlier proposal.
        for p in proposers.get(d.source.as_str()).into_iter().flatten() {
            let ev: Vec<&Evidence> = p.evidence.iter().chain(&d.evidence).collect();
            responders.entry(d.target.as_str()).or_default().push((p.source.as_str(), ev, start(&d.source)));
        }
    }
    for (proposal, list) in &responders {
        let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
        for p in proposers.get(proposal).into_iter().flatten() {
            for (r, ev, when) in list {
                let (cp, cr) = (country(&p.source), country(r));
                if cp.is_none() || cr.is_none() || cp == cr || !seen.insert((p.source.as_str(), r)) {
                    continue;
                }
                let all = p.evidence.iter().chain(ev.iter().copied());
                let when = when.or_else(|| start(proposal));
                let rel = Relation::ProposalExchange;
                out.add((&p.source, r), rel, tie_rule(rel), all, when);
            }
        }
    }
    out.finish()
}

/// The side a one-sided meeting's attendees met: the meeting place's
/// country when it is one of `partners` (the sides their side meets, with
/// the years of those meetings), otherwise the partner met nearest to
/// `year` (then the most often, then the first code).
pub(crate) fn counterpart(
    partners: &BTreeMap<String, Vec<i32>>,
    place_country: Option<String>,
    year: Option<i32>,
) -> Option<String> {
    let nearest = || {
        partners
            .iter()
            .min_by_key(|(code, years)| {
                let gap = year.map_or(0, |y| years.iter().map(|x| (x - y).abs()).min().unwrap_or(i32::MAX));
                (gap, std::cmp::Reverse(years.len()), (*code).clone())
            })
            .map(|(code, _)| code.clone())
    };
    place_country.filter(|c| partners.contains_key(c)).or_else(nearest)
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
    restrict_with(g, w, true)
}

/// What the scores of one period read: the whole graph, borrowed, for all
/// years; otherwise [`restrict`] without the documents and the
/// `mentioned_in` edges, which no network of the analyses contains (the part
/// of the graph that grows with the corpus is then never copied).
pub fn restrict_for_scores(g: &Graph, w: Window) -> std::borrow::Cow<'_, Graph> {
    if w.is_all() {
        return std::borrow::Cow::Borrowed(g);
    }
    std::borrow::Cow::Owned(restrict_with(g, w, false))
}

/// [`restrict`] to a window that is not all years; `documents`: keep the
/// documents and the `mentioned_in` edges.
fn restrict_with(g: &Graph, w: Window, documents: bool) -> Graph {
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
    if !documents {
        keep.retain(|id| g.node(id).is_some_and(|n| n.kind != NodeKind::Document));
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
        let wanted = documents || e.relation != Relation::MentionedIn;
        if wanted && in_time && keep.contains(e.source.as_str()) && keep.contains(e.target.as_str()) {
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
        let n = Network::actors(&a, Ties::Only(Relation::CoAttended));
        assert_eq!(n.graph.edge_count(), a.edges_of(Relation::CoAttended).len());
        assert!(!n.graph.is_directed());
        assert!(n.ids.iter().any(|id| id == "jp"), "states are actors");
    }

    /// Two sides; `a` (JP) meets `b` (RU) by name in 1990; `c` (RU) visits
    /// Tokyo alone in 1995; `d` (RU) meets nobody named in 1991, no place.
    fn sides() -> Graph {
        use crate::analysis::testkit::Builder;
        let mut b = Builder::new();
        b.node("jp", NodeKind::State, "Japan").attrs.country = Some("JP".into());
        b.node("ru", NodeKind::State, "Russia").attrs.country = Some("RU".into());
        b.node("tokyo", NodeKind::Place, "Tokyo").attrs.country = Some("JP".into());
        b.person("a", "A", "JP");
        b.person("b", "B", "RU");
        b.person("c", "C", "RU");
        b.person("d", "D", "RU");
        b.meeting("m-1990", "1990-05", &["a", "b"]);
        b.meeting("m-1995", "1995-05", &["c"]);
        b.edge("m-1995", "tokyo", Relation::HeldIn, 1);
        b.meeting("m-1991", "1991", &["d"]);
        b.proposal("p1", "1992", "two-island", "RU", "habomai", "sovereignty", "offered", "");
        b.proposal("p2", "1993", "four-island", "JP", "habomai", "sovereignty", "offered", "");
        b.edge("b", "p1", Relation::Proposed, 1);
        b.edge("jp", "p1", Relation::Rejected, 2);
        b.edge("a", "p2", Relation::Proposed, 1);
        b.edge("p2", "p1", Relation::DerivedFrom, 1);
        b.graph
    }

    #[test]
    fn ties_without_evidence_are_the_same_ties() {
        for g in [sample(), sides()] {
            let full = actor_graph(&g);
            let lean = actor_graph_without_evidence(&g);
            assert!(full.edges().iter().any(|e| !e.evidence.is_empty()), "the ties do carry evidence");
            let strip = |g: &Graph| -> Vec<(String, String, Relation, f64, Option<PartialDate>)> {
                g.edges()
                    .iter()
                    .map(|e| (e.source.clone(), e.target.clone(), e.relation, e.weight(), e.start))
                    .collect()
            };
            assert_eq!(strip(&full), strip(&lean));
            assert!(lean.edges().iter().all(|e| e.evidence.is_empty()));
            assert_eq!(full.nodes(), lean.nodes());
        }
    }

    #[test]
    fn unnamed_counterparts_tie_to_their_state_and_proposals_tie_the_sides() {
        let a = actor_graph(&sides());
        let tie =
            |x: &str, y: &str, r: Relation| a.edges_of(r).into_iter().find(|e| e.source == x && e.target == y).cloned();
        assert!(tie("a", "b", Relation::CoAttended).is_some());
        let c = tie("c", "jp", Relation::MetSide).expect("c met Japan in Tokyo");
        assert_eq!(c.evidence.len(), 1);
        assert!(tie("d", "jp", Relation::MetSide).is_some(), "no place: the side RU meets");
        assert!(tie("a", "jp", Relation::MetSide).is_none(), "a's counterpart is named");
        let rejected = tie("b", "jp", Relation::ProposalExchange).expect("jp rejected b's proposal");
        assert_eq!(rejected.evidence.len(), 3, "the proposing and both rejecting records");
        assert!(tie("a", "b", Relation::ProposalExchange).is_some(), "a answered b's proposal with p2");
        for r in Ties::RELATIONS {
            let only = Network::actors(&a, Ties::Only(r));
            assert_eq!(only.graph.edge_count(), a.edges_of(r).len(), "{r}");
        }
        let all = Network::actors(&a, Ties::All);
        assert_eq!(all.graph.edge_count(), 4, "a–b (two relations merged), c–jp, d–jp, b–jp");
        assert_eq!(Ties::parse("met_side"), Some(Ties::Only(Relation::MetSide)));
        assert_eq!(Ties::parse("represents"), None);
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
