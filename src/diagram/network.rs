//! Network views laid out with ForceAtlas2: the actor network (persons and
//! states linked by the meetings they attended together, `network.svg`) and
//! the whole network without documents (the report's interactive view). A
//! [`View`] holds positions, sizes, colours, the year each node and edge
//! becomes active, and the labels placed without overlap.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::svg::{Svg, esc, legend_row, num, shorten};
use super::{Side, community_colour, community_of, kind_colour, node_colour};
use crate::graph::{AttrValue, Graph, Node, NodeKind, Relation};
use crate::layout::forceatlas2::{self, Settings};
use crate::layout::labels::{self, Circle, Placed, Rect};

/// Labels of this many most central nodes are always placed.
pub const MUST_LABEL: usize = 15;

/// One drawn node.
#[derive(Clone, Debug)]
pub struct ViewNode {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    pub side: Side,
    pub community: Option<String>,
    pub colour: &'static str,
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The centrality that sizes the node.
    pub score: f64,
    /// First year the node is active (meetings, proposals: their date; others:
    /// their first dated meeting or proposal); `None`: always shown.
    pub from: Option<i32>,
    /// Where its label is drawn, if it has room.
    pub label_at: Option<Placed>,
}

/// One drawn edge (between node indices).
#[derive(Clone, Debug)]
pub struct ViewEdge {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub weight: f64,
    /// First year the edge is active (the later of its ends', or its own date).
    pub from: Option<i32>,
    /// Index of the source graph's edge (`Graph::edges()` order), for its evidence.
    pub source: Option<usize>,
}

/// A laid-out network.
#[derive(Clone, Debug)]
pub struct View {
    pub nodes: Vec<ViewNode>,
    pub edges: Vec<ViewEdge>,
    pub width: f64,
    pub height: f64,
    /// Name of the centrality measure that sizes the nodes.
    pub measure: String,
    /// Label font size, px.
    pub font: f64,
    /// Nodes of the network before any cut to the most central (≥ `nodes.len()`).
    pub total: usize,
}

/// An edge before layout: ends by id.
struct EdgeIn<'a> {
    a: &'a str,
    b: &'a str,
    relation: Relation,
    weight: f64,
    year: Option<i32>,
    source: Option<usize>,
}

fn is_dated_kind(k: NodeKind) -> bool {
    matches!(k, NodeKind::Meeting | NodeKind::Proposal)
}

/// The year each node becomes active: meetings and proposals at their date;
/// any other node at the earliest dated meeting or proposal it is linked to
/// (by any edge but `mentioned_in`); nodes linked to none are absent (always active).
pub fn active_years(g: &Graph) -> BTreeMap<&str, i32> {
    let mut out: BTreeMap<&str, i32> = BTreeMap::new();
    for n in g.nodes() {
        if is_dated_kind(n.kind)
            && let Some(d) = n.attrs.start
        {
            out.insert(&n.id, d.year);
        }
    }
    let dated: BTreeMap<&str, i32> = out.clone();
    for e in g.edges() {
        if e.relation == Relation::MentionedIn {
            continue;
        }
        for (me, other) in [(&e.source, &e.target), (&e.target, &e.source)] {
            let Some(&y) = dated.get(other.as_str()) else { continue };
            if g.node(me).is_some_and(|n| !is_dated_kind(n.kind)) {
                let slot = out.entry(me.as_str()).or_insert(y);
                *slot = (*slot).min(y);
            }
        }
    }
    out
}

fn numeric(v: Option<&AttrValue>) -> Option<f64> {
    match v? {
        AttrValue::Int(i) => Some(*i as f64),
        AttrValue::Float(f) => Some(*f),
        AttrValue::Text(_) => None,
    }
}

/// The label drawn for a node: meetings and proposals with their year.
pub fn short_label(n: &Node) -> String {
    let base = shorten(&n.label, 36);
    match (is_dated_kind(n.kind), n.attrs.start) {
        (true, Some(d)) if !base.contains(&d.year.to_string()) => format!("{base} ({})", d.year),
        _ => base,
    }
}

