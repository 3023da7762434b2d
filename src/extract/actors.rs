//! Persons in a sentence: lexicon names in any spelling or order, names after a
//! title or rank, and surnames resolved by the document's other mentions and the
//! event date against office terms; also side words ("Russian", "Tokyo"). It builds no graph nodes.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{Lexicon, Person};
use super::wordset::WordSet;
use crate::date::PartialDate;

/// Who a name mention is.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Full name as an analyst writes it, given name first.
    pub name: String,
    /// Side (ISO alpha-2, `SU` for the Soviet Union), when known.
    pub country: Option<String>,
    /// Office at the event date, or the title as read.
    pub role: Option<String>,
    /// The lexicon entry, if any.
    pub lexicon: Option<usize>,
}

/// A name-like run of a sentence as read from the sentence alone, before it is resolved to
/// a person ([`Actors::candidates`], [`Actors::resolve`]).
#[derive(Clone, Debug)]
pub struct Candidate<'s> {
    start: usize,
    end: usize,
    title_start: usize,
    /// The name's words, initials left out (one to three).
    words: Vec<&'s str>,
    full_key: String,
    surname_key: String,
    /// The title words before the name, folded (empty without).
    title: String,
    honorific: bool,
    possessive: bool,
    /// An apposition or speech verb closes the name.
    closed: bool,
    /// The role before the name's comma, read when `title` is empty and `closed`.
    before: Option<String>,
    /// The role in apposition after the name.
    after: Option<String>,
    /// The noun phrase of "… identified only as X".
    identified: Option<String>,
    /// A name found by the grammar around it may be taken (not a headline, no place word).
    weak_ok: bool,
}

/// A person mention in a sentence (byte offsets into the sentence).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Where the title before the name starts (== `start` without title).
    pub title_start: usize,
    pub actor: Actor,
    /// Followed by a possessive ("Putin's visit").
    pub possessive: bool,
    /// Named in full (not by surname alone).
    pub full: bool,
    /// Not a name but a description resolved to a person ("the premier"): the rule that did it.
    pub implied: Option<&'static str>,
}

/// A name-like mention that could not be resolved, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Unresolved {
    pub text: String,
    pub reason: String,
    pub start: usize,
    pub end: usize,
}

/// A side word ("Japanese", "Moscow", "the Soviet Union") in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct SideWord {
    pub start: usize,
    pub end: usize,
    pub code: String,
    /// Part of a compound such as "Soviet-Japanese" (names both sides, not an actor).
    pub compound: bool,
    pub adjective: bool,
}

/// Spelling variants folded before lexicon look-up (transliterations of Russian names).
const VARIANTS: &[(&str, &str)] = &[
    ("aleksandr", "alexander"),
    ("aleksei", "alexei"),
    ("alexey", "alexei"),
    ("andrey", "andrei"),
    ("dmitri", "dmitry"),
    ("evgeny", "yevgeny"),
    ("georgi", "georgy"),
    ("grigori", "grigory"),
    ("sergei", "sergey"),
    ("yevgeni", "yevgeny"),
    ("yuriy", "yuri"),
];

/// Capitalised words that start sentences or name things, never persons.
const STOP: &[&str] = &[
    "a",
    "according",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "are",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "cold",
    "despite",
    "dr",
    "during",
    "each",
    "earlier",
    "eventually",
    "every",
    "finally",
    "for",
    "former",
    "from",
    "he",
    "her",
    "here",
    "his",
    "however",
    "if",
    "in",
    "indeed",
    "initially",
    "instead",
    "is",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "mr",
    "mrs",
    "ms",
    "new",
    "next",
    "no",
    "not",
    "now",
    "of",
    "officially",
    "on",
    "once",
    "other",
    "please",
    "previously",
    "recently",
    "said",
    "say",
    "says",
    "separately",
    "she",
    "since",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "today",
    "under",
    "was",
    "we",
    "were",
    "when",
    "while",
    "will",
    "with",
    "yesterday",
    "yet",
];

/// `w` (lower case) is one of [`STOP`].
fn is_stop(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STOP));
    SET.contains(w)
}

/// `w` (lower case) is one of [`THING_WORDS`].
fn is_thing_word(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(THING_WORDS));
    SET.contains(w)
}

/// Words that make a capitalised run an organisation, a place or a thing.
const THING_WORDS: &[&str] = &[
    "administration",
    "meeting",
    "talks",
    "conference",
    "visit",
    "kurils",
    "kuriles",
    "territory",
    "embassy",
    "consulate",
    "affairs",
    "agreement",
    "asia",
    "bureau",
    "committee",
    "communist",
    "cooperation",
    "council",
    "declaration",
    "democratic",
    "department",
    "east",
    "economic",
    "europe",
    "federation",
    "forces",
    "forum",
    "group",
    "island",
    "islands",
    "kuril",
    "kurile",
    "liberal",
    "ministry",
    "nations",
    "news",
    "northern",
    "ocean",
    "pacific",
    "parliament",
    "party",
    "political",
    "republic",
    "sea",
    "security",
    "south",
    "states",
    "territories",
    "times",
    "treaty",
    "union",
    "war",
    "west",
    "western",
    "world",
    "pact",
    "ashore",
    "nuclear",
    "agency",
    "agencies",
    "press",
    "bank",
    "fund",
    "summit",
    "forum",
    "museum",
    "university",
    "institute",
    "center",
    "centre",
    "prefecture",
    "pref",
    "peninsula",
    "monitor",
    "volume",
    "issue",
    "strait",
    "straits",
    "river",
    "mount",
    "north",
    "military",
    "navy",
    "army",
    "fleet",
    "command",
    "assembly",
    "staff",
    "shimbun",
    "palace",
    "airport",
    "radio",
    "reports",
    "television",
    "tv",
    "daily",
    "herald",
    "post",
    "journal",
    "gazette",
    "review",
    "tribune",
    "service",
    "office",
    "cabinet",
    "government",
    "duma",
    "diet",
    "house",
    "senate",
    "association",
    "society",
    "foundation",
    "company",
    "corporation",
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `w` (lower case) is one of [`MONTH_WORDS`].
fn is_month(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONTH_WORDS));
    SET.contains(w)
}

/// `w` (lower case) is one of [`WEEKDAYS`].
fn is_weekday(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WEEKDAYS));
    SET.contains(w)
}

static RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.)(?:[ \t]*\n?[ \t]*(?:\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.))*").unwrap()
});
/// [`RUN`] with ASCII word boundaries: the same matches where [`super::boundaries::boundaries_are_ascii`].
static RUN_ASCII: LazyLock<Regex> = LazyLock::new(|| super::boundaries::ascii_boundaries(&RUN));
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}[\p{L}\p{M}.\-]*").unwrap());

/// The matches of [`WORD`] in `t` as byte spans, first to last.
///
/// On ASCII text (nearly every sentence) they are read by hand: a WORD match is a maximal
/// run of letters, dots and hyphens from its first letter on (in ASCII `\p{L}` is a letter
/// and there is no `\p{M}`). Other text goes through the regex.
fn word_spans(t: &str) -> Vec<(usize, usize)> {
    if !t.is_ascii() {
        return WORD.find_iter(t).map(|m| (m.start(), m.end())).collect();
    }
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_ascii_word_byte(b[i]) {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

/// The last match of [`WORD`] in `t[..end]` (an ASCII text), as a byte span: see [`word_spans`].
fn last_ascii_word(t: &[u8], end: usize) -> Option<(usize, usize)> {
    let mut i = end;
    loop {
        while i > 0 && !is_ascii_word_byte(t[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            return None;
        }
        let run_end = i;
        while i > 0 && is_ascii_word_byte(t[i - 1]) {
            i -= 1;
        }
        if let Some(first) = t[i..run_end].iter().position(u8::is_ascii_alphabetic) {
            return Some((i + first, run_end));
        }
    }
}

/// A byte that continues a [`WORD`] match in ASCII text.
fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'.' || b == b'-'
}
static BYLINE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:original|written|reported|reporting|translated|edited|editing|photos?|compiled) by\b").unwrap()
});
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s*$").unwrap());
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:original|written|reported|reporting|translated|edited|editing|writing|photo|photos|interview|compiled) by|\breporter|\bcorrespondent|\bwriter|\bcolumnist|\beditor|^\s*\(?by)\s*$").unwrap()
});

