//! Scores pooled over several annotated corpora, as the reference
//! `score_sets.py` computes them: counts summed per category over all sets,
//! precision, recall and F1 from the sums, and their unweighted macro mean.
//!
//! A set is a folder with `docs/` (texts and `manifest.csv`) and one gold file
//! (`gold.toml`, or the only `*.gold.toml`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Category, EvalError, Evaluation, round4};

/// The gold file of a set folder: `gold.toml`, else its only `*.gold.toml`.
pub fn gold_of(set: &Path) -> Result<PathBuf, EvalError> {
    let plain = set.join("gold.toml");
    if plain.is_file() {
        return Ok(plain);
    }
    let entries = std::fs::read_dir(set).map_err(|source| EvalError::Io { path: set.to_path_buf(), source })?;
    let mut golds: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".gold.toml")))
        .collect();
    golds.sort();
    match golds.len() {
        1 => Ok(golds.remove(0)),
        n => Err(EvalError::Gold {
            path: set.to_path_buf(),
            message: format!("a set folder needs gold.toml or exactly one *.gold.toml (found {n})"),
        }),
    }
}

/// Pooled counts of one category: gold items, tool items, gold items found,
/// and tool items right (fractional for lineage, whose precision is not a
/// count of items but of edges).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Sums {
    gold: usize,
    found: usize,
    matched: usize,
    right: f64,
}

/// One pooled row: counts and the scores computed from them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PooledRow {
    pub gold: usize,
    pub found: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Per-set macro F1 (and scores) plus the pooled table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pooled {
    /// `(set name as given, its evaluation)`, in the order given.
    pub sets: Vec<(String, Evaluation)>,
}

impl Pooled {
    /// Add one set's evaluation under `name`.
    pub fn push(&mut self, name: impl Into<String>, ev: Evaluation) {
        self.sets.push((name.into(), ev));
    }

    /// The pooled rows in report order (persons, meetings, proposals,
    /// participation, lineage).
    pub fn rows(&self) -> Vec<(&'static str, PooledRow)> {
        let names = Evaluation::default().scores.rows().map(|(n, _)| n);
        names
            .iter()
            .enumerate()
            .map(|(i, &name)| {
                let mut s = Sums::default();
                for (_, ev) in &self.sets {
                    let c: &Category = ev.scores.rows()[i].1;
                    s.gold += c.gold;
                    s.found += c.found;
                    s.matched += c.matched;
                    s.right += if name == "lineage" { c.precision * c.found as f64 } else { c.matched as f64 };
                }
                (name, row(s))
            })
            .collect()
    }

    /// Unweighted mean of the pooled F1 scores.
    pub fn macro_f1(&self) -> f64 {
        let rows = self.rows();
        rows.iter().map(|(_, r)| r.f1).sum::<f64>() / rows.len() as f64
    }

    /// The table `score_sets.py` prints: one line per set, then the pooled rows.
    pub fn write_text(&self, w: &mut impl Write) -> io::Result<()> {
        for (name, ev) in &self.sets {
            let cats: Vec<String> =
                ev.scores.rows().iter().map(|(c, cat)| format!("{}={:.2}", &c[..4], cat.f1)).collect();
            writeln!(w, "{name:<40} macro={:.3}  {}", round4(ev.macro_f1()), cats.join(" "))?;
        }
        writeln!(w, "\n{:<14}{:>6}{:>7}{:>11}{:>8}{:>7}", "pooled", "gold", "found", "precision", "recall", "f1")?;
        for (c, r) in self.rows() {
            writeln!(w, "{c:<14}{:>6}{:>7}{:>11.3}{:>8.3}{:>7.3}", r.gold, r.found, r.precision, r.recall, r.f1)?;
        }
        writeln!(w, "pooled macro F1 over {} sets: {:.3}", self.sets.len(), self.macro_f1())
    }

