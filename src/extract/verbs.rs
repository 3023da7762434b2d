//! Verb groups: the predicates of a sentence with their tense, modality,
//! negation and aspect ("will meet", "is to visit", "was to have begun",
//! "had hoped to come", "did not hold", "has been postponed").
//!
//! A group is read once per sentence, in one left-to-right pass over its words
//! (linear in the sentence length); every later question ("which way does the
//! date 'Tuesday' point?", "is this meeting planned or held?") is answered from
//! the groups near a byte position by binary search, never by rescanning the
//! sentence.

use std::sync::LazyLock;

use super::dates::Tense;
use super::wordset::{WordMap, WordSet};

/// When a predicate happens relative to the time of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Time {
    Past,
    Present,
    Future,
}

/// A verb group (auxiliaries, negation, adverbs and the head verb; a catenative
/// verb and its to-infinitive form one group: "plans to visit").
#[derive(Clone, Debug, PartialEq)]
pub struct VerbGroup {
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    /// The last verb of the group, lowercase ("visit" in "plans to visit").
    pub head: String,
    pub time: Time,
    /// A plan, intention, expectation, schedule or modal ("will", "is to", "plans to", "may").
    pub planned: bool,
    /// "not", "never", "n't" inside the group.
    pub negated: bool,
    /// Perfect aspect ("has met", "had hoped").
    pub perfect: bool,
    /// A plan told as not carried out: "was to have begun", "had hoped to", "had planned to".
    pub unfulfilled: bool,
    /// A to-infinitive complement follows the finite verb ("agreed to hold", "hoped to come"):
    /// a date after the group points ahead of it.
    pub prospective: bool,
    /// A bare "to"-infinitive not governed by a verb of its group (a purpose: "flew there to attend").
    pub infinitive: bool,
    /// An adverb of time standing in for a verb ("earlier", "ago", "next", "upcoming").
    pub adverb: bool,
}

const FUTURE_MODALS: &[&str] = &["will", "shall", "would", "'ll", "wo"];
const OTHER_MODALS: &[&str] = &["may", "might", "could", "can", "should", "must", "ca"];
const BE_PRESENT: &[&str] = &["is", "are", "am"];
const BE_PAST: &[&str] = &["was", "were"];
const BE_OTHER: &[&str] = &["be", "been", "being"];
const HAVE: &[&str] = &["has", "have", "had", "having"];
const DO: &[&str] = &["do", "does", "did"];
const NEGATION: &[&str] = &["not", "n't", "never"];
/// Adverbs that may sit inside a group ("will also visit", "has not yet met").
const INNER_ADVERBS: &[&str] = &[
    "also", "still", "already", "just", "yet", "finally", "reportedly", "again", "then", "now", "even", "soon", "only",
    "first", "later", "probably", "likely", "further", "formally", "officially", "eventually",
];
/// Verbs that take a to-infinitive naming what is planned, hoped or arranged.
pub(crate) const CATENATIVE: &[&str] = &[
    "plan", "intend", "expect", "hope", "want", "aim", "schedule", "set", "slate", "agree", "decide", "promise",
    "prepare", "seek", "try", "arrange", "propose", "offer", "invite", "ask", "urge", "wish", "mean", "need", "due",
    "likely", "going", "able", "ready", "refuse", "fail", "is", "are", "was", "were", "am", "be",
];
/// Catenative verbs that look ahead (a plan); "agreed to", "invited to", "fail to" are not plans by themselves
/// but still point the infinitive's date forward.
const PLANNING: &[&str] = &[
    "plan", "intend", "expect", "hope", "want", "aim", "schedule", "set", "slate", "due", "likely", "going", "wish",
    "seek", "prepare", "arrange", "mean",
];
/// Common irregular past forms (regular ones end in "-ed").
const IRREGULAR_PAST: &[&str] = &[
    "met", "held", "flew", "left", "came", "went", "said", "told", "made", "gave", "took", "began", "saw", "sat",
    "spoke", "brought", "led", "sent", "wrote", "won", "lost", "found", "thought", "felt", "kept", "stood", "became",
    "broke", "chose", "fell", "got", "heard", "knew", "meant", "paid", "ran", "rose", "sold", "struck", "threw",
    "understood", "shook", "sought", "taught", "drew", "grew", "hung", "laid", "bought", "built", "dealt", "withdrew",
    "undertook", "overcame", "foresaw", "forgave", "upheld", "oversaw", "reaffirmed",
];
/// Verbs whose bare or third-person forms are read as predicates ("Obuchi starts a trip Wednesday").
pub(crate) const STEMS: &[&str] = &[
    "meet", "hold", "visit", "start", "begin", "arrive", "leave", "travel", "fly", "go", "come", "head", "return",
    "open", "end", "host", "say", "plan", "expect", "hope", "want", "intend", "seek", "call", "make", "take", "give",
    "tell", "sign", "agree", "propose", "offer", "reject", "insist", "remain", "continue", "need", "see", "resume",
    "receive", "welcome", "attend", "discuss", "announce", "deny", "confirm", "warn", "urge", "believe", "postpone",
    "cancel", "delay", "tour", "land", "set", "mark", "face", "reply", "respond", "demand", "claim", "skip", "miss",
    "join", "wrap", "conclude", "open", "launch", "schedule", "aim", "press", "ask", "try", "decide",
];
/// Adverbs of time that tell the tense when no verb is near ("earlier Friday", "next Tuesday").
const PAST_ADVERBS: &[&str] = &["earlier", "ago", "previous", "previously", "last", "recently", "former"];
const FUTURE_ADVERBS: &[&str] = &["next", "upcoming", "coming", "forthcoming", "later"];
/// Words after which an "-ed" or "-s" form is a noun or an adjective, not a predicate.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "of", "for",
    "no", "any", "some", "each", "every", "two", "three", "several", "many", "long-awaited", "much",
];

