//! Comparison of two proposal paths: each side is a proposal (id or unique
//! prefix) or a family (its latest proposal); both lines of descent from
//! their roots, their common ancestors, where they diverge and a term-by-term
//! difference of the two ends. Rendering as a table or CSV; the DOT view
//! reuses [`super::lineage::dot`].

use std::collections::BTreeSet;
use std::io::Write;

use super::lineage::{Entry, FAMILIES, Lineage, Term};
use crate::graph::Graph;

/// Why a side of the comparison could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("{query:?} is ambiguous: {} proposal ids start with it: {}", .candidates.len(), .candidates.join(", "))]
    Ambiguous { query: String, candidates: Vec<String> },
    #[error("{query:?} is neither a proposal id (or unique prefix of one) nor a family; families in this graph: {}", .families.join(", "))]
    NotFound { query: String, families: Vec<String> },
    #[error("family {0:?} has no proposals in this graph")]
    EmptyFamily(String),
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// What the user typed.
    pub query: String,
    /// The family, when the query named one.
    pub family: Option<String>,
    /// The proposal compared (for a family, its latest proposal).
    pub end: String,
    /// Ids from the root to `end` along primary parents.
    pub path: Vec<String>,
}

impl Side {
    /// `p-2019-plus-alpha` or `family two-island (latest: p-2019-plus-alpha)`.
    pub fn describe(&self) -> String {
        match &self.family {
            Some(f) => format!("family {f} (latest: {})", self.end),
            None => self.end.clone(),
        }
    }
}

/// Resolve a query: an exact proposal id, then a family name, then a unique id prefix.
pub fn resolve(lin: &Lineage, query: &str) -> Result<Side, ResolveError> {
    let side = |family: Option<String>, end: &str| Side {
        query: query.to_string(),
        family,
        end: end.to_string(),
        path: lin.path(end).iter().map(|e| e.id.clone()).collect(),
    };
    if lin.get(query).is_some() {
        return Ok(side(None, query));
    }
    let families = lin.families();
    if let Some((fam, entries)) = families.iter().find(|(f, _)| *f == query) {
        // Latest by date; undated proposals only when nothing is dated.
        let latest = entries
            .iter()
            .max_by(|a, b| (a.date.is_some(), a.date, &a.id).cmp(&(b.date.is_some(), b.date, &b.id)))
            .expect("families are non-empty");
        return Ok(side(Some(fam.to_string()), &latest.id));
    }
    if FAMILIES.contains(&query) {
        return Err(ResolveError::EmptyFamily(query.to_string()));
    }
    let candidates: Vec<String> = lin
        .entries
        .iter()
        .filter(|e| e.id.starts_with(query))
        .map(|e| e.id.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    match candidates.len() {
        1 => Ok(side(None, &candidates[0])),
        0 => Err(ResolveError::NotFound {
            query: query.to_string(),
            families: families.iter().map(|(f, _)| f.to_string()).collect(),
        }),
        _ => Err(ResolveError::Ambiguous { query: query.to_string(), candidates }),
    }
}

/// An arrangement value with the kind of arrangement it is, e.g. `lease (lease/use)`.
pub fn arrangement_kind(value: &str) -> String {
    let kind = match value {
        "sovereignty" | "administration" | "treaty" => return value.to_string(),
        "lease" | "use" => "lease/use",
        "joint-activity" => "joint activity",
        _ => "other",
    };
    format!("{value} ({kind})")
}

/// One term compared between the two ends.
#[derive(Clone, Debug, PartialEq)]
pub struct TermRow {
    pub term: &'static str,
    pub a: String,
    pub b: String,
    /// Empty when equal, else what B has that A lacks and the reverse.
    pub difference: String,
}

/// The comparison of two sides.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub a: Side,
    pub b: Side,
    /// Proposals both ends derive from (or are), oldest first.
    pub common: Vec<String>,
    /// The last proposal both primary paths run through; `None` when they share no root.
    pub diverge_after: Option<String>,
    pub terms: Vec<TermRow>,
}

fn chrono(lin: &Lineage, ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort_by_key(|id| {
        let d = lin.get(id).and_then(|e| e.date);
        (d.is_none(), d, id.clone())
    });
    v
}

