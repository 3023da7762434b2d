//! Matches found from where they can start: when every match of a pattern begins with
//! one of a few literals ("claim", "return", "joint"), the leftmost match is the one of
//! an anchored search at the first occurrence of such a literal where one succeeds. This
//! gives the matches of `Regex::find_iter` without its reverse search, whose lazy DFA, on
//! patterns with byte windows (`[^.;]{0,80}`), builds new states for nearly every
//! sentence and keeps clearing its cache.
//!
//! Soundness follows [`super`]: the literals are read with every `i` flag dropped and
//! looked up ASCII case-insensitively, literals with a non-ASCII letter are not used, and
//! a text holding KELVIN SIGN or LONG S is left to the plain regex.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, meta};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// A match of a [`super::Gated`] pattern, with `regex::Match`'s accessors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    /// The match `start..end` of `hay`.
    pub(super) fn new(hay: &'h str, start: usize, end: usize) -> Found<'h> {
        Found { hay, start, end }
    }

    /// Byte offset of the start of the match.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the match.
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The matched text.
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }

    /// Length of the match in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the match is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The groups of a match of a [`super::Gated`] pattern, with `regex::Captures`'s accessors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caps<'h> {
    hay: &'h str,
    groups: Vec<Option<(usize, usize)>>,
}

impl<'h> Caps<'h> {
    /// Group `i` (0: the whole match), `None` when it took no part in the match.
    pub fn get(&self, i: usize) -> Option<Found<'h>> {
        self.groups.get(i).copied().flatten().map(|(s, e)| Found::new(self.hay, s, e))
    }

    /// Number of groups, the whole match included.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Always false: the whole match is a group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub(super) fn of_regex(hay: &'h str, c: &regex::Captures<'h>) -> Caps<'h> {
        Caps { hay, groups: c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect() }
    }
}

impl<'h> std::ops::Index<usize> for Caps<'h> {
    type Output = str;

    /// The text of group `i`; panics when the group took no part in the match, as
    /// `regex::Captures` does.
    fn index(&self, i: usize) -> &str {
        self.get(i).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

/// Up to this many literal occurrences are tried one by one without a forward search first.
const FEW: usize = 3;

/// A pattern searched from where its matches can start.
#[derive(Clone, Debug)]
pub(super) struct Starts {
    re: meta::Regex,
    /// The literals every match begins with (ASCII case-insensitive, overlapping).
    firsts: AhoCorasick,
}

impl Starts {
    /// `None` when the pattern has no such literals (then the plain regex serves).
    pub(super) fn new(pattern: &str, case_insensitive: bool) -> Option<Starts> {
        let firsts = first_literals(pattern)?;
        let firsts = super::literal_searcher(&firsts, MatchKind::Standard).ok()?;
        // The configuration `regex::Regex` uses, so the matches are the same.
        let re = meta::Builder::new()
            .configure(meta::Config::new().match_kind(regex_automata::MatchKind::LeftmostFirst).utf8_empty(true))
            .syntax(regex_automata::util::syntax::Config::new().case_insensitive(case_insensitive).utf8(true))
            .build(pattern)
            .ok()?;
        Some(Starts { re, firsts })
    }

    /// Whether `s` can be searched here (it holds no letter that folds to an ASCII one).
    pub(super) fn serves(s: &str) -> bool {
        !super::folds_to_ascii(s)
    }

    /// Where matches can start in `s`, ascending.
    fn candidates(&self, s: &str) -> Vec<usize> {
        let mut v: Vec<usize> = self.firsts.find_overlapping_iter(s).map(|m| m.start()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Every match of `s`, leftmost-first and not overlapping, as `Regex::find_iter`.
    /// Complexity: one literal pass, then one anchored search per literal occurrence up to
    /// each match's start; past [`FEW`] occurrences left, a forward search first bounds
    /// them by the match's end (or finds there is none).
    pub(super) fn find_iter<'h>(&self, s: &'h str) -> impl Iterator<Item = Found<'h>> + use<'_, 'h> {
        self.find_iter_from(s, self.candidates(s))
    }

    /// [`Starts::find_iter`] with the literal occurrences already known (`cands`, ascending).
    pub(super) fn find_iter_from<'h>(&self, s: &'h str, cands: Vec<usize>) -> impl Iterator<Item = Found<'h>> + use<'_, 'h> {
        let mut next = 0;
        let mut at = 0;
        std::iter::from_fn(move || {
            let end = if cands.len() - next > FEW {
                self.re.search_half(&Input::new(s).span(at..s.len()))?.offset()
            } else {
                s.len()
            };
            while let Some(&p) = cands.get(next).filter(|&&p| p <= end) {
                next += 1;
                if p < at {
                    continue;
                }
                if let Some(m) = self.re.search(&Input::new(s).span(p..s.len()).anchored(Anchored::Yes)) {
                    // Every match begins with a literal, so it is never empty.
                    at = m.end();
                    return Some(Found::new(s, m.start(), m.end()));
                }
            }
            None
        })
    }

