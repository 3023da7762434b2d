//! Meetings read from cue words (talks, summit, visit, met) with participants,
//! place, date and status as of publication, merged within the document when
//! dates overlap and a participant (or place) is shared. Press conferences, speeches and TV appearances are not meetings.

use std::sync::LazyLock;

use crate::extract::gate::Gated;

use super::actors::Actor;
use super::dates::{DatePhrase, tail};
use super::duration;
use super::frames;
use super::lexicon::Lexicon;
use super::mentions::Sent;
use crate::date::{PartialDate, Precision};
use crate::graph::{Evidence, slug};

/// A meeting read from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub from: PartialDate,
    pub to: Option<PartialDate>,
    pub participants: Vec<(Actor, Evidence)>,
    /// Place label and its evidence.
    pub place: Option<(String, Evidence)>,
    pub status: String,
    /// Whether a word said the status (rather than the date against publication).
    pub explicit: bool,
    pub meeting_type: String,
    pub evidence: Vec<Evidence>,
    /// Participants inferred rather than named (person name → the rule that resolved them).
    pub inferred: Vec<(String, &'static str)>,
}

impl Event {
    pub fn range(&self) -> (PartialDate, Option<PartialDate>) {
        (self.from, self.to)
    }

    pub fn names(&self) -> Vec<&str> {
        self.participants.iter().map(|(a, _)| a.name.as_str()).collect()
    }

    /// Readable id: `m-2019-02-16-munich`, or with participants' surnames when no place.
    pub fn id(&self) -> String {
        let tail = match &self.place {
            Some((p, _)) => slug(p),
            None => {
                let mut s: Vec<String> = self.participants.iter().map(|(a, _)| surname(&a.name)).collect();
                s.sort();
                s.dedup();
                if s.is_empty() { self.meeting_type.clone() } else { slug(&s.join(" ")) }
            }
        };
        format!("m-{}-{}", self.from, tail)
    }

    /// Readable label: "Kono–Lavrov talks, Munich".
    pub fn label(&self) -> String {
        let mut names: Vec<String> = Vec::new();
        for (a, _) in &self.participants {
            let s = surname(&a.name);
            if !names.contains(&s) {
                names.push(s);
            }
        }
        let head = if names.is_empty() {
            let mut t = self.meeting_type.clone();
            if let Some(f) = t.get_mut(0..1) {
                f.make_ascii_uppercase();
            }
            t
        } else {
            format!("{} {}", names.join("–"), self.meeting_type)
        };
        match &self.place {
            Some((p, _)) => format!("{head}, {p}"),
            None => format!("{head} ({})", self.from),
        }
    }
}

fn surname(name: &str) -> String {
    name.rsplit(' ').next().unwrap_or(name).to_string()
}

