//! Event frames: how a meeting trigger (a cue word such as "talks", "visit",
//! "met") relates to the verb groups and roles around it — which verb group
//! governs it (and so its status, or whether it is denied), which dates belong
//! to another predicate, and which persons a role phrase names at the event
//! date ("the Soviet leader", "the two foreign ministers", "Japan's prime
//! minister"), resolved through the office terms in `data/offices.tsv`.
//!
//! Every function here works on the sentence's verb groups (read once) and
//! bounded windows, so it costs O(log n) or O(window) per trigger.

use std::sync::LazyLock;

use crate::extract::gate::Gated;

use super::actors::{Actor, Mention};
use super::dates::tail;
use super::lexicon::Lexicon;
use super::mentions::Sent;
use super::verbs::{Time, VerbGroup};
use crate::date::PartialDate;

/// Words before which a verb-like status word is a noun ("a plan to", "their hopes").
const DETERMINERS: &[&str] =
    &["a", "an", "the", "his", "her", "their", "its", "this", "that", "no", "any", "new", "russia's", "japan's"];

/// The verb group that governs the trigger at `cue` (byte span): the group that
/// contains it ("will meet", "agreed to hold talks") or ends at most a few words
/// before it in the same clause ("is not expected to have a separate meeting").
pub fn governing(s: &Sent, cue: (usize, usize)) -> Option<&VerbGroup> {
    let gs = &s.verbs;
    let i = gs.partition_point(|g| g.start <= cue.0);
    let g = gs[..i].iter().rev().find(|g| !g.adverb)?;
    if cue.0 < g.end {
        return Some(g);
    }
    let gap = &s.text[g.end..cue.0];
    let words = gap.split_whitespace().count();
    (gap.len() <= 30 && words <= 3 && !gap.contains([',', ';', '.', ':', '"', '(', ')'])).then_some(g)
}

/// Whether a governing verb group puts its event ahead of the time of writing:
/// a modal or future, a plan, or a to-infinitive after a catenative verb — but not a
/// plan told as unfulfilled ("was to have begun") nor a negated one.
pub fn looks_ahead(g: &VerbGroup) -> bool {
    !g.negated && !g.unfulfilled && (g.time == Time::Future || g.planned || g.prospective)
}

/// "longer than planned", "went as expected": a status word in a comparison says
/// nothing about the meeting's status.
pub fn is_comparison(text: &str, start: usize) -> bool {
    let before = tail(&text[..start], 12).trim_end().to_ascii_lowercase();
    before.ends_with(" as") || before.ends_with(" than")
}

/// Whether the word at `start..end` is used as a noun: a determiner or possessive before it.
pub fn is_noun_use(text: &str, start: usize, _end: usize) -> bool {
    let before = tail(&text[..start], 16);
    let prev = before.split_whitespace().last().unwrap_or("").to_ascii_lowercase();
    DETERMINERS.contains(&prev.as_str()) || (prev.ends_with("'s") || prev.ends_with("’s"))
}

/// "a proposal made in April", "the agreement signed in 1956": a date right after a
/// participle that modifies another noun belongs to that participle, not to a meeting
/// trigger before it. `cues` are the trigger starts of the sentence (sorted).
pub fn date_of_reduced_relative(s: &Sent, date_start: usize, cues: &[usize]) -> bool {
    let gs = &s.verbs;
    let i = gs.partition_point(|g| g.end <= date_start);
    let Some(g) = gs[..i].iter().rev().find(|g| !g.adverb) else { return false };
    let gap = &s.text[g.end..date_start];
    if gap.len() > 30 || gap.contains([',', ';', '.']) || g.time != Time::Past || g.perfect || g.planned {
        return false;
    }
    // The participle stands alone (no auxiliary) right after a common noun.
    let word = &s.text[g.start..g.end];
    if word.contains(' ') {
        return false;
    }
    let prev = tail(&s.text[..g.start], 24).split_whitespace().last().unwrap_or("");
    let noun = prev.chars().all(|c| c.is_ascii_lowercase())
        && prev.len() > 2
        && !prev.ends_with("ly")
        && !matches!(prev, "and" | "but" | "then" | "also" | "who" | "which" | "that" | "they" | "officials");
    // Only a preposition between the participle and the date ("made in April", "signed on Monday").
    let preps_only = gap.split_whitespace().all(|w| {
        matches!(w.to_ascii_lowercase().as_str(), "in" | "on" | "at" | "during" | "last" | "this" | "early" | "late" | "mid")
    });
    // "The visit took place in October": the trigger is the participle's subject.
    let subject_is_trigger = cues.iter().any(|&c| c < g.start && g.start - c <= 24);
    // A trigger between the participle and the date keeps the date ("made at a meeting in May").
    let trigger_between = cues.iter().any(|&c| c >= g.start && c < date_start);
    let trigger_is_participle = cues.contains(&g.start);
    noun && preps_only && !trigger_between && !trigger_is_participle && !subject_is_trigger
}

