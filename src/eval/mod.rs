//! Extraction quality: score an export against a gold annotation with
//! precision, recall and F1 per category (persons, meetings, proposals,
//! participation, lineage) and their macro mean.
//!
//! A faithful port of the reference scorer `score.py` (same normalisation,
//! same greedy one-to-one matching and tie-breaking, same counts), so the two
//! agree to the last decimal. It scores; it neither extracts nor writes files.

pub mod gold;
pub mod norm;
pub mod report;
pub mod table;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

use serde::Serialize;

pub use gold::Gold;
pub use table::Export;

use gold::GoldProposal;
use norm::{interval, leading_year, norm_name, norm_word, split_list};
use table::NodeRow;

/// Why scoring could not start.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{} is not a valid gold file: {message}", path.display())]
    Gold { path: PathBuf, message: String },
    #[error("cannot parse {} as CSV", path.display())]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{} must have columns {need}; missing {missing}, it has {has}", path.display())]
    Columns { path: PathBuf, need: String, missing: String, has: String },
}

/// Precision, recall and F1 of one category. `matched` counts gold items found
/// (for lineage: gold links the tool's lineage reaches).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Category {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Category {
    /// Scores from counts: `right` of the `found` tool items are right and
    /// `matched` of the `gold` items are found. Nothing found scores precision
    /// 1 only when nothing was to be found; an empty gold scores recall 1.
    pub fn new(gold: usize, found: usize, right: usize, matched: usize) -> Category {
        let precision = if found > 0 {
            right as f64 / found as f64
        } else if gold == 0 {
            1.0
        } else {
            0.0
        };
        let recall = if gold > 0 { matched as f64 / gold as f64 } else { 1.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Category { gold, found, matched, precision, recall, f1 }
    }
}

/// The five categories, in report order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub persons: Category,
    pub meetings: Category,
    pub proposals: Category,
    pub participation: Category,
    pub lineage: Category,
}

impl Scores {
    /// `(name, category)` in report order.
    pub fn rows(&self) -> [(&'static str, &Category); 5] {
        [
            ("persons", &self.persons),
            ("meetings", &self.meetings),
            ("proposals", &self.proposals),
            ("participation", &self.participation),
            ("lineage", &self.lineage),
        ]
    }

    /// Unweighted mean of the five F1 scores.
    pub fn macro_f1(&self) -> f64 {
        self.rows().iter().fold(0.0, |acc, (_, c)| acc + c.f1) / 5.0
    }
}

/// How many matched items carry the gold value of an attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Attribute {
    pub right: usize,
    pub of: usize,
}

/// Attribute accuracy on matched items: persons' country, meetings' status
/// (compared as slugs, so `HELD` is `held`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Attributes {
    #[serde(rename = "person country")]
    pub person_country: Attribute,
    #[serde(rename = "meeting status")]
    pub meeting_status: Attribute,
}

/// What was missed (gold names or ids) and what the tool found that the gold
/// lacks (labels, with dates for meetings and proposals), in file order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Details {
    pub persons_missed: Vec<String>,
    pub persons_not_in_gold: Vec<String>,
    pub meetings_missed: Vec<String>,
    pub meetings_not_in_gold: Vec<String>,
    pub proposals_missed: Vec<String>,
    pub proposals_not_in_gold: Vec<String>,
    pub lineage_links_missed: Vec<String>,
}

/// The result of scoring an export against a gold annotation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub scores: Scores,
    pub attributes: Attributes,
    pub details: Details,
}

impl Evaluation {
    pub fn macro_f1(&self) -> f64 {
        self.scores.macro_f1()
    }
}

