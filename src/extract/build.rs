//! Turning what was read into graph nodes and edges (persons, states, places,
//! islands, meetings, proposals, each with evidence and a `mentioned_in` edge to
//! its document), and the cross-document merge of meeting nodes.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;

use super::actors::Actor;
use super::lexicon::Lexicon;
use super::meetings::{Event, same_meeting};
use super::proposals::Prop;
use crate::date::PartialDate;
use crate::graph::{Evidence, Graph, Node, NodeKind, Relation, slug};

/// Writes one document's findings into its fragment graph.
///
/// Nodes are addressed by their index in the fragment once upserted, so an
/// edge costs a hash look-up by index, and ids are copied only for new edges.
pub struct Builder<'a> {
    g: &'a mut Graph,
    /// The document node, when the graph has it (every `mentioned_in` edge ends there).
    doc: Option<NodeIndex>,
    lx: &'a Lexicon,
}

fn state_label(code: &str) -> &'static str {
    match code {
        "JP" => "Japan",
        "RU" => "Russia",
        "SU" => "Soviet Union",
        "US" => "United States",
        "CN" => "China",
        _ => "",
    }
}

impl<'a> Builder<'a> {
    /// A builder writing into `g`, whose document node has the id `doc`.
    pub fn new(g: &'a mut Graph, doc: &str, lx: &'a Lexicon) -> Self {
        let doc = g.index_of(doc);
        Builder { g, doc, lx }
    }

    fn node(&mut self, mut n: Node, ev: Evidence) -> NodeIndex {
        n.evidence.push(ev.clone());
        let i = self.g.upsert_node_index(n);
        self.mentioned(i, ev, None);
        i
    }

    /// The `mentioned_in` edge of node `i` to the document.
    fn mentioned(&mut self, i: NodeIndex, ev: Evidence, rule: Option<&str>) {
        if let Some(d) = self.doc {
            self.g.link(i, d, Relation::MentionedIn, ev, rule);
        }
    }

    /// [`Builder::node`] for a node already in the graph that upserting a new
    /// one would change only by its evidence (`same` says whether it is so):
    /// no node is built. `None` when there is no such node.
    fn seen(&mut self, id: &str, ev: &Evidence, same: impl Fn(&Node) -> bool) -> Option<NodeIndex> {
        let i = self.g.index_of(id).filter(|&i| same(self.g.node_at(i)))?;
        self.g.add_node_evidence(i, ev.clone());
        self.mentioned(i, ev.clone(), None);
        Some(i)
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, rel: Relation, ev: Evidence, rule: Option<&str>) {
        self.g.link(from, to, rel, ev, rule);
    }

    /// The node of state `code` (id = the code in lower case).
    pub fn state(&mut self, code: &str, ev: Evidence) -> NodeIndex {
        let label = state_label(code);
        let label = if label.is_empty() { code } else { label };
        let id = code.to_lowercase();
        let same = |n: &Node| n.kind == NodeKind::State && n.label == label && n.attrs.country.is_some();
        if let Some(i) = self.seen(&id, &ev, same) {
            return i;
        }
        let mut n = Node::new(id, NodeKind::State, label);
        n.attrs.country = Some(code.to_string());
        self.node(n, ev)
    }

    /// A person node (id = slug of the full name) and the state it represents.
    pub fn person(&mut self, a: &Actor, ev: Evidence) -> NodeIndex {
        let id = slug(&a.name);
        let same = |n: &Node| {
            n.kind == NodeKind::Person
                && n.label == a.name
                && (n.attrs.country.is_some() || a.country.is_none())
                && (n.attrs.role.is_some() || a.role.is_none())
        };
        let i = match self.seen(&id, &ev, same) {
            Some(i) => i,
            None => {
                let mut n = Node::new(id, NodeKind::Person, a.name.clone());
                n.attrs.country = a.country.clone();
                n.attrs.role = a.role.clone();
                self.node(n, ev.clone())
            }
        };
        if let Some(c) = &a.country {
            let s = self.state(c, ev.clone());
            self.edge(i, s, Relation::Represents, ev, None);
        }
        i
    }

