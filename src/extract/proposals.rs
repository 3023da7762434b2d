//! Proposals: one per clause naming a family (`data/proposal_cues.tsv`), with
//! proposer, date, islands, conditions, status and explicit lineage ("based on the
//! 1956 declaration", "renounced the offer"); [`finish`] merges restatements and chains families.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use crate::extract::gate::Gated;

mod reading;
mod restate;

use super::actors::{Actor, SideWord, side_at};
use super::lexicon::Lexicon;
use super::mentions::Sent;
use crate::date::PartialDate;
use crate::graph::{Edge, Evidence, Graph, NodeKind, Relation};

/// A proposal read from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Prop {
    pub family: String,
    pub arrangement: String,
    /// When it was made or restated; `None` when neither the text nor the publication dates it.
    pub date: Option<PartialDate>,
    pub proposers: Vec<String>,
    pub persons: Vec<(Actor, Evidence)>,
    pub islands: Vec<String>,
    pub conditions: Vec<String>,
    pub status: String,
    /// A restatement of the standing four-island claim.
    pub claim: bool,
    pub evidence: Evidence,
    /// Earlier proposals of this document it derives from: (index, rule, evidence).
    pub derived: Vec<(usize, String, Evidence)>,
    /// Sides that rejected it here.
    pub rejected_by: Vec<(String, Evidence)>,
}

impl Prop {
    pub fn id(&self) -> String {
        if self.claim {
            return format!("p-{}-claim", self.family);
        }
        let mut id = format!("p-{}-{}", self.year_slug(), self.family);
        // Joint agreements of one year at different meetings are different proposals.
        if let Some(m) = self.date.and_then(|d| d.month).filter(|_| self.status == "agreed" && self.proposers.len() >= 2) {
            id = format!("p-{}-{m:02}-{}", self.year_slug(), self.family);
        }
        for p in &self.proposers {
            id.push('-');
            id.push_str(&p.to_lowercase());
        }
        // A new condition makes a new proposal ("… if Japan abandoned its alliance").
        if let Some(c) = self.conditions.first() {
            let words: Vec<&str> = c.split_whitespace().take(3).collect();
            id.push('-');
            id.push_str(&crate::graph::slug(&words.join(" ")));
        }
        id
    }

    /// The year for ids and labels: "undated" when the proposal has no date.
    fn year_slug(&self) -> String {
        self.date.map_or_else(|| "undated".to_string(), |d| d.year.to_string())
    }

    /// A label an analyst reads: family, proposer(s), year and the first
    /// condition, e.g. "Two-island proposal (SU, 1956): after the conclusion of a peace treaty".
    pub fn label(&self) -> String {
        let fam = family_name(&self.family);
        if self.claim {
            let who = if self.proposers.is_empty() { "JP".into() } else { self.proposers.join("+") };
            return format!("{fam} claim ({who})");
        }
        let who = if self.proposers.is_empty() { String::new() } else { format!("{}, ", self.proposers.join("+")) };
        let mut label = format!("{fam} proposal ({who}{})", self.year_slug());
        if let Some(c) = self.conditions.first() {
            label.push_str(": ");
            label.push_str(&shorten(c, LABEL_CONDITION_CHARS));
        }
        label
    }
}

/// How much of a condition a label shows; the full text stays in `conditions`.
const LABEL_CONDITION_CHARS: usize = 60;

/// A family's name as an analyst writes it.
fn family_name(slug: &str) -> String {
    match slug {
        "two-island" => "Two-island".into(),
        "four-island" => "Four-island".into(),
        "third-way" => "Third-way".into(),
        "treaty-first" => "Treaty-first".into(),
        "joint-economic" => "Joint economic activity".into(),
        "peace-treaty" => "Peace treaty".into(),
        "package-deal" => "Package deal".into(),
        other => {
            let s = other.replace('-', " ");
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
    }
}

/// Cut text to at most `max` characters at a word boundary, marking the cut with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ' ']))
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    reading::compile_patterns();
    LazyLock::force(&ANAPHOR);
    LazyLock::force(&LINEAGE);
    LazyLock::force(&SPECULATION);
    LazyLock::force(&DOCUMENT);
    LazyLock::force(&DOCUMENT_CLAUSE);
    LazyLock::force(&TOLD);
    LazyLock::force(&NEGATION);
    LazyLock::force(&PLAN);
    LazyLock::force(&AGREE);
    LazyLock::force(&JOINT);
    LazyLock::force(&AND);
    LazyLock::force(&CLAUSE);
    LazyLock::force(&PREP);
    LazyLock::force(&NAME_PART);
    LazyLock::force(&PAIR_SUBJECT);
    LazyLock::force(&SOURCE);
    LazyLock::force(&PRONOUN);
    LazyLock::force(&CONDITION);
    LazyLock::force(&AFTER_CONDITION);
    LazyLock::force(&STATUS_RE);
}

#[cfg(test)]
mod label_tests {
    use super::{family_name, shorten};

    #[test]
    fn family_names_read_as_an_analyst_writes_them() {
        assert_eq!(family_name("two-island"), "Two-island");
        assert_eq!(family_name("joint-economic"), "Joint economic activity");
        assert_eq!(family_name("lease"), "Lease");
        assert_eq!(family_name("new-family"), "New family");
    }

    #[test]
    fn long_conditions_are_cut_at_a_word() {
        assert_eq!(shorten("after a peace treaty", 60), "after a peace treaty");
        let long = "if the United States ended its military presence on Okinawa and the main islands of Japan";
        let s = shorten(long, 60);
        assert!(s.ends_with('…') && s.chars().count() <= 61, "{s}");
        assert!(s.starts_with("if the United States ended its military presence on"), "{s}");
    }
}

static ANAPHOR: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(renounc\w*|withdr[ae]w\w*|reviv\w*|retract\w*|reneg\w* on|reject\w*|refus\w*)\b[^.;]{0,20}?\b(?:the|this|that|its|their) (?:offer|proposal|plan|promise|idea|approach|formula|initiative)\b|\b(?:this|that|the) (?:offer|proposal|plan|idea|approach|initiative)\b[^.;]{0,20}?\b(rejected|withdrawn|renounced|revived)\b").unwrap()
});
static LINEAGE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:based on|basis|starting point|reviv\w*|referred to|in line with|build(?:ing)? on|confirm\w*|reaffirm\w*|abide by|honou?r|recogni[sz]\w*|uphold\w*|adhere to|stand by|valid\w*|binding|in force|accept(?:ed|s)?)\b").unwrap()
});
/// "The move suggests Tokyo may settle for …": the writer's reading of a move, not a proposal.
static SPECULATION: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:the|this|that|it|which)\s+(?:[\w-]+\s+){0,2}?(?:suggests|indicates|signals|means|implies)\b(?:\s+that)?\s+[^.;]{0,40}?\b(?:may|might|could)\b[^.;]*$").unwrap()
});
/// "the 2001 Irkutsk statement, which confirmed …": a document named by its year.
static DOCUMENT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)^\s+(?:[\w-]+\s+){0,3}?(?:statement|declaration|agreement|accord|treaty|communiqu\w+|memorandum|plan|document)\b").unwrap()
});
/// "the 1956 joint declaration, in which …": a document named by its year and a relative clause on it.
static DOCUMENT_CLAUSE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)^\s+(?:[\w-]+\s+){0,3}?(?:statement|declaration|agreement|accord|treaty|communiqu\w+|memorandum|document)\s*,\s*(?:(?:in|under|by) )?which\b").unwrap()
});
/// "said on Monday", "recalled Tuesday": a date that belongs to the telling.
static TOLD: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:said|says|recalled|told reporters|noted|stressed|added)\s+(?:on\s+)?$").unwrap()
});
static NEGATION: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:not|never|no|refus\w*|reject\w*|oppos\w*)\b[^.;,]{0,12}$").unwrap());
static PLAN: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:proposal|plan|proposed|proposes|calls? for|called for)\b").unwrap());
static AGREE: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:agreed|agree|agreeing|agreement|reaffirmed|pledged|vowed)\b").unwrap());
static JOINT: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)\b(?:signed|confirm\w*|issued|adopted)\b").unwrap());
static AND: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"^\s*(?:,|\band\b|&)\s*(?:the\s+)?$").unwrap());
static CLAUSE: LazyLock<Gated> = LazyLock::new(|| Gated::new(r"(?i)(?:\bwhile\b|\bwhereas\b|;)").unwrap());
static PREP: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:to|with|from|against|toward|towards|into|between|by|over|on|for|of|until|than|in|at|if|unless)\s+(?:the\s+|a\s+|an\s+)?$").unwrap()
});
/// "the Japan Times": a side word inside a proper name is no actor.
static NAME_PART: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^\s+(?:Times|News|Post|Herald|Today|Daily|Airlines|Sea|Institute|Foundation|Declaration|Statement|Communiqu\w+|Accord|Agreement|Treaty|Protocol|Memorandum)\b").unwrap()
});
/// "the two leaders confirmed …": a joint subject named by the persons of the sentence before.
static PAIR_SUBJECT: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:the two|both) (?:leaders|men|ministers|sides|governments)\b").unwrap());
/// A pronoun subject, possibly after an opening adverbial ("As early as 1956, it hinted").
/// "Japanese officials said …": a side that reports is not the one proposing.
static SOURCE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"^\s+(?:[\w-]+\s+){0,2}?(?:officials?|sources?|media|press|newspapers?|diplomats?|reports?)\s+(?:\w+\s+)?(?:said|say|says|reported|told|believe|believes)\b").unwrap()
});
static PRONOUN: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"^\W*(?:[^,]{0,40},\s*)?(?:It|He|She|They|it|he|she|they)\b").unwrap());
static CONDITION: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\b(?:if|unless|after|provided that|on condition that|in exchange for|in return for)\s+[^,.;–—()]{5,90}|\bon (?:certain|some|these|such|the following) conditions\b",
    )
    .unwrap()
});

