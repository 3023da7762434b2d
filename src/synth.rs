//! A varied synthetic corpus for benchmarks and scale tests.
//!
//! Documents are built from the paragraphs of shipped texts (the seeds and
//! `tests/heldout/`), shuffled across documents. In each document the lexicon's
//! persons are replaced by invented officials with titles (200 of them, half
//! Japanese, half Russian), lexicon places by other lexicon places, and years
//! shifted so that the latest year told is the publication year; publication
//! dates are spread over 1956–2022. Entities therefore grow with the corpus, as
//! they do in a real news archive, unlike the seeds copied N times.
//!
//! Deterministic: the same sources, `n` and seed give byte-identical files.
//! Generated data is written to a folder chosen by the caller (a temporary
//! folder in the benches and tests); nothing is written into the repository.
//!
//! ```no_run
//! let sources = kurilnet::synth::shipped_sources(std::path::Path::new("."));
//! let stats = kurilnet::synth::generate(std::path::Path::new("/tmp/corpus"), 1000, 7, &sources).unwrap();
//! println!("{} documents, {} bytes", stats.documents, stats.bytes);
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use anyhow::Context;

use crate::extract::lexicon::Lexicon;

/// Number of invented officials.
pub const OFFICIALS: usize = 200;

/// What [`generate`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    pub documents: usize,
    pub bytes: u64,
    pub sentences: usize,
}

/// SplitMix64: a small deterministic generator (no dependency, same stream
/// everywhere), seeded by its field. Shared by the corpus generator and the
/// fuzz test.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// One element of a non-empty slice, uniformly.
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// The shipped folders a generated corpus draws its paragraphs from: `seeds/`
/// and `tests/heldout/` under the repository root `root`.
pub fn shipped_sources(root: &Path) -> Vec<PathBuf> {
    vec![root.join("seeds"), root.join("tests/heldout")]
}

/// An invented official: title, given name and surname, side.
struct Official {
    title: &'static str,
    given: String,
    surname: String,
}

fn officials(rng: &mut Rng) -> (Vec<Official>, Vec<Official>) {
    const JP_GIVEN: [&str; 10] =
        ["Kenji", "Hiroshi", "Takeshi", "Masato", "Yuji", "Akira", "Daisuke", "Noboru", "Sadao", "Tetsuo"];
    const JP_SUR: [&str; 10] = [
        "Arakawa",
        "Hoshino",
        "Kurosawa",
        "Minegishi",
        "Tsukada",
        "Ogiwara",
        "Shimura",
        "Yanase",
        "Kitabayashi",
        "Morozumi",
    ];
    const RU_GIVEN: [&str; 10] =
        ["Pavel", "Oleg", "Arkady", "Vadim", "Gennady", "Stanislav", "Yaroslav", "Timofei", "Kirill", "Rostislav"];
    const RU_SUR: [&str; 10] = [
        "Zhdanovsky",
        "Korablev",
        "Pribylov",
        "Semakin",
        "Vorontsevich",
        "Tikhomirsky",
        "Lebedinsky",
        "Osokin",
        "Shchukarev",
        "Bragin",
    ];
    const JP_TITLES: [&str; 5] =
        ["Prime Minister", "Foreign Minister", "Deputy Foreign Minister", "Chief Cabinet Secretary", "Ambassador"];
    const RU_TITLES: [&str; 5] =
        ["President", "Foreign Minister", "Deputy Foreign Minister", "Deputy Prime Minister", "Ambassador"];
    let mut make = |given: &[&str; 10], sur: &[&str; 10], titles: &[&'static str; 5]| {
        (0..OFFICIALS / 2)
            .map(|i| Official {
                title: titles[rng.below(titles.len())],
                given: given[i % 10].to_string(),
                // Surnames are made distinct per official: one surname, one person.
                surname: format!(
                    "{}{}",
                    sur[i / 10],
                    ["", "ev", "ski", "ova", "in", "enko", "ida", "uchi", "mura", "ko"][i % 10]
                ),
            })
            .collect::<Vec<_>>()
    };
    let jp = make(&JP_GIVEN, &JP_SUR, &JP_TITLES);
    let ru = make(&RU_GIVEN, &RU_SUR, &RU_TITLES);
    (jp, ru)
}

