//! Small synthetic negotiation graphs for tests and documentation examples:
//! persons, states, meetings, proposals with their families and lines of
//! descent, and documents, each with evidence. Not real extraction output.

use crate::date::PartialDate;
use crate::graph::{Edge, Evidence, Graph, Node, NodeKind, Relation};

/// Evidence pointing at sentence `s` of document `doc`.
pub fn ev(doc: &str, s: usize, text: &str) -> Evidence {
    Evidence { doc: doc.into(), sentence: s, start: s * 100, end: s * 100 + text.len(), text: text.into() }
}

/// A builder that keeps the code of synthetic graphs short.
#[derive(Default)]
pub struct Builder {
    pub graph: Graph,
    sentence: usize,
}

impl Builder {
    pub fn new() -> Self {
        Self::default()
    }

    fn next_ev(&mut self, text: &str) -> Evidence {
        self.sentence += 1;
        ev(if self.sentence.is_multiple_of(2) { "doc-a" } else { "doc-b" }, self.sentence, text)
    }

    /// Add a node with one evidence record; returns it for further attributes.
    pub fn node(&mut self, id: &str, kind: NodeKind, label: &str) -> &mut Node {
        let e = self.next_ev(&format!("{label} was mentioned."));
        let mut n = Node::new(id, kind, label);
        n.evidence.push(e);
        self.graph.upsert_node(n)
    }

    pub fn person(&mut self, id: &str, label: &str, country: &str) {
        self.node(id, NodeKind::Person, label).attrs.country = Some(country.into());
    }

    pub fn meeting(&mut self, id: &str, date: &str, attendees: &[&str]) {
        let d: PartialDate = date.parse().expect("test date");
        self.node(id, NodeKind::Meeting, id).attrs.start = Some(d);
        for p in attendees {
            self.edge(p, id, Relation::ParticipatedIn, 1);
        }
    }

    /// A proposal: `islands` and `conditions` comma-separated, `proposer` space-separated.
    #[allow(clippy::too_many_arguments)]
    pub fn proposal(
        &mut self,
        id: &str,
        date: &str,
        family: &str,
        proposer: &str,
        islands: &str,
        arrangement: &str,
        status: &str,
        conditions: &str,
    ) {
        let d: PartialDate = date.parse().expect("test date");
        let split = |s: &str, sep: char| -> Vec<String> {
            s.split(sep).map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
        };
        let a = &mut self.node(id, NodeKind::Proposal, id).attrs;
        a.start = Some(d);
        a.family = Some(family.into());
        a.proposer = split(proposer, ' ');
        a.islands = split(islands, ',');
        a.arrangement = Some(arrangement.into());
        a.status = Some(status.into());
        a.conditions = split(conditions, ',');
    }

    /// An edge with `n` evidence records (each a sentence of its own).
    pub fn edge(&mut self, source: &str, target: &str, relation: Relation, n: usize) {
        let mut e = Edge::new(source, target, relation);
        for _ in 0..n {
            let text = format!("{source} {relation} {target}.");
            let x = self.next_ev(&text);
            e.evidence.push(x);
        }
        self.graph.upsert_edge(e).expect("test edge between existing nodes");
    }

    /// `mentioned_in` edges from every node but documents to `doc`.
    pub fn mention_all(&mut self, doc: &str) {
        let ids: Vec<String> =
            self.graph.nodes().iter().filter(|n| n.kind != NodeKind::Document).map(|n| n.id.clone()).collect();
        for id in ids {
            self.edge(&id, doc, Relation::MentionedIn, 1);
        }
    }
}