    fn place(&mut self, name: &str, ev: Evidence) -> NodeIndex {
        let mut n = Node::new(slug(name), NodeKind::Place, name);
        n.attrs.country = self.lx.places.iter().find(|p| p.name == name).map(|p| p.country.clone());
        self.node(n, ev)
    }

    fn island(&mut self, slug_: &str, ev: Evidence) -> NodeIndex {
        let n = Node::new(slug_, NodeKind::Island, self.lx.island_label(slug_));
        self.node(n, ev)
    }

    pub fn meeting(&mut self, e: &Event) {
        let mut n = Node::new(e.id(), NodeKind::Meeting, e.label());
        n.attrs.start = Some(e.from);
        n.attrs.end = e.to;
        n.attrs.status = Some(e.status.clone());
        n.attrs.place = e.place.as_ref().map(|p| p.0.clone());
        n.attrs.meeting_type = Some(e.meeting_type.clone());
        n.evidence = e.evidence[1..].to_vec();
        // The document's own telling of the status rides on its mention edge, so the
        // cross-document pass can keep the latest one.
        let ev0 = e.evidence[0].clone();
        n.evidence.push(ev0.clone());
        let id = self.g.upsert_node_index(n);
        self.mentioned(id, ev0, Some(&format!("{STATUS_TOLD}{}", e.status)));
        for ev in &e.evidence[1..] {
            self.mentioned(id, ev.clone(), None);
        }
        for (a, ev) in &e.participants {
            let p = self.person(a, ev.clone());
            let rule = e.inferred.iter().find(|(n, _)| *n == a.name).map(|(_, r)| *r);
            self.edge(p, id, Relation::ParticipatedIn, ev.clone(), rule);
        }
        if let Some((name, ev)) = &e.place {
            // A visit to an island is held on the island node, not on a place of the same name.
            let p = match self.lx.island_with_label(name) {
                Some(slug_) => self.island(slug_, ev.clone()),
                None => self.place(name, ev.clone()),
            };
            self.edge(id, p, Relation::HeldIn, ev.clone(), None);
        }
    }

    pub fn proposals(&mut self, props: &[Prop]) {
        let ids: Vec<String> = props.iter().map(|p| p.id()).collect();
        for (p, id) in props.iter().zip(&ids) {
            let mut n = Node::new(id.clone(), NodeKind::Proposal, p.label());
            n.attrs.family = Some(p.family.clone());
            n.attrs.start = p.date;
            n.attrs.proposer = p.proposers.clone();
            n.attrs.islands = p.islands.clone();
            n.attrs.conditions = p.conditions.clone();
            n.attrs.status = Some(p.status.clone());
            n.attrs.arrangement = Some(p.arrangement.clone());
            let at = self.node(n, p.evidence.clone());
            for c in &p.proposers {
                let s = self.state(c, p.evidence.clone());
                self.edge(s, at, Relation::Proposed, p.evidence.clone(), None);
            }
            for (a, ev) in &p.persons {
                let pid = self.person(a, ev.clone());
                self.edge(pid, at, Relation::Proposed, ev.clone(), None);
            }
            for (c, ev) in &p.rejected_by {
                let s = self.state(c, ev.clone());
                self.edge(s, at, Relation::Rejected, ev.clone(), None);
            }
            for i in &p.islands {
                let isl = self.island(i, p.evidence.clone());
                self.edge(at, isl, Relation::Concerns, p.evidence.clone(), None);
            }
            for (j, rule, ev) in &p.derived {
                // A proposal read later in the document has no node yet: no edge to it.
                if ids[*j] != *id
                    && let Some(to) = self.g.index_of(&ids[*j])
                {
                    self.edge(at, to, Relation::DerivedFrom, ev.clone(), Some(rule));
                }
            }
        }
    }
}

/// A meeting node as the merge sees it: id, dates, place, participant ids.
type MeetingKey = (String, (PartialDate, Option<PartialDate>), Option<String>, Vec<String>);

/// Slack in days [`same_meeting`] may give day-precise dates across documents (a superset is safe).
const SLACK_DAYS: i64 = 3;

fn meeting_key(g: &Graph, n: &Node) -> Option<MeetingKey> {
    let parts: Vec<String> =
        g.neighbours(&n.id, Relation::ParticipatedIn, Direction::Incoming).into_iter().map(String::from).collect();
    Some((n.id.clone(), (n.attrs.start?, n.attrs.end), n.attrs.place.clone(), parts))
}