/// "after a peace treaty is signed" is a condition; "after talks between Kono and Lavrov" is only a time.
static AFTER_CONDITION: LazyLock<Gated> =
    LazyLock::new(|| Gated::new(r"(?i)\b(?:treaty|conclu\w+|sign\w*|normali[sz]\w+|settle\w*|resol\w+)\b").unwrap());

/// How many bytes a document's name may run between its year and a relative clause on it
/// ("the 1956 joint declaration, which …").
const MAX_DOCUMENT_NAME: usize = 40;

/// Status words, strongest first.
const STATUS: &[(&str, &str)] = &[
    ("withdrawn", r"(?i)\b(?:renounc\w*|withdr[ae]w\w*|retract\w*|not hand over)\b"),
    ("revived", r"(?i)\breviv\w*"),
    ("floated", r"(?i)\b(?:float\w*|hint\w*|broach\w*|suggest\w*|rais\w* the (?:possibility|idea|prospect))\b"),
    ("rejected", r"(?i)\b(?:reject\w*|refus\w*)\b"),
    ("agreed", r"(?i)\b(?:agreed|agrees?|agreement|declaration|stipulat\w*|accord|reaffirm\w*)\b"),
    ("offered", r"(?i)\b(?:offer\w*|propos\w*|calls? for)\b"),
];
static STATUS_RE: LazyLock<Vec<(&'static str, Gated)>> =
    LazyLock::new(|| STATUS.iter().map(|(s, p)| (*s, Gated::new(p).unwrap())).collect());

const ALL_ISLANDS: [&str; 4] = ["etorofu", "habomai", "kunashiri", "shikotan"];

/// Read the proposals of one document.
pub fn extract(lx: &Lexicon, pubd: Option<PartialDate>, sents: &[Sent]) -> Vec<Prop> {
    let mut out: Vec<Prop> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let t = &s.text;
        let mut cues: Vec<(u8, usize, usize, usize)> = Vec::new();
        let scan = lx.proposal_gate.scan(t);
        for (ci, c) in lx.proposal_cues.iter().enumerate().filter(|(ci, _)| scan.open[*ci]) {
            for m in c.pattern.find_iter_open(t, scan.starts(&lx.proposal_gate, ci)) {
                let foreign_claim = c.family == "four-island"
                    && s.sides.iter().any(|w| w.code != "JP" && w.end <= m.start() && m.start() - w.end <= 3);
                if !foreign_claim {
                    cues.push((c.priority, m.start(), m.end(), ci));
                }
            }
        }
        // "Tokyo rejected the proposal because it insisted on all four islands": the answer to
        // the proposal before, whatever else the sentence restates.
        // (Only when it comes first: "… a 1956 offer …, and Moscow might revive that offer" is this one.)
        let first_cue = cues.iter().map(|c| c.1).min().unwrap_or(usize::MAX);
        if let Some(m) = ANAPHOR.find(t).filter(|m| m.start() < first_cue)
            && let Some(j) = anaphor(pubd, sents, si, &mut out)
        {
            // "Japan rejected the idea, saying it would freeze the territorial issue": a cue of
            // the referred proposal's family after the reference describes that proposal.
            let family = out[j].family.clone();
            cues.retain(|c| c.1 < m.end() || lx.proposal_cues[c.3].family != family);
        }
        if cues.is_empty() {
            raised_again(pubd, sents, si, &mut out);
            revised(pubd, sents, si, &mut out);
            continue;
        }
        // "Moscow has proposed joint development, while Tokyo demands all four islands": a clause
        // with a subject of its own holds a proposal of its own.
        let mut bounds: Vec<usize> = vec![0];
        for b in CLAUSE.find_iter(t) {
            let next: String = t[b.end()..].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            let subject =
                s.sides.iter().any(|w| w.start >= b.end() && w.start <= b.end() + next.len() + 2 && !w.compound)
                    || s.persons.iter().any(|p| p.title_start >= b.end() && p.title_start <= b.end() + next.len() + 2);
            if subject {
                bounds.push(b.end());
            }
        }
        let clause_of = |pos: usize| bounds.iter().rposition(|&b| b <= pos).unwrap_or(0);
        let mut best: BTreeMap<usize, (u8, usize, usize, usize)> = BTreeMap::new();
        for c in &cues {
            let k = clause_of(c.1);
            if best.get(&k).is_none_or(|b| c < b) {
                best.insert(k, *c);
            }
        }
        for (k, &(_, cs, ce, ci)) in &best {
            let clause_start = bounds[*k];
            one_proposal(lx, pubd, sents, si, (cs, ce, ci), clause_start, &mut out);
        }
    }
    out
}