/// Score an export against a gold annotation.
///
/// Persons match on normalised names and aliases; meetings on overlapping
/// dates plus a shared participant (or the place, for gold meetings without
/// participants); proposals on family, year ±1 and overlapping proposers;
/// participation counts person–meeting links on matched meetings; lineage
/// compares `derived_from` edges through ancestor closure. Meetings and
/// proposals pair greedily, best score first. `optional` and `ignore` gold
/// items are neutral. Runs in O(tool × gold) per category.
///
/// ```
/// use kurilnet::eval::{score, Export, Gold};
/// let gold = Gold::parse("[[person]]\nid = \"k\"\nname = \"Taro Kono\"\ncountry = \"JP\"\n").unwrap();
/// let nodes = "Id,Label,kind,country\nk1,Mr. KONO Taro,person,JP\nk2,Taro Kono,person,JP\n";
/// let export = Export::from_csv(("nodes.csv".as_ref(), nodes.as_bytes()), ("edges.csv".as_ref(), b"")).unwrap();
/// let eval = score(&gold, &export);
/// assert_eq!((eval.scores.persons.found, eval.scores.persons.matched), (2, 1), "the second node is a duplicate");
/// assert_eq!(eval.scores.persons.precision, 0.5);
/// ```
pub fn score(gold: &Gold, export: &Export) -> Evaluation {
    let mut details = Details::default();
    let persons = match_persons(gold, export, &mut details);
    let meetings = match_meetings(gold, export, &persons.to_gold, &mut details);
    let proposals = match_proposals(gold, export, &mut details);
    let lineage = score_lineage(gold, export, &proposals.t2g, &mut details);
    Evaluation {
        scores: Scores {
            persons: persons.category,
            meetings: meetings.category,
            proposals: proposals.category,
            participation: meetings.participation,
            lineage,
        },
        attributes: Attributes { person_country: persons.country, meeting_status: meetings.status },
        details,
    }
}

fn tool_nodes<'a>(export: &'a Export, kind: &str) -> Vec<&'a NodeRow> {
    export.nodes.iter().filter(|n| n.kind == kind).collect()
}

/// Python's `sorted(cands, reverse=True)` on `(score, required, tool index,
/// gold index)` tuples, then greedy one-to-one pairing: at equal score a gold
/// item for which `required` holds pairs before an optional one. A gold item
/// for which `reusable` holds may take several tool items. Returns the pairs
/// in the order taken.
fn greedy(
    mut cands: Vec<(f64, usize, usize)>,
    required: impl Fn(usize) -> bool,
    reusable: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(required(b.2).cmp(&required(a.2))).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2))
    });
    let (mut t_used, mut g_used) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for (_, ti, gi) in cands {
        if t_used.contains(&ti) || (g_used.contains(&gi) && !reusable(gi)) {
            continue;
        }
        t_used.insert(ti);
        g_used.insert(gi);
        pairs.push((ti, gi));
    }
    pairs
}

/// The items whose index is not in `used`, shown by `show` (`None` leaves one out).
fn unpaired<T>(items: &[T], used: &HashSet<usize>, show: impl Fn(&T) -> Option<String>) -> Vec<String> {
    items.iter().enumerate().filter(|(i, _)| !used.contains(i)).filter_map(|(_, x)| show(x)).collect()
}

/// Node id → lower-cased kind (the last row of an id wins, as in a Python dict).
fn kinds(export: &Export) -> HashMap<&str, &str> {
    export.nodes.iter().map(|n| (n.id.as_str(), n.kind.as_str())).collect()
}

fn is_kind(kind_of: &HashMap<&str, &str>, id: &str, kind: &str) -> bool {
    kind_of.get(id).is_some_and(|k| *k == kind)
}

struct PersonMatch<'a> {
    category: Category,
    country: Attribute,
    /// Tool person id → gold person id, for every tool person whose name matched.
    to_gold: HashMap<&'a str, &'a str>,
}

fn match_persons<'a>(gold: &'a Gold, export: &'a Export, details: &mut Details) -> PersonMatch<'a> {
    let mut names: HashMap<String, &str> = HashMap::new();
    for g in &gold.person {
        for n in std::iter::once(&g.name).chain(&g.aliases) {
            names.insert(norm_name(n), &g.id);
        }
    }
    let info: HashMap<&str, &gold::GoldPerson> = gold.person.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut to_gold = HashMap::new();
    let mut taken: HashMap<&str, &NodeRow> = HashMap::new();
    let (mut tp, mut fp) = (0, 0);
    for n in tool_nodes(export, "person") {
        let Some(&gid) = names.get(&norm_name(&n.label)) else {
            fp += 1;
            details.persons_not_in_gold.push(n.label.clone());
            continue;
        };
        to_gold.insert(n.id.as_str(), gid);
        let g = info[gid];
        if g.ignore || g.optional {
            continue;
        }
        if taken.contains_key(gid) {
            // The same person twice: a failed merge.
            fp += 1;
            details.persons_not_in_gold.push(format!("{} (duplicate)", n.label));
        } else {
            taken.insert(gid, n);
            tp += 1;
        }
    }
    let required: Vec<_> = gold.person.iter().filter(|g| !g.ignore && !g.optional).collect();
    details.persons_missed =
        required.iter().filter(|g| !taken.contains_key(g.id.as_str())).map(|g| g.name.clone()).collect();
    let right = taken.iter().filter(|(gid, n)| norm_word(&n.country) == norm_word(&info[**gid].country)).count();
    PersonMatch {
        category: Category::new(required.len(), tp + fp, tp, tp),
        country: Attribute { right, of: taken.len() },
        to_gold,
    }
}

