//! Sentence splitting for news and reference prose.
//!
//! Survives abbreviations ("Dec. 18", "Mr. Yakovlev", "Leonid I. Brezhnev",
//! "U.S.") and hard-wrapped lines: a single line break is white space, a blank
//! line ends a sentence. Offsets are byte offsets into the document text.

/// A sentence as a byte span of its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

/// Words that take a period without ending a sentence (compared lowercase, without the period).
/// Kept sorted; a test checks it.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cf", "co", "col", "corp", "dec", "dept", "dr", "e.g", "etc", "feb", "fig", "gen",
    "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no",
    "nov", "oct", "p", "pp", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vol", "vs",
];

/// Longest sentence, in bytes. Text without sentence ends (tables, lists,
/// scraped menus, one giant line) is cut at the last white space before this
/// length (or inside a word longer than half of it), so that no rule ever
/// works on more than this much text at a time.
pub const MAX_SENTENCE: usize = 4_000;

/// Split `text` into sentences. Never returns an empty or whitespace-only
/// sentence, nor one longer than [`MAX_SENTENCE`] bytes. Complexity: O(n).
pub fn split(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let n = bytes.len();
    // A title on the first line of a hard-wrapped document ends at its line break.
    if let Some(nl) = text.find('\n')
        && is_title_line(&text[..nl])
    {
        push(text, &mut out, 0, nl);
        start = nl;
        i = nl;
    }
    while i < n {
        if i - start >= MAX_SENTENCE {
            let cut = long_sentence_cut(text, start, i);
            push(text, &mut out, start, cut);
            start = cut;
            continue;
        }
        let b = bytes[i];
        // Blank line (paragraph break): always a boundary.
        if b == b'\n' {
            let mut j = i + 1;
            while j < n && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < n && bytes[j] == b'\n' {
                push(text, &mut out, start, i);
                start = j;
                i = j;
                continue;
            }
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow closing quotes and brackets after the terminator.
            let mut end = i + 1;
            loop {
                if end < n && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                    end += 1;
                } else if text[end..].starts_with('\u{201d}') || text[end..].starts_with('\u{2019}') {
                    end += 3;
                } else {
                    break;
                }
            }
            if is_boundary(text, start, i, end) {
                push(text, &mut out, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(text, &mut out, start, n);
    out
}

/// Where to end an over-long sentence running from `start` to `i`: after its
/// last white space, unless that leaves less than half the limit (then at the
/// last character boundary before `i`).
fn long_sentence_cut(text: &str, start: usize, i: usize) -> usize {
    let mut end = i;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[start..end].char_indices().rev().find(|(_, c)| c.is_whitespace()) {
        Some((p, c)) if p >= MAX_SENTENCE / 2 => start + p + c.len_utf8(),
        _ => end,
    }
}

/// A headline: short, no closing punctuation, its longer words capitalised.
fn is_title_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > 100 || line.ends_with(['.', ',', ';', ':', '-']) {
        return false;
    }
    let long: Vec<&str> = line.split_whitespace().filter(|w| w.chars().count() > 4).collect();
    !long.is_empty() && long.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

fn push(text: &str, out: &mut Vec<Sentence>, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    out.push(Sentence { index: out.len(), start: start + lead, end: end - trail });
}

/// Whether the terminator at `dot` (followed by closers up to `after`) ends a sentence.
fn is_boundary(text: &str, start: usize, dot: usize, after: usize) -> bool {
    let rest = &text[after..];
    // Must be followed by white space (or the end).
    let Some(c) = rest.chars().next() else { return true };
    if !c.is_whitespace() {
        return false;
    }
    let next = rest.trim_start();
    let Some(nc) = next.chars().next() else { return true };
    // The next sentence starts with a capital, a digit or an opening quote.
    if !(nc.is_uppercase() || nc.is_ascii_digit() || matches!(nc, '"' | '\u{201c}' | '`' | '(' | '\'')) {
        return false;
    }
    // "?" and "!" always end a sentence; so does a period followed by a closing quote.
    if text.as_bytes()[dot] != b'.' || after > dot + 1 {
        return true;
    }
    // The word the period belongs to.
    let before = &text[start..dot];
    // Past the separator's last byte: white space may be several bytes long (U+00A0, U+3000).
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    let lw = word.to_lowercase();
    if ABBREVIATIONS.binary_search(&lw.as_str()).is_ok() {
        return false;
    }
    // A single capital letter: an initial ("Leonid I. Brezhnev").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    // Dotted abbreviations such as "U.S." or "U.N.": a period inside the word.
    // They end a sentence only when a clear sentence opener follows.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        let first_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        return matches!(
            first_word.as_str(),
            "The" | "A" | "An" | "It" | "He" | "She" | "They" | "We" | "But" | "In" | "This" | "That"
        );
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        split(t).iter().map(|s| t[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn abbreviations_are_kept_sorted() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ABBREVIATIONS);
    }

    macro_rules! splits {
        ($($name:ident: $input:expr => [$($s:expr),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<String> = vec![$($s.to_string()),*];
                assert_eq!(texts($input), want);
            }
        )*};
    }

    splits! {
        plain: "One here. Two there! Three?" => ["One here.", "Two there!", "Three?"],
        month_abbreviation: "It met after the Dec. 18 meeting. Then it ended." =>
            ["It met after the Dec. 18 meeting.", "Then it ended."],
        title_abbreviation: "Mr. Yakovlev's trip was long. It was." => ["Mr. Yakovlev's trip was long.", "It was."],
        initials: "A meeting with Leonid I. Brezhnev, general secretary. Next." =>
            ["A meeting with Leonid I. Brezhnev, general secretary.", "Next."],
        dotted_abbreviation: "purchasing from the U.S. as being convertible. Then." =>
            ["purchasing from the U.S. as being convertible.", "Then."],
        dotted_at_end: "It bought it from the U.S. The deal held." => ["It bought it from the U.S.", "The deal held."],
        hard_wrap: "The 1980s saw a decided hardening\nin Japanese attitudes. It\nresponded." =>
            ["The 1980s saw a decided hardening\nin Japanese attitudes.", "It\nresponded."],
        title_line: "Japan Relations with Russia\nThe 1980s saw a\nhardening. It did." =>
            ["Japan Relations with Russia", "The 1980s saw a\nhardening.", "It did."],
        wrapped_first_line: "The talks in Moscow were\nlong. Yes." => ["The talks in Moscow were\nlong.", "Yes."],
        paragraphs: "Headline without stop\n\nBody text. More." => ["Headline without stop", "Body text.", "More."],
        quotes_close: "He said, \"no.\" Then left." => ["He said, \"no.\"", "Then left."],
        curly_quotes: "\u{201c}Fine.\u{201d} She left." => ["\u{201c}Fine.\u{201d}", "She left."],
        lowercase_after_period: "see fig. 11 and so on. Done." => ["see fig. 11 and so on.", "Done."],
        empty: "   \n\n  " => [],
    }

    #[test]
    fn multi_byte_white_space_before_a_word_and_its_period() {
        // Every white space of more than one byte, before the word that ends the sentence.
        for ws in ['\u{a0}', '\u{85}', '\u{1680}', '\u{2000}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}'] {
            let t = format!("Talks went on in{ws}Tokyo. Abe met Putin.\n");
            let got = texts(&t);
            assert_eq!(got.last().map(String::as_str), Some("Abe met Putin."), "{ws:?}: {got:?}");
            let t = format!("Talks with Mr.{ws}Abe. Then{ws}Dec. 18 came.");
            assert!(!texts(&t).is_empty(), "{ws:?}");
        }
    }

    #[test]
    fn over_long_sentences_are_cut_at_white_space_and_cover_the_text() {
        let t = format!("{}{}. Then.", "word ".repeat(2_000), "\u{3000}x".repeat(1_600));
        let s = split(&t);
        assert!(s.iter().all(|s| s.end - s.start <= MAX_SENTENCE), "{:?}", s.iter().map(|s| s.end - s.start).collect::<Vec<_>>());
        assert!(s.len() >= 4);
        // Nothing is lost: the pieces joined with the white space between them give the text back.
        let joined: String = s.iter().map(|x| &t[x.start..x.end]).collect::<Vec<_>>().join("");
        let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined.chars().filter(|c| !c.is_whitespace()).collect::<String>(), squeezed);
        // A single word longer than the limit is cut on a character boundary.
        let t = "\u{e9}".repeat(12_000);
        assert!(split(&t).iter().all(|s| t.is_char_boundary(s.start) && s.end - s.start <= MAX_SENTENCE));
    }

    #[test]
    fn spans_index_the_text() {
        let t = "  Alpha beta.  Gamma.\n";
        for (i, s) in split(t).iter().enumerate() {
            assert_eq!(s.index, i);
            assert!(!t[s.start..s.end].starts_with(' '));
        }
    }
}
