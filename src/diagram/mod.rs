//! Diagrams drawn in Rust as standalone SVG (no Graphviz): the actor network
//! (`network.svg`), the meeting timeline (`timeline.svg`) and the proposal
//! lineage on a true time axis (`lineage.svg`), each 1,600 px wide with labels
//! of at least 10 px, valid XML that browsers and Inkscape open. The report
//! embeds the same drawings and an interactive view of the whole network
//! ([`network::View`]).

pub mod lineage;
pub mod network;
pub mod svg;
pub mod timeline;

use crate::date::PartialDate;
use crate::export::{OutputFile, Rendered};
use crate::graph::{AttrValue, Graph, Node, NodeKind};

/// Width of every standalone diagram, in px (slide size).
pub const WIDTH: f64 = 1600.0;

/// The side a node stands for in the negotiation, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// Japan.
    Jp,
    /// The Soviet Union or Russia.
    SuRu,
    /// Any other country.
    Other,
    /// Both sides together (a joint proposal).
    Both,
    /// No side known (meetings, places, islands, …).
    None,
}

impl Side {
    /// Side of a country code (ISO alpha-2, `SU` for the Soviet Union).
    pub fn of_country(c: &str) -> Side {
        match c.to_ascii_uppercase().as_str() {
            "JP" => Side::Jp,
            "SU" | "RU" => Side::SuRu,
            "" => Side::None,
            _ => Side::Other,
        }
    }

    /// Side of a node: its country (persons, states) or its proposers (proposals).
    pub fn of(n: &Node) -> Side {
        if let Some(c) = &n.attrs.country {
            return Side::of_country(c);
        }
        let mut sides: Vec<Side> = n.attrs.proposer.iter().map(|c| Side::of_country(c)).collect();
        sides.sort();
        sides.dedup();
        match sides.as_slice() {
            [] => Side::None,
            [one] => *one,
            s if s.contains(&Side::Jp) && s.contains(&Side::SuRu) => Side::Both,
            [first, ..] => *first,
        }
    }

    /// Short name, as used in CSS classes and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Jp => "jp",
            Side::SuRu => "su-ru",
            Side::Other => "other",
            Side::Both => "both",
            Side::None => "none",
        }
    }

    /// Name shown in legends.
    pub fn title(self) -> &'static str {
        match self {
            Side::Jp => "Japan",
            Side::SuRu => "Soviet Union / Russia",
            Side::Other => "other country",
            Side::Both => "joint (JP + SU/RU)",
            Side::None => "no side",
        }
    }

    /// Fill colour (a colour-blind-safe red/blue pair, after ColorBrewer).
    pub fn colour(self) -> &'static str {
        match self {
            Side::Jp => "#d7301f",
            Side::SuRu => "#2166ac",
            Side::Other => "#1b9e77",
            Side::Both => "#7b3294",
            Side::None => "#8c8c8c",
        }
    }

    pub const ALL: [Side; 5] = [Side::Jp, Side::SuRu, Side::Other, Side::Both, Side::None];
}

/// Fill colour of a node without a side, by kind.
pub fn kind_colour(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "#8c8c8c",
        NodeKind::State => "#525252",
        NodeKind::Organization => "#9467bd",
        NodeKind::Meeting => "#e6ab02",
        NodeKind::Proposal => "#a6761d",
        NodeKind::Place => "#bf812d",
        NodeKind::Island => "#35978f",
        NodeKind::Document => "#bdbdbd",
    }
}

/// Twelve distinct colours for communities (ColorBrewer Paired).
const COMMUNITY: [&str; 12] = [
    "#1f78b4", "#e31a1c", "#33a02c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#fb9a99", "#b2df8a", "#fdbf6f",
    "#cab2d6", "#ffff99",
];

/// The node's `community` attribute (added by community detection), if any.
pub fn community_of(n: &Node) -> Option<String> {
    n.attrs.extra.get("community").map(|v| match v {
        AttrValue::Text(s) => s.clone(),
        other => other.to_string(),
    })
}

/// Colour of a community, by its position among the sorted distinct communities.
pub fn community_colour(index: usize) -> &'static str {
    COMMUNITY[index % COMMUNITY.len()]
}

/// A node's colour when no community is known: its side, else its kind.
pub fn node_colour(n: &Node) -> &'static str {
    match Side::of(n) {
        Side::None => kind_colour(n.kind),
        s => s.colour(),
    }
}

/// The middle of the period a partial date covers, in days (for a true time axis).
pub fn mid_day(d: PartialDate) -> f64 {
    (d.first_ordinal() + d.last_ordinal()) as f64 / 2.0
}

/// A linear time axis from the first day of `from` to the end of year `to`, drawn on `x0..x1`.
#[derive(Clone, Copy, Debug)]
pub struct TimeAxis {
    pub from: i32,
    pub to: i32,
    pub x0: f64,
    pub x1: f64,
    day0: f64,
    day1: f64,
}

impl TimeAxis {
    /// An axis covering every year in `years` (at least one year wide).
    pub fn new(years: impl IntoIterator<Item = i32>, x0: f64, x1: f64) -> Option<TimeAxis> {
        let years: Vec<i32> = years.into_iter().collect();
        let (from, to) = (*years.iter().min()?, *years.iter().max()?);
        let day0 = PartialDate::year(from).first_ordinal() as f64;
        let day1 = PartialDate::year(to).last_ordinal() as f64 + 1.0;
        Some(TimeAxis { from, to, x0, x1, day0, day1 })
    }