/// What may follow a name in apposition: a comma, the end of the clause, a quote.
static APPOSITION_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"^\s*(?:[,.;:)"”]|$)"#).unwrap());
/// A possessive determiner opening a noun phrase: "his", "their", "Obuchi's".
static POSSESSOR_NP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?i:his|her|their|its)|\p{Lu}[\p{L}.\-]*['’]s)\s+").unwrap());

/// "an official identified only as X": the reporter's way of naming someone.
static IDENTIFIED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:identified|named|known)(?: only)? as\s*$").unwrap());

/// Words inside multi-word titles ("secretary of state") that never end a title.
const FUNCTION_WORDS: &[&str] = &["a", "an", "and", "for", "of", "the", "to"];

/// Words that may stand before a title in a noun phrase ("the former", "a senior").
const MODIFIERS: &[&str] = &[
    "a", "acting", "also", "an", "appointed", "chief", "current", "currently", "ex", "first", "former", "his", "her",
    "incoming", "influential", "its", "longtime", "new", "newly", "now", "outgoing", "powerful", "senior",
    "the", "their", "then", "top", "veteran",
];

/// A headline or title line: most longer words capitalised ("Russian Leader Is Now Eager to …").
fn is_headline(s: &str) -> bool {
    // Words of at least four letters, and how many of them start with a capital.
    let (mut long, mut caps) = (0usize, 0usize);
    if s.is_ascii() {
        // The same words read byte by byte: ASCII white space as `char::is_whitespace` has it.
        for w in s.as_bytes().split(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) {
            if w.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 4 {
                long += 1;
                caps += usize::from(w[0].is_ascii_uppercase());
            }
        }
    } else {
        for w in s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4) {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    let ended = s.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
    !ended && long >= 3 && caps * 4 >= long * 3
}

/// Lower-case, accent-free, variant-folded key of a name.
///
/// Each word's key is computed once per thread and remembered (the key is a pure function
/// of the word, and a corpus has far fewer distinct name words than mentions).
pub fn name_key(words: &[&str]) -> String {
    thread_local! {
        static KEYS: std::cell::RefCell<FxHashMap<String, String>> = std::cell::RefCell::new(FxHashMap::default());
    }
    /// Remembered words per thread; past this the memory is cleared and refilled.
    const MAX_KEYS: usize = 1 << 16;
    KEYS.with_borrow_mut(|keys| {
        if keys.len() >= MAX_KEYS {
            keys.clear();
        }
        let mut out = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            match keys.get(*w) {
                Some(k) => out.push_str(k),
                None => {
                    let k = word_key(w);
                    out.push_str(&k);
                    keys.insert(w.to_string(), k);
                }
            }
        }
        out
    })
}

/// The key of one word of a name (see [`name_key`]).
fn word_key(w: &str) -> String {
    let s = crate::graph::slug(w).replace('-', "");
    let s = VARIANTS.iter().find(|(v, _)| *v == s).map(|(_, c)| c.to_string()).unwrap_or(s);
    super::names::fold_word(&s)
}

/// Fold a "Russian" side into "Soviet" before June 1991, when Russia (the RSFSR, with an
/// elected president) began to act for itself; from then on "Russian" names Russia.
pub fn side_at(code: &str, date: Option<PartialDate>) -> String {
    match (code, date) {
        ("RU", Some(d)) if d.year < 1991 || (d.year == 1991 && d.month.is_some_and(|m| m < 6)) => "SU".into(),
        _ => code.into(),
    }
}

/// What a title text says, read once per title ([`Actors::title_facts`]).
struct TitleFacts {
    /// [`Actors::title_office`].
    office: Option<(String, Option<String>)>,
    /// The side code of its nationality adjective, if any.
    nationality: Option<String>,
}

/// The compiled person and side matchers, built once per extractor.
pub struct Actors {
    /// full-name key → lexicon index
    full: FxHashMap<String, usize>,
    /// surname key → lexicon indices
    surnames: FxHashMap<String, Vec<usize>>,
    /// lowercase title-vocabulary words
    title_words: FxHashSet<String>,
    titles: Vec<(String, String, Option<String>)>,
    /// Every title phrase, found anywhere (overlapping): which titles a title text can hold.
    title_matcher: AhoCorasick,
    nationality: HashMap<String, String>,
    side_matcher: AhoCorasick,
    side_codes: Vec<(String, bool)>,
    place_words: FxHashSet<String>,
    /// Unique per instance: keys the per-thread memory of [`Actors::title_office`].
    id: u64,
}