static CHAIN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:for|to hold|to resume|to reopen|to have|to attend|to continue|and (?:held|hold|holds|had)|on the sidelines of|on the margins of|during|at)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,4}$").unwrap()
});
/// "will attend the Eastern Economic Forum": a gathering named by its kind after "attend".
static ATTEND: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\battend(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?(?:forum|conference|congress)\b").unwrap()
});
static OBJECT: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:with|by|between)\s*$").unwrap());
static JOINED: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)^\s*,?\s*(?:and|&)\s+(?:his|her)?\s*$").unwrap());
static PLACE_PREP: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:in|to|at|visit|visited|visiting|visits|toward|towards)\s+(?:\w+\s+)?$|\b(?:in|at|to)\s+the\s+(?:[\w-]+\s+){0,3}?(?:resort|city|town|port|village|capital|spa)\s+of\s+$").unwrap()
});
/// "visited Kunashiri", "a kindergarten on Kunashir", "landed on Iturup Island".
static ISLAND_PREP: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:on|to|visit|visited|visiting|visits|toured|touring)\s+(?:the\s+)?(?:island\s+of\s+)?$")
        .unwrap()
});
static PAIR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\b(?:the two (?:men|leaders|ministers|officials)|both (?:men|leaders|ministers)|their)\b|^\W*They\b",
    )
    .unwrap()
});
static REPORT_DATE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:said|says|told \w+|announced|stated|reported|conference|briefing|interview)\s+(?:on\s+)?$")
        .unwrap()
});
/// ", after talks with", "following the summit": what a report is dated right after.
static AFTER_CUE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^,?\s+(?:after|following|at the end of|at the close of)\s+(?:(?:the|their|his|her|a|an|two|three|several)\s+)?").unwrap()
});
static REPORT_THAT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:said|says|told \w+|announced|stated|noted|reported|reaffirmed|stressed|insisted|suggested|indicated|argued|confirmed)\b[^.;]*?\bthat\b").unwrap()
});
static DATELINE_DATE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^\W*[A-Z][A-Z .'/-]+,\s*$").unwrap());
/// "the first panel meeting of the interdepartmental council": a domestic body's meeting.
static DOMESTIC: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)^\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:council|committee|panel|commission|board|cabinet|party|parliament|diet|duma)\b").unwrap()
});
static DOMESTIC_BEFORE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:panel|cabinet|party|council|board|shareholders'?|parliamentary|committee)\s+$").unwrap()
});
static DATE_VERB: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"^,?\s+(?:[a-z]+ed|said|told|says|spoke|gave|made|wrote)\b").unwrap());
/// "…visited Kunashiri, with Foreign Minister Gemba criticizing it": a commentator, not a participant.
static COMMENT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^[’']?s?\s*(?:,[^,]{0,60},\s*)?(?:(?:has|have|had)\s+)?(?:criticiz\w+|criticis\w+|protest\w*|condemn\w*|denounc\w+|welcom\w+|saying|calling|called\s+(?:the|it|this|that|his|her|a|an)\b|described|said|says|told|warned)\b").unwrap()
});
static HE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^\W*(?:He|She)\b").unwrap());
static HERE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"\bhere\b").unwrap());
static DATELINE: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?m)^\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)?)(?:,| \(| --| -| —|/)").unwrap());
static REPORTING: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^[’']?s?\s*(?:,[^,]{0,60},\s*)?(?:(?:has|have|had)\s+)?(?:said|says|told \w+|stated|added|noted|hoped|hopes|believes|believed|warned|reaffirmed|stressed|insisted|suggested|indicated|argued|confirmed)\b").unwrap()
});
/// "… on Jan. 14 to prepare the summit": a meeting named as the purpose of another is not dated here.
static PURPOSE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:to prepare(?: for)?|in preparation for|ahead of|to pave the way for|prior to)\s+(?:the|a|an|their|his|her|next)\s+(?:[\w-]+\s+)?$").unwrap()
});
/// "Hashimoto proposed to Russian President Boris Yeltsin on Saturday …", "Putin told Mori on
/// Monday that …": said to someone's face.
static TO_FACE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:(?:proposed|suggested|handed|presented|explained|conveyed)\s+to|(?:delivered|handed|passed|conveyed|presented)\s+(?:[\w.'-]+\s+){1,10}?to|told|assured|urged|informed)\s+(?:[\w.'-]+\s+){0,4}$")
        .unwrap()
});
/// "…, the first such meeting", "…, their 23rd meeting".
static APPOSITIVE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i),\s+(?:the|their|his|her)\s+(?:first|second|third|last|latest|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}$",
    )
    .unwrap()
});
/// "the first meeting since Motegi took office in September": that date is an office's, not a meeting's
/// (while "since Putin's September visit" dates the visit).
static SINCE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\b(?:took office|came to power|took power|assumed office|was elected|was appointed)\s+(?:\w+\s+){0,2}$",
    )
    .unwrap()
});
/// "had no plans to meet Putin", "ruled out a visit": a meeting denied.
static NO_PLAN: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:no plans?|not planning|not plan|ruled out|rules out|refused|refuses)\s+(?:to\s+|a\s+|an\s+|any\s+)?(?:[\w-]+\s+)?$").unwrap()
});
/// "during their talks", "at the summit", "after the meeting": an occasion referred to as known.
static OCCASION: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:during|at|after|on the sidelines of)\s+(?:their|the)\s+(?:[\w-]+\s+)?$").unwrap());
static TO_PREP: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\bto\s+(?:the\s+)?$").unwrap());
/// "travel to Nagasaki": a named destination right after a travel cue.
static UNKNOWN_DEST: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^\s*(?:to\s+)?[A-Z][a-z]").unwrap());
/// "X, who attended the talks": a cue inside a subject relative clause.
static WHO_OPEN: LazyLock<Gated> = LazyLock::new(|| Gated::new(r",\s*who\s+[^,;.]{0,40}$").unwrap());
/// ", who joined the talks, ": a subject relative clause between a subject and its verb.
static WHO_CLAUSE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^,\s*who\s[^,;.]{1,80},\s*").unwrap());
static AND_THEN: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"\band\s+(?:then\s+|later\s+|also\s+)?$").unwrap());
static WHO: LazyLock<Gated> = LazyLock::new(|| Gated::new(r",\s*who\s+(?:\w+\s+)?$").unwrap());
/// What two sides do together: agreeing, signing, issuing a joint document.
static AGREED: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"\b(?:agreed|reached (?:an )?agreement|signed|adopted|issued a joint (?:statement|declaration|communiqu\w+))\b")
        .unwrap()
});
/// "Kono and Ivanov attended the talks": people joining the meeting the definite noun refers back to.
/// "The talks were led by Sugiyama and Morgulov": the people named after join the talks.
static LED_BY: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^\s+(?:were|was)\s+(?:led|attended|chaired|co-chaired|hosted|headed)\s+by\b").unwrap()
});
static JOINS: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:attended|joined|took part in|participated in|sat in on|were present at|was present at)\s+(?:the|that|this)\s+(?:[\w-]+\s+)?$").unwrap()
});
/// "… held separate talks with …": an encounter told as done.
static TOLD_AS_DONE: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:held|had|met|conducted)\b").unwrap());
/// "will hold talks", "are expected to meet": an encounter still to come or only thought of.
static NOT_DONE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:will|would|may|might|could|shall|plans?|planned|planning|expected|scheduled|hopes?|wants?|to (?:hold|meet|have)|next|later|if)\b").unwrap()
});
/// "MOSCOW/TOKYO --", "MUNICH, Germany/MOSCOW --": a dateline naming more than one place.
static MULTI_DATELINE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^\W*[A-Z][A-Za-z .,'-]*/[A-Z]").unwrap());
static THE_BEFORE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\bthe\s+$").unwrap());

const LEADER_ROLES: &[&str] =
    &["prime minister", "president", "general secretary", "premier", "chairman", "first secretary"];

const STATUS_RANK: &[&str] = &["cancelled", "postponed", "planned", "held"];

/// A meeting being read from one sentence: its cue words and what attaches to them.
#[derive(Debug, Default)]
struct Proto {
    cues: Vec<(usize, usize)>,
    meeting_type: String,
    plural: bool,
    dates: Vec<DatePhrase>,
    persons: Vec<usize>,
    place: Option<usize>,
    /// An island the visit goes to (index into the sentence's islands).
    island: Option<usize>,
}

impl Proto {
    fn distance(&self, start: usize, end: usize) -> usize {
        self.cues
            .iter()
            .map(|&(a, b)| if end <= a { a - end } else { start.saturating_sub(b) })
            .min()
            .unwrap_or(usize::MAX)
    }
}

/// An undated mention ("during the meeting") that can only add to a dated meeting.
#[derive(Debug)]
struct Attach {
    participants: Vec<(Actor, Evidence)>,
    /// "attended the talks": the participants join the meeting referred back to.
    joins: bool,
    /// "during their talks", "at the summit": the occasion the report is about, named as known.
    occasion: bool,
    place: Option<(String, Evidence)>,
    meeting_type: String,
    evidence: Evidence,
}

/// Read the meetings of one document (already merged within the document).
pub fn extract(lx: &Lexicon, pubd: Option<PartialDate>, sents: &[Sent]) -> Vec<Event> {
    let dateline = sents.iter().take(4).find_map(|s| dateline_place(lx, &s.text));
    let dateline = dateline.as_ref();
    let mut events: Vec<Event> = Vec::new();
    let mut attaches: Vec<Attach> = Vec::new();
    let mut prev_sentence_events: Vec<Event> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let mut this_sentence = Vec::new();
        let ps = protos(lx, s);
        for (pi, p) in ps.iter().enumerate() {
            let lo = if pi > 0 { ps[pi - 1].cues[ps[pi - 1].cues.len() - 1].1 } else { 0 };
            let hi = ps.get(pi + 1).map_or(s.text.len(), |n| n.cues[0].0);
            let participants = participants_of(p, s, sents, si);
            let mut place = p.place.map(|i| {
                let h = &s.places[i];
                (lx.places[h.entry].name.clone(), s.evidence(h.start, h.end))
            });
            // "landed on Iturup": the island visited is the place, under its canonical name.
            if place.is_none()
                && let Some(i) = p.island
            {
                let h = &s.islands[i];
                place = Some((lx.island_label(&lx.islands[h.entry].1), s.evidence(h.start, h.end)));
            }
            // "arrived here today" under a "TOKYO, April 16 -" dateline (a city beats its country).
            if let (Some(dl), Some(h)) = (dateline, HERE.find(&s.text))
                && p.distance(h.start(), h.end()) <= 40
                && place_rank(lx, Some(dl)) > place_rank(lx, place.as_ref().map(|x| x.0.as_str()))
                && places_compatible(lx, Some(dl), place.as_ref().map(|x| x.0.as_str()))
            {
                place = Some((dl.clone(), s.evidence(h.start(), h.end())));
            }
            let (status, explicit) = status_of(lx, p, s, lo, hi, &ps);
            let ev = s.evidence(p.cues[0].0, p.cues[p.cues.len() - 1].1);
            let dates: Vec<&DatePhrase> = if p.plural && p.dates.len() >= 2 {
                p.dates.iter().collect()
            } else {
                let until = p.dates.iter().find(|d| d.until);
                let pick = match until {
                    Some(d) if status == "postponed" => Some(d),
                    _ => {
                        p.dates.iter().filter(|d| !d.deadline || d.start < 3).min_by_key(|d| p.distance(d.start, d.end))
                    }
                };
                pick.into_iter().collect()
            };
            let context = if dates.is_empty() && !participants.is_empty() { context_date(sents, si) } else { None };
            let dates: Vec<&DatePhrase> = if dates.is_empty() { context.iter().collect() } else { dates };
            if dates.is_empty() {
                let joins = JOINS.is_match(&s.text[..p.cues[0].0]) || LED_BY.is_match(&s.text[p.cues[0].1..]);
                attaches.push(Attach {
                    participants,
                    joins,
                    occasion: p.cues.iter().any(|c| OCCASION.is_match(tail(&s.text[..c.0], 80))),
                    place,
                    meeting_type: p.meeting_type.clone(),
                    evidence: ev,
                });
                continue;
            }
            let from_context = context.is_some();
            for d in dates {
                // "ended a five-day visit today": the stated length widens the day to the span.
                let (from, to) = p
                    .cues
                    .iter()
                    .find_map(|&c| duration::stated_span(&s.text, c, d.start))
                    .map_or((d.from, d.to), |(n, a)| duration::widen(d.from, d.to, n, a));
                let mut e = Event {
                    from,
                    to,
                    participants: participants.clone(),
                    place: place.clone(),
                    status: status.clone(),
                    explicit,
                    meeting_type: p.meeting_type.clone(),
                    evidence: vec![ev.clone()],
                    inferred: Vec::new(),
                };
                // "the Soviet leader's visit", "the two foreign ministers met": persons named by
                // their office, resolved at the event date.
                // "Russian and Japanese diplomats met on Monday. A and his counterpart B discussed …":
                // a meeting of unnamed people takes the two sides named next.
                if e.participants.is_empty()
                    && s.persons.is_empty()
                    && let Some(next) = frames::named_next(sents, si)
                {
                    for m in next {
                        e.participants.push((m.actor.clone(), sents[si + 1].evidence(m.start, m.end)));
                    }
                }
                if e.participants.is_empty() && p.meeting_type == "summit" {
                    for (a, rule) in frames::summit_leaders(lx, &s.text, p.cues[0].0, d.from) {
                        e.inferred.push((a.name.clone(), rule));
                        e.participants.push((a, ev.clone()));
                    }
                }
                if e.participants.len() < 2 {
                    let lo = floor(&s.text, p.cues[0].0.saturating_sub(60));
                    let hi = ceil(&s.text, (p.cues[p.cues.len() - 1].1 + 40).min(hi));
                    for (a, rule) in frames::role_persons(lx, s, (lo, hi.max(lo)), p.cues[0].0, d.from) {
                        if !e.participants.iter().any(|(b, _)| b.name == a.name) {
                            e.inferred.push((a.name.clone(), rule));
                            e.participants.push((a, ev.clone()));
                        }
                    }
                }
                if !explicit {
                    e.status = status_by_date(e.from, e.to, pubd).to_string();
                }
                // "The visit finally took place in October 1993": the meeting just named.
                if e.participants.is_empty()
                    && THE_BEFORE.is_match(&s.text[..p.cues[0].0])
                    && let Some(prev) = prev_sentence_events.last()
                {
                    e.participants = prev.participants.clone();
                    if e.place.is_none() {
                        e.place = prev.place.clone();
                    }
                }
                // "TOKYO -- Japanese and Russian officials on Friday held talks": the lead's meeting
                // without named people is placed by a single-place dateline.
                if e.participants.is_empty()
                    && e.place.is_none()
                    && e.meeting_type != "visit"
                    && e.status == "held"
                    && !MULTI_DATELINE.is_match(&s.text)
                    && let Some(dl) = dateline_place(lx, &s.text)
                {
                    e.place = Some((dl, ev.clone()));
                }
                // "is to travel to Nagasaki before returning home": one person's trip to a place the
                // lexicon does not know is a leg of a journey, not an encounter that can be placed.
                let unknown_destination = e.meeting_type == "visit"
                    && e.place.is_none()
                    && p.island.is_none()
                    && e.participants.len() < 2
                    && p.cues.iter().any(|c| UNKNOWN_DEST.is_match(&s.text[c.1..]));
                if unknown_destination || e.participants.is_empty() && e.place.is_none() {
                    continue;
                }
                // "Abe met reporters on Monday", "Japan will host the G7 in May": the verb alone needs two people or a place.
                let verb_only = p.cues.iter().all(|&(a, b)| {
                    matches!(
                        s.text[a..b].to_ascii_lowercase().as_str(),
                        "met" | "meet" | "meets" | "host" | "hosts" | "hosted" | "hosting"
                    )
                });
                if verb_only && e.participants.len() < 2 && e.place.is_none() {
                    continue;
                }
                // A date borrowed from the sentence before only serves when no dated
                // meeting of the document already has these participants.
                if from_context
                    && events.iter().any(|x| x.participants.iter().any(|(a, _)| e.names().contains(&a.name.as_str())))
                {
                    attaches.push(Attach {
                        participants: e.participants,
                        joins: false,
                        occasion: false,
                        place: e.place,
                        meeting_type: e.meeting_type,
                        evidence: e.evidence[0].clone(),
                    });
                    continue;
                }
                this_sentence.push(e.clone());
                add(lx, &mut events, e);
            }
        }
        prev_sentence_events = this_sentence;
    }
    // A later mention can make two earlier ones mergeable ("began talks with Kaifu" and
    // "Gorbachev's visit" once "Gorbachev and Kaifu met"): merge until nothing changes.
    let mut events = settle(lx, events);
    let lead = lead_date(sents, pubd);
    for a in attaches {
        attach(lx, &mut events, a, pubd, lead);
    }
    if let Some(dl) = dateline {
        dateline_lends_place(lx, &mut events, sents, dl, pubd);
    }
    events
}