fn list_difference(a: &[String], b: &[String], sep: &str) -> String {
    let only_b: Vec<&str> = b.iter().filter(|x| !a.contains(x)).map(String::as_str).collect();
    let only_a: Vec<&str> = a.iter().filter(|x| !b.contains(x)).map(String::as_str).collect();
    let mut parts = Vec::new();
    if !only_b.is_empty() {
        parts.push(format!("only B: {}", only_b.join(sep)));
    }
    if !only_a.is_empty() {
        parts.push(format!("only A: {}", only_a.join(sep)));
    }
    parts.join("; ")
}

/// Compare two resolved sides of a graph's lineage.
///
/// # Example
/// ```
/// use kurilnet::analysis::{compare, lineage::Lineage, testkit::sample};
/// let g = sample();
/// let lin = Lineage::build(&g).unwrap();
/// let a = compare::resolve(&lin, "p-2019").unwrap();
/// let b = compare::resolve(&lin, "four-island").unwrap();
/// let c = compare::compare(&g, &lin, a, b);
/// assert_eq!(c.diverge_after.as_deref(), Some("p-1956-joint-declaration"));
/// ```
pub fn compare(g: &Graph, lin: &Lineage, a: Side, b: Side) -> Comparison {
    let with_self = |s: &Side| -> BTreeSet<String> {
        let mut set: BTreeSet<String> = lin.ancestors(&s.end).into_iter().map(String::from).collect();
        set.insert(s.end.clone());
        set
    };
    let common = chrono(lin, with_self(&a).intersection(&with_self(&b)).cloned());
    let diverge_after = a.path.iter().zip(&b.path).take_while(|(x, y)| x == y).last().map(|(x, _)| x.clone());
    let (na, nb) = (g.node(&a.end), g.node(&b.end));
    let (ea, eb) = (lin.get(&a.end), lin.get(&b.end));
    let mut terms = Vec::new();
    let date = |e: Option<&Entry>| e.and_then(|e| e.date).map(|d| d.to_string()).unwrap_or_default();
    let fam = |e: Option<&Entry>| e.and_then(|e| e.family.clone()).unwrap_or_default();
    for (term, x, y) in [("date", date(ea), date(eb)), ("family", fam(ea), fam(eb))] {
        let difference = if x == y { String::new() } else { "differs".into() };
        terms.push(TermRow { term, a: x, b: y, difference });
    }
    for t in [Term::Proposer, Term::Islands, Term::Arrangement, Term::Conditions, Term::Status] {
        let (x, y) = (na.map(|n| t.values(n)).unwrap_or_default(), nb.map(|n| t.values(n)).unwrap_or_default());
        // Conditions are phrases that may hold commas.
        let sep = if t == Term::Conditions { "; " } else { ", " };
        let (x, y) = if t == Term::Arrangement {
            (x.iter().map(|v| arrangement_kind(v)).collect(), y.iter().map(|v| arrangement_kind(v)).collect())
        } else {
            (x, y)
        };
        let difference = match (x == y, t.is_list()) {
            (true, _) => String::new(),
            (false, true) => list_difference(&x, &y, sep),
            (false, false) => "differs".into(),
        };
        let term = if t == Term::Islands { "islands handed over" } else { t.as_str() };
        terms.push(TermRow { term, a: x.join(sep), b: y.join(sep), difference });
    }
    Comparison { a, b, common, diverge_after, terms }
}

/// Rows of the side-by-side timeline: (date, id on A's path, id on B's path).
pub fn timeline(lin: &Lineage, c: &Comparison) -> Vec<(String, String, String)> {
    let all: BTreeSet<String> = c.a.path.iter().chain(&c.b.path).cloned().collect();
    chrono(lin, all)
        .into_iter()
        .map(|id| {
            let date = lin.get(&id).and_then(|e| e.date).map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
            let on = |p: &[String]| if p.contains(&id) { id.clone() } else { String::new() };
            (date, on(&c.a.path), on(&c.b.path))
        })
        .collect()
}

