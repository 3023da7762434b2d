//! The lexicons of `data/`: tab-separated tables embedded at build time and
//! overridable file by file with `--data DIR`. This module parses and checks
//! them (column count, dates, regexes); it does not search text.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, bail};

use crate::date::PartialDate;
use super::gate::{Gate, Gated};

/// One embedded table: file name and built-in contents.
pub const TABLES: &[(&str, &str)] = &[
    ("islands.tsv", include_str!("../../data/islands.tsv")),
    ("landmarks.tsv", include_str!("../../data/landmarks.tsv")),
    ("meeting_cues.tsv", include_str!("../../data/meeting_cues.tsv")),
    ("nationalities.tsv", include_str!("../../data/nationalities.tsv")),
    ("offices.tsv", include_str!("../../data/offices.tsv")),
    ("persons.tsv", include_str!("../../data/persons.tsv")),
    ("places.tsv", include_str!("../../data/places.tsv")),
    ("proposal_cues.tsv", include_str!("../../data/proposal_cues.tsv")),
    ("status_cues.tsv", include_str!("../../data/status_cues.tsv")),
    ("titles.tsv", include_str!("../../data/titles.tsv")),
];

/// A parsed table: the header and the data rows with their line numbers.
#[derive(Clone, Debug)]
pub struct Table {
    pub file: String,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Parse a table: `#` lines are comments, the first other line is the header,
/// every row has exactly as many tab-separated cells as the header.
pub fn parse_table(file: &str, text: &str, columns: &[&str]) -> anyhow::Result<Table> {
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
        match &header {
            None => {
                if cells != columns {
                    bail!("{file}:{lineno}: header must be {:?}, found {:?}", columns.join("\t"), line);
                }
                header = Some(cells);
            }
            Some(h) => {
                if cells.len() != h.len() {
                    bail!("{file}:{lineno}: expected {} tab-separated cells, found {}: {line:?}", h.len(), cells.len());
                }
                if cells[0].is_empty() {
                    bail!("{file}:{lineno}: the first cell is empty");
                }
                rows.push((lineno, cells));
            }
        }
    }
    let Some(header) = header else { bail!("{file}: no header line (expected {:?})", columns.join("\t")) };
    Ok(Table { file: file.to_string(), header, rows })
}

/// A person of the lexicon.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub side: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

/// An office held between two months (inclusive; `to` is `None` while in office).
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    pub office: String,
    pub country: String,
    pub from: PartialDate,
    pub to: Option<PartialDate>,
}

impl Office {
    /// Days between the office's term and a date (0 when the date falls inside).
    pub fn distance(&self, d: PartialDate) -> i64 {
        let lo = self.from.first_ordinal();
        let hi = self.to.map(|t| t.last_ordinal()).unwrap_or(i64::MAX / 4);
        let (a, b) = (d.first_ordinal(), d.last_ordinal());
        if b < lo {
            lo - b
        } else if a > hi {
            a - hi
        } else {
            0
        }
    }
}

impl Person {
    /// The office held at a date, if any (the most specific when several).
    pub fn office_at(&self, d: PartialDate) -> Option<&Office> {
        self.offices.iter().filter(|o| o.distance(d) == 0).max_by_key(|o| o.from)
    }

    /// Days from the nearest term of office to `d` (`i64::MAX` without offices).
    pub fn distance(&self, d: PartialDate) -> i64 {
        self.offices.iter().map(|o| o.distance(d)).min().unwrap_or(i64::MAX)
    }

    /// Family name: the last word, or the first for Chinese names (written family first).
    pub fn surname(&self) -> &str {
        let words: Vec<&str> = self.name.split(' ').collect();
        if self.side == "CN" { words[0] } else { words[words.len() - 1] }
    }
}

/// A title that introduces a name.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    pub phrase: String,
    pub office: String,
    pub country: Option<String>,
}

/// A place where meetings happen.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub kind: String,
}

/// A proposal family cue.
#[derive(Clone, Debug)]
pub struct ProposalCue {
    pub family: String,
    pub arrangement: String,
    pub priority: u8,
    /// Case-insensitive, searched from its trigger words (see [`Gated`]).
    pub pattern: Gated,
}

/// All lexicons, parsed and checked.
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub persons: Vec<Person>,
    pub titles: Vec<Title>,
    /// word (lowercase) → (code, use)
    pub nationalities: Vec<(String, String, String)>,
    pub places: Vec<Place>,
    /// landmark → index of its city in `places` ("Kremlin" → Moscow)
    pub landmarks: Vec<(String, usize)>,
    /// name → island slug
    pub islands: Vec<(String, String)>,
    /// phrase → meeting type
    pub meeting_cues: Vec<(String, String)>,
    /// phrase → status
    pub status_cues: Vec<(String, String)>,
    pub proposal_cues: Vec<ProposalCue>,
    /// Which proposal cues can match a sentence (their trigger words, see [`Gate`]).
    pub proposal_gate: Gate,
}