/// "IRKUTSK, Russia -- Mori and Putin on Sunday signed …": a wire lead reports the meeting
/// where it was filed, so a placeless meeting of the dateline's own sentence, dated within a
/// week of publication and not still to come, took place there. A visit goes elsewhere (a
/// Moscow bureau reports Medvedev landing on an island). A dateline naming two places
/// ("MOSCOW/TOKYO --") says nothing about where.
fn dateline_lends_place(lx: &Lexicon, events: &mut [Event], sents: &[Sent], dl: &str, pubd: Option<PartialDate>) {
    let Some(pubd) = pubd else { return };
    let Some(lead) = sents.iter().take(4).find(|s| dateline_place(lx, &s.text).is_some()) else {
        return;
    };
    if MULTI_DATELINE.is_match(&lead.text) {
        return;
    }
    for e in events.iter_mut() {
        let recent = (pubd.first_ordinal() - e.to.unwrap_or(e.from).last_ordinal()).abs() <= 7
            && e.from.precision() == Precision::Day;
        if e.place.is_none()
            && e.status == "held"
            && e.meeting_type != "visit"
            && recent
            && e.evidence.iter().any(|v| v.sentence == lead.index)
        {
            let ev = e.evidence.iter().find(|v| v.sentence == lead.index).cloned().unwrap();
            e.place = Some((dl.to_string(), ev));
        }
    }
}

/// The place of a dateline ("TOKYO, April 16 -", "MUNICH, Germany/MOSCOW --", "SINGAPORE (Kyodo) --").
fn dateline_place(lx: &Lexicon, text: &str) -> Option<String> {
    let c = DATELINE.captures(text)?;
    let word = c[1].trim().to_lowercase();
    lx.places.iter().find(|p| p.name.to_lowercase() == word).map(|p| p.name.clone())
}

/// "Last November hopes were raised. X led a delegation to Japan": the latest
/// date of the one or two sentences before, in the same paragraph.
fn context_date(sents: &[Sent], si: usize) -> Option<DatePhrase> {
    let s = &sents[si];
    for j in (si.saturating_sub(2)..si).rev() {
        if sents[j].paragraph != s.paragraph {
            break;
        }
        if !sents[j].meeting_cues.is_empty() {
            return None;
        }
        // "frozen since 1945" dates a state of affairs, not an event.
        if let Some(d) = sents[j]
            .event_dates()
            .filter(|d| !DATELINE_DATE.is_match(&sents[j].text[..d.start]))
            .filter(|d| !tail(&sents[j].text[..d.start], 8).trim_end().to_ascii_lowercase().ends_with("since"))
            .last()
        {
            return Some(d.clone());
        }
    }
    None
}

/// The cue words of a sentence grouped into meetings, with dates, persons and place attached.
fn protos(lx: &Lexicon, s: &Sent) -> Vec<Proto> {
    let t = &s.text;
    let mut cues: Vec<(usize, usize, String)> = s
        .meeting_cues
        .iter()
        .filter(|h| {
            !DOMESTIC.is_match(&t[h.end..])
                && !DOMESTIC_BEFORE.is_match(&t[..h.start])
                && !PURPOSE.is_match(&t[..h.start])
                && !frames::to_is_infinitive(t, h.start, h.end)
                && !frames::hypothetical(t, h.start)
        })
        .map(|h| (h.start, h.end, lx.meeting_cues[h.entry].1.clone()))
        .collect();
    // "Abe and Putin agreed …": leaders of two sides agreeing met to do so.
    for m in AGREED.find_iter(t) {
        let sides: Vec<&str> = s
            .persons
            .iter()
            .filter(|p| p.end <= m.start() && m.start() - p.end < 120)
            .filter_map(|p| p.actor.country.as_deref())
            .collect();
        // "At the meeting in Singapore, Putin and Abe agreed …": they agreed at the meeting already named.
        let named_before = cues.iter().any(|c| c.1 <= m.start() && m.start() - c.1 < 150);
        if sides.iter().any(|a| sides.iter().any(|b| a != b))
            && !named_before
            && !cues.iter().any(|c| c.0 < m.end() && m.start() < c.1)
        {
            cues.push((m.start(), m.end(), "meeting".into()));
        }
    }
    // "flew to Vladivostok to attend the forum" is the trip's purpose, chained to the trip.
    for m in ATTEND.find_iter(t) {
        if !t[..m.start()].ends_with("to ") && !cues.iter().any(|c| c.0 < m.end() && m.start() < c.1) {
            cues.push((m.start(), m.end(), "meeting".into()));
        }
    }
    // "Hashimoto proposed to Yeltsin …": a leader addressing another side's named person met them.
    for (k, m) in s.persons.iter().enumerate() {
        let w0 = m.start.saturating_sub(200);
        let w0 = (w0..m.start).find(|&i| t.is_char_boundary(i)).unwrap_or(m.start);
        let Some(v) = TO_FACE.find(&t[w0..m.start]) else { continue };
        let (vs, ve) = (w0 + v.start(), w0 + v.end());
        let other_side = s.persons[..k].iter().any(|p| {
            p.end <= vs
                && vs - p.end < 80
                && p.actor.country.is_some()
                && p.actor.country != m.actor.country
        });
        if other_side && m.actor.country.is_some() && !cues.iter().any(|c| c.0 < ve && vs < c.1) {
            cues.push((vs, ve, "meeting".into()));
        }
    }
    cues.sort();
    let mut out: Vec<Proto> = Vec::new();
    let cue_starts: Vec<usize> = cues.iter().map(|c| c.0).collect();
    for (a, b, ty) in cues {
        let plural = t[a..b].ends_with("meetings") || t[a..b].ends_with("summits") || t[a..b].ends_with("visits");
        if let Some(last) = out.last_mut() {
            let gap = &t[last.cues[last.cues.len() - 1].1..a];
            // "… scheduled to visit Japan in 1990, but the trip was postponed": the same visit again.
            let again = THE_BEFORE.is_match(gap) && last.meeting_type == ty && !gap.contains(';');
            // "set foot on Kunashiri, touring a fish plant": a participle continues the visit.
            let participle = ty == "visit"
                && last.meeting_type == ty
                && t[a..b].ends_with("ing")
                && gap.trim_end().ends_with(',')
                && gap.len() <= 70;
            // "Putin, who arrived in Tokyo on Tuesday, held talks with Abe": the relative clause's
            // visit and the main clause's talks are one meeting of one subject.
            let relative = WHO.is_match(&t[..last.cues[0].0]) && gap.trim_end().ends_with(',') && gap.len() <= 70;
            // "met Lavrov on Wednesday, the first such meeting since …": an appositive of the same meeting.
            let appositive = APPOSITIVE.is_match(gap) && gap.len() <= 100;
            // "visited Moscow in September and met Lavrov": the visit's own meeting.
            let and_met = last.meeting_type == "visit"
                && AND_THEN.is_match(gap)
                && !gap.contains(',')
                && gap.len() <= 60
                && matches!(t[a..b].to_ascii_lowercase().as_str(), "met" | "held talks");
            if again
                || participle
                || relative
                || appositive
                || and_met
                || gap.len() <= 100 && !gap.contains(';') && CHAIN.is_match(gap)
            {
                last.cues.push((a, b));
                last.plural |= plural;
                if ty == "summit" {
                    last.meeting_type = ty;
                }
                continue;
            }
        }
        out.push(Proto { cues: vec![(a, b)], meeting_type: ty, plural, ..Proto::default() });
    }
    // A denied meeting goes with the summit it names ("no plans to meet Putin at the summit").
    out.retain(|p| !NO_PLAN.is_match(tail(&t[..p.cues[0].0], 120)));
    // "did not meet", "is not expected to have a separate meeting": the governing verb group denies it.
    out.retain(|p| frames::governing(s, p.cues[0]).is_none_or(|g| !g.negated));
    if out.is_empty() {
        return out;
    }
    // Dates go to cues closest first, one per meeting (several only for "meetings … in 1997 and 1998");
    // dates left over join their nearest cue.
    // "told a press conference Tuesday", "On July 20, Peskov told journalists that …": the date of the telling.
    // "whom Abe and Putin put in charge … last month": what an embedded clause without a cue of
    // its own dates, places or names belongs to that clause, not to the meeting outside it.
    let foreign: Vec<(usize, usize)> = frames::embedded_clauses(t)
        .into_iter()
        .filter(|&(a, b)| !out.iter().any(|p| p.cues.iter().any(|c| c.0 >= a && c.1 <= b)))
        .collect();
    let in_foreign = |pos: usize| foreign.iter().any(|&(a, b)| pos >= a && pos < b);
    let dates: Vec<&DatePhrase> = s
        .event_dates()
        .filter(|d| !in_foreign(d.start))
        .filter(|d| {
            // "said on Monday after talks with …": the telling right after the talks dates them.
            let after_cue = AFTER_CUE
                .find(&t[d.end..])
                .is_some_and(|m| cue_starts.iter().any(|&c| c == d.end + m.end()));
            after_cue || !REPORT_DATE.is_match(&t[..d.start])
                && !DATELINE_DATE.is_match(&t[..d.start])
                && !SINCE.is_match(&t[..d.start])
        })
        // "on Wednesday briefed …": the date of another verb, unless that verb is a meeting cue.
        .filter(|d| {
            cue_starts.iter().any(|&c| c < d.start)
                || DATE_VERB
                    .find(&t[d.end..])
                    .is_none_or(|m| cue_starts.iter().any(|&c| c >= d.end && c <= d.end + m.end()))
        })
        .filter(|d| !out.iter().all(|p| p.cues[0].0 > d.end && REPORT_THAT.is_match(&t[d.end..p.cues[0].0])))
        // "a proposal made in April": the date of a participle modifying another noun.
        .filter(|d| !frames::date_of_reduced_relative(s, d.start, &cue_starts))
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (di, d) in dates.iter().enumerate() {
        for (pi, p) in out.iter().enumerate() {
            pairs.push((p.distance(d.start, d.end), di, pi));
        }
    }
    pairs.sort();
    let mut used = vec![false; dates.len()];
    for (_, di, pi) in pairs {
        if used[di] || (!out[pi].dates.is_empty() && !out[pi].plural) {
            continue;
        }
        out[pi].dates.push(dates[di].clone());
        used[di] = true;
    }
    for (_, d) in dates.iter().enumerate().filter(|(di, _)| !used[*di]) {
        let i = nearest(&out, d.start, d.end);
        out[i].dates.push((*d).clone());
    }
    let mut assigned: Vec<usize> = Vec::new();
    for (k, m) in s.persons.iter().enumerate() {
        if in_foreign(m.start) || reports_other(s, m.title_start, m.end, &out) {
            assigned.push(usize::MAX);
            continue;
        }
        let i = if out.len() == 1 {
            0
        } else if m.possessive {
            out.iter()
                .position(|p| p.cues[0].0 >= m.end && p.cues[0].0 - m.end <= 60)
                .unwrap_or_else(|| nearest(&out, m.start, m.end))
        } else if let Some(i) = subject_of(&out, t, m.end) {
            i
        } else if k > 0
            && assigned[k - 1] != usize::MAX
            && JOINED.is_match(&t[s.persons[k - 1].end..m.title_start.max(s.persons[k - 1].end)])
        {
            assigned[k - 1]
        } else if let Some(i) = out
            .iter()
            .rposition(|p| p.cues[0].1 <= m.title_start && p.distance(m.title_start, m.end) <= 40)
            .filter(|_| OBJECT.is_match(&t[..m.title_start]))
        {
            i
        } else {
            nearest(&out, m.start, m.end)
        };
        assigned.push(i);
    }
    // "Kishida and Russian counterpart Sergey Lavrov met in Tokyo": the verb right after
    // the last of a group joined by "and" is the whole group's.
    for k in (1..s.persons.len()).rev() {
        let (prev, cur) = (&s.persons[k - 1], &s.persons[k]);
        if assigned[k] != usize::MAX
            && assigned[k - 1] != usize::MAX
            && subject_of(&out, t, cur.end) == Some(assigned[k])
            && JOINED.is_match(&t[prev.end..cur.title_start.max(prev.end)])
        {
            assigned[k - 1] = assigned[k];
        }
    }
    for (k, &i) in assigned.iter().enumerate() {
        if i != usize::MAX {
            out[i].persons.push(k);
        }
    }
    // "Putin held talks with Mori and met Akihito on Monday": coordinated predicates share
    // their subject and their date.
    for i in 1..out.len() {
        let gap = &t[out[i - 1].cues[out[i - 1].cues.len() - 1].1..out[i].cues[0].0];
        if !AND_THEN.is_match(gap) || gap.contains([';', '.']) {
            continue;
        }
        let first = out[i - 1].cues[0].0;
        let subjects: Vec<usize> =
            out[i - 1].persons.iter().copied().filter(|&k| s.persons[k].end <= first).collect();
        for k in subjects {
            if !out[i].persons.contains(&k) {
                out[i].persons.push(k);
            }
        }
        if out[i - 1].dates.is_empty() {
            out[i - 1].dates = out[i].dates.clone();
        } else if out[i].dates.is_empty() {
            out[i].dates = out[i - 1].dates.clone();
        }
    }
    // "X and Y, who joined the talks, are expected to meet again": the antecedents of a
    // relative clause take part in the meeting it names, besides the one they are subjects of.
    for p in out.iter_mut() {
        let pre = tail(&t[..p.cues[0].0], 60);
        let Some(w) = WHO_OPEN.find(pre) else { continue };
        let w_start = p.cues[0].0 - pre.len() + w.start();
        let Some(last) = s.persons.iter().rposition(|m| m.end <= w_start && t[m.end..w_start].trim().is_empty())
        else {
            continue;
        };
        let mut k = last;
        loop {
            if !p.persons.contains(&k) {
                p.persons.push(k);
            }
            if k == 0 || !JOINED.is_match(&t[s.persons[k - 1].end..s.persons[k].title_start.max(s.persons[k - 1].end)]) {
                break;
            }
            k -= 1;
        }
    }
    for (k, h) in s.islands.iter().enumerate() {
        if !ISLAND_PREP.is_match(&t[..h.start]) {
            continue;
        }
        let i = nearest(&out, h.start, h.end);
        if out[i].meeting_type == "visit" && out[i].island.is_none() && out[i].distance(h.start, h.end) <= 80 {
            out[i].island = Some(k);
        }
    }
    for (k, h) in s.places.iter().enumerate() {
        if !PLACE_PREP.is_match(&t[..h.start]) || in_foreign(h.start) {
            continue;
        }
        // A place belongs to the cue before it ("met … in Nagato", "talks in Tokyo"); failing
        // that, to a cue shortly after ("In Moscow, Lavrov met Kono").
        // "agreed … the islands would be returned to Japan": after a meeting (not a trip), "to X" is a destination.
        let destination = TO_PREP.is_match(tail(&t[..h.start], 16));
        let before = (0..out.len())
            .filter(|&i| out[i].cues[0].1 <= h.start && out[i].distance(h.start, h.end) <= 150)
            .filter(|&i| !destination || out[i].meeting_type == "visit")
            .min_by_key(|&i| out[i].distance(h.start, h.end));
        let after =
            (0..out.len()).filter(|&i| out[i].cues[0].0 >= h.end && out[i].distance(h.start, h.end) <= 80).min();
        if let Some(i) = before.or(after)
            && out[i].place.is_none()
        {
            out[i].place = Some(k);
        }
    }
    out
}

