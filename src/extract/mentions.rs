//! Per-sentence reading: the dictionary matchers (compiled once with aho-corasick)
//! and [`Sent`], one sentence with its persons, side words, dates, places, islands
//! and cues. It decides nothing about meetings or proposals.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::actors::{Actor, Actors, Candidate, Mention, SideWord, Unresolved, is_word_boundary, name_key};
use super::coref;
use super::dates::{self, DatePhrase};
use super::lexicon::Lexicon;
use crate::corpus::Document;
use crate::date::PartialDate;
use crate::graph::Evidence;

/// A dictionary hit in a sentence (byte offsets into the sentence).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Index into the table the matcher was built from.
    pub entry: usize,
}

/// A set of phrases matched on word boundaries, leftmost-longest.
pub struct Dict {
    ac: AhoCorasick,
}

impl Dict {
    pub fn new<S: AsRef<str>>(phrases: &[S], case_insensitive: bool) -> Dict {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(case_insensitive)
            .build(phrases.iter().map(|p| p.as_ref()))
            .expect("dictionary compiles");
        Dict { ac }
    }

    /// Hits on word boundaries; a hit glued to a hyphen ("post-meeting") does not count.
    pub fn find(&self, s: &str) -> Vec<Hit> {
        self.find_map(s, |e| e)
    }

    /// [`Dict::find`] with each hit's entry mapped by `entry`, in the same pass.
    fn find_map(&self, s: &str, entry: impl Fn(usize) -> usize) -> Vec<Hit> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        for m in self.ac.find_iter(s) {
            let (start, end) = (m.start(), m.end());
            let hyphened = (start > 0 && b[start - 1] == b'-') || b.get(end) == Some(&b'-');
            if !hyphened && is_word_boundary(b, start, end) {
                out.push(Hit { start, end, entry: entry(m.pattern().as_usize()) });
            }
        }
        out
    }
}

/// Every matcher, compiled once per extractor.
pub struct Matchers {
    pub actors: Actors,
    /// Place names, then landmark names; [`Matchers::place_of`] maps a hit to its place.
    pub places: Dict,
    place_of: Vec<usize>,
    pub islands: Dict,
    pub meeting_cues: Dict,
    pub status_cues: Dict,
}

impl Matchers {
    pub fn new(lx: &Lexicon) -> Matchers {
        let names = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<String>>();
        Matchers {
            actors: Actors::new(lx),
            places: Dict::new(
                &names(lx.places.iter().map(|p| &p.name).chain(lx.landmarks.iter().map(|l| &l.0)).collect()),
                false,
            ),
            place_of: (0..lx.places.len()).chain(lx.landmarks.iter().map(|l| l.1)).collect(),
            islands: Dict::new(&names(lx.islands.iter().map(|i| &i.0).collect()), true),
            meeting_cues: Dict::new(&names(lx.meeting_cues.iter().map(|c| &c.0).collect()), true),
            status_cues: Dict::new(&names(lx.status_cues.iter().map(|c| &c.0).collect()), true),
        }
    }
}

impl Matchers {
    /// Places in `s`, a landmark standing for its city ("at the Kremlin" → Moscow).
    pub fn place_hits(&self, s: &str) -> Vec<Hit> {
        self.places.find_map(s, |e| self.place_of[e])
    }
}

/// One sentence and what was found in it.
#[derive(Clone, Debug)]
pub struct Sent {
    pub index: usize,
    /// Byte offset of the sentence in the document.
    pub offset: usize,
    /// Raw sentence text (offsets below index it).
    pub text: String,
    /// The sentence with white space folded (evidence text), shared by its evidence records.
    pub clean: Arc<str>,
    /// The document's id, shared by the evidence records of its sentences.
    doc: Arc<str>,
    pub paragraph: usize,
    pub persons: Vec<Mention>,
    pub unresolved: Vec<Unresolved>,
    pub sides: Vec<SideWord>,
    pub dates: Vec<DatePhrase>,
    /// Verb groups (tense, modality, negation), read once per sentence.
    pub verbs: Vec<super::verbs::VerbGroup>,
    pub places: Vec<Hit>,
    pub islands: Vec<Hit>,
    pub meeting_cues: Vec<Hit>,
    pub status_cues: Vec<Hit>,
}

impl Sent {
    /// Evidence for a span of this sentence (its document's id and folded text shared).
    pub fn evidence(&self, start: usize, end: usize) -> Evidence {
        Evidence {
            doc: self.doc.clone(),
            sentence: self.index,
            start: self.offset + start,
            end: self.offset + end,
            text: self.clean.clone(),
        }
    }

    /// Dates that can be an event's date: not a citation, not a deadline, not an adjective.
    pub fn event_dates(&self) -> impl Iterator<Item = &DatePhrase> {
        self.dates.iter().filter(|d| !d.in_parens && !d.attributive && (!d.deadline || d.until || d.start < 3))
    }
}