    /// The JSON `score_sets.py --json` prints: per-set macro F1, pooled rows,
    /// pooled macro F1 rounded to four decimals.
    pub fn to_json(&self) -> String {
        let sets: serde_json::Map<String, serde_json::Value> =
            self.sets.iter().map(|(n, ev)| (n.clone(), serde_json::json!(round4(ev.macro_f1())))).collect();
        let pooled: serde_json::Map<String, serde_json::Value> = self
            .rows()
            .into_iter()
            .map(|(c, r)| (c.to_string(), serde_json::to_value(r).expect("plain data serialises")))
            .collect();
        let json = serde_json::json!({ "sets": sets, "pooled": pooled, "macro_f1": round4(self.macro_f1()) });
        serde_json::to_string_pretty(&json).expect("plain data serialises")
    }
}

fn row(s: Sums) -> PooledRow {
    let precision = if s.found > 0 {
        s.right / s.found as f64
    } else if s.gold == 0 {
        1.0
    } else {
        0.0
    };
    let recall = if s.gold > 0 { s.matched as f64 / s.gold as f64 } else { 1.0 };
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    PooledRow { gold: s.gold, found: s.found, precision, recall, f1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(persons: Category, lineage: Category) -> Evaluation {
        let mut ev = Evaluation::default();
        ev.scores.persons = persons;
        ev.scores.lineage = lineage;
        for c in [&mut ev.scores.meetings, &mut ev.scores.proposals, &mut ev.scores.participation] {
            *c = Category::new(1, 1, 1, 1);
        }
        ev
    }

    #[test]
    fn pools_counts_not_scores() {
        let mut p = Pooled::default();
        // Set a: 1 of 1 person; set b: 1 of 3 persons found, 2 found in all.
        p.push("a", ev(Category::new(1, 1, 1, 1), Category::new(2, 2, 1, 1)));
        p.push("b", ev(Category::new(3, 2, 1, 1), Category::new(0, 0, 0, 0)));
        let rows = p.rows();
        let persons = rows[0].1;
        assert_eq!((persons.gold, persons.found), (4, 3));
        assert!((persons.precision - 2.0 / 3.0).abs() < 1e-12, "2 right of 3 found, not the mean of 1.0 and 0.5");
        assert!((persons.recall - 0.5).abs() < 1e-12);
        // Lineage pools precision × found: 0.5 × 2 right of 2 found.
        let lineage = rows[4].1;
        assert!((lineage.precision - 0.5).abs() < 1e-12);
        assert!((lineage.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn text_and_json_have_the_reference_layout() {
        let mut p = Pooled::default();
        p.push("dev/era1", ev(Category::new(2, 2, 2, 2), Category::new(1, 0, 0, 0)));
        let mut out = Vec::new();
        p.write_text(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("dev/era1                                 macro=0.800  pers=1.00 meet=1.00"));
        assert!(text.contains("\npooled          gold  found  precision  recall     f1\n"));
        assert!(text.contains("\nlineage            1      0      0.000   0.000  0.000\n"));
        assert!(text.ends_with("pooled macro F1 over 1 sets: 0.800\n"));
        let v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        assert_eq!(v["macro_f1"], 0.8);
        assert_eq!(v["pooled"]["persons"]["found"], 2);
        assert_eq!(v["sets"]["dev/era1"], 0.8);
    }

    #[test]
    fn gold_file_of_a_set() {
        let dir = tempfile::tempdir().unwrap();
        assert!(gold_of(dir.path()).is_err(), "no gold file");
        std::fs::write(dir.path().join("x.gold.toml"), "").unwrap();
        assert_eq!(gold_of(dir.path()).unwrap(), dir.path().join("x.gold.toml"));
        std::fs::write(dir.path().join("y.gold.toml"), "").unwrap();
        let e = gold_of(dir.path()).unwrap_err().to_string();
        assert!(e.contains("exactly one") && e.contains("found 2"), "{e}");
        std::fs::write(dir.path().join("gold.toml"), "").unwrap();
        assert_eq!(gold_of(dir.path()).unwrap(), dir.path().join("gold.toml"));
    }
}
