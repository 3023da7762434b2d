//! Trigger literals of regular expressions: one aho-corasick pass over a text tells
//! which of a set of patterns can match it at all, so that each pattern runs only on
//! the texts that hold the literals every match of it contains.
//!
//! The literals come from the pattern itself (regex-syntax's literal extractor), so a cue
//! table edited in `data/` keeps its prefilter. Each part of a pattern that every match
//! must pass through (a word, a group of alternative words) gives a set of literals of
//! which one must occur; a pattern is open on a text when, for one of its top-level
//! alternatives, every such set has a literal in the text. A pattern with no usable
//! literal always runs.
//!
//! Soundness: case-insensitive matching is simple Unicode case folding. The literals are
//! read from the pattern with every `i` flag dropped and looked up ASCII case-insensitively;
//! a literal holding a non-ASCII letter is not used, and a text holding one of the two
//! non-ASCII letters that fold to an ASCII one (KELVIN SIGN `K` → k, LONG S `ſ` → s) opens
//! every pattern. So a pattern the gate keeps closed cannot match.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Hir, HirKind};

mod literals;
mod starts;
use literals::LiteralSet;
pub use starts::{Caps, Found};
use starts::Starts;

/// What a text must hold for a pattern to match it.
#[derive(Clone, Debug, PartialEq)]
enum Need<L> {
    /// Nothing known: always open.
    Nothing,
    /// This literal (ASCII case-insensitive).
    Literal(L),
    /// Every one of these.
    All(Vec<Need<L>>),
    /// One of these.
    Any(Vec<Need<L>>),
}

impl<L> Need<L> {
    fn all(v: Vec<Need<L>>) -> Need<L> {
        let mut v: Vec<Need<L>> = v.into_iter().filter(|n| !matches!(n, Need::Nothing)).collect();
        match v.len() {
            0 => Need::Nothing,
            1 => v.remove(0),
            _ => Need::All(v),
        }
    }

    fn any(mut v: Vec<Need<L>>) -> Need<L> {
        if v.iter().any(|n| matches!(n, Need::Nothing)) {
            Need::Nothing
        } else if v.len() == 1 {
            v.remove(0)
        } else {
            Need::Any(v)
        }
    }

    fn map<M>(self, f: &mut impl FnMut(L) -> M) -> Need<M> {
        match self {
            Need::Nothing => Need::Nothing,
            Need::Literal(l) => Need::Literal(f(l)),
            Need::All(v) => Need::All(v.into_iter().map(|n| n.map(f)).collect()),
            Need::Any(v) => Need::Any(v.into_iter().map(|n| n.map(f)).collect()),
        }
    }
}

impl Need<usize> {
    /// Every literal the need names.
    fn literals(&self, out: &mut Vec<usize>) {
        match self {
            Need::Nothing => {}
            Need::Literal(l) => out.push(*l),
            Need::All(v) | Need::Any(v) => v.iter().for_each(|n| n.literals(out)),
        }
    }

    fn holds(&self, present: &[bool]) -> bool {
        match self {
            Need::Nothing => true,
            Need::Literal(l) => present[*l],
            Need::All(v) => v.iter().all(|n| n.holds(present)),
            Need::Any(v) => v.iter().any(|n| n.holds(present)),
        }
    }
}

/// A prefilter over a list of patterns (see the module documentation).
#[derive(Clone, Debug)]
pub struct Gate {
    ac: AhoCorasick,
    /// Per pattern, what a text must hold, over literal ids (aho-corasick pattern ids).
    patterns: Vec<Need<usize>>,
    literals: usize,
    /// Per pattern, the literal ids every match of it begins with (see [`starts`]), when
    /// it has such and the gate was built [`Gate::with_starts`]: the same pass then tells
    /// where its matches can start.
    firsts: Vec<Option<Vec<usize>>>,
    /// Per literal id, whether it is one of [`Gate::firsts`] (only those positions are kept).
    is_first: Vec<bool>,
    /// Per literal id, the patterns whose need names it: a need other than
    /// [`Need::Nothing`] holds only on a text holding one of its literals, so only these
    /// patterns are read when the literal occurs.
    users: Vec<Vec<usize>>,
    /// The patterns that need nothing (always open).
    always: Vec<usize>,
}

