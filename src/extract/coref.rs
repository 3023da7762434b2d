//! Coreference by role and by date: a definite description ("the premier",
//! "the Soviet foreign minister", "Japan's prime minister", "his counterpart",
//! "the Russian leader") names one person through the document's earlier
//! mentions, or else through the office terms of `data/offices.tsv` at the
//! event date. What cannot be fixed either way is reported, not guessed.
//!
//! [`holder`] and [`resolve`] are the entry points other extractors call
//! (meetings use them for implicit participants).

use std::sync::LazyLock;

use crate::extract::gate::Gated;

use super::actors::{Actor, Actors, capitalise, office_like, side_at};
use super::lexicon::Lexicon;
use crate::date::PartialDate;

/// Offices a "leader" of a side holds, most senior first.
fn leader_offices(side: &str) -> &'static [&'static str] {
    match side {
        "JP" => &["prime minister"],
        "SU" => &["general secretary", "first secretary", "president", "premier"],
        "RU" => &["president"],
        "US" => &["president"],
        "CN" => &["paramount leader", "chairman", "president"],
        _ => &[],
    }
}

/// The person holding `office` for `side` at `date`, from the office terms (lexicon index).
///
/// `office` is matched loosely ("premier" = "prime minister", "ambassador" =
/// "ambassador to japan"); `"leader"` means the side's head of government or
/// party (prime minister of Japan, general secretary of the Soviet Union, …).
/// Among several holders (a month of handover) the one whose term started last wins.
/// Linear in the number of lexicon persons.
///
/// ```
/// use kurilnet::extract::{coref::holder, lexicon::Lexicon};
/// let lx = Lexicon::load(None).unwrap();
/// let i = holder(&lx, "foreign minister", "JP", "2019-01-14".parse().unwrap()).unwrap();
/// assert_eq!(lx.persons[i].name, "Taro Kono");
/// ```
pub fn holder(lx: &Lexicon, office: &str, side: &str, date: PartialDate) -> Option<usize> {
    let offices: Vec<&str> = if office == "leader" { leader_offices(side).to_vec() } else { vec![office] };
    for o in offices {
        let found = lx
            .persons
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.offices.iter().map(move |x| (i, x)))
            .filter(|(_, x)| x.country == side && office_like(&x.office, o) && x.distance(date) == 0)
            .max_by_key(|(i, x)| (x.from, std::cmp::Reverse(*i)));
        if let Some((i, _)) = found {
            return Some(i);
        }
    }
    None
}

/// A definite description found in a sentence (byte offsets into it).
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    pub start: usize,
    pub end: usize,
    /// The office named, lowercase ("foreign minister", "leader", "counterpart").
    pub office: String,
    /// The side the description states ("Soviet", "Japan's", "of Russia"), if any.
    pub side: Option<String>,
    /// Followed by a possessive ("the premier's visit").
    pub possessive: bool,
}

static DESC: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        r"(?i)\b(the|his|her|their|its|(?:japan|russia|the soviet union|moscow|tokyo|america|china)['’`]s)\s+(?:(?:visiting|current|incumbent|new|present)\s+)?(?:(japanese|soviet|russian|american|u\.s\.|chinese)\s+)?(prime minister|premier|foreign minister|president|leader|counterpart|general secretary|party chief|defen[cs]e minister|chief cabinet secretary|kremlin chief|head of state)\b",
    )
    .unwrap()
});
static OF_SIDE: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)^\s+of\s+(?:the\s+)?(japan|russia|the soviet union|soviet union|ussr|the united states|china)\b").unwrap()
});