/// `w` (lower case) is one of [`DETERMINERS`].
fn is_determiner(w: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DETERMINERS));
    SET.contains(w)
}

/// Bits of [`class_of`]: which closed word lists a word is in.
const FUTURE_MODAL: u16 = 1;
const OTHER_MODAL: u16 = 1 << 1;
const BE_NOW: u16 = 1 << 2;
const BE_THEN: u16 = 1 << 3;
const BE_ELSE: u16 = 1 << 4;
const HAS: u16 = 1 << 5;
const DOES: u16 = 1 << 6;
const NOT: u16 = 1 << 7;
const INNER: u16 = 1 << 8;
const PAST_ADVERB: u16 = 1 << 9;
const FUTURE_ADVERB: u16 = 1 << 10;
const MODAL: u16 = FUTURE_MODAL | OTHER_MODAL;
const BE: u16 = BE_NOW | BE_THEN | BE_ELSE;

/// Each closed list with its bit.
const CLASS_LISTS: [(&[&str], u16); 11] = [
    (FUTURE_MODALS, FUTURE_MODAL),
    (OTHER_MODALS, OTHER_MODAL),
    (BE_PRESENT, BE_NOW),
    (BE_PAST, BE_THEN),
    (BE_OTHER, BE_ELSE),
    (HAVE, HAS),
    (DO, DOES),
    (NEGATION, NOT),
    (INNER_ADVERBS, INNER),
    (PAST_ADVERBS, PAST_ADVERB),
    (FUTURE_ADVERBS, FUTURE_ADVERB),
];

/// The lists a lower-case word is in, one bit per list ([`FUTURE_MODALS`] → [`FUTURE_MODAL`], …):
/// read once per word instead of a scan of every list at every question.
fn class_of(w: &str) -> u16 {
    static CLASSES: LazyLock<WordMap<u16>> = LazyLock::new(|| {
        let mut map = std::collections::HashMap::new();
        for (list, bit) in CLASS_LISTS {
            for &w in list {
                *map.entry(w).or_insert(0) |= bit;
            }
        }
        WordMap::new(map)
    });
    CLASSES.get(w).unwrap_or(0)
}

/// A word of the sentence with its byte span; `lower` is lowercase.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// `text` in ASCII lower case (a slice of the sentence's lowered copy).
    lower: &'a str,
    /// [`class_of`] `lower`.
    class: u16,
}

impl<'a> Word<'a> {
    fn new(s: &'a str, low: &'a str, start: usize, end: usize) -> Word<'a> {
        let lower = &low[start..end];
        Word { start, end, text: &s[start..end], lower, class: class_of(lower) }
    }
}