    /// The first match of `s`, as `Regex::find`.
    pub(super) fn find<'h>(&self, s: &'h str) -> Option<Found<'h>> {
        self.find_iter(s).next()
    }

    /// The groups of match `m` (found by [`Starts::find_iter`]).
    pub(super) fn captures<'h>(&self, s: &'h str, m: Found<'h>) -> Caps<'h> {
        let mut caps: Captures = self.re.create_captures();
        // As `regex` does: the groups are read on the match's own span (look-around still
        // sees the whole text).
        self.re.search_captures(&Input::new(s).span(m.range()).anchored(Anchored::Yes), &mut caps);
        let groups = (0..caps.group_len()).map(|i| caps.get_group(i).map(|g| (g.start, g.end))).collect();
        Caps { hay: s, groups }
    }
}

/// The literals (lower case) every match of `pattern` begins with, read with every `i`
/// flag dropped; `None` when there is no such finite set of non-empty ASCII-letter literals.
pub(super) fn first_literals(pattern: &str) -> Option<Vec<String>> {
    let hir = super::case_sensitive_hir(pattern)?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let mut out: Vec<String> = Vec::new();
    for l in seq.literals()? {
        let s = std::str::from_utf8(l.as_bytes()).ok()?;
        if s.is_empty() || s.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
            return None;
        }
        out.push(s.to_ascii_lowercase());
    }
    out.sort();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(re: &regex::Regex, s: &str) -> Vec<(usize, usize)> {
        re.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn first_literals_are_what_every_match_begins_with() {
        assert_eq!(
            first_literals(r"(?i)\b(?:claims?|insist\w*)\b[^.;]{0,80}?\bislands\b").unwrap(),
            vec!["claim", "claims", "insist"]
        );
        // A pattern that can begin anywhere has none.
        assert_eq!(first_literals(r"\w+\s+islands"), None);
        assert_eq!(first_literals(r"(?:the )?\d+"), None);
        assert_eq!(first_literals(r"\bétat\b"), None);
    }

    /// The same matches as `regex` where candidate starts overlap, a window allows several
    /// starts, a lazy window prefers the nearer end, and a start fails before a later one.
    #[test]
    fn matches_are_those_of_regex() {
        let pats = [
            (r"\b(?:claims?|claimed)\b[^.;]{0,30}?\b(?:islands|isles)\b", true),
            (r"\b(?:return\w*|hand\w* over)\b[^.;]{0,40}\bislands?\b", true),
            (r"\btwo (?:of the )?(?:[\w-]+ ){0,2}(?:islands|isles)\b", true),
            (r"(?i)\b(?:the|this) (?:offer|proposal)\b[^.;]{0,20}?\b(rejected|withdrawn)\b", false),
        ];
        let texts = [
            "Japan claims claims the islands and claimed the isles; Claims islands.",
            "It returned, handed over and returns the island, the islands. Return islands",
            "two of the four islands, two small islands and two islands-two isles",
            "This offer was rejected, the proposal withdrawn; this proposal. The offer rejected",
            "claimed\u{212A} islands by ſome, the KLAIMS islands",
            "",
        ];
        for (p, ci) in pats {
            let re = regex::RegexBuilder::new(p).case_insensitive(ci).build().unwrap();
            let st = Starts::new(p, ci).expect("the pattern begins with literals");
            for t in texts.iter().filter(|t| Starts::serves(t)) {
                let got: Vec<(usize, usize)> = st.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(got, spans(&re, t), "{p} on {t:?}");
                for m in st.find_iter(t) {
                    let c = re.captures_at(t, m.start()).unwrap();
                    assert_eq!(st.captures(t, m), Caps::of_regex(t, &c), "{p} on {t:?}");
                }
            }
        }
    }
}
