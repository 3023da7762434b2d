//! Centrality of actors over time: the actor network of each year window
//! (meetings and proposals dated inside it, see [`restrict`](super::network::restrict)), scored like
//! the whole, written as a long table and drawn as a rank chart.

mod strength;

pub use strength::window_strengths;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::centrality::{Measure, Options, Scores, score};
use super::network::{Network, NetworkKind, Window, actor_graph_without_evidence, restrict_for_scores};
use crate::graph::{Graph, NodeKind};

/// Measures written per actor and window.
pub const MEASURES: [Measure; 6] = [
    Measure::Degree,
    Measure::WeightedDegree,
    Measure::Betweenness,
    Measure::Closeness,
    Measure::Eigenvector,
    Measure::PageRank,
];

/// The first and last year of the dated meetings and proposals of `g`.
pub fn year_span(g: &Graph) -> Option<(i32, i32)> {
    let years = g
        .nodes()
        .into_iter()
        .filter(|n| matches!(n.kind, NodeKind::Meeting | NodeKind::Proposal))
        .filter_map(|n| n.attrs.start.map(|d| d.year));
    years.fold(None, |acc, y| Some(acc.map_or((y, y), |(a, b): (i32, i32)| (a.min(y), b.max(y)))))
}

/// Windows of `width` years starting every `step` years from the first dated
/// year until one covers the last (at least one window). Empty when nothing is dated.
pub fn windows(g: &Graph, width: u32, step: u32) -> Vec<Window> {
    let Some((first, last)) = year_span(g) else { return Vec::new() };
    let (width, step) = (width.max(1) as i32, step.max(1) as i32);
    let mut out = Vec::new();
    let mut s = first;
    loop {
        out.push(Window { from: Some(s), to: Some(s + width - 1) });
        if s + width > last {
            break;
        }
        s += step;
    }
    out
}

/// Score the actor network of every window (on `opts.ties`).
///
/// # Complexity
/// One actor-network scoring per window: O(W · |V| · (|V| + |E|)) at worst.
pub fn over_time(g: &Graph, width: u32, step: u32, opts: Options) -> Vec<(Window, Scores)> {
    windows(g, width, step)
        .into_iter()
        .map(|w| {
            let actors = actor_graph_without_evidence(&restrict_for_scores(g, w));
            let s = score(&Network::actors(&actors, opts.ties), NetworkKind::Actors, &actors, &w.to_string(), opts);
            (w, s)
        })
        .collect()
}

/// The long CSV `actor,window_start,window_end,measure,value` (plus `label`
/// and `kind` after `actor`): one row per actor present in the window's
/// network with at least one tie, measure and window; undefined values are left out.
pub fn to_long_csv(all: &[(Window, Scores)]) -> anyhow::Result<Vec<u8>> {
    use crate::export::csv::cell;
    let mut w = crate::export::csv::writer();
    w.write_record(["actor", "label", "kind", "window_start", "window_end", "measure", "value"])?;
    for (win, s) in all {
        let (a, b) =
            (win.from.map(|x| x.to_string()).unwrap_or_default(), win.to.map(|x| x.to_string()).unwrap_or_default());
        for r in s.rows.iter().filter(|r| r.get(Measure::Degree).is_some_and(|d| d > 0.0)) {
            for m in MEASURES {
                if let Some(v) = r.get(m) {
                    w.write_record([
                        cell(&r.id),
                        cell(&r.label),
                        r.kind.clone(),
                        a.clone(),
                        b.clone(),
                        m.to_string(),
                        v.to_string(),
                    ])?;
                }
            }
        }
    }
    crate::export::csv::finish(w, "centrality over time CSV")
}

/// An actor's label and its rank in each window (`None`: no tie there).
type Ranks = (String, Vec<Option<usize>>);

/// Actors shown in the rank chart.
pub const CHART_ACTORS: usize = 6;