impl View {
    /// Lay out `nodes` and `edges` inside `area` of a `width` × `height` drawing.
    fn build(
        nodes: Vec<&Node>,
        edges: Vec<EdgeIn>,
        scores: Vec<f64>,
        measure: &str,
        (width, height, area): (f64, f64, Rect),
        font: f64,
        years: &BTreeMap<&str, i32>,
    ) -> View {
        let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        let max = scores.iter().copied().fold(0.0, f64::max);
        let radii: Vec<f64> =
            scores.iter().map(|s| if max > 0.0 { 3.5 + 12.0 * (s / max).max(0.0).sqrt() } else { 5.0 }).collect();
        let pairs: Vec<(usize, usize, f64)> = edges
            .iter()
            .filter_map(|e| Some((*index.get(e.a)?, *index.get(e.b)?, e.weight)))
            .collect();
        let (aw, ah) = (area.x1 - area.x0, area.y1 - area.y0);
        let rel: Vec<f64> = radii.iter().map(|r| (r + 2.5) / aw.min(ah)).collect();
        let pos = layout_scaled(nodes.len(), &pairs, &rel);
        // Fit into the area, keeping the aspect ratio, with room for the largest node.
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &pos {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let pad = 16.0;
        let scale = ((aw - 2.0 * pad) / (x1 - x0).max(1e-9)).min((ah - 2.0 * pad) / (y1 - y0).max(1e-9));
        let (ox, oy) = (
            area.x0 + (aw - (x1 - x0) * scale) / 2.0 - x0 * scale,
            area.y0 + (ah - (y1 - y0) * scale) / 2.0 - y0 * scale,
        );
        let communities: BTreeSet<String> = nodes.iter().filter_map(|n| community_of(n)).collect();
        let community_index: BTreeMap<&str, usize> =
            communities.iter().enumerate().map(|(i, c)| (c.as_str(), i)).collect();
        let mut out: Vec<ViewNode> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let community = community_of(n);
                let colour = match &community {
                    Some(c) => community_colour(community_index[c.as_str()]),
                    None => node_colour(n),
                };
                let (x, y) = if nodes.len() == 1 {
                    ((area.x0 + area.x1) / 2.0, (area.y0 + area.y1) / 2.0)
                } else {
                    (ox + pos[i][0] * scale, oy + pos[i][1] * scale)
                };
                ViewNode {
                    id: n.id.clone(),
                    label: short_label(n),
                    kind: n.kind,
                    side: Side::of(n),
                    community,
                    colour,
                    x,
                    y,
                    r: radii[i],
                    score: scores[i],
                    from: years.get(n.id.as_str()).copied(),
                    label_at: None,
                }
            })
            .collect();
        let edges: Vec<ViewEdge> = edges
            .iter()
            .filter_map(|e| {
                let (a, b) = (*index.get(e.a)?, *index.get(e.b)?);
                let from = [out[a].from, out[b].from, e.year].into_iter().flatten().max();
                Some(ViewEdge { a, b, relation: e.relation, weight: e.weight, from, source: e.source })
            })
            .collect();
        let total = out.len();
        let mut view = View { nodes: Vec::new(), edges, width, height, measure: measure.to_string(), font, total };
        let circles: Vec<Circle> = out.iter().map(|n| Circle { x: n.x, y: n.y, r: n.r }).collect();
        let order = order_by_score(&out);
        let wanted: Vec<(usize, String)> = order.iter().take(400).map(|&i| (i, out[i].label.clone())).collect();
        let bounds = Rect { x0: 2.0, y0: area.y0, x1: width - 2.0, y1: height - 2.0 };
        for ((i, _), p) in wanted.iter().zip(labels::place(&circles, &wanted, font, bounds, MUST_LABEL)) {
            out[*i].label_at = p;
        }
        view.nodes = out;
        view
    }

    /// The whole network but documents and `mentioned_in` edges, sized by
    /// degree (the `degree` attribute of the main job's analysis, else counted
    /// here). Above `max_nodes` nodes only the `max_nodes` of highest degree are
    /// kept (ties by id), with the edges among them.
    pub fn full(g: &Graph, width: f64, height: f64, font: f64, max_nodes: usize) -> View {
        let all: Vec<&Node> = g.nodes().into_iter().filter(|n| n.kind != NodeKind::Document).collect();
        let is_kept = |e: &crate::graph::Edge, keep: &BTreeSet<&str>| {
            e.relation != Relation::MentionedIn && keep.contains(e.source.as_str()) && keep.contains(e.target.as_str())
        };
        let keep: BTreeSet<&str> = all.iter().map(|n| n.id.as_str()).collect();
        let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
        for e in g.edges().into_iter().filter(|e| is_kept(e, &keep)) {
            *degree.entry(&e.source).or_default() += 1;
            *degree.entry(&e.target).or_default() += 1;
        }
        let score = |n: &Node| {
            numeric(n.attrs.extra.get("degree")).unwrap_or(degree.get(n.id.as_str()).copied().unwrap_or(0) as f64)
        };
        let mut ranked: Vec<(&Node, f64)> = all.iter().map(|n| (*n, score(n))).collect();
        if ranked.len() > max_nodes {
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
            ranked.truncate(max_nodes);
            ranked.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        }
        let keep: BTreeSet<&str> = ranked.iter().map(|(n, _)| n.id.as_str()).collect();
        let edges: Vec<EdgeIn> = g
            .edges()
            .into_iter()
            .enumerate()
            .filter(|(_, e)| is_kept(e, &keep))
            .map(|(k, e)| EdgeIn {
                a: &e.source,
                b: &e.target,
                relation: e.relation,
                weight: e.weight(),
                year: e.start.map(|d| d.year),
                source: Some(k),
            })
            .collect();
        let (nodes, scores): (Vec<&Node>, Vec<f64>) = ranked.into_iter().unzip();
        let years = active_years(g);
        let area = Rect { x0: 0.0, y0: 0.0, x1: width, y1: height };
        let mut v = View::build(nodes, edges, scores, "degree", (width, height, area), font, &years);
        v.total = all.len();
        v
    }

    /// The actor network: persons and states; two actors are linked for each
    /// meeting both attended (weight: meetings shared; active from the first
    /// such meeting) and a person to the state it represents. Sized by
    /// PageRank on this network (see `analysis::centrality::page_rank`).
    pub fn actors(g: &Graph, width: f64, height: f64, area: Rect, font: f64) -> View {
        let is_actor = |n: &Node| matches!(n.kind, NodeKind::Person | NodeKind::State);
        let nodes: Vec<&Node> = g.nodes().into_iter().filter(|n| is_actor(n)).collect();
        let mut attendees: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for e in g.edges_of(Relation::ParticipatedIn) {
            if g.node(&e.source).is_some_and(is_actor) {
                attendees.entry(&e.target).or_default().insert(&e.source);
            }
        }
        // (a, b) → (meetings shared, first year)
        let mut shared: BTreeMap<(&str, &str), (f64, Option<i32>)> = BTreeMap::new();
        for (meeting, who) in &attendees {
            let year = g.node(meeting).and_then(|m| m.attrs.start).map(|d| d.year);
            let who: Vec<&str> = who.iter().copied().collect();
            for (i, a) in who.iter().enumerate() {
                for b in &who[i + 1..] {
                    let slot = shared.entry((a, b)).or_insert((0.0, year));
                    slot.0 += 1.0;
                    slot.1 = match (slot.1, year) {
                        (Some(x), Some(y)) => Some(x.min(y)),
                        (x, y) => x.or(y),
                    };
                }
            }
        }
        let mut edges: Vec<EdgeIn> = shared
            .into_iter()
            .map(|((a, b), (w, year))| EdgeIn { a, b, relation: Relation::CoAttended, weight: w, year, source: None })
            .collect();
        for (k, e) in g.edges().into_iter().enumerate() {
            if e.relation == Relation::Represents {
                edges.push(EdgeIn { a: &e.source, b: &e.target, relation: e.relation, weight: 1.0, year: None, source: Some(k) });
            }
        }
        let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        let mut pg = petgraph::Graph::<(), f64, petgraph::Undirected>::with_capacity(nodes.len(), edges.len());
        for _ in &nodes {
            pg.add_node(());
        }
        for e in &edges {
            if let (Some(&a), Some(&b)) = (index.get(e.a), index.get(e.b)) {
                pg.add_edge(petgraph::graph::NodeIndex::new(a), petgraph::graph::NodeIndex::new(b), e.weight);
            }
        }
        let (scores, measure) = match crate::analysis::centrality::page_rank(&pg, 0.85, 200, 1e-8) {
            Some(pr) => (pr, "PageRank"),
            None => (pg.node_indices().map(|v| pg.edges(v).count() as f64).collect(), "degree"),
        };
        let years = active_years(g);
        View::build(nodes, edges, scores, measure, (width, height, area), font, &years)
    }

    /// Node indices, most central first (ties by id).
    pub fn ranked(&self) -> Vec<usize> {
        order_by_score(&self.nodes)
    }
}

