//! Clause-level readings of a proposal cue that do not depend on its family's phrases:
//! which islands a handover names (a demand for Kunashiri and Etorofu alone is no two-island
//! offer), whether the clause only answers a proposal already made ("Tokyo would consider the
//! proposal for …"), and the clause's own subject ("…, which Russia promised to return").

use std::sync::LazyLock;

use crate::extract::gate::Gated;

use super::super::actors::{Actor, side_at};
use super::super::dates::DatePhrase;
use super::super::lexicon::Lexicon;
use super::super::mentions::Sent;
use crate::date::PartialDate;
use crate::graph::Evidence;

/// The islands a handover of two-island phrasing names within this many bytes after the cue.
const ISLANDS_AFTER_CUE: usize = 60;

/// The two islands the 1956 declaration promised; the other two are the rest of Japan's claim.
const TWO_ISLANDS: [&str; 2] = ["habomai", "shikotan"];

/// Islands named between `cs` and a short window after `ce`, as lexicon slugs, in text order.
/// Complexity: linear in the sentence's island hits.
pub fn islands_named(lx: &Lexicon, s: &Sent, cs: usize, ce: usize) -> Vec<String> {
    s.islands
        .iter()
        .filter(|h| h.start >= cs && h.start <= ce + ISLANDS_AFTER_CUE)
        .map(|h| lx.islands[h.entry].1.clone())
        .collect()
}

/// Whether a handover names Kunashiri or Etorofu: more than the two islands of 1956, so of
/// the four-island family.
pub fn names_the_larger_islands(named: &[String]) -> bool {
    named.iter().any(|i| !TWO_ISLANDS.contains(&i.as_str()))
}

/// "asking for the return of the two nearest islands, Kunashiri and Etorofu": a handover
/// naming only Kunashiri and Etorofu is a demand beyond the two islands, of the four-island
/// family but no restatement of the standing claim. Returns the named slugs then, else `None`.
pub fn beyond_two_islands(named: &[String]) -> Option<Vec<String>> {
    let two = named.iter().any(|i| TWO_ISLANDS.contains(&i.as_str()));
    (!named.is_empty() && !two).then(|| named.to_vec())
}

/// "would consider the proposal for", "welcomed Russia's offer of", "responded to the plan on":
/// a verb of answering whose object is the proposal the cue names.
static ANSWERING: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r#"(?i)\b(?:consider\w*|accept\w*|welcom\w*|stud(?:y|ied|ies|ying)|examin\w*|review\w*|respon\w* to|repl\w* to|discuss\w*|look\w* (?:at|into)|support\w*)["”’']?\s+(?:[\w'’-]+\s+){0,2}?(?:proposal|offer|plan|idea|initiative|suggestion)s?\s*(?:for|of|on|to|about)?\s*["“]?\s*$"#).unwrap()
});

/// Whether the clause before the cue (`before` = text from the clause start to the cue) only
/// answers a proposal ("Tokyo would consider the proposal for joint activity"): its subject is
/// the side answering, not the one proposing.
pub fn answers_a_proposal(before: &str) -> bool {
    ANSWERING.is_match(before)
}

/// A determiner right before the cue: "the joint economic activity".
static DEFINITE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:the|this|such)\s+$").unwrap());

/// A verb taking a stance on a proposal: making, backing, answering or dropping it.
static STANCE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:propos\w*|offer\w*|agree\w*|suggest\w*|calls?|called|plan\w*|wants?|wanted|seek\w*|sought|demand\w*|urg\w*|float\w*|hint\w*|insist\w*|claim\w*|reject\w*|refus\w*|renounc\w*|withdr[ae]w\w*|reviv\w*|pledg\w*|eyes|eyed|eyeing|aim\w*|hop(?:e|es|ed|ing)|favou?r\w*|push\w*|prefer\w*|envisag\w*|mull\w*|explor\w*|consider\w*|pursu\w*|back\w*|support\w*|ask\w*|press\w*|promis\w*|sign\w*|confirm\w*|reaffirm\w*|accept\w*|based on|basis)\b").unwrap()
});

/// Whether the clause before the cue (`before`) names it with a determiner and no verb of
/// stance: "Abe said the joint activity would be an important step" restates nothing new.
pub fn mentions_a_told_proposal(before: &str) -> bool {
    DEFINITE.is_match(before) && !STANCE.is_match(before)
}