/// A small picture of the Kuril negotiation: 12 persons, 3 states, 10
/// meetings, 9 proposals in four families with `derived_from` lines (the
/// two-island line 1956 → 1960 → 2000 → 2018 → 2019, a cross-family link from
/// the 1991 four-island position to 1956), islands and two documents.
pub fn sample() -> Graph {
    let mut b = Builder::new();
    for (id, label) in [("doc-a", "Document A"), ("doc-b", "Document B")] {
        b.node(id, NodeKind::Document, label);
    }
    for (id, label) in [("jp", "Japan"), ("su", "Soviet Union"), ("ru", "Russia")] {
        b.node(id, NodeKind::State, label).attrs.country = Some(id.to_uppercase());
    }
    for (id, label) in
        [("habomai", "Habomai"), ("shikotan", "Shikotan"), ("kunashiri", "Kunashiri"), ("etorofu", "Etorofu")]
    {
        b.node(id, NodeKind::Island, label);
    }
    let persons = [
        ("ichiro-hatoyama", "Ichiro Hatoyama", "jp"),
        ("nikolai-bulganin", "Nikolai Bulganin", "su"),
        ("nikita-khrushchev", "Nikita Khrushchev", "su"),
        ("andrei-gromyko", "Andrei Gromyko", "su"),
        ("kiichi-miyazawa", "Kiichi Miyazawa", "jp"),
        ("mikhail-gorbachev", "Mikhail Gorbachev", "su"),
        ("toshiki-kaifu", "Toshiki Kaifu", "jp"),
        ("boris-yeltsin", "Boris Yeltsin", "ru"),
        ("morihiro-hosokawa", "Morihiro Hosokawa", "jp"),
        ("vladimir-putin", "Vladimir Putin", "ru"),
        ("yoshiro-mori", "Yoshiro Mori", "jp"),
        ("shinzo-abe", "Shinzo Abe", "jp"),
        ("taro-kono", "Taro Kono", "jp"),
        ("sergey-lavrov", "Sergey Lavrov", "ru"),
        ("muneo-suzuki", "Muneo Suzuki", "jp"),
    ];
    for (id, label, state) in persons {
        b.person(id, label, &state.to_uppercase());
        b.edge(id, state, Relation::Represents, 1);
    }
    b.meeting("m-1956-10-moscow", "1956-10-19", &["ichiro-hatoyama", "nikolai-bulganin", "nikita-khrushchev"]);
    b.meeting("m-1976-01-tokyo", "1976-01-10", &["andrei-gromyko", "kiichi-miyazawa"]);
    b.meeting("m-1991-04-tokyo", "1991-04-16", &["mikhail-gorbachev", "toshiki-kaifu"]);
    b.meeting("m-1991-04-nagasaki", "1991-04-19", &["mikhail-gorbachev", "toshiki-kaifu"]);
    b.meeting("m-1993-10-tokyo", "1993-10-13", &["boris-yeltsin", "morihiro-hosokawa"]);
    b.meeting("m-2000-09-tokyo", "2000-09-05", &["vladimir-putin", "yoshiro-mori"]);
    b.meeting("m-2001-03-irkutsk", "2001-03-25", &["vladimir-putin", "yoshiro-mori"]);
    b.meeting("m-2016-12-nagato", "2016-12-15", &["vladimir-putin", "shinzo-abe", "sergey-lavrov"]);
    b.meeting("m-2018-11-singapore", "2018-11-14", &["vladimir-putin", "shinzo-abe"]);
    b.meeting("m-2019-01-moscow", "2019-01-22", &["vladimir-putin", "shinzo-abe", "taro-kono", "sergey-lavrov"]);

    let all4 = "habomai, shikotan, kunashiri, etorofu";
    b.proposal(
        "p-1956-joint-declaration",
        "1956-10-19",
        "two-island",
        "JP SU",
        "habomai, shikotan",
        "sovereignty",
        "agreed",
        "after a peace treaty",
    );
    b.proposal(
        "p-1960-withdrawal",
        "1960-01-27",
        "two-island",
        "SU",
        "habomai, shikotan",
        "sovereignty",
        "withdrawn",
        "after a peace treaty, withdrawal of foreign troops from Japan",
    );
    b.proposal("p-1991-four-island", "1991-04-18", "four-island", "JP", all4, "sovereignty", "rejected", "");
    b.proposal("p-1990-lease", "1990-03", "lease", "SU", all4, "lease", "floated", "99-year term");
    b.proposal(
        "p-2000-1956-basis",
        "2000-09-05",
        "two-island",
        "RU",
        "habomai, shikotan",
        "sovereignty",
        "revived",
        "after a peace treaty",
    );
    b.proposal(
        "p-2016-joint-economic",
        "2016-12-15",
        "joint-economic",
        "JP RU",
        all4,
        "joint-activity",
        "agreed",
        "without prejudice to positions",
    );
    b.proposal(
        "p-2018-singapore",
        "2018-11-14",
        "two-island",
        "JP RU",
        "habomai, shikotan",
        "sovereignty",
        "agreed",
        "after a peace treaty",
    );
    b.proposal(
        "p-2019-plus-alpha",
        "2019-01",
        "two-island",
        "JP",
        "habomai, shikotan",
        "sovereignty",
        "floated",
        "after a peace treaty, joint activity on kunashiri and etorofu",
    );
    b.proposal(
        "p-1993-tokyo-declaration",
        "1993-10-13",
        "four-island",
        "JP RU",
        all4,
        "treaty",
        "agreed",
        "law and justice",
    );

    for (child, parent) in [
        ("p-1960-withdrawal", "p-1956-joint-declaration"),
        ("p-2000-1956-basis", "p-1960-withdrawal"),
        ("p-2018-singapore", "p-2000-1956-basis"),
        ("p-2019-plus-alpha", "p-2018-singapore"),
        ("p-2019-plus-alpha", "p-2016-joint-economic"),
        ("p-1991-four-island", "p-1956-joint-declaration"),
        ("p-1993-tokyo-declaration", "p-1991-four-island"),
        ("p-2016-joint-economic", "p-1990-lease"),
    ] {
        b.edge(child, parent, Relation::DerivedFrom, 1);
    }
    for (who, p) in [
        ("ichiro-hatoyama", "p-1956-joint-declaration"),
        ("nikita-khrushchev", "p-1956-joint-declaration"),
        ("andrei-gromyko", "p-1960-withdrawal"),
        ("toshiki-kaifu", "p-1991-four-island"),
        ("vladimir-putin", "p-2000-1956-basis"),
        ("shinzo-abe", "p-2018-singapore"),
        ("vladimir-putin", "p-2018-singapore"),
        ("shinzo-abe", "p-2019-plus-alpha"),
        ("shinzo-abe", "p-2016-joint-economic"),
        ("morihiro-hosokawa", "p-1993-tokyo-declaration"),
    ] {
        b.edge(who, p, Relation::Proposed, 1);
    }
    b.edge("su", "p-1990-lease", Relation::Proposed, 2);
    b.edge("su", "p-1990-lease", Relation::Rejected, 1);
    b.edge("mikhail-gorbachev", "p-1991-four-island", Relation::Rejected, 1);
    for (p, m) in [
        ("p-1956-joint-declaration", "m-1956-10-moscow"),
        ("p-1991-four-island", "m-1991-04-tokyo"),
        ("p-2000-1956-basis", "m-2000-09-tokyo"),
        ("p-2018-singapore", "m-2018-11-singapore"),
        ("p-2019-plus-alpha", "m-2019-01-moscow"),
        ("p-2016-joint-economic", "m-2016-12-nagato"),
        ("p-1993-tokyo-declaration", "m-1993-10-tokyo"),
    ] {
        b.edge(p, m, Relation::DiscussedAt, 1);
    }
    for p in ["p-1956-joint-declaration", "p-2018-singapore"] {
        b.edge(p, "habomai", Relation::Concerns, 1);
        b.edge(p, "shikotan", Relation::Concerns, 1);
    }
    for (id, label) in [
        ("m-1956-10-moscow", "Moscow talks, October 1956"),
        ("m-1976-01-tokyo", "Gromyko in Tokyo, 1976"),
        ("m-1991-04-tokyo", "Gorbachev–Kaifu summit, Tokyo"),
        ("m-1991-04-nagasaki", "Gorbachev–Kaifu, Nagasaki"),
        ("m-1993-10-tokyo", "Yeltsin–Hosokawa summit, Tokyo"),
        ("m-2000-09-tokyo", "Putin–Mori summit, Tokyo"),
        ("m-2001-03-irkutsk", "Irkutsk summit"),
        ("m-2016-12-nagato", "Nagato summit"),
        ("m-2018-11-singapore", "Abe–Putin, Singapore"),
        ("m-2019-01-moscow", "Abe–Putin, Moscow"),
        ("p-1956-joint-declaration", "1956 Joint Declaration: Habomai and Shikotan after a treaty"),
        ("p-1960-withdrawal", "1960 Soviet memorandum: transfer only after foreign troops leave"),
        ("p-1991-four-island", "Four-island return claim, 1991"),
        ("p-1990-lease", "Soviet lease idea, 1990"),
        ("p-2000-1956-basis", "Putin: the 1956 declaration is valid"),
        ("p-2016-joint-economic", "Joint economic activities on the islands"),
        ("p-2018-singapore", "Singapore: accelerate talks on the 1956 basis"),
        ("p-2019-plus-alpha", "Two islands plus alpha"),
        ("p-1993-tokyo-declaration", "Tokyo Declaration: settle the attribution of four islands"),
    ] {
        b.graph.node_mut(id).expect("built above").label = label.to_string();
    }
    b.edge("p-1991-four-island", "etorofu", Relation::Concerns, 1);
    b.edge("p-1991-four-island", "kunashiri", Relation::Concerns, 1);
    b.mention_all("doc-a");
    b.edge("vladimir-putin", "doc-b", Relation::MentionedIn, 1);
    b.graph.canonicalize();
    b.graph
}