/// Meeting id → ids of the persons linked to it (either direction).
fn participants_of<'a>(export: &'a Export, kind_of: &HashMap<&str, &str>) -> HashMap<&'a str, HashSet<&'a str>> {
    let mut parts: HashMap<&str, HashSet<&str>> = HashMap::new();
    for e in &export.edges {
        if !matches!(e.relation.as_str(), "participated_in" | "participant" | "attended") {
            continue;
        }
        let (mut s, mut t) = (e.source.as_str(), e.target.as_str());
        if is_kind(kind_of, s, "meeting") && is_kind(kind_of, t, "person") {
            (s, t) = (t, s);
        }
        if is_kind(kind_of, s, "person") && is_kind(kind_of, t, "meeting") {
            parts.entry(t).or_default().insert(s);
        }
    }
    parts
}

/// Places match when, normalised, one contains the other ("Moscow" and "Moscow, Kremlin").
fn place_match(a: &str, b: &str) -> bool {
    let (a, b) = (norm_name(a), norm_name(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// How many distinct gold participants are among the tool's (gold-mapped) participants.
fn shared(gold: &[String], tool: &HashSet<&str>) -> usize {
    gold.iter().map(String::as_str).filter(|p| tool.contains(p)).collect::<HashSet<_>>().len()
}

struct MeetingMatch {
    category: Category,
    participation: Category,
    status: Attribute,
}

fn match_meetings(gold: &Gold, export: &Export, to_gold: &HashMap<&str, &str>, details: &mut Details) -> MeetingMatch {
    let kind_of = kinds(export);
    let parts = participants_of(export, &kind_of);
    let gold_parts = |id: &str| -> HashSet<&str> {
        parts.get(id).into_iter().flatten().filter_map(|p| to_gold.get(p).copied()).collect()
    };
    let tool = tool_nodes(export, "meeting");
    let golds = &gold.meeting;
    let gold_iv: Vec<_> = golds.iter().map(|g| interval(&g.start, &g.end)).collect();
    let mut cands = Vec::new();
    for (ti, n) in tool.iter().enumerate() {
        let Some(tiv) = interval(&n.start, &n.end) else { continue };
        let tparts = gold_parts(&n.id);
        for (gi, g) in golds.iter().enumerate() {
            let Some(giv) = gold_iv[gi].filter(|giv| tiv.overlaps(*giv)) else { continue };
            let common = shared(&g.participants, &tparts);
            let pm = place_match(&n.place, &g.place);
            if (!g.participants.is_empty() && common == 0) || (g.participants.is_empty() && !pm) {
                continue;
            }
            // Ties on shared participants and place go to the closer start date.
            let dist = (tiv.lo - giv.lo).abs();
            cands.push(((common * 10 + usize::from(pm)) as f64 - dist as f64 / 10000.0, ti, gi));
        }
    }
    let pairs = greedy(cands, |gi| !golds[gi].optional, |_| false);
    let tp = pairs.iter().filter(|&&(_, gi)| !golds[gi].optional).count();
    let neutral = pairs.len() - tp;
    let required: Vec<_> = golds.iter().filter(|g| !g.optional).collect();
    let (t_used, g_used): (HashSet<usize>, HashSet<usize>) = pairs.iter().copied().unzip();
    details.meetings_missed = unpaired(golds, &g_used, |g| (!g.optional).then(|| g.id.clone()));
    details.meetings_not_in_gold = unpaired(&tool, &t_used, |n| Some(format!("{} [{}]", n.label, n.start)));
    let status_right =
        pairs.iter().filter(|&&(ti, gi)| norm_word(&tool[ti].status) == norm_word(&golds[gi].status)).count();

    // Participation: every tool link counts, except those of meetings matched to optional gold.
    let neutral_t: HashSet<&str> =
        pairs.iter().filter(|&&(_, gi)| golds[gi].optional).map(|&(ti, _)| tool[ti].id.as_str()).collect();
    let pgold = required.iter().map(|g| g.participants.len()).sum();
    let pfound = parts
        .iter()
        .filter(|(mid, _)| is_kind(&kind_of, mid, "meeting") && !neutral_t.contains(*mid))
        .map(|(_, ps)| ps.len())
        .sum();
    let ptp = pairs
        .iter()
        .filter(|&&(_, gi)| !golds[gi].optional)
        .map(|&(ti, gi)| shared(&golds[gi].participants, &gold_parts(&tool[ti].id)))
        .sum();
    MeetingMatch {
        category: Category::new(required.len(), tool.len() - neutral, tp, tp),
        participation: Category::new(pgold, pfound, ptp, ptp),
        status: Attribute { right: status_right, of: pairs.len() },
    }
}

struct ProposalMatch<'a> {
    category: Category,
    /// Tool proposal id → gold proposal id.
    t2g: HashMap<&'a str, &'a str>,
}

fn match_proposals<'a>(gold: &'a Gold, export: &'a Export, details: &mut Details) -> ProposalMatch<'a> {
    let tool = tool_nodes(export, "proposal");
    let golds = &gold.proposal;
    let gold_fam: Vec<String> = golds.iter().map(|g| norm_word(&g.family)).collect();
    let gold_prop: Vec<HashSet<String>> =
        golds.iter().map(|g| g.proposer.iter().map(|p| p.to_uppercase()).collect()).collect();
    let mut cands = Vec::new();
    for (ti, n) in tool.iter().enumerate() {
        let Some(year) = leading_year(if n.start.is_empty() { &n.year } else { &n.start }) else { continue };
        let fam = norm_word(&n.family);
        let tprop: HashSet<String> = split_list(&n.proposer).into_iter().map(|x| norm_word(x).to_uppercase()).collect();
        for (gi, g) in golds.iter().enumerate() {
            if fam != gold_fam[gi] || !g.year_window().is_some_and(|(lo, hi)| lo <= year && year <= hi) {
                continue;
            }
            let common = tprop.intersection(&gold_prop[gi]).count();
            if !tprop.is_empty() && !gold_prop[gi].is_empty() && common == 0 {
                continue;
            }
            cands.push(((2 * usize::from(g.exact_year(year)) + common) as f64, ti, gi));
        }
    }
    let pairs = greedy(cands, |gi| !golds[gi].optional, |gi| golds[gi].multi);
    let (mut counted, mut tp, mut neutral) = (HashSet::new(), 0, 0);
    for &(_, gi) in &pairs {
        if golds[gi].optional || !counted.insert(gi) {
            neutral += 1;
        } else {
            tp += 1;
        }
    }
    let required = golds.iter().filter(|g| !g.optional).count();
    let (t_used, g_used): (HashSet<usize>, HashSet<usize>) = pairs.iter().copied().unzip();
    details.proposals_missed = unpaired(golds, &g_used, |g| (!g.optional).then(|| g.id.clone()));
    details.proposals_not_in_gold =
        unpaired(&tool, &t_used, |n| Some(format!("{} [{} {}]", n.label, n.family, n.start)));
    let t2g = pairs.iter().map(|&(ti, gi)| (tool[ti].id.as_str(), golds[gi].id.as_str())).collect();
    ProposalMatch { category: Category::new(required, tool.len() - neutral, tp, tp), t2g }
}

type Parents<'a> = HashMap<&'a str, BTreeSet<&'a str>>;

/// Memoised ancestors in a `derived_from` graph, as `score.py` computes them:
/// a depth-first walk that skips nodes on the current path. On a cycle the
/// memo keeps what the first walk saw, so results depend on the order of
/// queries; queries here come in the reference scorer's order (parents in
/// sorted order, where Python's set order is arbitrary).
struct Closure<'p, 'a> {
    parents: &'p Parents<'a>,
    memo: HashMap<&'a str, Rc<BTreeSet<&'a str>>>,
}

impl<'p, 'a> Closure<'p, 'a> {
    fn new(parents: &'p Parents<'a>) -> Self {
        Closure { parents, memo: HashMap::new() }
    }

    fn ancestors(&mut self, x: &'a str) -> Rc<BTreeSet<&'a str>> {
        self.walk(x, &mut HashSet::new())
    }

    // `path` holds the nodes above `x` on the walk (score.py's `seen` tuple);
    // `x` itself is never among them, so a set behaves like the tuple.
    fn walk(&mut self, x: &'a str, path: &mut HashSet<&'a str>) -> Rc<BTreeSet<&'a str>> {
        if let Some(m) = self.memo.get(x) {
            return m.clone();
        }
        let mut out = BTreeSet::new();
        let parents = self.parents;
        for &p in parents.get(x).into_iter().flatten() {
            if path.contains(&p) {
                continue;
            }
            out.insert(p);
            path.insert(x);
            out.extend(self.walk(p, path).iter().copied());
            path.remove(x);
        }
        let out = Rc::new(out);
        self.memo.insert(x, out.clone());
        out
    }
}

fn score_lineage(gold: &Gold, export: &Export, t2g: &HashMap<&str, &str>, details: &mut Details) -> Category {
    // Gold proposals by id: the last of a repeated id, in order of first appearance.
    let mut order = Vec::new();
    let mut golds: HashMap<&str, &GoldProposal> = HashMap::new();
    for g in &gold.proposal {
        if golds.insert(&g.id, g).is_none() {
            order.push(g.id.as_str());
        }
    }
    let gpar: Parents =
        golds.iter().map(|(id, g)| (*id, g.derived_from.iter().map(String::as_str).collect())).collect();
    let mut ganc = Closure::new(&gpar);
    let kind_of = kinds(export);
    let mut tpar: Parents = HashMap::new();
    let mut tedges = Vec::new();
    for e in export.edges.iter().filter(|e| e.relation == "derived_from") {
        let (c, p) = (e.source.as_str(), e.target.as_str());
        if is_kind(&kind_of, c, "proposal") && is_kind(&kind_of, p, "proposal") {
            tpar.entry(c).or_default().insert(p);
            tedges.push((c, p));
        }
    }
    let mut tanc = Closure::new(&tpar);

    // Precision: a tool edge between matched proposals is right when the parent is a gold ancestor.
    let (mut right, mut found) = (0, 0);
    for (c, p) in tedges {
        let (Some(&gc), Some(&gp)) = (t2g.get(c), t2g.get(p)) else { continue };
        if gc == gp && golds.get(gc).is_some_and(|g| g.multi) {
            continue;
        }
        found += 1;
        right += usize::from(ganc.ancestors(gc).contains(gp));
    }

    // Recall: each required child with its nearest required gold ancestors.
    let mut g2t: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (t, g) in t2g {
        g2t.entry(g).or_default().insert(t);
    }
    let mut want = Vec::new();
    for &c in order.iter().filter(|c| !golds[*c].optional) {
        for p in nearest_required(c, &gpar, &golds, &mut HashSet::new()) {
            want.push((c, p));
        }
    }
    let none = BTreeSet::new();
    let mut got = 0;
    for &(c, p) in &want {
        let (tcs, tps) = (g2t.get(c).unwrap_or(&none), g2t.get(p).unwrap_or(&none));
        // Python's any() over (tc, tp): stops at the first hit, so later walks never run.
        let hit = tcs.iter().any(|tc| tps.iter().any(|tp| tanc.ancestors(tc).contains(tp)));
        got += usize::from(hit);
        if !hit {
            details.lineage_links_missed.push(format!("{c} -> {p}"));
        }
    }
    Category::new(want.len(), found, right, got)
}

/// The closest gold ancestors of `x` that are not optional (looking through optional ones).
fn nearest_required<'a>(
    x: &'a str,
    gpar: &Parents<'a>,
    golds: &HashMap<&'a str, &GoldProposal>,
    path: &mut HashSet<&'a str>,
) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for &p in gpar.get(x).into_iter().flatten() {
        let Some(g) = golds.get(p).filter(|_| !path.contains(&p)) else { continue };
        if g.optional {
            path.insert(x);
            out.extend(nearest_required(p, gpar, golds, path));
            path.remove(x);
        } else {
            out.insert(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parents<'a>(links: &[(&'a str, &'a str)]) -> Parents<'a> {
        let mut m: Parents = HashMap::new();
        for &(c, p) in links {
            m.entry(c).or_default().insert(p);
        }
        m
    }

    fn set<'a>(xs: &[&'a str]) -> BTreeSet<&'a str> {
        xs.iter().copied().collect()
    }

    #[test]
    fn closure_collects_every_ancestor_of_a_dag() {
        let g = parents(&[("d", "b"), ("d", "c"), ("b", "a"), ("c", "a"), ("a", "root")]);
        let mut anc = Closure::new(&g);
        assert_eq!(*anc.ancestors("d"), set(&["a", "b", "c", "root"]));
        assert_eq!(*anc.ancestors("c"), set(&["a", "root"]));
        assert_eq!(*anc.ancestors("root"), set(&[]));
        assert_eq!(*anc.ancestors("unknown"), set(&[]));
    }

    #[test]
    fn closure_on_a_cycle_keeps_what_the_first_walk_saw() {
        let g = parents(&[("a", "b"), ("b", "a")]);
        let mut anc = Closure::new(&g);
        assert_eq!(*anc.ancestors("a"), set(&["b"]), "a itself is on the path");
        assert_eq!(*anc.ancestors("b"), set(&[]), "memoised while a was on the path, as score.py does");
        let mut fresh = Closure::new(&g);
        assert_eq!(*fresh.ancestors("b"), set(&["a"]), "the order of queries decides");
    }

    #[test]
    fn nearest_required_looks_through_optional_ancestors() {
        let toml = r#"
            [[proposal]]
            id = "a"
            family = "lease"
            year = 1
            [[proposal]]
            id = "b"
            family = "lease"
            year = 2
            derived_from = ["a"]
            optional = true
            [[proposal]]
            id = "c"
            family = "lease"
            year = 3
            derived_from = ["b", "ghost"]
            [[proposal]]
            id = "d"
            family = "lease"
            year = 4
            derived_from = ["c", "b"]
        "#;
        let gold = Gold::parse(toml).unwrap();
        let golds: HashMap<&str, &GoldProposal> = gold.proposal.iter().map(|g| (g.id.as_str(), g)).collect();
        let gpar: Parents =
            golds.iter().map(|(id, g)| (*id, g.derived_from.iter().map(String::as_str).collect())).collect();
        let near = |x| nearest_required(x, &gpar, &golds, &mut HashSet::new());
        assert_eq!(near("c"), set(&["a"]), "through optional b; unknown ids ignored");
        assert_eq!(near("d"), set(&["a", "c"]));
        assert_eq!(near("a"), set(&[]));
    }

    #[test]
    fn greedy_takes_best_scores_then_later_indices() {
        // Equal scores: Python's reverse tuple sort puts the higher tool index, then gold index, first.
        let all = |_| true;
        let pairs = greedy(vec![(1.0, 0, 0), (1.0, 1, 0), (1.0, 1, 1), (0.5, 0, 1)], all, |_| false);
        assert_eq!(pairs, [(1, 1), (0, 0)]);
        let pairs = greedy(vec![(2.0, 0, 0), (1.0, 1, 0), (1.0, 2, 1)], all, |_| false);
        assert_eq!(pairs, [(0, 0), (2, 1)], "tool 1 loses gold 0 to the better pair");
        let pairs = greedy(vec![(2.0, 0, 0), (1.0, 1, 0), (1.0, 2, 1)], all, |gi| gi == 0);
        assert_eq!(pairs, [(0, 0), (2, 1), (1, 0)], "a reusable gold item takes several");
        // Equal scores: a required gold item pairs before an optional one, whatever the indices.
        let pairs = greedy(vec![(1.0, 0, 0), (1.0, 0, 1)], |gi| gi == 0, |_| false);
        assert_eq!(pairs, [(0, 0)], "gold 1 is optional and later in the file, yet loses");
    }

    #[test]
    fn category_edge_cases() {
        let c = |g, f, r, m| {
            let c = Category::new(g, f, r, m);
            (c.precision, c.recall, c.f1)
        };
        assert_eq!(c(0, 0, 0, 0), (1.0, 1.0, 1.0), "nothing to find, nothing found");
        assert_eq!(c(3, 0, 0, 0), (0.0, 0.0, 0.0), "nothing found");
        assert_eq!(c(0, 2, 0, 0), (0.0, 1.0, 0.0), "only false positives");
        assert_eq!(c(4, 2, 2, 2), (1.0, 0.5, 2.0 / 3.0));
        assert_eq!(c(4, 2, 1, 3), (0.5, 0.75, 0.6), "lineage: right and matched differ");
    }

    #[test]
    fn places_match_by_containment() {
        assert!(place_match("Moscow", "Moscow, Kremlin"));
        assert!(place_match("the Kremlin, MOSCOW", "moscow"));
        assert!(!place_match("", ""));
        assert!(!place_match("Tokyo", "Kyoto"));
    }
}
