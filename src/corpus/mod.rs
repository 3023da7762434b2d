//! The corpus: a folder of UTF-8 `.txt` documents with an optional `manifest.csv`.
//!
//! Scanning is cheap and sequential; each document is then read on its own so
//! extraction can stream over the corpus in parallel. Bad files become
//! warnings naming the file and the problem; they never stop the run.

pub mod manifest;
pub mod sentences;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::date::PartialDate;
pub use manifest::Manifest;
pub use sentences::Sentence;

/// Fatal corpus problems: nothing at all can be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("corpus folder {0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is not a folder")]
    NotADir(PathBuf),
    #[error("cannot list corpus folder {path}: {source}")]
    List { path: PathBuf, source: std::io::Error },
    #[error("corpus folder {0} holds no .txt documents")]
    Empty(PathBuf),
}

/// A problem with one input file; the run goes on without it (or with a guess).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Where a document's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    Manifest,
    Text,
    Unknown,
}

/// A document to read: its path and what the manifest says about it.
#[derive(Clone, Debug)]
pub struct DocEntry {
    pub id: String,
    pub path: PathBuf,
    pub meta: Option<manifest::Entry>,
}

/// A scanned corpus folder: the documents to read, in file-name order.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub entries: Vec<DocEntry>,
    pub warnings: Vec<Warning>,
}

/// A document read into memory, split into sentences.
#[derive(Clone, Debug)]
pub struct Document {
    /// File stem, e.g. `000_cc57bf8d0581500c`.
    pub id: String,
    pub text: String,
    pub date: Option<PartialDate>,
    pub date_source: DateSource,
    pub source: Option<String>,
    pub title: Option<String>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Build a document from text (used by tests and by `load`).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>, date: Option<PartialDate>) -> Document {
        let text = text.into();
        let sentences = sentences::split(&text);
        let date_source = if date.is_some() { DateSource::Manifest } else { DateSource::Unknown };
        Document { id: id.into(), text, date, date_source, source: None, title: None, sentences }
    }

    /// The raw text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.start..s.end]
    }

    /// A sentence with its white space folded (as shown in evidence).
    pub fn sentence_clean(&self, s: &Sentence) -> String {
        fold_ws(self.sentence_text(s))
    }

    /// The sentence containing byte offset `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).filter(|s| s.start <= pos)
    }
}