impl Actors {
    pub fn new(lx: &Lexicon) -> Actors {
        let mut full = FxHashMap::default();
        let mut surnames: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, p) in lx.persons.iter().enumerate() {
            let mut forms = vec![p.name.clone()];
            forms.extend(p.aliases.iter().cloned());
            for f in forms {
                let words: Vec<&str> = f.split_whitespace().filter(|w| !is_initial(w)).collect();
                full.insert(name_key(&words), i);
                if p.side == "JP" || p.side == "CN" {
                    let mut rev = words.clone();
                    rev.reverse();
                    full.insert(name_key(&rev), i);
                }
            }
            surnames.entry(name_key(&[p.surname()])).or_default().push(i);
        }
        let mut title_words: Vec<String> = Vec::new();
        for t in &lx.titles {
            title_words.extend(t.phrase.split(' ').map(String::from));
        }
        let mut nationality = HashMap::new();
        let mut pats = Vec::new();
        let mut side_codes = Vec::new();
        for (w, code, usage) in &lx.nationalities {
            title_words.extend(w.split(' ').map(String::from));
            if usage == "adjective" {
                nationality.insert(w.clone(), code.clone());
            }
            pats.push(capitalise(w));
            side_codes.push((code.clone(), usage == "adjective"));
        }
        let title_words: FxHashSet<String> = title_words.into_iter().collect();
        let side_matcher =
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&pats).expect("side words compile");
        let place_words: FxHashSet<String> =
            lx.places.iter().map(|p| p.name.to_lowercase()).chain(lx.islands.iter().map(|(n, _)| n.to_lowercase())).collect();
        let titles = lx.titles.iter().map(|t| (t.phrase.clone(), t.office.clone(), t.country.clone())).collect();
        let title_matcher = AhoCorasick::new(lx.titles.iter().map(|t| &t.phrase)).expect("titles compile");
        static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Actors { full, surnames, title_words, titles, title_matcher, nationality, side_matcher, side_codes, place_words, id }
    }

    /// Side words of a sentence.
    pub fn sides(&self, s: &str) -> Vec<SideWord> {
        let b = s.as_bytes();
        self.side_matcher
            .find_iter(s)
            .filter(|m| is_word_boundary(b, m.start(), m.end()))
            .map(|m| {
                let (code, adjective) = self.side_codes[m.pattern().as_usize()].clone();
                let compound = (m.start() > 0 && b[m.start() - 1] == b'-') || b.get(m.end()) == Some(&b'-');
                SideWord { start: m.start(), end: m.end(), code, compound, adjective }
            })
            .collect()
    }

    /// Find and resolve the person mentions of a sentence.
    ///
    /// `date` is the event date used to pick among namesakes; `known` the persons
    /// already named in the document (surname key → actor), updated in place.
    /// Same as [`Self::resolve`] of [`Self::candidates`].
    pub fn mentions(
        &self,
        lx: &Lexicon,
        s: &str,
        date: Option<PartialDate>,
        known: &mut HashMap<String, Actor>,
    ) -> (Vec<Mention>, Vec<Unresolved>) {
        self.resolve(lx, s, &self.candidates(s), date, known)
    }

    /// The name-like runs of a sentence with everything read from the sentence alone (offsets,
    /// words, title, appositions): what does not depend on the date or the persons known, so a
    /// document's passes over its sentences read it once.
    pub fn candidates<'s>(&self, s: &'s str) -> Vec<Candidate<'s>> {
        let mut out = Vec::new();
        let headline = is_headline(s);
        let runs = if super::boundaries::boundaries_are_ascii(s) { &*RUN_ASCII } else { &*RUN };
        // An ASCII sentence is lower-cased once: each token's lower case is a slice of it.
        let low = s.is_ascii().then(|| s.to_ascii_lowercase());
        for run in runs.find_iter(s) {
            // Tokens of the run with their offsets.
            let toks: Vec<(usize, usize, &str)> = word_spans(run.as_str())
                .into_iter()
                .map(|(a, b)| (run.start() + a, run.start() + b, &run.as_str()[a..b]))
                .collect();
            // Each token lower-cased once (`str::to_lowercase`, which is ASCII lower case on ASCII).
            let lows: Vec<std::borrow::Cow<str>> = toks
                .iter()
                .map(|&(a, b, w)| match &low {
                    Some(l) => std::borrow::Cow::Borrowed(&l[a..b]),
                    None => std::borrow::Cow::Owned(w.to_lowercase()),
                })
                .collect();
            // A token in lower case without its trailing dots.
            let bare = |k: usize| lows[k].trim_end_matches('.');
            // Peel title, side, stop and month words from the left; months from the right.
            let mut i = 0;
            while i < toks.len() {
                let l = bare(i);
                let is_title = |w: &str| self.is_title_word(w);
                // "Sakhalin Governor Oleg Kozhemyako": a place word qualifying the title that follows.
                let place_title = self.is_place_word(l) && i + 1 < toks.len() && is_title(bare(i + 1));
                // "Separately, …": an adverb opening the sentence.
                let opener = toks[i].0 == 0 && l.len() > 4 && l.ends_with("ly");
                if is_stop(l) || is_month(l) || is_title(l) || place_title || opener {
                    i += 1;
                } else {
                    break;
                }
            }
            let mut j = toks.len();
            while j > i && (is_month(&lows[j - 1]) || is_weekday(&lows[j - 1])) {
                j -= 1;
            }
            // "Security Council Secretary Igor Ivanov": organisation words, a title, then the name.
            if let Some(p) = (i + 1..j.saturating_sub(1)).rev().find(|&p| self.in_title_words(bare(p))) {
                i = p + 1;
            }
            let name_toks = &toks[i..j];
            if name_toks.is_empty() {
                continue;
            }
            let (start, end) = (name_toks[0].0, name_toks[name_toks.len() - 1].1);
            let lower = &lows[i..j];
            if lower.iter().any(|w| is_thing_word(w)) || self.is_place_word(&lower.join(" ")) {
                continue;
            }
            // Bylines: "By X", "reporter X", and every name of "(Japanese original by X, …, and Y, …)".
            let paren = s[..run.start()].rfind('(').filter(|&p| !s[p..run.start()].contains(')'));
            if tail_matches(&BYLINE, s, run.start()) || paren.is_some_and(|p| BYLINE_PAREN.is_match(&s[p..run.start()])) {
                continue;
            }
            let words: Vec<&str> = name_toks.iter().map(|t| t.2).filter(|w| !is_initial(w)).collect();
            if words.is_empty() || words.len() > 3 {
                continue;
            }
            // The title: title words inside the run before the name (after any stop word), then
            // lower-case ones before the run.
            let mut k = i;
            while k > 0 && !is_stop(bare(k - 1)) && !is_month(bare(k - 1)) {
                k -= 1;
            }
            let title_start = match (k, toks.first()) {
                (0, Some(t)) => self.title_start(s, t.0.min(start)),
                (0, None) => self.title_start(s, start),
                _ if k < i => toks[k].0,
                _ => start,
            };
            let title = fold(&s[title_start..start]);
            let honorific = tail_matches(&HONORIFIC, s, run.start()) || tail_matches(&HONORIFIC, s, start);
            let possessive = ["'s", "’s", "`s"].iter().any(|p| s[end..].starts_with(p));
            // Evidence around the name: "his counterpart, X," before it; "X, the Japanese ambassador," after it.
            let closed = APPOSITION_CLOSE.is_match(&s[end..]) || super::names::speaks(s, start, end);
            // Read only when the title stays empty (no plural title before covers the name either).
            let before = if title.is_empty() && closed { self.role_before(s, title_start) } else { None };
            let after = self.role_after(&s[end..]);
            // "A Russian Foreign Ministry official identified only as X": the noun phrase before says who.
            let identified = IDENTIFIED.find(&s[..start]).map(|m| {
                let np = &s[..m.start()];
                let cut = np.rfind([',', ';', ':', '(', '"', '“', '”']).map_or(0, |p| p + 1);
                fold(&np[cut..])
            });
            let weak_ok = !headline && !words.iter().any(|w| self.is_place_or_side(w));
            out.push(Candidate {
                start,
                end,
                title_start,
                full_key: name_key(&words),
                surname_key: name_key(&words[words.len() - 1..]),
                words,
                title,
                honorific,
                possessive,
                closed,
                before,
                after,
                identified,
                weak_ok,
            });
        }
        out
    }

    /// Resolve the `candidates` of sentence `s` to persons: `date` is the event date used to
    /// pick among namesakes; `known` the persons already named in the document (surname key →
    /// actor), updated in place.
    pub fn resolve(
        &self,
        lx: &Lexicon,
        s: &str,
        candidates: &[Candidate<'_>],
        date: Option<PartialDate>,
        known: &mut HashMap<String, Actor>,
    ) -> (Vec<Mention>, Vec<Unresolved>) {
        let mut out = Vec::new();
        let mut unresolved = Vec::new();
        let mut plural_title: Option<(usize, String)> = None;
        for c in candidates {
            let Candidate { start, end, title_start, honorific, possessive, closed, weak_ok, .. } = *c;
            let (words, full_key, surname_key, identified) = (&c.words, &c.full_key, &c.surname_key, &c.identified);
            let title = c.title.clone();
            // "Deputy Foreign Ministers X and Y": the plural title covers the next name too.
            let title = match &plural_title {
                Some((e, t)) if title.is_empty() && *e <= start && matches!(s[*e..start].trim(), "and" | "," | ", and") => {
                    t.clone()
                }
                _ => title,
            };
            let pre_title = !title.is_empty();
            let before = if title.is_empty() && closed { c.before.clone() } else { None };
            let after = &c.after;
            let title = match (&before, after) {
                _ if !title.is_empty() && self.title_office(&title).is_some() => title,
                (Some(b), _) if self.title_office(b).is_some() => b.clone(),
                (_, Some(a)) => a.clone(),
                _ => title,
            };
            let actor = if let Some(a) = known.get(full_key).filter(|_| words.len() >= 2) {
                // A person found from a title earlier, named again in full.
                Ok(Some(a.clone()))
            } else if let Some(a) =
                known.get(surname_key).filter(|a| words.len() >= 2 && a.lexicon.is_none() && !a.name.contains(' '))
            {
                // "Ambassador Matsumoto" first, "Shunichi Matsumoto" later: the full name completes the person.
                Ok(Some(Actor { name: words.join(" "), ..a.clone() }))
            } else if words.len() == 1 {
                self.by_surname(lx, surname_key, &title, date, known).map(|a| {
                    a.or_else(|| {
                        // "Emperor Akihito", "Ambassador Sato": a title names a person the lexicon lacks.
                        let title = identified.clone().unwrap_or_else(|| title.clone());
                        let (role, _) = self.title_office(&title)?;
                        (weak_ok && (pre_title || before.is_some() || identified.is_some()) && !honorific).then(|| Actor {
                            name: words[0].to_string(),
                            country: self.title_side(&title, date)
                                .or_else(|| self.sides(&title).into_iter().find(|w| !w.compound).map(|w| side_at(&w.code, date))),
                            role: Some(role),
                            lexicon: None,
                        })
                    })
                })
            } else {
                self.by_full_name(lx, &words, full_key, &title, date).map(|a| {
                    a.or_else(|| {
                        // "said Ivan Petrov", "his adviser, Ivan Petrov,": a person by the grammar around the name.
                        if !weak_ok {
                            return None;
                        }
                        let role = before.as_ref().filter(|b| POSSESSOR_NP.is_match(b)).map(|b| fold(&POSSESSOR_NP.replace(b, "")));
                        let role = role.or_else(|| identified.as_ref().and_then(|t| self.title_office(t)).map(|(o, _)| o));
                        let country = identified
                            .as_ref()
                            .and_then(|t| self.sides(t).into_iter().find(|w| !w.compound))
                            .map(|w| side_at(&w.code, date));
                        (role.is_some() || identified.is_some() || super::names::speaks(s, start, end))
                            .then(|| Actor { name: words.join(" "), country, role: role.filter(|r| !r.is_empty()), lexicon: None })
                    })
                })
            };
            match actor {
                Ok(Some(mut actor)) => {
                    let name_words: Vec<String> = actor.name.split(' ').map(String::from).collect();
                    let name_words: Vec<&str> = name_words.iter().map(String::as_str).collect();
                    if actor.country.is_none() {
                        // "Obuchi's spokesman, X": the possessor's side.
                        let possessor = before.as_ref().and_then(|b| {
                            let lo = title_start.saturating_sub(b.len() + 4);
                            out.iter().rev().find(|m: &&Mention| m.possessive && m.start >= lo)
                        });
                        actor.country = self
                            .apposition_side(s, end, date)
                            .or_else(|| {
                                before
                                    .as_deref()
                                    .and_then(|b| self.sides(b).into_iter().find(|w| !w.compound))
                                    .map(|w| side_at(&w.code, date))
                            })
                            .or_else(|| possessor.and_then(|m| m.actor.country.clone()))
                            .or_else(|| self.possessive_state(&s[..title_start], date))
                            .or_else(|| self.counterpart_side(&title, &out))
                            .or_else(|| super::names::side_by_form(&name_words, date));
                    }
                    known.insert(name_key(&name_words[name_words.len() - 1..]), actor.clone());
                    known.insert(name_key(&name_words), actor.clone());
                    if let Some(l) = actor.lexicon {
                        known.insert(name_key(&[lx.persons[l].surname()]), actor.clone());
                    }
                    let plural = title.split(' ').any(|w| {
                        let l = w.to_lowercase();
                        l.len() > 3 && l.strip_suffix('s').is_some_and(|sg| self.in_title_words(sg))
                    });
                    plural_title = plural.then(|| (end, title.clone()));
                    out.push(Mention { start, end, title_start, actor, possessive, full: words.len() >= 2, implied: None });
                }
                Ok(None) => {
                    let reason = if honorific {
                        Some("surname not in the lexicon and not named in full before")
                    } else if words.len() >= 2 && words.iter().all(|w| !w.contains('-')) {
                        Some("capitalised name not in the lexicon and not introduced by a title")
                    } else {
                        None
                    };
                    if let Some(reason) = reason {
                        unresolved.push(Unresolved { text: fold(&s[start..end]), reason: reason.into(), start, end });
                    }
                }
                Err(reason) => {
                    unresolved.push(Unresolved { text: fold(&s[title_start..end]), reason, start, end });
                }
            }
        }
        (out, unresolved)
    }

    /// Walk back over title words (any case) and side adjectives before `pos`.
    ///
    /// Reads the 256 bytes before `pos` and the whole prefix only when the walk
    /// reaches the start of that window, so a sentence of many names costs
    /// linear, not quadratic, time.
    fn title_start(&self, s: &str, pos: usize) -> usize {
        let from = floor_char(s, pos.saturating_sub(256));
        match self.title_walk(s, from, pos) {
            (_, true) if from > 0 => self.title_walk(s, 0, pos).0,
            (start, _) => start,
        }
    }

    /// The walk of [`Self::title_start`] over the words of `s[from..pos]`;
    /// `true` when it went past every one of them.
    fn title_walk(&self, s: &str, from: usize, pos: usize) -> (usize, bool) {
        let text = &s[from..pos];
        if text.is_ascii() {
            // Last word first, read backwards only as far as the walk goes.
            let mut end = text.len();
            let words = std::iter::from_fn(|| {
                let (a, b) = last_ascii_word(text.as_bytes(), end)?;
                end = a;
                Some((from + a, &text[a..b]))
            });
            self.walk_back(s, pos, words)
        } else {
            let words: Vec<(usize, &str)> = WORD.find_iter(text).map(|m| (from + m.start(), m.as_str())).collect();
            self.walk_back(s, pos, words.into_iter().rev())
        }
    }

    /// The walk of [`Self::title_walk`] over `words` (start offset in `s`, word), last first.
    fn walk_back<'s>(&self, s: &str, pos: usize, words: impl Iterator<Item = (usize, &'s str)>) -> (usize, bool) {
        let mut start = pos;
        for (n, (ws, w)) in words.enumerate() {
            // "chairman of the X": a title ending in a function word governs a phrase, not a name.
            if n == 0 && s[ws + w.len()..pos].trim().is_empty() && FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) {
                return (pos, false);
            }
            // Only white space between this word and the title so far.
            let gap = &s[ws + w.len()..start];
            if !gap.trim().is_empty() {
                return (start, false);
            }
            let l = w.to_lowercase();
            if self.is_title_word(&l) {
                start = ws;
            } else {
                return (start, false);
            }
        }
        (start, true)
    }

    /// [`Self::title_walk`] as first written: every word of `s[from..pos]` through [`WORD`].
    #[cfg(test)]
    fn title_walk_by_regex(&self, s: &str, from: usize, pos: usize) -> (usize, bool) {
        let mut start = pos;
        let words: Vec<(usize, &str)> = WORD.find_iter(&s[from..pos]).map(|m| (from + m.start(), m.as_str())).collect();
        if words.last().is_some_and(|(ws, w)| {
            s[ws + w.len()..pos].trim().is_empty() && FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
        }) {
            return (pos, false);
        }
        for &(ws, w) in words.iter().rev() {
            let gap = &s[ws + w.len()..start];
            if !gap.trim().is_empty() {
                return (start, false);
            }
            if self.is_title_word(&w.to_lowercase()) {
                start = ws;
            } else {
                return (start, false);
            }
        }
        (start, true)
    }

    /// Whether a word is a place or side word ("Moscow", "Japanese"): no part of a name found by weak evidence.
    fn is_place_or_side(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        self.is_place_word(&l) || self.nationality.contains_key(&l) || !self.sides(w).is_empty()
    }

    fn is_modifier(&self, w: &str) -> bool {
        let l = w.to_lowercase();
        MODIFIERS.contains(&l.as_str())
            || l.ends_with("'s")
            || l.ends_with("’s")
            || self.nationality.contains_key(&l)
    }

    /// The longest title phrase that ends `lower` at a word boundary, with its word count.
    fn title_suffix(&self, lower: &str) -> Option<usize> {
        self.titles
            .iter()
            .map(|(p, _, _)| p)
            .filter(|p| lower == p.as_str() || words_suffix(lower, p))
            .map(|p| p.split(' ').count())
            .max()
    }

    /// "A Japanese Foreign Ministry spokesman, X," / "his counterpart, X,": the noun phrase
    /// before the comma that ends at `pos`, when its head is a title or it opens with a possessive.
    fn role_before(&self, s: &str, pos: usize) -> Option<String> {
        let before = s[..pos].trim_end().strip_suffix(',')?;
        let cut = before.rfind([',', ';', ':', '(', '"', '“', '”', '—', '–']).map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
        let words: Vec<&str> = before[cut..].split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        if let Some(n) = self.title_suffix(&words.join(" ").to_lowercase()) {
            let mut idx = words.len() - n;
            while idx > 0 && (self.is_modifier(words[idx - 1]) || self.is_org_word(words[idx - 1])) {
                idx -= 1;
            }
            return Some(words[idx..].join(" "));
        }
        // "his foreign-affairs adviser, X": a possessive and at most three lower-case words.
        let tail = words.len().saturating_sub(4);
        let p = (tail..words.len()).rev().find(|&i| POSSESSOR_NP.is_match(&format!("{} ", words[i])))?;
        let rest = &words[p + 1..];
        (!rest.is_empty() && rest.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')))
            .then(|| words[p..].join(" "))
    }

    /// A capitalised word of an organisation inside a title ("Foreign Ministry", "Defense Agency").
    fn is_org_word(&self, w: &str) -> bool {
        w.chars().next().is_some_and(char::is_uppercase) && self.in_title_words(&w.to_lowercase())
    }

    /// ", the Japanese ambassador," / ", secretary general of the party": a title heading the
    /// apposition after a name (only modifiers before it).
    fn role_after(&self, rest: &str) -> Option<String> {
        let r = rest.strip_prefix(", ")?;
        let seg = r.split([',', ';', '(', ')']).next().unwrap_or("");
        let seg = seg.trim_end().trim_end_matches(['.', '"', '”', '\'', '’']);
        let words: Vec<&str> = seg.split_whitespace().collect();
        let first = words.iter().position(|w| !self.is_modifier(w))?;
        if first > 4 {
            return None;
        }
        let head = words[first..].join(" ").to_lowercase();
        // The title must not introduce a name of its own (", Japanese Minister Y told").
        let ok = self.titles.iter().any(|(p, _, _)| {
            (head == *p || words_prefix(&head, p))
                && words.get(first + p.split(' ').count()).is_none_or(|w| !w.chars().next().is_some_and(char::is_uppercase))
        });
        ok.then(|| fold(&words.join(" ")))
    }

    /// "Japan's Foreign Minister X", "Moscow's envoy X": the side of a possessive state word
    /// ending the text before the title.
    fn possessive_state(&self, before: &str, date: Option<PartialDate>) -> Option<String> {
        let b = before.trim_end();
        let stem = ["'s", "’s", "`s"].iter().find_map(|p| b.strip_suffix(p))?;
        let w = self.sides(stem).into_iter().rfind(|w| w.end == stem.len() && !w.compound)?;
        Some(side_at(&w.code, date))
    }

    /// `w` is one of the title words.
    fn in_title_words(&self, w: &str) -> bool {
        self.title_words.contains(w)
    }

    /// `w` is a place or island name, lower case.
    fn is_place_word(&self, w: &str) -> bool {
        self.place_words.contains(w)
    }

    /// A word of the title vocabulary, singular or plural ("ministers").
    fn is_title_word(&self, w: &str) -> bool {
        self.in_title_words(w) || w.strip_suffix('s').is_some_and(|s| s.len() > 2 && self.in_title_words(s))
    }

    /// The office (and its side, if the title says) a title text names: the longest title
    /// phrase in it as whole words, plural title words read as singular.
    fn title_office(&self, title: &str) -> Option<(String, Option<String>)> {
        self.title_facts(title, |f| f.office.clone())
    }

    /// `f` of what `title` says ([`TitleFacts`]).
    ///
    /// A pure function of `title` for one `Actors`; each thread remembers the facts for the
    /// `Actors` it used last (a document's three passes and its namesakes ask for the same
    /// few titles again and again).
    fn title_facts<R>(&self, title: &str, f: impl FnOnce(&TitleFacts) -> R) -> R {
        type Memo = (u64, FxHashMap<String, TitleFacts>);
        thread_local! {
            static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new((u64::MAX, FxHashMap::default()));
        }
        /// Remembered titles per thread; past this the memory is cleared and refilled.
        const MAX_TITLES: usize = 1 << 14;
        MEMO.with_borrow_mut(|(id, memo)| {
            if *id != self.id || memo.len() >= MAX_TITLES {
                memo.clear();
                *id = self.id;
            }
            if let Some(v) = memo.get(title) {
                return f(v);
            }
            let v = TitleFacts { office: self.read_title_office(title), nationality: self.read_title_nationality(title) };
            let r = f(&v);
            memo.insert(title.to_string(), v);
            r
        })
    }

    /// The side code of the longest nationality adjective in `title` as whole words (before
    /// the date folds "RU" into "SU"); of two as long, the first in alphabetical order (not
    /// the map's order, which changes from run to run).
    fn read_title_nationality(&self, title: &str) -> Option<String> {
        let t = title.to_lowercase();
        self.nationality
            .iter()
            .filter(|(w, _)| contains_words(&t, w))
            .max_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| b.0.cmp(a.0)))
            .map(|(_, c)| c.clone())
    }

    /// [`Self::title_office`] computed afresh.
    fn read_title_office(&self, title: &str) -> Option<(String, Option<String>)> {
        let t: Vec<String> = title
            .to_lowercase()
            .split(' ')
            .map(|w| match w.strip_suffix('s') {
                Some(sg) if self.in_title_words(sg) => sg.to_string(),
                _ => w.to_string(),
            })
            .collect();
        let t = t.join(" ");
        // Only the phrases occurring in `t` at all are checked for word boundaries.
        let mut found = vec![false; self.titles.len()];
        for m in self.title_matcher.find_overlapping_iter(&t) {
            found[m.pattern().as_usize()] = true;
        }
        self.titles
            .iter()
            .zip(found)
            .filter(|(_, f)| *f)
            .map(|(t, _)| t)
            .filter(|(p, _, _)| contains_words(&t, p))
            .max_by_key(|(p, _, _)| p.len())
            .map(|(_, o, c)| (o.clone(), c.clone()))
    }

    /// The side a title names at `date`: its nationality adjective, else its office's side.
    fn title_side(&self, title: &str, date: Option<PartialDate>) -> Option<String> {
        self.title_facts(title, |f| {
            f.nationality.as_deref().map(|c| side_at(c, date)).or_else(|| f.office.as_ref().and_then(|(_, c)| c.clone()))
        })
    }

    fn lexicon_actor(&self, lx: &Lexicon, i: usize, title: &str, date: Option<PartialDate>) -> Actor {
        let p = &lx.persons[i];
        let role = date.and_then(|d| p.office_at(d)).map(|o| o.office.clone());
        let role = role.or_else(|| self.title_office(title).map(|(o, _)| o));
        Actor { name: p.name.clone(), country: Some(p.side.clone()), role, lexicon: Some(i) }
    }

    /// The person a name of two or three words names; `full_key` is the [`name_key`] of `words`.
    fn by_full_name(
        &self,
        lx: &Lexicon,
        words: &[&str],
        full_key: &str,
        title: &str,
        date: Option<PartialDate>,
    ) -> Result<Option<Actor>, String> {
        if let Some(&i) = self.full.get(full_key) {
            return Ok(Some(self.lexicon_actor(lx, i, title, date)));
        }
        // "Sergei Lavrov Kremlin …": a known name followed by another capitalised word.
        if words.len() == 3
            && let Some(&i) = self.full.get(&name_key(&words[..2]))
        {
            return Ok(Some(self.lexicon_actor(lx, i, title, date)));
        }
        // "Mikhail Sergeyevich Gorbachev": a middle name or patronymic between given name and surname.
        if words.len() == 3
            && let Some(&i) = self.full.get(&name_key(&[words[0], words[2]]))
        {
            return Ok(Some(self.lexicon_actor(lx, i, title, date)));
        }
        // A name not in the lexicon is a person only when a title or rank says so
        // (a side word alone, as in "Russia Coordinating Meeting", does not).
        let Some((role, _)) = self.title_office(title) else { return Ok(None) };
        Ok(Some(Actor {
            name: words.join(" "),
            country: self.title_side(title, date),
            role: Some(role),
            lexicon: None,
        }))
    }

    /// The person a surname alone names; `key` is its [`name_key`].
    fn by_surname(
        &self,
        lx: &Lexicon,
        key: &str,
        title: &str,
        date: Option<PartialDate>,
        known: &HashMap<String, Actor>,
    ) -> Result<Option<Actor>, String> {
        if let Some(a) = known.get(key) {
            return Ok(Some(a.clone()));
        }
        let Some(cands) = self.surnames.get(key) else {
            return Ok(None);
        };
        let pick = |i: usize| Ok(Some(self.lexicon_actor(lx, i, title, date)));
        // "Ambassador Matsumoto" in 1956 is not the foreign minister of 2011: a title no namesake
        // ever held, a decade from every namesake's terms, names someone else.
        if let (Some((o, _)), Some(d)) = (self.title_office(title), date) {
            let held = cands.iter().any(|&i| lx.persons[i].offices.iter().any(|x| office_like(&x.office, &o)));
            let near = cands.iter().any(|&i| lx.persons[i].distance(d) <= 3650);
            if !held && !near {
                return Ok(None);
            }
        }
        if cands.len() == 1 {
            return pick(cands[0]);
        }
        let Some(d) = date else {
            return Err(format!("surname shared by {} people and no date to choose", cands.len()));
        };
        // The title narrows namesakes to the one holding that office at the date.
        let office = self.title_office(title).map(|(o, _)| o);
        let score = |p: &Person| {
            let fits = office.as_ref().is_none_or(|o| p.offices.iter().any(|x| &x.office == o && x.distance(d) == 0));
            (!fits, p.distance(d))
        };
        let mut ranked: Vec<(usize, (bool, i64))> = cands.iter().map(|&i| (i, score(&lx.persons[i]))).collect();
        ranked.sort_by_key(|&(i, s)| (s, i));
        if ranked[0].1 == ranked[1].1 {
            let names: Vec<&str> = ranked.iter().map(|(i, _)| lx.persons[*i].name.as_str()).collect();
            return Err(format!("ambiguous surname at {d}: {}", names.join(" or ")));
        }
        pick(ranked[0].0)
    }

    /// "X–the head of the Russian Defense Ministry's…", "X of the Soviet Union": the side in an apposition.
    fn apposition_side(&self, s: &str, end: usize, date: Option<PartialDate>) -> Option<String> {
        let rest = &s[end..];
        let opener = ["–", "—", "--", ",", " of the ", " of "].iter().find(|o| rest.starts_with(**o))?;
        // After a comma only a noun phrase headed by a title is an apposition (", the Russian
        // envoy,"), not the next clause (", Hatoyama flew to Moscow").
        if *opener == "," && self.role_after(rest).is_none() {
            return None;
        }
        let tail = &rest[opener.len()..];
        // An apposition opened by a comma closes at the next one (", secretary general of the
        // party, went to Moscow": Moscow is where he went, not his side).
        let closers: &[char] = if *opener == "," { &['–', '—', ')', ';', ','] } else { &['–', '—', ')', ';'] };
        let stop = tail.find(closers).unwrap_or(tail.len()).min(100);
        let seg = &tail[..floor_char(tail, stop)];
        self.sides(seg).into_iter().find(|w| !w.compound).map(|w| side_at(&w.code, date))
    }

    /// "his counterpart X": the other side of the person named before.
    fn counterpart_side(&self, title: &str, before: &[Mention]) -> Option<String> {
        if !contains_words(&title.to_lowercase(), "counterpart") {
            return None;
        }
        let other = before.last()?.actor.country.clone()?;
        match other.as_str() {
            "JP" => Some("RU".into()),
            "RU" | "SU" => Some("JP".into()),
            _ => None,
        }
    }
}