/// A deterministic pseudo-random generator (xorshift64*), so test graphs need no extra crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A larger random negotiation graph: `persons` persons in three states,
/// `meetings` meetings of 2–5 persons between 1950 and 2020, proposals
/// proposed by persons, discussed at meetings and derived from earlier ones,
/// and a few `co_attended` edges in either direction so the full network has
/// directed cycles. Edge evidence counts vary so weights matter.
pub fn random(seed: u64, persons: usize, meetings: usize) -> Graph {
    let mut rng = Rng::new(seed);
    let mut b = Builder::new();
    b.node("doc-a", NodeKind::Document, "Document A");
    b.node("doc-b", NodeKind::Document, "Document B");
    for s in ["jp", "su", "ru"] {
        b.node(s, NodeKind::State, &s.to_uppercase());
    }
    let pid = |i: usize| format!("person-{i:03}");
    for i in 0..persons {
        b.person(&pid(i), &format!("Person {i}"), "JP");
        let state = ["jp", "su", "ru"][rng.below(3)];
        b.edge(&pid(i), state, Relation::Represents, 1);
    }
    let mut meeting_ids = Vec::new();
    for m in 0..meetings {
        let year = 1950 + rng.below(71);
        let id = format!("m-{year}-{m:03}");
        let k = 2 + rng.below(4);
        let mut who: Vec<String> = (0..k).map(|_| pid(rng.below(persons))).collect();
        who.sort();
        who.dedup();
        let refs: Vec<&str> = who.iter().map(String::as_str).collect();
        b.meeting(&id, &format!("{year}-{:02}", 1 + rng.below(12)), &refs);
        meeting_ids.push((year, id));
    }
    meeting_ids.sort();
    let families = ["two-island", "lease", "four-island", "joint-economic"];
    let mut props: Vec<(usize, String)> = Vec::new();
    for (j, (year, m)) in meeting_ids.iter().enumerate().filter(|(j, _)| j % 3 == 0) {
        let id = format!("p-{year}-{j:03}");
        let fam = families[rng.below(families.len())];
        b.proposal(&id, &year.to_string(), fam, "JP", "habomai, shikotan", "sovereignty", "offered", "");
        b.edge(&id, m, Relation::DiscussedAt, 1 + rng.below(3));
        b.edge(&pid(rng.below(persons)), &id, Relation::Proposed, 1 + rng.below(3));
        if let Some((_, parent)) = props.get(rng.below(props.len() + 1)) {
            let parent = parent.clone();
            b.edge(&id, &parent, Relation::DerivedFrom, 1);
        }
        props.push((*year, id));
    }
    for _ in 0..persons / 2 {
        let (a, c) = (rng.below(persons), rng.below(persons));
        if a != c {
            b.edge(&pid(a), &pid(c), Relation::CoAttended, 1 + rng.below(2));
        }
    }
    b.mention_all("doc-a");
    b.graph.canonicalize();
    b.graph
}

