//! Label placement: labels of the most important nodes first, each at the
//! first of several spots around its node where its box overlaps neither an
//! earlier label nor a drawn node; a label with no free spot is left out (the
//! interactive view shows it on hover). Text widths are estimated from
//! generous per-character widths of common sans-serif faces (DejaVu Sans,
//! Liberation Sans, Helvetica), so rendered text fits inside the box.

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// Whether two boxes share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether `self` lies inside `o`.
    pub fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.y0 >= o.y0 && self.x1 <= o.x1 && self.y1 <= o.y1
    }

    fn grown(&self, by: f64) -> Rect {
        Rect { x0: self.x0 - by, y0: self.y0 - by, x1: self.x1 + by, y1: self.y1 + by }
    }
}

/// Horizontal anchoring of a text (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A placed label: the text's anchor point (`y` is the baseline) and its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub rect: Rect,
}

/// Estimated width of `s` at `font` px: an upper bound for common sans-serif faces.
pub fn text_width(s: &str, font: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' => 0.32,
            'f' | 't' | 'r' | 'I' | ' ' | '(' | ')' | '-' | '[' | ']' | '/' => 0.45,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
            'A'..='Z' => 0.8,
            '0'..='9' | 'a'..='z' => 0.66,
            c if c.is_ascii() => 0.7,
            c if (c as u32) >= 0x2E80 => 1.05, // CJK and wider
            _ => 0.8,
        })
        .sum();
    em * font
}

/// The box of a one-line text at `(x, baseline y)` with the given anchor.
pub fn text_box(x: f64, y: f64, anchor: Anchor, width: f64, font: f64) -> Rect {
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    // Ascent and descent of sans-serif faces: about 0.95 and 0.3 em.
    Rect { x0, y0: y - 0.95 * font, x1: x0 + width, y1: y + 0.3 * font }
}

/// A node as drawn: centre and radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// Boxes bucketed on a grid, for fast overlap queries.
struct Grid {
    cell: f64,
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
    rects: Vec<Rect>,
}

impl Grid {
    fn new(cell: f64) -> Grid {
        Grid { cell, cells: Default::default(), rects: Vec::new() }
    }

    fn span(&self, r: &Rect) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (i0, i1) = ((r.x0 / c).floor() as i64, (r.x1 / c).floor() as i64);
        let (j0, j1) = ((r.y0 / c).floor() as i64, (r.y1 / c).floor() as i64);
        (i0..=i1).flat_map(move |i| (j0..=j1).map(move |j| (i, j)))
    }

    fn insert(&mut self, r: Rect) {
        let id = self.rects.len();
        self.rects.push(r);
        for k in self.span(&r).collect::<Vec<_>>() {
            self.cells.entry(k).or_default().push(id);
        }
    }

    fn hits(&self, r: &Rect, skip: Option<usize>) -> bool {
        self.span(r).any(|k| {
            self.cells.get(&k).is_some_and(|ids| ids.iter().any(|&i| Some(i) != skip && self.rects[i].overlaps(r)))
        })
    }
}

/// Place labels around nodes.
///
/// # Arguments
/// * `nodes`: every drawn node (all are obstacles).
/// * `wanted`: `(node index, text)` in order of importance.
/// * `font`: font size in px.
/// * `bounds`: labels must lie inside this box.
/// * `must`: the first `must` labels are placed even if they must cover a node
///   (never another label), searching farther from their node.
///
/// Returns, for each entry of `wanted`, where its label goes (or `None`).
///
/// # Complexity
/// About O(|wanted| · k) box tests, k the boxes near a spot (a grid index).
pub fn place(nodes: &[Circle], wanted: &[(usize, String)], font: f64, bounds: Rect, must: usize) -> Vec<Option<Placed>> {
    let pad = 1.5;
    let mut circles = Grid::new(4.0 * font);
    for c in nodes {
        circles.insert(Rect { x0: c.x - c.r, y0: c.y - c.r, x1: c.x + c.r, y1: c.y + c.r });
    }
    let mut labels = Grid::new(4.0 * font);
    let mut out = Vec::with_capacity(wanted.len());
    for (k, (i, text)) in wanted.iter().enumerate() {
        let Some(c) = nodes.get(*i) else {
            out.push(None);
            continue;
        };
        let w = text_width(text, font);
        let gap = 2.0 + c.r;
        let spot = |reach: f64, dir: usize| -> Placed {
            let g = gap + reach;
            let (x, y, anchor) = match dir {
                0 => (c.x + g, c.y + 0.33 * font, Anchor::Start),
                1 => (c.x - g, c.y + 0.33 * font, Anchor::End),
                2 => (c.x, c.y - g - 0.3 * font, Anchor::Middle),
                3 => (c.x, c.y + g + 0.95 * font, Anchor::Middle),
                4 => (c.x + g * 0.7, c.y - g * 0.7 - 0.3 * font, Anchor::Start),
                5 => (c.x - g * 0.7, c.y - g * 0.7 - 0.3 * font, Anchor::End),
                6 => (c.x + g * 0.7, c.y + g * 0.7 + 0.95 * font, Anchor::Start),
                _ => (c.x - g * 0.7, c.y + g * 0.7 + 0.95 * font, Anchor::End),
            };
            Placed { x, y, anchor, rect: text_box(x, y, anchor, w, font) }
        };
        let free = |p: &Placed, avoid_nodes: bool| {
            let r = p.rect.grown(pad);
            p.rect.inside(&bounds) && !labels.hits(&r, None) && !(avoid_nodes && circles.hits(&r, Some(*i)))
        };
        let mut found = (0..8).map(|d| spot(0.0, d)).find(|p| free(p, true));
        if found.is_none() && k < must {
            let far = (1..12).flat_map(|s| (0..8).map(move |d| (s, d)));
            found = far
                .clone()
                .map(|(s, d)| spot(s as f64 * font, d))
                .find(|p| free(p, true))
                .or_else(|| far.map(|(s, d)| spot(s as f64 * font, d)).find(|p| free(p, false)));
        }
        if let Some(p) = &found {
            labels.insert(p.rect);
        }
        out.push(found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_font() {
        assert!(text_width("Vladimir Putin", 12.0) > text_width("Putin", 12.0));
        assert_eq!(text_width("ab", 20.0), 2.0 * text_width("ab", 10.0));
        // At least DejaVu Sans's advance widths (the widest common default face).
        assert!(text_width("Mikhail Gorbachev", 10.0) >= 0.6 * 10.0 * 17.0 * 0.9);
    }

    #[test]
    fn crowded_labels_never_overlap_and_the_first_are_placed() {
        // 60 nodes on a tight grid, each wanting a long label.
        let nodes: Vec<Circle> =
            (0..60).map(|i| Circle { x: 300.0 + (i % 10) as f64 * 30.0, y: 200.0 + (i / 10) as f64 * 20.0, r: 4.0 }).collect();
        let wanted: Vec<(usize, String)> = (0..60).map(|i| (i, format!("Person number {i}"))).collect();
        let bounds = Rect { x0: 0.0, y0: 0.0, x1: 1000.0, y1: 700.0 };
        let placed = place(&nodes, &wanted, 12.0, bounds, 15);
        assert!(placed[..15].iter().all(Option::is_some), "the first 15 are placed");
        assert!(placed.iter().any(Option::is_none), "not all fit: some are left out");
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        for (a, ra) in rects.iter().enumerate() {
            assert!(ra.inside(&bounds));
            for rb in &rects[a + 1..] {
                assert!(!ra.overlaps(rb), "{ra:?} overlaps {rb:?}");
            }
        }
    }
}
