//! A small SVG writer: escaped text and attributes, numbers with at most two
//! decimals (deterministic, compact), and the shapes the diagrams use.

use std::fmt::Write as _;

/// Escape text for XML content and attribute values (as HTML, see
/// `crate::report::esc`); line breaks and tabs become spaces, and characters
/// XML 1.0 cannot carry (other C0 controls, U+FFFE/U+FFFF) become U+FFFD.
pub fn esc(s: &str) -> String {
    let safe: String = s
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect();
    crate::report::esc(&safe)
}

/// A number with at most two decimals, without trailing zeros (`-0` as `0`).
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let r = (v * 100.0).round() / 100.0;
    let mut s = format!("{r:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" { "0".into() } else { s }
}

/// Text cut to `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// The path of a marker shape centred on `(x, y)` with radius `r`.
///
/// Shapes: `circle`, `square`, `diamond`, `triangle`, `cross`.
pub fn shape_path(shape: &str, x: f64, y: f64, r: f64) -> String {
    let (a, b) = (num(x), num(y));
    match shape {
        "square" => {
            let h = r * 0.9;
            format!("M{} {}h{}v{}h{}z", num(x - h), num(y - h), num(2.0 * h), num(2.0 * h), num(-2.0 * h))
        }
        "diamond" => {
            let h = r * 1.2;
            format!("M{a} {}L{} {b}L{a} {}L{} {b}z", num(y - h), num(x + h), num(y + h), num(x - h))
        }
        "triangle" => {
            let h = r * 1.25;
            format!("M{a} {}L{} {}L{} {}z", num(y - h), num(x + h * 0.9), num(y + h * 0.7), num(x - h * 0.9), num(y + h * 0.7))
        }
        "cross" => {
            let h = r * 0.8;
            format!(
                "M{} {}L{} {}M{} {}L{} {}",
                num(x - h),
                num(y - h),
                num(x + h),
                num(y + h),
                num(x - h),
                num(y + h),
                num(x + h),
                num(y - h)
            )
        }
        _ => format!("M{} {b}a{} {} 0 1 0 {} 0a{} {} 0 1 0 {} 0z", num(x - r), num(r), num(r), num(2.0 * r), num(r), num(r), num(-2.0 * r)),
    }
}

/// An SVG document being written.
pub struct Svg {
    pub body: String,
    width: f64,
    height: f64,
}

impl Svg {
    /// A new drawing of `width` × `height` px.
    pub fn new(width: f64, height: f64) -> Svg {
        Svg { body: String::new(), width, height }
    }

    /// `<line>`; `extra` is inserted verbatim as further attributes (already escaped).
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64, extra: &str) {
        let _ = write!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"{}{extra}/>",
            num(x1),
            num(y1),
            num(x2),
            num(y2),
            num(width),
            if extra.is_empty() { "" } else { " " }
        );
        self.body.push('\n');
    }

    /// `<text>` of escaped `content`; `extra` as in [`Svg::line`].
    pub fn text(&mut self, x: f64, y: f64, size: f64, anchor: &str, fill: &str, content: &str, extra: &str) {
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{}{extra}>{}</text>",
            num(x),
            num(y),
            num(size),
            if extra.is_empty() { "" } else { " " },
            esc(content)
        );
    }

    /// A marker shape (see [`shape_path`]).
    pub fn marker(&mut self, shape: &str, x: f64, y: f64, r: f64, fill: &str, stroke: &str, extra: &str) {
        let (fill, sw) = if shape == "cross" { ("none", 2.5) } else { (fill, 1.6) };
        let stroke = if shape == "cross" && stroke == "none" { "#333" } else { stroke };
        let _ = writeln!(
            self.body,
            "<path d=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{}{extra}/>",
            shape_path(shape, x, y, r),
            if extra.is_empty() { "" } else { " " }
        );
    }

    /// The title (22 px, bold) and a one-line subtitle (13 px) at the top left.
    pub fn heading(&mut self, title: &str, subtitle: &str) {
        self.text(24.0, 34.0, 22.0, "start", "#111", title, "font-weight=\"bold\"");
        self.text(24.0, 58.0, 13.0, "start", "#444", subtitle, "");
    }

    /// Raw markup, already escaped.
    pub fn raw(&mut self, s: &str) {
        self.body.push_str(s);
    }

    /// The document with its XML declaration, a white background and `title` on top.
    pub fn finish(self, title: &str, defs: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<title>{t}</title>\n\
             <defs>{defs}</defs>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n{body}</svg>\n",
            w = num(self.width),
            h = num(self.height),
            t = esc(title),
            body = self.body
        )
    }
}

/// Legend entries drawn in a row from `(x, y)`: `(shape, fill, text)`; returns the x after the last.
pub fn legend_row(s: &mut Svg, mut x: f64, y: f64, entries: &[(&str, &str, &str)]) -> f64 {
    for (shape, fill, text) in entries {
        s.marker(shape, x + 6.0, y - 4.0, 6.0, fill, if *fill == "none" { "#333" } else { "#333" }, "");
        s.text(x + 16.0, y, 12.0, "start", "#333", text, "");
        x += 16.0 + crate::layout::labels::text_width(text, 12.0) + 18.0;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.005), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn text_is_escaped_and_xml_safe() {
        assert_eq!(esc("a<b>&\"'\u{1}\n"), "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD} ");
        assert_eq!(shorten("Two-island proposal of 1956", 10), "Two-islan…");
        assert_eq!(shorten("short", 10), "short");
    }
}
