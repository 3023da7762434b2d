//! Persons in a sentence: lexicon names in any spelling or order, names after a
//! title or rank, and surnames resolved by the document's other mentions and the
//! event date against office terms; also side words ("Russian", "Tokyo"). It builds no graph nodes.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::lexicon::{Lexicon, Person};
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
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "cold",
    "despite",
    "during",
    "for",
    "former",
    "from",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "mr",
    "mrs",
    "ms",
    "dr",
    "of",
    "officially",
    "on",
    "once",
    "other",
    "please",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "to",
    "under",
    "we",
    "when",
    "while",
    "with",
    "yet",
];

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

static RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.)(?:[ \t]*\n?[ \t]*(?:\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}\.))*").unwrap()
});
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}[\p{L}\p{M}.\-]*").unwrap());
static BYLINE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:original|written|reported|translated|edited|photos?|compiled) by\b").unwrap()
});
static HONORIFIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s*$").unwrap());
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:original|written|reported|translated|edited|photo|interview|compiled) by|\breporter|\bcorrespondent|\bwriter|\bcolumnist|\beditor|^\s*\(?by)\s*$").unwrap()
});

/// Lower-case, accent-free, variant-folded key of a name.
pub fn name_key(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            let s = crate::graph::slug(w).replace('-', "");
            VARIANTS.iter().find(|(v, _)| *v == s).map(|(_, c)| c.to_string()).unwrap_or(s)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fold a "Russian" side into "Soviet" before 1992.
pub fn side_at(code: &str, date: Option<PartialDate>) -> String {
    match (code, date) {
        ("RU", Some(d)) if d.year < 1992 => "SU".into(),
        _ => code.into(),
    }
}

/// The compiled person and side matchers, built once per extractor.
pub struct Actors {
    /// full-name key → lexicon index
    full: HashMap<String, usize>,
    /// surname key → lexicon indices
    surnames: HashMap<String, Vec<usize>>,
    /// lowercase title-vocabulary words
    title_words: Vec<String>,
    titles: Vec<(String, String, Option<String>)>,
    nationality: HashMap<String, String>,
    side_matcher: AhoCorasick,
    side_codes: Vec<(String, bool)>,
    place_words: Vec<String>,
}

impl Actors {
    pub fn new(lx: &Lexicon) -> Actors {
        let mut full = HashMap::new();
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
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
        title_words.sort();
        title_words.dedup();
        let side_matcher =
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&pats).expect("side words compile");
        let mut place_words: Vec<String> = lx.places.iter().map(|p| p.name.to_lowercase()).collect();
        place_words.extend(lx.islands.iter().map(|(n, _)| n.to_lowercase()));
        place_words.sort();
        let titles = lx.titles.iter().map(|t| (t.phrase.clone(), t.office.clone(), t.country.clone())).collect();
        Actors { full, surnames, title_words, titles, nationality, side_matcher, side_codes, place_words }
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
    pub fn mentions(
        &self,
        lx: &Lexicon,
        s: &str,
        date: Option<PartialDate>,
        known: &mut HashMap<String, Actor>,
    ) -> (Vec<Mention>, Vec<Unresolved>) {
        let mut out = Vec::new();
        let mut unresolved = Vec::new();
        for run in RUN.find_iter(s) {
            // Tokens of the run with their offsets.
            let toks: Vec<(usize, usize, &str)> = WORD
                .find_iter(run.as_str())
                .map(|w| (run.start() + w.start(), run.start() + w.end(), w.as_str()))
                .collect();
            // Peel title, side, stop and month words from the left; months from the right.
            let mut i = 0;
            while i < toks.len() {
                let l = toks[i].2.to_lowercase();
                let l = l.trim_end_matches('.');
                let is_title = |w: &str| self.title_words.iter().any(|t| t == w);
                // "Sakhalin Governor Oleg Kozhemyako": a place word qualifying the title that follows.
                let place_title = self.place_words.iter().any(|p| p == l)
                    && toks.get(i + 1).is_some_and(|n| is_title(n.2.to_lowercase().trim_end_matches('.')));
                if STOP.contains(&l) || MONTH_WORDS.contains(&l) || is_title(l) || place_title {
                    i += 1;
                } else {
                    break;
                }
            }
            let mut j = toks.len();
            while j > i && {
                let l = toks[j - 1].2.to_lowercase();
                MONTH_WORDS.contains(&l.as_str()) || WEEKDAYS.contains(&l.as_str())
            } {
                j -= 1;
            }
            let name_toks = &toks[i..j];
            if name_toks.is_empty() {
                continue;
            }
            let (start, end) = (name_toks[0].0, name_toks[name_toks.len() - 1].1);
            let lower: Vec<String> = name_toks.iter().map(|t| t.2.to_lowercase()).collect();
            if lower.iter().any(|w| THING_WORDS.contains(&w.as_str())) || self.place_words.contains(&lower.join(" ")) {
                continue;
            }
            // Bylines: "By X", "reporter X", and every name of "(Japanese original by X, …, and Y, …)".
            let paren = s[..run.start()].rfind('(').filter(|&p| !s[p..run.start()].contains(')'));
            if BYLINE.is_match(&s[..run.start()]) || paren.is_some_and(|p| BYLINE_PAREN.is_match(&s[p..run.start()])) {
                continue;
            }
            let words: Vec<&str> = name_toks.iter().map(|t| t.2).filter(|w| !is_initial(w)).collect();
            if words.is_empty() || words.len() > 3 {
                continue;
            }
            // The title: title words inside the run before the name, then lower-case ones before the run.
            let title_start =
                self.title_start(s, toks.get(..i).and_then(|t| t.first()).map_or(start, |t| t.0).min(start));
            let title = fold(&s[title_start..start]);
            let honorific = HONORIFIC.is_match(&s[..run.start()]) || HONORIFIC.is_match(&s[..start]);
            let possessive = s[end..].starts_with("'s") || s[end..].starts_with("’s");
            let full_key = name_key(&words);
            let actor = if let Some(a) = known.get(&full_key).filter(|_| words.len() >= 2) {
                // A person found from a title earlier, named again in full.
                Ok(Some(a.clone()))
            } else if words.len() == 1 {
                // "Mr. Ivanov, the Russian foreign minister,": a title after the name counts too.
                let title = if title.is_empty() { appositive_title(&s[end..]) } else { title.clone() };
                self.by_surname(lx, words[0], &title, date, known)
            } else {
                // "Hiroshi Tajima, a minister of the Japanese Embassy": a title after the name.
                let after = appositive_title(&s[end..]);
                let title = if title.is_empty() && self.title_office(&after).is_some() { after } else { title.clone() };
                self.by_full_name(lx, &words, &title, date)
            };
            match actor {
                Ok(Some(actor)) => {
                    known.insert(name_key(&[actor.name.rsplit(' ').next().unwrap_or("")]), actor.clone());
                    let name_words: Vec<&str> = actor.name.split(' ').collect();
                    known.insert(name_key(&name_words), actor.clone());
                    if let Some(l) = actor.lexicon {
                        known.insert(name_key(&[lx.persons[l].surname()]), actor.clone());
                    }
                    let mut actor = actor;
                    if actor.country.is_none() {
                        actor.country =
                            self.apposition_side(s, end, date).or_else(|| self.counterpart_side(&title, &out));
                    }
                    out.push(Mention { start, end, title_start, actor, possessive, full: words.len() >= 2 });
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
    fn title_start(&self, s: &str, pos: usize) -> usize {
        let mut start = pos;
        // A title is a few words: look back over a bounded window, so a long sentence stays linear.
        let lo = floor_char(s, pos.saturating_sub(200));
        let before = &s[lo..pos];
        let words: Vec<(usize, &str)> = WORD.find_iter(before).map(|m| (lo + m.start(), m.as_str())).collect();
        for &(ws, w) in words.iter().rev() {
            // Only white space between this word and the title so far.
            let gap = &s[ws + w.len()..start];
            if !gap.trim().is_empty() {
                break;
            }
            let l = w.to_lowercase();
            if self.title_words.contains(&l) {
                start = ws;
            } else {
                break;
            }
        }
        start
    }

    fn title_office(&self, title: &str) -> Option<(String, Option<String>)> {
        let t = title.to_lowercase();
        self.titles
            .iter()
            .filter(|(p, _, _)| contains_words(&t, p))
            .max_by_key(|(p, _, _)| p.len())
            .map(|(_, o, c)| (o.clone(), c.clone()))
    }

    fn title_side(&self, title: &str, date: Option<PartialDate>) -> Option<String> {
        let t = title.to_lowercase();
        let nat = self
            .nationality
            .iter()
            .filter(|(w, _)| contains_words(&t, w))
            .max_by_key(|(w, _)| w.len())
            .map(|(_, c)| side_at(c, date));
        nat.or_else(|| self.title_office(title).and_then(|(_, c)| c))
    }

    fn lexicon_actor(&self, lx: &Lexicon, i: usize, title: &str, date: Option<PartialDate>) -> Actor {
        let p = &lx.persons[i];
        let role = date.and_then(|d| p.office_at(d)).map(|o| o.office.clone());
        let role = role.or_else(|| self.title_office(title).map(|(o, _)| o));
        Actor { name: p.name.clone(), country: Some(p.side.clone()), role, lexicon: Some(i) }
    }

    fn by_full_name(
        &self,
        lx: &Lexicon,
        words: &[&str],
        title: &str,
        date: Option<PartialDate>,
    ) -> Result<Option<Actor>, String> {
        if let Some(&i) = self.full.get(&name_key(words)) {
            return Ok(Some(self.lexicon_actor(lx, i, title, date)));
        }
        // "Sergei Lavrov Kremlin …": a known name followed by another capitalised word.
        if words.len() == 3
            && let Some(&i) = self.full.get(&name_key(&words[..2]))
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

    fn by_surname(
        &self,
        lx: &Lexicon,
        word: &str,
        title: &str,
        date: Option<PartialDate>,
        known: &HashMap<String, Actor>,
    ) -> Result<Option<Actor>, String> {
        let key = name_key(&[word]);
        if let Some(a) = known.get(&key) {
            return Ok(Some(a.clone()));
        }
        let Some(cands) = self.surnames.get(&key) else {
            return Ok(None);
        };
        let pick = |i: usize| Ok(Some(self.lexicon_actor(lx, i, title, date)));
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
        let tail = &rest[opener.len()..];
        let stop = tail.find(['–', '—', ')', ';']).unwrap_or(tail.len()).min(100);
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

fn appositive_title(rest: &str) -> String {
    let Some(r) = rest.strip_prefix(", ") else { return String::new() };
    let seg = r.split([',', ';', '(']).next().unwrap_or("");
    if seg.len() < 60 { fold(seg) } else { String::new() }
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

fn capitalise(w: &str) -> String {
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
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
            [("Oleg Ivanenko", None::<&str>, Some("deputy foreign minister")), ("Kenji Sato", Some("JP"), Some("counterpart"))],
        counterpart_other_side: "Sergei Lavrov and his counterpart Kenji Sato met", "2009-01" =>
            [("Sergey Lavrov", Some("RU"), Some("foreign minister")), ("Kenji Sato", Some("JP"), Some("counterpart"))],
        spokesman_of_ministry: "According to Japanese Foreign Ministry spokesman Kenta Mori, it failed", "1990-01" =>
            [("Kenta Mori", Some("JP"), Some("foreign ministry spokesman"))],
        family_name_first: "a meeting between Prime Minister Tanaka Kakuei and Leonid I. Brezhnev, general secretary", "1973-10" =>
            [("Kakuei Tanaka", Some("JP"), Some("prime minister")), ("Leonid Brezhnev", Some("SU"), Some("general secretary"))],
        spelling_variants: "Andrey Gromyko met Aleksandr Yakovlev and Igor Sergeev", "1988-01" =>
            [("Andrei Gromyko", Some("SU"), None::<&str>), ("Alexander Yakovlev", Some("SU"), Some("politburo member")), ("Igor Sergeyev", Some("RU"), None::<&str>)],
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
            [("Naomi Takahashi", None::<&str>, Some("governor")), ("Valery Limarenko", Some("RU"), Some("governor"))],
        galuzin_in_tokyo: "Russian Ambassador Mikhail Galuzin said", "2019-01" =>
            [("Mikhail Galuzin", Some("RU"), Some("ambassador to japan"))],
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
    fn side_words_mark_compounds() {
        let a = Actors::new(lx());
        let w = a.sides("the 1956 Soviet-Japanese declaration, Tokyo believes the US");
        let got: Vec<(&str, bool)> = w.iter().map(|w| (w.code.as_str(), w.compound)).collect();
        assert_eq!(got, vec![("SU", true), ("JP", true), ("JP", false), ("US", false)]);
    }
}
