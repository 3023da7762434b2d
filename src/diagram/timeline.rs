//! `timeline.svg`: the meetings on a true time axis (x proportional to the
//! date), one row per participant grouped by side, a vertical line joining the
//! participants of each meeting; marker shape and colour give the status.
//! Answers "when did who meet whom".

use std::collections::{BTreeMap, BTreeSet};

use super::svg::{Svg, legend_row, shorten};
use super::{Side, TimeAxis, WIDTH};
use crate::graph::{Graph, Node, NodeKind, Relation};
use crate::layout::labels::text_width;

/// Most participant rows drawn; the rest share one row.
const MAX_ROWS: usize = 45;
/// Lines of the meeting-label band above the rows.
const BAND_LINES: usize = 8;

/// Marker shape and colour of a meeting status.
pub fn status_style(status: Option<&str>) -> (&'static str, &'static str, bool) {
    // (shape, colour, filled)
    match status {
        Some("held") => ("circle", "#1b7837", true),
        Some("planned") => ("circle", "#2166ac", false),
        Some("postponed") => ("diamond", "#e08214", false),
        Some("cancelled") => ("cross", "#b2182b", false),
        _ => ("square", "#666666", false),
    }
}

/// Render the timeline; `None` when no meeting is dated.
pub fn to_svg(g: &Graph) -> Option<String> {
    let mut meetings: Vec<&Node> = g.nodes_of(NodeKind::Meeting).into_iter().filter(|m| m.attrs.start.is_some()).collect();
    let undated = g.nodes_of(NodeKind::Meeting).len() - meetings.len();
    meetings.sort_by(|a, b| a.attrs.start.cmp(&b.attrs.start).then(a.id.cmp(&b.id)));
    let first = meetings.first()?;
    let _ = first;
    let mut who: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in g.edges_of(Relation::ParticipatedIn) {
        if g.node(&e.source).is_some_and(|n| n.kind != NodeKind::Meeting) {
            who.entry(&e.target).or_default().insert(&e.source);
        }
    }
    // Rows: participants by side, then first meeting, then id.
    let mut first_seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new(); // id → (first meeting index, count)
    for (k, m) in meetings.iter().enumerate() {
        for p in who.get(m.id.as_str()).into_iter().flatten() {
            let e = first_seen.entry(p).or_insert((k, 0));
            e.1 += 1;
        }
    }
    let mut people: Vec<(&str, Side, usize, usize)> = first_seen
        .iter()
        .map(|(id, (k, count))| (*id, g.node(id).map_or(Side::None, Side::of), *k, *count))
        .collect();
    // Keep the most frequent participants when there are too many rows.
    if people.len() > MAX_ROWS {
        people.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(b.0)));
        people.truncate(MAX_ROWS - 1);
    }
    people.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(a.0.cmp(b.0)));
    let row_of: BTreeMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.0, i)).collect();
    let folded = first_seen.len() - people.len();
    let other_row = people.len();
    let none_row = people.len() + usize::from(folded > 0);
    let any_without = meetings.iter().any(|m| who.get(m.id.as_str()).is_none_or(|w| w.is_empty()));
    let rows = none_row + usize::from(any_without);

    let (x0, x1) = (250.0, WIDTH - 40.0);
    let axis = TimeAxis::new(meetings.iter().filter_map(|m| m.attrs.start.map(|d| d.year)), x0, x1)?;
    let band_top = 112.0;
    let line_h = 16.0;
    let rows_top = band_top + BAND_LINES as f64 * line_h + 18.0;
    let row_h = 20.0;
    let rows_bottom = rows_top + rows as f64 * row_h;
    let height = rows_bottom + 56.0;
    let mut s = Svg::new(WIDTH, height);
    let note = if undated > 0 { format!("; {undated} undated meeting(s) not shown") } else { String::new() };
    s.heading(
        "When did who meet: the meeting timeline",
        &format!(
            "{} meetings on a true time axis; one row per participant (name coloured by side), a vertical line joins those who met{note}",
            meetings.len()
        ),
    );
    let mut x = 24.0;
    for st in ["held", "planned", "postponed", "cancelled"] {
        let (shape, colour, filled) = status_style(Some(st));
        let fill = if filled { colour } else { "#ffffff" };
        s.marker(shape, x + 6.0, 80.0, 6.0, fill, colour, "");
        s.text(x + 16.0, 84.0, 12.0, "start", "#333", st, "");
        x += 16.0 + text_width(st, 12.0) + 18.0;
    }
    let sides: BTreeSet<Side> = people.iter().map(|p| p.1).collect();
    let side_entries: Vec<(&str, &str, &str)> = sides.iter().map(|s| ("square", s.colour(), s.title())).collect();
    legend_row(&mut s, x + 20.0, 84.0, &side_entries);

    // Row labels and guides.
    let y_of_row = |r: usize| rows_top + r as f64 * row_h + row_h / 2.0;
    for (i, (id, side, _, count)) in people.iter().enumerate() {
        let label = g.node(id).map_or(*id, |n| n.label.as_str());
        let y = y_of_row(i);
        s.line(x0, y, x1, y, "#f0f0f0", 1.0, "");
        s.text(x0 - 12.0, y + 4.0, 12.0, "end", side.colour(), &format!("{} ({count})", shorten(label, 26)), "");
    }
    if folded > 0 {
        s.text(x0 - 12.0, y_of_row(other_row) + 4.0, 12.0, "end", "#555", &format!("{folded} other participants"), "");
    }
    if any_without {
        s.text(x0 - 12.0, y_of_row(none_row) + 4.0, 12.0, "end", "#555", "no participant named", "");
    }
    axis.draw(&mut s, rows_bottom + 8.0, band_top - 4.0);

    // Meetings.
    let mut band: Vec<Vec<(f64, f64)>> = vec![Vec::new(); BAND_LINES];
    let mut band_labels: Vec<(f64, f64, String)> = Vec::new();
    for m in &meetings {
        let x = axis.x(m.attrs.start.expect("dated"));
        let mut ys: Vec<f64> = who
            .get(m.id.as_str())
            .into_iter()
            .flatten()
            .map(|p| y_of_row(row_of.get(p).copied().unwrap_or(other_row)))
            .collect();
        if ys.is_empty() {
            ys.push(y_of_row(none_row));
        }
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        let (shape, colour, filled) = status_style(m.attrs.status.as_deref());
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        let tip = format!(
            "<title>{}</title>",
            super::svg::esc(&format!(
                "{} — {} — {}{}",
                m.attrs.start.expect("dated"),
                m.label,
                m.attrs.status.as_deref().unwrap_or("status unknown"),
                m.attrs.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default()
            ))
        );
        s.raw("<g>");
        s.raw(&tip);
        if bottom > top {
            s.line(x, top, x, bottom, colour, 2.0, "stroke-opacity=\"0.7\"");
        }
        for y in &ys {
            s.marker(shape, x, *y, 5.0, if filled { colour } else { "#ffffff" }, colour, "");
        }
        // Label in the first band line with room.
        let text = format!("{} {}", m.attrs.start.expect("dated").year, shorten(&m.label, 30));
        let w = text_width(&text, 11.0);
        let (lx0, lx1) = (x - 3.0, x + w + 3.0);
        if lx1 <= WIDTH - 4.0
            && let Some(line) = band.iter().position(|used| used.iter().all(|(a, b)| lx1 <= *a || lx0 >= *b))
        {
            band[line].push((lx0, lx1));
            let ly = band_top + line as f64 * line_h + 11.0;
            s.line(x, ly + 3.0, x, top - 6.0, "#bbbbbb", 0.8, "stroke-dasharray=\"2 2\"");
            band_labels.push((x, ly, text));
        }
        s.raw("</g>\n");
    }
    // Labels last, with a white halo, so guides of later meetings pass under them.
    s.raw("<g paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\">\n");
    for (x, y, text) in &band_labels {
        s.text(*x, *y, 11.0, "start", "#333", text, "");
    }
    s.raw("</g>\n");
    Some(s.finish("kurilnet: meeting timeline", ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit;

    #[test]
    fn meetings_sit_at_their_dates_with_their_participants() {
        let g = testkit::sample();
        let svg = to_svg(&g).expect("the sample has meetings");
        crate::diagram::assert_well_formed(&svg);
        assert!(svg.contains("width=\"1600\""));
        let meetings = g.nodes_of(NodeKind::Meeting).len();
        assert_eq!(svg.matches("<g><title>").count(), meetings, "one group per meeting");
        crate::diagram::assert_fonts_at_least(&svg, 10.0);
        // Rows for the participants, Putin among them.
        assert!(svg.contains(">Vladimir Putin ("), "{svg}");
    }

    #[test]
    fn no_dated_meeting_no_timeline() {
        let mut g = Graph::new();
        g.upsert_node(Node::new("m", NodeKind::Meeting, "undated talks"));
        assert!(to_svg(&g).is_none());
    }
}