/// Read one table: from `dir` when it holds a file of that name, else the built-in one.
fn source(dir: Option<&Path>, name: &str) -> anyhow::Result<(String, String)> {
    if let Some(d) = dir {
        let p = d.join(name);
        if p.is_file() {
            let text = std::fs::read_to_string(&p).with_context(|| format!("cannot read lexicon {}", p.display()))?;
            return Ok((p.display().to_string(), text));
        }
    }
    let text = TABLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).expect("every table is embedded");
    Ok((format!("data/{name}"), text.to_string()))
}

fn date_cell(file: &str, line: usize, s: &str) -> anyhow::Result<PartialDate> {
    s.parse().map_err(|e| anyhow::anyhow!("{file}:{line}: {e}"))
}

fn opt_cell(s: &str) -> Option<String> {
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

impl Lexicon {
    /// Load the lexicons; files in `dir` replace the built-in tables of the same name.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Lexicon> {
        let table = |name: &str, cols: &[&str]| -> anyhow::Result<Table> {
            let (file, text) = source(dir, name)?;
            parse_table(&file, &text, cols)
        };
        let pt = table("persons.tsv", &["name", "side", "aliases"])?;
        let mut persons: Vec<Person> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (line, c) in &pt.rows {
            if index.insert(c[0].clone(), persons.len()).is_some() {
                bail!("{}:{line}: {} is listed twice", pt.file, c[0]);
            }
            let aliases = c[2].split(';').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect();
            persons.push(Person { name: c[0].clone(), side: c[1].clone(), aliases, offices: Vec::new() });
        }
        let ot = table("offices.tsv", &["name", "office", "country", "from", "to"])?;
        for (line, c) in &ot.rows {
            let Some(&i) = index.get(&c[0]) else {
                bail!("{}:{line}: {} is not in persons.tsv", ot.file, c[0]);
            };
            let from = date_cell(&ot.file, *line, &c[3])?;
            let to = if c[4].is_empty() { None } else { Some(date_cell(&ot.file, *line, &c[4])?) };
            persons[i].offices.push(Office { office: c[1].clone(), country: c[2].clone(), from, to });
        }
        let tt = table("titles.tsv", &["phrase", "office", "country"])?;
        let titles = tt
            .rows
            .iter()
            .map(|(_, c)| Title { phrase: c[0].clone(), office: c[1].clone(), country: opt_cell(&c[2]) })
            .collect();
        let nt = table("nationalities.tsv", &["word", "code", "use"])?;
        let nationalities = nt.rows.iter().map(|(_, c)| (c[0].clone(), c[1].clone(), c[2].clone())).collect();
        let lt = table("places.tsv", &["name", "country", "kind"])?;
        let places: Vec<Place> = lt
            .rows
            .iter()
            .map(|(_, c)| Place { name: c[0].clone(), country: c[1].clone(), kind: c[2].clone() })
            .collect();
        let kt = table("landmarks.tsv", &["landmark", "city"])?;
        let mut landmarks = Vec::new();
        for (line, c) in &kt.rows {
            let Some(i) = places.iter().position(|p: &Place| p.name == c[1]) else {
                bail!("{}:{line}: {} is not in places.tsv", kt.file, c[1]);
            };
            landmarks.push((c[0].clone(), i));
        }
        let it = table("islands.tsv", &["name", "slug"])?;
        let islands = it.rows.iter().map(|(_, c)| (c[0].clone(), c[1].clone())).collect();
        let mt = table("meeting_cues.tsv", &["phrase", "type"])?;
        let meeting_cues = mt.rows.iter().map(|(_, c)| (c[0].clone(), c[1].clone())).collect();
        let st = table("status_cues.tsv", &["phrase", "status"])?;
        let status_cues = st.rows.iter().map(|(_, c)| (c[0].clone(), c[1].clone())).collect();
        let pc = table("proposal_cues.tsv", &["family", "arrangement", "priority", "pattern"])?;
        let mut proposal_cues = Vec::new();
        for (line, c) in &pc.rows {
            let priority =
                c[2].parse().map_err(|_| anyhow::anyhow!("{}:{line}: priority {:?} is not a number", pc.file, c[2]))?;
            let pattern = Gated::build(&c[3], true)
                .map_err(|e| anyhow::anyhow!("{}:{line}: bad pattern: {e}", pc.file))?;
            proposal_cues.push(ProposalCue { family: c[0].clone(), arrangement: c[1].clone(), priority, pattern });
        }
        Ok(Lexicon {
            persons,
            titles,
            nationalities,
            places,
            landmarks,
            islands,
            meeting_cues,
            status_cues,
            proposal_gate: Gate::with_starts(proposal_cues.iter().map(|c| c.pattern.as_str())),
            proposal_cues,
        })
    }

    /// Label of an island slug ("habomai" → "Habomai").
    pub fn island_label(&self, slug: &str) -> String {
        self.islands
            .iter()
            .find(|(n, s)| s == slug && !n.contains([' ', '-']) && n.to_lowercase() == *slug)
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| slug.to_string())
    }

    /// The island whose [`Lexicon::island_label`] is `label`, by its slug. A label is its
    /// slug or a name whose lower case is the slug, so only those slugs are labelled.
    pub fn island_with_label(&self, label: &str) -> Option<&str> {
        let lower = label.to_lowercase();
        self.islands
            .iter()
            .map(|(_, s)| s.as_str())
            .find(|&s| (s == lower || s == label) && self.island_label(s) == label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_sorted_and_free_of_duplicates() {
        for (name, text) in TABLES {
            let rows: Vec<&str> =
                text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).collect();
            let mut sorted = rows.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(rows, sorted, "{name} must be sorted (byte order) without duplicate rows");
        }
    }

    #[test]
    fn built_in_lexicons_load() {
        let lx = Lexicon::load(None).unwrap();
        assert!(lx.persons.len() > 100);
        let kono: Vec<&Person> = lx.persons.iter().filter(|p| p.surname() == "Kono").collect();
        assert_eq!(kono.len(), 2);
        assert_eq!(lx.island_label("habomai"), "Habomai");
        // Every island is found by its label, and only by it.
        for (_, slug) in &lx.islands {
            assert_eq!(lx.island_with_label(&lx.island_label(slug)), Some(slug.as_str()));
        }
        assert_eq!(lx.island_with_label("Iturup"), None);
        assert_eq!(lx.island_with_label("habomai"), None);
        // Every person's side and every office's country is an alpha-2 code.
        for p in &lx.persons {
            assert_eq!(p.side.len(), 2, "{}", p.name);
            for o in &p.offices {
                assert!(o.to.is_none_or(|t| t >= o.from), "{}: office ends before it starts", p.name);
            }
        }
    }

    #[test]
    fn landmarks_name_their_city() {
        let lx = Lexicon::load(None).unwrap();
        let city = |l: &str| lx.landmarks.iter().find(|x| x.0 == l).map(|x| lx.places[x.1].name.as_str());
        assert_eq!(city("Kremlin"), Some("Moscow"));
        assert_eq!(city("Kantei"), Some("Tokyo"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("landmarks.tsv"), "landmark\tcity\nKremlin\tAtlantis\n").unwrap();
        let e = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("landmarks.tsv:2") && e.contains("Atlantis is not in places.tsv"), "{e}");
    }

    #[test]
    fn malformed_files_name_file_and_line() {
        let e = parse_table("x.tsv", "# c\nname\tside\taliases\nA B\tJP\n", &["name", "side", "aliases"]).unwrap_err();
        assert_eq!(e.to_string(), "x.tsv:3: expected 3 tab-separated cells, found 2: \"A B\\tJP\"");
        let e = parse_table("y.tsv", "nom\tside\n", &["name", "side"]).unwrap_err();
        assert!(e.to_string().starts_with("y.tsv:1: header must be"), "{e}");
    }

    #[test]
    fn override_folder_replaces_only_its_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("persons.tsv"), "name\tside\taliases\nAnna Test\tJP\t\n").unwrap();
        std::fs::write(
            dir.path().join("offices.tsv"),
            "name\toffice\tcountry\tfrom\tto\nAnna Test\tmayor\tJP\t2001-13\t\n",
        )
        .unwrap();
        let e = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("offices.tsv:2") && e.contains("month out of range"), "{e}");
        std::fs::remove_file(dir.path().join("offices.tsv")).unwrap();
        // The built-in offices name people the override does not have: a clear error.
        let e = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("data/offices.tsv") && e.contains("not in persons.tsv"), "{e}");
        std::fs::write(dir.path().join("offices.tsv"), "name\toffice\tcountry\tfrom\tto\n").unwrap();
        let lx = Lexicon::load(Some(dir.path())).unwrap();
        assert_eq!(lx.persons.len(), 1);
        assert!(lx.titles.len() > 10, "titles come from the built-in table");
    }
}
