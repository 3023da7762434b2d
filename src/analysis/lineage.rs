//! The lineage of proposals: proposals and their `derived_from` links form a
//! DAG; each proposal gets a primary parent, a root and a depth, and what
//! changed from its parent. Renders the timeline, `lineage.csv` and
//! `lineage.dot`. A cycle is reported by name, never followed: [`Lineage::build`]
//! refuses it, [`Lineage::build_breaking_cycles`] sets one link of each cycle
//! aside (named in [`Lineage::broken`]) and traces the rest.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;
use std::io::Write;

use petgraph::graph::NodeIndex;

use crate::date::PartialDate;
use crate::graph::{Graph, Node, NodeKind, Relation};

/// Proposal families in the order they are shown; other families follow alphabetically.
pub const FAMILIES: &[&str] = &[
    "two-island",
    "third-way",
    "lease",
    "four-island",
    "treaty-first",
    "peace-treaty",
    "joint-economic",
    "package-deal",
];

/// Shown for proposals without a family.
pub const NO_FAMILY: &str = "(no family)";

/// Why the lineage cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineageError {
    /// The `derived_from` links between proposals loop; the ids go round the cycle.
    #[error("derived_from links between proposals form a cycle: {}", .0.join(" → "))]
    Cycle(Vec<String>),
}

/// A term in which two proposals can differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    Islands,
    Arrangement,
    Conditions,
    Proposer,
    Status,
}

impl Term {
    pub const ALL: [Term; 5] = [Term::Islands, Term::Arrangement, Term::Conditions, Term::Proposer, Term::Status];

    pub fn as_str(self) -> &'static str {
        match self {
            Term::Islands => "islands",
            Term::Arrangement => "arrangement",
            Term::Conditions => "conditions",
            Term::Proposer => "proposer",
            Term::Status => "status",
        }
    }

    /// Whether the term is a set of values (shown as additions and removals).
    pub fn is_list(self) -> bool {
        matches!(self, Term::Islands | Term::Conditions | Term::Proposer)
    }

    /// The term's values on a node, sorted for lists.
    pub fn values(self, n: &Node) -> Vec<String> {
        let a = &n.attrs;
        let mut v = match self {
            Term::Islands => a.islands.clone(),
            Term::Conditions => a.conditions.clone(),
            Term::Proposer => a.proposer.clone(),
            Term::Arrangement => a.arrangement.iter().cloned().collect(),
            Term::Status => a.status.iter().cloned().collect(),
        };
        if self.is_list() {
            v.sort();
            v.dedup();
        }
        v
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one term differs between an earlier and a later proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub term: Term,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

impl Change {
    /// Values present after but not before.
    pub fn added(&self) -> Vec<&str> {
        self.after.iter().filter(|x| !self.before.contains(x)).map(String::as_str).collect()
    }

    /// Values present before but not after.
    pub fn removed(&self) -> Vec<&str> {
        self.before.iter().filter(|x| !self.after.contains(x)).map(String::as_str).collect()
    }
}

impl fmt::Display for Change {
    /// `islands +kunashiri +etorofu`, `status agreed → withdrawn`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.term.is_list() {
            let parts: Vec<String> = self
                .added()
                .iter()
                .map(|x| format!("+{x}"))
                .chain(self.removed().iter().map(|x| format!("−{x}")))
                .collect();
            write!(f, "{} {}", self.term, parts.join(" "))
        } else {
            let show = |v: &[String]| if v.is_empty() { "—".to_string() } else { v.join(", ") };
            write!(f, "{} {} → {}", self.term, show(&self.before), show(&self.after))
        }
    }
}

/// The terms in which `later` differs from `earlier`, in [`Term::ALL`] order.
pub fn diff(earlier: &Node, later: &Node) -> Vec<Change> {
    Term::ALL
        .into_iter()
        .filter_map(|term| {
            let (before, after) = (term.values(earlier), term.values(later));
            (before != after).then_some(Change { term, before, after })
        })
        .collect()
}

