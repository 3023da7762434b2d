//! The report's interactive network view: the whole network (documents left
//! out) laid out by ForceAtlas2 and drawn as inline SVG, with its data (ids,
//! kinds, sides, the year each node and edge becomes active, evidence
//! sentences) as JSON beside it for the hand-written script `network.js`:
//! pan and zoom, hover and click for evidence, filters by kind and side, a
//! search box and a time slider. Works offline; nothing is fetched.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use super::esc;
use crate::diagram::network::{self, View};
use crate::diagram::svg::Svg;
use crate::diagram::{Side, kind_colour};
use crate::graph::{Evidence, Graph, NodeKind};

/// Size of the drawing at its initial view (1 unit = 1 CSS px).
pub const VIEW_WIDTH: f64 = 1120.0;
pub const VIEW_HEIGHT: f64 = 760.0;
/// Label size at the initial view, px.
pub const LABEL_FONT: f64 = 12.0;
/// Most nodes drawn; a larger network shows its most central nodes.
pub const MAX_NODES: usize = 2500;
/// Evidence records carried per node and per edge (the count says how many there are).
const EVIDENCE_SHOWN: usize = 4;

const SCRIPT: &str = include_str!("network.js");
pub const STYLE: &str = include_str!("network.css");

/// Sentences shared by many nodes and edges are stored once.
#[derive(Default)]
struct Sentences {
    list: Vec<Value>,
    index: BTreeMap<(std::sync::Arc<str>, usize), usize>,
    docs: BTreeMap<std::sync::Arc<str>, usize>,
}

impl Sentences {
    fn refs(&mut self, ev: &[Evidence]) -> Vec<usize> {
        let mut out = Vec::new();
        for e in ev.iter().take(EVIDENCE_SHOWN) {
            let key = (e.doc.clone(), e.sentence);
            if let Some(&k) = self.index.get(&key) {
                out.push(k);
                continue;
            }
            let n = self.docs.len();
            let d = *self.docs.entry(e.doc.clone()).or_insert(n);
            self.list.push(json!([d, e.sentence, e.text]));
            self.index.insert(key, self.list.len() - 1);
            out.push(self.list.len() - 1);
        }
        out
    }
}

/// JSON text safe inside `<script type="application/json">`: `<` is written as `\u003c`.
fn script_json(v: &Value) -> String {
    v.to_string().replace('<', "\\u003c")
}

/// The view's data for the script.
fn data(g: &Graph, view: &View) -> Value {
    let mut sentences = Sentences::default();
    let edges_all = g.edges();
    let nodes: Vec<Value> = view
        .nodes
        .iter()
        .map(|n| {
            let node = g.node(&n.id).expect("view nodes come from the graph");
            let ev = sentences.refs(&node.evidence);
            let dates = match (node.attrs.start, node.attrs.end) {
                (Some(s), Some(e)) if s != e => format!("{s} – {e}"),
                (Some(s), _) => s.to_string(),
                _ => String::new(),
            };
            json!([
                n.id,
                n.label,
                n.kind.as_str(),
                n.side.as_str(),
                n.from,
                network::coord(n.x).parse::<f64>().unwrap_or(0.0),
                network::coord(n.y).parse::<f64>().unwrap_or(0.0),
                network::coord(n.r).parse::<f64>().unwrap_or(0.0),
                ev,
                node.evidence_count(),
                dates,
                n.community,
                node.label
            ])
        })
        .collect();
    let edges: Vec<Value> = view
        .edges
        .iter()
        .map(|e| {
            let (ev, count) = match e.source.and_then(|k| edges_all.get(k)) {
                Some(src) => (sentences.refs(&src.evidence), src.evidence_count()),
                None => (Vec::new(), 0),
            };
            json!([e.a, e.b, e.relation.as_str(), e.from, ev, count])
        })
        .collect();
    let mut docs: Vec<(usize, Value)> = sentences
        .docs
        .iter()
        .map(|(id, k)| {
            let doc = g.node(&format!("doc-{id}"));
            let title = doc.and_then(|d| d.attrs.title.clone()).unwrap_or_default();
            let date = doc.and_then(|d| d.attrs.start).map(|d| d.to_string()).unwrap_or_default();
            (*k, json!([id, title, date]))
        })
        .collect();
    docs.sort_by_key(|(k, _)| *k);
    let years: Vec<i32> = view.nodes.iter().filter_map(|n| n.from).collect();
    json!({
        "nodes": nodes,
        "edges": edges,
        "sentences": sentences.list,
        "docs": docs.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "years": [years.iter().min(), years.iter().max()],
        "measure": view.measure,
    })
}