/// A random undirected network of `n` nodes and (about) `m` distinct edges,
/// G(n, m) style, deterministic for `seed`: for tests and benchmarks of the
/// algorithms on sizes real corpora reach.
pub fn random_network(seed: u64, n: usize, m: usize) -> petgraph::Graph<(), f64, petgraph::Undirected> {
    let mut rng = Rng::new(seed);
    let mut g = petgraph::Graph::with_capacity(n, m);
    for _ in 0..n {
        g.add_node(());
    }
    let mut seen = std::collections::HashSet::with_capacity(m);
    let mut tries = 0;
    while seen.len() < m && tries < 4 * m + 100 {
        tries += 1;
        let (a, b) = (rng.below(n), rng.below(n));
        if a != b && seen.insert((a.min(b), a.max(b))) {
            g.add_edge(petgraph::graph::NodeIndex::new(a), petgraph::graph::NodeIndex::new(b), 1.0);
        }
    }
    g
}

/// A random two-mode graph: `persons` persons (country `JP` or `RU`) and
/// `meetings` meetings, each meeting attended by 1–4 random persons.
pub fn random_two_mode(seed: u64, persons: usize, meetings: usize) -> Graph {
    let mut rng = Rng::new(seed);
    let mut b = Builder::new();
    let pid = |i: usize| format!("person-{i:03}");
    for i in 0..persons {
        b.person(&pid(i), &format!("Person {i}"), ["JP", "RU"][rng.below(2)]);
    }
    for m in 0..meetings {
        let k = 1 + rng.below(4);
        let mut who: Vec<String> = (0..k).map(|_| pid(rng.below(persons))).collect();
        who.sort();
        who.dedup();
        let refs: Vec<&str> = who.iter().map(String::as_str).collect();
        b.meeting(&format!("m-{m:03}"), &format!("{}", 1956 + rng.below(60)), &refs);
    }
    b.graph.canonicalize();
    b.graph
}