/// One proposal in its line of descent.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub family: Option<String>,
    pub date: Option<PartialDate>,
    /// The parent its line runs through: among its `derived_from` targets, one
    /// of the same family first, then the latest, then the smallest id.
    pub parent: Option<String>,
    /// The other proposals it derives from, sorted.
    pub other_parents: Vec<String>,
    /// The first proposal of its line (itself when it has no parent).
    pub root: String,
    /// Steps from the root along primary parents.
    pub depth: usize,
    /// What changed from the primary parent.
    pub changes: Vec<Change>,
}

impl Entry {
    pub fn family_name(&self) -> &str {
        self.family.as_deref().unwrap_or(NO_FAMILY)
    }

    pub fn year(&self) -> String {
        self.date.map(|d| d.year.to_string()).unwrap_or_else(|| "????".into())
    }
}

/// The lineage of every proposal of a graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    /// Sorted by family (in [`FAMILIES`] order), date (undated last), id.
    pub entries: Vec<Entry>,
    index: BTreeMap<String, usize>,
    /// Links set aside to break cycles (only by [`Lineage::build_breaking_cycles`]).
    pub broken: Vec<BrokenLink>,
}

/// A `derived_from` link left out of the lineage because it closed a cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    /// The cycle as found, ids going round it (first == last).
    pub cycle: Vec<String>,
    /// The link set aside: `child` derived from `parent`.
    pub child: String,
    pub parent: String,
}

/// Ids of a cycle shown at each end when it is too long to read whole.
const CYCLE_ENDS_SHOWN: usize = 4;

impl fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.cycle;
        let path = if c.len() <= 3 * CYCLE_ENDS_SHOWN {
            c.join(" → ")
        } else {
            format!(
                "{} → … {} more … → {}",
                c[..CYCLE_ENDS_SHOWN].join(" → "),
                c.len() - 2 * CYCLE_ENDS_SHOWN,
                c[c.len() - CYCLE_ENDS_SHOWN..].join(" → ")
            )
        };
        write!(
            f,
            "derived_from links between proposals form a cycle: {path}; the link {} → {} is left out of the lineage",
            self.child, self.parent
        )
    }
}

/// Sort key of a family: listed ones in order, others after, alphabetically, no family last.
pub fn family_key(f: Option<&str>) -> (usize, String) {
    match f {
        Some(f) => (FAMILIES.iter().position(|x| *x == f).unwrap_or(FAMILIES.len()), f.to_string()),
        None => (FAMILIES.len() + 1, String::new()),
    }
}

/// Chronological key: dated first, by date, then id.
fn time_key(date: Option<PartialDate>, id: &str) -> (bool, Option<PartialDate>, String) {
    (date.is_none(), date, id.to_string())
}

/// A cycle inside a strongly connected component: walk to the smallest
/// successor inside it until a node repeats.
fn find_cycle(ids: &[&str], edges: &BTreeMap<usize, BTreeSet<usize>>, scc: &BTreeSet<usize>) -> Vec<String> {
    let start = *scc.iter().next().expect("non-empty component");
    let mut path = vec![start];
    let mut seen = BTreeMap::from([(start, 0usize)]);
    let mut at = start;
    loop {
        let next = *edges[&at].iter().find(|t| scc.contains(t)).expect("every node of a cycle has a successor in it");
        if let Some(&i) = seen.get(&next) {
            let mut cycle: Vec<String> = path[i..].iter().map(|&x| ids[x].to_string()).collect();
            cycle.push(ids[next].to_string());
            return cycle;
        }
        seen.insert(next, path.len());
        path.push(next);
        at = next;
    }
}

impl Lineage {
    /// Build the lineage of the proposals of `g` from their `derived_from`
    /// links (links to or from other node kinds are ignored).
    ///
    /// # Complexity
    /// O(|P| log |P| + |L|) for |P| proposals and |L| links.
    ///
    /// # Example
    /// ```
    /// use kurilnet::analysis::lineage::Lineage;
    /// let lin = Lineage::build(&kurilnet::analysis::testkit::sample()).unwrap();
    /// let e = lin.get("p-2019-plus-alpha").unwrap();
    /// assert_eq!(e.root, "p-1956-joint-declaration");
    /// assert_eq!(e.depth, 4);
    /// ```
    pub fn build(g: &Graph) -> Result<Lineage, LineageError> {
        Self::trace(g, false)
    }