/// Definite descriptions of a sentence that stand for a person: not plural, not a
/// title before a name ("the premier Ichiro Hatoyama"), not "the president of a company".
pub fn descriptions(actors: &Actors, s: &str) -> Vec<Description> {
    let mut out = Vec::new();
    for c in DESC.captures_iter(s) {
        let m = c.get(0).unwrap();
        let rest = &s[m.end()..];
        // Plurals, compounds and titles of a following name.
        if rest.starts_with(['s', 'S', '-']) || rest.trim_start_matches([',', ' ']).starts_with(|ch: char| ch.is_uppercase())
        {
            continue;
        }
        let mut end = m.end();
        let word_side = |w: &str| actors.sides(&capitalise(&w.to_lowercase())).first().map(|x| x.code.clone());
        let mut side = c.get(2).and_then(|a| word_side(a.as_str()));
        let det = c.get(1).unwrap().as_str();
        if side.is_none() && det.len() > 4 {
            side = word_side(det.trim_end_matches(['s']).trim_end_matches(['\'', '’', '`']));
        }
        if let Some(o) = OF_SIDE.captures(rest) {
            side = side.or_else(|| word_side(o.get(1).unwrap().as_str()));
            end += o.get(0).unwrap().end();
        } else if rest.starts_with(" of ") {
            continue;
        }
        let possessive = ["'s", "’s", "`s"].iter().any(|p| s[end..].starts_with(p));
        let office = c.get(3).unwrap().as_str().to_lowercase().replace("defence", "defense");
        let office = match office.as_str() {
            "party chief" => "general secretary".to_string(),
            "head of state" | "kremlin chief" => "leader".to_string(),
            "premier" => "prime minister".to_string(),
            _ => office,
        };
        out.push(Description { start: m.start(), end, office, side, possessive });
    }
    out
}

/// How a description was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// An earlier mention in the document holds that role for that side.
    Earlier,
    /// Nobody earlier fits: the office terms at the date name the holder.
    Office,
}

impl Via {
    /// The rule name recorded in evidence.
    pub fn rule(self) -> &'static str {
        match self {
            Via::Earlier => "coref-earlier-mention",
            Via::Office => "coref-office-at-date",
        }
    }
}

fn other_side(side: &str) -> Option<&'static str> {
    match side {
        "JP" => Some("RU"),
        "RU" | "SU" => Some("JP"),
        _ => None,
    }
}

fn role_fits(a: &Actor, office: &str, lx: &Lexicon, date: Option<PartialDate>) -> bool {
    let Some(role) = a.role.as_deref() else { return false };
    if office == "leader" {
        let side = a.country.as_deref().unwrap_or("");
        return leader_offices(side).iter().any(|o| office_like(role, o))
            || a.lexicon.zip(date).is_some_and(|(i, d)| {
                lx.persons[i].offices.iter().any(|x| x.distance(d) == 0 && leader_offices(&x.country).contains(&x.office.as_str()))
            });
    }
    office_like(role, office)
}

/// The person a description names at `date`, given the persons mentioned before it
/// in the document (`earlier`, oldest first; the sentence's own earlier mentions last).
///
/// "his counterpart" takes the office of the person last named before it and the
/// other side; everything else looks for the latest earlier mention holding the
/// office (for the side, when stated), then for the holder at the date.
pub fn resolve(lx: &Lexicon, d: &Description, date: Option<PartialDate>, earlier: &[Actor]) -> Option<(Actor, Via)> {
    let (office, side) = if d.office == "counterpart" {
        let owner = earlier.last()?;
        let side = d.side.clone().or_else(|| owner.country.as_deref().and_then(other_side).map(String::from))?;
        (owner.role.clone()?, Some(side))
    } else {
        (d.office.clone(), d.side.clone())
    };
    let side = side.map(|s| side_at(&s, date));
    let same_side = |a: &Actor| match (&side, &a.country) {
        (Some(s), Some(c)) => s == c || side_at(c, date) == *s,
        (Some(_), None) => false,
        (None, _) => true,
    };
    if let Some(a) = earlier.iter().rev().find(|a| same_side(a) && role_fits(a, &office, lx, date)) {
        return Some((a.clone(), Via::Earlier));
    }
    let (side, date) = (side?, date?);
    let i = holder(lx, &office, &side, date)?;
    let p = &lx.persons[i];
    let role = p.office_at(date).map(|o| o.office.clone());
    Some((Actor { name: p.name.clone(), country: Some(p.side.clone()), role, lexicon: Some(i) }, Via::Office))
}