fn order_by_score(nodes: &[ViewNode]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| nodes[b].score.total_cmp(&nodes[a].score).then(nodes[a].id.cmp(&nodes[b].id)));
    order
}

/// ForceAtlas2 with radii given relative to the layout's extent after the main phase.
fn layout_scaled(n: usize, edges: &[(usize, usize, f64)], rel_radii: &[f64]) -> Vec<[f64; 2]> {
    let s = Settings::for_size(n);
    let mut sim = forceatlas2::Simulation::new(n, edges, s.clone());
    sim.run(s.iterations);
    let e = sim.extent();
    let radii: Vec<f64> = rel_radii.iter().map(|r| r * e).collect();
    sim.prevent_overlap(&radii, s.overlap_iterations);
    sim.positions()
}

/// Shape of a kind's marker.
pub fn kind_shape(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "circle",
        NodeKind::State | NodeKind::Organization => "square",
        NodeKind::Meeting => "diamond",
        NodeKind::Proposal => "triangle",
        _ => "circle",
    }
}

/// Draw a view's edges, nodes and labels. With `interactive`, elements carry
/// the classes and `data-i` indices the report's script works with.
pub fn draw(view: &View, s: &mut Svg, interactive: bool) {
    s.raw("<g class=\"edges\" stroke-linecap=\"round\">\n");
    for (k, e) in view.edges.iter().enumerate() {
        let (a, b) = (&view.nodes[e.a], &view.nodes[e.b]);
        let dashed = matches!(e.relation, Relation::Represents | Relation::Concerns | Relation::HeldIn);
        let width = (0.8 + e.weight.ln_1p() * 0.6).min(4.0);
        let mut extra = String::from("stroke-opacity=\"0.45\"");
        if dashed {
            extra.push_str(" stroke-dasharray=\"4 3\"");
        }
        if interactive {
            let _ = write!(extra, " class=\"edge\" data-i=\"{k}\"");
        }
        let colour = if e.relation == Relation::DerivedFrom { "#6a3d9a" } else { "#888888" };
        s.line(a.x, a.y, b.x, b.y, colour, width, &extra);
    }
    s.raw("</g>\n<g class=\"nodes\">\n");
    for (i, n) in view.nodes.iter().enumerate() {
        let extra = if interactive {
            format!(
                "class=\"node k-{} s-{}\" data-i=\"{i}\" data-id=\"{}\"",
                n.kind.as_str(),
                n.side.as_str(),
                esc(&n.id)
            )
        } else {
            String::new()
        };
        let _ = write!(
            s.body,
            "<path d=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"{}{extra}>",
            super::svg::shape_path(kind_shape(n.kind), n.x, n.y, n.r),
            n.colour,
            if extra.is_empty() { "" } else { " " }
        );
        if !interactive {
            let _ = write!(s.body, "<title>{} ({}, {})</title>", esc(&n.label), n.kind, n.side.title());
        }
        s.body.push_str("</path>\n");
    }
    s.raw("</g>\n<g class=\"labels\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\">\n");
    for (i, n) in view.nodes.iter().enumerate() {
        if let Some(p) = &n.label_at {
            let extra = if interactive { format!("class=\"lbl\" data-i=\"{i}\"") } else { String::new() };
            s.text(p.x, p.y, view.font, p.anchor.as_svg(), "#1a1a1a", &n.label, &extra);
        }
    }
    s.raw("</g>\n");
}