/// A role phrase naming a person by office: "the Soviet leader", "Russia's foreign
/// minister", "the Japanese prime minister", "the two foreign ministers".
static ROLE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:the|(japan|russia|the soviet union|moscow|tokyo)(?:'s|’s))\s+(?:(two|both)\s+)?(?:(japanese|soviet|russian)\s+)?(?:(leader|president|premier|prime minister|foreign minister|general secretary|head of state)(s)?|(?:first\s+|second\s+|next\s+)?(?:foreign[- ])?(ministerial))\b").unwrap()
});

/// Persons named by role in `text[lo..hi]` of sentence `s`, resolved by office at
/// `date`: returns each person with the rule that resolved it.
///
/// "the Soviet leader" is the head of the Soviet side at the date (general
/// secretary, else president); "the two foreign ministers" are Japan's and the
/// other side's; a role without a side ("the premier") is left to coreference.
pub fn role_persons(
    lx: &Lexicon,
    s: &Sent,
    (lo, hi): (usize, usize),
    cue: usize,
    date: PartialDate,
) -> Vec<(Actor, &'static str)> {
    let mut out = Vec::new();
    let text = &s.text[lo..hi];
    for c in ROLE.captures_iter(text) {
        // "The two leaders agreed that Abe will attend …": what they agreed names its own subject.
        let end = lo + c.get(0).unwrap().end();
        if end <= cue && s.text[end..cue].contains(" that ") {
            continue;
        }
        let side_word = c.get(1).or(c.get(3)).map(|m| m.as_str().to_ascii_lowercase());
        // "the first ministerial round of talks": the foreign ministers of both sides.
        let ministerial = c.get(6).is_some();
        let pair = ministerial || c.get(2).is_some() || (c.get(5).is_some() && side_word.is_none());
        let office = if ministerial { "foreign minister".to_string() } else { c[4].to_ascii_lowercase() };
        let sides: Vec<&str> = if pair {
            let other = if date.year < 1992 { "SU" } else { "RU" };
            vec!["JP", other]
        } else {
            match side_word.as_deref() {
                Some("japan" | "tokyo" | "japanese") => vec!["JP"],
                Some("russia" | "moscow" | "russian") => vec![if date.year < 1992 { "SU" } else { "RU" }],
                Some("the soviet union" | "soviet") => vec!["SU"],
                _ => continue,
            }
        };
        let rule = if pair { "role: the two office holders at the date" } else { "role: office holder at the date" };
        for side in sides {
            if let Some(a) = office_holder(lx, side, &office, date) {
                out.push((a, rule));
            }
        }
    }
    out
}

/// "Japan-Russia summit" before a summit word: the two sides named.
static SUMMIT_PAIR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(japan|japanese|russia|russian|soviet)[-–](japan|japanese|russia|russian|soviet)\s+(?:[\w-]+\s+)?$").unwrap()
});