    /// Like [`Lineage::build`], but a cycle does not stop it: in each cycle
    /// the link to the newest parent (latest date; then the greatest ids) is set
    /// aside and listed in [`Lineage::broken`], until the links form a DAG.
    ///
    /// # Complexity
    /// O((|P| + |L|) · r) where r ≤ the number of cycles broken (1 without cycles).
    pub fn build_breaking_cycles(g: &Graph) -> Lineage {
        Self::trace(g, true).expect("cycles are broken, not reported")
    }

    fn trace(g: &Graph, break_cycles: bool) -> Result<Lineage, LineageError> {
        let props = g.nodes_of(NodeKind::Proposal);
        let ids: Vec<&str> = props.iter().map(|n| n.id.as_str()).collect();
        let pos: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        // child → parents
        let mut parents: BTreeMap<usize, BTreeSet<usize>> = (0..ids.len()).map(|i| (i, BTreeSet::new())).collect();
        let mut dag = petgraph::Graph::<(), ()>::with_capacity(ids.len(), 0);
        for _ in &ids {
            dag.add_node(());
        }
        for e in g.edges_of(Relation::DerivedFrom) {
            let (Some(&c), Some(&p)) = (pos.get(e.source.as_str()), pos.get(e.target.as_str())) else { continue };
            if parents.get_mut(&c).expect("all proposals keyed").insert(p) {
                dag.add_edge(NodeIndex::new(p), NodeIndex::new(c), ());
            }
        }
        let mut broken = Vec::new();
        let order = loop {
            if let Ok(o) = petgraph::algo::toposort(&dag, None) {
                break o;
            }
            let cyclic: Vec<BTreeSet<usize>> = petgraph::algo::tarjan_scc(&dag)
                .into_iter()
                .map(|c| c.into_iter().map(|x| x.index()).collect::<BTreeSet<usize>>())
                .filter(|c| {
                    c.len() > 1 || parents[c.first().expect("non-empty")].contains(c.first().expect("non-empty"))
                })
                .collect();
            if !break_cycles {
                let scc = cyclic.into_iter().min().expect("toposort failed, so some component is a cycle");
                return Err(LineageError::Cycle(find_cycle(&ids, &parents, &scc)));
            }
            for scc in cyclic {
                let cycle = find_cycle(&ids, &parents, &scc);
                // child derives from parent along the cycle; drop the link to the newest parent.
                let (c, p) = cycle
                    .windows(2)
                    .map(|w| (pos[w[0].as_str()], pos[w[1].as_str()]))
                    .max_by_key(|&(c, p)| (props[p].attrs.start, ids[p], ids[c]))
                    .expect("a cycle has a link");
                parents.get_mut(&c).expect("all proposals keyed").remove(&p);
                if let Some(e) = dag.find_edge(NodeIndex::new(p), NodeIndex::new(c)) {
                    dag.remove_edge(e);
                }
                broken.push(BrokenLink { cycle, child: ids[c].to_string(), parent: ids[p].to_string() });
            }
        };
        let mut entries: Vec<Option<Entry>> = vec![None; ids.len()];
        for v in order {
            let i = v.index();
            let node = props[i];
            let fam = node.attrs.family.clone();
            let parent = parents[&i].iter().copied().min_by_key(|&p| {
                let pn = props[p];
                let other_family = pn.attrs.family != fam;
                // Latest first: reverse the date order (undated sort as oldest).
                (other_family, std::cmp::Reverse(pn.attrs.start), pn.id.clone())
            });
            let (root, depth, changes) = match parent {
                Some(p) => {
                    let pe = entries[p].as_ref().expect("parents come first in topological order");
                    (pe.root.clone(), pe.depth + 1, diff(props[p], node))
                }
                None => (node.id.clone(), 0, Vec::new()),
            };
            entries[i] = Some(Entry {
                id: node.id.clone(),
                family: fam,
                date: node.attrs.start,
                parent: parent.map(|p| ids[p].to_string()),
                other_parents: parents[&i]
                    .iter()
                    .filter(|&&p| Some(p) != parent)
                    .map(|&p| ids[p].to_string())
                    .collect(),
                root,
                depth,
                changes,
            });
        }
        let mut entries: Vec<Entry> = entries.into_iter().map(|e| e.expect("every proposal visited")).collect();
        entries.sort_by(|a, b| {
            (family_key(a.family.as_deref()), time_key(a.date, &a.id))
                .cmp(&(family_key(b.family.as_deref()), time_key(b.date, &b.id)))
        });
        let index = entries.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        Ok(Lineage { entries, index, broken })
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// Families present, in display order, with their entries (by date).
    pub fn families(&self) -> Vec<(&str, Vec<&Entry>)> {
        let mut out: Vec<(&str, Vec<&Entry>)> = Vec::new();
        for e in &self.entries {
            match out.last_mut() {
                Some((f, v)) if *f == e.family_name() => v.push(e),
                _ => out.push((e.family_name(), vec![e])),
            }
        }
        out
    }

    /// The line from the root to `id` along primary parents, oldest first.
    pub fn path(&self, id: &str) -> Vec<&Entry> {
        let mut out = Vec::new();
        let mut at = self.get(id);
        while let Some(e) = at {
            out.push(e);
            at = e.parent.as_deref().and_then(|p| self.get(p));
        }
        out.reverse();
        out
    }

    /// Every proposal `id` derives from, directly or not, through any link.
    pub fn ancestors(&self, id: &str) -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<&str> = VecDeque::from([id]);
        while let Some(x) = queue.pop_front() {
            let Some(e) = self.get(x) else { continue };
            for p in e.parent.iter().chain(&e.other_parents) {
                if seen.insert(p.as_str()) {
                    queue.push_back(p);
                }
            }
        }
        seen
    }
}