/// Legend entries for the sides and kinds present in a view (or communities).
pub fn legend_entries(view: &View) -> Vec<(&'static str, &'static str, String)> {
    let mut out = Vec::new();
    if view.nodes.iter().any(|n| n.community.is_some()) {
        out.push(("circle", "#bbbbbb", "colour: community".to_string()));
    } else {
        let sides: BTreeSet<Side> = view.nodes.iter().map(|n| n.side).filter(|s| *s != Side::None).collect();
        for s in sides {
            out.push(("circle", s.colour(), s.title().to_string()));
        }
    }
    let kinds: BTreeSet<NodeKind> = view.nodes.iter().map(|n| n.kind).collect();
    for k in kinds {
        let fill = if matches!(k, NodeKind::Person | NodeKind::State) { "#ffffff" } else { kind_colour(k) };
        out.push((kind_shape(k), fill, k.as_str().to_string()));
    }
    out
}

/// `network.svg`: the actor network at slide size.
pub fn actor_svg(g: &Graph) -> String {
    let (w, h) = (super::WIDTH, 1100.0);
    let area = Rect { x0: 0.0, y0: 96.0, x1: w, y1: h };
    let view = View::actors(g, w, h, area, 13.0);
    let mut s = Svg::new(w, h);
    let persons = view.nodes.iter().filter(|n| n.kind == NodeKind::Person).count();
    s.heading(
        "Who met whom: the actor network",
        &format!(
            "{persons} persons and {} states; a line joins two actors for the meetings both attended (thicker: more), \
             dashed: the state a person represents; size: {} on this network",
            view.nodes.len() - persons,
            view.measure
        ),
    );
    let entries = legend_entries(&view);
    let refs: Vec<(&str, &str, &str)> = entries.iter().map(|(a, b, c)| (*a, *b, c.as_str())).collect();
    legend_row(&mut s, 24.0, 84.0, &refs);
    if view.nodes.is_empty() {
        s.text(w / 2.0, h / 2.0, 16.0, "middle", "#666", "No persons or states in the graph.", "");
    }
    draw(&view, &mut s, false);
    s.finish("kurilnet: actor network", "")
}

