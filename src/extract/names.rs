//! Evidence about names that needs no lexicon: spelling folds that make
//! transliterations of one name meet ("Shevardnadzhe"/"Shevardnadze",
//! "Tamba"/"Tanba", "Koumura"/"Komura"), the side a name's form suggests
//! (Japanese romanisation, Russian surname endings), and speech verbs next to a
//! name ("said Ivan Petrov", "Ivan Petrov told reporters").

use std::sync::LazyLock;

use regex::Regex;

use crate::date::PartialDate;

/// Fold one lower-case ASCII name word so spelling variants of a transliteration meet.
///
/// Russian: `kh`→`h`, `zh`→`z`, `ks`→`x`, initial `ye`→`e`, final `iy`/`ii`→`y`,
/// final consonant+`i`→`y`. Japanese (Hepburn variants): `mb`/`mp`/`mm` → `n…`,
/// long vowels `ou`, `oo`, `oh`+consonant, `uu` → single vowel. Linear in the word.
///
/// ```
/// use kurilnet::extract::names::fold_word;
/// assert_eq!(fold_word("shevardnadzhe"), fold_word("shevardnadze"));
/// assert_eq!(fold_word("tamba"), fold_word("tanba"));
/// ```
pub fn fold_word(w: &str) -> String {
    let mut s = w.replace("kh", "h").replace("zh", "z").replace("ks", "x");
    if let Some(r) = s.strip_prefix("ye") {
        s = format!("e{r}");
    }
    s = s.replace("mb", "nb").replace("mp", "np").replace("mm", "nm");
    s = s.replace("ou", "o").replace("oo", "o").replace("uu", "u");
    // "Ohno" → "ono", but "Ohira" keeps its h (a vowel follows).
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == 'h' && i > 0 && b[i - 1] == 'o' && b.get(i + 1).is_some_and(|n| !"aeiouy".contains(*n)) {
            continue;
        }
        out.push(c);
    }
    for (from, to) in [("iy", "y"), ("ii", "y")] {
        if out.ends_with(from) {
            out.truncate(out.len() - from.len());
            out.push_str(to);
        }
    }
    let n = out.len();
    if n >= 4 && out.ends_with('i') && !"aeiou".contains(&out[n - 2..n - 1]) {
        out.truncate(n - 1);
        out.push('y');
    }
    out
}

static JAPANESE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:kk|pp|tt|ss|tch|sh|ch|ts|[kgsztdnhbpmr]y|[kgsztdnhbpmyrwfj])?[aiueo]|n)+$").unwrap()
});
static RUSSIAN_SURNAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[^aeiou](?:ov|ev|yov|yev|in|yn)|sky|skiy|skii|ski|enko|chuk|vich|ova|eva|ina|skaya|yan|dze|shvili)$")
        .unwrap()
});

/// The side a person's name suggests by its form alone: every word Japanese
/// romanisation (`JP`), or a Russian surname ending (`RU`, `SU` before mid-1991).
/// `None` when the form says nothing. `words` are the name's words, any case.
pub fn side_by_form(words: &[&str], date: Option<PartialDate>) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|w| crate::graph::slug(w).replace('-', "")).collect();
    // One word says little unless it is long ("Matsumoto", "Khasbulatov").
    if lower.is_empty() || lower.iter().any(|w| w.len() < 2) || (lower.len() == 1 && lower[0].len() < 7) {
        return None;
    }
    let last = lower.last()?;
    // Endings Japanese romanisation never has (v, -sky, -enko) decide first.
    if RUSSIAN_SURNAME.is_match(last) && (!JAPANESE_WORD.is_match(last) || last.ends_with("enko")) {
        return Some(super::actors::side_at("RU", date));
    }
    if lower.iter().all(|w| JAPANESE_WORD.is_match(w)) && lower.iter().any(|w| w.len() >= 4) {
        return Some("JP".into());
    }
    None
}

static SPEECH_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|stated|announced|noted|stressed|declared|insisted|argued|warned|explained|replied|remarked|asserted|emphasized|emphasised|commented)\b").unwrap()
});
static SPEECH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bsaid|\bsays|\badded|\bstated|\bannounced|\bnoted|\bwarned|\bexplained|\breplied|\bremarked|\bcommented)\s*$").unwrap()
});

/// Whether a speech verb governs the name at `start..end` of `s`: "Ivan Petrov said",
/// "…, said Ivan Petrov". The verb must touch the name (no clause between).
pub fn speaks(s: &str, start: usize, end: usize) -> bool {
    SPEECH_AFTER.is_match(&s[end..]) || SPEECH_BEFORE.is_match(&s[..start])
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&JAPANESE_WORD);
    LazyLock::force(&RUSSIAN_SURNAME);
    LazyLock::force(&SPEECH_AFTER);
    LazyLock::force(&SPEECH_BEFORE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_meet() {
        for (a, b) in [
            ("shevardnadzhe", "shevardnadze"),
            ("hasbulatov", "khasbulatov"),
            ("tamba", "tanba"),
            ("koumura", "komura"),
            ("ohno", "ono"),
            ("yevgeniy", "evgeny"),
            ("grigoriy", "grigory"),
            ("dmitri", "dmitry"),
        ] {
            assert_eq!(fold_word(a), fold_word(b), "{a} / {b}");
        }
        assert_ne!(fold_word("ohira"), fold_word("oira"));
        assert_ne!(fold_word("sato"), fold_word("saito"));
    }

    #[test]
    fn the_form_of_a_name_suggests_its_side() {
        let d = Some("2005-01".parse().unwrap());
        assert_eq!(side_by_form(&["Kenta", "Morishita"], d).as_deref(), Some("JP"));
        assert_eq!(side_by_form(&["Shun'ichi", "Hattori"], d).as_deref(), Some("JP"));
        assert_eq!(side_by_form(&["Pavel", "Smirnov"], d).as_deref(), Some("RU"));
        assert_eq!(side_by_form(&["Pavel", "Smirnov"], Some("1985".parse().unwrap())).as_deref(), Some("SU"));
        assert_eq!(side_by_form(&["Olga", "Kovalenko"], d).as_deref(), Some("RU"));
        assert_eq!(side_by_form(&["Nikolai", "Fedorenko"], d).as_deref(), Some("RU"), "Japanese-looking but -enko");
        assert_eq!(side_by_form(&["John", "Smith"], d), None);
        assert_eq!(side_by_form(&["Mori"], d), None, "one short word says too little");
        assert_eq!(side_by_form(&["Morishita"], d).as_deref(), Some("JP"));
    }

    #[test]
    fn speech_verbs_touch_the_name() {
        let s = "Ivan Petrov told reporters";
        assert!(speaks(s, 0, 11));
        let s = "the talks went well, said Ivan Petrov.";
        assert!(speaks(s, 26, 37));
        let s = "Ivan Petrov arrived and the minister said";
        assert!(!speaks(s, 0, 11));
    }
}