/// Whether meetings `a` and `b` (a before b by id) merge across documents.
fn merges(lx: &Lexicon, g: &Graph, a: &MeetingKey, b: &MeetingKey) -> bool {
    let an: Vec<&str> = a.3.iter().map(String::as_str).collect();
    let bn: Vec<&str> = b.3.iter().map(String::as_str).collect();
    // Across documents only meetings with participants merge: places alone are too weak.
    if an.is_empty() || bn.is_empty() {
        return false;
    }
    // Meetings of one document were already told apart by the document pass.
    let docs_a = g.node(&a.0).map(|n| n.docs()).unwrap_or_default();
    let shared_doc = g.node(&b.0).is_some_and(|n| n.docs().iter().any(|d| docs_a.contains(d)));
    !shared_doc && same_meeting(lx, (a.1, a.2.as_deref(), &an), (b.1, b.2.as_deref(), &bn), SLACK_DAYS)
}

/// Merge meeting nodes from different documents that are one meeting (dates
/// overlap, places compatible, a participant in common). The node read first
/// (by id) absorbs the other and keeps its status; the narrower date wins.
///
/// The result is that of repeatedly merging the first matching pair in id
/// order, but each meeting is compared only with the meetings that share a
/// participant and overlap its dates (blocking keys), not with all: about
/// O(m · k) for m meetings of which k share a participant and a period.
pub fn merge_meetings(lx: &Lexicon, g: &mut Graph) {
    let mut ms: Vec<Option<MeetingKey>> =
        g.nodes_of(NodeKind::Meeting).into_iter().filter_map(|n| meeting_key(g, n)).map(Some).collect();
    let mut blocks = Blocks::default();
    for (i, m) in ms.iter().enumerate() {
        blocks.add(i, m.as_ref().expect("all present"));
    }
    let mut grown = vec![false; ms.len()];
    // Invariant: no pair (a, b) with a < c merges.
    let mut c = 0;
    while c < ms.len() {
        let Some(mc) = &ms[c] else {
            c += 1;
            continue;
        };
        let next = blocks
            .candidates(mc)
            .into_iter()
            .filter(|&j| j > c)
            .find(|&j| ms[j].as_ref().is_some_and(|mj| merges(lx, g, mc, mj)));
        let Some(j) = next else {
            c += 1;
            continue;
        };
        absorb_meeting(g, &mut ms, &mut blocks, c, j);
        grown[c] = true;
        // The grown meeting may now match one before it: that pair is the first, and so on down.
        let mut k = c;
        loop {
            let mk = ms[k].as_ref().expect("kept");
            let before = blocks
                .candidates(mk)
                .into_iter()
                .filter(|&x| x < k)
                .find(|&x| ms[x].as_ref().is_some_and(|mx| merges(lx, g, mx, mk)));
            match before {
                Some(x) => {
                    absorb_meeting(g, &mut ms, &mut blocks, x, k);
                    grown[x] = true;
                    k = x;
                }
                None => break,
            }
        }
        c = k;
    }
    for (m, _) in ms.iter().zip(&grown).filter(|(m, grown)| **grown && m.is_some()) {
        relabel(g, &m.as_ref().expect("kept").0);
    }
    g.purge();
    status_as_of_latest(g);
}

/// How a meeting's `mentioned_in` edge to a document records the status that document tells.
const STATUS_TOLD: &str = "status as told: ";

/// A meeting told by several documents has the status of the latest dated one:
/// planned in one article and reported held (or postponed) in a later one, it is
/// what the later one says (status as of the latest publication).
///
/// Complexity: O(E) over the `mentioned_in` edges.
pub fn status_as_of_latest(g: &mut Graph) {
    let mut latest: std::collections::BTreeMap<String, (i64, String)> = std::collections::BTreeMap::new();
    let mut docs: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for e in g.edges_of(Relation::MentionedIn) {
        let Some(st) = e.rule.as_deref().and_then(|r| r.strip_prefix(STATUS_TOLD)) else { continue };
        let Some(date) = g.node(&e.target).and_then(|d| d.attrs.start) else { continue };
        *docs.entry(e.source.clone()).or_default() += 1;
        let cur = latest.entry(e.source.clone()).or_insert((i64::MIN, String::new()));
        if date.last_ordinal() > cur.0 {
            *cur = (date.last_ordinal(), st.to_string());
        }
    }
    for (m, (_, st)) in latest {
        if docs.get(&m).is_some_and(|&n| n >= 2)
            && let Some(n) = g.node_mut(&m)
        {
            n.attrs.status = Some(st);
        }
    }
}