/// A relative or complement clause opening before the cue: ", which", ", that", "who", ";".
static SUBCLAUSE: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)(?:,\s*(?:which|that|who|whom)\b|\b(?:(?:in|under|by|with) )?which\b|;)").unwrap());

/// Where the innermost relative clause containing `pos` starts, when one opens in the
/// `MAX_SUBJECT_GAP` bytes before it ("Habomai and Shikotan, which Russia last year promised to
/// return"): the proposer is then that clause's subject, not the sentence's.
pub fn subclause_start(text: &str, pos: usize) -> Option<usize> {
    let from = pos.saturating_sub(MAX_SUBJECT_GAP);
    let from = (from..=pos).find(|&i| text.is_char_boundary(i)).unwrap_or(pos);
    SUBCLAUSE.find_iter(&text[from..pos]).last().map(|m| from + m.end())
}

/// How far before the cue a relative clause may open and still hold its subject.
const MAX_SUBJECT_GAP: usize = 50;

/// "since 1945", "ever since the 1991 collapse": the start of a state of affairs, not an event.
static SINCE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\bsince\s+(?:the\s+)?$").unwrap());

/// "In 1961 Moscow renounced the offer": a year right after "in" is a time, even when a
/// document word follows within a few words.
static IN_YEAR: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:in|during)\s+$").unwrap());

/// The sentence's event dates that can date a proposal: not deadlines, not the start of a
/// duration ("frozen since 1991"); a year read as a document's adjective counts when "in"
/// governs it.
pub fn event_dates(s: &Sent) -> impl Iterator<Item = &DatePhrase> {
    s.dates.iter().filter(|d| {
        let time = if d.attributive { !d.in_parens && IN_YEAR.is_match(&s.text[..d.start]) } else { s.event_dates().any(|e| e == *d) };
        time && !SINCE.is_match(&s.text[..d.start])
    })
}

/// "the Russian Federation" (the RSFSR of 1990–91): Russia as itself, not the Soviet Union.
static FEDERATION: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\bRussian Federation\b|\bRSFSR\b").unwrap());

/// Side codes of a proposal at its date: a person's country comes from the person lexicon and
/// stays as it is (Yeltsin acts for Russia in 1991); a side word "Russia" before 1992 is the
/// Soviet Union unless the sentence names the Russian Federation. Sorted, without repeats.
pub fn fold_sides(codes: &[String], persons: &[(Actor, Evidence)], text: &str, date: Option<PartialDate>) -> Vec<String> {
    let federation = FEDERATION.is_match(text);
    let mut out: Vec<String> = codes
        .iter()
        .map(|c| {
            let a_person_s = persons.iter().any(|(a, _)| a.country.as_deref() == Some(c.as_str()));
            if a_person_s || federation { c.clone() } else { side_at(c, date) }
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The proposal "the offer" refers to in "Moscow renounced the offer" (`own`: the subject
/// drops or revives its own offer) or "Japan rejected the proposal" (`!own`: it answers the
/// other side's): the latest one told before that is not dated after the act and whose
/// proposers include (own) or exclude (answer) the acting sides; else the latest not dated
/// after it; else the latest. `out` must not be empty. Complexity: O(proposals × sides).
pub fn antecedent(out: &[super::Prop], date: Option<PartialDate>, sides: &[String], own: bool) -> usize {
    let not_later = |q: &super::Prop| match (q.date, date) {
        (Some(q), Some(d)) => q.first_ordinal() <= d.last_ordinal(),
        _ => true,
    };
    let fits = |q: &super::Prop| {
        sides.is_empty() || q.proposers.is_empty() || q.proposers.iter().any(|c| sides.contains(c)) == own
    };
    out.iter()
        .rposition(|q| not_later(q) && fits(q))
        .or_else(|| out.iter().rposition(not_later))
        .unwrap_or(out.len() - 1)
}

/// "Neither side proposed …", "nobody offered …": a proposal the text says was not made.
static NOT_MADE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)(?:\b(?:neither|nor|nobody|no one|none)\b[^.;,]{0,30}|\b(?:did not|didn't|does not|doesn't|has not|have not|had not|never)\s+(?:\w+\s+)?)\b(?:propos\w*|offer\w*|suggest\w*|rais\w*|float\w*|put forward|present\w*)\b[^.;,]{0,20}$").unwrap()
});

/// Whether the clause before the cue says that no one made the proposal.
pub fn not_made(before: &str) -> bool {
    NOT_MADE.is_match(before)
}

/// A verb of refusal.
static REFUSING: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:reject\w*|refus\w*|oppos\w*|denounc\w*|dismiss\w*|declin\w* to)\b").unwrap());

