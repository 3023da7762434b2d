//! The literal sets of a [`super::Gated`] pattern, looked up in the ASCII-lower-cased
//! text. A sentence is asked about by dozens of patterns, on itself and on its parts (the
//! words before a cue, a clause); each thread keeps the lower-cased copy of the last
//! text asked about, so that a part of it is a slice of that copy, and a set of a few
//! literals is then a few SIMD substring searches (`memchr::memmem`) instead of an
//! automaton walk over the text.
//!
//! A text is recognised by its address and checked byte for byte against the kept copy,
//! so a freed buffer reused for another text never answers for it.

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

/// Sets of at most this many literals are searched literal by literal.
const FEW: usize = 4;

/// A set of literals (lower-case) of which a text must hold one.
#[derive(Clone, Debug)]
pub(super) enum LiteralSet {
    Few(Vec<Finder<'static>>),
    Many(AhoCorasick),
}

impl LiteralSet {
    pub(super) fn new(literals: &[String]) -> LiteralSet {
        if literals.len() <= FEW {
            LiteralSet::Few(literals.iter().map(|l| Finder::new(l.as_bytes()).into_owned()).collect())
        } else {
            LiteralSet::Many(super::literal_searcher(literals, MatchKind::LeftmostFirst).expect("trigger literals compile"))
        }
    }

    /// Whether `low` (an ASCII-lower-cased text) holds one of the literals.
    pub(super) fn occurs_in(&self, low: &[u8]) -> bool {
        match self {
            LiteralSet::Few(fs) => fs.iter().any(|f| f.find(low).is_some()),
            LiteralSet::Many(ac) => ac.is_match(low),
        }
    }
}

/// The last text asked about on this thread and its lower-cased copy.
#[derive(Default)]
struct Kept {
    addr: usize,
    text: Vec<u8>,
    low: Vec<u8>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// `f` of the ASCII-lower-cased bytes of `s`. Complexity: a comparison with the kept
/// text when `s` is part of it, else one copy and lower-casing of `s`. `f` must not call
/// this function again.
pub(super) fn lowered<R>(s: &str, f: impl FnOnce(&[u8]) -> R) -> R {
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
            k.low.extend(b.iter().map(u8::to_ascii_lowercase));
            return f(&k.low);
        }
        f(&k.low[from..from + b.len()])
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
                assert_eq!(lowered(part, |l| l.to_vec()), part.to_ascii_lowercase().into_bytes(), "{part:?}");
            }
        }
        // A buffer reused for another text is read again.
        let mut buf = text.clone();
        assert_eq!(lowered(&buf[4..9], |l| l.to_vec()), b"peace");
        buf.replace_range(4..9, "Lease");
        assert_eq!(lowered(&buf[4..9], |l| l.to_vec()), b"lease");
        assert!(lowered("", |l| l.is_empty()));
    }

    #[test]
    fn few_and_many_literals_find_the_same() {
        let lits: Vec<String> = ["treaty", "island", "return", " over", "1956", "declar"].map(String::from).to_vec();
        for n in 1..=lits.len() {
            let set = LiteralSet::new(&lits[..n]);
            assert!(matches!(set, LiteralSet::Few(_)) == (n <= FEW));
            for t in ["the islands", "handed over", "no match here", "1956", "TREATY", ""] {
                let want = lits[..n].iter().any(|l| t.to_ascii_lowercase().contains(l.as_str()));
                assert_eq!(lowered(t, |l| set.occurs_in(l)), want, "{t:?} with {n} literals");
            }
        }
    }
}