/// Whether two office names are the same office ("ambassador" / "ambassador to japan",
/// "premier" / "prime minister").
pub fn office_like(a: &str, b: &str) -> bool {
    fn norm(o: &str) -> &str {
        if o == "premier" { "prime minister" } else { o }
    }
    let (a, b) = (norm(a), norm(b));
    a == b || words_prefix(a, b) || words_prefix(b, a)
}

/// Whether `s` begins with the words of `prefix` followed by a space ("ambassador to japan" / "ambassador").
fn words_prefix(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(' '))
}

/// Whether `s` ends with the words of `suffix` after a space ("deputy foreign minister" / "foreign minister").
fn words_suffix(s: &str, suffix: &str) -> bool {
    s.strip_suffix(suffix).is_some_and(|rest| rest.ends_with(' '))
}

/// `re.is_match(&s[..end])` for a pattern anchored at the end (`…\s*$`) whose
/// text before the trailing white space is under 64 bytes, or anchored at the
/// start of `s` (a sentence, which never starts with white space). Reads from
/// 64 bytes before that white space, with the context before it (`\b`, `^`)
/// respected: constant cost however long the prefix.
fn tail_matches(re: &Regex, s: &str, end: usize) -> bool {
    let body = s[..end].trim_end().len();
    re.is_match_at(&s[..end], floor_char(s, body.saturating_sub(64)))
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_initial(w: &str) -> bool {
    w.len() == 2 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalise each word of a lower-case phrase; short ones with dots are acronyms ("u.s." → "U.S.").
pub fn capitalise(w: &str) -> String {
    if w.len() <= 4 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '.') {
        return w.to_uppercase();
    }
    w.split(' ')
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `needle` occurs in `hay` as whole words.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| is_word_boundary(hay.as_bytes(), i, i + needle.len()))
}

