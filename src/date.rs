//! Partial ISO dates (`1976`, `1976-01`, `1976-01-15`) as used in the manifest,
//! the graph and every export. Parsing of date *phrases* in running text lives in
//! `extract::dates`; this module only knows the ISO forms and calendar arithmetic.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precisely a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why an ISO date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed date {input:?}: {reason} (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    pub input: String,
    pub reason: &'static str,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate { year, month: Some(month), day: None })
    }

    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// First day covered, as `(year, month, day)`.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last day covered, as `(year, month, day)`.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }

    /// Day number (days since 0000-03-01, proleptic Gregorian) of the first day covered.
    pub fn first_ordinal(&self) -> i64 {
        let (y, m, d) = self.first_day();
        ordinal(y, m, d)
    }

    /// Day number of the last day covered.
    pub fn last_ordinal(&self) -> i64 {
        let (y, m, d) = self.last_day();
        ordinal(y, m, d)
    }

    /// Whether the periods covered by two dates (or ranges) overlap.
    pub fn ranges_overlap(a: (Self, Option<Self>), b: (Self, Option<Self>)) -> bool {
        let (alo, ahi) = (a.0.first_ordinal(), a.1.unwrap_or(a.0).last_ordinal());
        let (blo, bhi) = (b.0.first_ordinal(), b.1.unwrap_or(b.0).last_ordinal());
        alo <= bhi && blo <= ahi
    }
}

/// Days since a fixed epoch; only differences are meaningful.
pub fn ordinal(y: i32, m: u8, d: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ord for PartialDate {
    /// Chronological by first day, then the less precise date first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| DateError { input: s.to_string(), reason };
        let t = s.trim();
        let mut parts = t.split('-');
        let y = parts.next().unwrap_or("");
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the year must be four digits"));
        }
        let year: i32 = y.parse().map_err(|_| err("bad year"))?;
        let num = |p: &str| -> Result<u8, DateError> {
            if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err("month and day must be one or two digits"));
            }
            p.parse().map_err(|_| err("bad number"))
        };
        let date = match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => PartialDate::year(year),
            (Some(m), None, _) => PartialDate::month(year, num(m)?).ok_or_else(|| err("month out of range"))?,
            (Some(m), Some(d), None) => {
                let m = num(m)?;
                PartialDate::day(year, m, num(d)?).ok_or_else(|| err("no such day in the calendar"))?
            }
            _ => return Err(err("too many parts")),
        };
        Ok(date)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! parses {
        ($($name:ident: $input:expr => $out:expr,)*) => {$(
            #[test]
            fn $name() {
                let got = $input.parse::<PartialDate>().map(|d| d.to_string());
                assert_eq!(got.as_deref().map_err(|e| e.reason), $out);
            }
        )*};
    }

    parses! {
        year_only: "1956" => Ok("1956"),
        year_month: "1994-01" => Ok("1994-01"),
        full: "2019-02-16" => Ok("2019-02-16"),
        one_digit_month: "1994-1" => Ok("1994-01"),
        leap_day: "2000-02-29" => Ok("2000-02-29"),
        no_leap_day: "1900-02-29" => Err("no such day in the calendar"),
        month_13: "1999-13" => Err("month out of range"),
        words: "January 1994" => Err("the year must be four digits"),
        empty: "" => Err("the year must be four digits"),
        trailing: "1999-01-01-01" => Err("too many parts"),
    }

    #[test]
    fn order_is_chronological_then_coarse_first() {
        let a: PartialDate = "1999".parse().unwrap();
        let b: PartialDate = "1999-01".parse().unwrap();
        let c: PartialDate = "1999-01-02".parse().unwrap();
        let d: PartialDate = "1998-12-31".parse().unwrap();
        let mut v = vec![c, a, b, d];
        v.sort();
        assert_eq!(v, vec![d, a, b, c]);
    }

    #[test]
    fn ranges_overlap_by_covered_days() {
        let p = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(PartialDate::ranges_overlap((p("1999"), None), (p("1999-04-02"), None)));
        assert!(!PartialDate::ranges_overlap((p("1999-03"), None), (p("1999-04-01"), None)));
        assert!(PartialDate::ranges_overlap((p("1999-03"), Some(p("1999-05"))), (p("1999-04"), None)));
        assert_eq!(p("2000-03-01").first_ordinal() - p("2000-02-28").first_ordinal(), 2);
    }
}
