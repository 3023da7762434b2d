//! Printing an [`Evaluation`]: the table and JSON of the reference scorer
//! `score.py`, byte for byte, so either can feed the same scripts.

use std::io::{self, Write};

use serde::Serialize;

use super::{Attributes, Details, Evaluation, Scores};

/// Write the score table, the attribute lines, with `verbose` the misses and
/// false positives, and the macro F1.
pub fn write_text(ev: &Evaluation, verbose: bool, w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "{:<14}{:>6}{:>7}{:>9}{:>11}{:>8}{:>7}",
        "category", "gold", "found", "matched", "precision", "recall", "f1"
    )?;
    for (name, c) in ev.scores.rows() {
        writeln!(
            w,
            "{name:<14}{:>6}{:>7}{:>9}{:>11.3}{:>8.3}{:>7.3}",
            c.gold, c.found, c.matched, c.precision, c.recall, c.f1
        )?;
    }
    let a = &ev.attributes;
    for (name, attr) in [("person country", a.person_country), ("meeting status", a.meeting_status)] {
        writeln!(w, "attribute {name}: {}/{} right", attr.right, attr.of)?;
    }
    if verbose {
        for (label, items) in detail_lists(&ev.details) {
            if !items.is_empty() {
                writeln!(w, "\n{label}:")?;
                for i in items {
                    writeln!(w, "  {i}")?;
                }
            }
        }
    }
    writeln!(w, "macro F1: {:.3}", ev.macro_f1())
}

fn detail_lists(d: &Details) -> [(&'static str, &[String]); 7] {
    [
        ("persons missed", &d.persons_missed),
        ("persons not in gold", &d.persons_not_in_gold),
        ("meetings missed", &d.meetings_missed),
        ("meetings not in gold", &d.meetings_not_in_gold),
        ("proposals missed", &d.proposals_missed),
        ("proposals not in gold", &d.proposals_not_in_gold),
        ("lineage links missed", &d.lineage_links_missed),
    ]
}

#[derive(Serialize)]
struct Json<'a> {
    scores: &'a Scores,
    macro_f1: f64,
    attributes: &'a Attributes,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a Details>,
}

/// The scores as pretty JSON (`score.py --json`: macro F1 rounded to four
/// decimals); `verbose` adds a `details` object with the lists.
pub fn to_json(ev: &Evaluation, verbose: bool) -> String {
    let macro_f1 = super::round4(ev.macro_f1());
    let json =
        Json { scores: &ev.scores, macro_f1, attributes: &ev.attributes, details: verbose.then_some(&ev.details) };
    serde_json::to_string_pretty(&json).expect("plain data serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Attribute, Category};

    fn sample() -> Evaluation {
        let mut ev = Evaluation::default();
        ev.scores.persons = Category::new(3, 2, 2, 2);
        ev.scores.meetings = Category::new(16, 3, 1, 1);
        ev.scores.proposals = Category::new(0, 0, 0, 0);
        ev.scores.participation = Category::new(2, 0, 0, 0);
        ev.scores.lineage = Category::new(4, 2, 1, 3);
        ev.attributes.person_country = Attribute { right: 1, of: 2 };
        ev.details.persons_missed = vec!["Taro Kono".into()];
        ev
    }

    #[test]
    fn text_has_the_reference_layout() {
        let mut out = Vec::new();
        write_text(&sample(), false, &mut out).unwrap();
        let want = "\
category        gold  found  matched  precision  recall     f1
persons            3      2        2      1.000   0.667  0.800
meetings          16      3        1      0.333   0.062  0.105
proposals          0      0        0      1.000   1.000  1.000
participation      2      0        0      0.000   0.000  0.000
lineage            4      2        3      0.500   0.750  0.600
attribute person country: 1/2 right
attribute meeting status: 0/0 right
macro F1: 0.501
";
        assert_eq!(String::from_utf8(out).unwrap(), want);
        let mut out = Vec::new();
        write_text(&sample(), true, &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("right\n\npersons missed:\n  Taro Kono\nmacro F1"));
    }

    #[test]
    fn json_has_the_reference_keys_and_rounding() {
        let v: serde_json::Value = serde_json::from_str(&to_json(&sample(), false)).unwrap();
        assert_eq!(v["scores"]["meetings"]["recall"], 0.0625);
        assert_eq!(v["scores"]["lineage"]["matched"], 3);
        assert_eq!(v["macro_f1"], 0.5011);
        assert_eq!(v["attributes"]["person country"]["right"], 1);
        assert!(v.get("details").is_none());
        let v: serde_json::Value = serde_json::from_str(&to_json(&sample(), true)).unwrap();
        assert_eq!(v["details"]["persons_missed"][0], "Taro Kono");
    }
}