/// "Maehara said Tokyo hoped Medvedev would attend the summit": the speaker of a
/// reported clause with a subject of its own does not attend what it reports.
fn reports_other(s: &Sent, title_start: usize, end: usize, protos: &[Proto]) -> bool {
    if protos.iter().all(|p| p.cues[p.cues.len() - 1].1 <= title_start) && COMMENT.is_match(&s.text[end..]) {
        return true;
    }
    let Some(m) = REPORTING.find(&s.text[end..]) else {
        return false;
    };
    // "… has been put off, Chief Cabinet Secretary Yoshihide Suga told a news conference": a trailing attribution.
    let before = s.text[..title_start].trim_end().trim_end_matches(['"', '”', '\'', '’']);
    if before.ends_with(',') && protos.iter().all(|p| p.cues[0].0 < title_start) {
        return true;
    }
    let verb_end = end + m.end();
    let Some(cue) = protos.iter().map(|p| p.cues[0].0).find(|&c| c >= verb_end) else {
        return false;
    };
    let clause = &s.text[verb_end..cue];
    clause.split_whitespace().any(|w| w == "that")
        || s.persons.iter().any(|p| p.start >= verb_end && p.end <= cue)
        || s.sides.iter().any(|w| w.start >= verb_end && w.end <= cue)
}

/// The meeting whose verb follows a name closely ("Lavrov met", "Putin will visit"): its subject.
fn subject_of(ps: &[Proto], t: &str, end: usize) -> Option<usize> {
    // "X and Y, who joined the talks, are expected to meet": the verb after a relative clause is the subject's.
    let skip = WHO_CLAUSE.find(&t[end..]).map_or(0, |m| m.end());
    let end = end + skip;
    // "Putin held two rounds of talks": a short run of lowercase words (a verb and a quantity) may come between.
    let short_lowercase = |g: &str| g.len() <= 40 && g.split_whitespace().count() <= 5 && !g.contains(char::is_uppercase);
    ps.iter().position(|p| {
        let a = p.cues[0].0;
        a >= end
            && (a - end <= 20 + if skip > 0 { 12 } else { 0 } || short_lowercase(&t[end..a]))
            && !t[end..a].contains([',', '.', ';'])
    })
}

fn nearest(ps: &[Proto], start: usize, end: usize) -> usize {
    (0..ps.len()).min_by_key(|&i| ps[i].distance(start, end)).unwrap_or(0)
}

fn participants_of(p: &Proto, s: &Sent, sents: &[Sent], si: usize) -> Vec<(Actor, Evidence)> {
    let mut out: Vec<(Actor, Evidence)> = Vec::new();
    fn push(out: &mut Vec<(Actor, Evidence)>, a: &Actor, ev: Evidence) {
        if !out.iter().any(|(b, _)| b.name == a.name) {
            out.push((a.clone(), ev));
        }
    }
    for &k in &p.persons {
        let m = &s.persons[k];
        push(&mut out, &m.actor, s.evidence(m.start, m.end));
    }
    // "He will visit Moscow next month": the first person of the sentence before.
    // "From the moment he arrived in Tokyo …": a pronoun right before the trigger is its subject too.
    let pronoun_subject = s.persons.is_empty() && frames::pronoun_before(&s.text, p.cues[0].0);
    if out.is_empty()
        && (HE.is_match(&s.text) || pronoun_subject)
        && si > 0
        && sents[si - 1].paragraph == s.paragraph
        && let Some(m) = sents[si - 1].persons.first()
    {
        push(&mut out, &m.actor, sents[si - 1].evidence(m.start, m.end));
    }
    // "the two men", "their talks": the last two persons named before.
    let lo = floor(&s.text, p.cues[0].0.saturating_sub(100));
    let window = &s.text[lo..p.cues[p.cues.len() - 1].1];
    // "The two ministers agreed to prepare for Putin's planned visit": the visit is Putin's.
    let owned = p.persons.iter().any(|&k| s.persons[k].possessive);
    // "The two leaders agreed that Abe will attend …": what they agreed names its own subject.
    if out.len() < 2
        && !owned
        && let Some(m) = PAIR.find(window)
        && !(out.len() == 1 && window[m.end()..].contains(" that "))
    {
        let mut found: Vec<(Actor, Evidence)> = Vec::new();
        let before = s.persons.iter().filter(|x| x.end <= lo + m.start()).rev().map(|x| (x, s));
        let earlier =
            sents[si.saturating_sub(2)..si].iter().rev().flat_map(|ps| ps.persons.iter().rev().map(move |x| (x, ps)));
        let kind = m.as_str().to_ascii_lowercase();
        let fits = |a: &Actor| {
            let role = a.role.as_deref().unwrap_or("");
            if kind.ends_with("leaders") {
                LEADER_ROLES.contains(&role)
            } else if kind.ends_with("ministers") {
                role.contains("minister")
            } else {
                true
            }
        };
        for (x, xs) in before.chain(earlier) {
            if found.len() == 2 {
                break;
            }
            if !fits(&x.actor) {
                continue;
            }
            if !found.iter().any(|(a, _)| a.name == x.actor.name) {
                found.push((x.actor.clone(), xs.evidence(x.start, x.end)));
            }
        }
        if found.len() == 2 {
            for (a, ev) in found {
                push(&mut out, &a, ev);
            }
        }
    }
    out
}

fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn status_of(lx: &Lexicon, p: &Proto, s: &Sent, lo: usize, hi: usize, all: &[Proto]) -> (String, bool) {
    let first = p.cues[0].0;
    let last = p.cues[p.cues.len() - 1].1;
    let mut best: Option<usize> = None;
    // "ended the talks with a communique in which both pledged to meet next year": a status
    // word inside an embedded clause is that clause's, unless the cue is inside it too.
    let foreign: Vec<(usize, usize)> = frames::embedded_clauses(&s.text)
        .into_iter()
        .filter(|&(a, b)| !p.cues.iter().any(|c| c.0 >= a && c.1 <= b))
        .collect();
    for h in &s.status_cues {
        if foreign.iter().any(|&(a, b)| h.start >= a && h.start < b) {
            continue;
        }
        let w = s.text[h.start..h.end].to_ascii_lowercase();
        // "presented a plan to resolve …": a noun after a determiner is not a verb of planning.
        if frames::is_noun_use(&s.text, h.start, h.end) || frames::is_comparison(&s.text, h.start) {
            continue;
        }
        let modal = matches!(w.as_str(), "will" | "would" | "shall");
        let ok = if modal {
            // Only a modal governing the cue verb ("will visit", "would meet").
            h.end <= first && first - h.end <= 25
        } else {
            h.start >= lo && h.end <= hi && h.end + 150 >= first && h.start <= last + 150
        };
        if !ok {
            continue;
        }
        // A status word belongs to the meeting cue nearest to it ("led a delegation … Gorbachev's planned visit").
        if !modal && all.iter().any(|o| o.distance(h.start, h.end) < p.distance(h.start, h.end)) {
            continue;
        }
        let status = &lx.status_cues[h.entry].1;
        let rank = STATUS_RANK.iter().position(|r| r == status).unwrap_or(STATUS_RANK.len());
        if best.is_none_or(|b| rank < b) {
            best = Some(rank);
        }
    }
    match best {
        Some(r) if r < STATUS_RANK.len() => (STATUS_RANK[r].to_string(), true),
        // No status word: the governing verb group says whether it is still to come
        // ("agreed to hold talks", "hoped to come", "is to visit").
        _ => match frames::governing(s, p.cues[0]) {
            Some(g) if frames::looks_ahead(g) => ("planned".to_string(), true),
            _ => (String::new(), false),
        },
    }
}

/// Held when the date is over at publication, planned when it is still to come.
pub fn status_by_date(from: PartialDate, to: Option<PartialDate>, pubd: Option<PartialDate>) -> &'static str {
    match pubd {
        Some(p) if from.first_ordinal() > p.last_ordinal() => "planned",
        Some(p) if to.unwrap_or(from).last_ordinal() < p.first_ordinal() => "held",
        _ => "held",
    }
}

fn span_days(from: PartialDate, to: Option<PartialDate>) -> i64 {
    to.unwrap_or(from).last_ordinal() - from.first_ordinal()
}

/// Whether two dated mentions can be the same meeting by date; day-precise dates get
/// `days` of slack (reports from different documents disagree by a day or two).
pub fn dates_overlap(a: (PartialDate, Option<PartialDate>), b: (PartialDate, Option<PartialDate>), days: i64) -> bool {
    let slack = |d: (PartialDate, Option<PartialDate>)| {
        if d.0.precision() == Precision::Day { days } else { 0 }
    };
    let (alo, ahi) = (a.0.first_ordinal() - slack(a), a.1.unwrap_or(a.0).last_ordinal() + slack(a));
    let (blo, bhi) = (b.0.first_ordinal() - slack(b), b.1.unwrap_or(b.0).last_ordinal() + slack(b));
    alo <= bhi && blo <= ahi
}

/// Whether two places can be the same (equal, unknown, or a city inside the country named).
pub fn places_compatible(lx: &Lexicon, a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if a == b {
        return true;
    }
    let get = |n: &str| lx.places.iter().find(|p| p.name == n);
    match (get(a), get(b)) {
        (Some(pa), Some(pb)) => pa.country == pb.country && (pa.kind == "country" || pb.kind == "country"),
        _ => false,
    }
}

