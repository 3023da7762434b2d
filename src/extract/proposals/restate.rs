//! "Same proposal?": whether two proposal mentions (within one document or across documents)
//! are one proposal restated. Kept as a pure predicate so merge loops can change freely.

use crate::date::PartialDate;

/// What the restatement test reads of one proposal mention.
#[derive(Clone, Copy, Debug)]
pub struct Told<'a> {
    pub family: &'a str,
    pub date: PartialDate,
    pub proposers: &'a [String],
    pub conditions: &'a [String],
    pub status: Option<&'a str>,
}

/// Whether `p` restates `k`: same family; years within one (or one deadline restated:
/// "a peace treaty by 2000"); proposers equal, unknown on one side, or one document dated by
/// its year alone ("the 1956 declaration" read once as signed by both, once as the Soviet
/// offer); conditions equal, or missing on one side when both are of one year (a condition
/// added a year later is a new offer). Two joint agreements told at different months are
/// two meetings' agreements, not one. Symmetric; O(proposers × conditions).
pub fn same_proposal(k: &Told, p: &Told) -> bool {
    let same_deadline = k.family == "peace-treaty" && !k.conditions.is_empty() && k.conditions.first() == p.conditions.first();
    let same_document = k.date.year == p.date.year
        && (k.date.month.is_none() || p.date.month.is_none())
        && k.proposers.iter().any(|c| p.proposers.contains(c));
    let same_year = k.date.year == p.date.year;
    let conditions_fit = k.conditions == p.conditions || (same_year && (k.conditions.is_empty() || p.conditions.is_empty()));
    k.family == p.family
        && ((p.date.year - k.date.year).abs() <= 1 || same_deadline)
        && (k.proposers == p.proposers || k.proposers.is_empty() || p.proposers.is_empty() || same_document)
        && conditions_fit
        && !distinct_agreements(k, p)
}

/// "agreed in Singapore in November … agreed in Buenos Aires in December": joint agreements
/// dated to different months.
fn distinct_agreements(k: &Told, p: &Told) -> bool {
    let joint = |t: &Told| t.status == Some("agreed") && t.proposers.len() >= 2;
    joint(k) && joint(p) && k.date.month.is_some() && p.date.month.is_some() && (k.date.year, k.date.month) != (p.date.year, p.date.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told<'a>(date: &str, proposers: &'a [String], conditions: &'a [String], status: &'a str) -> Told<'a> {
        Told { family: "peace-treaty", date: date.parse().unwrap(), proposers, conditions, status: Some(status) }
    }

    #[test]
    fn restatement_a_year_later_is_one() {
        let ru = vec!["RU".to_string()];
        assert!(same_proposal(&told("2001-03", &ru, &[], "offered"), &told("2002-05-01", &ru, &[], "offered")));
        assert!(!same_proposal(&told("2001-03", &ru, &[], "offered"), &told("2003-05-01", &ru, &[], "offered")));
    }

    #[test]
    fn agreements_of_two_months_are_two() {
        let both = vec!["JP".to_string(), "RU".to_string()];
        assert!(!same_proposal(&told("2018-11-14", &both, &[], "agreed"), &told("2018-12-01", &both, &[], "agreed")));
        assert!(same_proposal(&told("2018-11-14", &both, &[], "agreed"), &told("2018-11", &both, &[], "agreed")));
        assert!(same_proposal(&told("2018-11-14", &both, &[], "agreed"), &told("2018", &both, &[], "agreed")));
    }

    #[test]
    fn a_condition_added_a_year_later_is_a_new_offer() {
        let su = vec!["SU".to_string()];
        let cond = vec!["on certain conditions".to_string()];
        assert!(!same_proposal(&told("1955", &su, &[], "offered"), &told("1956-08", &su, &cond, "offered")));
        assert!(same_proposal(&told("1956", &su, &[], "offered"), &told("1956-08", &su, &cond, "offered")));
    }
}