/// What one pass of a [`Gate`] read in a text: which patterns are open and where their
/// matches can start.
#[derive(Clone, Debug)]
pub struct Scan {
    /// Per pattern, whether it can match (`false`: it cannot).
    pub open: Vec<bool>,
    /// (literal id, start) of every literal occurrence, `None` when the text holds a
    /// letter that folds to an ASCII one (then positions are not read).
    hits: Option<Vec<(usize, usize)>>,
}

impl Gate {
    /// The gate of `patterns`, in order, as `regex::Regex::new` or a `RegexBuilder` with
    /// at most `case_insensitive` set reads them. Complexity: linear in the patterns'
    /// size, plus one automaton build.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Gate {
        Gate::build(patterns, false)
    }

    /// [`Gate::new`] whose scans also tell where matches can start ([`Scan::starts`]).
    pub fn with_starts<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Gate {
        Gate::build(patterns, true)
    }

    fn build<'a>(patterns: impl IntoIterator<Item = &'a str>, with_starts: bool) -> Gate {
        let mut literals: Vec<String> = Vec::new();
        let mut id = |t: String| match literals.iter().position(|l| *l == t) {
            Some(k) => k,
            None => {
                literals.push(t);
                literals.len() - 1
            }
        };
        let mut needs = Vec::new();
        let mut firsts = Vec::new();
        for p in patterns {
            needs.push(need_of(p).map(&mut id));
            let f = if with_starts { starts::first_literals(p) } else { None };
            firsts.push(f.map(|v| v.into_iter().map(&mut id).collect::<Vec<usize>>()));
        }
        let mut is_first = vec![false; literals.len()];
        firsts.iter().flatten().flatten().for_each(|&l| is_first[l] = true);
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); literals.len()];
        let mut always = Vec::new();
        for (i, n) in needs.iter().enumerate() {
            let mut ls = Vec::new();
            n.literals(&mut ls);
            ls.sort_unstable();
            ls.dedup();
            ls.iter().for_each(|&l| users[l].push(i));
            if matches!(n, Need::Nothing) {
                always.push(i);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(&literals)
            .expect("trigger literals compile");
        Gate { ac, patterns: needs, literals: literals.len(), firsts, is_first, users, always }
    }

    /// For each pattern (in the order given to [`Gate::new`]), whether it can match `s`:
    /// `false` means it cannot. Complexity: one overlapping automaton pass over `s`.
    ///
    /// ```
    /// use kurilnet::extract::gate::Gate;
    /// let g = Gate::new([r"(?i)\bpeace\b.*\btreaty\b", r"\b(?:19|20)\d\d\b", r"\w+\s+\d"]);
    /// assert_eq!(g.open("The Peace Treaty was never signed"), vec![true, false, true]);
    /// assert_eq!(g.open("Peace in 1956"), vec![false, true, true]);
    /// ```
    pub fn open(&self, s: &str) -> Vec<bool> {
        self.scan(s).open
    }

    /// [`Gate::open`] with the literal occurrences kept, for [`Scan::starts`].
    /// Complexity: one overlapping automaton pass over `s`.
    pub fn scan(&self, s: &str) -> Scan {
        if folds_to_ascii(s) {
            return Scan { open: vec![true; self.patterns.len()], hits: None };
        }
        let mut present = vec![false; self.literals];
        let mut hits = Vec::new();
        for m in self.ac.find_overlapping_iter(s) {
            let l = m.pattern().as_usize();
            present[l] = true;
            if self.is_first[l] {
                hits.push((l, m.start()));
            }
        }
        let mut open = vec![false; self.patterns.len()];
        let mut read = vec![false; self.patterns.len()];
        self.always.iter().for_each(|&i| open[i] = true);
        for l in (0..self.literals).filter(|&l| present[l]) {
            for &i in &self.users[l] {
                if !std::mem::replace(&mut read[i], true) {
                    open[i] = self.patterns[i].holds(&present);
                }
            }
        }
        Scan { open, hits: Some(hits) }
    }
}

