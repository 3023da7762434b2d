//! A thin XML writer over quick-xml for the GraphML and GEXF exporters: it
//! escapes every attribute and text (line breaks included, so they survive
//! attribute-value normalisation) and drops nothing but characters XML 1.0
//! cannot carry at all. It knows no format.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Replace the characters XML 1.0 cannot represent even as references (C0
/// controls other than tab, newline and carriage return; U+FFFE, U+FFFF) by U+FFFD.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = xml_forbidden;
    if s.chars().any(bad) {
        Cow::Owned(s.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether XML 1.0 forbids `c` even as a character reference: C0 controls
/// other than tab, newline and carriage return, and the non-characters U+FFFE
/// and U+FFFF. Every writer of XML-based output (GraphML, GEXF, DOT labels
/// that Graphviz copies into SVG, the HTML report) replaces these by U+FFFD.
pub fn xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Escaped text content (quick-xml writes `\r` as a reference, which parsers
/// would otherwise fold into `\n`).
fn escape_text(s: &str) -> String {
    quick_xml::escape::escape(xml_safe(s).as_ref()).into_owned()
}

/// An indented XML document being written, into memory ([`Xml::new`]) or
/// into any writer as a stream ([`Xml::to_writer`]).
pub struct Xml<W: Write = Vec<u8>> {
    w: Writer<W>,
}

impl Xml<Vec<u8>> {
    /// Start a UTF-8 document in memory with its XML declaration.
    pub fn new() -> std::io::Result<Xml> {
        Xml::to_writer(Vec::new())
    }

    /// The document, with a final newline.
    pub fn finish(self) -> String {
        let bytes = self.end().expect("writing into memory cannot fail");
        String::from_utf8(bytes).expect("written from str")
    }
}

impl<W: Write> Xml<W> {
    /// Start a UTF-8 document with its XML declaration, written into `w`
    /// event by event (the bytes [`Xml::new`] would hold).
    pub fn to_writer(w: W) -> std::io::Result<Xml<W>> {
        let mut w = Writer::new_with_indent(w, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(Xml { w })
    }

    fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut s = BytesStart::new(name);
        for (k, v) in attrs {
            s.push_attribute(Attribute::from((*k, xml_safe(v).as_ref())));
        }
        s
    }

    /// `<name attrs…>`
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w.write_event(Event::Start(Self::start(name, attrs)))
    }

    /// `<name attrs…/>`
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w.write_event(Event::Empty(Self::start(name, attrs)))
    }

    /// `<name attrs…>text</name>` on one line.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> std::io::Result<()> {
        self.w.write_event(Event::Start(Self::start(name, attrs)))?;
        self.w.write_event(Event::Text(BytesText::from_escaped(escape_text(text))))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) -> std::io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// End the document with a final newline and hand the writer back.
    pub fn end(self) -> std::io::Result<W> {
        let mut w = self.w.into_inner();
        w.write_all(b"\n")?;
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_text_keep_line_breaks_and_markup_escaped() {
        let mut x = Xml::new().unwrap();
        x.text("a", &[("v", "1\n2\t\"<&>'")], "x\r\ny<&>\u{1}").unwrap();
        let s = x.finish();
        assert!(s.contains(r#"v="1&#10;2&#9;&quot;&lt;&amp;&gt;&apos;""#), "{s}");
        assert!(s.contains("x&#13;\ny&lt;&amp;&gt;\u{FFFD}</a>"), "{s}");
        let mut x = Xml::new().unwrap();
        x.text("a", &[("v", "\u{FFFE}\u{0}")], "\u{FFFF}\u{1F}ok").unwrap();
        let s = x.finish();
        assert!(s.contains("v=\"\u{FFFD}\u{FFFD}\">\u{FFFD}\u{FFFD}ok</a>"), "{s}");
    }
}