/// Place specificity: a city beats a country.
fn place_rank(lx: &Lexicon, p: Option<&str>) -> u8 {
    match p.and_then(|n| lx.places.iter().find(|x| x.name == n)) {
        Some(x) if x.kind == "city" => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// Whether two meetings (dates, places, participant names) are one. Within one
/// document two different days are two meetings (`slack` 0); across documents
/// day-precise dates may differ by `slack` days.
pub fn same_meeting(
    lx: &Lexicon,
    a: ((PartialDate, Option<PartialDate>), Option<&str>, &[&str]),
    b: ((PartialDate, Option<PartialDate>), Option<&str>, &[&str]),
    slack: i64,
) -> bool {
    if !dates_overlap(a.0, b.0, slack) || !places_compatible(lx, a.1, b.1) {
        return false;
    }
    let shared = a.2.iter().any(|x| b.2.contains(x));
    let narrow = |d: (PartialDate, Option<PartialDate>)| span_days(d.0, d.1) <= 10;
    match (a.2.is_empty(), b.2.is_empty()) {
        (false, false) => shared,
        (true, true) => true,
        _ => narrow(a.0) && narrow(b.0),
    }
}

fn add(lx: &Lexicon, events: &mut Vec<Event>, e: Event) {
    let key = |x: &Event| {
        (x.range(), x.place.as_ref().map(|p| p.0.clone()), x.names().iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    let (er, ep, en) = key(&e);
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    for cur in events.iter_mut() {
        let (cr, cp, cn) = key(cur);
        let cn: Vec<&str> = cn.iter().map(String::as_str).collect();
        if same_meeting(lx, (cr, cp.as_deref(), &cn), (er, ep.as_deref(), &en), 0) && !held_and_planned(cur, &e) {
            merge(lx, cur, e);
            return;
        }
    }
    events.push(e);
}

/// "met Putin in Sochi on Friday … Putin will visit Japan later this year": a meeting on a
/// past day is not the one a word says is still to come, in the same document.
fn held_and_planned(a: &Event, b: &Event) -> bool {
    let past_day = |x: &Event| !x.explicit && x.status == "held" && x.from.precision() == Precision::Day;
    let planned = |x: &Event| x.explicit && x.status == "planned";
    (past_day(a) && planned(b)) || (past_day(b) && planned(a))
}

/// [`add`] each event in turn, repeated until no two events are one meeting.
fn settle(lx: &Lexicon, mut events: Vec<Event>) -> Vec<Event> {
    loop {
        let n = events.len();
        let mut out = Vec::new();
        for e in events {
            add(lx, &mut out, e);
        }
        if out.len() == n {
            return out;
        }
        events = out;
    }
}

/// Merge `e` into `cur`: the narrower date, the more specific place, the stronger status.
pub fn merge(lx: &Lexicon, cur: &mut Event, e: Event) {
    // A span of days (a stated five-day visit) is kept over one day inside it.
    let day_span = |x: &Event| x.from.precision() == Precision::Day && x.to.is_some_and(|t| t.precision() == Precision::Day);
    let inside = |a: &Event, b: &Event| {
        a.from.first_ordinal() >= b.from.first_ordinal() && a.to.unwrap_or(a.from).last_ordinal() <= b.to.unwrap_or(b.from).last_ordinal()
    };
    if day_span(&cur) && e.from.precision() == Precision::Day && inside(&e, cur) {
    } else if day_span(&e) && cur.from.precision() == Precision::Day && inside(cur, &e) {
        cur.from = e.from;
        cur.to = e.to;
    } else if span_days(e.from, e.to) < span_days(cur.from, cur.to) {
        cur.from = e.from;
        cur.to = e.to;
    }
    if place_rank(lx, e.place.as_ref().map(|p| p.0.as_str())) > place_rank(lx, cur.place.as_ref().map(|p| p.0.as_str()))
    {
        cur.place = e.place;
    }
    if e.explicit && !cur.explicit {
        cur.status = e.status;
        cur.explicit = true;
    } else if e.explicit && cur.explicit {
        let r = |s: &str| STATUS_RANK.iter().position(|x| *x == s).unwrap_or(9);
        if r(&e.status) < r(&cur.status) {
            cur.status = e.status;
        }
    }
    for (a, ev) in e.participants {
        if !cur.participants.iter().any(|(b, _)| b.name == a.name) {
            cur.participants.push((a, ev));
        }
    }
    for r in e.inferred {
        if !cur.inferred.iter().any(|x| x.0 == r.0) {
            cur.inferred.push(r);
        }
    }
    cur.evidence.extend(e.evidence);
}

/// The lead's date: the first day-precise date of the first dated sentence among the
/// document's first four, a week or less before publication (the day the report is about).
fn lead_date(sents: &[Sent], pubd: Option<PartialDate>) -> Option<(usize, PartialDate, Option<PartialDate>)> {
    let p = pubd?;
    let s = sents.iter().take(4).find(|s| s.event_dates().next().is_some())?;
    let d = s.event_dates().next()?;
    let gap = p.first_ordinal() - d.to.unwrap_or(d.from).last_ordinal();
    (d.from.precision() == Precision::Day && (0..=7).contains(&gap)).then_some((s.index, d.from, d.to))
}

/// "Yeltsin gave the reply to Obuchi during their talks at the Kremlin", right after a lead
/// dated Thursday: an undated encounter of two sides' named persons, told within two
/// sentences of the lead and matching no dated meeting, is the lead's occasion, held that day.
fn lead_occasion(a: &Attach, lead: Option<(usize, PartialDate, Option<PartialDate>)>) -> Option<Event> {
    let (li, from, to) = lead?;
    let sides: Vec<&str> = a.participants.iter().filter_map(|(x, _)| x.country.as_deref()).collect();
    let two_sides = sides.iter().any(|x| sides.iter().any(|y| x != y));
    (two_sides && a.occasion && !a.joins && a.evidence.sentence > li && a.evidence.sentence <= li + 2).then(|| Event {
        from,
        to,
        participants: a.participants.clone(),
        place: a.place.clone(),
        status: "held".into(),
        explicit: false,
        meeting_type: a.meeting_type.clone(),
        evidence: vec![a.evidence.clone()],
        inferred: Vec::new(),
    })
}

fn attach(
    lx: &Lexicon,
    events: &mut Vec<Event>,
    a: Attach,
    pubd: Option<PartialDate>,
    lead: Option<(usize, PartialDate, Option<PartialDate>)>,
) {
    let names: Vec<&str> = a.participants.iter().map(|(x, _)| x.name.as_str()).collect();
    let place = a.place.as_ref().map(|p| p.0.as_str());
    let best = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let shared = e.participants.iter().any(|(x, _)| names.contains(&x.name.as_str()));
            let same_place = place.is_some() && e.place.as_ref().map(|p| p.0.as_str()) == place;
            (shared || (names.is_empty() && same_place))
                && places_compatible(lx, place, e.place.as_ref().map(|p| p.0.as_str()))
        })
        .max_by_key(|(i, e)| {
            let same_place = place.is_some() && e.place.as_ref().map(|p| p.0.as_str()) == place;
            let shared = e.participants.iter().filter(|(x, _)| names.contains(&x.name.as_str())).count();
            let dist = pubd.map_or(0, |p| (e.from.first_ordinal() - p.first_ordinal()).abs());
            (same_place, shared, -dist, std::cmp::Reverse(*i))
        })
        .map(|(i, _)| i);
    // "Kono and Ivanov attended the talks": the latest meeting named before, which they join.
    let sentence = a.evidence.sentence;
    let referred = a.joins.then(|| {
        events
            .iter()
            .enumerate()
            // Only a meeting that took place can be joined (not "a visit … called off").
            .filter(|(_, e)| e.status == "held" && e.evidence.iter().any(|v| v.sentence < sentence))
            .max_by_key(|(_, e)| e.evidence.iter().map(|v| v.sentence).filter(|&x| x < sentence).max())
            .map(|(i, _)| i)
    });
    // "Putin arrived in Nagato nearly three hours late": a visitor to the one city where the
    // document holds a meeting (other than a visit) came for it.
    let hosts: Vec<usize> = (0..events.len())
        .filter(|&i| place.is_some() && events[i].place.as_ref().map(|p| p.0.as_str()) == place)
        .collect();
    let host = (a.meeting_type == "visit" && place_rank(lx, place) == 2 && hosts.len() == 1)
        .then(|| hosts[0])
        .filter(|&i| events[i].meeting_type != "visit");
    if let Some(i) = referred.flatten().or(host) {
        let e = &mut events[i];
        for (p, ev) in a.participants {
            if !e.participants.iter().any(|(b, _)| b.name == p.name) {
                e.participants.push((p, ev));
            }
        }
        e.evidence.push(a.evidence);
        return;
    }
    if best.is_none()
        && let Some(e) = side_talks(lx, events, &a).or_else(|| lead_occasion(&a, lead))
    {
        events.push(e);
        return;
    }
    // Otherwise an undated mention adds its evidence (and a missing place), not new participants:
    // "X and Y will lead the negotiations, Abe said after the meeting" names people who were not there.
    if let Some(i) = best {
        let e = &mut events[i];
        e.evidence.push(a.evidence);
        // Only a mention of the same kind lends its place ("a visit to Moscow" is not "the summit"),
        // and an island only to its own mention ("may also visit Iturup later" is another trip).
        let island = a.place.as_ref().is_some_and(|p| !lx.places.iter().any(|x| x.name == p.0));
        if e.place.is_none() && !island && (e.meeting_type == "visit") == (a.meeting_type == "visit") {
            e.place = a.place;
        }
    }
}

/// "Mori met Putin in Moscow on Friday … Kono held separate talks with Ivanov": undated talks
/// of two sides, told as done, after the lead's dated meeting took place on that occasion
/// (its date and place). Talks still to come or only thought of stay out.
fn side_talks(lx: &Lexicon, events: &[Event], a: &Attach) -> Option<Event> {
    let sides: Vec<&str> = a.participants.iter().filter_map(|(x, _)| x.country.as_deref()).collect();
    let bilateral = sides.iter().any(|c| sides.iter().any(|d| c != d));
    let t = &a.evidence.text;
    if a.joins || !bilateral || !TOLD_AS_DONE.is_match(t) || NOT_DONE.is_match(t) {
        return None;
    }
    let first = |e: &Event| e.evidence.iter().map(|v| v.sentence).min().unwrap_or(usize::MAX);
    let lead = events.iter().filter(|e| e.status == "held").min_by_key(|e| first(e))?;
    // Talks placed elsewhere ("in Tokyo" after a Moscow summit) are another occasion.
    let own = a.place.as_ref().map(|p| p.0.as_str());
    if first(lead) > 2
        || first(lead) >= a.evidence.sentence
        || !places_compatible(lx, own, lead.place.as_ref().map(|p| p.0.as_str()))
    {
        return None;
    }
    Some(Event {
        from: lead.from,
        to: lead.to,
        participants: a.participants.clone(),
        place: a.place.clone().or_else(|| lead.place.clone()),
        status: "held".into(),
        explicit: false,
        meeting_type: a.meeting_type.clone(),
        evidence: vec![a.evidence.clone()],
        inferred: Vec::new(),
    })
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&CHAIN);
    LazyLock::force(&ATTEND);
    LazyLock::force(&OBJECT);
    LazyLock::force(&JOINED);
    LazyLock::force(&PLACE_PREP);
    LazyLock::force(&ISLAND_PREP);
    LazyLock::force(&PAIR);
    LazyLock::force(&REPORT_DATE);
    LazyLock::force(&AFTER_CUE);
    LazyLock::force(&REPORT_THAT);
    LazyLock::force(&DATELINE_DATE);
    LazyLock::force(&DOMESTIC);
    LazyLock::force(&DOMESTIC_BEFORE);
    LazyLock::force(&DATE_VERB);
    LazyLock::force(&COMMENT);
    LazyLock::force(&HE);
    LazyLock::force(&HERE);
    LazyLock::force(&DATELINE);
    LazyLock::force(&REPORTING);
    LazyLock::force(&PURPOSE);
    LazyLock::force(&TO_FACE);
    LazyLock::force(&APPOSITIVE);
    LazyLock::force(&SINCE);
    LazyLock::force(&NO_PLAN);
    LazyLock::force(&OCCASION);
    LazyLock::force(&TO_PREP);
    LazyLock::force(&UNKNOWN_DEST);
    LazyLock::force(&WHO_OPEN);
    LazyLock::force(&WHO_CLAUSE);
    LazyLock::force(&AND_THEN);
    LazyLock::force(&WHO);
    LazyLock::force(&AGREED);
    LazyLock::force(&LED_BY);
    LazyLock::force(&JOINS);
    LazyLock::force(&TOLD_AS_DONE);
    LazyLock::force(&NOT_DONE);
    LazyLock::force(&MULTI_DATELINE);
    LazyLock::force(&THE_BEFORE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::mentions::{Matchers, read};

    fn lx() -> &'static (Lexicon, Matchers) {
        static L: LazyLock<(Lexicon, Matchers)> = LazyLock::new(|| {
            let l = Lexicon::load(None).unwrap();
            let m = Matchers::new(&l);
            (l, m)
        });
        &L
    }

    fn meetings(text: &str, pubd: &str) -> Vec<String> {
        let (l, m) = lx();
        let doc = Document::from_text("d", text, Some(pubd.parse().unwrap()));
        let sents = read(l, m, &doc);
        extract(l, doc.date, &sents)
            .into_iter()
            .map(|e| {
                let mut names = e.names().join("+");
                if names.is_empty() {
                    names = "-".into();
                }
                let end = e.to.map(|t| format!("..{t}")).unwrap_or_default();
                format!("{}{} {} {} {}", e.from, end, e.place.map(|p| p.0).unwrap_or("?".into()), e.status, names)
            })
            .collect()
    }

    /// `text @ publication date => [meeting summaries]`
    macro_rules! meetings {
        ($($name:ident: $text:expr, $pubd:expr => [$($want:expr),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<String> = vec![$($want.to_string()),*];
                assert_eq!(meetings($text, $pubd), want);
            }
        )*};
    }

    meetings! {
        stated_length_ends_today: "TOKYO, Sept. 5 -- Russian President Vladimir Putin wrapped up a three-day visit to Japan today. Putin held talks with Prime Minister Yoshiro Mori on Monday.", "2000-09-06" =>
            ["2000-09-03..2000-09-05 Japan held Vladimir Putin+Yoshiro Mori"],
        report_after_talks_dates_them: "Foreign Minister Igor Ivanov said on Tuesday after talks with his Japanese counterpart Yohei Kono that the dialogue would go on.", "2001-03-01" =>
            ["2001-02-27 ? held Igor Ivanov+Yohei Kono"],
        embedded_clause_keeps_its_people_and_date: "Foreign Minister Yohei Kono met Foreign Minister Igor Ivanov on Tuesday, the first talks between the two, whom Mori and Putin put in charge of the dialogue in Irkutsk last month.", "2001-04-26" =>
            ["2001-04-24 ? held Yohei Kono+Igor Ivanov"],
        since_clause_is_background: "Prime Minister Yoshiro Mori arrived in Moscow on Sunday, the first visit by a Japanese leader since Ryutaro Hashimoto came in 1998.", "2000-05-02" =>
            ["2000-04-30 Moscow held Yoshiro Mori"],
        subject_past_a_relative_clause: "Foreign Minister Yohei Kono and Foreign Minister Igor Ivanov, who sat in on the dinner, are expected to meet again in Tokyo in March.", "2001-01-10" =>
            ["2001-03 Tokyo planned Yohei Kono+Igor Ivanov"],
        undated_talks_after_the_lead: "MOSCOW -- Russia answered Japan's offer on Tuesday, officials said.\n\nPresident Vladimir Putin handed the reply to Prime Minister Yoshiro Mori during their talks at the Kremlin.", "2000-09-07" =>
            ["2000-09-05 Moscow held Vladimir Putin+Yoshiro Mori"],
        destination_is_not_the_meeting_place: "Prime Minister Yoshiro Mori and President Vladimir Putin agreed on Monday in Irkutsk that two islands would be handed to Japan.", "2001-03-27" =>
            ["2001-03-26 Irkutsk held Yoshiro Mori+Vladimir Putin"],
        status_word_of_an_embedded_clause: "Prime Minister Yoshiro Mori and President Vladimir Putin ended two days of talks in Irkutsk on Sunday with a statement in which they pledged to continue the dialogue next year.", "2001-03-27" =>
            ["2001-03-24..2001-03-25 Irkutsk held Yoshiro Mori+Vladimir Putin"],
        relative_clause_joins_the_held_talks: "Prime Minister Yoshiro Mori and President Vladimir Putin held talks in Irkutsk on Sunday. Putin had called off a visit to Japan planned for the autumn. Foreign Minister Yohei Kono and Foreign Minister Igor Ivanov, who joined the talks, are expected to meet again in Tokyo in June.", "2001-03-27" =>
            ["2001-03-25 Irkutsk held Yoshiro Mori+Vladimir Putin+Igor Ivanov+Yohei Kono", "2001-06 Tokyo planned Yohei Kono+Igor Ivanov"],
        leg_of_a_journey_to_an_unknown_town: "President Vladimir Putin held talks with Prime Minister Yoshiro Mori in Tokyo on Monday. Putin is to travel to Otaru on Wednesday before returning home.", "2000-09-05" =>
            ["2000-09-04 Tokyo held Vladimir Putin+Yoshiro Mori"],
        coordinated_predicates_share_subject_and_date: "President Vladimir Putin held two rounds of talks with Prime Minister Yoshiro Mori and met Emperor Akihito on Monday.", "2000-09-06" =>
            ["2000-09-04 ? held Vladimir Putin+Yoshiro Mori+Akihito"],
        side_talks_take_the_lead_occasion: "Prime Minister Yoshiro Mori met President Vladimir Putin in Moscow on Friday. Foreign Minister Yohei Kono held separate talks with Foreign Minister Igor Ivanov on a proposed oil pipeline.", "2001-04-21" =>
            ["2001-04-20 Moscow held Yoshiro Mori+Vladimir Putin", "2001-04-20 Moscow held Yohei Kono+Igor Ivanov"],
        future_side_talks_stay_out: "Prime Minister Yoshiro Mori met President Vladimir Putin in Moscow on Friday. Foreign Minister Yohei Kono will hold talks with Foreign Minister Igor Ivanov on a proposed oil pipeline.", "2001-04-21" =>
            ["2001-04-20 Moscow held Yoshiro Mori+Vladimir Putin"],
        hypothetical_side_talks_stay_out: "Prime Minister Yoshiro Mori met President Vladimir Putin in Moscow on Friday. Foreign Minister Yohei Kono could have held talks with Foreign Minister Igor Ivanov had the schedule allowed.", "2001-04-21" =>
            ["2001-04-20 Moscow held Yoshiro Mori+Vladimir Putin"],
        side_talks_elsewhere_stay_out: "Prime Minister Yoshiro Mori met President Vladimir Putin in Moscow on Friday. Foreign Minister Yohei Kono held talks with Foreign Minister Igor Ivanov in Tokyo.", "2001-04-21" =>
            ["2001-04-20 Moscow held Yoshiro Mori+Vladimir Putin"],
        side_talks_of_one_side_stay_out: "Prime Minister Yoshiro Mori met President Vladimir Putin in Moscow on Friday. Foreign Minister Yohei Kono held talks with Finance Minister Kiichi Miyazawa.", "2001-04-21" =>
            ["2001-04-20 Moscow held Yoshiro Mori+Vladimir Putin"],
        agreed_attendance_and_visit: "Prime Minister Shinzo Abe met President Vladimir Putin in Sochi on Friday. The two leaders agreed that Abe will attend the Eastern Economic Forum in Vladivostok in September, and that Putin will visit Japan later this year.", "2016-05-07" =>
            ["2016-05-06 Sochi held Shinzo Abe+Vladimir Putin", "2016-09 Vladivostok planned Shinzo Abe", "2016-05..2016-12 Japan planned Vladimir Putin"],
        attended_forum: "Foreign Minister Taro Kono attended an economic forum in Vladivostok on Sept. 12.", "2018-09-14" =>
            ["2018-09-12 Vladivostok held Taro Kono"],
        // The inviter hosts the visit it invites to.
        invited_to_visit: "Prime Minister Shinzo Abe met President Vladimir Putin in Sochi on Friday. Putin invited Abe to visit Vladivostok next year.", "2016-05-07" =>
            ["2016-05-06 Sochi held Shinzo Abe+Vladimir Putin", "2017 Vladivostok planned Vladimir Putin+Shinzo Abe"],
        accepted_invitation: "Prime Minister Shinzo Abe met President Vladimir Putin in Sochi on Friday. Putin accepted an invitation to visit Japan in December.", "2016-05-07" =>
            ["2016-05-06 Sochi held Shinzo Abe+Vladimir Putin", "2016-12 Japan planned Vladimir Putin"],
        counterpart_side_talks: "MOSCOW -- Prime Minister Yoshiro Mori and President Vladimir Putin held a summit in the Kremlin on Saturday. Foreign Minister Yohei Kono also held talks with his Russian counterpart Igor Ivanov.", "2000-09-04" =>
            ["2000-09-02 Moscow held Yoshiro Mori+Vladimir Putin", "2000-09-02 Moscow held Yohei Kono+Igor Ivanov"],
        koizumi_putin: "Prime Minister Junichiro Koizumi met President Vladimir Putin in Moscow on Jan. 10.", "2003-01-14" =>
            ["2003-01-10 Moscow held Junichiro Koizumi+Vladimir Putin"],
        planned_visit: "Foreign Minister Fumio Kishida will visit Moscow next month.", "2016-08-20" =>
            ["2016-09 Moscow planned Fumio Kishida"],
        called_off: "The summit between Prime Minister Yoshiro Mori and President Vladimir Putin set for Dec. 12 was called off.", "2000-11-20" =>
            ["2000-12-12 ? cancelled Yoshiro Mori+Vladimir Putin"],
        put_off: "Russian President Boris Yeltsin put off his visit to Japan scheduled for September.", "1992-08-20" =>
            ["1992-09 Japan postponed Boris Yeltsin"],
        visit_to_an_island: "Medvedev visited Kunashir in November 2010.", "2011-02-01" => ["2010-11 Kunashiri held Dmitry Medvedev"],
        landed_on_an_island: "MOSCOW -- Prime Minister Dmitry Medvedev on Saturday landed on Iturup and toured a fish farm.", "2015-08-23" =>
            ["2015-08-22 Etorofu held Dmitry Medvedev"],
        one_visit_two_spellings: "Medvedev visited Kunashiri on Nov. 1. His visit to Kunashir angered Tokyo.", "2010-11-03" =>
            ["2010-11-01 Kunashiri held Dmitry Medvedev"],
        touring_continues_the_visit: "Medvedev on Monday set foot on one of the disputed islands, touring a school on Kunashir. He may also visit Iturup later.", "2010-11-02" =>
            ["2010-11-01 Kunashiri held Dmitry Medvedev"],
        resort_of: "Abe met Putin in the Black Sea resort of Sochi on Friday. Putin will visit Japan later this year.", "2016-05-07" =>
            ["2016-05-06 Sochi held Shinzo Abe+Vladimir Putin", "2016-05..2016-12 Japan planned Vladimir Putin"],
        past_day_is_not_the_planned_visit: "Abe and Putin met on Friday. Putin will visit Japan later this year.", "2016-05-07" =>
            ["2016-05-06 ? held Shinzo Abe+Vladimir Putin", "2016-05..2016-12 Japan planned Vladimir Putin"],
        landmark_stands_for_its_city: "TOKYO -- Prime Minister Shinzo Abe and President Vladimir Putin held talks at the Kremlin on Monday.", "2013-04-30" =>
            ["2013-04-29 Moscow held Shinzo Abe+Vladimir Putin"],
        kremlin_as_speaker_is_no_place: "Kremlin officials said Putin met Abe on Monday.", "2013-04-30" =>
            ["2013-04-29 ? held Vladimir Putin+Shinzo Abe"],
        purpose_is_not_dated_here: "Foreign Minister Taro Kono will hold talks with Russian counterpart Sergei Lavrov in Moscow on Jan. 14 to prepare the summit.", "2019-01-06" =>
            ["2019-01-14 Moscow planned Taro Kono+Sergey Lavrov"],
        proposed_to_a_leader: "Prime Minister Ryutaro Hashimoto proposed to Russian President Boris Yeltsin on Saturday that the border be redrawn, officials said.", "1998-04-19" =>
            ["1998-04-18 ? held Ryutaro Hashimoto+Boris Yeltsin"],
        proposed_then_met_at_a_resort: "Prime Minister Ryutaro Hashimoto proposed to Russian President Boris Yeltsin on Saturday that the border be redrawn. The two leaders met at a seaside resort in Kawana.", "1998-04-19" =>
            ["1998-04-18 Kawana held Ryutaro Hashimoto+Boris Yeltsin"],
        told_the_other_leader: "TOKYO, Sept. 5 (AP) - Russian President Vladimir Putin told Prime Minister Yoshiro Mori on Monday that Moscow recognized the 1956 declaration.", "2000-09-05" =>
            ["2000-09-04 Tokyo held Vladimir Putin+Yoshiro Mori"],
        told_his_own_side_is_no_meeting: "Putin told Foreign Minister Sergei Lavrov on Monday to prepare the talks.", "2016-11-01" => [],
        proposed_to_reporters_is_no_meeting: "Prime Minister Ryutaro Hashimoto proposed to reporters on Saturday a new border plan.", "1998-04-19" => [],
        proposed_to_his_own_side_is_no_meeting: "Prime Minister Ryutaro Hashimoto proposed to Foreign Minister Keizo Obuchi on Saturday a new border plan.", "1998-04-19" => [],
        relative_clause_visit_and_talks: "Shevardnadze, who visited Tokyo in January 1986, held talks with Foreign Minister Shintaro Abe.", "1988-05-27" =>
            ["1986-01 Tokyo held Eduard Shevardnadze+Shintaro Abe"],
        unnamed_officials_then_led_by: "TOKYO -- Japanese and Russian officials on Friday held talks on joint projects. The talks were led by Deputy Foreign Minister Igor Morgulov and Ambassador Chikahito Harada.", "2017-03-18" =>
            ["2017-03-17 Tokyo held Igor Morgulov+Chikahito Harada"],
        appositive_first_such_meeting: "Foreign Minister Toshimitsu Motegi met his Russian counterpart Sergei Lavrov in Moscow on Wednesday, the first such meeting since Motegi took office in September.", "2019-12-19" =>
            ["2019-12-18 Moscow held Toshimitsu Motegi+Sergey Lavrov"],
        pair_does_not_join_anothers_visit: "Motegi met Lavrov in Moscow on Wednesday. The two ministers agreed to prepare for Putin's planned visit to Japan next year.", "2019-12-19" =>
            ["2019-12-18 Moscow held Toshimitsu Motegi+Sergey Lavrov", "2020 Japan planned Vladimir Putin"],
        since_a_dated_visit: "The talks were the first since President Vladimir Putin's September visit to Tokyo.", "2000-10-27" =>
            ["2000-09 Tokyo held Vladimir Putin"],
        postpones_present_tense: "Russian President Boris Yeltsin postpones his visit to Japan slated for September.", "1992-09-10" =>
            ["1992-09 Japan postponed Boris Yeltsin"],
        slated_visit: "Foreign Minister Sergei Lavrov is slated to visit Tokyo in March.", "2016-02-01" =>
            ["2016-03 Tokyo planned Sergey Lavrov"],
        visited_and_met: "Kishida visited Moscow in September 2016 and met Lavrov.", "2017-03-01" =>
            ["2016-09 Moscow held Fumio Kishida+Sergey Lavrov"],
        flew_to_attend: "Prime Minister Shinzo Abe flew to Vladivostok on Wednesday to attend the Eastern Economic Forum.", "2017-09-06" =>
            ["2017-09-06 Vladivostok held Shinzo Abe"],
        host_a_leader: "Abe will host Putin at his hometown in Yamaguchi on Dec. 15.", "2016-11-01" =>
            ["2016-12-15 Yamaguchi planned Shinzo Abe+Vladimir Putin"],
        hosting_alone_is_no_meeting: "Prime Minister Shinzo Abe hosted a dinner on Monday.", "2016-11-01" => [],
        no_plans_to_meet: "Prime Minister Fumio Kishida said Friday he had no plans to meet President Vladimir Putin at the summit in Bangkok next month.", "2022-10-15" => [],
        island_as_topic_is_no_place: "Kishida will visit Moscow next month for talks on Etorofu.", "2016-08-20" =>
            ["2016-09 Moscow planned Fumio Kishida"],
        press_conference_is_no_meeting: "Chief Cabinet Secretary Yoshihide Suga told a press conference on Monday that talks went well.", "2018-05-02" => [],
        counterpart_and_possessive: "The Oct. 3 talks, over which Deputy Foreign Minister Oleg Ivanenko and his Japanese counterpart Kenji Sato presided, came after President Vladimir Putin's September visit to Tokyo.", "2005-10-07" =>
            ["2005-10-03 ? held Oleg Ivanenko+Kenji Sato", "2005-09 Tokyo held Vladimir Putin"],
        two_men_two_summits: "Hashimoto met Yeltsin in Moscow last week. The two men built a relationship during two informal summit meetings in late 1997 and early 1998.", "1999-04-05" =>
            ["1999-03-29..1999-04-04 Moscow held Ryutaro Hashimoto+Boris Yeltsin", "1997-09..1997-12 ? held Boris Yeltsin+Ryutaro Hashimoto", "1998-01..1998-04 ? held Boris Yeltsin+Ryutaro Hashimoto"],
        mentions_merge: "Taro Kono met Sergei Lavrov in Munich on Feb. 16. At a news conference following the Feb. 16 meeting, Lavrov spoke. During their meeting, Kono smiled.", "2019-02-17" =>
            ["2019-02-16 Munich held Taro Kono+Sergey Lavrov"],
        the_visit_took_place: "In September 1992, Russian president Boris Yeltsin postponed a scheduled visit to Japan. The visit finally took place in October 1993.", "1994-01" =>
            ["1992-09 Japan postponed Boris Yeltsin", "1993-10 Japan held Boris Yeltsin"],
        places_follow_their_cue: "The two leaders met at a resort in Nagato on Thursday and continued their talks in Tokyo on Friday.", "2016-12-17" =>
            ["2016-12-15 Nagato held Shinzo Abe+Vladimir Putin", "2016-12-16 Tokyo held -"],
        pronoun_subject: "Foreign Minister Fumio Kishida spoke on Monday. He will visit Moscow next month.", "2016-08-20" =>
            ["2016-09 Moscow planned Fumio Kishida"],
        they_met: "Abe welcomed Putin to Japan. They met in Nagato on Dec. 15.", "2016-12-17" =>
            ["2016-12-15 Nagato held Vladimir Putin+Shinzo Abe"],
        subject_group_takes_the_verb: "The two sides agreed to resume talks when Kishida and Russian counterpart Sergey Lavrov met in Tokyo in April.", "2016-05-30" =>
            ["2016-04 Tokyo held Fumio Kishida+Sergey Lavrov"],
        telling_date_is_not_the_visit: "On July 20, Kremlin spokesman Dmitry Peskov told journalists that the date for Putin's visit to Japan has not been set. Kishida told a press conference Tuesday that his visit to Russia is not set.", "2015-07-28" => [],
        sidelines: "On July 7, Putin and Abe held a bilateral meeting on the sidelines of the G20 summit in Hamburg.", "2017-07-12" =>
            ["2017-07-07 Hamburg held Vladimir Putin+Shinzo Abe"],
        domestic_panel: "In February, Foreign Minister Fumio Kishida said at the first panel meeting of the interdepartmental council that it went well.", "2017-07-12" => [],
        quoted_attribution: "\"Akiba will head the delegation at the August meeting in Moscow,\" Kishida said.", "2017-07-12" =>
            ["2017-08 Moscow planned -"],
        dateline_date: "TOKYO, July 28. /TASS/. Japanese Foreign Minister Fumio Kishida said that his visit to Russia is not set.", "2015-07-30" => [],
        commentator_is_not_a_participant: "Japan protested on Tuesday after Russian Premier Dmitry Medvedev visited Kunashiri Island, with Foreign Minister Koichiro Gemba criticizing it.", "2012-07-04" =>
            ["2012-07-03 Kunashiri held Dmitry Medvedev"],
        briefing_date_is_not_the_visit: "Ambassador Masaharu Kono on Wednesday briefed Foreign Minister Seiji Maehara on President Dmitry Medvedev's visit.", "2010-11-03" => [],
        met_reporters_is_no_meeting: "Prime Minister Shinzo Abe met reporters on Monday.", "2016-12-17" => [],
        leaders_agreed: "In November last year, Prime Minister Shinzo Abe and Russian President Putin agreed to speed up talks.", "2019-02-17" =>
            ["2018-11 ? held Shinzo Abe+Vladimir Putin"],
        leaders_signed: "VLADIVOSTOK, Russia -- Prime Minister Shinzo Abe and President Vladimir Putin on Thursday signed a memorandum on fisheries.", "2019-09-06" =>
            ["2019-09-05 Vladivostok held Shinzo Abe+Vladimir Putin"],
        joint_statement_issued: "Prime Minister Junichiro Koizumi and President Vladimir Putin issued a joint statement in Moscow on Jan. 10.", "2003-01-14" =>
            ["2003-01-10 Moscow held Junichiro Koizumi+Vladimir Putin"],
        one_side_signing_is_no_meeting: "TOKYO -- Prime Minister Shinzo Abe on Monday signed a bill on Okinawa.", "2014-06-03" => [],
        two_place_dateline_lends_nothing: "MOSCOW/TOKYO -- Prime Minister Yoshihiko Noda and President Vladimir Putin on Sunday signed a statement.", "2012-09-10" =>
            ["2012-09-09 ? held Yoshihiko Noda+Vladimir Putin"],
        ministers_attended_the_talks: "Prime Minister Ryutaro Hashimoto and President Boris Yeltsin held talks in Krasnoyarsk on Nov. 1. Foreign Minister Yukihiko Ikeda and Foreign Minister Yevgeny Primakov attended the talks.", "1997-11-03" =>
            ["1997-11-01 Krasnoyarsk held Ryutaro Hashimoto+Boris Yeltsin+Yukihiko Ikeda+Yevgeny Primakov"],
        between_x_and_y_at_a_long_named_summit: "Officials prepared a meeting between Prime Minister Fumio Kishida and President Vladimir Putin on the sidelines of the Asia-Pacific Economic Cooperation forum in Vladivostok on Sept. 7.", "2021-08-20" =>
            ["2021-09-07 Vladivostok planned Fumio Kishida+Vladimir Putin"],
        set_foot_on_an_island: "Prime Minister Dmitry Medvedev on Sunday set foot on Etorofu for the second time.", "2015-08-24" =>
            ["2015-08-23 Etorofu held Dmitry Medvedev"],
        critic_who_called_the_trip: "Medvedev landed on Kunashiri on Tuesday. Prime Minister Yoshihiko Noda called the trip extremely regrettable.", "2012-07-04" =>
            ["2012-07-03 Kunashiri held Dmitry Medvedev"],
        visitor_to_the_summit_city: "Abe and Putin held summit talks in Nagato on Dec. 15. Putin arrived in Nagato three hours late.", "2016-12-17" =>
            ["2016-12-15 Nagato held Shinzo Abe+Vladimir Putin"],
        attendees_join_the_earlier_talks_not_a_later_one: "Prime Minister Yoshiro Mori and President Vladimir Putin held talks in Irkutsk on Sunday. Foreign Minister Yohei Kono and Foreign Minister Igor Ivanov attended the talks. Kono will visit Moscow in May for talks with Ivanov.", "2001-03-26" =>
            ["2001-03-25 Irkutsk held Yoshiro Mori+Vladimir Putin+Yohei Kono+Igor Ivanov", "2001-05 Moscow planned Yohei Kono+Igor Ivanov"],
        leaders_adopted_a_plan: "MOSCOW, Jan. 10 (Kyodo) -- Prime Minister Junichiro Koizumi and President Vladimir Putin on Friday adopted an action plan.", "2003-01-10" =>
            ["2003-01-10 Moscow held Junichiro Koizumi+Vladimir Putin"],
        dateline_is_not_a_visit_destination: "MOSCOW -- Prime Minister Dmitry Medvedev on Saturday visited a fish farm.", "2015-08-23" =>
            ["2015-08-22 ? held Dmitry Medvedev"],
        place_only_talks: "Talks in Tokyo late last week failed.", "1999-04-05" => ["1999-04-01..1999-04-04 Tokyo held -"],
    }
}