/// Meetings by participant and period, with their day ranges widened by the
/// slack: a meeting can only merge with one that shares a participant and a day.
///
/// Each participant's meetings are filed in buckets of [`BUCKET_DAYS`] days
/// (a meeting in every bucket its widened range touches, or in the
/// participant's `wide` list when that range spans more than [`MAX_BUCKETS`]
/// buckets), so a look-up reads the meetings of the buckets it overlaps, not
/// every meeting of a participant who meets often. Filing is a superset: a
/// meeting whose range changed stays in its old buckets and `days` decides.
#[derive(Default)]
struct Blocks {
    person: std::collections::HashMap<String, u32>,
    buckets: std::collections::HashMap<(u32, i64), Vec<usize>>,
    wide: std::collections::HashMap<u32, Vec<usize>>,
    days: Vec<(i64, i64)>,
}

/// Width of a [`Blocks`] bucket in days.
const BUCKET_DAYS: i64 = 32;
/// A widened range over this many buckets (about 5.6 years) is filed as wide.
const MAX_BUCKETS: i64 = 64;
/// A look-up over more buckets than this (about 360 years) reads all of them.
const QUERY_BUCKETS: i64 = 4096;

impl Blocks {
    fn widened(m: &MeetingKey) -> (i64, i64) {
        (m.1.0.first_ordinal() - SLACK_DAYS, m.1.1.unwrap_or(m.1.0).last_ordinal() + SLACK_DAYS)
    }

    fn bucket_range((lo, hi): (i64, i64)) -> std::ops::RangeInclusive<i64> {
        lo.div_euclid(BUCKET_DAYS)..=hi.div_euclid(BUCKET_DAYS)
    }

    fn add(&mut self, i: usize, m: &MeetingKey) {
        if self.days.len() <= i {
            self.days.resize(i + 1, (0, -1));
        }
        let span = Self::widened(m);
        self.days[i] = span;
        let range = Self::bucket_range(span);
        let wide = range.end() - range.start() >= MAX_BUCKETS;
        for p in &m.3 {
            let next = self.person.len() as u32;
            let pid = *self.person.entry(p.clone()).or_insert(next);
            let file = |v: &mut Vec<usize>| {
                if !v.contains(&i) {
                    v.push(i);
                }
            };
            if wide {
                file(self.wide.entry(pid).or_default());
            } else {
                for b in range.clone() {
                    file(self.buckets.entry((pid, b)).or_default());
                }
            }
        }
    }

