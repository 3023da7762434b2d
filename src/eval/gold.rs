//! The gold annotation of a corpus (TOML: `[[person]]`, `[[meeting]]`,
//! `[[proposal]]`; `[[document]]` and unknown keys are ignored). Reading checks
//! what the scorer relies on; it does not check the annotation is right.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use super::EvalError;
use super::norm::interval;

/// A gold annotation.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub person: Vec<GoldPerson>,
    #[serde(default)]
    pub meeting: Vec<GoldMeeting>,
    #[serde(default)]
    pub proposal: Vec<GoldProposal>,
}

/// A person an analyst would extract.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldPerson {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Country code of the side they act for.
    #[serde(default)]
    pub country: String,
    /// Neither rewarded nor penalised.
    #[serde(default)]
    pub optional: bool,
    /// Neither rewarded nor penalised (bylines and the like).
    #[serde(default)]
    pub ignore: bool,
}

/// A meeting: dates, status, place and participants (person ids).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldMeeting {
    pub id: String,
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub optional: bool,
}

/// A proposal: family, year (or a range of years), proposers and the
/// proposals it derives from.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct GoldProposal {
    pub id: String,
    pub family: String,
    #[serde(default)]
    pub year: Option<i64>,
    /// A range `[first, last]`; wins over `year`.
    #[serde(default)]
    pub years: Option<Vec<i64>>,
    #[serde(default)]
    pub proposer: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub optional: bool,
    /// A standing position restated in many documents: any number of tool
    /// proposals may match it (the first counts, the others are neutral).
    #[serde(default)]
    pub multi: bool,
}

impl GoldProposal {
    /// Years a tool proposal may fall in: the gold year or range, ±1
    /// (`None` without a year, which [`Gold::parse`] rejects).
    pub fn year_window(&self) -> Option<(i64, i64)> {
        let (a, b) = match (self.years.as_deref(), self.year) {
            (Some(&[a, b]), _) => (a, b),
            (None, Some(y)) => (y, y),
            _ => return None,
        };
        Some((a - 1, b + 1))
    }

    /// Whether `year` is the gold year or within the gold range (no slack).
    pub fn exact_year(&self, year: i64) -> bool {
        self.year == Some(year) || matches!(self.years.as_deref(), Some(&[a, b]) if a <= year && year <= b)
    }
}