/// The words of `s`; `low` is `s.to_ascii_lowercase()` (same byte offsets: words are ASCII).
fn words<'a>(s: &'a str, low: &'a str) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || (c == b'\'' && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic()) {
            let st = i;
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || ((b[i] == b'-' || b[i] == b'\'') && i + 1 < b.len() && b[i + 1].is_ascii_alphabetic()))
            {
                i += 1;
            }
            let mut end = i;
            // "didn't": the clitic is its own word.
            let w = &s[st..end];
            if w.len() > 3 && low[st..end].ends_with("n't") {
                end -= 3;
                out.push(Word::new(s, low, st, end));
                out.push(Word::new(s, low, end, i));
                continue;
            }
            out.push(Word::new(s, low, st, end));
        } else {
            // Clause punctuation is kept as a one-byte word so groups never span it.
            if matches!(c, b',' | b';' | b':' | b'.' | b'(' | b')' | b'"') {
                out.push(Word { start: i, end: i + 1, text: &s[i..i + 1], lower: &s[i..i + 1], class: 0 });
            }
            i += if c < 0x80 { 1 } else { s[i..].chars().next().map_or(1, char::len_utf8) };
        }
    }
    out
}

/// The stem of a verb form, when it is one of [`STEMS`] or [`CATENATIVE`] ("plans" → "plan", "hoped" → "hope").
fn stem(w: &str) -> Option<&'static str> {
    static KNOWN: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STEMS.iter().chain(CATENATIVE)));
    let look = |c: &str| KNOWN.get(c);
    if let Some(s) = look(w) {
        return Some(s);
    }
    for suf in ["es", "s", "ed", "d", "ing"] {
        let Some(c) = w.strip_suffix(suf) else { continue };
        if let Some(s) = look(c) {
            return Some(s);
        }
        // "planned" → "plann" → "plan"; "setting" → "sett" → "set".
        let b = c.as_bytes();
        if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2]
            && let Some(s) = look(&c[..c.len() - 1])
        {
            return Some(s);
        }
        // "arriving" → "arrive".
        if (suf == "ing" || suf == "ed")
            && let Some(s) = with_letter(c, b'e', look)
        {
            return Some(s);
        }
    }
    ["ied", "ies"].iter().find_map(|suf| w.strip_suffix(suf)).and_then(|c| with_letter(c, b'y', look))
}

fn is_past_form(w: &str) -> bool {
    static IRREGULAR: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(IRREGULAR_PAST));
    IRREGULAR.contains(w) || (w.len() > 4 && w.ends_with("ed") && w != "need" && w != "speed" && w != "feed")
}

/// `look` applied to `w` followed by the ASCII letter `letter`, spelt out on the stack
/// (no allocation for a word of up to 63 bytes).
fn with_letter(w: &str, letter: u8, look: impl Fn(&str) -> Option<&'static str>) -> Option<&'static str> {
    let mut buf = [0u8; 64];
    if w.len() < buf.len() {
        buf[..w.len()].copy_from_slice(w.as_bytes());
        buf[w.len()] = letter;
        std::str::from_utf8(&buf[..=w.len()]).ok().and_then(look)
    } else {
        look(&format!("{w}{}", letter as char))
    }
}

/// Read the verb groups of a sentence, left to right. Linear in `s.len()`.
pub fn groups(s: &str) -> Vec<VerbGroup> {
    let low = s.to_ascii_lowercase();
    let ws = words(s, &low);
    let mut out: Vec<VerbGroup> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let lw = w.lower;
        let prev = if i > 0 { Some(ws[i - 1].lower) } else { None };
        // "as planned", "than expected": a comparison, not a predicate of its own.
        let after_det = prev.is_some_and(|p| is_determiner(p) || p.ends_with("'s"))
            || (prev.is_some_and(|p| p == "as" || p == "than") && is_past_form(lw));
        // "in May": a month, not the modal.
        let month = lw == "may" && i > 0 && w.text == "May";
        let c = w.class;
        let starts = c & (FUTURE_MODAL | BE_NOW | BE_THEN | HAS | DOES) != 0
            || (c & OTHER_MODAL != 0 && !month)
            || (is_past_form(lw) && !after_det)
            || (lw == "to" && ws.get(i + 1).is_some_and(|n| stem(&n.lower).is_some() && !n.lower.ends_with('s')))
            || (present_form(&ws, i) && !after_det);
        if c & (PAST_ADVERB | FUTURE_ADVERB) != 0 {
            let fut = c & FUTURE_ADVERB != 0;
            out.push(VerbGroup {
                start: w.start,
                end: w.end,
                head: lw.to_string(),
                time: if fut { Time::Future } else { Time::Past },
                planned: fut,
                negated: false,
                perfect: false,
                unfulfilled: false,
                prospective: false,
                infinitive: false,
                adverb: true,
            });
            i += 1;
            continue;
        }
        if !starts {
            i += 1;
            continue;
        }
        let (g, next) = read_group(&ws, i);
        out.push(g);
        i = next.max(i + 1);
    }
    out
}