/// Labels of the persons (or other actors) with a `proposed` edge to a proposal, sorted by id.
pub fn proposed_by(g: &Graph, id: &str) -> Vec<String> {
    g.neighbours(id, Relation::Proposed, petgraph::Direction::Incoming)
        .into_iter()
        .filter_map(|a| g.node(a))
        .map(|n| n.label.clone())
        .collect()
}

/// First evidence of a node as `doc#sentence` and the sentence.
pub fn evidence_of(n: &Node) -> Option<(String, &str)> {
    n.evidence.first().map(|e| (format!("{}#{}", e.doc, e.sentence), &*e.text))
}

/// Print the timeline of each family (or of one, `family`), one block per proposal.
pub fn write_timeline(g: &Graph, lin: &Lineage, family: Option<&str>, out: &mut impl Write) -> std::io::Result<()> {
    let mut first = true;
    for (fam, entries) in lin.families() {
        if family.is_some_and(|f| f != fam) {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let roots: BTreeSet<&str> = entries.iter().map(|e| e.root.as_str()).collect();
        let roots: Vec<&str> = roots.into_iter().collect();
        writeln!(
            out,
            "{fam} — {} proposal{}, root{} {}",
            entries.len(),
            plural(entries.len()),
            plural(roots.len()),
            roots.join(", ")
        )?;
        let width = entries.iter().map(|e| e.id.chars().count()).max().unwrap_or(0);
        for e in entries {
            let n = g.node(&e.id).expect("lineage entries are graph nodes");
            let date = e.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
            let proposer = if n.attrs.proposer.is_empty() { "?".to_string() } else { n.attrs.proposer.join("+") };
            let status = n.attrs.status.as_deref().unwrap_or("?");
            let by = proposed_by(g, &e.id);
            let by = if by.is_empty() { String::new() } else { format!(" (by {})", by.join(", ")) };
            writeln!(out, "  {date:<10}  {:<width$}  {proposer:<6} {status}{by}", e.id)?;
            let pad = " ".repeat(14);
            if n.label != e.id {
                writeln!(out, "{pad}{}", n.label)?;
            }
            match &e.parent {
                None => {
                    let terms: Vec<String> = Term::ALL
                        .iter()
                        .filter(|t| **t != Term::Proposer && **t != Term::Status)
                        .filter_map(|t| {
                            let v = t.values(n);
                            (!v.is_empty()).then(|| format!("{t}: {}", v.join(", ")))
                        })
                        .collect();
                    writeln!(out, "{pad}root; {}", terms.join("; "))?;
                }
                Some(p) => {
                    let what = if e.changes.is_empty() {
                        "no change in terms".to_string()
                    } else {
                        e.changes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; ")
                    };
                    writeln!(out, "{pad}from {p}: {what}")?;
                }
            }
            for o in &e.other_parents {
                let of = lin.get(o).map(|x| x.family_name()).unwrap_or(NO_FAMILY);
                writeln!(out, "{pad}also from {o} ({of})")?;
            }
            if let Some((at, text)) = evidence_of(n) {
                writeln!(out, "{pad}{at}: \"{text}\"")?;
            }
        }
    }
    if first {
        match family {
            Some(f) => writeln!(out, "no proposal of family {f:?}")?,
            None => writeln!(out, "no proposals in the graph")?,
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Render `lineage.csv`: one row per proposal in lineage order.
pub fn to_csv(g: &Graph, lin: &Lineage) -> anyhow::Result<Vec<u8>> {
    use crate::export::csv::cell;
    let mut w = crate::export::csv::writer();
    w.write_record([
        "id",
        "label",
        "family",
        "date",
        "proposer",
        "proposed_by",
        "status",
        "arrangement",
        "islands",
        "conditions",
        "parent",
        "other_parents",
        "root",
        "depth",
        "changes",
        "evidence_at",
        "evidence",
    ])?;
    for e in &lin.entries {
        let n = g.node(&e.id).expect("lineage entries are graph nodes");
        let a = &n.attrs;
        let (at, text) = evidence_of(n).unwrap_or_default();
        w.write_record([
            cell(&e.id),
            cell(&n.label),
            cell(e.family.as_deref().unwrap_or_default()),
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            cell(&a.proposer.join(";")),
            cell(&proposed_by(g, &e.id).join(";")),
            cell(a.status.as_deref().unwrap_or_default()),
            cell(a.arrangement.as_deref().unwrap_or_default()),
            cell(&a.islands.join(";")),
            cell(&a.conditions.join(";")),
            cell(e.parent.as_deref().unwrap_or_default()),
            cell(&e.other_parents.join(";")),
            cell(&e.root),
            e.depth.to_string(),
            cell(&e.changes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("; ")),
            at,
            cell(text),
        ])?;
    }
    crate::export::csv::finish(w, "lineage CSV")
}

pub mod dot;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::{Builder, sample};
    use crate::graph::Edge;
    use proptest::prelude::*;

    #[test]
    fn sample_two_island_line_runs_from_1956_to_2019() {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        let path: Vec<&str> = lin.path("p-2019-plus-alpha").iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            path,
            [
                "p-1956-joint-declaration",
                "p-1960-withdrawal",
                "p-2000-1956-basis",
                "p-2018-singapore",
                "p-2019-plus-alpha"
            ]
        );
        let e = lin.get("p-2019-plus-alpha").unwrap();
        assert_eq!(e.other_parents, ["p-2016-joint-economic"], "cross-family parent kept aside");
        let w = lin.get("p-1960-withdrawal").unwrap();
        let statuses: Vec<String> = w.changes.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            statuses,
            ["conditions +withdrawal of foreign troops from Japan", "proposer −JP", "status agreed → withdrawn"]
        );
        let fams: Vec<&str> = lin.families().iter().map(|(f, _)| *f).collect();
        assert_eq!(fams, ["two-island", "lease", "four-island", "joint-economic"], "FAMILIES order");
        assert_eq!(lin.get("p-1993-tokyo-declaration").unwrap().root, "p-1956-joint-declaration");
        assert!(lin.ancestors("p-2019-plus-alpha").contains("p-1990-lease"), "through joint-economic");
    }

    #[test]
    fn primary_parent_prefers_same_family_then_latest() {
        let mut b = Builder::new();
        b.proposal("p-a", "1956", "two-island", "JP", "", "sovereignty", "agreed", "");
        b.proposal("p-b", "1990", "lease", "SU", "", "lease", "floated", "");
        b.proposal("p-c", "1960", "two-island", "SU", "", "sovereignty", "withdrawn", "");
        b.proposal("p-d", "2000", "two-island", "RU", "", "sovereignty", "revived", "");
        for (c, p) in [("p-d", "p-a"), ("p-d", "p-b"), ("p-d", "p-c")] {
            b.edge(c, p, Relation::DerivedFrom, 1);
        }
        let lin = Lineage::build(&b.graph).unwrap();
        let d = lin.get("p-d").unwrap();
        assert_eq!(d.parent.as_deref(), Some("p-c"));
        assert_eq!(d.other_parents, ["p-a", "p-b"]);
    }

    #[test]
    fn cycles_are_reported_by_name() {
        let mut g = sample();
        g.upsert_edge(Edge::new("p-1956-joint-declaration", "p-2018-singapore", Relation::DerivedFrom)).unwrap();
        let err = Lineage::build(&g).unwrap_err();
        let LineageError::Cycle(c) = &err;
        assert_eq!(c.first(), c.last(), "closes on itself: {c:?}");
        assert!(c.contains(&"p-2000-1956-basis".to_string()));
        assert!(err.to_string().starts_with("derived_from links between proposals form a cycle: "));
        let mut g = sample();
        g.upsert_edge(Edge::new("p-1990-lease", "p-1990-lease", Relation::DerivedFrom)).unwrap();
        assert_eq!(
            Lineage::build(&g).unwrap_err(),
            LineageError::Cycle(vec!["p-1990-lease".into(), "p-1990-lease".into()])
        );
    }

    #[test]
    fn a_long_cycle_is_named_by_its_ends() {
        let cycle: Vec<String> = (0..30).map(|i| format!("p{i}")).chain(["p0".to_string()]).collect();
        let b = BrokenLink { cycle, child: "p3".into(), parent: "p4".into() };
        let text = b.to_string();
        assert!(text.contains(": p0 → p1 → p2 → p3 → … 23 more … → p27 → p28 → p29 → p0; the link p3 → p4"), "{text}");
        let short = BrokenLink { cycle: vec!["a".into(), "b".into(), "a".into()], child: "a".into(), parent: "b".into() };
        assert!(short.to_string().contains(": a → b → a;"));
    }

    #[test]
    fn cycles_are_broken_at_the_link_to_the_newest_parent() {
        let mut g = sample();
        g.upsert_edge(Edge::new("p-1956-joint-declaration", "p-2018-singapore", Relation::DerivedFrom)).unwrap();
        g.upsert_edge(Edge::new("p-1990-lease", "p-1990-lease", Relation::DerivedFrom)).unwrap();
        let strict = Lineage::build(&g).unwrap_err();
        let lin = Lineage::build_breaking_cycles(&g);
        let left_out: Vec<(&str, &str)> = lin.broken.iter().map(|b| (b.child.as_str(), b.parent.as_str())).collect();
        assert_eq!(left_out, [("p-1956-joint-declaration", "p-2018-singapore"), ("p-1990-lease", "p-1990-lease")]);
        let LineageError::Cycle(first) = strict;
        assert!(lin.broken.iter().any(|b| b.cycle == first), "the strict error names one of the broken cycles");
        assert!(lin.broken[0].to_string().contains("form a cycle: "), "{}", lin.broken[0]);
        assert_eq!(lin.entries.len(), g.nodes_of(NodeKind::Proposal).len(), "every proposal traced");
        assert_eq!(lin, Lineage::build_breaking_cycles(&g), "deterministic");
        assert_eq!(lin.get("p-1956-joint-declaration").unwrap().depth, 0, "the old root stays a root");
        assert!(Lineage::build_breaking_cycles(&sample()).broken.is_empty());
    }

    #[test]
    fn timeline_and_csv_show_changes_and_evidence() {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        let mut out = Vec::new();
        write_timeline(&g, &lin, Some("two-island"), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("two-island — 5 proposals, root p-1956-joint-declaration\n"), "{text}");
        assert!(text.contains("from p-1956-joint-declaration: conditions +withdrawal of foreign troops from Japan"));
        assert!(text.contains("also from p-2016-joint-economic (joint-economic)"));
        assert!(!text.contains("lease —"));
        let mut out = Vec::new();
        write_timeline(&g, &lin, Some("nonsense"), &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "no proposal of family \"nonsense\"\n");
        let csv = String::from_utf8(to_csv(&g, &lin).unwrap()).unwrap();
        assert_eq!(csv.lines().count(), 1 + g.nodes_of(NodeKind::Proposal).len());
        assert!(
            csv.contains("p-2019-plus-alpha,Two islands plus alpha,two-island,2019-01,JP,Shinzo Abe,floated"),
            "{csv}"
        );
        assert!(text.contains("  1956-10-19  p-1956-joint-declaration  JP+SU  agreed (by Ichiro Hatoyama, Nikita Khrushchev)\n              1956 Joint Declaration: Habomai and Shikotan after a treaty\n              root; "), "{text}");
    }

    /// A random DAG of proposals: links only from a later index to an earlier one.
    fn dag() -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
        (1usize..25).prop_flat_map(|n| {
            let links = proptest::collection::vec((0..n, 0..n), 0..(3 * n));
            (
                Just(n),
                links.prop_map(|v| v.into_iter().filter(|(a, b)| a != b).map(|(a, b)| (a.max(b), a.min(b))).collect()),
            )
        })
    }

    fn graph_of(n: usize, links: &[(usize, usize)]) -> Graph {
        let mut b = Builder::new();
        for i in 0..n {
            let fam = ["two-island", "lease", "other"][i % 3];
            b.proposal(
                &format!("p-{i:02}"),
                &format!("{}", 1950 + i * 3 % 70),
                fam,
                "JP",
                "",
                "sovereignty",
                "offered",
                "",
            );
        }
        for (c, p) in links {
            b.edge(&format!("p-{c:02}"), &format!("p-{p:02}"), Relation::DerivedFrom, 1);
        }
        b.graph
    }

    proptest! {
        #[test]
        fn lineage_is_total_and_consistent_on_random_dags((n, links) in dag()) {
            let g = graph_of(n, &links);
            let lin = Lineage::build(&g).unwrap();
            prop_assert_eq!(lin.entries.len(), n);
            for e in &lin.entries {
                match &e.parent {
                    None => { prop_assert_eq!(e.depth, 0); prop_assert_eq!(&e.root, &e.id); prop_assert!(e.other_parents.is_empty()); }
                    Some(p) => {
                        let pe = lin.get(p).unwrap();
                        prop_assert_eq!(e.depth, pe.depth + 1);
                        prop_assert_eq!(&e.root, &pe.root);
                    }
                }
                let path = lin.path(&e.id);
                prop_assert_eq!(path.len(), e.depth + 1);
                prop_assert_eq!(&path[0].id, &e.root);
                prop_assert!(!lin.ancestors(&e.id).contains(e.id.as_str()), "acyclic");
            }
        }

        #[test]
        fn a_back_link_on_a_path_is_reported_as_a_cycle((n, links) in dag()) {
            prop_assume!(!links.is_empty());
            let mut g = graph_of(n, &links);
            let (c, p) = links[0];
            g.upsert_edge(Edge::new(format!("p-{p:02}"), format!("p-{c:02}"), Relation::DerivedFrom)).unwrap();
            match Lineage::build(&g) {
                Err(LineageError::Cycle(cyc)) => {
                    prop_assert!(cyc.len() >= 3);
                    prop_assert_eq!(cyc.first(), cyc.last());
                    for w in cyc.windows(2) {
                        // The cycle follows the derived_from edges: each derives from the next.
                        let parents = g.neighbours(&w[0], Relation::DerivedFrom, petgraph::Direction::Outgoing);
                        prop_assert!(parents.contains(&w[1].as_str()), "{} derives from {}", w[0], w[1]);
                    }
                }
                Ok(_) => prop_assert!(false, "cycle not detected"),
            }
        }
    }
}
