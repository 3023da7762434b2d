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
    /// `FILE: message` on one line: control characters of the file name
    /// (a newline in a name) are shown escaped (`\n`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", escape_controls(&self.file), self.message)
    }
}

/// `s` with its control characters escaped Rust-style (`\n`, `\u{1}`), so a
/// file name always prints on one line. Other characters are kept.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// A file's name for messages: lossy UTF-8, control characters escaped.
pub fn display_name(p: &Path) -> String {
    escape_controls(&file_name(p)).into_owned()
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
    /// File stem, e.g. `000_cc57bf8d0581500c`, made unique within the corpus
    /// (see [`document_ids`]).
    pub id: String,
    /// The file's text, byte for byte as stored (CRLF line ends kept), except a
    /// UTF-8 byte-order mark, which is blanked to three spaces: every byte
    /// offset (sentence and evidence spans) indexes the file as stored.
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
///
/// Complexity: one pass and one allocation of at most `s.len()` bytes.
pub fn fold_ws(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii_ws(s.as_bytes());
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`fold_ws`] of an ASCII text, byte by byte: its white space is exactly the bytes
/// `char::is_whitespace` takes in ASCII (space, tab, line feed, vertical tab, form feed,
/// carriage return).
fn fold_ascii_ws(b: &[u8]) -> String {
    let mut out = Vec::with_capacity(b.len());
    let mut gap = false;
    for &c in b {
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(b' ');
                gap = false;
            }
            out.push(c);
        }
    }
    String::from_utf8(out).unwrap_or_default()
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
                match not_a_file(&p) {
                    None => files.push(p),
                    // A folder, pipe, device or bad link named like a document: say so rather than drop it unseen.
                    Some(what) => {
                        warnings.push(Warning { file: file_name(&p), message: format!("{what}, not a file; skipped") })
                    }
                }
            }
        }
        files.sort();
        let mpath = root.join("manifest.csv");
        let mut manifest = Manifest::default();
        let manifest_problem = not_a_file(&mpath).filter(|_| std::fs::symlink_metadata(&mpath).is_ok());
        let has_manifest = mpath.is_file() && manifest_problem.is_none();
        if let Some(what) = manifest_problem {
            warnings.push(Warning { file: "manifest.csv".into(), message: format!("{what}, not a file; ignored") });
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
                    message: format!("lists {}, which is not in {}", escape_controls(listed), root.display()),
                });
            }
        }
        if files.is_empty() {
            return Err(CorpusError::Empty(root.to_path_buf()));
        }
        let (ids, id_warnings) = document_ids(&files);
        warnings.extend(id_warnings);
        let entries = files
            .into_iter()
            .zip(names)
            .zip(ids)
            .map(|((path, name), id)| {
                let meta = manifest.entries.get(&name).cloned();
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

/// Why `p` cannot be read as a document (a folder, a named pipe, a device, a
/// broken link or a link loop), or `None` for a regular file (or a link to one).
fn not_a_file(p: &Path) -> Option<String> {
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            let link = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
            // ELOOP: too many levels of symbolic links.
            return Some(if link && e.raw_os_error() == Some(40) {
                "a symbolic link loop".into()
            } else if link && e.kind() == std::io::ErrorKind::NotFound {
                "a broken symbolic link (its target does not exist)".into()
            } else {
                format!("cannot be examined ({e})")
            });
        }
    };
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)".into());
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device".into());
        }
        if t.is_socket() {
            return Some("a socket".into());
        }
    }
    Some("not a regular file".into())
}

/// One document id per file, unique within the corpus.
///
/// The id is the file stem, with each byte that is not valid UTF-8, each
/// control character and each `;` (the separator of the `docs` columns)
/// written as `%XX`. Ids are compared ignoring case (so `dup.txt` and
/// `dup.TXT` do not share a node, on any file system); a file whose id is
/// already taken by an earlier file (in file-name order) gets `~2`, `~3`, …
/// appended, with a warning naming both. Complexity: O(n) in the names.
pub fn document_ids(files: &[PathBuf]) -> (Vec<String>, Vec<Warning>) {
    let mut taken: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut ids: Vec<String> = Vec::with_capacity(files.len());
    let mut warnings = Vec::new();
    for (i, p) in files.iter().enumerate() {
        let base = p.file_stem().map(encode_stem).unwrap_or_default();
        let mut id = base.clone();
        let mut n = 1;
        while taken.contains_key(&id.to_lowercase()) {
            n += 1;
            id = format!("{base}~{n}");
        }
        if n > 1 {
            let first = &files[taken[&base.to_lowercase()]];
            warnings.push(Warning {
                file: file_name(p),
                message: format!(
                    "its document id `{base}` is already that of {} (ids ignore case); this document is `{id}`",
                    display_name(first)
                ),
            });
        }
        taken.insert(id.to_lowercase(), i);
        ids.push(id);
    }
    (ids, warnings)
}