/// The proposal of one cue (`cs..ce`, cue table row `ci`) in a clause starting at `clause_start`.
fn one_proposal(
    lx: &Lexicon,
    pubd: Option<PartialDate>,
    sents: &[Sent],
    si: usize,
    (cs, ce, ci): (usize, usize, usize),
    clause_start: usize,
    out: &mut Vec<Prop>,
) {
    let s = &sents[si];
    let t = &s.text;
    let cue = &lx.proposal_cues[ci];
    let ev = s.evidence(cs, ce);
    if SPECULATION.is_match(&t[clause_start..cs]) || reading::not_made(&t[clause_start..cs]) {
        return;
    }
    // "Tokyo would consider the proposal for joint activity": an answer to a proposal; when this
    // document told it already, this is that one; else its proposer is not the clause's subject.
    let answering = reading::answers_a_proposal(&t[clause_start..cs]);
    if answering && out.iter().any(|q| q.family == cue.family) {
        return;
    }
    // "Habomai and Shikotan, which Moscow promised to return": a relative clause inside the cue
    // holds the proposer before its verb.
    let at = if reading::subclause_start(t, ce).is_some_and(|b| b > cs) { ce } else { cs };
    let (codes, persons) = if answering { Default::default() } else { proposer(s, sents, si, at) };
    // "the return of the two nearest islands, Kunashiri and Etorofu": beyond the two islands.
    let named = if cue.family.ends_with("-island") { reading::islands_named(lx, s, cs, ce) } else { Vec::new() };
    let beyond = reading::beyond_two_islands(&named);
    let family = if reading::names_the_larger_islands(&named) { "four-island".to_string() } else { cue.family.clone() };
    // "Abe said the joint economic activity would be …": a definite mention, with no stance of
    // its own, of a proposal this document told already.
    if family != "four-island"
        && reading::mentions_a_told_proposal(&t[clause_start..cs])
        && out.iter().any(|q| q.family == family)
    {
        return;
    }
    // "the 1956 declaration": the year-attributive nearest the cue names the document it is about.
    let attributive = s.dates.iter().filter(|d| d.attributive && !d.in_parens).min_by_key(|d| gap(d.start, d.end, cs));
    // "Mori proposed … as provided in the 1956 declaration": a person's proposal of now that
    // refers to the document, not the document itself.
    let by_person = s.persons.iter().any(|m| m.end <= cs);
    // "Russia has been reluctant to go beyond the 1956 declaration": a side of now restating it.
    let by_side = reading::side_restates(s, clause_start, cs);
    // "the 1956 declaration, in which Moscow had offered …": a relative clause on a dated
    // document tells the document's own proposal, whatever the main clause does with it.
    // The same when the cue is the document's name and such a clause follows it. A stance on
    // the document ("based on", "valid") still makes it a restatement of now.
    let inside = attributive.filter(|_| !LINEAGE.is_match(t)).and_then(|a| {
        let m = DOCUMENT_CLAUSE.find(&t[a.end..])?;
        let b = a.end + m.end();
        (m.end() <= MAX_DOCUMENT_NAME && (cs >= b || (cs <= a.start && ce >= a.end))).then_some(b)
    });
    // "Gorbachev declined to reaffirm the 1956 declaration": a refusal restates nothing.
    let refusing = reading::refuses(&t[clause_start..cs]);
    let lineage = inside.is_none() && !refusing && (LINEAGE.is_match(t) || by_person || by_side);
    // "the 2001 Irkutsk statement, which confirmed the 1956 declaration": the referring
    // document's year dates the restatement.
    let referrer = attributive.and_then(|a| {
        s.dates.iter().find(|d| {
            d.attributive
                && !d.in_parens
                && d.end <= cs
                && d.from.year != a.from.year
                && DOCUMENT.is_match(&t[d.end..])
                && LINEAGE.is_match(&t[d.end..cs])
        })
    });
    let mut date = prop_date(s, sents, si, cs, pubd);
    let mut own_document = false;
    // "…, the minister recalled on Monday": the date of the telling does not date the document.
    let told_only = s.event_dates().all(|d| TOLD.is_match(&t[..d.start]));
    if let (Some(a), false, true) = (attributive, lineage, told_only || inside.is_some()) {
        date = Some(a.from);
        own_document = true;
    }
    if let Some(r) = referrer {
        date = Some(r.from);
    }
    // "the 1993 Tokyo Declaration, which confirmed …": a place in the document's name proposes nothing.
    let codes = if referrer.is_some() && persons.is_empty() { Vec::new() } else { codes };
    // Inside the document's clause only that clause's subject made it.
    let (codes, persons) = match inside {
        Some(b) => {
            (s.sides.iter().filter(|w| w.start >= b && w.end <= cs && !w.compound).map(|w| w.code.clone()).take(1).collect(), Vec::new())
        }
        None => (codes, persons),
    };
    let date = date.or(pubd);
    let mut codes = reading::fold_sides(&codes, &persons, t, date);
    // "Japan rejected a proposal in the 1956 declaration": the document's maker, not its refuser.
    let refused = own_document && refusing;
    let refusers = if refused { std::mem::take(&mut codes) } else { Vec::new() };
    if own_document && codes.is_empty() {
        codes = holder(&family, date);
    }
    let mut islands: Vec<String> = s.islands.iter().map(|h| lx.islands[h.entry].1.clone()).collect();
    match family.as_str() {
        _ if beyond.is_some() => islands = beyond.clone().unwrap_or_default(),
        "four-island" => islands = ALL_ISLANDS.iter().map(|s| s.to_string()).collect(),
        "two-island" if islands.len() < 2 => islands = vec!["habomai".into(), "shikotan".into()],
        _ => {}
    }
    let islands = dedup(islands);
    let mut conditions: Vec<String> = CONDITION
        .find_iter(t)
        .filter(|m| !m.as_str().to_ascii_lowercase().starts_with("after") || AFTER_CONDITION.is_match(m.as_str()))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // "sign a peace treaty by the year 2000": the deadline is what the proposal is about.
    if cue.family == "peace-treaty"
        && let Some(d) = s.dates.iter().find(|d| d.deadline && d.start >= cs && d.start <= ce)
    {
        conditions.insert(0, format!("by {}", d.from.year));
    }
    let status = if refused { "rejected".to_string() } else { status_near(t, cs) };
    let mut p = Prop {
        family,
        arrangement: cue.arrangement.clone(),
        date,
        proposers: codes.clone(),
        persons,
        islands,
        conditions,
        status,
        claim: false,
        evidence: ev.clone(),
        derived: Vec::new(),
        rejected_by: refusers.into_iter().map(|c| (c, ev.clone())).collect(),
    };
    let negated = NEGATION.is_match(&t[..cs]);
    let answered = ANAPHOR.find(t).map(|m| m.range());
    let planned = PLAN
        .find_iter(&t[clause_start..cs])
        .any(|m| answered.as_ref().is_none_or(|a| !a.contains(&(clause_start + m.start()))));
    if p.family == "four-island" && !planned && beyond.is_none() {
        // Japan's standing claim: restated by Japan, refused by the other side.
        p.claim = true;
        p.status = "offered".into();
        if !codes.is_empty() && !codes.iter().any(|c| c == "JP") || negated {
            p.rejected_by = codes.iter().filter(|c| *c != "JP").map(|c| (c.clone(), ev.clone())).collect();
            p.proposers.clear();
            p.persons.clear();
        } else {
            p.proposers.retain(|c| c == "JP");
            p.persons.retain(|(a, _)| a.country.as_deref() == Some("JP"));
        }
        out.push(p);
        return;
    }
    if negated {
        let last = out.iter().rposition(|q| q.family == p.family);
        let giver = codes.iter().any(|c| c == "SU" || c == "RU");
        if p.family == "two-island" && giver {
            p.status = "withdrawn".into();
            if let Some(l) = last {
                p.derived.push((l, "withdrawal".into(), ev.clone()));
            }
        } else if let Some(l) = last {
            for c in &codes {
                out[l].rejected_by.push((c.clone(), ev.clone()));
            }
            return;
        } else {
            return;
        }
    }
    // "based on the 1956 declaration": the earlier proposal referred to, and the link.
    if let (Some(a), true) = (attributive, lineage)
        && date.is_none_or(|d| a.from.year != d.year)
    {
        let mut r = p.clone();
        r.date = Some(a.from);
        r.proposers = holder(&r.family, r.date);
        r.persons.clear();
        r.conditions.clear();
        r.status = "agreed".into();
        r.derived.clear();
        r.evidence = s.evidence(a.start, a.end);
        out.push(r);
        p.derived.push((out.len() - 1, "explicit-basis".into(), ev.clone()));
    }
    // "Shepilov's reply was swift … the islands would now be returned only on conditions": a
    // counterproposal derives from the other side's proposal it answers, whatever its family.
    if reading::replies(sents, si)
        && let Some(j) = reading::answered(out, &p.proposers, p.date, s.index)
    {
        p.derived.push((j, "counterproposal".into(), ev.clone()));
    }
    out.push(p);
}

/// Who offers a handover when the text does not say: the side holding the islands at the
/// date (the Soviet Union until 1991, Russia after). Other families have no default.
fn holder(family: &str, date: Option<PartialDate>) -> Vec<String> {
    if family == "two-island" { vec![side_at("RU", date)] } else { Vec::new() }
}