/// Whether `start..end` of `b` is delimited by non-alphanumeric bytes.
pub fn is_word_boundary(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let after = end >= b.len() || !b[end].is_ascii_alphanumeric();
    before && after
}

fn fold(s: &str) -> String {
    crate::corpus::fold_ws(s)
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&RUN);
    LazyLock::force(&RUN_ASCII);
    LazyLock::force(&WORD);
    LazyLock::force(&BYLINE_PAREN);
    LazyLock::force(&HONORIFIC);
    LazyLock::force(&BYLINE);
    LazyLock::force(&APPOSITION_CLOSE);
    LazyLock::force(&POSSESSOR_NP);
    LazyLock::force(&IDENTIFIED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_test_reads_ascii_like_any_text() {
        // As first written: every word through `char` predicates.
        let by_chars = |s: &str| {
            let long: Vec<&str> = s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
            let caps = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
            !s.trim_end().ends_with(['.', '!', '?', '"', '”', ':']) && long.len() >= 3 && caps * 4 >= long.len() * 3
        };
        let mut heads = 0;
        for s in [
            "Russian Leader Is Now Eager to Visit Tokyo",
            "Russian Leader Is Now Eager to Visit Tokyo.",
            "Putin\u{b}Visits\u{c}Tokyo\r\nToday",
            "  Japan,  Russia   Agree on Talks ",
            "The prime minister said on Tuesday that talks would resume",
            "(Abe) \"Meets\" Putin-san 2019 Summit",
            "Abe Meets Putin In Sochi, Ünlü Talks",
            "",
        ] {
            assert_eq!(is_headline(s), by_chars(s), "{s:?}");
            heads += usize::from(is_headline(s));
        }
        assert!(heads >= 3, "{heads}");
    }

    fn lx() -> &'static Lexicon {
        static L: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(None).unwrap());
        &L
    }

    fn run(s: &str, date: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let a = Actors::new(lx());
        let mut known = HashMap::new();
        let (m, _) = a.mentions(lx(), s, Some(date.parse().unwrap()), &mut known);
        m.into_iter().map(|m| (m.actor.name, m.actor.country, m.actor.role)).collect()
    }

    /// `sentence @ event date => [(name, country, role)]`
    macro_rules! persons {
        ($($name:ident: $s:expr, $d:expr => [$(($n:expr, $c:expr, $r:expr)),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<(String, Option<String>, Option<String>)> =
                    vec![$(($n.to_string(), $c.map(String::from), $r.map(String::from))),*];
                assert_eq!(run($s, $d), want);
            }
        )*};
    }

    persons! {
        comma_apposition_ends_at_its_comma: "Last week Kenji Moriyama, chairman of a ruling party caucus, flew to Moscow for talks", "1990-05" =>
            [("Kenji Moriyama", Some("JP"), Some("chairman"))],
        koizumi_putin: "Prime Minister Junichiro Koizumi met President Vladimir Putin in Moscow on Jan. 10", "2003-01-10" =>
            [("Junichiro Koizumi", Some("JP"), Some("prime minister")), ("Vladimir Putin", Some("RU"), Some("president"))],
        kishida_fm: "Foreign Minister Fumio Kishida will visit Moscow next month", "2016-09" =>
            [("Fumio Kishida", Some("JP"), Some("foreign minister"))],
        suga_ccs: "Chief Cabinet Secretary Yoshihide Suga told reporters on Monday", "2018-05" =>
            [("Yoshihide Suga", Some("JP"), Some("chief cabinet secretary"))],
        unknown_deputy_fm: "Russian Deputy Foreign Minister Ivan Petrovsky arrived", "2015-05" =>
            [("Ivan Petrovsky", Some("RU"), Some("deputy foreign minister"))],
        soviet_before_1992: "Russian Deputy Foreign Minister Ivan Petrovsky arrived", "1988-05" =>
            [("Ivan Petrovsky", Some("SU"), Some("deputy foreign minister"))],
        rank_with_apposition: "Colonel General Pavel Orlov–the head of the Russian General Staff's department–flew in", "2001-01" =>
            [("Pavel Orlov", Some("RU"), Some("colonel general"))],
        lowercase_title: "Russian government spokesman Ivan Sokolov said", "2019-01" =>
            [("Ivan Sokolov", Some("RU"), Some("government spokesman"))],
        counterpart_with_side: "Deputy Foreign Minister Oleg Ivanenko and his Japanese counterpart Kenji Sato presided", "2003-01" =>
            [("Oleg Ivanenko", Some("RU"), Some("deputy foreign minister")), ("Kenji Sato", Some("JP"), Some("counterpart"))],
        counterpart_other_side: "Sergei Lavrov and his counterpart Kenji Sato met", "2009-01" =>
            [("Sergey Lavrov", Some("RU"), Some("foreign minister")), ("Kenji Sato", Some("JP"), Some("counterpart"))],
        spokesman_of_ministry: "According to Japanese Foreign Ministry spokesman Kenta Mori, it failed", "1990-01" =>
            [("Kenta Mori", Some("JP"), Some("foreign ministry spokesman"))],
        family_name_first: "a meeting between Prime Minister Tanaka Kakuei and Leonid I. Brezhnev, general secretary", "1973-10" =>
            [("Kakuei Tanaka", Some("JP"), Some("prime minister")), ("Leonid Brezhnev", Some("SU"), Some("general secretary"))],
        spelling_variants: "Andrey Gromyko met Aleksandr Yakovlev and Igor Sergeev", "1988-01" =>
            [("Andrei Gromyko", Some("SU"), Some("chairman of the presidium")), ("Alexander Yakovlev", Some("SU"), Some("politburo member")), ("Igor Sergeyev", Some("RU"), None::<&str>)],
        kono_2000: "Kono will visit Moscow", "2000-11" => [("Yohei Kono", Some("JP"), Some("foreign minister"))],
        kono_2019: "Kono said", "2019-02" => [("Taro Kono", Some("JP"), Some("foreign minister"))],
        title_picks_namesake: "Defense Minister Ivanov arrived", "2003-01" => [("Sergei Ivanov", Some("RU"), Some("defense minister"))],
        possessive_and_title: "United States president Nixon's historic visit to China", "1972-02" =>
            [("Richard Nixon", Some("US"), Some("president"))],
        byline_is_not_an_actor: "(Japanese original by Ichiro Tanabe, Political News Department, and Taro Kono, Moscow Bureau)", "2019-01" => [],
        medvedev_kunashir: "Medvedev visited Kunashir in November 2010", "2010-11" => [("Dmitry Medvedev", Some("RU"), Some("president"))],
        appositive_title: "talks will start, Chikahito Harada, Japan's special representative for Russia, said", "2016-05" =>
            [("Chikahito Harada", Some("JP"), Some("special representative"))],
        side_word_is_no_title: "Japan, Russia Coordinating Meeting of Deputy Foreign Ministers", "2017-07" => [],
        weekday_after_name: "Foreign Minister Sergei Lavrov Monday said", "2016-01" =>
            [("Sergey Lavrov", Some("RU"), Some("foreign minister"))],
        morgulov: "Russian Deputy Foreign Minister Igor Morgulov", "2016-01" => [("Igor Morgulov", Some("RU"), Some("deputy foreign minister"))],
        kishi_2021_is_the_defense_minister: "Defense Minister Kishi said the drills were regrettable", "2021-09" =>
            [("Nobuo Kishi", Some("JP"), Some("defense minister"))],
        kishi_1957_is_the_prime_minister: "Kishi said", "1957-05" => [("Nobusuke Kishi", Some("JP"), Some("prime minister"))],
        kono_2020_defense: "Kono said", "2020-03" => [("Taro Kono", Some("JP"), Some("defense minister"))],
        komura_under_fukuda: "Komura will visit Moscow", "2008-03" => [("Masahiko Komura", Some("JP"), Some("foreign minister"))],
        machimura_briefly_fm: "Machimura said", "2007-08" => [("Nobutaka Machimura", Some("JP"), Some("foreign minister"))],
        fradkov_premier: "Russian Prime Minister Mikhail Fradkov met Koizumi", "2005-01" =>
            [("Mikhail Fradkov", Some("RU"), Some("prime minister")), ("Junichiro Koizumi", Some("JP"), Some("prime minister"))],
        ryzhkov_soviet: "Soviet Premier Nikolai Ryzhkov received Abe", "1989-05" =>
            [("Nikolai Ryzhkov", Some("SU"), Some("premier")), ("Shintaro Abe", Some("JP"), None::<&str>)],
        sakhalin_governor: "Sakhalin Governor Oleg Kozhemyako said", "2017-06" =>
            [("Oleg Kozhemyako", Some("RU"), Some("governor"))],
        regional_title: "Hokkaido Governor Naomi Takahashi and Sakhalin Governor Valery Limarenko signed the memorandum", "2019-05" =>
            [("Naomi Takahashi", Some("JP"), Some("governor")), ("Valery Limarenko", Some("RU"), Some("governor"))],
        galuzin_in_tokyo: "Russian Ambassador Mikhail Galuzin said", "2019-01" =>
            [("Mikhail Galuzin", Some("RU"), Some("ambassador to japan"))],
        title_before_comma: "A Japanese Foreign Ministry spokeswoman, Emiko Hoshino, said the talks went well", "2004-03" =>
            [("Emiko Hoshino", Some("JP"), Some("foreign ministry spokeswoman"))],
        counterpart_before_comma: "Deputy Foreign Minister Pavel Orlov told his Japanese counterpart, Kenji Morita, that Moscow agreed", "2008-03" =>
            [("Pavel Orlov", Some("RU"), Some("deputy foreign minister")), ("Kenji Morita", Some("JP"), Some("counterpart"))],
        possessor_spokesman: "Mori's spokesman, Hideo Tanaka, said the premier was tired", "2000-09" =>
            [("Yoshiro Mori", Some("JP"), Some("prime minister")), ("Hideo Tanaka", Some("JP"), Some("spokesman"))],
        title_heads_the_apposition: "Hideki Ono, secretary general of the ruling party and an adviser to the cabinet, flew in", "1990-02" =>
            [("Hideki Ono", Some("JP"), Some("secretary-general"))],
        apposition_after_a_stop_word: "It was agreed yesterday.But Pyotr Volkov, acting chairman of the Russian parliament, disagreed", "1991-09" =>
            [("Pyotr Volkov", Some("RU"), Some("chairman"))],
        possessive_apposition: "He came with his closest aide-de-camp, Goro Inoue, and a nurse", "1960-05" =>
            [("Goro Inoue", Some("JP"), Some("aide"))],
        speech_verb_names_a_person: "\"We are ready,\" said Anatoly Grushin.", "1993-05" => [("Anatoly Grushin", Some("RU"), None::<&str>)],
        title_names_an_unknown_surname: "\"A fine day,\" said Ambassador Kurokawa.", "1958-05" => [("Kurokawa", Some("JP"), Some("ambassador"))],
        short_surname_has_no_side_by_form: "\"A fine day,\" said Ambassador Ota.", "1958-05" => [("Ota", None::<&str>, Some("ambassador"))],
        old_namesake_does_not_fit: "Ambassador Matsumoto said", "1956-10" => [("Matsumoto", Some("JP"), Some("ambassador"))],
        identified_only_as: "A Russian Foreign Ministry official identified only as Petrenko raised it", "2006-11" =>
            [("Petrenko", Some("RU"), Some("foreign ministry official"))],
        organisation_then_title: "Security Council Secretary Igor Ivanov will visit Tokyo", "2006-01" =>
            [("Igor Ivanov", Some("RU"), Some("security council secretary"))],
        headline_is_not_a_person: "Russian Leader Is Now Eager to Talk With Japan", "1991-09" => [],
        place_after_comma_is_no_person: "amid the crisis in Ukraine, Japanese Deputy Minister Kenji Sato told reporters", "2014-05" =>
            [("Kenji Sato", Some("JP"), Some("deputy minister"))],
        name_once_without_role_is_not_guessed: "The plan was drafted by Ivan Sergeyev in May", "1995-05" => [],
        plural_title_covers_both_names: "Deputy Foreign Ministers Pavel Orlov and Kenji Morita met in Tokyo.", "2012-03" =>
            [("Pavel Orlov", Some("RU"), Some("deputy foreign minister")), ("Kenji Morita", Some("JP"), Some("deputy foreign minister"))],
        next_clause_is_no_apposition: "With his adviser, Goro Inoue, Hatoyama flew to Moscow", "1956-10" =>
            [("Goro Inoue", Some("JP"), Some("adviser")), ("Ichiro Hatoyama", Some("JP"), Some("prime minister"))],
        emperor_alone: "Gromyko called on Hirohito", "1972-01" =>
            [("Andrei Gromyko", Some("SU"), Some("foreign minister")), ("Hirohito", Some("JP"), Some("emperor"))],
        patronymic: "Mikhail Sergeyevich Gorbachev arrived", "1991-04" => [("Mikhail Gorbachev", Some("SU"), Some("president"))],
        possessive_state_side: "Japan's envoy Goro Hoshi and Russia's envoy Ivan Belykh met", "2010-01" =>
            [("Goro Hoshi", Some("JP"), Some("envoy")), ("Ivan Belykh", Some("RU"), Some("envoy"))],
        newspaper_is_no_speaker: "\"It is over,\" said Hokkaido Daily, citing sources.", "2010-01" => [],
        apposition_ends_the_sentence: "\"We are ready,\" said Pavel Sidorov, Russia's first deputy prime minister.", "2012-09" =>
            [("Pavel Sidorov", Some("RU"), Some("first deputy prime minister"))],
        of_phrase_is_no_title: "Ivan Sokolov, chairman of the Liberal-Democratic party's board, said", "1961-08" =>
            [("Ivan Sokolov", Some("SU"), Some("chairman"))],
        places_are_not_people: "Under Nakasone, the Northern Territories and the Habomai Islands stayed", "1985-01" =>
            [("Yasuhiro Nakasone", Some("JP"), Some("prime minister"))],
    }

    #[test]
    fn ambiguous_surname_is_reported_not_guessed() {
        let a = Actors::new(lx());
        let mut known = HashMap::new();
        // Both Kono held the foreign ministry; in 2010 neither is nearer than the other? Yohei is.
        let (m, u) = a.mentions(lx(), "Mr. Hatoyama said", Some("1955-01".parse().unwrap()), &mut known);
        assert_eq!(m.len(), 1, "{u:?}");
        assert_eq!(m[0].actor.name, "Ichiro Hatoyama");
        let (m, u) = a.mentions(lx(), "Mr. Bush said", None, &mut HashMap::new());
        assert!(m.is_empty());
        assert!(u[0].reason.contains("no date"), "{u:?}");
        let (m, u) = a.mentions(lx(), "Mr. Smithers said", None, &mut HashMap::new());
        assert!(m.is_empty());
        assert_eq!(u[0].text, "Smithers");
        let (m, u) = a.mentions(lx(), "Ivan Smithers and the Liberal Democratic Party", None, &mut HashMap::new());
        assert!(m.is_empty());
        assert_eq!(u.iter().map(|u| u.text.as_str()).collect::<Vec<_>>(), vec!["Ivan Smithers"]);
    }

    #[test]
    fn apposition_picks_the_namesake() {
        let a = Actors::new(lx());
        let (m, u) = a.mentions(
            lx(),
            "Mr. Ivanov, the Russian foreign minister, said",
            Some("2001-03-26".parse().unwrap()),
            &mut HashMap::new(),
        );
        assert!(u.is_empty(), "{u:?}");
        assert_eq!(m[0].actor.name, "Igor Ivanov");
        let (_, u) = a.mentions(lx(), "Mr. Ivanov said", Some("2001-03-26".parse().unwrap()), &mut HashMap::new());
        assert!(u[0].reason.contains("Igor Ivanov or Sergei Ivanov"), "{u:?}");
    }

    #[test]
    fn titled_newcomer_is_known_by_full_name_and_surname_later() {
        let a = Actors::new(lx());
        let mut known = HashMap::new();
        let d = Some("2015-05".parse().unwrap());
        a.mentions(lx(), "Russian Deputy Foreign Minister Ivan Petrovsky arrived.", d, &mut known);
        let (m, u) = a.mentions(lx(), "Ivan Petrovsky said that Petrovsky would stay.", d, &mut known);
        assert!(u.is_empty(), "{u:?}");
        let got: Vec<(&str, Option<&str>)> =
            m.iter().map(|m| (m.actor.name.as_str(), m.actor.country.as_deref())).collect();
        assert_eq!(got, vec![("Ivan Petrovsky", Some("RU")), ("Ivan Petrovsky", Some("RU"))]);
    }

    #[test]
    fn earlier_mentions_win_over_office_dates() {
        let a = Actors::new(lx());
        let mut known = HashMap::new();
        let d = Some("2019-02".parse().unwrap());
        a.mentions(lx(), "Former Foreign Minister Yohei Kono spoke.", d, &mut known);
        let (m, _) = a.mentions(lx(), "Kono added that", d, &mut known);
        assert_eq!(m[0].actor.name, "Yohei Kono");
    }

    #[test]
    fn remembered_title_offices_equal_fresh_ones() {
        let a = Actors::new(lx());
        let b = Actors::new(lx());
        let mut titles: Vec<String> = lx().titles.iter().map(|t| t.phrase.clone()).collect();
        titles.extend(lx().titles.iter().map(|t| format!("Russian {}s", capitalise(&t.phrase))));
        titles.extend(["", "his counterpart", "Japanese Foreign Ministry spokesman", "the lake"].map(String::from));
        let mut offices = 0;
        // Twice, each time alternating two instances: the second round reads the memory.
        for _ in 0..2 {
            for t in &titles {
                let fresh = a.read_title_office(t);
                offices += usize::from(fresh.is_some());
                assert_eq!(a.title_office(t), fresh, "{t:?}");
                assert_eq!(b.title_office(t), fresh, "{t:?}");
                for date in [None, Some("1985-05".parse().unwrap()), Some("2005-05".parse().unwrap())] {
                    let side = a.read_title_nationality(t).map(|c| side_at(&c, date)).or_else(|| fresh.clone().and_then(|(_, c)| c));
                    assert_eq!(a.title_side(t, date), side, "{t:?}");
                }
            }
        }
        assert!(offices >= 2 * lx().titles.len(), "{offices}");
    }

    /// Sentences with titles, odd punctuation and non-ASCII text, for the hand-read words.
    const ODD_TEXTS: &[&str] = &[
        "Russian Deputy Foreign Minister Ivan Petrovsky arrived.",
        "-.Ab-c. said the chairman of the  Foreign Ministry's -- board, Prime\nMinister  Abe (Dr. Ōno)",
        "Sakhalin Governor Oleg Kozhemyako and U.S. Secretary of State Rex Tillerson met... ..x -y- z.",
        "The ex-premier, Mr. Sato - chief cabinet secretary - met Lavrov.",
        "",
        "  ... --- 123 ",
        "Président Jacques Chirac et Premier Ministre Jean-Pierre Raffarin",
        "x_Ivan Petrov,Ivan9 Sidorov_ and Mr.Lee of\tTokyo\n  Governor Oleg\n Kozhemyako; O. Sato-Kimura",
    ];

    #[test]
    fn ascii_runs_equal_the_unicode_runs() {
        let mut runs = 0;
        let curly = ["“Ivan Petrov,” said Governor Oleg Kozhemyako — Sato’s aide–Kenji\u{a0}Mori"];
        for t in ODD_TEXTS.iter().chain(&curly).filter(|t| super::super::boundaries::boundaries_are_ascii(t)) {
            let spans = |r: &Regex| r.find_iter(t).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(&RUN_ASCII), spans(&RUN), "{t:?}");
            runs += spans(&RUN).len();
        }
        assert!(runs >= 10, "{runs}");
        assert_ne!(RUN_ASCII.as_str(), RUN.as_str());
    }

    #[test]
    fn hand_read_words_equal_the_regex() {
        for t in ODD_TEXTS {
            let want: Vec<(usize, usize)> = WORD.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(word_spans(t), want, "{t:?}");
            if t.is_ascii() {
                for end in 0..=t.len() {
                    let last = WORD.find_iter(&t[..end]).last().map(|m| (m.start(), m.end()));
                    assert_eq!(last_ascii_word(t.as_bytes(), end), last, "{t:?} ..{end}");
                }
            }
        }
    }

    #[test]
    fn title_walk_equals_the_regex_walk() {
        let a = Actors::new(lx());
        let mut walked = 0;
        for t in ODD_TEXTS {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                for from in (0..=pos).filter(|&p| t.is_char_boundary(p)) {
                    let got = a.title_walk(t, from, pos);
                    assert_eq!(got, a.title_walk_by_regex(t, from, pos), "{t:?} {from}..{pos}");
                    walked += usize::from(got.0 < pos);
                }
            }
        }
        assert!(walked > 100, "{walked}");
    }

    #[test]
    fn side_words_mark_compounds() {
        let a = Actors::new(lx());
        let w = a.sides("the 1956 Soviet-Japanese declaration, Tokyo believes the US");
        let got: Vec<(&str, bool)> = w.iter().map(|w| (w.code.as_str(), w.compound)).collect();
        assert_eq!(got, vec![("SU", true), ("JP", true), ("JP", false), ("US", false)]);
    }

    /// Two nationality adjectives as long as each other: the same one wins in every run
    /// (each `Actors` hashes its map with its own random keys).
    #[test]
    fn a_tie_between_nationality_adjectives_does_not_depend_on_the_map_order() {
        for title in ["Japanese-American envoy", "American and Japanese envoys", "Russian and Chinese envoys"] {
            let got: Vec<Option<String>> = (0..16).map(|_| Actors::new(lx()).read_title_nationality(title)).collect();
            assert!(got.iter().all(|g| *g == got[0]), "{title}: {got:?}");
            assert!(got[0].is_some(), "{title}");
        }
        assert_eq!(Actors::new(lx()).read_title_nationality("Japanese-American envoy").as_deref(), Some("US"));
    }
}