/// "a Japan-Russia summit", "the Soviet-Japanese summit talks": a summit of two
/// named sides without named persons is one of their leaders at the date. `text`
/// is the sentence, `cue` where the summit word starts.
pub fn summit_leaders(lx: &Lexicon, text: &str, cue: usize, date: PartialDate) -> Vec<(Actor, &'static str)> {
    let Some(c) = SUMMIT_PAIR.captures(tail(&text[..cue], 40)) else { return Vec::new() };
    let side = |w: &str| match w.to_ascii_lowercase().as_str() {
        "japan" | "japanese" => "JP",
        "soviet" => "SU",
        _ if date.year < 1992 => "SU",
        _ => "RU",
    };
    let (a, b) = (side(&c[1]), side(&c[2]));
    if a == b {
        return Vec::new();
    }
    [a, b]
        .into_iter()
        .filter_map(|sd| office_holder(lx, sd, "leader", date))
        .map(|p| (p, "role: a two-sided summit is its leaders' at the date"))
        .collect()
}

/// The one person holding `office` for `side` at `date` (a "leader" is the head of
/// government or state: general secretary, president, prime minister).
pub fn office_holder(lx: &Lexicon, side: &str, office: &str, date: PartialDate) -> Option<Actor> {
    let offices: &[&str] = match office {
        "leader" | "head of state" => match side {
            "SU" => &["general secretary", "president"],
            "RU" => &["president"],
            _ => &["prime minister"],
        },
        "premier" => &["prime minister", "premier", "chairman of the council of ministers"],
        o => &[o][..],
    };
    for o in offices {
        let holders: Vec<usize> = (0..lx.persons.len())
            .filter(|&i| {
                lx.persons[i].offices.iter().any(|x| x.office == *o && x.country == side && x.distance(date) == 0)
            })
            .collect();
        if let [i] = holders[..] {
            let p = &lx.persons[i];
            return Some(Actor { name: p.name.clone(), country: Some(p.side.clone()), role: Some(o.to_string()), lexicon: Some(i) });
        }
    }
    None
}

/// "the time had come to strike a bargain": a motion cue ending in "to" followed by
/// a verb (a lowercase word that is no determiner) is an infinitive, not a destination.
pub fn to_is_infinitive(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].to_ascii_lowercase().ends_with(" to") {
        return false;
    }
    let next = text[end..].split_whitespace().next().unwrap_or("");
    let lower = next.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    lower
        && !matches!(
            next.trim_end_matches(|c: char| !c.is_alphanumeric()),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "these" | "those" | "both" | "two"
        )
}

/// "if the premier dropped in at the palace", "unless the envoy comes to …": a trigger
/// in a conditional clause is hypothetical (the clause reaches back to the last comma
/// or semicolon, at most 80 bytes).
pub fn hypothetical(text: &str, start: usize) -> bool {
    let before = tail(&text[..start], 80);
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    clause.split_whitespace().any(|w| matches!(w.to_ascii_lowercase().as_str(), "if" | "unless" | "whether"))
}

/// Whether "he" or "she" is the subject right before a trigger at `cue` ("he arrived", "she later visited").
pub fn pronoun_before(text: &str, cue: usize) -> bool {
    let words: Vec<&str> = tail(&text[..cue], 24).split_whitespace().collect();
    words.iter().rev().take(2).any(|w| matches!(*w, "he" | "she" | "He" | "She"))
}

/// What opens an embedded clause ("…, in which", "since the").
static CLAUSE_OPENER: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?:(?:,\s*(?:(?:in|under|by)\s+)?|\b(?:in|under|by)\s+)(?:whom|which)\s|\bsince\s+(?:the\s|his\s|her\s|its\s|their\s|[A-Z]\w*))").unwrap());