/// Collapse runs of white space (including hard line breaks) into one space.
pub fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Corpus {
    /// List the documents of a folder and read its manifest, if any.
    pub fn scan(root: &Path) -> Result<Corpus, CorpusError> {
        if !root.exists() {
            return Err(CorpusError::Missing(root.to_path_buf()));
        }
        if !root.is_dir() {
            return Err(CorpusError::NotADir(root.to_path_buf()));
        }
        let mut warnings = Vec::new();
        let rd = std::fs::read_dir(root).map_err(|source| CorpusError::List { path: root.to_path_buf(), source })?;
        let mut files: Vec<PathBuf> = Vec::new();
        for e in rd {
            let e = e.map_err(|source| CorpusError::List { path: root.to_path_buf(), source })?;
            let p = e.path();
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
                if p.is_file() {
                    files.push(p);
                } else {
                    // A folder or a dangling link named like a document: say so rather than drop it unseen.
                    warnings.push(Warning {
                        file: file_name(&p),
                        message: "not a readable file (a folder or a broken link), skipped".into(),
                    });
                }
            }
        }
        files.sort();
        let mpath = root.join("manifest.csv");
        let mut manifest = Manifest::default();
        let has_manifest = mpath.is_file();
        if mpath.exists() && !has_manifest {
            warnings.push(Warning { file: "manifest.csv".into(), message: "is not a file; ignored".into() });
        }
        if has_manifest {
            match Manifest::read(&mpath) {
                Ok((m, w)) => {
                    manifest = m;
                    warnings.extend(w.into_iter().map(|message| Warning { file: "manifest.csv".into(), message }));
                }
                Err(message) => warnings.push(Warning {
                    file: "manifest.csv".into(),
                    message: format!("{message}; documents keep the dates found in their text"),
                }),
            }
        }
        let names: Vec<String> = files.iter().map(|p| file_name(p)).collect();
        // A set, so checking every listed file is linear in the corpus, not quadratic.
        let present: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
        for listed in manifest.entries.keys() {
            if !present.contains(listed.as_str()) {
                warnings.push(Warning {
                    file: "manifest.csv".into(),
                    message: format!("lists {listed}, which is not in {}", root.display()),
                });
            }
        }
        if files.is_empty() {
            return Err(CorpusError::Empty(root.to_path_buf()));
        }
        let entries = files
            .into_iter()
            .zip(names)
            .map(|(path, name)| {
                let meta = manifest.entries.get(&name).cloned();
                let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or(name);
                DocEntry { id, path, meta }
            })
            .collect();
        Ok(Corpus { root: root.to_path_buf(), entries, warnings })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

impl DocEntry {
    /// Read and split the document. `Err` is a warning: the document is skipped.
    /// `Ok` may come with warnings of its own (e.g. a date inferred from the text).
    pub fn load(&self, has_manifest: bool) -> Result<(Document, Vec<Warning>), Warning> {
        let name = file_name(&self.path);
        let warn = |message: String| Warning { file: name.clone(), message };
        let bytes = std::fs::read(&self.path).map_err(|e| warn(format!("cannot read: {e}")))?;
        let text = decode(&bytes).map_err(warn)?;
        let mut warnings = Vec::new();
        let meta = self.meta.clone().unwrap_or_default();
        if self.meta.is_none() && has_manifest {
            warnings.push(warn("not listed in manifest.csv".into()));
        }
        let (date, date_source) = match meta.date {
            Some(d) => (Some(d), DateSource::Manifest),
            None => match infer_date(&text) {
                Some(d) => {
                    warnings.push(warn(format!("no date in the manifest; using {d}, read from the text")));
                    (Some(d), DateSource::Text)
                }
                None => {
                    warnings.push(warn("no date in the manifest or the text; relative dates stay unresolved".into()));
                    (None, DateSource::Unknown)
                }
            },
        };
        let sentences = sentences::split(&text);
        let doc = Document {
            id: self.id.clone(),
            text,
            date,
            date_source,
            source: meta.source,
            title: meta.title,
            sentences,
        };
        Ok((doc, warnings))
    }
}

/// Decode a file as UTF-8 text; binary and empty files are refused with a reason.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file, skipped".into());
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at offset {pos}), skipped"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.replace("\r\n", "\n")),
        Err(e) => Err(format!("not UTF-8 text (invalid byte at offset {}), skipped", e.valid_up_to())),
    }
}

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:data\s+as\s+of|published:?|updated:?|dated?:?)\s+(?:(\d{1,2})\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:(\d{1,2}),?\s+)?(\d{4})\b").expect("valid regex")
});

/// Guess a publication date from phrases such as "Data as of January 1994" or
/// "Published: March 3, 2001". Only explicit publication phrases count: a
/// date in the story is an event date, not the document's.
pub fn infer_date(text: &str) -> Option<PartialDate> {
    let c = MONTH_YEAR.captures_iter(text).last()?;
    let month = month_number(&c[2])?;
    let year: i32 = c[4].parse().ok()?;
    let day = c.get(1).or(c.get(3)).and_then(|d| d.as_str().parse::<u8>().ok());
    match day {
        Some(d) => PartialDate::day(year, month, d).or(PartialDate::month(year, month)),
        None => PartialDate::month(year, month),
    }
}

/// Month number of an English month name or its abbreviation.
pub fn month_number(name: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let l = name.trim_end_matches('.').to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infers_data_as_of() {
        let t = "Some text.\nData as of January 1994\n|";
        assert_eq!(infer_date(t).unwrap().to_string(), "1994-01");
        assert_eq!(infer_date("Published: March 3, 2001. Body").unwrap().to_string(), "2001-03-03");
        assert_eq!(infer_date("Talks in January 1976 failed."), None);
    }

    #[test]
    fn decode_refuses_binary_and_bad_utf8() {
        assert!(decode(b"   \n").unwrap_err().contains("empty"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("NUL byte at offset 2"));
        assert!(decode(b"ab\xff").unwrap_err().contains("offset 2"));
        assert_eq!(decode(b"\xEF\xBB\xBFhi\r\nthere").unwrap(), "hi\nthere");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Dec."), Some(12));
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("Ma"), None);
    }

    #[test]
    fn sentence_at_finds_the_span() {
        let d = Document::from_text("d", "One. Two three. Four.", None);
        let pos = d.text.find("three").unwrap();
        assert_eq!(d.sentence_text(d.sentence_at(pos).unwrap()), "Two three.");
    }
}