impl Scan {
    /// Where matches of pattern `i` of `gate` can start, ascending; `None` when the pattern
    /// has no first literals or the text was not read for positions.
    pub fn starts(&self, gate: &Gate, i: usize) -> Option<Vec<usize>> {
        let firsts = gate.firsts.get(i)?.as_ref()?;
        let mut v: Vec<usize> = self.hits.as_ref()?.iter().filter(|(l, _)| firsts.contains(l)).map(|h| h.1).collect();
        v.sort_unstable();
        v.dedup();
        Some(v)
    }
}

/// Whether `s` holds KELVIN SIGN or LONG S, the non-ASCII letters that fold to ASCII ones.
/// Complexity: one byte search for their first bytes, usually none in a non-ASCII text.
fn folds_to_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    // KELVIN SIGN is E2 84 AA, LONG S C5 BF in UTF-8.
    !b.is_ascii()
        && memchr::memchr2_iter(0xE2, 0xC5, b).any(|i| matches!(&b[i..], [0xE2, 0x84, 0xAA, ..] | [0xC5, 0xBF, ..]))
}

/// A regular expression that runs only on texts holding what every match of it needs
/// (one [`Gate`] of one pattern): the same matches as the plain `Regex`, without the cost
/// of running it on texts where it cannot match. The method names are the `Regex` ones;
/// matches are [`Found`] and groups [`Caps`]. A pattern whose matches all begin with a
/// few literals is searched from their occurrences (see [`starts`]).
#[derive(Clone, Debug)]
pub struct Gated {
    re: regex::Regex,
    /// Literal sets of which every match holds one literal each (looked up ASCII
    /// case-insensitively); empty when the pattern needs no literal: it always runs.
    needs: Vec<LiteralSet>,
    /// The search from the literals every match begins with, when there are such.
    starts: Option<Starts>,
}

impl Gated {
    /// Compile `pattern` (as `Regex::new`) and its gate.
    pub fn new(pattern: &str) -> Result<Gated, regex::Error> {
        Gated::build(pattern, false)
    }

    /// Compile `pattern` (as `RegexBuilder` with `case_insensitive` set as given) and its gate.
    /// Complexity: the regex compiled twice (plain and for anchored searches), one literal
    /// searcher per needed set and one for the first literals.
    pub fn build(pattern: &str, case_insensitive: bool) -> Result<Gated, regex::Error> {
        COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let re = regex::RegexBuilder::new(pattern).case_insensitive(case_insensitive).build()?;
        let needs = required(&need_of(pattern)).iter().map(|set| LiteralSet::new(set)).collect();
        Ok(Gated { re, needs, starts: Starts::new(pattern, case_insensitive) })
    }

    /// Whether the regex can match `s` (`false`: it cannot). Complexity: one literal search
    /// per needed set, or none.
    pub fn can_match(&self, s: &str) -> bool {
        self.needs.is_empty()
            || literals::lowered(s, |t| (t.folds && folds_to_ascii(s)) || self.needs.iter().all(|set| set.occurs_in(t)))
    }

    /// The pattern.
    pub fn as_str(&self) -> &str {
        self.re.as_str()
    }

    /// As `Regex::is_match`.
    pub fn is_match(&self, s: &str) -> bool {
        self.can_match(s) && self.re.is_match(s)
    }

    /// The search from first literals, when it serves `s`.
    fn starts_for(&self, s: &str) -> Option<&Starts> {
        self.starts.as_ref().filter(|_| Starts::serves(s))
    }