/// Paragraphs (blank-line separated, non-empty) of every `.txt` file in `dirs`, in path order.
fn paragraphs(dirs: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let mut files = Vec::new();
    for d in dirs {
        for e in std::fs::read_dir(d).with_context(|| format!("cannot list {}", d.display()))? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?;
        let text = text.replace("\r\n", "\n");
        out.extend(text.split("\n\n").map(str::trim).filter(|p| p.len() > 40).map(String::from));
    }
    anyhow::ensure!(!out.is_empty(), "no paragraphs in the source folders");
    Ok(out)
}

/// What a pattern of the substitution automaton stands for.
#[derive(Clone, Copy)]
enum Sub {
    /// Lexicon person `i`, full name (or an alias).
    Full(usize),
    /// Lexicon person `i`, surname alone.
    Surname(usize),
    /// Lexicon place `i`.
    Place(usize),
}

/// Write `n` documents and `manifest.csv` into `dir` (created if needed),
/// drawn from the paragraphs of the `.txt` files in `sources`, deterministic for
/// `seed`. O(total bytes written).
pub fn generate(dir: &Path, n: usize, seed: u64, sources: &[PathBuf]) -> anyhow::Result<Stats> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let lx = Lexicon::load(None)?;
    let paras = paragraphs(sources)?;
    let mut rng = Rng(seed ^ 0x6b75_7269_6c6e_6574);
    let (jp, ru) = officials(&mut rng);
    let mut patterns: Vec<String> = Vec::new();
    let mut subs: Vec<Sub> = Vec::new();
    for (i, p) in lx.persons.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
            patterns.push(name.clone());
            subs.push(Sub::Full(i));
        }
        if !p.surname().is_empty() {
            patterns.push(p.surname().to_string());
            subs.push(Sub::Surname(i));
        }
    }
    let cities: Vec<usize> = (0..lx.places.len()).filter(|&i| lx.places[i].kind == "city").collect();
    for &i in &cities {
        let p = &lx.places[i];
        patterns.push(p.name.clone());
        subs.push(Sub::Place(i));
    }
    let ac: AhoCorasick =
        AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns).context("automaton")?;
    let mut manifest = String::from("file,date,source,title\n");
    let mut stats = Stats::default();
    let mut text = String::new();
    for i in 0..n {
        let year = 1956 + rng.below(67) as i32;
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        // Paragraphs up to about 4 KB (like a news article).
        let mut chosen: Vec<&str> = Vec::new();
        let mut len = 0;
        while len < 2600 {
            let p = &paras[rng.below(paras.len())];
            len += p.len();
            chosen.push(p);
        }
        let latest = chosen.iter().flat_map(|p| years(p)).map(|(_, y)| y).max();
        let shift = latest.map_or(0, |l| year - l);
        // Each lexicon person of this document becomes one invented official of the same side.
        let mut cast: Vec<Option<usize>> = vec![None; lx.persons.len()];
        let mut place_of: Vec<Option<usize>> = vec![None; lx.places.len()];
        let mut titled = vec![false; OFFICIALS];
        text.clear();
        for (k, p) in chosen.iter().enumerate() {
            if k > 0 {
                text.push_str("\n\n");
            }
            let shifted = shift_years(p, shift);
            let mut last = 0;
            for m in ac.find_iter(&shifted) {
                if !word_bounded(&shifted, m.start(), m.end()) {
                    continue;
                }
                text.push_str(&shifted[last..m.start()]);
                last = m.end();
                match subs[m.pattern().as_usize()] {
                    Sub::Full(pi) | Sub::Surname(pi) => {
                        let ru_side = matches!(lx.persons[pi].side.as_str(), "RU" | "SU");
                        let o = *cast[pi]
                            .get_or_insert_with(|| rng.below(OFFICIALS / 2) + if ru_side { OFFICIALS / 2 } else { 0 });
                        let off = if o < OFFICIALS / 2 { &jp[o] } else { &ru[o - OFFICIALS / 2] };
                        if matches!(subs[m.pattern().as_usize()], Sub::Full(_)) || !titled[o] {
                            // A name already after a title ("Foreign Minister Taro Kono") keeps that title.
                            let after_title = text.trim_end().rsplit(' ').next().is_some_and(|w| {
                                w.starts_with(|c: char| c.is_ascii_uppercase()) && text.ends_with(' ')
                            });
                            if !titled[o] && !after_title {
                                let side = if ru_side { "Russian" } else { "Japanese" };
                                let _ = write!(text, "{side} {} ", off.title);
                            }
                            titled[o] = true;
                            let _ = write!(text, "{} {}", off.given, off.surname);
                        } else {
                            text.push_str(&off.surname);
                        }
                    }
                    Sub::Place(pl) => {
                        let q = *place_of[pl].get_or_insert_with(|| cities[rng.below(cities.len())]);
                        text.push_str(&lx.places[q].name);
                    }
                }
            }
            text.push_str(&shifted[last..]);
        }
        text.push('\n');
        let file = format!("doc_{i:07}.txt");
        std::fs::write(dir.join(&file), &text).with_context(|| format!("cannot write {file}"))?;
        stats.bytes += text.len() as u64;
        stats.sentences += crate::corpus::sentences::split(&text).len();
        stats.documents += 1;
        let _ = writeln!(manifest, "{file},{year:04}-{month:02}-{day:02},synthetic,Generated document {i}");
    }
    std::fs::write(dir.join("manifest.csv"), manifest).context("cannot write manifest.csv")?;
    Ok(stats)
}

fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let after = end == b.len() || !b[end].is_ascii_alphanumeric();
    before && after
}

/// Four-digit years 1900–2029 standing alone as words: (byte offset, year).
fn years(s: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).filter_map(move |i| {
        let w = &b[i..i + 4];
        let digits = w.iter().all(u8::is_ascii_digit);
        let century = w.starts_with(b"19") || w.starts_with(b"20");
        if !digits || !century || !word_bounded(s, i, i + 4) {
            return None;
        }
        let y: i32 = s[i..i + 4].parse().ok()?;
        (y < 2030).then_some((i, y))
    })
}

/// The text with every year moved by `shift` (kept when the result would leave 1945–2030).
fn shift_years(s: &str, shift: i32) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, y) in years(s) {
        let ny = y + shift;
        if (1945..=2030).contains(&ny) {
            out.push_str(&s[last..i]);
            let _ = write!(out, "{ny}");
            last = i + 4;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn generation_is_deterministic_and_varied() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let sa = generate(a.path(), 20, 3, &shipped_sources(&root())).unwrap();
        let sb = generate(b.path(), 20, 3, &shipped_sources(&root())).unwrap();
        assert_eq!(sa, sb);
        assert_eq!(sa.documents, 20);
        for f in ["manifest.csv", "doc_0000000.txt", "doc_0000019.txt"] {
            assert_eq!(std::fs::read(a.path().join(f)).unwrap(), std::fs::read(b.path().join(f)).unwrap(), "{f}");
        }
        let all: String =
            (0..20).map(|i| std::fs::read_to_string(a.path().join(format!("doc_{i:07}.txt"))).unwrap()).collect();
        // Invented officials replace the lexicon's persons.
        assert!(all.contains("Minister ") && !all.contains("Shinzo Abe"), "names substituted");
        let manifest = std::fs::read_to_string(a.path().join("manifest.csv")).unwrap();
        let years: std::collections::BTreeSet<&str> =
            manifest.lines().skip(1).map(|l| &l.split(',').nth(1).unwrap()[..4]).collect();
        assert!(years.len() > 10, "publication years spread: {years:?}");
    }

    #[test]
    fn years_shift_as_words_only() {
        assert_eq!(shift_years("In 1956 and 2001, not 12345 or 1850.", 10), "In 1966 and 2011, not 12345 or 1850.");
        assert_eq!(shift_years("by 2025", 10), "by 2025");
    }
}