/// ", whom Abe and Putin put in charge … last month", ", which X signed in 1956",
/// "a communique in which both sides pledged … next year",
/// "since Hatoyama came in 1956": clauses with a subject and a time of their own,
/// embedded in the sentence. Each span runs from the clause word to the next comma,
/// semicolon or dash (or the sentence end). A "since" clause counts only when a name
/// or a determiner follows ("since 1956" and "since May" date a state of affairs).
///
/// Complexity: one regex pass, O(n) in the sentence length.
pub fn embedded_clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for m in CLAUSE_OPENER.find_iter(text) {
        let w = m.as_str().trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        if w.starts_with(char::is_uppercase) && crate::corpus::month_number(w).is_some() {
            continue;
        }
        let end = text[m.end()..].find([',', ';', '\u{2014}']).map_or(text.len(), |i| m.end() + i);
        out.push((m.start(), end));
    }
    out
}

/// The persons of the sentence after `si` when they name both sides of an
/// encounter whose own sentence named nobody: two or three persons of at least
/// two sides, in a sentence without a date of its own (which would make it
/// another event).
pub fn named_next(sents: &[Sent], si: usize) -> Option<&[Mention]> {
    let n = sents.get(si + 1)?;
    if n.event_dates().next().is_some() || !(2..=3).contains(&n.persons.len()) {
        return None;
    }
    let first = n.persons[0].actor.country.as_deref()?;
    n.persons.iter().any(|m| m.actor.country.as_deref().is_some_and(|c| c != first)).then_some(&n.persons[..])
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&ROLE);
    LazyLock::force(&SUMMIT_PAIR);
    LazyLock::force(&CLAUSE_OPENER);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::mentions;

    fn lx() -> &'static Lexicon {
        static L: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(None).unwrap());
        &L
    }

    fn sent(text: &str, date: &str) -> Sent {
        let m = mentions::Matchers::new(lx());
        let doc = Document::from_text("t", text, Some(date.parse().unwrap()));
        mentions::read(lx(), &m, &doc).remove(0)
    }

    #[test]
    fn governing_group_of_a_trigger() {
        let s = sent("The envoys are not expected to have a separate meeting.", "2010-01-01");
        let cue = s.text.find("meeting").unwrap();
        let g = governing(&s, (cue, cue + 7)).expect("governed");
        assert!(g.negated);
        let s = sent("The two sides agreed to hold talks in the spring.", "2010-01-01");
        let cue = s.text.find("talks").unwrap();
        assert!(looks_ahead(governing(&s, (cue, cue + 5)).unwrap()));
        let s = sent("The two sides held talks in the spring.", "2010-01-01");
        let cue = s.text.find("held").unwrap();
        assert!(!looks_ahead(governing(&s, (cue, cue + 10)).unwrap()));
    }

    #[test]
    fn clauses_with_their_own_time() {
        let t = "The talks were the first between the envoys, whom the two leaders appointed in May, and went well.";
        let c = embedded_clauses(t);
        assert_eq!(c.len(), 1);
        assert_eq!(&t[c[0].0..c[0].1], ", whom the two leaders appointed in May");
        let t = "They ended the talks with a communique in which both pledged to meet next year.";
        assert_eq!(embedded_clauses(t).len(), 1);
        let t = "It was his first visit since Smith came in 1980.";
        assert_eq!(embedded_clauses(t).len(), 1);
        // "since May", "since 1945": a state of affairs, not a clause.
        assert!(embedded_clauses("Talks have stalled since May and since 1945.").is_empty());
    }

    #[test]
    fn comparison_is_not_a_status() {
        let t = "They talked longer than planned and as expected on Friday.";
        assert!(is_comparison(t, t.find("planned").unwrap()));
        assert!(is_comparison(t, t.find("expected").unwrap()));
        assert!(!is_comparison(t, t.find("talked").unwrap()));
        let t = "The talks planned for May were held.";
        assert!(!is_comparison(t, t.find("planned").unwrap()));
    }

    #[test]
    fn unnamed_envoys_are_named_next() {
        let lx = lx();
        let m = mentions::Matchers::new(lx);
        let doc = Document::from_text(
            "t",
            "Senior diplomats of both sides met in Moscow on Monday. Deputy Foreign Minister Igor Morgulov and his Japanese counterpart Takeo Mori discussed fisheries.",
            Some("2019-03-06".parse().unwrap()),
        );
        let sents = mentions::read(lx, &m, &doc);
        let got: Vec<&str> = named_next(&sents, 0).unwrap().iter().map(|m| m.actor.name.as_str()).collect();
        assert_eq!(got, vec!["Igor Morgulov", "Takeo Mori"]);
        assert!(named_next(&sents, 1).is_none());
    }

    #[test]
    fn infinitives_and_conditions() {
        let t = "the moment had come to settle the row";
        let c = t.find("come to").unwrap();
        assert!(to_is_infinitive(t, c, c + 7));
        let t = "the envoy came to Oslo";
        let c = t.find("came to").unwrap();
        assert!(!to_is_infinitive(t, c, c + 7));
        let t = "they hinted that if the premier visited the capital, he would gain";
        assert!(hypothetical(t, t.find("visited").unwrap()));
        assert!(!hypothetical("the premier visited the capital", 12));
    }

    #[test]
    fn a_two_sided_summit_is_its_leaders() {
        let t = "preparations toward a Japan-Russia summit in June";
        let got: Vec<String> = summit_leaders(lx(), t, t.find("summit").unwrap(), "2019-06".parse().unwrap())
            .into_iter()
            .map(|(a, _)| a.name)
            .collect();
        assert_eq!(got, vec!["Shinzo Abe".to_string(), "Vladimir Putin".to_string()]);
        assert!(summit_leaders(lx(), "the G20 summit", 8, "2019-06".parse().unwrap()).is_empty());
    }

    #[test]
    fn pronoun_subjects() {
        let t = "From the moment he arrived in the capital";
        assert!(pronoun_before(t, t.find("arrived").unwrap()));
        let t = "The hotel where the envoy arrived";
        assert!(!pronoun_before(t, t.find("arrived").unwrap()));
    }

    #[test]
    fn noun_uses_of_status_words() {
        let t = "He presented a plan to end the row and plans to return.";
        assert!(is_noun_use(t, t.find("plan to").unwrap(), 0));
        assert!(!is_noun_use(t, t.find("plans to").unwrap(), 0));
    }

    #[test]
    fn a_participle_keeps_its_own_date() {
        let s = sent("The focus of the trip is the answer to an offer made in April by the envoy.", "2010-11-01");
        let d = s.text.find("in April").unwrap();
        let cues = vec![s.text.find("trip").unwrap()];
        assert!(date_of_reduced_relative(&s, d, &cues));
        let s = sent("The envoy made an offer at a meeting in April.", "2010-11-01");
        let d = s.text.find("in April").unwrap();
        let cues = vec![s.text.find("meeting").unwrap()];
        assert!(!date_of_reduced_relative(&s, d, &cues));
    }

    #[test]
    fn roles_resolve_by_office_at_the_date() {
        let s = sent("The Soviet leader's visit and a talk by Japan's prime minister.", "1991-03-30");
        let got: Vec<String> = role_persons(lx(), &s, (0, s.text.len()), 0, "1991-04".parse().unwrap())
            .into_iter()
            .map(|(a, _)| a.name)
            .collect();
        assert_eq!(got, vec!["Mikhail Gorbachev".to_string(), "Toshiki Kaifu".to_string()]);
        let s = sent("The two foreign ministers talked.", "2019-01-20");
        let got: Vec<String> =
            role_persons(lx(), &s, (0, s.text.len()), 0, "2019-01".parse().unwrap()).into_iter().map(|(a, _)| a.name).collect();
        assert_eq!(got, vec!["Taro Kono".to_string(), "Sergey Lavrov".to_string()]);
        let s = sent("The capitals held the first ministerial round of talks.", "2019-01-20");
        let got: Vec<String> =
            role_persons(lx(), &s, (0, s.text.len()), 0, "2019-01".parse().unwrap()).into_iter().map(|(a, _)| a.name).collect();
        assert_eq!(got, vec!["Taro Kono".to_string(), "Sergey Lavrov".to_string()]);
    }
}
