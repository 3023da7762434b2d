//! The normalisations the scorer matches on: names (accents folded, case,
//! punctuation, initials and honorifics dropped), list cells, and partial ISO
//! dates turned into day intervals. Each follows the reference scorer
//! `score.py` exactly, quirks included, so both give the same figures.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::date::{days_in_month, ordinal};

/// Titles dropped from names before matching.
pub const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir"];

/// Slack around a day-precise date, in days: reports date a meeting by its
/// first day, its last day or the day the news broke.
pub const DAY_SLACK: i64 = 3;

/// Python's `str.strip()`: Unicode whitespace plus the ASCII separators
/// U+001C..U+001F, which Python counts as whitespace and Rust does not.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// Normalise a person's name or a place for matching: NFKD with combining
/// marks removed, lower case, every run of characters other than ASCII
/// letters and digits a separator, one-letter tokens (initials) and
/// honorifics dropped, tokens joined by one space.
///
/// ```
/// use kurilnet::eval::norm::norm_name;
/// assert_eq!(norm_name("Mr. Sergéy V. Lavrov"), "sergey lavrov");
/// ```
pub fn norm_name(s: &str) -> String {
    let folded: String = s.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect();
    let folded = folded.to_lowercase();
    folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| t.len() > 1 && !HONORIFICS.contains(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`norm_name`] with hyphens for spaces: compares slugs such as families,
/// statuses and country codes.
pub fn norm_word(s: &str) -> String {
    norm_name(s).replace(' ', "-")
}

/// Split a list cell on `;`, `,`, `+` or `|`, trimming items and dropping empty ones.
pub fn split_list(s: &str) -> Vec<&str> {
    s.split([';', ',', '+', '|']).map(py_strip).filter(|x| !x.is_empty()).collect()
}

/// A closed interval of day numbers ([`crate::date::ordinal`]); `precise`
/// when its start was a full `YYYY-MM-DD` date, which earns [`DAY_SLACK`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: i64,
    pub hi: i64,
    pub precise: bool,
}

// ASCII digits: Python's `\d` also takes other scripts' digits, which no
// export or gold file writes in a date.
static DATE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?").expect("valid regex"));
static DATE_FULL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$").expect("valid regex"));
static DAY_PRECISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("valid regex"));

/// Day number of the first (`first`) or last day covered by a partial ISO date
/// at the start of `s` (`1976`, `1976-1`, `1976-01-15`, `1976-01-15T10:00`);
/// `None` when there is none or it is not a real date (year 0, 31 April).
pub fn parse_date(s: &str, first: bool) -> Option<i64> {
    let s = py_strip(s);
    // The first ten characters must be a date, else any date prefix will do.
    let head = s.char_indices().nth(10).map_or(s, |(i, _)| &s[..i]);
    let caps = DATE_FULL.captures(head).or_else(|| DATE_PREFIX.captures(s))?;
    let num = |i: usize| caps.get(i).map(|m| m.as_str().parse::<u32>().expect("ASCII digits"));
    let y = num(1).expect("year group always matches");
    if y == 0 {
        return None;
    }
    let y = y as i32;
    let (m, d) = match (num(2), num(3)) {
        (None, _) => {
            if first {
                (1, 1)
            } else {
                (12, 31)
            }
        }
        (Some(m), d) => {
            if !(1..=12).contains(&m) {
                return None;
            }
            let m = m as u8;
            let last = days_in_month(y, m);
            match d {
                None => (m, if first { 1 } else { last }),
                Some(d) if d >= 1 && d <= u32::from(last) => (m, d as u8),
                Some(_) => return None,
            }
        }
    };
    Some(ordinal(y, m, d))
}

/// The days covered by `start` and an optional `end` (empty for one day or
/// unknown; an unreadable end falls back to `start`). `None` when `start` is
/// not a date. A reversed range is put right.
pub fn interval(start: &str, end: &str) -> Option<Interval> {
    let lo = parse_date(start, true)?;
    let hi = parse_date(if end.is_empty() { start } else { end }, false).or_else(|| parse_date(start, false))?;
    let precise = DAY_PRECISE.is_match(py_strip(start));
    let (lo, hi) = if hi < lo { (hi, lo) } else { (lo, hi) };
    Some(Interval { lo, hi, precise })
}

impl Interval {
    fn widened(self) -> (i64, i64) {
        if self.precise { (self.lo - DAY_SLACK, self.hi + DAY_SLACK) } else { (self.lo, self.hi) }
    }

    /// Whether two intervals share a day, each day-precise one widened by [`DAY_SLACK`].
    pub fn overlaps(self, other: Interval) -> bool {
        let (alo, ahi) = self.widened();
        let (blo, bhi) = other.widened();
        alo <= bhi && blo <= ahi
    }
}