    /// As `Regex::find`.
    pub fn find<'h>(&self, s: &'h str) -> Option<Found<'h>> {
        if !self.can_match(s) {
            return None;
        }
        match self.starts_for(s) {
            Some(st) => st.find(s),
            None => self.re.find(s).map(|m| Found::new(s, m.start(), m.end())),
        }
    }

    /// As `Regex::find_iter`.
    pub fn find_iter<'r, 'h>(&'r self, s: &'h str) -> impl Iterator<Item = Found<'h>> + use<'r, 'h> {
        self.found(s, self.can_match(s))
    }

    /// As [`Gated::find_iter`] on a text known to open the gate, with the places where
    /// matches can start when a [`Gate`] pass read them ([`Scan::starts`] of this pattern):
    /// the same matches without testing the gate again or looking for the literals again.
    pub fn find_iter_open<'r, 'h>(
        &'r self,
        s: &'h str,
        starts: Option<Vec<usize>>,
    ) -> impl Iterator<Item = Found<'h>> + use<'r, 'h> {
        let (known, other) = match (self.starts_for(s), starts) {
            (Some(st), Some(cands)) => (Some(st.find_iter_from(s, cands)), None),
            _ => (None, Some(self.found(s, true))),
        };
        known.into_iter().flatten().chain(other.into_iter().flatten())
    }

    /// The matches of `s` when `open`, else none.
    fn found<'r, 'h>(&'r self, s: &'h str, open: bool) -> impl Iterator<Item = Found<'h>> + use<'r, 'h> {
        let st = self.starts_for(s).filter(|_| open);
        let plain = (open && st.is_none()).then(|| self.re.find_iter(s).map(move |m| Found::new(s, m.start(), m.end())));
        st.map(|st| st.find_iter(s)).into_iter().flatten().chain(plain.into_iter().flatten())
    }

    /// As `Regex::captures`.
    pub fn captures<'h>(&self, s: &'h str) -> Option<Caps<'h>> {
        self.captures_iter(s).next()
    }

    /// As `Regex::captures_iter`.
    pub fn captures_iter<'r, 'h>(&'r self, s: &'h str) -> impl Iterator<Item = Caps<'h>> + use<'r, 'h> {
        let open = self.can_match(s);
        let st = self.starts_for(s).filter(|_| open);
        let plain = (open && st.is_none()).then(|| self.re.captures_iter(s).map(move |c| Caps::of_regex(s, &c)));
        st.map(|st| st.find_iter(s).map(move |m| st.captures(s, m))).into_iter().flatten().chain(plain.into_iter().flatten())
    }
}

/// How many [`Gated`] patterns were compiled so far in this process.
static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many [`Gated`] patterns this process has compiled (lexicon cues and rule statics):
/// a figure that does not grow while documents are read means no document paid for one.
pub fn compiled() -> usize {
    COMPILED.load(std::sync::atomic::Ordering::Relaxed)
}

/// An ASCII case-insensitive searcher of `literals`.
fn literal_searcher(literals: &[String], kind: MatchKind) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .ascii_case_insensitive(true)
        .build(literals)
}

/// Literal sets that every text satisfying `n` holds one literal of each (a weaker,
/// cheaper test than `n` itself): a literal, the sets of each part of an `All`, and for an
/// `Any` the union of one set of each alternative when every alternative has one.
fn required(n: &Need<String>) -> Vec<Vec<String>> {
    match n {
        Need::Nothing => Vec::new(),
        Need::Literal(l) => vec![vec![l.clone()]],
        Need::All(v) => v.iter().flat_map(required).collect(),
        Need::Any(v) => {
            let firsts: Option<Vec<Vec<String>>> = v.iter().map(|x| required(x).into_iter().next()).collect();
            match firsts {
                Some(f) => {
                    let mut u: Vec<String> = f.into_iter().flatten().collect();
                    u.sort();
                    u.dedup();
                    vec![u]
                }
                None => Vec::new(),
            }
        }
    }
}

