//! A stated length of an event ("a five-day visit", "three days of talks",
//! "two days of summit talks that began on Thursday") turns the one day a date
//! phrase names into the event's whole span: the date is the last day when the
//! predicate ends the event ("ended", "wrapped up", "concluded") and the first
//! day when it begins it ("began", "arrived for", "opened").
//!
//! Complexity: one regex pass over a window of the sentence, O(n) in its length.

use std::sync::LazyLock;

use crate::extract::gate::Gated;

use super::dates::day_of;
use crate::date::{PartialDate, Precision};

/// "five-day", "three days of", "2-day".
static LENGTH: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:-|\s+)days?(?:-long)?(?:\s+of)?\s+").unwrap()
});
/// A predicate that closes the event: its date is the last day.
static ENDS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:end|ends|ended|ending|concluded?|concludes|concluding|wrapped up|wraps up|wrapping up|finished|completed|closed|winding up|wound up)\b").unwrap()
});
/// A predicate that opens the event: its date is the first day.
static BEGINS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:began|begins|begin|beginning|started|starts|start|starting|opened|opens|opening|arrived|arrives|arriving|arrive|launched)\b").unwrap()
});

/// Which end of the span the date names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    First,
    Last,
}

fn number(w: &str) -> Option<i64> {
    const WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let w = w.to_ascii_lowercase();
    WORDS.iter().position(|x| *x == w).map(|i| i as i64 + 2).or_else(|| w.parse().ok())
}

/// The stated length (in days, at least 2 and at most 14) of the event whose cue
/// word spans `cue` in `text`, and which end of it the date at `date_pos` names.
/// The length must stand right before the cue ("five-day visit", "three days of
/// summit talks": at most two words between); the anchor is read from the
/// predicate before the length ("ended") or between the cue and the date
/// ("that began on Thursday"); an opening predicate nearer the date wins.
pub fn stated_span(text: &str, cue: (usize, usize), date_pos: usize) -> Option<(i64, Anchor)> {
    let lo = cue.0.saturating_sub(40);
    let lo = (0..=lo).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let m = LENGTH.captures_iter(&text[lo..cue.0]).last()?;
    let whole = m.get(0)?;
    let between = &text[lo + whole.end()..cue.0];
    if between.split_whitespace().count() > 2 || between.contains([',', ';']) {
        return None;
    }
    let days = number(&m[1]).filter(|d| (2..=14).contains(d))?;
    let before = &text[lo..lo + whole.start()];
    let before = &before[before.rfind([',', ';']).map_or(0, |i| i + 1)..];
    let after = if date_pos > cue.1 { text.get(cue.1..date_pos).unwrap_or("") } else { "" };
    let anchor = if BEGINS.is_match(after) {
        Anchor::First
    } else if ENDS.is_match(after) {
        Anchor::Last
    } else if let Some(b) = BEGINS.find_iter(before).last() {
        match ENDS.find_iter(before).last() {
            Some(e) if e.start() > b.start() => Anchor::Last,
            _ => Anchor::First,
        }
    } else if ENDS.is_match(before) {
        Anchor::Last
    } else {
        return None;
    };
    Some((days, anchor))
}

/// Widen the one day `day` to a span of `days` with `day` at `anchor`; any other
/// date (a month, a range already) is returned unchanged.
pub fn widen(day: PartialDate, to: Option<PartialDate>, days: i64, anchor: Anchor) -> (PartialDate, Option<PartialDate>) {
    if day.precision() != Precision::Day || to.is_some_and(|t| t != day) {
        return (day, to);
    }
    let o = day.first_ordinal();
    match anchor {
        Anchor::Last => (day_of(o - days + 1), Some(day)),
        Anchor::First => (day, Some(day_of(o + days - 1))),
    }
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&LENGTH);
    LazyLock::force(&ENDS);
    LazyLock::force(&BEGINS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str, cue: &str, date: &str) -> Option<(i64, Anchor)> {
        let c = s.find(cue).unwrap();
        stated_span(s, (c, c + cue.len()), s.find(date).unwrap())
    }

    #[test]
    fn length_and_anchor() {
        let s = "The envoy wrapped up a four-day visit to the region on Sunday.";
        assert_eq!(span(s, "visit", "Sunday"), Some((4, Anchor::Last)));
        let s = "The premiers ended two days of border talks Friday with a communique.";
        assert_eq!(span(s, "talks", "Friday"), Some((2, Anchor::Last)));
        let s = "The deal followed three days of talks that began on Monday in the capital.";
        assert_eq!(span(s, "talks", "Monday"), Some((3, Anchor::First)));
        let s = "The minister arrived on Tuesday for a three-day visit.";
        assert_eq!(span(s, "visit", "Tuesday"), Some((3, Anchor::First)));
        // No predicate telling which end: no span. A length far from the cue: none.
        let s = "A five-day visit is planned for May.";
        assert_eq!(span(s, "visit", "May"), None);
        let s = "He ended a five-day tour of the north, with talks on Monday.";
        assert_eq!(span(s, "talks", "Monday"), None);
    }

    #[test]
    fn widening() {
        let d = PartialDate::day(2001, 3, 2).unwrap();
        let (f, t) = widen(d, None, 3, Anchor::Last);
        assert_eq!((f, t), (PartialDate::day(2001, 2, 28).unwrap(), Some(d)));
        let (f, t) = widen(d, None, 2, Anchor::First);
        assert_eq!((f, t), (d, Some(PartialDate::day(2001, 3, 3).unwrap())));
        let m = PartialDate::month(2001, 3).unwrap();
        assert_eq!(widen(m, None, 3, Anchor::Last), (m, None));
    }
}