/// The year a proposal cell starts with (`1956`, `1956-10-19`), if any.
pub fn leading_year(s: &str) -> Option<i64> {
    let head = s.get(..4)?;
    head.bytes().all(|b| b.is_ascii_digit()).then(|| head.parse().expect("four ASCII digits"))
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! table {
        ($f:expr, $($input:expr => $want:expr),* $(,)?) => {$(
            assert_eq!($f($input), $want, "input {:?}", $input);
        )*};
    }

    #[test]
    fn names_fold_accents_case_punctuation_initials_and_titles() {
        table!(norm_name,
            "Taro Kono" => "taro kono",
            "  KONO,  Taro " => "kono taro",
            "Sergéy Lavrov" => "sergey lavrov",
            "Mr. Yevgeny M. Primakov" => "yevgeny primakov",
            "Dr Sir Ms Mrs X" => "",
            "Jean-Pierre Raffarin" => "jean pierre raffarin",
            "Ｔａｒｏ　Ｋｏｎｏ" => "taro kono",
            "Łukasz Øster" => "ukasz ster",
            "İsmail" => "ismail",
            "Gromyko's aide" => "gromyko aide",
            "Pope John Paul II" => "pope john paul ii",
            "" => "",
        );
    }

    #[test]
    fn words_are_slugs() {
        table!(norm_word,
            "Two Island" => "two-island",
            "two-island" => "two-island",
            "joint_economic" => "joint-economic",
            " held " => "held",
            "s.u." => "",
        );
    }

    #[test]
    fn lists_split_on_any_separator() {
        table!(split_list,
            "JP;RU" => vec!["JP", "RU"],
            " JP , SU + US | CN " => vec!["JP", "SU", "US", "CN"],
            ";;" => Vec::<&str>::new(),
            "" => Vec::<&str>::new(),
        );
    }

    #[test]
    fn python_strip_includes_ascii_separators() {
        assert_eq!(py_strip("\u{1f}\u{a0} x \t"), "x");
    }

    fn day(y: i32, m: u8, d: u8) -> Option<i64> {
        Some(ordinal(y, m, d))
    }

    #[test]
    fn partial_dates_cover_their_period() {
        let first = |s| parse_date(s, true);
        let last = |s| parse_date(s, false);
        table!(first,
            "1976" => day(1976, 1, 1),
            "1976-02" => day(1976, 2, 1),
            "1976-2-5" => day(1976, 2, 5),
            " 1976-02-05 " => day(1976, 2, 5),
            "1976-02-05T10:00:00" => day(1976, 2, 5),
            "1976-1-5 (approx.)" => day(1976, 1, 5),
            "19765" => day(1976, 1, 1),
            "1976-123" => day(1976, 12, 1),
            "1976-13" => None,
            "1976-02-30" => None,
            "0000" => None,
            "c. 1976" => None,
            "" => None,
        );
        table!(last,
            "1976" => day(1976, 12, 31),
            "1976-02" => day(1976, 2, 29),
            "1900-02" => day(1900, 2, 28),
            "1976-02-05" => day(1976, 2, 5),
        );
    }

    #[test]
    fn intervals_take_end_fall_back_and_swap() {
        let i = interval("1999-04-01", "1999-04-02").unwrap();
        assert_eq!((i.lo, i.hi, i.precise), (ordinal(1999, 4, 1), ordinal(1999, 4, 2), true));
        let i = interval("1999-04", "").unwrap();
        assert_eq!((i.lo, i.hi, i.precise), (ordinal(1999, 4, 1), ordinal(1999, 4, 30), false));
        let i = interval("2000-11-03", "2000-11-01").unwrap();
        assert_eq!((i.lo, i.hi), (ordinal(2000, 11, 1), ordinal(2000, 11, 3)));
        let i = interval("2000-11-03", "soon").unwrap();
        assert_eq!((i.lo, i.hi), (ordinal(2000, 11, 3), ordinal(2000, 11, 3)));
        assert_eq!(interval("", "2000"), None);
        assert!(!interval("1999-4-1", "").unwrap().precise, "only zero-padded dates earn slack");
    }

    #[test]
    fn day_precise_dates_overlap_with_three_days_slack() {
        let iv = |s: &str, e: &str| interval(s, e).unwrap();
        let cases = [
            (("2019-02-16", ""), ("2019-02-19", ""), true),
            (("2019-02-16", ""), ("2019-02-23", ""), false),
            (("2019-02-16", ""), ("2019-02-22", ""), true),
            (("2019-02-16", ""), ("2019-02", ""), true),
            (("2019-03-03", ""), ("2019-02", ""), true),
            (("2019-03-04", ""), ("2019-02", ""), false),
            (("2019-03", ""), ("2019-02", ""), false),
            (("2019", ""), ("2019-12", ""), true),
            (("1999-04-01", "1999-04-10"), ("1999-04-13", ""), true),
            (("1999-04-01", "1999-04-10"), ("1999-04-17", ""), false),
        ];
        for ((a, ae), (b, be), want) in cases {
            assert_eq!(iv(a, ae).overlaps(iv(b, be)), want, "{a}..{ae} vs {b}..{be}");
            assert_eq!(iv(b, be).overlaps(iv(a, ae)), want, "symmetric: {b}..{be} vs {a}..{ae}");
        }
    }

    #[test]
    fn proposal_years_come_from_the_first_four_characters() {
        table!(leading_year,
            "1956" => Some(1956),
            "1956-10-19" => Some(1956),
            "195" => None,
            "c1956" => None,
            "" => None,
        );
    }
}