/// What a text must hold for `pattern` to match, over lower-case ASCII literals;
/// [`Need::Nothing`] when the pattern does not parse.
fn need_of(pattern: &str) -> Need<String> {
    case_sensitive_hir(pattern).map_or(Need::Nothing, |h| need(&h))
}

/// `pattern` read with every `i` flag dropped (see [`case_sensitive`]); `None` when it
/// does not parse.
fn case_sensitive_hir(pattern: &str) -> Option<Hir> {
    ast::parse::Parser::new().parse(pattern).ok().and_then(|mut tree| {
        case_sensitive(&mut tree);
        regex_syntax::hir::translate::Translator::new().translate(pattern, &tree).ok()
    })
}

/// Literals shorter than this count for nothing: a letter ("s" of "islands?") occurs in
/// nearly every text, so it closes no pattern and only costs the literal pass its matches.
const MIN_LITERAL: usize = 2;

/// What every match of `h` contains. A literal with a non-ASCII letter counts for nothing.
fn need(h: &Hir) -> Need<String> {
    match h.kind() {
        HirKind::Literal(l) => match std::str::from_utf8(&l.0) {
            Ok(s) if s.len() >= MIN_LITERAL && !s.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) => {
                Need::Literal(s.to_ascii_lowercase())
            }
            _ => Need::Nothing,
        },
        HirKind::Concat(xs) => Need::all(xs.iter().map(need).collect()),
        HirKind::Alternation(xs) => Need::any(xs.iter().map(need).collect()),
        HirKind::Capture(c) => need(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => need(&r.sub),
        _ => Need::Nothing,
    }
}

