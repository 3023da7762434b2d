//! The extractor on the seed corpus: concrete facts an analyst can check in the
//! texts, evidence that points into its sentence, and deterministic output.

use std::collections::HashMap;
use std::path::Path;

use kurilnet::corpus::{Corpus, Document};
use kurilnet::extract::{self, Extractor};
use kurilnet::graph::{Graph, NodeKind, Relation};
use petgraph::Direction;

fn seeds() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
}

fn extract_seeds() -> Graph {
    let corpus = Corpus::scan(seeds()).unwrap();
    let ex = Extractor::new(None).unwrap();
    extract::run(&corpus, &ex, &indicatif::ProgressBar::hidden()).graph
}

fn documents() -> HashMap<String, Document> {
    let corpus = Corpus::scan(seeds()).unwrap();
    corpus.entries.iter().map(|e| e.load(true).unwrap().0).map(|d| (d.id.clone(), d)).collect()
}

fn doc_starting(prefix: &str) -> String {
    documents().keys().find(|k| k.starts_with(prefix)).unwrap().clone()
}

#[test]
fn kono_is_two_people_by_date() {
    let g = extract_seeds();
    let yohei = g.node("yohei-kono").expect("Yohei Kono in the 2000 article");
    let taro = g.node("taro-kono").expect("Taro Kono in the 2019 article");
    assert_eq!(yohei.docs(), vec![doc_starting("002").as_str()]);
    assert_eq!(taro.docs(), vec![doc_starting("003").as_str()]);
    // The bare "Kono" sentences of the 2019 article count for Taro.
    assert!(taro.evidence.iter().any(|e| e.text.starts_with("\"The trade value") || e.text.contains("Kono said")));
    assert_eq!(taro.attrs.country.as_deref(), Some("JP"));
}

#[test]
fn munich_meeting_has_both_ministers() {
    let g = extract_seeds();
    let m = g
        .nodes_of(NodeKind::Meeting)
        .into_iter()
        .find(|m| m.attrs.start.map(|d| d.to_string()).as_deref() == Some("2019-02-16"))
        .expect("the Feb. 16 meeting");
    assert_eq!(m.attrs.place.as_deref(), Some("Munich"));
    assert_eq!(m.attrs.status.as_deref(), Some("held"));
    let parts = g.neighbours(&m.id, Relation::ParticipatedIn, Direction::Incoming);
    assert_eq!(parts, vec!["sergey-lavrov", "taro-kono"]);
    assert_eq!(g.neighbours(&m.id, Relation::HeldIn, Direction::Outgoing), vec!["munich"]);
}

#[test]
fn statuses_follow_the_words() {
    let g = extract_seeds();
    let status_of = |who: &str, year: &str| -> Vec<String> {
        g.neighbours(who, Relation::ParticipatedIn, Direction::Outgoing)
            .into_iter()
            .filter_map(|m| g.node(m))
            .filter(|m| m.attrs.start.is_some_and(|d| d.to_string().starts_with(year)))
            .filter_map(|m| m.attrs.status.clone())
            .collect()
    };
    // "postpone … a visit to Moscow by Japanese Foreign Minister Masahiko Komura"
    assert_eq!(status_of("masahiko-komura", "1999"), vec!["postponed"]);
    // "Shevardnadze's scheduled visit to Japan next March" (written in December 1989)
    assert_eq!(status_of("eduard-shevardnadze", "1990-03"), vec!["planned"]);
    // "In September 1992, Russian president Boris Yeltsin postponed a scheduled visit" / "took place in October 1993"
    assert_eq!(status_of("boris-yeltsin", "1992"), vec!["postponed"]);
    assert_eq!(status_of("boris-yeltsin", "1993"), vec!["held"]);
}

#[test]
fn bylines_are_not_actors_and_sides_are_set() {
    let g = extract_seeds();
    assert!(!g.contains("muneyoshi-mitsuda") && !g.contains("hitoshi-omae"));
    for p in g.nodes_of(NodeKind::Person) {
        let c = p.attrs.country.as_deref().unwrap_or_else(|| panic!("{} has no side", p.id));
        assert_eq!(g.neighbours(&p.id, Relation::Represents, Direction::Outgoing), vec![c.to_lowercase()]);
    }
    assert_eq!(g.node("mikhail-gorbachev").unwrap().attrs.country.as_deref(), Some("SU"));
    assert_eq!(g.node("leonid-ivashov").unwrap().attrs.country.as_deref(), Some("RU"), "from the apposition");
    assert_eq!(g.node("kakuei-tanaka").unwrap().label, "Kakuei Tanaka", "family name first in the text");
}

#[test]
fn every_evidence_span_lies_inside_its_sentence() {
    let g = extract_seeds();
    let docs = documents();
    let check = |what: &str, ev: &[kurilnet::graph::Evidence]| {
        assert!(!ev.is_empty(), "{what} has no evidence");
        for e in ev {
            let d = &docs[&*e.doc];
            let s = d.sentences[e.sentence];
            assert!(s.start <= e.start && e.start < e.end && e.end <= s.end, "{what}: span outside sentence {e:?}");
            assert_eq!(*e.text, d.sentence_clean(&s), "{what}");
        }
    };
    for n in g.nodes() {
        check(&n.id, &n.evidence);
    }
    for e in g.edges() {
        check(&e.id(), &e.evidence);
    }
}

#[test]
fn lineage_is_explained() {
    let g = extract_seeds();
    let lineage = g.edges_of(Relation::DerivedFrom);
    assert!(!lineage.is_empty());
    for e in &lineage {
        let rule = e.rule.as_deref().unwrap_or_else(|| panic!("{} has no rule", e.id()));
        assert!(["family-chain", "explicit-basis", "withdrawal", "revival", "condition-ref", "counterproposal"].contains(&rule), "{rule}");
        let (s, t) = (g.node(&e.source).unwrap(), g.node(&e.target).unwrap());
        assert_eq!((s.kind, t.kind), (NodeKind::Proposal, NodeKind::Proposal));
        // The standing claim is restated over decades; its start is only the first mention read.
        let standing = t.id.ends_with("-claim");
        assert!(standing || s.attrs.start >= t.attrs.start, "{} derives from a later proposal", e.id());
    }
    // "based on the 1956 Japan-Soviet joint declaration" (2019 article) links to a 1956 proposal.
    let basis: Vec<&str> = lineage
        .iter()
        .filter(|e| e.rule.as_deref() == Some("explicit-basis") && e.source.starts_with("p-2018"))
        .map(|e| e.target.as_str())
        .collect();
    assert_eq!(basis.len(), 1);
    assert!(basis[0].starts_with("p-1956-two-island"), "{basis:?}");
}

#[test]
fn output_is_deterministic() {
    let a = extract_seeds().to_json_string().unwrap();
    let b = extract_seeds().to_json_string().unwrap();
    assert_eq!(a, b);
}

#[test]
fn data_override_with_a_malformed_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("places.tsv"), "name\tcountry\tkind\nTokyo\tJP\n").unwrap();
    let err = Extractor::new(Some(dir.path())).err().expect("malformed table refused").to_string();
    assert!(err.contains("places.tsv:2"), "{err}");
}