/// "starts", "arrives", "visits" after a name or pronoun: a present-tense predicate.
fn present_form(ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    if !w.lower.ends_with('s') || w.lower.ends_with("ss") || w.text.starts_with(char::is_uppercase) {
        return false;
    }
    if stem(&w.lower).is_none() || w.lower == stem(&w.lower).unwrap_or("") {
        return false;
    }
    let Some(p) = i.checked_sub(1).map(|k| &ws[k]) else { return false };
    let pronoun = matches!(p.lower, "he" | "she" | "it" | "who" | "which" | "that");
    let name = p.text.starts_with(char::is_uppercase) && !p.lower.ends_with("'s") && p.lower != "the";
    // "the ministry plans to …", "the delegation visits the port": a verb when a complement follows.
    let complement = !is_determiner(p.lower)
        && !p.lower.ends_with("'s")
        && p.text.chars().all(|c| c.is_alphanumeric() || c == '-')
        && ws.get(i + 1).is_some_and(|n| n.lower == "to" || is_determiner(n.lower));
    pronoun || name || complement || p.lower.ends_with("ly")
}

/// Read one group starting at word `i`; returns it and the index after it.
fn read_group(ws: &[Word], i: usize) -> (VerbGroup, usize) {
    let mut k = i;
    let mut time: Option<Time> = None;
    let mut planned = false;
    let mut negated = false;
    let mut perfect = false;
    let mut unfulfilled = false;
    let infinitive = ws[i].lower == "to";
    let mut head: &str = ws[i].lower;
    let mut saw_to_after_verb = false;
    let mut last_was_catenative = false;
    // The previous word of the group, lower case, and its class.
    let mut prev: Option<(&str, u16)> = None;
    while k < ws.len() {
        let (lw, c) = (ws[k].lower, ws[k].class);
        let first = k == i;
        if c & MODAL != 0 {
            if !first && !saw_to_after_verb && time.is_some() {
                break;
            }
            time.get_or_insert(Time::Future);
            planned = true;
        } else if c & BE != 0 {
            if !first && time.is_some() && !matches!(prev, Some((p, pc)) if pc & (HAS | MODAL | NOT | INNER) != 0 || p == "to") {
                break;
            }
            if c & BE_NOW != 0 {
                time.get_or_insert(Time::Present);
            } else if c & BE_THEN != 0 {
                time.get_or_insert(Time::Past);
            }
            last_was_catenative = matches!(lw, "is" | "are" | "am" | "was" | "were");
        } else if c & HAS != 0 {
            if !first && time.is_some() && !matches!(prev, Some((p, pc)) if pc & (MODAL | NOT) != 0 || p == "to") {
                break;
            }
            // "was to have begun": a plan that did not come about.
            if prev.is_some_and(|(p, _)| p == "to") && time == Some(Time::Past) {
                unfulfilled = true;
            }
            time.get_or_insert(if lw == "had" { Time::Past } else { Time::Present });
            perfect = true;
            head = lw;
        } else if c & DOES != 0 {
            if !first {
                break;
            }
            time = Some(if lw == "did" { Time::Past } else { Time::Present });
        } else if c & (NOT | INNER) != 0 || (lw.ends_with("ly") && lw.len() > 4) {
            // NEGATION holds "n't".
            if c & NOT != 0 {
                negated = true;
            }
            if c & FUTURE_ADVERB != 0 {
                // "later" inside a group does not make it future by itself.
            }
        } else if lw == "to" {
            // A to-infinitive continues the group only after a catenative verb ("plans to", "is to", "agreed to").
            let next_is_verb =
                ws.get(k + 1).is_some_and(|n| stem(n.lower).is_some() || n.class & HAS != 0 || n.lower == "be");
            if !(first || (last_was_catenative && next_is_verb)) {
                break;
            }
            if !first {
                saw_to_after_verb = true;
                // "is to visit", "plans to visit", "hoped to come": the infinitive looks ahead.
                let cat = head;
                if PLANNING.iter().any(|p| stem(cat) == Some(p)) || class_of(cat) & (BE_NOW | BE_THEN) != 0 {
                    planned = true;
                }
                if matches!(cat, "was" | "were") || (perfect && PLANNING.iter().any(|p| stem(cat) == Some(p))) {
                    // "was to visit", "had hoped to visit"
                    if perfect || ws.get(k + 1).is_some_and(|n| n.lower == "have") {
                        unfulfilled = true;
                    }
                }
            }
        } else if let Some(st) = stem(lw).or(if is_past_form(lw) { Some("") } else { None }) {
            // A verb: the head. Another verb after a head without "to" ends the group.
            let after_head = !first
                && !matches!(prev, Some((p, pc)) if pc & (MODAL | HAS | BE | DOES | NOT | INNER) != 0 || p == "to" || p.ends_with("ly"));
            if after_head {
                break;
            }
            if time.is_none() && !infinitive {
                time = Some(if is_past_form(lw) {
                    Time::Past
                } else if lw.ends_with('s') || lw.ends_with("ing") {
                    Time::Present
                } else {
                    Time::Present
                });
            }
            if PLANNING.contains(&st) && (lw.ends_with("ed") || lw.ends_with('d') && st == "due") && time != Some(Time::Future) {
                // "scheduled", "planned", "expected" name a plan whatever their tense.
                planned = true;
            }
            head = lw;
            last_was_catenative = CATENATIVE.contains(&st);
        } else {
            break;
        }
        prev = Some((lw, c));
        k += 1;
    }
    // A group of auxiliaries alone ("is", "was") keeps its head; trailing adverbs are not part of it.
    let mut end_k = k;
    while end_k > i + 1 && {
        let (lw, c) = (ws[end_k - 1].lower, ws[end_k - 1].class);
        c & INNER != 0 || lw.ends_with("ly") || lw == "to"
    } {
        end_k -= 1;
    }
    if infinitive {
        // A purpose or complement infinitive: its time is what the sentence's finite verb allows; it looks ahead.
        time = Some(Time::Future);
    }
    let g = VerbGroup {
        start: ws[i].start,
        end: ws[end_k.max(i + 1) - 1].end,
        head: stem(head).unwrap_or(head).to_string(),
        time: time.unwrap_or(Time::Present),
        planned,
        negated,
        perfect,
        unfulfilled,
        prospective: saw_to_after_verb,
        infinitive,
        adverb: false,
    };
    (g, k)
}