impl Gold {
    /// Read a gold file; errors name the file and, for TOML errors, the line.
    pub fn load(path: &Path) -> Result<Gold, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io { path: path.into(), source })?;
        Gold::parse(&text).map_err(|message| EvalError::Gold { path: path.into(), message })
    }

    /// Parse gold TOML and check every meeting has a start date and every
    /// proposal a year, which matching needs.
    pub fn parse(text: &str) -> Result<Gold, String> {
        let gold: Gold = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
        for m in &gold.meeting {
            if interval(&m.start, &m.end).is_none() {
                return Err(format!(
                    "meeting {:?}: start {:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                    m.id, m.start
                ));
            }
        }
        for p in &gold.proposal {
            match &p.years {
                Some(y) if y.len() != 2 => {
                    return Err(format!("proposal {:?}: `years` must be [first, last], not {y:?}", p.id));
                }
                None if p.year.is_none() => return Err(format!("proposal {:?} has neither `year` nor `years`", p.id)),
                _ => {}
            }
        }
        Ok(gold)
    }

    /// References that point nowhere (a typo in an id is otherwise silent:
    /// the link simply never matches) and ids given twice in one table. One
    /// message per problem; they are warnings, the scores are computed anyway.
    pub fn dangling_references(&self) -> Vec<String> {
        let persons: HashSet<&str> = self.person.iter().map(|p| p.id.as_str()).collect();
        let proposals: HashSet<&str> = self.proposal.iter().map(|p| p.id.as_str()).collect();
        let mut out = Vec::new();
        // A repeated id makes references to it ambiguous and counts one entity twice.
        let ids = self.person.iter().map(|p| ("person", &p.id));
        let ids = ids.chain(self.meeting.iter().map(|m| ("meeting", &m.id)));
        let mut seen = HashSet::new();
        for (table, id) in ids.chain(self.proposal.iter().map(|p| ("proposal", &p.id))) {
            if !seen.insert((table, id)) {
                out.push(format!("[[{table}]] id {id:?} occurs more than once"));
            }
        }
        for m in &self.meeting {
            for p in m.participants.iter().filter(|p| !persons.contains(p.as_str())) {
                out.push(format!("meeting {:?} lists participant {p:?}, which is no [[person]] id", m.id));
            }
        }
        for p in &self.proposal {
            for d in p.derived_from.iter().filter(|d| !proposals.contains(d.as_str())) {
                out.push(format!("proposal {:?} derives from {d:?}, which is no [[proposal]] id", p.id));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[document]]
id = "000"
date = "1989-12-27"

[[person]]
id = "taro-kono"
name = "Taro Kono"
aliases = ["Kono Taro"]
country = "JP"

[[meeting]]
id = "m1"
start = "2019-02-16"
participants = ["taro-kono", "nobody"]

[[proposal]]
id = "p1"
family = "two-island"
years = [1972, 1976]
derived_from = ["p0"]
multi = true
note = "unknown keys are ignored"
"#;

    #[test]
    fn reads_the_format_and_defaults() {
        let g = Gold::parse(SAMPLE).unwrap();
        assert_eq!(g.person[0].aliases, ["Kono Taro"]);
        assert!(!g.person[0].optional && !g.person[0].ignore);
        assert_eq!(g.meeting[0].end, "");
        assert!(g.proposal[0].multi);
        assert_eq!(g.proposal[0].year_window(), Some((1971, 1977)));
        assert!(g.proposal[0].exact_year(1974));
        assert!(!g.proposal[0].exact_year(1977));
    }

    #[test]
    fn year_window_of_a_single_year() {
        let p = GoldProposal { year: Some(1956), ..Default::default() };
        assert_eq!(p.year_window(), Some((1955, 1957)));
        assert_eq!(GoldProposal::default().year_window(), None);
        assert!(p.exact_year(1956) && !p.exact_year(1957));
        let both = GoldProposal { year: Some(1990), years: Some(vec![1972, 1976]), ..Default::default() };
        assert_eq!(both.year_window(), Some((1971, 1977)), "a range wins over a year");
        assert!(both.exact_year(1990) && both.exact_year(1975), "either is exact");
    }

    #[test]
    fn dangling_references_are_reported() {
        let g = Gold::parse(SAMPLE).unwrap();
        let d = g.dangling_references();
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].contains("\"nobody\"") && d[1].contains("\"p0\""));
    }

    #[test]
    fn repeated_ids_are_reported() {
        let g = Gold::parse("[[person]]\nid = \"a\"\nname = \"A\"\n[[person]]\nid = \"a\"\nname = \"B\"\n[[person]]\nid = \"a\"\nname = \"C\"\n").unwrap();
        assert_eq!(g.dangling_references(), vec!["[[person]] id \"a\" occurs more than once"; 2]);
        assert!(Gold::parse(SAMPLE).unwrap().dangling_references().iter().all(|d| !d.contains("more than once")));
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = Gold::parse("[[person]]\nid = \"x\"\nname = 3\n").unwrap_err();
        assert!(e.contains("line 3"), "{e}");
        let e = Gold::parse("[[meeting]]\nid = \"m\"\nstart = \"soon\"\n").unwrap_err();
        assert!(e.contains("\"m\"") && e.contains("\"soon\""), "{e}");
        let e = Gold::parse("[[proposal]]\nid = \"p\"\nfamily = \"lease\"\n").unwrap_err();
        assert!(e.contains("neither"), "{e}");
        let e = Gold::parse("[[proposal]]\nid = \"p\"\nfamily = \"lease\"\nyears = [1, 2, 3]\n").unwrap_err();
        assert!(e.contains("[first, last]") && e.contains("\"p\""), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.toml");
        std::fs::write(&path, "[[person]\n").unwrap();
        let e = Gold::load(&path).unwrap_err().to_string();
        assert!(e.contains("g.toml") && e.contains("line 1"), "{e}");
        let e = Gold::load(&dir.path().join("absent.toml")).unwrap_err().to_string();
        assert!(e.contains("absent.toml"), "{e}");
    }
}