/// Check helper for tests: labels of the view that overlap another label.
pub fn overlapping_labels(view: &View) -> Vec<(usize, usize)> {
    let placed: Vec<(usize, Rect)> =
        view.nodes.iter().enumerate().filter_map(|(i, n)| n.label_at.map(|p| (i, p.rect))).collect();
    let mut out = Vec::new();
    for (k, (i, a)) in placed.iter().enumerate() {
        for (j, b) in &placed[k + 1..] {
            if a.overlaps(b) {
                out.push((*i, *j));
            }
        }
    }
    out
}

/// Number formatting for the report's data (shared with the report module).
pub fn coord(v: f64) -> String {
    num(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit;

    #[test]
    fn the_full_view_labels_the_most_central_without_overlap() {
        let g = testkit::random(3, 120, 200);
        let v = View::full(&g, 1120.0, 760.0, 12.0, 5000);
        assert_eq!(v.nodes.len(), g.nodes().iter().filter(|n| n.kind != NodeKind::Document).count());
        let top = v.ranked();
        assert!(top[..MUST_LABEL].iter().all(|&i| v.nodes[i].label_at.is_some()), "top labels placed");
        assert!(overlapping_labels(&v).is_empty());
        for n in &v.nodes {
            assert!(n.x >= 0.0 && n.x <= 1120.0 && n.y >= 0.0 && n.y <= 760.0, "{} at {},{}", n.id, n.x, n.y);
        }
        // Larger score, larger node.
        let (a, b) = (top[0], top[top.len() - 1]);
        assert!(v.nodes[a].r > v.nodes[b].r);
        // Capped: the most central are kept.
        let cut = View::full(&g, 1120.0, 760.0, 12.0, 50);
        assert_eq!((cut.nodes.len(), cut.total), (50, v.nodes.len()));
        let min_kept = cut.nodes.iter().map(|n| n.score).fold(f64::MAX, f64::min);
        assert!(v.nodes.iter().filter(|n| n.score > min_kept).all(|n| cut.nodes.iter().any(|m| m.id == n.id)));
        // Deterministic.
        let w = View::full(&g, 1120.0, 760.0, 12.0, 5000);
        assert!(v.nodes.iter().zip(&w.nodes).all(|(p, q)| p.x == q.x && p.y == q.y));
    }

    #[test]
    fn active_years_follow_the_dates() {
        let g = testkit::sample();
        let years = active_years(&g);
        let v = View::full(&g, 800.0, 600.0, 12.0, 5000);
        for n in &v.nodes {
            let node = g.node(&n.id).unwrap();
            if is_dated_kind(node.kind) {
                assert_eq!(n.from, node.attrs.start.map(|d| d.year), "{}", n.id);
            }
        }
        // A person is active from the first meeting or proposal it is linked to.
        let putin = years["vladimir-putin"];
        let linked: Vec<i32> = g
            .edges()
            .into_iter()
            .filter(|e| e.source == "vladimir-putin" && e.relation != Relation::MentionedIn)
            .filter_map(|e| g.node(&e.target).and_then(|t| t.attrs.start).map(|d| d.year))
            .collect();
        assert_eq!(Some(putin), linked.into_iter().min());
        // An edge is active once both its ends are.
        for e in &v.edges {
            assert!(e.from >= v.nodes[e.a].from && e.from >= v.nodes[e.b].from);
        }
    }

    #[test]
    fn communities_colour_nodes_when_present() {
        let mut g = testkit::sample();
        let ids: Vec<String> = g.nodes_of(NodeKind::Person).iter().map(|n| n.id.clone()).collect();
        for (k, id) in ids.iter().enumerate() {
            g.node_mut(id).unwrap().attrs.extra.insert("community".into(), AttrValue::Int((k % 2) as i64));
        }
        let v = View::actors(&g, 800.0, 600.0, Rect { x0: 0.0, y0: 0.0, x1: 800.0, y1: 600.0 }, 12.0);
        let persons: BTreeSet<&str> = v.nodes.iter().filter(|n| n.kind == NodeKind::Person).map(|n| n.colour).collect();
        assert_eq!(persons, [community_colour(0), community_colour(1)].into_iter().collect());
        assert!(legend_entries(&v).iter().any(|e| e.2 == "colour: community"));
    }

    #[test]
    fn the_actor_svg_is_well_formed_and_readable() {
        let g = testkit::sample();
        let svg = actor_svg(&g);
        crate::diagram::assert_well_formed(&svg);
        assert!(svg.contains("width=\"1600\""));
        // Every font size is at least 10 px.
        crate::diagram::assert_fonts_at_least(&svg, 10.0);
        assert!(svg.contains(">Vladimir Putin</text>"), "Putin labelled");
    }
}
