//! Date phrases, absolute ("Dec. 18", "mid-1980s", "late 1997") and relative to
//! publication ("last week", "next March", "in November last year"), resolved to a
//! [`PartialDate`] range of the phrase's precision. It does not decide what a date belongs to.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::boundaries::{ascii_boundaries, boundaries_are_ascii};
use super::gate::Gate;
use super::verbs::{self, VerbGroup};
use crate::corpus::month_number;
use crate::date::{PartialDate, Precision, days_in_month, ordinal};

/// A date phrase found in a sentence, with byte offsets into that sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DatePhrase {
    pub start: usize,
    pub end: usize,
    pub from: PartialDate,
    pub to: Option<PartialDate>,
    /// A year used as an adjective of a document or offer ("the 1956 declaration").
    pub attributive: bool,
    /// Preceded by "by", "before" or "until": a deadline or limit, not an event date.
    pub deadline: bool,
    /// Preceded by "until" (a postponement's new date).
    pub until: bool,
    /// Inside parentheses (source citations such as "(AFP, October 25)").
    pub in_parens: bool,
}

impl DatePhrase {
    pub fn range(&self) -> (PartialDate, Option<PartialDate>) {
        (self.from, self.to)
    }
}

/// Whether a clause speaks of the past or the future (decides the year of "Feb. 16").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

fn re(p: &str) -> Regex {
    Regex::new(&p.replace("MONTHS", MONTHS)).expect("valid date regex")
}

/// Patterns in order of precedence; a later match overlapping an earlier one is dropped.
static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    vec![
        (Kind::MonthDay, re(r"\b(MONTHS)\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?\b")),
        (Kind::DayMonth, re(r"\b(\d{1,2})\s+(MONTHS)(?:,?\s+(\d{4}))?\b")),
        (Kind::MonthYear, re(r"(?i:\b(early|mid|late)[- ]?)?\b(MONTHS)\s+(?:of\s+)?(\d{4})\b")),
        (Kind::MonthRelYear, re(r"\b(MONTHS)\s+(?i:(last|this|next))\s+year\b")),
        (Kind::RelMonthName, re(r"\b(?i:(last|this|next|coming))\s+(MONTHS)")),
        (Kind::Week, re(r"(?i)\b(?:(late|early|later|earlier)\s+)?(last|this|next)\s+week\b")),
        (Kind::Month, re(r"(?i)\b(?:(late|early|later|earlier|end of)\s+)?(last|this|next)\s+month\b")),
        (Kind::Season, re(r"(?i)\b(last|this|next|coming)\s+(spring|summer|autumn|fall|winter)\b")),
        (Kind::SeasonYear, re(r"(?i)\b(spring|summer|autumn|fall|winter)\s+of\s+(\d{4})\b")),
        (Kind::BareSeason, re(r"(?i)\b(?:in|during|by|until)\s+the\s+(spring|summer|autumn|fall|winter)\b")),
        (Kind::Weekend, re(r"(?i)\b(?:(last|this|next|over the|at the)\s+)?weekend\b")),
        (Kind::Today, re(r"(?i)\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)\b")),
        (
            Kind::Weekday,
            re(
                r"\b(?:(?i:on|last|next|this|since|by|until)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            ),
        ),
        (Kind::RelYear, re(r"(?i)\b(?:(late|early|later|earlier)\s+)?(last|this|next)\s+year\b")),
        (Kind::FollowingYear, re(r"(?i)\bthe\s+(following|previous|next)\s+year\b")),
        (Kind::Decade, re(r"(?i)\b(?:(early|mid|late)[- ]?)?((?:19|20)\d0)s\b")),
        (Kind::PartYear, re(r"(?i)\b(early|mid|late)[- ]((?:19|20)\d\d)\b")),
        (Kind::Year, re(r"\b(?:the year\s+)?((?:19|20)\d\d)\b")),
        (Kind::PartMonth, re(r"(?i:\b(early|mid|late)[- ])(MONTHS)")),
        (
            Kind::BareMonth,
            re(
                r"\b(January|February|March|April|June|July|August|September|October|November|December|(?:(?i:in|since|until|by|from|during|before|after|sometime in|early|late|mid)\s+)May)\b",
            ),
        ),
    ]
});

/// [`PATTERNS`] with ASCII word boundaries, for sentences where they are exact (see [`ascii_boundaries`]).
static ASCII_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| PATTERNS.iter().map(|(_, re)| ascii_boundaries(re)).collect());