/// Which way an underspecified date at byte `pos` of sentence `s` points: the
/// tense of its governing verb group — the nearest within 120 bytes, a group in
/// the same clause (no comma or semicolon between) before one across a clause
/// boundary; a following bare infinitive is a purpose, not the date's verb.
/// Present tense looks ahead only when `present_ahead` (a weekday in a news lead:
/// "Obuchi starts a trip Wednesday").
///
/// Complexity: O(log n + k) for n groups, k of them within the window.
pub fn direction(gs: &[VerbGroup], s: &str, pos: usize, present_ahead: bool) -> Tense {
    const WINDOW: usize = 120;
    let first = gs.partition_point(|g| g.end + WINDOW < pos);
    let mut best: Option<(usize, &VerbGroup)> = None;
    for g in gs[first..].iter().take_while(|g| g.start <= pos + WINDOW) {
        let (d, between) = if g.end <= pos {
            (pos - g.end, s.get(g.end..pos).unwrap_or(""))
        } else {
            (g.start.saturating_sub(pos), s.get(pos..g.start.max(pos)).unwrap_or(""))
        };
        if d > WINDOW || (g.start >= pos && g.infinitive) {
            continue;
        }
        // Another clause: only when nothing in the date's own clause speaks — except a
        // "when" clause right after the date, which tells what happens at that date.
        // (`pos` is where the date starts: the date's own words come first.)
        let about_the_date = g.start >= pos
            && between.find(", when ").is_some_and(|i| i <= 40 && !between[..i].contains([',', ';']) && !between[i + 7..].contains([',', ';']));
        let d = if about_the_date {
            0
        } else if between.contains([',', ';']) {
            d + WINDOW
        } else {
            d
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, g));
        }
    }
    match best {
        None => Tense::Unknown,
        // Across a clause boundary only a nearby verb counts (the old 80-byte reach).
        Some((d, _)) if d > WINDOW + 80 => Tense::Unknown,
        Some((_, g)) if g.planned || g.unfulfilled || g.time == Time::Future => Tense::Future,
        Some((_, g)) if g.prospective && g.end <= pos => Tense::Future,
        Some((_, g)) if g.time == Time::Past || g.perfect => Tense::Past,
        Some(_) if present_ahead => Tense::Future,
        Some(_) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> VerbGroup {
        groups(s).into_iter().find(|g| !g.adverb).expect("a verb group")
    }

    #[test]
    fn tense_modality_and_negation() {
        let g = first("The ministers will not meet in Oslo.");
        assert_eq!((g.time, g.planned, g.negated, g.head.as_str()), (Time::Future, true, true, "meet"));
        let g = first("The envoy met his host on Monday.");
        assert_eq!((g.time, g.planned), (Time::Past, false));
        let g = first("The premier is to visit the capital in May.");
        assert!(g.planned && g.head == "visit", "{g:?}");
        let g = first("The delegation plans to travel north in spring.");
        assert!(g.planned && g.head == "travel", "{g:?}");
        let g = first("The talks were to have begun on Sunday.");
        assert!(g.unfulfilled && g.planned, "{g:?}");
        let g = first("She had hoped to come in the summer.");
        assert!(g.unfulfilled && g.perfect, "{g:?}");
        let g = first("The envoy didn't attend the dinner.");
        assert!(g.negated && g.time == Time::Past, "{g:?}");
        let g = first("The visit has been postponed again.");
        assert!(g.perfect && g.head == "postpone", "{g:?}");
    }

    #[test]
    fn nouns_after_determiners_are_not_predicates() {
        let gs = groups("The talks and the planned visits drew a plan.");
        let heads: Vec<&str> = gs.iter().map(|g| g.head.as_str()).collect();
        assert_eq!(heads, vec!["drew"], "{gs:?}");
    }

    #[test]
    fn present_tense_after_a_name() {
        let g = first("Minister Sato starts a trip abroad Wednesday.");
        assert_eq!((g.time, g.head.as_str()), (Time::Present, "start"));
    }

    #[test]
    fn direction_of_a_date() {
        let s = "The envoy flew to the capital on Tuesday to attend a forum.";
        let p = s.find("Tuesday").unwrap();
        assert_eq!(direction(&groups(s), s, p, true), Tense::Past);
        let s = "The envoy will arrive on Tuesday.";
        assert_eq!(direction(&groups(s), s, s.find("Tuesday").unwrap(), false), Tense::Future);
        let s = "Minister Sato starts a trip abroad Wednesday.";
        assert_eq!(direction(&groups(s), s, s.find("Wednesday").unwrap(), true), Tense::Future);
        assert_eq!(direction(&groups(s), s, s.find("Wednesday").unwrap(), false), Tense::Unknown);
        let s = "The meeting was to have taken place Sunday.";
        assert_eq!(direction(&groups(s), s, s.find("Sunday").unwrap(), true), Tense::Future);
        let s = "They agreed to hold another round in September.";
        assert_eq!(direction(&groups(s), s, s.find("September").unwrap(), false), Tense::Future);
        let s = "The minister would join the summit on Tuesday, an official told reporters.";
        assert_eq!(direction(&groups(s), s, s.find("Tuesday").unwrap(), true), Tense::Future);
        let s = "Officials have been urged to review the goal of a deal in June, when the president is scheduled to come.";
        assert_eq!(direction(&groups(s), s, s.find("June").unwrap(), false), Tense::Future);
        let s = "The envoys talked twice as long as planned before a dinner on Friday.";
        assert_eq!(direction(&groups(s), s, s.find("Friday").unwrap(), true), Tense::Past);
        let s = "They agreed in September to speed up the work.";
        assert_eq!(direction(&groups(s), s, s.find("September").unwrap(), false), Tense::Past);
    }

    #[test]
    fn word_classes_are_list_membership() {
        let text = "he will not have been told that it was later, n't it? the envoy had already met them once more; \
                    may might previous upcoming comingly do does did being having";
        let mut classed = 0;
        for w in text.split(|c: char| c.is_whitespace() || c == ',' || c == '?' || c == ';') {
            let want = CLASS_LISTS.iter().filter(|(l, _)| l.contains(&w)).fold(0, |acc, (_, b)| acc | b);
            assert_eq!(class_of(w), want, "{w:?}");
            classed += usize::from(want != 0);
        }
        assert!(classed >= 15, "{classed}");
        // "later" is both an inner adverb and a future adverb.
        assert_eq!(class_of("later"), INNER | FUTURE_ADVERB);
    }

    #[test]
    fn linear_on_a_long_sentence() {
        let s = "the envoy met the host on Monday and ".repeat(5000);
        let gs = groups(&s);
        assert_eq!(gs.len(), 5000);
        assert!(gs.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