static PAIR_DESC: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(r"(?i)\b(?:the\s+two|both)\s+(prime ministers|foreign ministers|deputy foreign ministers|defen[cs]e ministers|leaders|presidents|heads of state)\b").unwrap()
});

/// "the two foreign ministers", "both leaders": spans and the office each holds.
pub fn pair_descriptions(s: &str) -> Vec<(usize, usize, String)> {
    PAIR_DESC
        .captures_iter(s)
        .map(|c| {
            let m = c.get(0).unwrap();
            let o = c[1].to_lowercase().replace("defence", "defense");
            let o = match o.as_str() {
                "leaders" | "heads of state" => "leader".to_string(),
                _ => o.trim_end_matches('s').to_string(),
            };
            (m.start(), m.end(), o)
        })
        .collect()
}

/// The two persons "the two foreign ministers" names at `date`: the latest earlier
/// mention holding the office, the latest of another side holding it too; when only
/// one side was named (Japan, or Russia / the Soviet Union), the other side's holder at
/// the date. `None` when nobody holding the office was named before.
pub fn pair(lx: &Lexicon, office: &str, date: Option<PartialDate>, earlier: &[Actor]) -> Option<[(Actor, Via); 2]> {
    let fits = |a: &&Actor| a.country.is_some() && role_fits(a, office, lx, date);
    let first = earlier.iter().rev().find(fits);
    let second = first.and_then(|f| earlier.iter().rev().filter(fits).find(|a| a.country != f.country));
    let by_office = |side: &str| -> Option<(Actor, Via)> {
        let d = Description { start: 0, end: 0, office: office.to_string(), side: Some(side.to_string()), possessive: false };
        resolve(lx, &d, date, &[]).filter(|(_, v)| *v == Via::Office)
    };
    match (first, second) {
        (Some(a), Some(b)) => Some([(a.clone(), Via::Earlier), (b.clone(), Via::Earlier)]),
        (Some(a), None) => {
            let other = other_side(a.country.as_deref()?)?;
            Some([(a.clone(), Via::Earlier), by_office(other)?])
        }
        // Nobody named before: too little to say which two sides are meant.
        _ => None,
    }
}