    /// Meetings sharing a participant with `m` whose days overlap, ascending (may include `m`, or removed ones).
    fn candidates(&self, m: &MeetingKey) -> Vec<usize> {
        let (lo, hi) = Self::widened(m);
        let mut v: Vec<usize> = Vec::new();
        let range = Self::bucket_range((lo, hi));
        let pids: Vec<u32> = m.3.iter().filter_map(|p| self.person.get(p)).copied().collect();
        for pid in &pids {
            v.extend(self.wide.get(pid).into_iter().flatten());
        }
        if range.end() - range.start() > QUERY_BUCKETS {
            // A range of centuries: reading every bucket is cheaper than asking for each.
            for ((pid, _), ms) in &self.buckets {
                if pids.contains(pid) {
                    v.extend(ms);
                }
            }
        } else {
            for pid in &pids {
                for b in range.clone() {
                    v.extend(self.buckets.get(&(*pid, b)).into_iter().flatten());
                }
            }
        }
        v.retain(|&i| self.days[i].0 <= hi && lo <= self.days[i].1);
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Merge meeting `ms[gone]` into `ms[keep]` in the graph and refresh the merge's view of it.
///
/// O(degree of `gone` + participants of `keep`); the label is made once at the
/// end ([`relabel`]), not at every merge, so a meeting told by n documents
/// costs O(n) merges, not O(n²) label text.
fn absorb_meeting(g: &mut Graph, ms: &mut [Option<MeetingKey>], blocks: &mut Blocks, keep: usize, gone: usize) {
    let gone_key = ms[gone].take().expect("present");
    let keep_id = ms[keep].as_ref().expect("kept").0.clone();
    let width = |(s, e): (PartialDate, Option<PartialDate>)| e.unwrap_or(s).last_ordinal() - s.first_ordinal();
    let keep_dates = ms[keep].as_ref().expect("kept").1;
    let gone_place = g.node(&gone_key.0).and_then(|n| n.attrs.place.clone());
    let _ = g.merge_nodes_deferred(&gone_key.0, &keep_id);
    let n = g.node_mut(&keep_id).unwrap();
    if width(gone_key.1) < width(keep_dates) {
        n.attrs.start = Some(gone_key.1.0);
        n.attrs.end = gone_key.1.1;
    }
    if n.attrs.place.is_none() {
        n.attrs.place = gone_place;
    }
    let key = meeting_key(g, g.node(&keep_id).expect("kept")).expect("a merged meeting keeps its date");
    blocks.add(keep, &key);
    ms[keep] = Some(key);
}

/// "Kono–Lavrov talks, Munich" from the merged node's participants, type and place.
fn relabel(g: &mut Graph, id: &str) {
    let mut names: Vec<String> = g
        .neighbours(id, Relation::ParticipatedIn, Direction::Incoming)
        .into_iter()
        .filter_map(|p| g.node(p))
        .map(|p| p.label.rsplit(' ').next().unwrap_or("").to_string())
        .collect();
    names.dedup();
    let Some(n) = g.node_mut(id) else { return };
    let ty = n.attrs.meeting_type.clone().unwrap_or_else(|| "meeting".into());
    let head = if names.is_empty() { ty } else { format!("{} {ty}", names.join("–")) };
    let old = std::mem::take(&mut n.label);
    n.label = match &n.attrs.place {
        Some(p) => format!("{head}, {p}"),
        None => format!("{head} ({})", n.attrs.start.map(|d| d.to_string()).unwrap_or_default()),
    };
    if old != n.label && !n.attrs.aliases.contains(&old) {
        n.attrs.aliases.push(old);
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::extract::{Extract, Extractor};
    use crate::graph::{NodeKind, Relation};

    /// `text @ publication date => (meeting place node id, its kind)` for every `held_in` edge.
    macro_rules! held_in {
        ($($name:ident: $text:expr, $pubd:expr => [$(($id:expr, $kind:expr)),* $(,)?],)*) => {$(
            #[test]
            fn $name() {
                let ex = Extractor::new(None).unwrap();
                let doc = Document::from_text("d", $text, Some($pubd.parse().unwrap()));
                let g = ex.document(&doc).graph;
                let got: Vec<(String, NodeKind)> = g
                    .edges_of(Relation::HeldIn)
                    .iter()
                    .map(|e| (e.target.clone(), g.node(&e.target).unwrap().kind))
                    .collect();
                let want: Vec<(String, NodeKind)> = vec![$(($id.to_string(), $kind)),*];
                assert_eq!(got, want);
            }
        )*};
    }

    #[test]
    fn planned_then_held_across_documents_takes_the_later_status() {
        use crate::corpus::Corpus;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "The envoy Taro Kono will hold talks with Sergey Lavrov in Moscow on Jan. 14.").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Taro Kono held talks with Sergey Lavrov in Moscow on Monday.").unwrap();
        std::fs::write(dir.path().join("manifest.csv"), "file,date,source,title\na.txt,2019-01-06,x,a\nb.txt,2019-01-16,x,b\n").unwrap();
        let corpus = Corpus::scan(dir.path()).unwrap();
        let ex = Extractor::new(None).unwrap();
        let out = crate::extract::run(&corpus, &ex, &indicatif::ProgressBar::hidden());
        let ms = out.graph.nodes_of(NodeKind::Meeting);
        assert_eq!(ms.len(), 1, "{:?}", ms.iter().map(|m| (&m.id, &m.attrs.status)).collect::<Vec<_>>());
        assert_eq!(ms[0].attrs.status.as_deref(), Some("held"));
    }

    /// A meeting told by three documents keeps as aliases the labels documents
    /// gave it, not the labels it had between merges.
    #[test]
    fn merged_meeting_aliases_are_labels_read_in_documents() {
        use crate::corpus::Corpus;
        let texts = [
            ("a.txt", "2019-01-16", "Taro Kono held talks with Sergey Lavrov in Moscow on Jan. 14."),
            ("b.txt", "2019-01-16", "Shinzo Abe and Sergey Lavrov met in Moscow on Jan. 15."),
            ("c.txt", "2019-01-17", "Vladimir Putin met Shinzo Abe in Moscow on Jan. 16."),
        ];
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = String::from("file,date,source,title\n");
        let ex = Extractor::new(None).unwrap();
        let mut read = Vec::new();
        for (f, d, t) in texts {
            std::fs::write(dir.path().join(f), t).unwrap();
            manifest.push_str(&format!("{f},{d},x,{f}\n"));
            let g = ex.document(&Document::from_text(f, t, Some(d.parse().unwrap()))).graph;
            read.extend(g.nodes_of(NodeKind::Meeting).iter().map(|m| m.label.clone()));
        }
        std::fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
        let out = crate::extract::run(&Corpus::scan(dir.path()).unwrap(), &ex, &indicatif::ProgressBar::hidden());
        let ms = out.graph.nodes_of(NodeKind::Meeting);
        assert_eq!(ms.len(), 1, "{:?}", ms.iter().map(|m| &m.label).collect::<Vec<_>>());
        // Merged across documents, so the label names all four.
        assert_eq!(ms[0].label.matches('–').count(), 3, "{}", ms[0].label);
        for a in &ms[0].attrs.aliases {
            assert!(read.contains(a), "alias {a:?} is no document's label; read: {read:?}");
        }
        assert!(!ms[0].attrs.aliases.contains(&ms[0].label));
    }

    /// `Blocks::candidates` returns exactly the meetings that share a participant
    /// and overlap the widened days, as a scan of every meeting would, for day,
    /// month, year and decade-long ranges and after a meeting's range changes.
    #[test]
    fn blocks_find_what_a_full_scan_finds() {
        use super::{Blocks, MeetingKey};
        use crate::date::PartialDate;
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut ms: Vec<MeetingKey> = Vec::new();
        for i in 0..600 {
            let y = 1956 + next(60) as i32;
            let start = match next(4) {
                0 => PartialDate::year(y),
                1 => PartialDate::month(y, 1 + next(12) as u8).unwrap(),
                _ => PartialDate::day(y, 1 + next(12) as u8, 1 + next(28) as u8).unwrap(),
            };
            let end = (next(10) == 0).then(|| PartialDate::year(y + next(12) as i32));
            let parts = (0..1 + next(3)).map(|_| format!("p{}", next(8))).collect();
            ms.push((format!("m{i}"), (start, end), None, parts));
        }
        let mut blocks = Blocks::default();
        for (i, m) in ms.iter().enumerate() {
            blocks.add(i, m);
        }
        // Narrow some ranges, as an absorbed meeting with a narrower date does.
        for i in (0..ms.len()).step_by(7) {
            ms[i].1 = (PartialDate::day(1960 + next(50) as i32, 6, 15).unwrap(), None);
            blocks.add(i, &ms[i]);
        }
        let widened = |m: &MeetingKey| Blocks::widened(m);
        for m in &ms {
            let (lo, hi) = widened(m);
            let want: Vec<usize> = (0..ms.len())
                .filter(|&j| ms[j].3.iter().any(|p| m.3.contains(p)))
                .filter(|&j| {
                    let (a, b) = widened(&ms[j]);
                    a <= hi && lo <= b
                })
                .collect();
            assert_eq!(blocks.candidates(m), want, "{}", m.0);
        }
    }

    held_in! {
        island_visit_is_held_on_the_island: "Medvedev visited Kunashir on Nov. 1.", "2010-11-03" =>
            [("kunashiri", NodeKind::Island)],
        city_summit_is_held_in_a_place: "Abe met Putin in Sochi on May 6.", "2016-05-08" => [("sochi", NodeKind::Place)],
    }
}