/// Drop every `i` flag, so that the pattern reads case-sensitively: each match of the
/// case-insensitive pattern is then, letter by letter, a case variant of a match of this one.
fn case_sensitive(tree: &mut Ast) {
    let strip = |f: &mut ast::Flags| {
        f.items.retain(|it| it.kind != ast::FlagsItemKind::Flag(ast::Flag::CaseInsensitive));
    };
    match tree {
        Ast::Flags(f) => strip(&mut f.flags),
        Ast::Group(g) => {
            if let ast::GroupKind::NonCapturing(f) = &mut g.kind {
                strip(f);
            }
            case_sensitive(&mut g.ast);
        }
        Ast::Repetition(r) => case_sensitive(&mut r.ast),
        Ast::Alternation(a) => a.asts.iter_mut().for_each(case_sensitive),
        Ast::Concat(c) => c.asts.iter_mut().for_each(case_sensitive),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    /// The lines of the shipped texts (`seeds/`, `tests/heldout/`).
    fn shipped_lines() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["seeds", "tests/heldout"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    out.extend(std::fs::read_to_string(&p).unwrap().lines().map(String::from));
                }
            }
        }
        out
    }

    fn lit(s: &str) -> Need<String> {
        Need::Literal(s.into())
    }

    #[test]
    fn needs_are_the_words_every_match_holds() {
        assert_eq!(
            need_of(r"(?i)\b(?:Return\w*|hand(?:s|ed)? over)\b[^.;]{0,40}\bislands?"),
            Need::All(vec![Need::Any(vec![lit("return"), Need::All(vec![lit("hand"), lit(" over")])]), lit("island")])
        );
        assert_eq!(
            need_of(r"\b1956\s+(?:(?-i:[A-Z])\w*\s+)?declaration|\blease\w*"),
            Need::Any(vec![Need::All(vec![lit("1956"), lit("declaration")]), lit("lease")])
        );
        // A pattern that holds no fixed word needs nothing.
        assert_eq!(need_of(r"(?:\w+\s+){0,2}\d+"), Need::Nothing);
        assert_eq!(need_of(r"(?i)\bétat\b|treaty"), Need::Nothing);
    }

    #[test]
    fn letters_folding_to_ascii_open_every_pattern() {
        let g = Gate::new([r"(?i)\bshikotan\b", r"(?i)\bkuril"]);
        let re = regex::Regex::new(r"(?i)\bshikotan\b").unwrap();
        let text = "the island of \u{17F}hikotan";
        assert!(re.is_match(text));
        assert_eq!(g.open(text), vec![true, true]);
        assert_eq!(g.open("the island of Shikotan"), vec![true, false]);
        // A gated pattern too, asked about the text and about parts of it.
        let gated = Gated::new(r"(?i)\bshikotan\b").unwrap();
        assert!(gated.is_match(text));
        assert!(gated.is_match(&text[7..]) && !gated.is_match(&text[..7]));
        assert!(!gated.is_match("the island of Kunashiri \u{17F}"));
        for (t, folds) in [
            ("“Kuril” – the \u{212A}uril islands", true),
            ("\u{17F}", true),
            ("“Shikotan” — Habomai ſ", true),
            ("“Shikotan” — Habomai Ś ℬ", false),
            ("Shikotan", false),
        ] {
            assert_eq!(folds_to_ascii(t), folds, "{t:?}");
        }
    }

    /// Every pattern that matches a sentence of the shipped texts is open on it.
    #[test]
    fn a_closed_pattern_never_matches_the_shipped_texts() {
        let lx = Lexicon::load(None).unwrap();
        // The plain regexes: a gated one would hide a closed gate.
        let res: Vec<regex::Regex> = lx
            .proposal_cues
            .iter()
            .map(|c| regex::RegexBuilder::new(c.pattern.as_str()).case_insensitive(true).build().unwrap())
            .collect();
        let gate = Gate::new(res.iter().map(|r| r.as_str()));
        let mut matched = 0;
        for line in shipped_lines() {
            let open = gate.open(&line);
            for (i, re) in res.iter().enumerate() {
                if re.is_match(&line) {
                    matched += 1;
                    assert!(open[i], "{} matches {line:?} but its gate is closed", re.as_str());
                }
            }
        }
        assert!(matched > 20, "the texts exercise the cues ({matched} matches)");
    }

    /// The cue table searched through [`Gated`] (gate, then the search from first literals)
    /// finds exactly the matches and groups of the plain regexes on the shipped texts.
    #[test]
    fn gated_cues_find_what_the_plain_regexes_find() {
        let lx = Lexicon::load(None).unwrap();
        let lines = shipped_lines();
        let scans: Vec<Scan> = lines.iter().map(|l| lx.proposal_gate.scan(l)).collect();
        let mut found = 0;
        for (ci, c) in lx.proposal_cues.iter().enumerate() {
            assert!(c.pattern.starts.is_some(), "{} has first literals", c.pattern.as_str());
            let re = regex::RegexBuilder::new(c.pattern.as_str()).case_insensitive(true).build().unwrap();
            for (line, scan) in lines.iter().zip(&scans) {
                let want: Vec<(usize, usize)> = re.find_iter(line).map(|m| (m.start(), m.end())).collect();
                let got: Vec<(usize, usize)> = c.pattern.find_iter(line).map(|m| (m.start(), m.end())).collect();
                assert_eq!(got, want, "{} on {line:?}", re.as_str());
                // As the cue loop searches: after the table's gate, from the positions it read.
                let got: Vec<(usize, usize)> = match scan.open[ci] {
                    true => c.pattern.find_iter_open(line, scan.starts(&lx.proposal_gate, ci)).map(|m| (m.start(), m.end())).collect(),
                    false => Vec::new(),
                };
                assert_eq!(got, want, "{} after the gate on {line:?}", re.as_str());
                let want: Vec<Caps> = re.captures_iter(line).map(|k| Caps::of_regex(line, &k)).collect();
                assert_eq!(c.pattern.captures_iter(line).collect::<Vec<_>>(), want, "{}", re.as_str());
                found += got.len();
            }
        }
        assert!(found > 20, "the texts exercise the cues ({found} matches)");
    }
}