/// Whether the clause before a cue refuses what the cue names ("Japan rejected a proposal in …").
pub fn refuses(before: &str) -> bool {
    REFUSING.is_match(before)
}

/// A verb of refusal, of making the document itself ("signed") or of reporting it ("said"):
/// the side then restates nothing of its own.
static REFUSAL: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:reject\w*|refus\w*|oppos\w*|denounc\w*|dismiss\w*|declin\w* to|sign\w*|conclud\w*|adopt\w*|issu\w*|said|says?|stated|noted|told)\b").unwrap());

/// Whether a side word is the subject of the clause `clause_start..cs` before a named document
/// ("Russia has been reluctant to go beyond the 1956 declaration"): a restatement of now by that
/// side, unless the clause refuses, signs or reports the document ("Japan rejected a proposal
/// in the 1956 …", "Japan and the Soviet Union signed the 1956 declaration").
pub fn side_restates(s: &Sent, clause_start: usize, cs: usize) -> bool {
    let before = &s.text[clause_start..cs];
    !REFUSAL.is_match(before)
        && s.sides.iter().any(|w| {
            w.start >= clause_start
                && w.end <= cs
                && !w.compound
                && !w.adjective
                && !PREP_BEFORE.is_match(&s.text[clause_start..w.start])
        })
}

/// A side word governed by a preposition ("to Japan") is no subject.
static PREP_BEFORE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:to|with|from|against|toward|towards|into|between|by|over|on|for|of|than|in|at)\s+(?:the\s+)?$").unwrap()
});

/// "raised the possibility", "floated the idea", "put forward a similar plan": a proposal
/// named by a general noun, made (again) by the clause's subject.
static RAISED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:rais\w*|float\w*|put forward|present\w*|broach\w*|repeat\w*|reiterat\w*|restat\w*)\s+(?:the|this|that|such an?|a similar)\s+(?:possibility|idea|proposal|plan|offer|option|approach|formula)\b").unwrap()
});

/// Where a sentence makes again, with a general noun, the proposal told before it.
pub fn raised_again(text: &str) -> Option<std::ops::Range<usize>> {
    RAISED.find(text).map(|m| m.range())
}

/// "attached a new condition", "added a further demand": the proposal just told, revised by the
/// clause's subject with a term of its own.
static REVISED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:attach\w*|add\w*|impos\w*|set|sets|setting|introduc\w*|put forward|rais\w*)\s+(?:a |an )?(?:new|additional|further|fresh|extra)\s+(?:condition|precondition|demand|requirement)s?\b").unwrap()
});

/// Where a sentence revises the proposal told before it with a new term.
pub fn revises(text: &str) -> Option<std::ops::Range<usize>> {
    REVISED.find(text).map(|m| m.range())
}

/// Words that make a proposal an answer: "reply", "in response to", "counterproposal".
static REPLY: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:repl(?:y|ies|ied)|respon(?:se|ses|ded|ding|d|ds)|answer\w*|counter-?proposal\w*|counter-?offer\w*|alternative|instead)\b").unwrap()
});

/// How many sentences before a proposal a word of answering may stand (same paragraph).
const REPLY_WINDOW: usize = 2;

/// Whether sentence `si` or one of the `REPLY_WINDOW` sentences before it in its paragraph
/// says that what follows answers something.
pub fn replies(sents: &[Sent], si: usize) -> bool {
    let s = &sents[si];
    (si.saturating_sub(REPLY_WINDOW)..=si).any(|j| sents[j].paragraph == s.paragraph && REPLY.is_match(&sents[j].text))
}