/// "Moscow renounced the offer", "This proposal was firmly rejected by Japan".
/// Returns the index of the proposal referred to.
fn anaphor(pubd: Option<PartialDate>, sents: &[Sent], si: usize, out: &mut Vec<Prop>) -> Option<usize> {
    let s = &sents[si];
    let c = ANAPHOR.captures(&s.text)?;
    if out.is_empty() {
        return None;
    }
    let m = c.get(0).unwrap();
    let verb = c.get(1).or(c.get(2)).map(|v| v.as_str().to_ascii_lowercase()).unwrap_or_default();
    let ev = s.evidence(m.start(), m.end());
    let (mut codes, persons) = proposer(s, sents, si, m.start());
    // "This proposal was rejected by Japan": the passive's agent follows "by".
    if c.get(2).is_some()
        && let Some(by) = s.text[m.start()..].find(" by ").map(|i| m.start() + i + 4)
        && let Some(w) = s.sides.iter().find(|w| w.start >= by && !w.compound)
    {
        codes = vec![w.code.clone()];
    }
    let date = prop_date(s, sents, si, m.start(), pubd).or(pubd);
    let codes = reading::fold_sides(&codes, &persons, &s.text, date);
    let rejecting = verb.starts_with("reject") || verb.starts_with("refus");
    let last = reading::antecedent(out, date, &codes, !rejecting);
    if rejecting {
        for c in codes {
            out[last].rejected_by.push((c, ev.clone()));
        }
        out[last].status = "rejected".into();
        return Some(last);
    }
    let (status, rule) = if verb.starts_with("reviv") { ("revived", "revival") } else { ("withdrawn", "withdrawal") };
    let mut p = out[last].clone();
    // "Putin recently tried to revive the idea": a revival or withdrawal comes after the offer;
    // a date carried over from the paragraph that is not later belongs to the offer.
    let own = reading::event_dates(s).next().is_some();
    let after_offer = |d: PartialDate| p.date.is_none_or(|o| d.year > o.year);
    p.date = if own || date.is_none_or(after_offer) { date } else { pubd.filter(|d| after_offer(*d)).or(date) };
    p.proposers = codes;
    p.persons = persons;
    p.status = status.into();
    p.conditions.clear();
    p.rejected_by.clear();
    p.claim = false;
    p.evidence = ev.clone();
    p.derived = vec![(last, rule.into(), ev)];
    out.push(p);
    Some(last)
}

/// How many sentences back "raised the possibility" looks for the proposal it means.
const RAISED_WINDOW: usize = 3;

/// "An official identified as Denisof raised the possibility at a meeting on Nov. 23": the
/// proposal just told, made by this sentence's subject at this sentence's date. No link: the
/// family chain orders the two by date.
fn raised_again(pubd: Option<PartialDate>, sents: &[Sent], si: usize, out: &mut Vec<Prop>) {
    let s = &sents[si];
    let Some(m) = reading::raised_again(&s.text) else { return };
    let Some(last) = out.last() else { return };
    if last.claim || last.evidence.sentence + RAISED_WINDOW < s.index {
        return;
    }
    let (codes, persons) = proposer(s, sents, si, m.start);
    if codes.is_empty() {
        return;
    }
    let date = prop_date(s, sents, si, m.start, pubd).or(pubd);
    let mut p = last.clone();
    p.proposers = reading::fold_sides(&codes, &persons, &s.text, date);
    p.persons = persons;
    p.date = date;
    p.status = "floated".into();
    p.conditions.clear();
    p.rejected_by.clear();
    p.derived.clear();
    p.evidence = s.evidence(m.start, m.end);
    out.push(p);
}

