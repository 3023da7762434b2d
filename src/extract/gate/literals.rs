//! The literal sets of a [`super::Gated`] pattern, looked up in the ASCII-lower-cased
//! text. A sentence is asked about by dozens of patterns, on itself and on its parts (the
//! words before a cue, a clause); each thread keeps the lower-cased copy of the last
//! text asked about, so that a part of it is a slice of that copy, and a set of a few
//! literals is then a few SIMD substring searches (`memchr::memmem`) instead of an
//! automaton walk over the text.
//!
//! A text is recognised by its address and checked byte for byte against the kept copy,
//! so a freed buffer reused for another text never answers for it.
//!
//! The kept text also has a filter of the byte pairs it holds (a 4,096-bit hash of each
//! pair of adjacent bytes): a literal one of whose pairs is not in the filter is not in the
//! text, nor in any part of it, and is not searched at all. A literal whose pairs all are
//! is searched in the part asked about, so the filter only spares work, never decides.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

/// Sets of more than this many literals whose pairs pass the filter are searched with one
/// automaton pass rather than literal by literal.
const FEW: usize = 4;

/// Bits of the byte-pair filter.
const PAIR_BITS: usize = 4096;

/// The filter bit of the byte pair `a b`.
fn pair_bit(a: u8, b: u8) -> usize {
    ((a as usize) << 5 ^ (b as usize) ^ (b as usize) << 9) % PAIR_BITS
}

/// Which byte pairs a text holds (see the module documentation).
pub(super) struct Pairs([u64; PAIR_BITS / 64]);

impl Pairs {
    fn clear(&mut self) {
        self.0 = [0; PAIR_BITS / 64];
    }

    fn add(&mut self, text: &[u8]) {
        for w in text.windows(2) {
            let i = pair_bit(w[0], w[1]);
            self.0[i / 64] |= 1 << (i % 64);
        }
    }

    fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

/// A literal with the filter bits of its byte pairs.
#[derive(Clone, Debug)]
struct Literal {
    finder: Finder<'static>,
    pairs: Vec<u16>,
}

impl Literal {
    fn new(l: &str) -> Literal {
        let pairs = l.as_bytes().windows(2).map(|w| pair_bit(w[0], w[1]) as u16).collect();
        Literal { finder: Finder::new(l.as_bytes()).into_owned(), pairs }
    }

    /// Whether the kept text can hold the literal.
    fn may_occur(&self, pairs: &Pairs) -> bool {
        self.pairs.iter().all(|&i| pairs.has(i as usize))
    }
}

/// A set of literals (lower-case) of which a text must hold one.
#[derive(Clone, Debug)]
pub(super) struct LiteralSet {
    literals: Vec<Literal>,
    /// The same literals in one automaton, for a set of more than [`FEW`].
    ac: Option<AhoCorasick>,
}

impl LiteralSet {
    pub(super) fn new(literals: &[String]) -> LiteralSet {
        let ac = (literals.len() > FEW)
            .then(|| super::literal_searcher(literals, MatchKind::LeftmostFirst).expect("trigger literals compile"));
        LiteralSet { literals: literals.iter().map(|l| Literal::new(l)).collect(), ac }
    }

    /// Whether `text` holds one of the literals. A single literal is searched at once; the
    /// literals of a larger set only when the text's byte pairs let them occur.
    pub(super) fn occurs_in(&self, text: &mut Text) -> bool {
        if let [one] = &self.literals[..] {
            return one.finder.find(text.low).is_some();
        }
        let low = text.low;
        let pairs = text.pairs();
        let mut left = self.literals.iter().filter(|l| l.may_occur(pairs));
        match &self.ac {
            Some(ac) if left.clone().nth(FEW).is_some() => ac.is_match(low),
            _ => left.any(|l| l.finder.find(low).is_some()),
        }
    }
}

/// A text asked about, as the kept text holds it.
pub(super) struct Text<'a> {
    /// Its ASCII-lower-cased bytes.
    pub(super) low: &'a [u8],
    /// The whole kept text it is part of.
    whole: &'a [u8],
    /// Whether the whole kept text holds a letter that folds to an ASCII one (when it does
    /// not, no part of it does).
    pub(super) folds: bool,
    pairs: &'a mut Pairs,
    ready: &'a mut bool,
}

