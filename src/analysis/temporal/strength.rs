//! The weighted degree of every actor in the actor network of each time
//! window, read in one pass over the graph's edges instead of one restricted
//! copy of the graph per window.
//!
//! The result is, window by window, exactly the `weighted_degree` that
//! [`actor_graph`](crate::analysis::network::actor_graph) of
//! [`restrict`](crate::analysis::network::restrict) scores on all ties: a
//! meeting or proposal belongs to the windows holding its start year, any
//! other node to the windows of the meetings and proposals it is linked to,
//! an edge to the windows holding its own date (when it has one) in which both
//! its ends are. Each tie adds its unit to both actors: co-attendance (one per
//! other named attendee of a meeting), meeting the other side (a person at a
//! meeting where only one side is named, and that side's counterpart state),
//! and proposal exchange (a proposer and an actor of another country who
//! rejected or answered the proposal). The tests compare it with the
//! restricted copies.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::analysis::network::{Window, counterpart, is_actor};
use crate::graph::{Edge, Graph, Node, NodeKind, Relation};

/// One edge of a relation the actor network reads, by node index.
type Link<'g> = (NodeIndex, NodeIndex, &'g Edge);

/// The graph indexed once for every window.
struct Index<'g> {
    g: &'g Graph,
    /// Years of the meetings and proposals each other node is linked to
    /// (any relation but `mentioned_in`), sorted.
    anchors: Vec<Vec<i32>>,
    /// `participated_in` (person → meeting) by meeting, in source id order.
    attendance: BTreeMap<&'g str, Vec<Link<'g>>>,
    /// `held_in` by meeting.
    held_in: BTreeMap<NodeIndex, Vec<Link<'g>>>,
    proposed: Vec<Link<'g>>,
    rejected: Vec<Link<'g>>,
    derived_from: Vec<Link<'g>>,
    states: Vec<NodeIndex>,
}

fn dated(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Meeting | NodeKind::Proposal)
}

impl<'g> Index<'g> {
    fn new(g: &'g Graph) -> Self {
        let pg = g.petgraph();
        let mut anchors = vec![Vec::new(); pg.node_bound()];
        let mut attendance: BTreeMap<&str, Vec<Link>> = BTreeMap::new();
        let mut held_in: BTreeMap<NodeIndex, Vec<Link>> = BTreeMap::new();
        let (mut proposed, mut rejected, mut derived_from) = (Vec::new(), Vec::new(), Vec::new());
        for e in pg.edge_references() {
            let (s, t, w) = (e.source(), e.target(), e.weight());
            if w.relation == Relation::MentionedIn {
                continue;
            }
            for (this, other) in [(s, t), (t, s)] {
                let (a, b) = (&pg[this], &pg[other]);
                if !dated(a) && a.kind != NodeKind::Document && dated(b) {
                    if let Some(d) = b.attrs.start {
                        anchors[this.index()].push(d.year);
                    }
                }
            }
            let link = (s, t, w);
            match w.relation {
                Relation::ParticipatedIn if pg[s].kind == NodeKind::Person && pg[t].kind == NodeKind::Meeting => {
                    attendance.entry(pg[t].id.as_str()).or_default().push(link)
                }
                Relation::HeldIn => held_in.entry(s).or_default().push(link),
                Relation::Proposed if is_actor(pg[s].kind) => proposed.push(link),
                Relation::Rejected if is_actor(pg[s].kind) => rejected.push(link),
                Relation::DerivedFrom => derived_from.push(link),
                _ => {}
            }
        }
        for years in &mut anchors {
            years.sort_unstable();
            years.dedup();
        }
        for list in attendance.values_mut() {
            list.sort_by(|a, b| pg[a.0].id.cmp(&pg[b.0].id));
        }
        let by_ids = |l: &Link, m: &Link| (&pg[l.0].id, &pg[l.1].id).cmp(&(&pg[m.0].id, &pg[m.1].id));
        for list in [&mut proposed, &mut rejected, &mut derived_from] {
            list.sort_by(by_ids);
        }
        let mut states: Vec<NodeIndex> = pg.node_indices().filter(|&i| pg[i].kind == NodeKind::State).collect();
        states.sort_by(|&a, &b| pg[a].id.cmp(&pg[b].id));
        Index { g, anchors, attendance, held_in, proposed, rejected, derived_from, states }
    }