/// The proposal a counterproposal by `sides` answers: the latest one told before it made by
/// other sides only (the standing claim excluded: answers to it are the dispute itself).
/// Only proposals not dated after `date` count. When none is left, the other side's standing
/// claim restated in the `REPLY_WINDOW + 1` sentences before `sentence` is what it answers
/// ("Miyazawa pressed for the four islands. … Instead, Gromyko suggested …").
pub fn answered(out: &[super::Prop], sides: &[String], date: Option<PartialDate>, sentence: usize) -> Option<usize> {
    if sides.is_empty() {
        return None;
    }
    let not_later = |q: &super::Prop| q.date.zip(date).is_none_or(|(q, d)| q.first_ordinal() <= d.last_ordinal());
    let other = |q: &super::Prop| !q.proposers.is_empty() && q.proposers.iter().all(|c| !sides.contains(c));
    out.iter().rposition(|q| !q.claim && other(q) && not_later(q)).or_else(|| {
        out.iter().rposition(|q| q.claim && other(q) && q.evidence.sentence + REPLY_WINDOW + 1 >= sentence && q.evidence.sentence < sentence)
    })
}

/// "Russia answered Japan's proposal", "in response to the Japanese plan": a sentence that
/// names the proposal it answers.
static ANSWERS_NAMED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:answer\w*|repl(?:y|ies|ied) to|respon(?:se|ded|ding|ds?) to|counter\w*)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:proposal|offer|plan|initiative|idea)s?\b").unwrap()
});

/// Whether `text` says that its proposal answers a proposal it names, and does not go on to
/// describe the proposal answered ("its reply to the proposal made by X, under which the
/// border would be drawn …": that sentence tells X's proposal, not the answer).
pub fn answers_named(text: &str) -> bool {
    ANSWERS_NAMED.find(text).is_some_and(|m| {
        let end = (m.end() + DESCRIPTION_WINDOW).min(text.len());
        let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        !DESCRIBED.is_match(&text[m.end()..end])
    })
}

/// How many bytes after the named proposal a description of it may start.
const DESCRIPTION_WINDOW: usize = 60;

/// A clause describing the proposal just named: "made by", "under which", ", which".
static DESCRIBED: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:made|put forward|offered|presented) by\b|\b(?:under|in|by) which\b|,\s*which\b").unwrap());

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&ANSWERING);
    LazyLock::force(&DEFINITE);
    LazyLock::force(&STANCE);
    LazyLock::force(&SUBCLAUSE);
    LazyLock::force(&SINCE);
    LazyLock::force(&IN_YEAR);
    LazyLock::force(&FEDERATION);
    LazyLock::force(&NOT_MADE);
    LazyLock::force(&REFUSING);
    LazyLock::force(&REFUSAL);
    LazyLock::force(&PREP_BEFORE);
    LazyLock::force(&RAISED);
    LazyLock::force(&REVISED);
    LazyLock::force(&REPLY);
    LazyLock::force(&ANSWERS_NAMED);
    LazyLock::force(&DESCRIBED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_names_what_it_answers_without_describing_it() {
        assert!(answers_named("Tokyo answered the Russian offer on Monday, proposing instead a lease."));
        assert!(answers_named("In response to Moscow's plan, Japan floated joint rule."));
        assert!(!answers_named("Moscow gave its reply to the plan made by the premier in May, under which the border would move."));
        assert!(!answers_named("Moscow proposed a lease of the islands."));
    }

    #[test]
    fn answering_verbs_take_the_proposal_as_object() {
        assert!(answers_a_proposal("Tokyo would \"consider\" the proposal for \""));
        assert!(answers_a_proposal("The minister welcomed Moscow's offer of "));
        assert!(!answers_a_proposal("The minister proposed "));
        assert!(!answers_a_proposal("Moscow offered a plan for "));
    }

    #[test]
    fn proposals_said_not_to_be_made() {
        assert!(not_made("Neither side proposed launching a "));
        assert!(not_made("The minister did not propose "));
        assert!(!not_made("The minister proposed "));
        assert!(!not_made("Both sides proposed "));
    }

    #[test]
    fn definite_mention_without_stance() {
        assert!(mentions_a_told_proposal("The minister told reporters that the "));
        assert!(!mentions_a_told_proposal("The minister rejected the "));
        assert!(!mentions_a_told_proposal("The minister told reporters that "));
    }

    #[test]
    fn relative_clause_opens_near_the_cue() {
        let t = "The islands off the coast, which the government last year promised to return";
        let at = t.find("promised").unwrap();
        let b = subclause_start(t, at).unwrap();
        assert_eq!(&t[b..at], " the government last year ");
        assert_eq!(subclause_start("The government promised to return", 15), None);
    }
}