impl Text<'_> {
    /// The byte pairs of the whole kept text, read on first use.
    fn pairs(&mut self) -> &Pairs {
        if !*self.ready {
            self.pairs.clear();
            self.pairs.add(self.whole);
            *self.ready = true;
        }
        self.pairs
    }
}

/// The last text asked about on this thread, its lower-cased copy and its byte pairs.
struct Kept {
    addr: usize,
    text: Vec<u8>,
    low: Vec<u8>,
    /// Whether the text holds a letter that folds to an ASCII one (see [`super::folds_to_ascii`]).
    folds: bool,
    pairs: Pairs,
    /// Whether `pairs` are those of `low` yet.
    pairs_ready: bool,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept {
        addr: 0,
        text: Vec::new(),
        low: Vec::new(),
        folds: false,
        pairs: Pairs([0; PAIR_BITS / 64]),
        pairs_ready: false,
    });
}

/// `f` of `s` as the kept text holds it ([`Text`]): kept already when `s` is part of the
/// last text asked about. Complexity: a comparison with the kept text when `s` is part of
/// it, else one copy and lower-casing of `s`. `f` must not call this function again.
pub(super) fn lowered<R>(s: &str, f: impl FnOnce(&mut Text) -> R) -> R {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        let addr = s.as_ptr() as usize;
        let b = s.as_bytes();
        let from = addr.wrapping_sub(k.addr);
        let inside = addr >= k.addr && from + b.len() <= k.text.len() && k.text[from..from + b.len()] == *b;
        if !inside {
            k.addr = addr;
            k.text.clear();
            k.text.extend_from_slice(b);
            k.low.clear();
            k.low.extend_from_slice(b);
            k.low.make_ascii_lowercase();
            k.folds = super::folds_to_ascii(s);
            k.pairs_ready = false;
        }
        let from = addr - k.addr;
        let Kept { low, folds, pairs, pairs_ready, .. } = &mut *k;
        f(&mut Text { low: &low[from..from + b.len()], whole: low, folds: *folds, pairs, ready: pairs_ready })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_kept_text_read_as_themselves() {
        let text = String::from("The Peace TREATY of 1956, the Joint Declaration");
        for a in 0..text.len() {
            for b in a..=text.len() {
                let part = &text[a..b];
                assert_eq!(lowered(part, |t| t.low.to_vec()), part.to_ascii_lowercase().into_bytes(), "{part:?}");
            }
        }
        // A buffer reused for another text is read again.
        let mut buf = text.clone();
        assert_eq!(lowered(&buf[4..9], |t| t.low.to_vec()), b"peace");
        buf.replace_range(4..9, "Lease");
        assert_eq!(lowered(&buf[4..9], |t| t.low.to_vec()), b"lease");
        assert!(lowered("", |t| t.low.is_empty()));
    }

    #[test]
    fn sets_find_what_a_plain_search_finds_in_every_part() {
        let lits: Vec<String> =
            ["treaty", "island", "return", " over", "1956", "declar", "ty i", "s, 1"].map(String::from).to_vec();
        let text = String::from("The islands, 1956 Declaration: RETURN them, hand over the Treaty islands");
        for n in 1..=lits.len() {
            let set = LiteralSet::new(&lits[..n]);
            assert_eq!(set.ac.is_some(), n > FEW);
            for a in 0..text.len() {
                for b in a..=text.len() {
                    let part = &text[a..b];
                    let want = lits[..n].iter().any(|l| part.to_ascii_lowercase().contains(l.as_str()));
                    assert_eq!(lowered(part, |t| set.occurs_in(t)), want, "{part:?} with {n} literals");
                }
            }
            // The same parts, asked about as parts of the kept whole text.
            let whole = text.as_str();
            lowered(whole, |_| ());
            for a in (0..text.len()).step_by(7) {
                let part = &whole[a..];
                let want = lits[..n].iter().any(|l| part.to_ascii_lowercase().contains(l.as_str()));
                assert_eq!(lowered(part, |t| set.occurs_in(t)), want, "{part:?} in the kept text");
            }
        }
    }
}
