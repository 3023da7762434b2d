//! [`WordSet`]: membership in a fixed list of short lower-case words, with a cheap exact
//! pre-check before hashing (most words of a sentence are in none of the lists).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

/// A set of short lower-case words with a cheap exact pre-check (first byte and length)
/// before the hash look-up: most words of a sentence are in none of the sets and are
/// rejected without hashing.
pub struct WordSet(WordMap<&'static str>);

impl WordSet {
    /// The set of `words`.
    ///
    /// # Example
    /// ```
    /// use kurilnet::extract::wordset::WordSet;
    /// let s = WordSet::new(&["plan", "visit"]);
    /// assert_eq!(s.get("plan"), Some("plan"));
    /// assert!(!s.contains("plans"));
    /// ```
    pub fn new<'a>(words: impl IntoIterator<Item = &'a &'static str>) -> WordSet {
        WordSet(WordMap::new(words.into_iter().map(|&w| (w, w)).collect()))
    }

    /// The stored word equal to `w`. Complexity: O(1), one hash of `w` only when a stored
    /// word has its first byte and length.
    pub fn get(&self, w: &str) -> Option<&'static str> {
        self.0.get(w)
    }

    /// Whether `w` is in the set (see [`WordSet::get`]).
    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// A map from short words to values, with the pre-check of [`WordSet`].
pub struct WordMap<V> {
    /// Bit `n` of entry `b` is set when a word of `n` bytes starts with byte `b`
    /// (words of 64 bytes or more share bit 63: never wrongly rejected).
    shapes: [u64; 256],
    /// FxHash, not SipHash: the keys are the fixed words of the lists, so there is no
    /// untrusted key to defend against, and the words asked about are short.
    words: FxHashMap<&'static str, V>,
}

impl<V: Copy> WordMap<V> {
    /// The map `words`.
    pub fn new(words: HashMap<&'static str, V>) -> WordMap<V> {
        let mut shapes = [0; 256];
        for w in words.keys() {
            if let Some(&b) = w.as_bytes().first() {
                shapes[b as usize] |= 1 << w.len().min(63);
            }
        }
        WordMap { shapes, words: words.into_iter().collect() }
    }

    /// The value of `w`. Complexity: O(1), one hash of `w` only when a stored word has its
    /// first byte and length.
    pub fn get(&self, w: &str) -> Option<V> {
        let Some(&first) = w.as_bytes().first() else { return self.words.get("").copied() };
        if self.shapes[first as usize] & (1 << w.len().min(63)) == 0 {
            return None;
        }
        self.words.get(w).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_agrees_with_plain_membership() {
        use crate::extract::verbs::{CATENATIVE, STEMS};
        let set = WordSet::new(STEMS.iter().chain(CATENATIVE));
        let text = "The envoy plans to visit; he planned, hoped and was expected to arrive. Meetings held \
                    unexpectedly go on, a settling set of setting suns and ambassadorial x";
        // Every word, and every prefix and suffix of it, including the list words themselves.
        let mut probes: Vec<String> = STEMS.iter().chain(CATENATIVE).map(|w| w.to_string()).collect();
        for w in text.split(|c: char| !c.is_alphanumeric()).chain(STEMS.iter().copied()) {
            let w = w.to_ascii_lowercase();
            for i in 0..=w.len() {
                probes.push(w[..i].to_string());
                probes.push(w[i..].to_string());
                probes.push(format!("{}s", &w[..i]));
            }
        }
        let mut hits = 0;
        for p in &probes {
            let want = STEMS.iter().chain(CATENATIVE).find(|w| **w == p.as_str()).copied();
            assert_eq!(set.get(p), want, "{p:?}");
            hits += usize::from(want.is_some());
        }
        assert!(hits > STEMS.len(), "{hits}");
    }
}