/// An HTML fragment for report.html: an inline SVG of the rank (by weighted
/// degree in the actor network, all ties) of the top actors in each
/// ten-year window, one every five years; a line per actor, rank 1 at the
/// top, a gap where the actor has no tie in the window. The actors shown are
/// those with the most windows in the top ranks (best mean rank breaks ties).
/// A note instead when fewer than two windows have ties.
pub fn rank_chart(g: &Graph) -> String {
    // Only weighted degree is drawn, read in one pass over the edges (see `strength`).
    let active = windows(g, 10, 5);
    let strengths = strength::window_strengths(g, &active);
    // actor → (label, rank per window)
    let mut ranks: BTreeMap<String, Ranks> = BTreeMap::new();
    if strengths.iter().filter(|s| !s.is_empty()).count() < 2 {
        return "<p class=\"note\">Rank over time: fewer than two ten-year windows have ties between actors.</p>"
            .into();
    }
    for (i, s) in strengths.iter().enumerate() {
        // Rank 1 is the strongest; equal strengths share the better rank.
        let mut desc: Vec<f64> = s.values().copied().collect();
        desc.sort_by(|a, b| b.total_cmp(a));
        for (&id, &x) in s {
            let rank = 1 + desc.partition_point(|&y| y > x);
            let label = || (g.node(id).map(|n| n.label.clone()).unwrap_or_default(), vec![None; active.len()]);
            ranks.entry(id.to_string()).or_insert_with(label).1[i] = Some(rank);
        }
    }
    let cut = 5;
    let mut chosen: Vec<(&String, &Ranks)> = ranks.iter().collect();
    let key = |v: &Vec<Option<usize>>| {
        let top = v.iter().filter(|r| r.is_some_and(|x| x <= cut)).count();
        let got: Vec<usize> = v.iter().flatten().copied().collect();
        let mean = got.iter().sum::<usize>() as f64 / got.len().max(1) as f64;
        (std::cmp::Reverse(top), (mean * 1000.0) as i64)
    };
    chosen.sort_by(|a, b| key(&a.1.1).cmp(&key(&b.1.1)).then(a.0.cmp(b.0)));
    chosen.truncate(CHART_ACTORS);
    let max_rank = chosen.iter().flat_map(|(_, (_, v))| v.iter().flatten()).copied().max().unwrap_or(1).max(2);
    let (w, h, left, right, top, bottom) = (640.0, 260.0, 40.0, 170.0, 20.0, 30.0);
    let x = |i: usize| left + (w - left - right) * i as f64 / (active.len() - 1) as f64;
    let y = |r: usize| top + (h - top - bottom) * (r - 1) as f64 / (max_rank - 1) as f64;
    const COLOURS: [&str; 6] = ["#1f78b4", "#e31a1c", "#33a02c", "#6a3d9a", "#ff7f00", "#b15928"];
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<h3 id=\"rank-over-time\">Rank over time</h3><p>Rank of the top actors by weighted degree in the actor \
         network of each ten-year window (one every five years); 1 is the most connected; a gap is a window \
         without a tie. The full table: <code>kurilnet centrality graph.json --window 10 --step 5</code>.</p>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rank-chart\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-label=\"rank of the top actors over time\">"
    );
    for r in [1, max_rank] {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\">{r}</text>",
            left - 6.0,
            y(r) + 3.0
        );
    }
    for (i, win) in active.iter().enumerate() {
        let _ = write!(
            svg,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#ddd\"/><text x=\"{0:.1}\" y=\"{3}\" font-size=\"10\" text-anchor=\"middle\">{4}</text>",
            x(i),
            top,
            h - bottom,
            h - 10.0,
            win.from.unwrap_or_default()
        );
    }
    for (k, (_, (label, v))) in chosen.iter().enumerate() {
        let c = COLOURS[k % COLOURS.len()];
        // Actors sharing a rank would hide each other: shift each line a little.
        let y = |r: usize| y(r) + 2.5 * (k as f64 - (chosen.len() as f64 - 1.0) / 2.0);
        let mut run: Vec<String> = Vec::new();
        let flush = |run: &mut Vec<String>, svg: &mut String| {
            if run.len() > 1 {
                let _ = write!(
                    svg,
                    "<polyline fill=\"none\" stroke=\"{c}\" stroke-width=\"2\" points=\"{}\"/>",
                    run.join(" ")
                );
            }
            run.clear();
        };
        for (i, r) in v.iter().enumerate() {
            match r {
                Some(r) => {
                    run.push(format!("{:.1},{:.1}", x(i), y(*r)));
                    let _ = write!(
                        svg,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{c}\"><title>{}: rank {r}</title></circle>",
                        x(i),
                        y(*r),
                        crate::report::esc(label)
                    );
                }
                None => flush(&mut run, &mut svg),
            }
        }
        flush(&mut run, &mut svg);
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{c}\">{}</text>",
            w - right + 10.0,
            top + 14.0 * k as f64 + 4.0,
            crate::report::esc(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::sample;

    #[test]
    fn windows_step_from_the_first_dated_year_to_cover_the_last() {
        let g = sample();
        let (first, last) = year_span(&g).unwrap();
        let w = windows(&g, 5, 1);
        assert_eq!(w[0], Window { from: Some(first), to: Some(first + 4) });
        assert!(w.last().unwrap().to.unwrap() >= last);
        assert!(w.windows(2).all(|p| p[1].from.unwrap() == p[0].from.unwrap() + 1));
        assert_eq!(windows(&Graph::new(), 5, 1), vec![]);
    }

    #[test]
    fn degrees_only_scores_give_the_same_degrees_and_no_path_measure() {
        let g = sample();
        let full = over_time(&g, 10, 5, Options::default());
        let cheap = over_time(&g, 10, 5, Options { degrees_only: true, ..Options::default() });
        assert_eq!(full.len(), cheap.len());
        let mut compared = 0;
        for ((_, a), (_, b)) in full.iter().zip(&cheap) {
            assert_eq!(a.ranks(Measure::WeightedDegree), b.ranks(Measure::WeightedDegree));
            for (x, y) in a.rows.iter().zip(&b.rows) {
                assert_eq!(x.get(Measure::WeightedDegree), y.get(Measure::WeightedDegree));
                assert_eq!(y.get(Measure::Betweenness), None);
                compared += usize::from(x.get(Measure::Betweenness).is_some());
            }
        }
        assert!(compared > 0, "the full scores do have betweenness to leave out");
    }

    #[test]
    fn long_csv_has_one_row_per_actor_window_and_measure() {
        let g = sample();
        let all = over_time(&g, 10, 5, Options::default());
        let text = String::from_utf8(to_long_csv(&all).unwrap()).unwrap();
        assert!(text.starts_with("actor,label,kind,window_start,window_end,measure,value\n"));
        // Putin and Mori meet in 2000: in the 1996–2005 window both have degree ≥ 1.
        let start = all.iter().find(|(w, _)| w.contains(2000)).map(|(w, _)| w.from.unwrap()).unwrap();
        assert!(
            text.contains(&format!("vladimir-putin,Vladimir Putin,person,{start},{},degree,", start + 9)),
            "{text}"
        );
        assert!(!text.contains(",1956,1965,degree,0\n"), "actors without a tie are left out");
    }

    #[test]
    fn rank_chart_draws_a_line_per_top_actor() {
        let svg = rank_chart(&sample());
        assert!(svg.contains("<svg") && svg.contains("polyline"), "{svg}");
        assert!(svg.matches("<text x=").count() > CHART_ACTORS);
        assert!(rank_chart(&Graph::new()).contains("fewer than two"));
    }
}