/// Which of [`PATTERNS`] can match a sentence: one literal pass instead of a scan per pattern.
static GATE: LazyLock<Gate> = LazyLock::new(|| Gate::new(PATTERNS.iter().map(|(_, re)| re.as_str())));

#[derive(Clone, Copy, Debug)]
enum Kind {
    MonthDay,
    DayMonth,
    MonthYear,
    MonthRelYear,
    RelMonthName,
    Week,
    Month,
    Season,
    SeasonYear,
    RelYear,
    FollowingYear,
    Decade,
    PartYear,
    Year,
    PartMonth,
    BareMonth,
    BareSeason,
    Weekday,
    Today,
    Weekend,
}

static ATTRIBUTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+[\w-]+){0,3}?\s+(?i:declaration|agreement|accord|offer|proposal|treaty|deadline|plan|pact|communique|statement)\b").unwrap()
});
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(by|before|until|till|through)(?:\s+the\s+end\s+of)?(?:\s+the\s+year)?$").unwrap()
});

/// The tense of the verb group governing byte `pos` of `s` (see [`verbs::direction`]).
/// Reads the sentence's verb groups; callers with several dates use [`find`], which reads them once.
pub fn tense_near(s: &str, pos: usize) -> Tense {
    verbs::direction(&verbs::groups(s), s, pos, false)
}