/// Compile this module's patterns now, so that no document pays for it (see
/// [`crate::extract::Extractor::new`]).
pub(crate) fn compile_patterns() {
    LazyLock::force(&DESC);
    LazyLock::force(&OF_SIDE);
    LazyLock::force(&PAIR_DESC);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lx() -> &'static Lexicon {
        static L: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::load(None).unwrap());
        &L
    }

    fn actor(name: &str, side: &str, role: &str) -> Actor {
        Actor { name: name.into(), country: Some(side.into()), role: Some(role.into()), lexicon: None }
    }

    fn one(s: &str, date: &str, earlier: &[Actor]) -> Option<(String, Via)> {
        let a = Actors::new(lx());
        let ds = descriptions(&a, s);
        assert_eq!(ds.len(), 1, "{s}: {ds:?}");
        resolve(lx(), &ds[0], Some(date.parse().unwrap()), earlier).map(|(a, v)| (a.name, v))
    }

    #[test]
    fn holders_by_office_side_and_date() {
        let name = |o: &str, s: &str, d: &str| holder(lx(), o, s, d.parse().unwrap()).map(|i| lx().persons[i].name.clone());
        assert_eq!(name("prime minister", "JP", "1998-11-12").as_deref(), Some("Keizo Obuchi"));
        assert_eq!(name("premier", "SU", "1956-10").as_deref(), Some("Nikolai Bulganin"));
        assert_eq!(name("leader", "SU", "1991-04-16").as_deref(), Some("Mikhail Gorbachev"));
        assert_eq!(name("leader", "RU", "2016-12").as_deref(), Some("Vladimir Putin"));
        assert_eq!(name("foreign minister", "RU", "1997-05").as_deref(), Some("Yevgeny Primakov"));
        assert_eq!(name("foreign minister", "XX", "1997-05"), None);
    }

    #[test]
    fn descriptions_resolve_by_earlier_mentions_then_office() {
        let kono = actor("Kenji Kono", "JP", "foreign minister");
        let ivanov = actor("Pavel Ivanov", "RU", "foreign minister");
        // An earlier mention of the role wins over the office table.
        assert_eq!(
            one("The Russian foreign minister said no.", "2019-01", &[kono.clone(), ivanov.clone()]),
            Some(("Pavel Ivanov".into(), Via::Earlier))
        );
        // Nobody earlier: the holder at the date.
        assert_eq!(one("The Soviet leader's visit was put off.", "1991-03", &[]), Some(("Mikhail Gorbachev".into(), Via::Office)));
        assert_eq!(one("Japan's prime minister arrived.", "2005-06", &[]), Some(("Junichiro Koizumi".into(), Via::Office)));
        // The counterpart of the last person named: same office, other side.
        assert_eq!(one("He met his counterpart in Moscow.", "2019-01-14", &[kono.clone()]), Some(("Sergey Lavrov".into(), Via::Office)));
        assert_eq!(one("He met his counterpart in Moscow.", "2019-01-14", &[ivanov, kono.clone()]), Some(("Pavel Ivanov".into(), Via::Earlier)));
        // No side and nobody earlier: not guessed.
        assert_eq!(one("The premier said nothing.", "1970-01", &[]), None);
        // "the premier" with an earlier premier of any side.
        assert_eq!(
            one("The premier said nothing.", "1970-01", &[actor("Aleksei Petrov", "SU", "premier")]),
            Some(("Aleksei Petrov".into(), Via::Earlier))
        );
    }

    #[test]
    fn the_two_ministers_are_one_of_each_side() {
        let names = |s: &str, d: &str, earlier: &[Actor]| {
            let (_, _, o) = pair_descriptions(s).remove(0);
            pair(lx(), &o, Some(d.parse().unwrap()), earlier).map(|p| p.map(|(a, _)| a.name))
        };
        let kono = actor("Kenji Kono", "JP", "foreign minister");
        assert_eq!(
            names("The two foreign ministers agreed.", "2019-01-14", &[kono.clone()]),
            Some(["Kenji Kono".to_string(), "Sergey Lavrov".to_string()])
        );
        assert_eq!(
            names("Both leaders agreed.", "1991-04-18", &[actor("Ivan Petrov", "SU", "general secretary")]),
            Some(["Ivan Petrov".to_string(), "Toshiki Kaifu".to_string()])
        );
        assert_eq!(names("Both leaders agreed.", "1991-04-18", &[]), None);
        let ivanov = actor("Pavel Ivanov", "RU", "foreign minister");
        assert_eq!(
            names("the two foreign ministers", "2019-01", &[ivanov, kono]),
            Some(["Kenji Kono".to_string(), "Pavel Ivanov".to_string()])
        );
        assert!(pair_descriptions("the two sides met").is_empty());
    }

    #[test]
    fn titles_plurals_and_other_heads_are_no_descriptions() {
        let a = Actors::new(lx());
        for s in [
            "the Japanese prime minister, Keizo Obuchi, said",
            "the Prime Minister Keizo Obuchi said",
            "the two leaders met",
            "the foreign ministers met",
            "the president of the company said",
            "the foreign minister-level talks",
        ] {
            assert!(descriptions(&a, s).is_empty(), "{s}");
        }
        let d = descriptions(&a, "the president of Russia came");
        assert_eq!(d[0].side.as_deref(), Some("RU"));
        assert_eq!(d[0].office, "president");
    }
}