/// Read every sentence of a document.
pub fn read(lx: &Lexicon, m: &Matchers, doc: &Document) -> Vec<Sent> {
    let mut out = Vec::new();
    // The name-like runs of each sentence, read once for the three passes below.
    let candidates: Vec<Vec<Candidate>> = doc.sentences.iter().map(|s| m.actors.candidates(doc.sentence_text(s))).collect();
    let mut known = full_names(lx, m, doc, &candidates);
    for (k, a) in discovered(lx, m, doc, &candidates, known.clone()) {
        known.entry(k).or_insert(a);
    }
    let mut context_year: Option<i32> = doc.date.map(|d| d.year);
    // A wire dateline's day ("MOSCOW, Oct. 10 -") is what "today" and weekdays count from.
    let leads: Vec<&str> = doc.sentences.iter().take(4).map(|s| doc.sentence_text(s)).collect();
    let reference = dates::dateline_reference(&leads, doc.date).or(doc.date);
    let mut history: Vec<Actor> = Vec::new();
    let doc_id: Arc<str> = doc.id.as_str().into();
    let mut paragraph = 0;
    let mut prev_end = 0;
    for (s, candidates) in doc.sentences.iter().zip(&candidates) {
        let text = doc.sentence_text(s);
        if doc.text[prev_end..s.start].matches('\n').count() >= 2 {
            paragraph += 1;
        }
        prev_end = s.end;
        let verbs = super::verbs::groups(text);
        let dates = dates::find_with(text, &verbs, reference, context_year);
        let mut sent = Sent {
            index: s.index,
            offset: s.start,
            text: text.to_string(),
            clean: doc.sentence_clean(s).into(),
            doc: doc_id.clone(),
            paragraph,
            persons: Vec::new(),
            unresolved: Vec::new(),
            sides: m.actors.sides(text),
            dates,
            verbs,
            places: m.place_hits(text),
            islands: m.islands.find(text),
            meeting_cues: m.meeting_cues.find(text),
            status_cues: m.status_cues.find(text),
        };
        let event_date: Option<PartialDate> = sent.event_dates().next().map(|d| d.from).or(doc.date);
        if let Some(y) = sent.event_dates().last().map(|d| d.from.year) {
            context_year = Some(y);
        }
        let (mut persons, mut unresolved) = m.actors.resolve(lx, text, candidates, event_date, &mut known);
        described(lx, m, text, event_date, &history, &mut persons, &mut unresolved);
        history.extend(persons.iter().map(|p| p.actor.clone()));
        sent.persons = persons;
        sent.unresolved = unresolved;
        out.push(sent);
    }
    out
}

/// Definite descriptions of a sentence ("the Soviet leader", "his counterpart") added to its
/// persons when earlier mentions or the office terms at `date` fix who they are; the rest go
/// to the curation report. A description in apposition to a name ("Obuchi, the prime
/// minister") is that name's title, not a mention of its own.
fn described(
    lx: &Lexicon,
    m: &Matchers,
    text: &str,
    date: Option<PartialDate>,
    history: &[Actor],
    persons: &mut Vec<Mention>,
    unresolved: &mut Vec<Unresolved>,
) {
    let mut found = Vec::new();
    for d in coref::descriptions(&m.actors, text) {
        let apposed = persons.iter().any(|p| {
            (p.title_start < d.end && d.start < p.end)
                || (p.end <= d.start && text[p.end..d.start].trim().trim_end_matches(['(', '-', '–', '—']).trim() == ",")
        });
        if apposed {
            continue;
        }
        let mut earlier: Vec<Actor> = history.to_vec();
        earlier.extend(persons.iter().filter(|p| p.end <= d.start).map(|p| p.actor.clone()));
        match coref::resolve(lx, &d, date, &earlier) {
            Some((actor, via)) => found.push(Mention {
                start: d.start,
                end: d.end,
                title_start: d.start,
                actor,
                possessive: d.possessive,
                full: false,
                implied: Some(via.rule()),
            }),
            None => unresolved.push(Unresolved {
                text: text[d.start..d.end].to_string(),
                reason: "description fixed by no earlier mention and no office holder at the date".into(),
                start: d.start,
                end: d.end,
            }),
        }
    }
    for (start, end, office) in coref::pair_descriptions(text) {
        let mut earlier: Vec<Actor> = history.to_vec();
        earlier.extend(persons.iter().filter(|p| p.end <= start).map(|p| p.actor.clone()));
        for (actor, via) in coref::pair(lx, &office, date, &earlier).into_iter().flatten() {
            found.push(Mention { start, end, title_start: start, actor, possessive: false, full: false, implied: Some(via.rule()) });
        }
    }
    persons.extend(found);
    persons.sort_by_key(|p| (p.start, p.end));
}