    fn node(&self, i: NodeIndex) -> &'g Node {
        &self.g.petgraph()[i]
    }

    /// Whether node `i` is in the window's restricted graph (documents never are).
    fn kept(&self, i: NodeIndex, w: Window) -> bool {
        let n = self.node(i);
        if n.kind == NodeKind::Document {
            false
        } else if dated(n) {
            n.attrs.start.is_some_and(|d| w.contains(d.year))
        } else {
            self.anchors[i.index()].iter().any(|&y| w.contains(y))
        }
    }

    /// Whether an edge is in the window's restricted graph.
    fn link_kept(&self, l: &Link, w: Window) -> bool {
        l.2.start.is_none_or(|d| w.contains(d.year)) && self.kept(l.0, w) && self.kept(l.1, w)
    }

    /// The side an actor acts for: its country code, upper case (a state without one: its id).
    fn country(&self, i: NodeIndex) -> Option<String> {
        let n = self.node(i);
        let c = n.attrs.country.clone().or_else(|| (n.kind == NodeKind::State).then(|| n.id.clone()));
        c.map(|c| c.to_uppercase())
    }

    /// The weighted degree of every actor with a tie in window `w`.
    fn strengths(&self, w: Window) -> BTreeMap<&'g str, f64> {
        let mut units: BTreeMap<NodeIndex, u64> = BTreeMap::new();
        let mut tie = |a: NodeIndex, b: NodeIndex| {
            *units.entry(a).or_default() += 1;
            *units.entry(b).or_default() += 1;
        };
        // Meetings: co-attendance, and who met which side.
        let mut met: BTreeMap<String, BTreeMap<String, Vec<i32>>> = BTreeMap::new();
        let mut one_sided: Vec<(NodeIndex, String, Vec<NodeIndex>)> = Vec::new();
        for list in self.attendance.values() {
            let meeting = list[0].1;
            if !self.kept(meeting, w) {
                continue;
            }
            let here: Vec<NodeIndex> = list.iter().filter(|l| self.link_kept(l, w)).map(|l| l.0).collect();
            if here.is_empty() {
                continue;
            }
            for (i, &a) in here.iter().enumerate() {
                for &b in &here[i + 1..] {
                    tie(a, b);
                }
            }
            let sides: BTreeSet<String> = here.iter().filter_map(|&p| self.country(p)).collect();
            if sides.len() == 1 {
                one_sided.push((meeting, sides.into_iter().next().expect("one side"), here));
            } else if let Some(year) = self.node(meeting).attrs.start.map(|d| d.year) {
                for a in &sides {
                    for b in sides.iter().filter(|b| *b != a) {
                        met.entry(a.clone()).or_default().entry(b.clone()).or_default().push(year);
                    }
                }
            }
        }
        let state_of: BTreeMap<String, NodeIndex> =
            self.states.iter().filter(|&&s| self.kept(s, w)).filter_map(|&s| self.country(s).map(|c| (c, s))).collect();
        for (meeting, side, here) in one_sided {
            let Some(partners) = met.get(&side) else { continue };
            let mut places: Vec<NodeIndex> = self
                .held_in
                .get(&meeting)
                .into_iter()
                .flatten()
                .filter(|l| self.link_kept(l, w))
                .map(|l| l.1)
                .collect();
            places.sort_by(|&a, &b| self.node(a).id.cmp(&self.node(b).id));
            let place_country =
                places.iter().find_map(|&p| self.node(p).attrs.country.as_ref()).map(|c| c.to_uppercase());
            let other = counterpart(partners, place_country, self.node(meeting).attrs.start.map(|d| d.year));
            let Some(&state) = other.and_then(|c| state_of.get(&c)) else { continue };
            for p in here {
                tie(p, state);
            }
        }
        // Proposals: a proposer and an actor of another side who rejected or answered it.
        let mut proposers: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
        let mut responders: BTreeMap<&str, (NodeIndex, Vec<NodeIndex>)> = BTreeMap::new();
        for l in self.proposed.iter().filter(|l| self.link_kept(l, w)) {
            proposers.entry(l.1).or_default().push(l.0);
        }
        let respond = |responders: &mut BTreeMap<&'g str, (NodeIndex, Vec<NodeIndex>)>, p: NodeIndex, r| {
            responders.entry(self.node(p).id.as_str()).or_insert_with(|| (p, Vec::new())).1.push(r);
        };
        for l in self.rejected.iter().filter(|l| self.link_kept(l, w)) {
            respond(&mut responders, l.1, l.0);
        }
        for d in self.derived_from.iter().filter(|l| self.link_kept(l, w)) {
            for &p in proposers.get(&d.0).into_iter().flatten() {
                respond(&mut responders, d.1, p);
            }
        }
        for (proposal, list) in responders.values() {
            let mut seen: BTreeSet<(NodeIndex, NodeIndex)> = BTreeSet::new();
            for &p in proposers.get(proposal).into_iter().flatten() {
                for &r in list {
                    let (cp, cr) = (self.country(p), self.country(r));
                    if cp.is_none() || cr.is_none() || cp == cr || !seen.insert((p, r)) {
                        continue;
                    }
                    tie(p, r);
                }
            }
        }
        units.into_iter().map(|(i, u)| (self.node(i).id.as_str(), u as f64)).collect()
    }
}

/// The weighted degree (all ties) of every actor with a tie in the actor
/// network of each window, by actor id: one map per window, in order.
///
/// # Complexity
/// One pass over the edges to index them, then per window
/// O(Σ attendees² of its meetings + its proposal links · log), so
/// O(|E| + W · (meetings and proposals per window)) in all; no copy of the graph.
pub fn window_strengths<'g>(g: &'g Graph, windows: &[Window]) -> Vec<BTreeMap<&'g str, f64>> {
    let index = Index::new(g);
    windows.iter().map(|&w| index.strengths(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::centrality::{Measure, Options};
    use crate::analysis::temporal::{over_time, windows};

    /// The slow path: restricted copies of the graph, scored.
    fn restricted(g: &Graph, width: u32, step: u32) -> Vec<BTreeMap<String, f64>> {
        let all = over_time(g, width, step, Options { degrees_only: true, ..Options::default() });
        all.iter()
            .map(|(_, s)| {
                let wd = |r: &crate::analysis::centrality::Row| r.get(Measure::WeightedDegree).filter(|&x| x > 0.0);
                s.rows.iter().filter_map(|r| wd(r).map(|x| (r.id.clone(), x))).collect()
            })
            .collect()
    }

    fn fast(g: &Graph, width: u32, step: u32) -> Vec<BTreeMap<String, f64>> {
        let ws = windows(g, width, step);
        window_strengths(g, &ws).into_iter().map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()).collect()
    }

    #[test]
    fn one_pass_equals_the_restricted_copies_on_the_sample() {
        let g = crate::analysis::testkit::sample();
        for (width, step) in [(10, 5), (1, 1), (3, 2), (100, 100)] {
            let want = restricted(&g, width, step);
            assert!(want.iter().any(|m| !m.is_empty()), "a window with ties");
            assert_eq!(fast(&g, width, step), want, "windows of {width} every {step}");
        }
    }
}
