//! ASCII word boundaries where they are exact. The lazy DFA of the regex crate runs a
//! pattern with Unicode `\b` on ASCII text only; on a text with any other character (a
//! curly quote, a dash) it hands the search to a slower engine. Where no character beyond
//! ASCII is a word character, `(?-u:\b)` falls exactly where `\b` does, and the lazy DFA
//! runs the search itself. The date patterns and the name-run regex use both variants.

use std::sync::LazyLock;

use regex::Regex;

/// `re` with every `\b` made an ASCII word boundary `(?-u:\b)`, all else as it was.
///
/// On a haystack for which [`boundaries_are_ascii`] holds the two match exactly alike, but
/// the lazy DFA runs the ASCII one itself where a Unicode `\b` sends the search of a text
/// with any non-ASCII character to a slower engine. Only for patterns without `\b` in a class.
pub(crate) fn ascii_boundaries(re: &Regex) -> Regex {
    let mut out = String::with_capacity(re.as_str().len() + 32);
    let mut chars = re.as_str().chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    Regex::new(&out).expect("an ASCII-boundary variant of a valid regex is valid")
}

/// Whether ASCII word boundaries fall where Unicode ones do in `s`: no character outside
/// ASCII is a word character (curly quotes, dashes and no-break spaces are not; "é" is).
/// Both read ASCII characters alike and every other character as a non-word one then.
///
/// Complexity: one DFA pass over `s`, none for an ASCII `s`.
pub(crate) fn boundaries_are_ascii(s: &str) -> bool {
    s.is_ascii() || !NON_ASCII_WORD.is_match(s)
}

/// A word character outside ASCII.
static NON_ASCII_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w--\x00-\x7F]").unwrap());

/// Compile this module's pattern now (see [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&NON_ASCII_WORD);
}