/// "Moscow later attached a new condition, demanding in 1960 that …": a new proposal of the
/// sentence's date, by its subject (else the earlier proposal's makers), deriving from the
/// latest earlier proposal of that subject; same family, its own terms.
fn revised(pubd: Option<PartialDate>, sents: &[Sent], si: usize, out: &mut Vec<Prop>) {
    let s = &sents[si];
    let Some(m) = reading::revises(&s.text) else { return };
    if out.iter().all(|q| q.claim) {
        return;
    }
    let (codes, persons) = proposer(s, sents, si, m.start);
    let date = prop_date(s, sents, si, m.start, pubd).or(pubd);
    let codes = reading::fold_sides(&codes, &persons, &s.text, date);
    let Some(last) = out.iter().rposition(|q| {
        !q.claim
            && (codes.is_empty() || q.proposers.iter().any(|c| codes.contains(c)))
            && q.date.zip(date).is_none_or(|(q, d)| q.first_ordinal() <= d.last_ordinal())
    }) else {
        return;
    };
    let ev = s.evidence(m.start, m.end);
    let mut p = out[last].clone();
    if !codes.is_empty() {
        p.proposers = codes;
        p.persons = persons;
    }
    p.date = date;
    p.status = "offered".into();
    p.conditions = CONDITION.find_iter(&s.text).map(|c| c.as_str().split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    p.rejected_by.clear();
    p.evidence = ev.clone();
    p.derived = vec![(last, "revision".into(), ev)];
    out.push(p);
}

/// Withdrawal, revival and floating words count anywhere in the sentence; otherwise the status word nearest the cue.
fn status_near(t: &str, pos: usize) -> String {
    if let Some((st, _)) = STATUS_RE[..3].iter().find(|(_, r)| r.is_match(t)) {
        return st.to_string();
    }
    STATUS_RE[3..]
        .iter()
        .filter_map(|(st, r)| r.find_iter(t).map(|m| gap(m.start(), m.end(), pos)).min().map(|d| (d, *st)))
        .min()
        .map_or("offered", |(_, st)| st)
        .to_string()
}

/// Bytes between a span and a position (0 when the span covers it).
fn gap(start: usize, end: usize, pos: usize) -> usize {
    if end <= pos { pos - end } else { start.saturating_sub(pos) }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// Side codes (not yet folded to SU) and persons who made the proposal at `pos`.
fn proposer(s: &Sent, sents: &[Sent], si: usize, pos: usize) -> (Vec<String>, Vec<(Actor, Evidence)>) {
    let persons: Vec<(Actor, Evidence)> =
        s.persons.iter().map(|m| (m.actor.clone(), s.evidence(m.start, m.end))).collect();
    let codes_of = |ps: &[(Actor, Evidence)]| ps.iter().filter_map(|(a, _)| a.country.clone()).collect::<Vec<_>>();
    let ok = |w: &&SideWord| {
        !w.compound
            && !PREP.is_match(&s.text[..w.start])
            && !NAME_PART.is_match(&s.text[w.end..])
            && !SOURCE.is_match(&s.text[w.end..])
    };
    // "Habomai and Shikotan, which Russia last year promised to return": the relative clause's subject.
    if let Some(b) = reading::subclause_start(&s.text, pos) {
        if let Some(m) = s.persons.iter().find(|m| m.start >= b && m.end <= pos) {
            let one = vec![(m.actor.clone(), s.evidence(m.start, m.end))];
            return (codes_of(&one), one);
        }
        if let Some(w) = s.sides.iter().filter(|w| w.start >= b && w.end <= pos).find(ok) {
            return (vec![w.code.clone()], Vec::new());
        }
    }
    // "Mori and Putin signed a statement confirming …": a joint act of the persons named.
    // The cue may open with its own verb ("agreed to accelerate talks on a peace treaty").
    let verb_end = s.text[pos..].find(|c: char| !c.is_alphanumeric()).map_or(s.text.len(), |i| pos + i);
    let joint = (persons.len() >= 2 || PAIR_SUBJECT.is_match(&s.text[..pos])) && JOINT.is_match(&s.text[..verb_end]);
    if joint || AGREE.is_match(&s.text[..verb_end]) {
        if !persons.is_empty() {
            return (codes_of(&persons), persons);
        }
        let all: Vec<String> = s
            .sides
            .iter()
            .filter(|w| !w.compound && !NAME_PART.is_match(&s.text[w.end..]))
            .map(|w| w.code.clone())
            .collect();
        if !all.is_empty() {
            return (all, Vec::new());
        }
        // "they agreed", "the two leaders agreed": the persons of the sentence before.
        if let Some(p) = si.checked_sub(1).map(|j| &sents[j]) {
            let prev: Vec<(Actor, Evidence)> =
                p.persons.iter().map(|m| (m.actor.clone(), p.evidence(m.start, m.end))).collect();
            if prev.len() >= 2 {
                return (codes_of(&prev), prev);
            }
        }
    }
    // "A Russian official raised the possibility at a meeting with Ota": a person after the
    // verb is no subject when a side stands before it.
    let before = s.persons.iter().position(|m| m.end <= pos);
    let side_before = s.sides.iter().filter(|w| w.end <= pos).find(ok);
    if let (None, Some(w), false) = (before, side_before, persons.is_empty()) {
        return (vec![w.code.clone()], Vec::new());
    }
    if let Some(first) = persons.first() {
        let one = vec![first.clone()];
        return (codes_of(&one), one);
    }
    let region = CLAUSE.find_iter(&s.text[..pos]).last().map_or(0, |m| m.end());
    let pronoun = PRONOUN.find(&s.text).map(|m| m.end());
    let side = s.sides.iter().filter(|w| w.start >= region).find(ok).or_else(|| s.sides.iter().find(ok));
    if let Some(w) = side.filter(|w| pronoun.is_none_or(|p| w.start < p)) {
        // "Japanese and Russian officials": a subject of both sides.
        let mut codes = vec![w.code.clone()];
        if let Some(o) = s.sides.iter().find(|o| o.start > w.end && AND.is_match(&s.text[w.end..o.start])) {
            codes.push(o.code.clone());
        }
        return (codes, Vec::new());
    }
    if pronoun.is_some() && si > 0 {
        let p = &sents[si - 1];
        if let Some(m) = p.persons.first() {
            return (
                m.actor.country.clone().into_iter().collect(),
                vec![(m.actor.clone(), p.evidence(m.start, m.end))],
            );
        }
        if let Some(w) = p.sides.iter().find(|w| !w.compound && !PREP.is_match(&p.text[..w.start])) {
            return (vec![w.code.clone()], Vec::new());
        }
    }
    if let Some(w) = side {
        return (vec![w.code.clone()], Vec::new());
    }
    (Vec::new(), Vec::new())
}

/// When a proposal was made: the sentence's date nearest the cue, else the
/// paragraph's latest date before it; never after publication.
fn prop_date(s: &Sent, sents: &[Sent], si: usize, pos: usize, pubd: Option<PartialDate>) -> Option<PartialDate> {
    let past = |d: &PartialDate| pubd.is_none_or(|p| d.first_ordinal() <= p.last_ordinal());
    let here = reading::event_dates(s).filter(|d| past(&d.from)).min_by_key(|d| gap(d.start, d.end, pos));
    if let Some(d) = here {
        return Some(d.from);
    }
    for j in (si.saturating_sub(4)..si).rev() {
        if sents[j].paragraph != s.paragraph {
            break;
        }
        if let Some(d) = reading::event_dates(&sents[j]).filter(|d| past(&d.from)).last() {
            return Some(d.from);
        }
    }
    None
}

/// Cross-document pass: merge restatements, then link each proposal to the previous
/// one of its family (`family-chain`) and to proposals its conditions name (`condition-ref`).
pub fn finish(lx: &Lexicon, g: &mut Graph) {
    // Restatements: same family, proposers equal (or unknown on one side), years within one.
    let mut props: Vec<(String, String, PartialDate, Vec<String>)> = g
        .nodes_of(NodeKind::Proposal)
        .into_iter()
        .filter(|n| !n.id.ends_with("-claim"))
        .filter_map(|n| Some((n.attrs.family.clone()?, n.id.clone(), n.attrs.start?, n.attrs.proposer.clone())))
        .collect();
    let conditions = |g: &Graph, id: &str| g.node(id).map(|n| n.attrs.conditions.clone()).unwrap_or_default();
    let status = |g: &Graph, id: &str| g.node(id).and_then(|n| n.attrs.status.clone());
    // Proposals whose proposer is known settle first; proposer-less mentions then join the nearest year.
    props.sort_by(|a, b| (a.3.is_empty(), &a.0, a.2, &a.1).cmp(&(b.3.is_empty(), &b.0, b.2, &b.1)));
    let mut kept: Vec<(String, String, PartialDate, Vec<String>)> = Vec::new();
    // Blocking keys: a restatement has the kept proposal's family and a year within one,
    // or (peace-treaty) its first condition; only those candidates are compared.
    let mut by_year: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    let mut by_deadline: HashMap<String, Vec<usize>> = HashMap::new();
    for p in props {
        let (pc, ps) = (conditions(g, &p.1), status(g, &p.1));
        let pt = restate::Told { family: &p.0, date: p.2, proposers: &p.3, conditions: &pc, status: ps.as_deref() };
        let mut cands: Vec<usize> = (-1..=1)
            .filter_map(|dy| by_year.get(&(p.0.clone(), p.2.year + dy)))
            .chain(pc.first().and_then(|c| by_deadline.get(c)))
            .flatten()
            .copied()
            .collect();
        cands.sort_unstable();
        cands.dedup();
        let target = cands
            .into_iter()
            .filter(|&i| {
                let k = &kept[i];
                let (kc, ks) = (conditions(g, &k.1), status(g, &k.1));
                let kt = restate::Told { family: &k.0, date: k.2, proposers: &k.3, conditions: &kc, status: ks.as_deref() };
                restate::same_proposal(&kt, &pt)
            })
            .min_by_key(|&i| ((p.2.year - kept[i].2.year).abs(), kept[i].2));
        match target {
            Some(i) => {
                let k = &mut kept[i];
                let had_deadline = !conditions(g, &k.1).is_empty();
                let _ = g.merge_nodes_deferred(&p.1, &k.1);
                // A mention naming no proposer adds nobody and settles nothing about who offered.
                let named = !p.3.is_empty() && p.3 != k.3;
                for c in p.3 {
                    if !k.3.contains(&c) {
                        k.3.push(c);
                    }
                }
                k.3.sort();
                // A two-island offer is made by the side that would hand the islands over.
                let giver = holder(&k.0, Some(k.2));
                if named && !giver.is_empty() && k.3.len() > 1 && k.3.iter().any(|c| giver.contains(c)) {
                    k.3 = giver;
                }
                if let Some(n) = g.node_mut(&k.1) {
                    n.attrs.proposer = k.3.clone();
                }
                if !had_deadline {
                    block_deadline(&mut by_deadline, &k.0, &conditions(g, &k.1), i);
                }
            }
            None => {
                by_year.entry((p.0.clone(), p.2.year)).or_default().push(kept.len());
                block_deadline(&mut by_deadline, &p.0, &pc, kept.len());
                kept.push(p);
            }
        }
    }
    g.purge();
    // Family chains, the standing claim first.
    let mut by_family: BTreeMap<String, Vec<(bool, PartialDate, String)>> = BTreeMap::new();
    for n in g.nodes_of(NodeKind::Proposal) {
        if let (Some(f), Some(d)) = (&n.attrs.family, n.attrs.start) {
            by_family.entry(f.clone()).or_default().push((!n.id.ends_with("-claim"), d, n.id.clone()));
        }
    }
    let mut edges = Vec::new();
    for list in by_family.values_mut() {
        // Proposals of one day follow the order they are first told in ("signed a statement …
        // At the summit, Mori proposed …").
        list.sort_by_key(|x| (x.0, x.1, g.node(&x.2).and_then(|n| n.evidence.iter().min().cloned()), x.2.clone()));
        for w in list.windows(2) {
            edges.push(link(g, &w[1].2, &w[0].2, "family-chain"));
        }
    }
    // Conditions that name another family's proposal ("if Japan would sign a treaty of goodwill").
    for n in g.nodes_of(NodeKind::Proposal) {
        let (Some(fam), Some(start)) = (&n.attrs.family, n.attrs.start) else { continue };
        for cond in &n.attrs.conditions {
            for cue in lx.proposal_cues.iter().filter(|c| &c.family != fam && c.pattern.is_match(cond)) {
                let target = by_family
                    .get(&cue.family)
                    .and_then(|l| l.iter().filter(|x| x.1 <= start).max_by_key(|x| x.1).map(|x| x.2.clone()));
                if let Some(t) = target {
                    edges.push(link(g, &n.id, &t, "condition-ref"));
                }
            }
        }
    }
    edges.extend(answers_across_documents(g));
    for e in edges.into_iter().flatten() {
        let _ = g.upsert_edge(e);
    }
}

/// Index a kept peace-treaty proposal under its first condition (its deadline).
fn block_deadline(by_deadline: &mut HashMap<String, Vec<usize>>, family: &str, conds: &[String], i: usize) {
    if let (true, Some(c)) = (family == "peace-treaty", conds.first()) {
        by_deadline.entry(c.clone()).or_default().push(i);
    }
}

/// How many years before an answer the proposal it answers may have been made.
const ANSWER_YEARS: i32 = 1;

/// Whether a proposal of date `d` is not later than an answer of date `answer` and recent
/// enough to be what it answers.
fn recent(d: PartialDate, answer: PartialDate) -> bool {
    d.first_ordinal() <= answer.last_ordinal() && answer.year - d.year <= ANSWER_YEARS
}

/// "Russia answered Japan's proposal …, offering instead …" where another document told the
/// proposal answered: a counterproposal link to the latest proposal of the other side dated
/// no later (the standing claim aside). Complexity: O(proposals²).
fn answers_across_documents(g: &Graph) -> Vec<Option<Edge>> {
    let props = g.nodes_of(NodeKind::Proposal);
    // (answer, answered) pairs; an answer never answers its own answer back.
    let mut pairs: Vec<(String, String)> = g
        .edges_of(Relation::DerivedFrom)
        .iter()
        .filter(|e| e.rule.as_deref() == Some("counterproposal"))
        .map(|e| (e.source.clone(), e.target.clone()))
        .collect();
    let mut edges = Vec::new();
    for n in &props {
        let Some(start) = n.attrs.start else { continue };
        if n.id.ends_with("-claim")
            || n.attrs.proposer.is_empty()
            || pairs.iter().any(|(a, _)| *a == n.id)
            || !n.evidence.iter().any(|e| reading::answers_named(&e.text))
        {
            continue;
        }
        let target = props
            .iter()
            .filter(|q| !q.id.ends_with("-claim") && q.id != n.id && !q.attrs.proposer.is_empty())
            .filter(|q| !pairs.iter().any(|(a, b)| *a == q.id && *b == n.id))
            .filter(|q| q.attrs.proposer.iter().all(|c| !n.attrs.proposer.contains(c)))
            .filter_map(|q| q.attrs.start.filter(|d| recent(*d, start)).map(|d| (d, &q.id)))
            .max();
        if let Some((_, t)) = target {
            pairs.push((n.id.clone(), t.clone()));
            edges.push(link(g, &n.id, t, "counterproposal"));
        }
    }
    edges
}

/// A rule-made `derived_from` edge carrying the evidence of both ends.
fn link(g: &Graph, from: &str, to: &str, rule: &str) -> Option<Edge> {
    if from == to {
        return None;
    }
    let mut e = Edge::new(from, to, Relation::DerivedFrom);
    e.rule = Some(rule.into());
    for id in [from, to] {
        if let Some(ev) = g.node(id).and_then(|n| n.evidence.iter().min()) {
            e.evidence.push(ev.clone());
        }
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::mentions::{Matchers, read};

    fn props(text: &str, pubd: &str) -> Vec<String> {
        let l = Lexicon::load(None).unwrap();
        let m = Matchers::new(&l);
        let doc = Document::from_text("d", text, Some(pubd.parse().unwrap()));
        let sents = read(&l, &m, &doc);
        let ps = extract(&l, doc.date, &sents);
        ps.iter()
            .map(|p| {
                let der: Vec<String> = p.derived.iter().map(|(i, r, _)| format!(" <-{r}- {}", ps[*i].id())).collect();
                let rej: Vec<String> = p.rejected_by.iter().map(|(c, _)| format!(" rejected by {c}")).collect();
                let date = p.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
                format!("{} {date} {}{}{}", p.id(), p.status, der.join(""), rej.join(""))
            })
            .collect()
    }

    /// Family-chain links after [`finish`] on one document: (later, earlier).
    fn chains(text: &str, pubd: &str) -> Vec<(String, String)> {
        use crate::extract::{Extract, Extractor};
        let ex = Extractor::new(None).unwrap();
        let doc = Document::from_text("d", text, Some(pubd.parse().unwrap()));
        let mut g = ex.document(&doc).graph;
        ex.finish(&mut g);
        g.edges_of(Relation::DerivedFrom)
            .iter()
            .filter(|e| e.rule.as_deref() == Some("family-chain"))
            .map(|e| (e.source.clone(), e.target.clone()))
            .collect()
    }

    /// Undated documents (no date in the text, none in the manifest): the proposal has no
    /// date, never a fake year 0, and is never chained to the dated ones.
    #[test]
    fn undated_proposal_has_no_date_and_no_chain() {
        use crate::extract::{Extract, Extractor, absorb_graph};
        let ex = Extractor::new(None).unwrap();
        let mut g = Graph::default();
        let dated = Document::from_text("a", "Putin offered to hand over Habomai and Shikotan.", Some("2018-11-15".parse().unwrap()));
        let undated = Document::from_text("b", "Moscow offered to hand over Shikotan and Habomai.", None);
        absorb_graph(&mut g, ex.document(&dated).graph);
        absorb_graph(&mut g, ex.document(&undated).graph);
        ex.finish(&mut g);
        let nodes = g.nodes_of(NodeKind::Proposal);
        let undated: Vec<_> = nodes.iter().filter(|n| n.attrs.start.is_none()).collect();
        assert_eq!(undated.len(), 1, "{:?}", nodes.iter().map(|n| &n.id).collect::<Vec<_>>());
        assert_eq!(undated[0].id, "p-undated-two-island-ru");
        assert!(nodes.iter().all(|n| n.attrs.start.is_none_or(|d| d.year > 0)));
        assert!(g.edges_of(Relation::DerivedFrom).is_empty());
    }

    #[test]
    fn same_day_proposals_chain_in_the_order_told() {
        let got = chains(
            "Mori and Putin on Sunday signed a statement on the handover of Habomai and Shikotan. At the summit, Mori proposed parallel talks on the return of Shikotan and Habomai.",
            "2001-03-26",
        );
        assert_eq!(got, vec![("p-2001-two-island-jp".to_string(), "p-2001-two-island-jp-ru".to_string())]);
    }

    /// Proposal nodes after [`finish`] on several documents: `id family year proposers`.
    fn merged(docs: &[(&str, &str)]) -> Vec<String> {
        use crate::extract::{Extract, Extractor, absorb_graph};
        let ex = Extractor::new(None).unwrap();
        let mut g = Graph::default();
        for (i, (text, pubd)) in docs.iter().enumerate() {
            let doc = Document::from_text(&format!("d{i}"), *text, Some(pubd.parse().unwrap()));
            absorb_graph(&mut g, ex.document(&doc).graph);
        }
        ex.finish(&mut g);
        g.nodes_of(NodeKind::Proposal)
            .iter()
            .map(|n| {
                let fam = n.attrs.family.clone().unwrap_or_default();
                format!("{fam} {} {}", n.attrs.start.unwrap().year, n.attrs.proposer.join(";"))
            })
            .collect()
    }

    #[test]
    fn an_answer_links_to_the_proposal_another_article_told() {
        use crate::extract::{Extract, Extractor, absorb_graph};
        let ex = Extractor::new(None).unwrap();
        let mut g = Graph::default();
        let docs = [
            ("Japan on Monday proposed a joint administration of the disputed islands.", "2003-03-03"),
            ("Russia answered the Japanese proposal on Friday, offering instead to sign a treaty of friendship first.", "2003-09-12"),
        ];
        for (i, (text, pubd)) in docs.iter().enumerate() {
            let doc = Document::from_text(&format!("d{i}"), *text, Some(pubd.parse().unwrap()));
            absorb_graph(&mut g, ex.document(&doc).graph);
        }
        ex.finish(&mut g);
        let got: Vec<(String, String)> = g
            .edges_of(Relation::DerivedFrom)
            .iter()
            .filter(|e| e.rule.as_deref() == Some("counterproposal"))
            .map(|e| (e.source.clone(), e.target.clone()))
            .collect();
        assert_eq!(got, vec![("p-2003-treaty-first-ru".to_string(), "p-2003-third-way-jp".to_string())]);
    }

    /// `[(text, publication date), …] => [merged proposal summaries]`
    macro_rules! merges {
        ($($name:ident: [$(($text:expr, $pubd:expr)),* $(,)?] => [$($want:expr),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<String> = vec![$($want.to_string()),*];
                assert_eq!(merged(&[$(($text, $pubd)),*]), want);
            }
        )*};
    }

    merges! {
        document_signed_by_both_is_the_soviet_offer: [
            ("In 1956 Japan and the Soviet Union signed a joint declaration promising the handover of Habomai and Shikotan.", "2005-01-10"),
            ("Moscow considers the 1956 declaration, which promised the handover of Shikotan and Habomai, valid.", "2005-02-11"),
        ] => ["two-island 1956 SU", "two-island 2005 RU"],
        document_named_by_year_in_two_articles: [
            ("The 1956 joint declaration provided for the handover of Habomai and Shikotan after a peace treaty.", "2010-01-10"),
            ("Japan and the Soviet Union signed the 1956 declaration on the handover of Habomai and Shikotan.", "2012-06-11"),
        ] => ["two-island 1956 SU"],
        document_recalled_on_a_day: [
            ("The 1956 joint declaration provided for the handover of Habomai and Shikotan after a peace treaty, the minister recalled on Monday.", "2010-01-13"),
            ("Japan and the Soviet Union signed the 1956 declaration on the handover of Habomai and Shikotan.", "2012-06-11"),
        ] => ["two-island 1956 SU"],
        joint_activity_document_in_two_articles: [
            ("Japan and Russia signed the 2016 agreement on joint economic activities on the disputed islands.", "2017-01-10"),
            ("Russia said the 2016 agreement on joint economic activities on the islands stands.", "2018-06-11"),
        ] => ["joint-economic 2016 JP;RU"],
        offers_of_different_years_stay_apart: [
            ("In 1956 the Soviet Union offered to hand over Habomai and Shikotan.", "2005-01-10"),
            ("In 1960 Japan and the Soviet Union argued over the handover of Habomai and Shikotan.", "2005-02-11"),
        ] => ["two-island 1956 SU", "two-island 1960 JP;SU"],
    }

    /// `text @ publication date => [proposal summaries]`
    macro_rules! proposals {
        ($($name:ident: $text:expr, $pubd:expr => [$($want:expr),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let want: Vec<String> = vec![$($want.to_string()),*];
                assert_eq!(props($text, $pubd), want);
            }
        )*};
    }

    proposals! {
        relative_clause_on_a_dated_document_is_that_document: "The prime minister said the 1956 joint declaration, under which the Soviet side would cede Shikotan and Habomai once a treaty is signed, was vague on sovereignty.", "2014-05-05" =>
            ["p-1956-two-island-su 1956 agreed"],
        declining_to_reaffirm_restates_nothing: "The Soviet president declined to reaffirm the 1956 declaration on the handover of Habomai and Shikotan.", "1990-09-09" =>
            ["p-1956-two-island-su 1956 rejected rejected by SU"],
        new_condition_revises_with_its_own_year: "In 1956 the Soviet Union promised to hand Shikotan and Habomai over to Japan. Moscow added a further condition in 1961, that Japan first close its foreign bases.", "1975-03-03" =>
            ["p-1956-two-island-su 1956 offered", "p-1961-two-island-su 1961 offered <-revision- p-1956-two-island-su"],
        pledge_to_keep_negotiating_is_a_peace_treaty_step: "Tokyo and Moscow pledged to continue negotiations next spring on a peace treaty.", "1985-11-11" =>
            ["p-1985-peace-treaty-jp-su 1985-11-11 offered"],
        answer_to_the_standing_claim_derives_from_it: "Tokyo again demanded the return of all four islands. Instead, the Soviet side suggested a treaty of good-neighbourliness first.", "1978-06-06" =>
            ["p-four-island-claim 1978-06-06 offered", "p-1978-treaty-first-su 1978-06-06 floated <-counterproposal- p-four-island-claim"],
        border_demarcation_as_a_topic_is_no_claim: "The ministers set up a working group on border demarcation and another on joint economic projects on the islands.", "2005-05-05" =>
            ["p-2005-joint-economic 2005-05-05 offered"],
        rejection_reason_describes_the_rejected_idea: "Moscow suggested that both sides first sign a treaty of friendship. Tokyo rejected the idea, saying it would shelve the territorial question.", "1978-06-06" =>
            ["p-1978-treaty-first-su 1978-06-06 rejected rejected by JP"],
        shared_rule_is_a_third_way: "Moscow floated joint administration of the disputed islands.", "2003-02-02" =>
            ["p-2003-third-way-ru 2003-02-02 floated"],
        investment_for_islands: "Tokyo offered large investments in exchange for the return of the islands.", "1992-02-02" =>
            ["p-1992-package-deal-jp-in-exchange-for 1992-02-02 offered"],
        counterproposal_answers_the_other_side: "Tokyo proposed the return of Kunashiri and Etorofu. Moscow's reply came quickly. Moscow offered to return Habomai and Shikotan only on certain conditions.", "1960-05-02" =>
            ["p-1960-four-island-jp 1960-05-02 offered", "p-1960-two-island-su-on-certain-conditions 1960-05-02 offered <-counterproposal- p-1960-four-island-jp"],
        agreements_at_two_meetings: "At the summit in November, Abe and Putin agreed to accelerate negotiations on a peace treaty. In December, Abe and Putin agreed to speed up peace treaty talks again.", "2018-12-20" =>
            ["p-2018-11-peace-treaty-jp-ru 2018-11 agreed", "p-2018-12-peace-treaty-jp-ru 2018-12 agreed"],
        possibility_raised_again: "The two countries are studying a split of the total area of the islands. A Russian diplomat raised the possibility at a meeting with Taro Aso on Nov. 23.", "2007-01-10" =>
            ["p-2007-third-way 2007-01-10 offered", "p-2006-third-way-ru 2006-11-23 floated"],
        refused_document_is_the_holder_s: "Japan has rejected a proposal included in the 1956 declaration in which Moscow offered two of the islands.", "2006-12-15" =>
            ["p-1956-two-island-su 1956 rejected rejected by JP"],
        area_split_is_a_third_way: "The minister raised the possibility of splitting the total area of the islands between the two countries.", "2010-03-02" =>
            ["p-2010-third-way 2010-03-02 floated"],
        nobody_proposed_it: "Neither side proposed joint economic activity on the islands, an official said.", "2010-03-02" => [],
        side_holds_to_the_document: "Moscow has been unwilling to go beyond the 1956 joint declaration on Habomai and Shikotan.", "2012-04-02" =>
            ["p-1956-two-island-su 1956 agreed", "p-2012-two-island-ru 2012-04-02 agreed <-explicit-basis- p-1956-two-island-su"],
        revival_shot_down_by_the_other_side: "In 1956 Moscow offered to return Habomai and Shikotan. Putin recently tried to revive the idea, but it was shot down by Japan.", "2006-12-15" =>
            ["p-1956-two-island-su 1956 offered", "p-2006-two-island-ru 2006-12-15 revived <-revival- p-1956-two-island-su"],
        relative_clause_names_the_giver: "Tokyo hoped at least for Habomai and Shikotan, which Moscow last year promised to return.", "1960-05-02" =>
            ["p-1959-two-island-su 1959 offered"],
        kunashiri_and_etorofu_are_beyond_two_islands: "Japan asked for the return of Kunashiri and Etorofu.", "1970-03-02" =>
            ["p-1970-four-island-jp 1970-03-02 offered"],
        aid_held_until_the_islands_return: "Moscow has held the islands since 1945. Tokyo will not extend large-scale aid until Moscow returns the islands.", "1995-05-01" =>
            ["p-1995-package-deal-jp 1995-05-01 offered"],
        wish_to_speed_up_treaty_talks: "Russia wants to speed up peace treaty negotiations, the envoy said.", "1995-09-12" =>
            ["p-1995-peace-treaty-ru 1995-09-12 offered"],
        federation_is_russia_before_1992: "The Russian Federation wants to accelerate peace treaty negotiations.", "1991-09-12" =>
            ["p-1991-peace-treaty-ru 1991-09-12 offered"],
        treaty_apart_from_the_dispute: "Moscow proposed that the peace treaty be handled separately from the territorial dispute.", "2001-02-02" =>
            ["p-2001-treaty-first-ru 2001-02-02 offered"],
        answer_to_a_told_proposal: "Moscow proposed joint development of the islands. Tokyo said it would consider the proposal for joint development.", "1996-11-15" =>
            ["p-1996-joint-economic-ru 1996-11-15 offered"],
        renunciation_of_an_earlier_offer: "In 1956, Moscow offered to return Habomai and Shikotan. In 1973, Moscow proposed a treaty of friendship. In 1961 Moscow renounced the offer.", "1990-01-10" =>
            ["p-1956-two-island-su 1956 offered", "p-1973-treaty-first-su 1973 offered", "p-1961-two-island-su 1961 withdrawn <-withdrawal- p-1956-two-island-su"],
        document_offers_by_its_holder: "The 1956 Soviet-Japanese Joint Declaration stipulated that Shikotan and the Habomai islets would be handed over.", "2005-01-10" =>
            ["p-1956-two-island-su 1956 agreed"],
        person_refers_to_the_document: "In Tokyo on Tuesday, Prime Minister Junichiro Koizumi proposed talks on the return of Habomai and Shikotan, as provided in the 1956 declaration.", "2005-11-23" =>
            ["p-1956-two-island-su 1956 agreed", "p-2005-two-island-jp 2005-11-22 offered <-explicit-basis- p-1956-two-island-su"],
        referring_document_dates_the_restatement: "The sides cited the 1993 Tokyo Declaration, which confirmed the 1956 joint declaration as valid.", "2003-01-11" =>
            ["p-1956-two-island-su 1956 agreed", "p-1993-two-island 1993 agreed <-explicit-basis- p-1956-two-island-su"],
        writer_speculation_is_no_proposal: "The move suggests Tokyo may settle for the return of Habomai and Shikotan first.", "2018-11-15" => [],
        suggestion_by_a_leader_stays: "Putin suggested that Russia could hand over Habomai and Shikotan.", "2018-11-15" =>
            ["p-2018-two-island-ru 2018-11-15 floated"],
        treaty_first_then_border: "Officials said Moscow instead proposed that the two countries first sign a treaty on peace, friendship and cooperation and settle the border in a separate treaty.", "1998-11-13" =>
            ["p-1998-treaty-first-ru 1998-11-13 offered"],
        treaty_first_shelving: "In 1994, Russia suggested shelving the territorial issue and signing a peace treaty.", "1995-01-10" =>
            ["p-1994-treaty-first-ru 1994 floated"],
        peace_treaty_first_settle_later: "Beijing proposed that Tokyo and Moscow sign a peace treaty first and settle the territorial issue later.", "2002-03-01" =>
            ["p-2002-treaty-first-cn 2002-03-01 offered"],
        two_leaders_confirm_named_documents: "Koizumi and Putin adopted an action plan on Friday. In the plan, the two leaders confirmed that the 1956 Joint Declaration and the 1993 Tokyo Declaration are the basis for negotiations.", "2003-01-11" =>
            ["p-1956-two-island-su 1956 agreed", "p-2003-01-two-island-jp-ru 2003-01-10 agreed <-explicit-basis- p-1956-two-island-su"],
        after_talks_is_no_condition: "Japan and Russia agreed Thursday on joint economic activities on the disputed islands after talks between Kono and Lavrov.", "2017-12-01" =>
            ["p-2017-11-joint-economic-jp-ru 2017-11-30 agreed"],
        after_a_treaty_is_a_condition: "Putin offered to hand over Shikotan after a peace treaty is signed.", "2016-12-17" =>
            ["p-2016-two-island-ru-after-a-peace 2016-12-17 offered"],
        rejection_with_a_restated_claim: "In 1992 Kozyrev proposed that Russia hand over Shikotan and Habomai first. Tokyo rejected the proposal because it insisted on the return of all four islands.", "2002-03-12" =>
            ["p-1992-two-island-ru 1992 rejected rejected by JP", "p-four-island-claim 1992 offered"],
        revival_after_the_cue_is_this_offer: "In 1990 Moscow floated a lease of the islands. Gorbachev referred to a 1956 Soviet offer to return Shikotan and the Habomai Islands, and Moscow might be prepared to revive that offer.", "1991-01-10" =>
            ["p-1990-lease-su 1990 floated", "p-1956-two-island-su 1956 agreed", "p-1990-two-island-su 1990 revived <-explicit-basis- p-1956-two-island-su"],
        headline_pair_of_sides: "Japan, Russia agree on joint projects on disputed isles", "2017-09-08" =>
            ["p-2017-09-joint-economic-jp-ru 2017-09-08 agreed"],
        leaders_agreeing: "Abe and Putin held talks on Thursday, agreeing to work out a road map for joint economic activities on the islands.", "2016-09-02" =>
            ["p-2016-joint-economic-jp-ru 2016-09-01 offered"],
        treaty_without_preconditions: "Putin proposed in 2018 that the two countries conclude a peace treaty by the end of the year without preconditions.", "2019-01-06" =>
            ["p-2018-treaty-first-ru 2018 offered"],
        treaty_by_the_end_of_this_year: "Moscow called for signing a peace treaty by the end of this year.", "1999-04-05" =>
            ["p-1999-peace-treaty-ru-by-1999 1999-04-05 offered"],
        side_holds_the_document_valid: "Moscow considers the 1956 Joint Declaration valid, the Foreign Ministry said on Monday.", "2000-09-05" =>
            ["p-1956-two-island-su 1956 agreed", "p-2000-two-island-ru 2000-09-04 agreed <-explicit-basis- p-1956-two-island-su"],
        both_states_signed_the_document: "In 1956 Japan and the Soviet Union signed a joint declaration promising the handover of Habomai and Shikotan.", "2005-01-10" =>
            ["p-1956-two-island-jp-su 1956 agreed"],
        officials_of_both_sides: "Japanese and Russian officials on Friday discussed joint economic activities on the four islands.", "2017-03-18" =>
            ["p-2017-joint-economic-jp-ru 2017-03-17 offered"],
        two_island_offer_with_context_date: "In March 2001, talks were held in Irkutsk. Putin offered to hand over Habomai and Shikotan after a peace treaty.", "2001-04-01" =>
            ["p-2001-two-island-ru-after-a-peace 2001-03 offered"],
        basis_links_to_the_declaration: "In November last year, Prime Minister Shinzo Abe and Russian President Putin agreed to speed up talks based on the 1956 joint declaration, which promises the return of Habomai and Shikotan.", "2019-02-17" =>
            ["p-1956-two-island-su 1956 agreed", "p-2018-11-two-island-jp-ru 2018-11 agreed <-explicit-basis- p-1956-two-island-su"],
        withdrawal_by_the_giver: "In 1960 the Soviet government declared that it would not hand over the Habomai Islands and Shikotan.", "1994-01" =>
            ["p-1960-two-island-su 1960 withdrawn"],
        anaphoric_renunciation: "The 1956 declaration promised to return Shikotan and the Habomai group. In the 1960s Moscow renounced the offer.", "2000-10-27" =>
            ["p-1956-two-island-su 1956 agreed", "p-1960-two-island-su 1960 withdrawn <-withdrawal- p-1956-two-island-su"],
        claim_restated_and_refused: "Tokyo has claimed that the islands are Japan's inherent territories. The Soviet Union emphasized that it would not return all the islands.", "1990-05-01" =>
            ["p-four-island-claim 1990-05-01 offered", "p-four-island-claim 1990-05-01 offered rejected by SU"],
        treaty_first_after_while: "Japan insisted on linkage while Moscow sought to put the territorial issue off to a later date.", "2000-10-27" =>
            ["p-2000-treaty-first-ru 2000-10-27 offered"],
        lease_floated_by_officials: "Soviet officials reportedly floated a proposal to lease the Northern Territories to Japan.", "1990-06" =>
            ["p-1990-lease-su 1990-06 floated"],
        proposal_rejected: "In 1973 Moscow began to propose a treaty of friendship as an interim step. This proposal was firmly rejected by Japan.", "1994-01" =>
            ["p-1973-treaty-first-su 1973 rejected rejected by JP"],
        deadline_is_the_condition: "In 1997 Yeltsin and Hashimoto agreed to sign a peace treaty by the year 2000.", "1999-04-05" =>
            ["p-1997-peace-treaty-jp-ru-by-2000 1997 agreed"],
        pronoun_takes_previous_subject: "The Soviet side spoke for hours. It also proposed an exchange of draft peace treaties.", "1989-12-27" =>
            ["p-1989-peace-treaty-su 1989-12-27 offered"],
    }
}
