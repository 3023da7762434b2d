//! `lineage.svg`: every proposal on a true time axis (x proportional to its
//! date), one lane per family, an arrow from each proposal to the later ones
//! derived from it (dashed across families), the proposer's side as colour
//! and the status as marker shape. Answers "which idea came from which, and when".

use std::collections::BTreeMap;

use super::svg::{Svg, esc, legend_row, shorten};
use super::{Side, TimeAxis, WIDTH};
use crate::analysis::lineage::{Entry, Lineage};
use crate::graph::Graph;
use crate::layout::labels::text_width;

/// Sub-rows a lane may grow to before labels are left out.
const MAX_SUBROWS: usize = 6;
const LABEL_FONT: f64 = 11.0;

/// Marker shape and whether it is filled, by proposal status.
pub fn status_shape(status: Option<&str>) -> (&'static str, bool) {
    match status {
        Some("agreed") => ("square", true),
        Some("offered") => ("circle", true),
        Some("floated") => ("circle", false),
        Some("rejected") => ("cross", false),
        Some("withdrawn") => ("square", false),
        Some("revived") => ("diamond", true),
        _ => ("triangle", false),
    }
}

/// Where a proposal is drawn.
struct Spot {
    x: f64,
    y: f64,
}

/// Render the lineage diagram. Links that close a cycle are left out, as in
/// `lineage.csv` ([`Lineage::build_breaking_cycles`], which names them).
pub fn to_svg(g: &Graph) -> String {
    let lin = Lineage::build_breaking_cycles(g);
    let families = lin.families();
    let has_undated = lin.entries.iter().any(|e| e.date.is_none());
    let (x0, x_end) = (230.0, WIDTH - 24.0);
    let x1 = if has_undated { x_end - 110.0 } else { x_end };
    let mut years: Vec<i32> = lin.entries.iter().filter_map(|e| e.date.map(|d| d.year)).collect();
    if years.is_empty() {
        years.push(2000); // nothing dated: any year makes a valid axis
    }
    let axis = TimeAxis::new(years, x0, x1).expect("at least one year");
    let x_of = |e: &Entry| e.date.map_or(x_end - 50.0, |d| axis.x(d));

    // Assign sub-rows per lane so labels do not collide.
    let top = 118.0;
    let sub_h = 24.0;
    let mut spots: BTreeMap<&str, Spot> = BTreeMap::new();
    let mut labels: Vec<(f64, f64, &'static str, String)> = Vec::new(); // x, y, anchor, text
    let mut lanes: Vec<(&str, f64, f64, usize)> = Vec::new(); // family, y0, y1, count
    let mut y = top;
    for (fam, entries) in &families {
        let mut ends: Vec<f64> = Vec::new();
        let mut placed: Vec<(&Entry, usize, Option<(f64, &'static str, String)>)> = Vec::new();
        let mut sorted: Vec<&Entry> = entries.clone();
        sorted.sort_by(|a, b| x_of(a).total_cmp(&x_of(b)).then(a.id.cmp(&b.id)));
        for e in sorted {
            let x = x_of(e);
            let label = g.node(&e.id).map_or(e.id.as_str(), |n| n.label.as_str());
            let text = format!("{} {}", e.year(), shorten(label, 34));
            let w = text_width(&text, LABEL_FONT);
            let (lx, anchor, span) =
                if x + 10.0 + w <= x_end { (x + 10.0, "start", (x - 8.0, x + 14.0 + w)) } else { (x - 10.0, "end", (x - 14.0 - w, x + 8.0)) };
            let row = ends.iter().position(|end| *end <= span.0);
            match row {
                Some(r) => {
                    ends[r] = span.1;
                    placed.push((e, r, Some((lx, anchor, text))));
                }
                None if ends.len() < MAX_SUBROWS => {
                    ends.push(span.1);
                    placed.push((e, ends.len() - 1, Some((lx, anchor, text))));
                }
                None => {
                    // No room for the label: the marker goes where it fits best, the label into its tooltip.
                    let r = (0..ends.len()).min_by(|a, b| ends[*a].total_cmp(&ends[*b])).unwrap_or(0);
                    ends[r] = ends[r].max(x + 8.0);
                    placed.push((e, r, None));
                }
            }
        }
        let rows = ends.len().max(1);
        let lane_y0 = y;
        for (e, r, label) in placed {
            let sy = lane_y0 + 14.0 + r as f64 * sub_h + sub_h / 2.0;
            spots.insert(e.id.as_str(), Spot { x: x_of(e), y: sy });
            if let Some((lx, anchor, text)) = label {
                labels.push((lx, sy - 7.0, anchor, text)); // above the line the arrows run on
            }
        }
        y += rows as f64 * sub_h + 24.0;
        lanes.push((fam, lane_y0, y, entries.len()));
    }
    let height = y + 60.0;
    let mut s = Svg::new(WIDTH, height);
    s.heading(
        "Which idea came from which: the lineage of proposals",
        &format!(
            "{} proposals in {} families on a true time axis; arrows run from a proposal to the later ones derived from it (dashed: across families)",
            lin.entries.len(),
            families.len()
        ),
    );
    let mut x = 24.0;
    for st in ["offered", "floated", "agreed", "revived", "withdrawn", "rejected"] {
        let (shape, filled) = status_shape(Some(st));
        s.marker(shape, x + 6.0, 80.0, 6.0, if filled { "#555" } else { "#ffffff" }, "#555", "");
        s.text(x + 16.0, 84.0, 12.0, "start", "#333", st, "");
        x += 16.0 + text_width(st, 12.0) + 18.0;
    }
    let mut sides: Vec<Side> = lin.entries.iter().map(|e| g.node(&e.id).map_or(Side::None, Side::of)).collect();
    sides.sort();
    sides.dedup();
    let entries: Vec<(&str, &str, &str)> = sides.iter().map(|s| ("square", s.colour(), s.title())).collect();
    legend_row(&mut s, x + 20.0, 84.0, &entries);

    for (i, (fam, y0, y1, count)) in lanes.iter().enumerate() {
        if i % 2 == 0 {
            s.raw(&format!(
                "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f6f6f6\"/>\n",
                super::svg::num(*y0),
                super::svg::num(WIDTH),
                super::svg::num(y1 - y0)
            ));
        }
        s.text(20.0, y0 + 26.0, 14.0, "start", "#111", fam, "font-weight=\"bold\"");
        s.text(20.0, y0 + 44.0, 11.0, "start", "#555", &format!("{count} proposal(s)"), "");
    }
    axis.draw(&mut s, y + 8.0, top - 6.0);
    if has_undated {
        s.text(x_end - 50.0, y + 28.0, 12.0, "middle", "#333", "undated", "");
    }

    // Arrows parent → child, under the markers.
    s.raw("<g fill=\"none\">\n");
    for e in &lin.entries {
        let Some(c) = spots.get(e.id.as_str()) else { continue };
        for p in e.parent.iter().chain(&e.other_parents) {
            let (Some(pe), Some(ps)) = (lin.get(p), spots.get(p.as_str())) else { continue };
            let cross = pe.family != e.family;
            let (colour, dash) = if cross { ("#7f7f7f", " stroke-dasharray=\"5 4\"") } else { ("#5e3c99", "") };
            let dx = ((c.x - ps.x) / 2.0).max(20.0);
            let _ = std::fmt::Write::write_fmt(
                &mut s.body,
                format_args!(
                    "<path d=\"M{} {}C{} {} {} {} {} {}\" stroke=\"{colour}\" stroke-width=\"1.4\"{dash} marker-end=\"url(#arrow)\"><title>{}</title></path>\n",
                    super::svg::num(ps.x + 6.0),
                    super::svg::num(ps.y),
                    super::svg::num(ps.x + dx),
                    super::svg::num(ps.y),
                    super::svg::num(c.x - dx),
                    super::svg::num(c.y),
                    super::svg::num(c.x - 7.0),
                    super::svg::num(c.y),
                    esc(&format!("{} derived from {}", e.id, p))
                ),
            );
        }
    }
    s.raw("</g>\n");
    for e in &lin.entries {
        let Some(sp) = spots.get(e.id.as_str()) else { continue };
        let n = g.node(&e.id);
        let status = n.and_then(|n| n.attrs.status.as_deref());
        let (shape, filled) = status_shape(status);
        let colour = n.map_or(Side::None, Side::of).colour();
        let tip = format!(
            "<title>{}</title>",
            esc(&format!(
                "{} ({}) — {} — {}; proposer {}",
                n.map_or(e.id.as_str(), |n| n.label.as_str()),
                e.id,
                e.date.map_or("undated".to_string(), |d| d.to_string()),
                status.unwrap_or("status unknown"),
                n.map(|n| n.attrs.proposer.join("+")).filter(|p| !p.is_empty()).unwrap_or_else(|| "unknown".into())
            ))
        );
        s.raw("<g>");
        s.raw(&tip);
        s.marker(shape, sp.x, sp.y, 6.0, if filled { colour } else { "#ffffff" }, colour, "");
        s.raw("</g>\n");
    }
    s.raw("<g paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\">\n");
    for (x, y, anchor, text) in &labels {
        s.text(*x, *y, LABEL_FONT, anchor, "#1a1a1a", text, "");
    }
    s.raw("</g>\n");
    let defs = "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" \
                orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#555\"/></marker>";
    s.finish("kurilnet: lineage of proposals", defs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit;

    fn x_of_title(svg: &str, id: &str) -> f64 {
        let at = svg.find(&format!("({id})")).unwrap_or_else(|| panic!("{id} drawn"));
        let rest = &svg[at..];
        let d = rest.split("d=\"M").nth(1).unwrap();
        // The marker path starts left of the centre by the radius (circle) or less.
        d.split(' ').next().unwrap().parse().unwrap()
    }

    #[test]
    fn proposals_sit_on_a_true_time_axis_with_arrows() {
        let g = testkit::sample();
        let svg = to_svg(&g);
        crate::diagram::assert_well_formed(&svg);
        let lin = Lineage::build(&g).unwrap();
        assert_eq!(svg.matches(" derived from p-").count(), lin.entries.iter().map(|e| e.parent.iter().count() + e.other_parents.len()).sum::<usize>());
        // x grows with the date, in proportion: 1956→1960 is about 4/35 of 1956→1991.
        let a = x_of_title(&svg, "p-1956-joint-declaration");
        let b = x_of_title(&svg, "p-1960-withdrawal");
        let c = x_of_title(&svg, "p-1991-four-island");
        let ratio = (b - a) / (c - a);
        assert!((ratio - 4.0 / 35.0).abs() < 0.03, "ratio {ratio}");
        assert_eq!(svg.matches("stroke-dasharray=\"5 4\"").count() > 0, true, "a cross-family link is dashed");
        crate::diagram::assert_fonts_at_least(&svg, 10.0);
    }

    #[test]
    fn a_cycle_is_drawn_without_the_link_that_closes_it() {
        use crate::graph::{Edge, Relation::DerivedFrom};
        let mut g = testkit::sample();
        g.upsert_edge(Edge::new("p-1956-joint-declaration", "p-2019-plus-alpha", DerivedFrom)).unwrap();
        let lin = Lineage::build_breaking_cycles(&g);
        assert_eq!(lin.broken.len(), 1);
        let svg = to_svg(&g);
        crate::diagram::assert_well_formed(&svg);
        let drawn = lin.entries.iter().map(|e| e.parent.iter().count() + e.other_parents.len()).sum::<usize>();
        assert_eq!(svg.matches(" derived from p-").count(), drawn);
        let r = crate::diagram::render_all(&g);
        assert!(r.files.iter().any(|f| f.name == "lineage.svg"), "{:?}", r.notes);
    }
}