/// The first `n` bytes of `s` (at a character boundary): look-ahead windows stay constant-size.
pub fn head(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// The last `n` bytes of `s` (at a character boundary): look-behind windows stay constant-size.
pub fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// Day number → (year, month, day); inverse of [`crate::date::ordinal`].
pub fn civil(ord: i64) -> (i32, u8, u8) {
    // Howard Hinnant's civil_from_days, shifted to the same epoch as `ordinal`.
    let z = ord;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// The day of a day number (inverse of [`PartialDate::first_ordinal`] on a day).
pub fn day_of(ord: i64) -> PartialDate {
    let (y, m, d) = civil(ord);
    PartialDate { year: y, month: Some(m), day: Some(d) }
}

/// "MOSCOW, Oct. 10 -", "TOKYO, Jan. 13 (Reuters) -": the day a wire dateline names is
/// the reference time of the report ("today", "on Sunday"), when it is the publication
/// day or up to three days before it. `leads` are the first sentences of the document.
///
/// Complexity: one date scan of each lead sentence.
pub fn dateline_reference(leads: &[&str], pubd: Option<PartialDate>) -> Option<PartialDate> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\n)\W*[A-Z][A-Z .'/-]+,\s*$"));
    // What every lead PREFIX can match holds: a lead without it is not read for dates.
    static HAS_PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\n)\W*[A-Z][A-Z .'/-]+,"));
    let p = pubd?;
    leads.iter().filter(|t| HAS_PREFIX.is_match(t)).find_map(|t| {
        let d = find(t, pubd, Some(p.year)).into_iter().next()?;
        let gap = p.first_ordinal() - d.from.first_ordinal();
        (d.from.precision() == Precision::Day && d.to.is_none() && (0..=3).contains(&gap) && PREFIX.is_match(&t[..d.start]))
            .then_some(d.from)
    })
}

/// Day of week of a day number, 0 = Monday.
fn weekday(ord: i64) -> i64 {
    // 2000-01-03 was a Monday.
    (ord - ordinal(2000, 1, 3)).rem_euclid(7)
}

fn month_of(y: i32, m: i32) -> PartialDate {
    let (y, m) = (y + (m - 1).div_euclid(12), (m - 1).rem_euclid(12) + 1);
    PartialDate { year: y, month: Some(m as u8), day: None }
}

/// Months of a year part: early = Jan–Apr, mid = May–Aug, late = Sep–Dec.
fn part_months(part: &str) -> (u8, u8) {
    match part.to_ascii_lowercase().as_str() {
        "early" => (1, 4),
        "mid" => (5, 8),
        _ => (9, 12),
    }
}

fn season_months(s: &str) -> (i32, i32) {
    match s.to_ascii_lowercase().as_str() {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        _ => (12, 14),
    }
}

/// Year for a month (and day) given without one: the occurrence nearest the
/// publication date, on the side the tense asks for.
pub fn year_for(month: u8, day: Option<u8>, pubd: PartialDate, tense: Tense) -> i32 {
    let p = pubd.first_ordinal().max(pubd.first_ordinal());
    let cand = |y: i32| {
        let d = day.unwrap_or(1).min(days_in_month(y, month));
        let lo = ordinal(y, month, d);
        let hi = if day.is_some() { lo } else { ordinal(y, month, days_in_month(y, month)) };
        (y, lo, hi)
    };
    let ys: Vec<(i32, i64, i64)> = (pubd.year - 1..=pubd.year + 1).map(cand).collect();
    // Publication dates known to the month only cover the whole month.
    let (plo, phi) = (p, pubd.last_ordinal());
    let dist = |&(_, lo, hi): &(i32, i64, i64)| {
        if hi < plo {
            plo - hi
        } else if lo > phi {
            lo - phi
        } else {
            0
        }
    };
    let nearest = ys.iter().min_by_key(|c| dist(c)).unwrap().0;
    match tense {
        Tense::Future => ys.iter().filter(|c| c.2 >= plo).min_by_key(|c| dist(c)).map_or(nearest, |c| c.0),
        Tense::Past => {
            let past = ys.iter().filter(|c| c.1 <= phi).min_by_key(|c| dist(c));
            // A month said in the past tense but nine months gone is more likely the coming one.
            match past {
                Some(c) if dist(c) <= 270 => c.0,
                _ => nearest,
            }
        }
        Tense::Unknown => nearest,
    }
}

/// Find and resolve the date phrases of a sentence. `pubd` is the publication
/// date (relative phrases stay unresolved without it); `context_year` the year
/// the narrative is in, for "the following year".
pub fn find(s: &str, pubd: Option<PartialDate>, context_year: Option<i32>) -> Vec<DatePhrase> {
    find_with(s, &verbs::groups(s), pubd, context_year)
}

/// [`find`] with the sentence's verb groups already read ([`verbs::groups`]).
/// Linear in the sentence length: every look-up is windowed or by binary search.
pub fn find_with(s: &str, vg: &[VerbGroup], pubd: Option<PartialDate>, context_year: Option<i32>) -> Vec<DatePhrase> {
    let opens: Vec<usize> = s.match_indices('(').map(|(i, _)| i).collect();
    let closes: Vec<usize> = s.match_indices(')').map(|(i, _)| i).collect();
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let overlaps = |taken: &std::collections::BTreeMap<usize, usize>, a: usize, b: usize| {
        taken.range(..b).next_back().is_some_and(|(_, &e)| e > a)
    };
    let mut out: Vec<DatePhrase> = Vec::new();
    let open = GATE.open(s);
    let ascii = boundaries_are_ascii(s);
    for (((kind, re), ascii_re), _) in PATTERNS.iter().zip(ASCII_PATTERNS.iter()).zip(open).filter(|(_, open)| *open) {
        let re = if ascii { ascii_re } else { re };
        // Captures are read only for a match no earlier pattern took: `find_iter` visits the
        // matches `captures_iter` would, and the match `captures_at` finds from a match's start
        // is that match (leftmost-first from the same position).
        for m in re.find_iter(s) {
            if overlaps(&taken, m.start(), m.end()) {
                continue;
            }
            let Some(c) = re.captures_at(s, m.start()) else { continue };
            let depth = opens.partition_point(|&i| i < m.start()) as i64 - closes.partition_point(|&i| i < m.start()) as i64;
            // A citation in parentheses has no verb of its own.
            let groups: &[VerbGroup] = if depth > 0 { &[] } else { vg };
            // "the following Friday", "the previous Monday": anchored on an event of the story, not on publication.
            let anchor = tail(&s[..m.start()], 12).trim_end().to_ascii_lowercase();
            if matches!(kind, Kind::Weekday) && (anchor.ends_with("following") || anchor.ends_with("previous")) {
                continue;
            }
            let Some((from, to)) = resolve(*kind, &c, groups, s, m.start(), pubd, context_year) else { continue };
            let before = tail(&s[..m.start()], 80).trim_end_matches(|ch: char| !ch.is_alphanumeric());
            // "By 1990 the government had…" opens a sentence: a point in time, not a deadline.
            let dl = DEADLINE.captures(before).filter(|_| tail(&s[..m.start()], 80).trim().contains(' '));
            let is_year = matches!(kind, Kind::Year);
            taken.insert(m.start(), m.end());
            out.push(DatePhrase {
                start: m.start(),
                end: m.end(),
                from,
                to,
                attributive: is_year && ATTRIBUTIVE.is_match(head(&s[m.end()..], 80)),
                deadline: dl.is_some(),
                until: dl.is_some_and(|c| matches!(c[1].to_ascii_lowercase().as_str(), "until" | "till")),
                in_parens: depth > 0,
            });
        }
    }
    out.sort_by_key(|d| d.start);
    join_day_pairs(s, out)
}

/// "on Saturday and Sunday", "Monday through Wednesday", "Feb. 7-9": two days joined by
/// "and", "to", "through" or a dash, the second one to six days after the first, are one span.
fn join_day_pairs(s: &str, ds: Vec<DatePhrase>) -> Vec<DatePhrase> {
    static JOIN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(?:and|to|through|thru|-|–)\s*(?:on\s+)?$"));
    let mut out: Vec<DatePhrase> = Vec::with_capacity(ds.len());
    for d in ds {
        if let Some(prev) = out.last_mut() {
            let gap = d.from.first_ordinal() - prev.to.unwrap_or(prev.from).last_ordinal();
            let days = |x: &DatePhrase| x.from.precision() == Precision::Day && x.to.is_none_or(|t| t.precision() == Precision::Day);
            if days(prev)
                && days(&d)
                && (1..=6).contains(&gap)
                && !prev.in_parens
                && s.get(prev.end..d.start).is_some_and(|b| JOIN.is_match(b))
            {
                prev.end = d.end;
                prev.to = Some(d.to.unwrap_or(d.from));
                continue;
            }
        }
        out.push(d);
    }
    out
}

fn num(c: &Captures, i: usize) -> Option<i64> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn resolve(
    kind: Kind,
    c: &Captures,
    vg: &[VerbGroup],
    s: &str,
    pos: usize,
    pubd: Option<PartialDate>,
    context_year: Option<i32>,
) -> Option<(PartialDate, Option<PartialDate>)> {
    let word = |i: usize| c.get(i).map(|m| m.as_str().to_ascii_lowercase());
    let month_at = |i: usize| c.get(i).and_then(|m| month_number(m.as_str().rsplit(' ').next().unwrap_or("")));
    match kind {
        Kind::MonthDay | Kind::DayMonth => {
            let (mi, di, ei, yi) = if matches!(kind, Kind::MonthDay) { (1, 2, 3, 4) } else { (2, 1, 0, 3) };
            let month = month_at(mi)?;
            let day = num(c, di)? as u8;
            let year = match num(c, yi) {
                Some(y) => y as i32,
                None => year_for(month, Some(day), pubd?, verbs::direction(vg, s, pos, false)),
            };
            let from = PartialDate::day(year, month, day)?;
            let to = if ei > 0 { num(c, ei).and_then(|e| PartialDate::day(year, month, e as u8)) } else { None };
            Some((from, to.filter(|t| *t > from)))
        }
        Kind::MonthYear => {
            let month = month_at(2)?;
            let year = num(c, 3)? as i32;
            Some((PartialDate::month(year, month)?, None))
        }
        Kind::MonthRelYear => {
            let month = month_at(1)?;
            let p = pubd?;
            let y = match word(2)?.as_str() {
                "last" => p.year - 1,
                "next" => p.year + 1,
                _ => p.year,
            };
            Some((PartialDate::month(y, month)?, None))
        }
        Kind::RelMonthName => {
            let month = month_at(2)? as i32;
            let p = pubd?;
            let pm = p.month.unwrap_or(6) as i32;
            let y = match word(1)?.as_str() {
                "last" => {
                    if month < pm {
                        p.year
                    } else {
                        p.year - 1
                    }
                }
                "next" | "coming" => {
                    if month > pm {
                        p.year
                    } else {
                        p.year + 1
                    }
                }
                _ => p.year,
            };
            Some((month_of(y, month), None))
        }
        Kind::Week => {
            let p = pubd?;
            if p.day.is_none() {
                return Some((p, None));
            }
            let o = p.first_ordinal();
            let monday = o - weekday(o)
                + match word(2)?.as_str() {
                    "last" => -7,
                    "next" => 7,
                    _ => 0,
                };
            let (a, b) = match word(1).as_deref() {
                Some("late") | Some("later") => (3, 6),
                Some("early") | Some("earlier") => (0, 2),
                _ => (0, 6),
            };
            Some((day_of(monday + a), Some(day_of(monday + b))))
        }
        Kind::Month => {
            let p = pubd?;
            let pm = p.month? as i32;
            let m = month_of(
                p.year,
                pm + match word(2)?.as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                },
            );
            let last = days_in_month(m.year, m.month?);
            let part = word(1);
            let span =
                |a: u8, b: u8| Some((PartialDate::day(m.year, m.month?, a)?, PartialDate::day(m.year, m.month?, b)));
            match part.as_deref() {
                Some("late") | Some("end of") => span(21, last),
                Some("early") => span(1, 10),
                Some("later") if word(2).as_deref() == Some("this") && p.day.is_some() => {
                    span((p.day? + 1).min(last), last)
                }
                Some("earlier") if word(2).as_deref() == Some("this") && p.day.is_some() => {
                    span(1, p.day?.saturating_sub(1).max(1))
                }
                _ => Some((m, None)),
            }
        }
        Kind::BareSeason => {
            let (a, b) = season_months(&word(1)?);
            let p = pubd?;
            let pm = p.month.unwrap_or(6) as i32;
            let y = match verbs::direction(vg, s, pos, false) {
                Tense::Future if b < pm => p.year + 1,
                Tense::Past if a > pm => p.year - 1,
                _ => p.year,
            };
            Some((month_of(y, a), Some(month_of(y, b))))
        }
        Kind::Weekend => {
            // The latest Saturday–Sunday up to publication; "next weekend" or a future clause: the coming one.
            let p = pubd?;
            if p.day.is_none() {
                return Some((p, None));
            }
            let (o, wd) = (p.first_ordinal(), weekday(p.first_ordinal()));
            let future =
                word(1).as_deref() == Some("next") || (word(1).is_none() && verbs::direction(vg, s, pos, true) == Tense::Future);
            let sat = if future { o + (5 - wd).rem_euclid(7) } else { o - (wd - 5).rem_euclid(7) };
            Some((day_of(sat), Some(day_of(sat + 1))))
        }
        Kind::Today => {
            let p = pubd?;
            // Published in a known month only: the date is as precise as that.
            if p.day.is_none() {
                return Some((p, None));
            }
            let shift = match word(1)?.as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            Some((day_of(p.first_ordinal() + shift), None))
        }
        Kind::Weekday => {
            let p = pubd?;
            if p.day.is_none() {
                return Some((p, None));
            }
            const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            let want = DAYS.iter().position(|d| Some(d.to_string()) == word(1))? as i64;
            let o = p.first_ordinal();
            let back = (weekday(o) - want).rem_euclid(7);
            let ahead = (want - weekday(o)).rem_euclid(7);
            let m = c.get(0).unwrap().as_str().to_ascii_lowercase();
            // News speaks of the past week: the latest such day, unless the clause looks ahead.
            let d = if m.starts_with("next") || (verbs::direction(vg, s, pos, true) == Tense::Future && !m.starts_with("last")) {
                o + if ahead == 0 && m.starts_with("next") { 7 } else { ahead }
            } else {
                o - back
            };
            Some((day_of(d), None))
        }
        Kind::Season | Kind::SeasonYear => {
            let (a, b) = season_months(&word(if matches!(kind, Kind::Season) { 2 } else { 1 })?);
            let y = if matches!(kind, Kind::SeasonYear) {
                num(c, 2)? as i32
            } else {
                let p = pubd?;
                let pm = p.month.unwrap_or(6) as i32;
                match word(1)?.as_str() {
                    "last" => {
                        if b < pm {
                            p.year
                        } else {
                            p.year - 1
                        }
                    }
                    "next" | "coming" => {
                        if a > pm {
                            p.year
                        } else {
                            p.year + 1
                        }
                    }
                    _ => p.year,
                }
            };
            Some((month_of(y, a), Some(month_of(y, b))))
        }
        Kind::RelYear => {
            let p = pubd?;
            let y = match word(2)?.as_str() {
                "last" => p.year - 1,
                "next" => p.year + 1,
                _ => p.year,
            };
            // "later this year": from the month of publication to December.
            if let (Some("later"), Some(pm)) = (word(1).as_deref(), p.month)
                && y == p.year
            {
                return Some((month_of(y, pm as i32), Some(month_of(y, 12))));
            }
            Some((PartialDate::year(y), None))
        }
        Kind::FollowingYear => {
            let y = context_year?;
            Some((PartialDate::year(if word(1)? == "previous" { y - 1 } else { y + 1 }), None))
        }
        Kind::Decade => {
            let d = num(c, 2)? as i32;
            let (a, b) = match word(1).as_deref() {
                Some("early") => (0, 3),
                Some("mid") => (3, 7),
                Some("late") => (7, 9),
                _ => (0, 9),
            };
            Some((PartialDate::year(d + a), Some(PartialDate::year(d + b))))
        }
        Kind::PartYear => {
            let y = num(c, 2)? as i32;
            let (a, b) = part_months(&word(1)?);
            Some((PartialDate::month(y, a)?, PartialDate::month(y, b)))
        }
        Kind::Year => Some((PartialDate::year(num(c, 1)? as i32), None)),
        Kind::PartMonth | Kind::BareMonth => {
            let month = month_at(if matches!(kind, Kind::PartMonth) { 2 } else { 1 })?;
            let y = year_for(month, None, pubd?, verbs::direction(vg, s, pos, false));
            Some((PartialDate::month(y, month)?, None))
        }
    }
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&ASCII_PATTERNS);
    LazyLock::force(&GATE);
    LazyLock::force(&ATTRIBUTIVE);
    LazyLock::force(&DEADLINE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn ascii_boundaries_match_alike_on_ascii_text() {
        let texts = [
            "On Oct. 19, 1956 and Dec. 7-9, 1998, in early 1997 and the mid-1980s, last week, next March, in May.",
            "x1956 1956x _1956 1956_ Monday_ Mondays late-1990s over the weekend-long talks; this morning.Yesterday",
            "The 1956 declaration, signed 19 October 1956 (Kyodo, Oct. 20), was to take effect in spring of 1957.",
        ];
        let mut matches = 0;
        for ((_, re), ascii_re) in PATTERNS.iter().zip(ASCII_PATTERNS.iter()) {
            assert_ne!(re.as_str(), ascii_re.as_str());
            for t in texts {
                let spans = |r: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    r.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect()
                };
                assert_eq!(spans(ascii_re), spans(re), "{} on {t:?}", re.as_str());
                matches += spans(re).len();
            }
        }
        assert!(matches >= 20, "{matches}");
        // Not on other text: "é1956" has no Unicode boundary before the year, but an ASCII one.
        let year = &ASCII_PATTERNS[PATTERNS.iter().position(|(k, _)| matches!(k, Kind::Year)).unwrap()];
        assert!(year.is_match("é1956"));
        assert!(!PATTERNS.iter().find(|(k, _)| matches!(k, Kind::Year)).unwrap().1.is_match("é1956"));
        assert_eq!(ascii_boundaries(&Regex::new(r"\\b\d\b").unwrap()).as_str(), r"\\b\d(?-u:\b)");
        assert!(!boundaries_are_ascii("é1956") && !boundaries_are_ascii("x ٣ y") && !boundaries_are_ascii("Ōno"));
        assert!(boundaries_are_ascii("plain") && boundaries_are_ascii("“Oct. 19–20,\u{a0}1956” — it’s…"));
    }

    #[test]
    fn ascii_boundaries_match_alike_where_no_word_character_is_beyond_ascii() {
        let texts = [
            "“On Oct. 19–20, 1956,” he said — in early\u{a0}1997 and the mid–1980s, last week’s talks, next March…",
            "‘1956’ «Monday» late—1990s over the weekend; this\u{2009}morning. Yesterday’s 1956—1960 “x1956”",
        ];
        let mut matches = 0;
        for ((_, re), ascii_re) in PATTERNS.iter().zip(ASCII_PATTERNS.iter()) {
            for t in texts {
                assert!(boundaries_are_ascii(t) && !t.is_ascii());
                let spans = |r: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    r.captures_iter(t).map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()).collect()
                };
                assert_eq!(spans(ascii_re), spans(re), "{} on {t:?}", re.as_str());
                matches += spans(re).len();
            }
        }
        assert!(matches >= 10, "{matches}");
    }

    #[test]
    fn captures_at_a_found_match_are_the_captures_of_the_scan() {
        let texts = [
            "On Oct. 19, 1956 and Dec. 7-9, 1998, in early 1997 and the mid-1980s, last week, next March, in May.",
            "The 1956 declaration, signed 19 October 1956 (Kyodo, Oct. 20), was to take effect in spring of 1957 until Monday.",
            "Talks late this month, the following year, over the weekend, this morning, on Sunday and Monday through Wednesday.",
            "Président Chirac: 2001年 Jan. 2001, sometime in May 2002; mid-September, 1990s–2000s, since May.",
        ];
        let mut matches = 0;
        for (_, re) in PATTERNS.iter() {
            for t in texts {
                let scan: Vec<Vec<Option<(usize, usize)>>> = re
                    .captures_iter(t)
                    .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                    .collect();
                let at: Vec<Vec<Option<(usize, usize)>>> = re
                    .find_iter(t)
                    .map(|m| {
                        let c = re.captures_at(t, m.start()).expect("a match at its own start");
                        assert_eq!(c.get(0).map(|g| g.range()), Some(m.range()));
                        c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect()
                    })
                    .collect();
                assert_eq!(at, scan, "{} on {t:?}", re.as_str());
                matches += scan.len();
            }
        }
        assert!(matches >= 30, "{matches}");
    }

    /// `phrase in sentence @ publication date => "from..to"` (first phrase found).
    macro_rules! dates {
        ($($name:ident: $sentence:expr, $pubd:expr => $want:expr,)*) => {$(
            #[test]
            fn $name() {
                let got = find($sentence, Some(d($pubd)), Some(1976));
                let first = got.first().map(|p| match p.to {
                    Some(t) => format!("{}..{}", p.from, t),
                    None => p.from.to_string(),
                });
                assert_eq!(first.as_deref(), $want, "{:?}", got);
            }
        )*};
    }

    dates! {
        day_month_past: "after the Dec. 18 meeting", "1989-12-27" => Some("1989-12-18"),
        day_range: "The October 23-24 talks were held", "2000-10-27" => Some("2000-10-23..2000-10-24"),
        purpose_after_the_date: "Abe flew to Vladivostok on Wednesday to attend the forum", "2017-09-08" => Some("2017-09-06"),
        hoped_to_come_in_month: "Putin said he hoped to come to Japan for the summit in Osaka in June", "2018-11-15" => Some("2019-06"),
        agreed_to_hold_in_month: "Abe and Putin agreed to hold talks again in Vladivostok in September", "2016-05-07" => Some("2016-09"),
        agreed_in_month_is_past: "Abe and Putin agreed in Singapore in November to speed up talks", "2019-01-15" => Some("2018-11"),
        future_day_range: "Kono will visit Moscow November 1-3", "2000-10-27" => Some("2000-11-01..2000-11-03"),
        past_in_new_year: "they met on Dec. 28", "2001-01-05" => Some("2000-12-28"),
        future_across_year: "Koizumi will visit Moscow on Jan. 10", "2002-12-20" => Some("2003-01-10"),
        month_year: "visited Tokyo in January\n1972 to reopen talks", "1994-01" => Some("1972-01"),
        last_week_wednesday: "held a meeting here last week", "1989-12-27" => Some("1989-12-18..1989-12-24"),
        late_last_week: "took a step back late last week", "1999-04-05" => Some("1999-04-01..1999-04-04"),
        this_week: "resumed this week", "2000-10-27" => Some("2000-10-23..2000-10-29"),
        next_month_name: "scheduled visit to Japan next March", "1989-12-27" => Some("1990-03"),
        last_month_name: "Last November hopes were raised", "1989-12-27" => Some("1989-11"),
        later_this_year: "Putin will visit Japan later this year", "2016-05-07" => Some("2016-05..2016-12"),
        this_year_is_the_year: "Putin will visit Japan this year", "2016-05-07" => Some("2016"),
        later_this_month: "scheduled for later this month", "1999-04-05" => Some("1999-04-06..1999-04-30"),
        this_spring: "will not travel to Japan this spring", "1999-04-05" => Some("1999-03..1999-05"),
        sometime_in_may: "postpone until sometime in May a visit", "1999-04-05" => Some("1999-05"),
        month_last_year: "In November last year, Abe and Putin agreed", "2019-02-17" => Some("2018-11"),
        bare_month_future: "in June, when Putin is scheduled to visit Japan", "2019-02-17" => Some("2019-06"),
        bare_month_past: "during their previous talks in January", "2019-02-17" => Some("2019-01"),
        next_month_rel: "Kishida will visit Moscow next month", "2016-08-20" => Some("2016-09"),
        decade: "In the 1960s Moscow renounced the offer", "2000-10-27" => Some("1960..1969"),
        mid_decade: "beginning in the mid-1980s", "1994-01" => Some("1983..1987"),
        late_year: "summits in late 1997 and early 1998", "1999-04-05" => Some("1997-09..1997-12"),
        plain_year: "Medvedev visited Kunashir in November 2010", "2011-02-01" => Some("2010-11"),
        following_year: "talks resumed the following year", "1994-01" => Some("1977"),
        season_of_year: "in the spring of 1999", "2001-01-01" => Some("1999-03..1999-05"),
        no_date: "the summit was called off", "2005-01-01" => None,
        abbreviation_without_period: "the summit on Nov 20 ended", "2018-11-25" => Some("2018-11-20"),
        weekend_talks: "Hashimoto proposed in weekend talks with Yeltsin", "1998-04-20" => Some("1998-04-18..1998-04-19"),
        today: "Gorbachev arrived here today", "1991-04-16" => Some("1991-04-16"),
        yesterday: "the ministers met yesterday", "1991-04-16" => Some("1991-04-15"),
        weekday_past: "Abe and Putin agreed Friday to start talks", "2016-12-17" => Some("2016-12-16"),
        weekday_on: "the leaders met in Nagato on Thursday", "2016-12-17" => Some("2016-12-15"),
        weekday_future: "Lavrov will arrive in Tokyo on Monday", "2016-12-17" => Some("2016-12-19"),
        following_weekday_is_the_storys: "The following Friday the envoys signed", "1956-10-29" => None,
        weekday_future_is_today: "The envoys are set to meet on Monday", "2013-08-19" => Some("2013-08-19"),
        weekday_next_is_a_week_on: "The envoys will meet next Monday", "2013-08-19" => Some("2013-08-26"),
        weekday_present_lead_looks_ahead: "The premier starts a trip to the capital Wednesday", "1998-11-09" => Some("1998-11-11"),
        weekday_in_a_month_dated_report: "The envoy held talks with his host Friday", "1996-11" => Some("1996-11"),
        was_to_have_looks_ahead: "The talks were to have begun Sunday", "2004-03-04" => Some("2004-03-07"),
        agreed_to_hold_after: "The two sides agreed to hold another round in March", "2010-01-20" => Some("2010-03"),
        agreed_in_month_then_infinitive: "The envoys agreed in March to widen the talks", "2010-05-20" => Some("2010-03"),
        modal_with_month_name: "The minister may travel north in May", "2010-08-20" => Some("2011-05"),
        bare_season: "he would reply in the autumn", "1998-04-20" => Some("1998-09..1998-11"),
        plan_is_a_noun: "Abe had proposed a plan at a meeting in Sochi in May", "2016-12-17" => Some("2016-05"),
        modal_may_is_not_a_month: "Moscow may make concessions", "2005-01-01" => None,
    }

    #[test]
    fn flags_attributive_deadline_and_citation() {
        let s =
            "a 1956 Soviet-Japanese agreement as the basis, to sign a peace treaty by the year 2000 (AFP, October 25)";
        let got = find(s, Some(d("2000-10-27")), None);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].attributive && !got[0].deadline);
        assert!(got[1].deadline && !got[1].attributive && got[1].from == d("2000"));
        assert!(got[2].in_parens && got[2].from == d("2000-10-25"));
        let u = find("postponed until sometime in May", Some(d("1999-04-05")), None);
        assert!(u[0].until);
    }

    #[test]
    fn civil_inverts_ordinal() {
        for (y, m, dd) in [(2000, 2, 29), (1989, 12, 27), (1956, 10, 19), (2019, 1, 1)] {
            assert_eq!(civil(ordinal(y, m, dd)), (y, m, dd));
        }
        assert_eq!(weekday(ordinal(1999, 4, 5)), 0, "1999-04-05 was a Monday");
    }

    #[test]
    fn dateline_day_is_the_reference() {
        let leads = ["Envoys part without a deal", "OSLO, March 3 (Wire) - The envoys left today."];
        assert_eq!(dateline_reference(&leads, Some(d("2004-03-04"))), Some(d("2004-03-03")));
        // A dateline day far from publication, or a date inside the text, is not the reference.
        assert_eq!(dateline_reference(&leads, Some(d("2004-03-20"))), None);
        let leads = ["The envoys met on March 3 in Oslo."];
        assert_eq!(dateline_reference(&leads, Some(d("2004-03-04"))), None);
    }

    #[test]
    fn coordinated_days_are_one_span() {
        let ds = find("The envoys talked in a spa town on Saturday and Sunday.", Some(d("2002-06-10")), None);
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(ds[0].range(), (d("2002-06-08"), Some(d("2002-06-09"))));
        // Days a week apart stay two dates.
        let ds = find("They met on May 2 and on May 20.", Some(d("2002-06-10")), None);
        assert_eq!(ds.len(), 2, "{ds:?}");
    }
}