/// A file stem as an id: invalid bytes, control characters and `;` as `%XX`.
fn encode_stem(stem: &std::ffi::OsStr) -> String {
    let bytes = stem.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() || c == ';' {
                let mut buf = [0u8; 4];
                c.encode_utf8(&mut buf).bytes().for_each(|b| out.push_str(&format!("%{b:02X}")));
            } else {
                out.push(c);
            }
        }
        chunk.invalid().iter().for_each(|b| out.push_str(&format!("%{b:02X}")));
    }
    out
}

impl DocEntry {
    /// Read and split the document. `Err` is a warning: the document is skipped.
    /// `Ok` may come with warnings of its own (e.g. a date inferred from the text).
    pub fn load(&self, has_manifest: bool) -> Result<(Document, Vec<Warning>), Warning> {
        let name = file_name(&self.path);
        let warn = |message: String| Warning { file: name.clone(), message };
        // A FIFO or device would block or never end: only regular files are opened.
        if let Some(what) = not_a_file(&self.path) {
            return Err(warn(format!("{what}, not a file; skipped")));
        }
        let bytes = std::fs::read(&self.path).map_err(|e| warn(format!("cannot read: {e}")))?;
        let text = decode_vec(bytes).map_err(warn)?;
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

/// How to convert a UTF-16 file, quoted in the message that refuses it.
const UTF16_HINT: &str = "kurilnet reads UTF-8 only, so that evidence spans index the file as stored; \
convert it first, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.txt` (then remove the original), skipped";

/// Decode a file as UTF-8 text, byte for byte: CRLF line ends are kept and a
/// UTF-8 byte-order mark becomes three spaces, so that offsets into the text
/// are offsets into the file. Binary, empty and UTF-16/UTF-32 files are
/// refused with a reason (UTF-16 with how to convert it).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    decode_vec(bytes.to_vec())
}

/// [`decode`] without a copy: the file's buffer becomes the text.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<String, String> {
    check_text(&bytes)?;
    if bytes.starts_with(BOM) {
        bytes[..3].fill(b' ');
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (invalid byte at offset {}), skipped", e.utf8_error().valid_up_to()))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why `bytes` cannot be read as a document, if they cannot.
fn check_text(bytes: &[u8]) -> Result<(), String> {
    if bytes.starts_with(b"\xFF\xFE\0\0") || bytes.starts_with(b"\0\0\xFE\xFF") {
        return Err(format!("UTF-32 text (byte-order mark); {}", UTF16_HINT.replace("UTF-16", "UTF-32")));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(format!("UTF-16 text (byte-order mark {:02X} {:02X}); {UTF16_HINT}", bytes[0], bytes[1]));
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file, skipped".into());
    }
    if let Some(pos) = body.iter().position(|&b| b == 0) {
        let pos = pos + (bytes.len() - body.len());
        if looks_like_utf16(body) {
            return Err(format!("UTF-16 text without a byte-order mark (NUL byte at offset {pos}); {UTF16_HINT}"));
        }
        return Err(format!("binary file (NUL byte at offset {pos}), skipped"));
    }
    Ok(())
}

/// ASCII-range text in UTF-16: most bytes on one parity are NUL, few on the other.
fn looks_like_utf16(b: &[u8]) -> bool {
    let n = b.len().min(4096) / 2;
    let (mut even, mut odd) = (0, 0);
    for pair in b[..2 * n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    n >= 4 && (even.max(odd) * 10 >= n * 7) && even.min(odd) * 10 <= n
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
    fn fold_ws_joins_the_words_with_one_space() {
        for t in ["", "   ", "one", " a  b\t\tc\n\nd ", "\u{a0}Tokyo,\u{2003}Oct.\r\n 10 \u{3000}", "x\u{85}y z"] {
            assert_eq!(fold_ws(t), t.split_whitespace().collect::<Vec<_>>().join(" "), "{t:?}");
        }
        assert_eq!(fold_ws(" Prime\n Minister  Abe "), "Prime Minister Abe");
        // The ASCII path: every ASCII byte as a separator, alone and doubled, inside and at the ends.
        for c in (0u8..128).map(char::from) {
            for t in [format!("{c}a{c}{c}b{c}"), format!("a{c}b"), format!("{c}{c}"), c.to_string()] {
                assert_eq!(fold_ws(&t), t.split_whitespace().collect::<Vec<_>>().join(" "), "{t:?}");
            }
        }
    }

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
        // A BOM becomes blanks and CRLF stays: offsets index the file as stored.
        assert_eq!(decode(b"\xEF\xBB\xBFhi\r\nthere").unwrap(), "   hi\r\nthere");
        assert!(decode(b"ab\xEF\xBB\xBF\xff").unwrap_err().contains("offset 5"));
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