    /// x of a day number.
    pub fn x_of_day(&self, day: f64) -> f64 {
        self.x0 + (day - self.day0) / (self.day1 - self.day0) * (self.x1 - self.x0)
    }

    /// x of a partial date (the middle of the period it covers).
    pub fn x(&self, d: PartialDate) -> f64 {
        self.x_of_day(mid_day(d))
    }

    /// x of 1 January of `year`.
    pub fn x_of_year(&self, year: i32) -> f64 {
        self.x_of_day(PartialDate::year(year).first_ordinal() as f64)
    }

    /// Years to label: every 1, 2, 5, 10 or 20 years, so labels stand ≥ 48 px apart.
    pub fn label_step(&self) -> i32 {
        let per_year = (self.x1 - self.x0) / (self.to - self.from + 1) as f64;
        [1, 2, 5, 10, 20, 50].into_iter().find(|s| *s as f64 * per_year >= 48.0).unwrap_or(100)
    }

    /// Draw ticks for every year, labels every [`TimeAxis::label_step`] years, and
    /// faint grid lines from `y_top` to `y` at labelled years.
    pub fn draw(&self, s: &mut svg::Svg, y: f64, y_top: f64) {
        let step = self.label_step();
        s.line(self.x0, y, self.x1, y, "#444", 1.0, "");
        for year in self.from..=self.to + 1 {
            let x = self.x_of_year(year);
            let major = year % step == 0;
            s.line(x, y, x, y + if major { 7.0 } else { 4.0 }, "#444", 1.0, "");
            if major {
                s.line(x, y_top, x, y, "#e3e3e3", 1.0, "");
                if year <= self.to {
                    s.text(x, y + 20.0, 12.0, "middle", "#333", &year.to_string(), "");
                }
            }
        }
    }
}

/// Render the three standalone diagrams of the main job. A diagram that
/// cannot be drawn (no dated meeting) is a note, not a failure; a lineage
/// cycle is drawn without the link that closes it (named in lineage.csv's notes).
pub fn render_all(g: &Graph) -> Rendered {
    let mut r = Rendered::default();
    r.files.push(OutputFile::new("network.svg", network::actor_svg(g)));
    match timeline::to_svg(g) {
        Some(svg) => r.files.push(OutputFile::new("timeline.svg", svg)),
        None => r.notes.push("timeline.svg not written: no dated meeting in the graph".into()),
    }
    r.files.push(OutputFile::new("lineage.svg", lineage::to_svg(g)));
    r
}

/// Test helper: `svg` parses as XML (every tag closed, attributes and entities well formed).
#[cfg(test)]
pub(crate) fn assert_well_formed(svg: &str) {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let mut depth = 0i32;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                e.attributes().for_each(|a| drop(a.expect("well-formed attribute")));
            }
            Event::Empty(e) => e.attributes().for_each(|a| drop(a.expect("well-formed attribute"))),
            Event::GeneralRef(r) => {
                let name = r.into_inner().into_owned();
                assert!(["amp", "lt", "gt", "quot", "apos"].contains(&name.as_str()) || name.starts_with('#'), "&{name};");
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced tags");
}

/// Test helper: every `font-size` in `svg` is at least `px`.
#[cfg(test)]
pub(crate) fn assert_fonts_at_least(svg: &str, px: f64) {
    for part in svg.split("font-size=\"").skip(1) {
        let size: f64 = part.split('"').next().expect("a value").parse().expect("a number");
        assert!(size >= px, "font-size {size} below {px}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_of_countries_and_proposers() {
        assert_eq!(Side::of_country("jp"), Side::Jp);
        assert_eq!(Side::of_country("SU"), Side::SuRu);
        assert_eq!(Side::of_country("RU"), Side::SuRu);
        assert_eq!(Side::of_country("US"), Side::Other);
        let mut p = Node::new("p", NodeKind::Proposal, "P");
        assert_eq!(Side::of(&p), Side::None);
        p.attrs.proposer = vec!["RU".into(), "JP".into()];
        assert_eq!(Side::of(&p), Side::Both);
        p.attrs.proposer = vec!["SU".into(), "RU".into()];
        assert_eq!(Side::of(&p), Side::SuRu);
    }

    #[test]
    fn the_time_axis_is_proportional_to_dates() {
        let a = TimeAxis::new([1956, 2019], 100.0, 1500.0).unwrap();
        let x = |s: &str| a.x(s.parse().unwrap());
        // Equal gaps in time are equal gaps on the axis.
        let (g1, g2) = (x("1960-06-15") - x("1956-06-15"), x("2019-06-15") - x("2015-06-15"));
        assert!((g1 - g2).abs() < 0.6, "{g1} vs {g2}");
        assert!(x("1956-01-01") >= 100.0 && x("2019-12-31") <= 1500.0);
        assert!(x("1973") > x("1964") && x("1964") - x("1960") > 2.0 * (x("1961") - x("1960")));
        assert_eq!(a.label_step(), 5, "64 years on 1,400 px: a label every 5 years");
    }
}
