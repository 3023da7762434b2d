//! Node kinds, relations, evidence and attribute types of the negotiation graph.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    Person,
    State,
    Organization,
    Meeting,
    Proposal,
    Place,
    Island,
    Document,
}

impl NodeKind {
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Person,
        NodeKind::State,
        NodeKind::Organization,
        NodeKind::Meeting,
        NodeKind::Proposal,
        NodeKind::Place,
        NodeKind::Island,
        NodeKind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::State => "state",
            NodeKind::Organization => "organization",
            NodeKind::Meeting => "meeting",
            NodeKind::Proposal => "proposal",
            NodeKind::Place => "place",
            NodeKind::Island => "island",
            NodeKind::Document => "document",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The typed relation an edge expresses (always read Source → Target).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// person → meeting
    ParticipatedIn,
    /// person → state (the side a person acts for)
    Represents,
    /// person or state → proposal
    Proposed,
    /// person or state → proposal
    Rejected,
    /// later proposal → earlier proposal it revises, revives or answers
    DerivedFrom,
    /// meeting → place
    HeldIn,
    /// proposal or meeting → island
    Concerns,
    /// any node → document
    MentionedIn,
    /// proposal → meeting where it was made or discussed
    DiscussedAt,
    /// person → person, both attend the same meeting (actor network only)
    CoAttended,
    /// person → state: the person attended a meeting with that side and no
    /// person of the side is named (actor network only)
    MetSide,
    /// person or state → person or state of another side: one proposed, the
    /// other rejected the proposal or answered it with one derived from it (actor network only)
    ProposalExchange,
}

impl Relation {
    pub const ALL: [Relation; 12] = [
        Relation::ParticipatedIn,
        Relation::Represents,
        Relation::Proposed,
        Relation::Rejected,
        Relation::DerivedFrom,
        Relation::HeldIn,
        Relation::Concerns,
        Relation::MentionedIn,
        Relation::DiscussedAt,
        Relation::CoAttended,
        Relation::MetSide,
        Relation::ProposalExchange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::ParticipatedIn => "participated_in",
            Relation::Represents => "represents",
            Relation::Proposed => "proposed",
            Relation::Rejected => "rejected",
            Relation::DerivedFrom => "derived_from",
            Relation::HeldIn => "held_in",
            Relation::Concerns => "concerns",
            Relation::MentionedIn => "mentioned_in",
            Relation::DiscussedAt => "discussed_at",
            Relation::CoAttended => "co_attended",
            Relation::MetSide => "met_side",
            Relation::ProposalExchange => "proposal_exchange",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the corpus a node or edge was read: enough to check it by hand.
///
/// `start..end` is a byte span into the document's text (UTF-8, without a
/// byte-order mark); `sentence` indexes the document's sentences (from 0) and
/// `text` is that sentence with its white space folded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: Arc<str>,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: Arc<str>,
}

/// A free attribute value; exporters keep the type (GraphML `attr.type`, GEXF attribute types).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    Int(i64),
    Float(f64),
    Text(String),
}

impl fmt::Display for AttrValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttrValue::Int(i) => write!(f, "{i}"),
            // Shortest representation that round-trips: deterministic across runs.
            AttrValue::Float(x) => write!(f, "{x}"),
            AttrValue::Text(s) => f.write_str(s),
        }
    }
}

/// Attributes a node may carry; which ones are set depends on its kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attrs {
    /// Side a person acts for, or a state's own code: ISO alpha-2, `SU` for the Soviet Union.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Office or title as read (persons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Meetings: held / planned / postponed / cancelled.
    /// Proposals: offered / floated / rejected / withdrawn / revived / agreed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Meetings: where (a place label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Meetings: summit, talks, visit, meeting …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_type: Option<String>,
    /// Proposals: family slug (`two-island`, `lease`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Proposals: proposer country codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposer: Vec<String>,
    /// Proposals and meetings: island slugs concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub islands: Vec<String>,
    /// Proposals: conditions attached, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Proposals: kind of arrangement (sovereignty, lease, administration, joint-activity, treaty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
    /// Other names the node was read under.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Documents: source, title, publication date as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Anything else, e.g. analysis results added before export.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, AttrValue>,
}

/// A node of the graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable, readable id: `taro-kono`, `m-2019-02-16-munich`, `p-1956-two-island`.
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    #[serde(default)]
    pub attrs: Attrs,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Evidence records read when more were read than `evidence` keeps (see
    /// [`crate::graph::EVIDENCE_KEPT`]); 0 when `evidence` holds them all.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub evidence_total: usize,
}

impl Node {
    pub fn new(id: impl Into<String>, kind: NodeKind, label: impl Into<String>) -> Self {
        Node {
            id: id.into(),
            kind,
            label: label.into(),
            attrs: Attrs::default(),
            evidence: Vec::new(),
            evidence_total: 0,
        }
    }

    /// How many evidence records were read for this node (at least those kept).
    pub fn evidence_count(&self) -> usize {
        self.evidence_total.max(self.evidence.len())
    }

    /// Distinct document ids among the evidence, sorted.
    pub fn docs(&self) -> Vec<&str> {
        docs_of(&self.evidence)
    }
}

/// An edge of the graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    /// The rule that inferred the edge when it was not read from one sentence
    /// (e.g. `family-chain`, `meeting-merge`); `None` for edges read directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Weight; defaults to the number of evidence records read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// As [`Node::evidence_total`].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub evidence_total: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Edge {
    pub fn new(source: impl Into<String>, target: impl Into<String>, relation: Relation) -> Self {
        Edge {
            source: source.into(),
            target: target.into(),
            relation,
            rule: None,
            weight: None,
            start: None,
            end: None,
            evidence: Vec::new(),
            evidence_total: 0,
        }
    }

    /// How many evidence records were read for this edge (at least those kept).
    pub fn evidence_count(&self) -> usize {
        self.evidence_total.max(self.evidence.len())
    }

    /// Unique, stable edge id.
    pub fn id(&self) -> String {
        format!("{}|{}|{}", self.source, self.relation, self.target)
    }

    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(self.evidence_count().max(1) as f64)
    }

    pub fn docs(&self) -> Vec<&str> {
        docs_of(&self.evidence)
    }
}

fn docs_of(ev: &[Evidence]) -> Vec<&str> {
    let mut d: Vec<&str> = ev.iter().map(|e| &*e.doc).collect();
    d.sort_unstable();
    d.dedup();
    d
}

/// Turn a name into an id slug: `Taro Kono` → `taro-kono`, accents folded.
///
/// O(length); ASCII names skip the Unicode decomposition (they are their own NFKD).
pub fn slug(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() { slug_of(s.chars(), s.len()) } else { slug_of(s.nfkd(), s.len()) }
}

/// [`slug`] of the NFKD characters `chars` of a text of `len` bytes.
fn slug_of(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    for c in chars {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("Taro Kono"), "taro-kono");
        assert_eq!(slug("Leonid I. Brezhnev"), "leonid-i-brezhnev");
        assert_eq!(slug("  Détente -- talks! "), "detente-talks");
        assert_eq!(slug("Шаг"), "");
        // The ASCII path and the decomposing path agree on ASCII text.
        for t in ["Taro Kono", "  a--b  ", "Leonid I. Brezhnev", "x_y+z 9", ""] {
            assert_eq!(slug(t), super::slug_of(unicode_normalization::UnicodeNormalization::nfkd(t), t.len()), "{t:?}");
        }
    }

    #[test]
    fn relation_names_round_trip() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }

    #[test]
    fn kinds_serialise_as_their_names() {
        for k in NodeKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
    }
}