/// Persons the lexicon does not know, found anywhere in the document by the
/// evidence around their names, keyed by surname and by full name; of several
/// forms the one with most words wins ("Ambassador Matsumoto", later
/// "Shunichi Matsumoto"), so every mention of them is one person, even one
/// before the mention that introduced them (a headline's surname).
fn discovered(
    lx: &Lexicon,
    m: &Matchers,
    doc: &Document,
    candidates: &[Vec<Candidate>],
    mut known: HashMap<String, Actor>,
) -> HashMap<String, Actor> {
    let mut best: HashMap<String, Actor> = HashMap::new();
    for (s, c) in doc.sentences.iter().zip(candidates) {
        let (persons, _) = m.actors.resolve(lx, doc.sentence_text(s), c, doc.date, &mut known);
        for p in persons.into_iter().filter(|p| p.actor.lexicon.is_none()) {
            let words: Vec<&str> = p.actor.name.split(' ').collect();
            let key = name_key(&words[words.len() - 1..]);
            let e = best.entry(key).or_insert_with(|| p.actor.clone());
            if words.len() > e.name.split(' ').count() {
                let keep = e.clone();
                *e = Actor {
                    country: p.actor.country.clone().or(keep.country),
                    role: p.actor.role.clone().or(keep.role),
                    ..p.actor.clone()
                };
            }
        }
    }
    let mut out = HashMap::new();
    for (k, a) in best {
        let words: Vec<&str> = a.name.split(' ').collect();
        out.insert(name_key(&words), a.clone());
        out.insert(k, a);
    }
    out
}

/// Surname → person for every lexicon person the document names in full, so a
/// headline's "Hatoyama" is the Ichiro Hatoyama of the body. Surnames shared by
/// two people named in full are left out (earlier mentions decide then).
fn full_names(lx: &Lexicon, m: &Matchers, doc: &Document, candidates: &[Vec<Candidate>]) -> HashMap<String, Actor> {
    let mut found: HashMap<String, Option<Actor>> = HashMap::new();
    for (s, c) in doc.sentences.iter().zip(candidates) {
        let (persons, _) = m.actors.resolve(lx, doc.sentence_text(s), c, doc.date, &mut HashMap::new());
        for p in persons.into_iter().filter(|p| p.full && p.actor.lexicon.is_some()) {
            let key = name_key(&[p.actor.name.rsplit(' ').next().unwrap_or("")]);
            let e = found.entry(key).or_insert_with(|| Some(p.actor.clone()));
            if e.as_ref().is_some_and(|a| a.name != p.actor.name) {
                *e = None;
            }
        }
    }
    found.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_respect_word_boundaries_and_hyphens() {
        let d = Dict::new(&["meeting", "summit meeting", "talks"], true);
        let hits: Vec<&str> = {
            let s = "the summit meeting, a post-meeting chat, Talks and stalks";
            d.find(s).into_iter().map(|h| &s[h.start..h.end]).collect()
        };
        assert_eq!(hits, vec!["summit meeting", "Talks"]);
    }

    #[test]
    fn headline_surname_takes_the_full_name_of_the_body() {
        let lx = Lexicon::load(None).unwrap();
        let m = Matchers::new(&lx);
        let doc = Document::from_text(
            "d",
            "Hatoyama in Moscow\n\nPrime Minister Ichiro Hatoyama traveled to Moscow in October 1956.",
            Some("1994-01".parse().unwrap()),
        );
        let s = read(&lx, &m, &doc);
        assert_eq!(s[0].persons[0].actor.name, "Ichiro Hatoyama");
    }

    #[test]
    fn a_surname_introduced_by_a_title_takes_the_full_name_named_later() {
        let lx = Lexicon::load(None).unwrap();
        let m = Matchers::new(&lx);
        let doc = Document::from_text(
            "d",
            "Kurokawa in Moscow\n\n\"A fine day,\" said Ambassador Kurokawa.\n\nLater Kenzo Kurokawa left. Kurokawa was tired.",
            Some("1958-05".parse().unwrap()),
        );
        let s = read(&lx, &m, &doc);
        let names: Vec<&str> = s.iter().flat_map(|s| s.persons.iter().map(|p| p.actor.name.as_str())).collect();
        assert_eq!(names, vec!["Kenzo Kurokawa"; 4]);
    }

    #[test]
    fn read_tracks_paragraphs_and_persons() {
        let lx = Lexicon::load(None).unwrap();
        let m = Matchers::new(&lx);
        let doc = Document::from_text(
            "d",
            "Foreign Minister Taro Kono met Sergei Lavrov in Moscow.\n\nKono said the talks in Munich went well.",
            Some("2019-02-17".parse().unwrap()),
        );
        let s = read(&lx, &m, &doc);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].paragraph, s[1].paragraph), (0, 1));
        assert_eq!(s[0].persons.len(), 2);
        assert_eq!(s[1].persons[0].actor.name, "Taro Kono");
        assert_eq!(s[1].places.len(), 1);
        assert_eq!(s[0].meeting_cues.len(), 1);
    }
}