/// Checkboxes for the kinds and sides present.
fn filters(view: &View) -> String {
    let mut kinds: Vec<NodeKind> = view.nodes.iter().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut sides: Vec<Side> = view.nodes.iter().map(|n| n.side).collect();
    sides.sort();
    sides.dedup();
    let mut out = String::from("<span class=\"net-filter\">kind:");
    for k in kinds {
        let shape = network::kind_shape(k);
        let _ = write!(
            out,
            " <label><input type=\"checkbox\" data-kind=\"{k}\" checked> <i class=\"sw {shape}\" style=\"background:{}\"></i>{k}</label>",
            kind_colour(k)
        );
    }
    out.push_str("</span> <span class=\"net-filter\">side:");
    for s in sides {
        let _ = write!(
            out,
            " <label><input type=\"checkbox\" data-side=\"{}\" checked> <i class=\"sw circle\" style=\"background:{}\"></i>{}</label>",
            s.as_str(),
            if s == Side::None { "#dddddd" } else { s.colour() },
            esc(s.title())
        );
    }
    out.push_str("</span>");
    out
}

/// The network section of the report (heading, controls, SVG, data, script).
pub fn section(g: &Graph) -> String {
    let view = View::full(g, VIEW_WIDTH, VIEW_HEIGHT, LABEL_FONT, MAX_NODES);
    let mut svg = Svg::new(VIEW_WIDTH, VIEW_HEIGHT);
    network::draw(&view, &mut svg, true);
    let d = data(g, &view);
    let years = &d["years"];
    let (lo, hi) = (years[0].as_i64(), years[1].as_i64());
    let slider = match (lo, hi) {
        (Some(lo), Some(hi)) => format!(
            "<label class=\"net-year\">year <input type=\"range\" id=\"net-year\" min=\"{lo}\" max=\"{}\" step=\"1\" value=\"{}\"></label> \
             <output id=\"net-year-label\">all years</output> <button type=\"button\" id=\"net-play\">▶ replay</button>",
            hi + 1,
            hi + 1
        ),
        _ => "<span class=\"note\">no dated meeting or proposal: no time slider</span>".into(),
    };
    let cut = if view.total > view.nodes.len() {
        format!(" Of {} nodes, the {} of highest degree are drawn.", view.total, view.nodes.len())
    } else {
        String::new()
    };
    let coloured = if view.nodes.iter().any(|n| n.community.is_some()) { "community" } else { "side (kind when no side)" };
    format!(
        "<h2 id=\"network\">Network</h2>\
         <p>Every actor, meeting, proposal, place and island, and how they are tied (documents left out), laid out by \
         ForceAtlas2. Size: {measure}; colour: {coloured}; shape: kind. Drag to pan, scroll or use the buttons to zoom; \
         hover for a name; click a node or a line for its evidence. The slider replays the years: meetings and proposals \
         appear at their dates, persons and ties when they first take part.{cut}</p>\
         <div id=\"net\" class=\"net\"><div class=\"net-controls\">{slider} \
         <input type=\"search\" id=\"net-search\" placeholder=\"find a name\" aria-label=\"find a name\"> \
         <button type=\"button\" id=\"net-zoom-in\" title=\"zoom in\">+</button><button type=\"button\" id=\"net-zoom-out\" title=\"zoom out\">−</button>\
         <button type=\"button\" id=\"net-reset\">reset view</button> <span id=\"net-count\"></span><br>{filters}</div>\
         <div class=\"net-stage\"><svg id=\"net-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">{body}<g class=\"search-labels\"></g></svg>\
         <div id=\"net-tip\" hidden></div></div>\
         <div id=\"net-info\" aria-live=\"polite\"><p class=\"note\">Click a node or a line to see its evidence sentences.</p></div></div>\
         <script type=\"application/json\" id=\"net-data\">{json}</script><script>{SCRIPT}</script>",
        measure = esc(&view.measure),
        filters = filters(&view),
        w = VIEW_WIDTH,
        h = VIEW_HEIGHT,
        body = svg.body,
        json = script_json(&d),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit;

    #[test]
    fn the_section_carries_one_element_per_node_and_its_data() {
        let g = testkit::sample();
        let html = section(&g);
        let nodes = g.nodes().into_iter().filter(|n| n.kind != NodeKind::Document).count();
        assert_eq!(html.matches("class=\"node ").count(), nodes);
        let json = html.split("id=\"net-data\">").nth(1).unwrap().split("</script>").next().unwrap();
        assert!(!json.contains('<'), "no raw < inside the script element");
        let v: Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["nodes"].as_array().unwrap().len(), nodes);
        assert_eq!(v["years"], json!([1956, 2019]));
        assert!(html.contains("id=\"net-year\" min=\"1956\" max=\"2020\""));
        // Evidence sentences resolve for a node with evidence.
        let putin = v["nodes"].as_array().unwrap().iter().find(|n| n[0] == "vladimir-putin").unwrap();
        let first = putin[8][0].as_u64().unwrap() as usize;
        assert!(v["sentences"][first][2].as_str().unwrap().len() > 5);
    }

    #[test]
    fn script_json_escapes_markup() {
        let v = json!({"t": "</script><!-- x"});
        let s = script_json(&v);
        assert!(!s.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), v);
    }
}