fn common_line(lin: &Lineage, c: &Comparison) -> String {
    if c.common.is_empty() {
        let root = |s: &Side| s.path.first().cloned().unwrap_or_default();
        return format!("none: independent lines (roots {} and {})", root(&c.a), root(&c.b));
    }
    c.common
        .iter()
        .map(|id| match lin.get(id).and_then(|e| e.date) {
            Some(d) => format!("{id} ({d})"),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn diverge_line(c: &Comparison) -> String {
    match &c.diverge_after {
        None => "the paths share no root".into(),
        Some(x) if *x == c.a.end && *x == c.b.end => "both sides are the same proposal".into(),
        Some(x) if *x == c.a.end => format!("B continues A's line after {x}"),
        Some(x) if *x == c.b.end => format!("A continues B's line after {x}"),
        Some(x) => format!("after {x}"),
    }
}

/// Aligned columns; the last column is not padded.
fn write_columns(out: &mut impl Write, indent: &str, rows: &[Vec<String>]) -> std::io::Result<()> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|i| rows.iter().filter_map(|r| r.get(i)).map(|s| s.chars().count()).max().unwrap_or(0)).collect();
    for r in rows {
        let mut line = String::from(indent);
        for (i, cell) in r.iter().enumerate() {
            if i + 1 < r.len() {
                line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            } else {
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Print the comparison as aligned tables.
pub fn write_table(lin: &Lineage, c: &Comparison, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "A: {}", c.a.describe())?;
    writeln!(out, "B: {}", c.b.describe())?;
    writeln!(out)?;
    writeln!(out, "Paths from their roots")?;
    let mut rows = vec![vec!["date".to_string(), "A".into(), "B".into()]];
    rows.extend(timeline(lin, c).into_iter().map(|(d, a, b)| {
        let mark = |s: String| if s.is_empty() { "·".to_string() } else { s };
        vec![d, mark(a), mark(b)]
    }));
    write_columns(out, "  ", &rows)?;
    writeln!(out)?;
    writeln!(out, "Common ancestors: {}", common_line(lin, c))?;
    writeln!(out, "Diverge: {}", diverge_line(c))?;
    writeln!(out)?;
    writeln!(out, "Terms")?;
    let mut rows = vec![vec!["term".to_string(), "A".into(), "B".into(), "difference".into()]];
    rows.extend(c.terms.iter().map(|t| {
        let diff = if t.difference.is_empty() { "same".to_string() } else { t.difference.clone() };
        let dash = |s: &str| if s.is_empty() { "—".to_string() } else { s.to_string() };
        vec![t.term.to_string(), dash(&t.a), dash(&t.b), diff]
    }));
    write_columns(out, "  ", &rows)
}

/// The comparison as CSV: `section,key,a,b,note` with sections `side`,
/// `path`, `common`, `diverge` and `term`.
pub fn to_csv(lin: &Lineage, c: &Comparison) -> anyhow::Result<Vec<u8>> {
    use crate::export::csv::cell;
    let mut w = crate::export::csv::writer();
    w.write_record(["section", "key", "a", "b", "note"])?;
    w.write_record(["side", "query", &cell(&c.a.query), &cell(&c.b.query), ""])?;
    // Proposal ids come from graph.json, which may be hand-edited: every text cell is guarded.
    w.write_record(["side", "end", &cell(&c.a.end), &cell(&c.b.end), ""])?;
    for (d, a, b) in timeline(lin, c) {
        w.write_record(["path", &d, &cell(&a), &cell(&b), ""])?;
    }
    for id in &c.common {
        let d = lin.get(id).and_then(|e| e.date).map(|d| d.to_string()).unwrap_or_default();
        w.write_record(["common", &d, &cell(id), &cell(id), ""])?;
    }
    let after = cell(&c.diverge_after.clone().unwrap_or_default());
    w.write_record(["diverge", "after", &after, &after, &cell(&diverge_line(c))])?;
    for t in &c.terms {
        w.write_record(["term", t.term, &cell(&t.a), &cell(&t.b), &cell(&t.difference)])?;
    }
    crate::export::csv::finish(w, "comparison CSV")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testkit::sample;

    fn setup() -> (Graph, Lineage) {
        let g = sample();
        let lin = Lineage::build(&g).unwrap();
        (g, lin)
    }

    macro_rules! resolves {
        ($($name:ident: $q:expr => $out:expr;)*) => {$(
            #[test]
            fn $name() {
                let (_, lin) = setup();
                let got = resolve(&lin, $q).map(|s| s.describe()).map_err(|e| e.to_string());
                let want: Result<&str, &str> = $out;
                match (&got, want) {
                    (Ok(g), Ok(w)) => assert_eq!(g, w),
                    (Err(g), Err(w)) => assert!(g.contains(w), "{g}"),
                    _ => panic!("{got:?} vs {want:?}"),
                }
            }
        )*};
    }

    resolves! {
        exact_id: "p-1990-lease" => Ok("p-1990-lease");
        unique_prefix: "p-2019" => Ok("p-2019-plus-alpha");
        family_latest: "two-island" => Ok("family two-island (latest: p-2019-plus-alpha)");
        ambiguous_prefix: "p-199" => Err("\"p-199\" is ambiguous: 3 proposal ids start with it: p-1990-lease, p-1991-four-island, p-1993-tokyo-declaration");
        unknown: "p-3000" => Err("families in this graph: two-island, lease, four-island, joint-economic");
        known_family_absent: "package-deal" => Err("family \"package-deal\" has no proposals");
    }

    #[test]
    fn two_island_against_four_island_share_1956_and_differ_in_islands() {
        let (g, lin) = setup();
        let a = resolve(&lin, "two-island").unwrap();
        let b = resolve(&lin, "four-island").unwrap();
        let c = compare(&g, &lin, a, b);
        assert_eq!(c.common, ["p-1956-joint-declaration"]);
        assert_eq!(c.diverge_after.as_deref(), Some("p-1956-joint-declaration"));
        let islands = c.terms.iter().find(|t| t.term == "islands handed over").unwrap();
        assert_eq!(islands.difference, "only B: etorofu, kunashiri");
        let arr = c.terms.iter().find(|t| t.term == "arrangement").unwrap();
        assert_eq!((arr.a.as_str(), arr.b.as_str(), arr.difference.as_str()), ("sovereignty", "treaty", "differs"));
        assert_eq!(arrangement_kind("joint-activity"), "joint-activity (joint activity)");
        assert_eq!(arrangement_kind("lease"), "lease (lease/use)");
        let rows = timeline(&lin, &c);
        assert_eq!(
            rows[0],
            ("1956-10-19".into(), "p-1956-joint-declaration".into(), "p-1956-joint-declaration".into())
        );
        assert!(rows.windows(2).all(|w| w[0].0 <= w[1].0), "chronological");
    }

    #[test]
    fn independent_lines_have_no_common_ancestor() {
        let (g, lin) = setup();
        let c = compare(&g, &lin, resolve(&lin, "p-1991").unwrap(), resolve(&lin, "lease").unwrap());
        assert!(c.common.is_empty());
        let mut out = Vec::new();
        write_table(&lin, &c, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(
                "Common ancestors: none: independent lines (roots p-1956-joint-declaration and p-1990-lease)"
            ),
            "{text}"
        );
        assert!(text.contains("Diverge: the paths share no root"));
    }

    #[test]
    fn a_proposal_and_its_descendant_continue_one_line() {
        let (g, lin) = setup();
        let c = compare(&g, &lin, resolve(&lin, "p-1960").unwrap(), resolve(&lin, "p-2019").unwrap());
        assert_eq!(c.common, ["p-1956-joint-declaration", "p-1960-withdrawal"]);
        assert_eq!(diverge_line(&c), "B continues A's line after p-1960-withdrawal");
        let csv = String::from_utf8(to_csv(&lin, &c).unwrap()).unwrap();
        assert!(csv.starts_with(
            "section,key,a,b,note\nside,query,p-1960,p-2019,\nside,end,p-1960-withdrawal,p-2019-plus-alpha,\n"
        ));
        assert!(csv.contains("\ncommon,1960-01-27,p-1960-withdrawal,p-1960-withdrawal,\n"));
        assert_eq!(csv, String::from_utf8(to_csv(&lin, &c).unwrap()).unwrap());
    }

    #[test]
    fn table_columns_are_aligned() {
        let (g, lin) = setup();
        let c = compare(&g, &lin, resolve(&lin, "two-island").unwrap(), resolve(&lin, "lease").unwrap());
        let mut out = Vec::new();
        write_table(&lin, &c, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let terms: Vec<&str> = text.lines().skip_while(|l| *l != "Terms").skip(1).collect();
        let (head, date) = (terms[0], terms[1]);
        assert!(date.starts_with("  date "));
        assert_eq!(head.find(" A ").unwrap() + 1, date.find("2019-01").unwrap(), "{text}");
        assert_eq!(head.find(" B ").unwrap() + 1, date.find("1990-03").unwrap(), "{text}");
        assert!(terms.iter().any(|l| l.starts_with("  status") && l.ends_with("same")), "{text}");
    }
}
