//! `kurilnet eval` agrees with the reference scorer `score.py`: the same
//! exports and gold files go through both and every figure is compared.
//!
//! The reference scorer lives outside the repository: `$KURILNET_REFERENCE_SCORER`,
//! else `../shared/eval/score.py` beside the crate. Without it (or without
//! python3) these tests print why and skip; with `CI` set, a present scorer
//! and a missing python3 is a failure.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::skip;

use kurilnet::eval::{self, Export, Gold};
use serde_json::Value;

const TOLERANCE: f64 = 1e-3;

struct Reference {
    python: String,
    scorer: PathBuf,
}

/// The reference scorer, or `None` (with a message) to skip.
fn scorer() -> Option<PathBuf> {
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score.py");
    let candidates: Vec<PathBuf> = std::env::var_os("KURILNET_REFERENCE_SCORER")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .into_iter()
        .chain([default])
        .collect();
    let found = candidates.iter().find(|p| p.is_file()).cloned();
    if found.is_none() {
        let tried: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        // Even under CI: the reference scorer lives outside the repository and may be absent.
        skip(&format!(
            "reference scorer score.py not found (tried {}); set KURILNET_REFERENCE_SCORER",
            tried.join(", ")
        ));
    }
    found
}

/// The reference scorer and a Python to run it, or `None` (with a message) to skip.
fn reference() -> Option<Reference> {
    let scorer = scorer()?;
    let python = "python3".to_string();
    let ok = Command::new(&python).args(["-c", "import sys, tomllib"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        let msg =
            format!("python3 (3.11 or later, for tomllib) is needed to run the reference scorer {}", scorer.display());
        assert!(std::env::var_os("CI").is_none(), "CI is set and the reference scorer exists: {msg}");
        skip(&msg);
        return None;
    }
    Some(Reference { python, scorer })
}

/// Runs score.py's `main` on every case in one Python process (a process
/// per run would dominate the test's time) and returns, per case, its output
/// plain, with `--json` and with `--verbose`.
const DRIVER: &str = r#"
import contextlib, importlib.util, io, json, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
results = []
for gold, export in json.load(sys.stdin):
    outputs = []
    for mode in ([], ["--json"], ["--verbose"]):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.main([gold, export, *mode])
        outputs.append(buf.getvalue())
    results.append(outputs)
json.dump(results, sys.stdout)
"#;

/// What score.py printed for one case.
struct Printed {
    text: String,
    json: String,
    verbose: String,
}

impl Reference {
    fn score_all(&self, cases: &[(String, PathBuf)]) -> Vec<Printed> {
        use std::io::Write;
        let input: Vec<[String; 2]> = cases
            .iter()
            .map(|(_, dir)| [dir.join("gold.toml"), dir.join("export")].map(|p| p.to_string_lossy().into_owned()))
            .collect();
        let mut child = Command::new(&self.python)
            .arg("-c")
            .arg(DRIVER)
            .arg(&self.scorer)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(serde_json::to_string(&input).unwrap().as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
        let printed: Vec<[String; 3]> = serde_json::from_slice(&out.stdout).unwrap();
        printed.into_iter().map(|[text, json, verbose]| Printed { text, json, verbose }).collect()
    }
}

fn kurilnet(gold: &Path, export: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kurilnet"))
        .arg("eval")
        .arg(gold)
        .arg("--export")
        .arg(export)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "kurilnet eval failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Largest difference between two JSON documents of the same shape; panics
/// on a different shape or any integer that differs.
fn max_diff(case: &str, at: &str, py: &Value, rs: &Value) -> f64 {
    match (py, rs) {
        (Value::Object(a), Value::Object(b)) => {
            let (ka, kb): (Vec<_>, Vec<_>) = (a.keys().collect(), b.keys().collect());
            assert_eq!(ka, kb, "{case}: keys of {at}");
            a.iter().map(|(k, v)| max_diff(case, &format!("{at}.{k}"), v, &b[k])).fold(0.0, f64::max)
        }
        (Value::Number(a), Value::Number(b)) if a.is_f64() || b.is_f64() => {
            let d = (a.as_f64().unwrap() - b.as_f64().unwrap()).abs();
            assert!(d <= TOLERANCE, "{case}: {at} is {a} in score.py, {b} in kurilnet");
            d
        }
        _ => {
            assert_eq!(py, rs, "{case}: {at}");
            0.0
        }
    }
}

/// What one case measured.
struct Agreement {
    max_diff: f64,
    macro_f1: f64,
}

/// Score each case (`dir/gold.toml` against `dir/export/`) with both scorers
/// and compare the JSON figures, the text table and the verbose lists.
fn agree_all(reference: &Reference, cases: &[(String, PathBuf)]) -> Vec<Agreement> {
    let printed = reference.score_all(cases);
    cases.iter().zip(printed).map(|((case, dir), py)| agree(case, dir, &py)).collect()
}

fn agree(case: &str, dir: &Path, py_out: &Printed) -> Agreement {
    let (gold_path, export_dir) = (dir.join("gold.toml"), dir.join("export"));
    let gold = Gold::load(&gold_path).unwrap();
    let export = Export::read_dir(&export_dir).unwrap();
    let ev = eval::score(&gold, &export);
    let rs_json = eval::report::to_json(&ev, false);
    let py: Value = serde_json::from_str(&py_out.json).unwrap();
    let rs: Value = serde_json::from_str(&rs_json).unwrap();
    let max_diff = max_diff(case, "", &py, &rs);
    // Same float formatting (shortest round trip) and layout: the documents are identical.
    assert_eq!(rs_json + "\n", py_out.json, "{case}: JSON text");

    // The table, attributes and macro F1 to three decimals, through the binary.
    assert_eq!(kurilnet(&gold_path, &export_dir, &[]), py_out.text, "{case}: text output");
    // The verbose lists hold the same lines; Python's set order makes their order arbitrary within a list.
    let sorted = |s: &str| {
        let mut v: Vec<&str> = s.lines().collect();
        v.sort();
        v.join("\n")
    };
    assert_eq!(
        sorted(&kurilnet(&gold_path, &export_dir, &["--verbose"])),
        sorted(&py_out.verbose),
        "{case}: verbose output"
    );
    Agreement { max_diff, macro_f1: ev.macro_f1() }
}

fn write_case(dir: &Path, gold: &str, nodes: &str, edges: &str) {
    std::fs::create_dir_all(dir.join("export")).unwrap();
    std::fs::write(dir.join("gold.toml"), gold).unwrap();
    std::fs::write(dir.join("export/nodes.csv"), nodes).unwrap();
    std::fs::write(dir.join("export/edges.csv"), edges).unwrap();
}

// ------------------------------------------------------------ handmade cases

const PERSONS_GOLD: &str = r#"
[[person]]
id = "taro-kono"
name = "Taro Kono"
aliases = ["Kono Taro"]
country = "JP"

[[person]]
id = "sergey-lavrov"
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov"]
country = "RU"

[[person]]
id = "byline"
name = "John Smith"
ignore = true

[[person]]
id = "reagan"
name = "Ronald Reagan"
country = "US"
optional = true

[[person]]
id = "yeltsin"
name = "Boris Yeltsin"
country = "RU"

[[person]]
id = "yeltsin-again"      # same name under a second id: the later id takes the name
name = "Boris Yeltsin"
country = "SU"
"#;

const PERSONS_NODES: &str = "\u{feff}Id,Label,kind,country
p1,Mr. Taro KONO,person,JP
p2,Kono Taro,Person,jp
p3,Sergéy V. Lavrov,person,SU
p4,John Smith,person,
p5,Reagan,person,US
p6,Ronald Reagan,person,US
p7,Boris Yeltsin,person,SU
p8,Someone Else,person,
s1,Japan,state,
";

const MEETINGS_GOLD: &str = r#"
[[person]]
id = "kono"
name = "Taro Kono"
aliases = ["Kono Taro"]
country = "JP"

[[person]]
id = "lavrov"
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov"]
country = "RU"

[[person]]
id = "abe"
name = "Shinzo Abe"
country = "JP"

[[person]]
id = "putin"
name = "Vladimir Putin"
country = "RU"

[[meeting]]
id = "m1-munich"
start = "2019-02-16"
status = "held"
place = "Munich"
participants = ["kono", "lavrov"]

[[meeting]]
id = "m2-moscow"
start = "2019-01-22"
status = "held"
place = "Moscow"
participants = ["abe", "putin", "abe"]

[[meeting]]
id = "m3-moscow-month"
start = "2019-01"
status = "held"
place = "Moscow"
participants = ["kono", "lavrov"]

[[meeting]]
id = "m4-singapore"
start = "2018-11-14"
status = "held"
place = "Singapore"

[[meeting]]
id = "m5-vladivostok"
start = "2018-09"
status = "held"
participants = ["abe", "putin"]
optional = true

[[meeting]]
id = "m6-planned"
start = "2000"
status = "planned"
participants = ["putin"]

[[meeting]]
id = "m7-twin"
start = "1999-04-01"
end = "1999-04-02"
status = "held"
participants = ["putin"]

[[meeting]]
id = "m8-twin"
start = "1999-04-01"
end = "1999-04-02"
status = "held"
participants = ["putin"]
"#;

const MEETINGS_NODES: &str = "Id,Label,kind,start,end,status,place
t-kono,Kono Taro,person,,,,
t-lavrov,Sergei Lavrov,person,,,,
t-abe,Shinzo Abe,person,,,,
t-putin,Vladimir Putin,person,,,,
t-abe2,Mr. Abe Shinzo,person,,,,
tm1,Kono–Lavrov talks,meeting,2019-02-19,,held,Munich
tm2,Kono visit,meeting,2019-02-16,,planned,
tm3,Abe–Putin summit,meeting,2019-01-22,2019-01-23,held,Moscow
tm4,Moscow talks,meeting,2019-01,,held,\"Moscow, Russia\"
tm4,Moscow talks again,meeting,2019-01-25,,held,Moscow
tm5,Singapore summit,meeting,2018-11-12,,HELD,Singapore
tm6,EEF,meeting,2018-09-11,,held,Vladivostok
tm7,Undated,meeting,,,held,
tm8,Putin visit,meeting,2000-05-07,,Planned,Tokyo
tm9,Summit twin A,meeting,2019-01-22,,held,Moscow
tm10,Summit twin B,meeting,2019-01-22,,held,Moscow
tm11,April talks,meeting,1999-04-02,,postponed,
";

const MEETINGS_EDGES: &str = "Source,Target,relation
t-kono,tm1,participated_in
t-lavrov,tm1,participated_in
t-kono,tm2,participated_in
tm3,t-abe,attended
tm3,t-putin,attended
t-kono,tm4,participant
t-lavrov,tm4,PARTICIPATED_IN
t-abe2,tm6,participated_in
t-abe,tm6,participated_in
t-putin,tm6,participated_in
t-abe,tm7,participated_in
t-putin,tm8,participated_in
t-abe,tm9,participated_in
t-putin,tm9,participated_in
t-abe,tm10,participated_in
t-putin,tm10,participated_in
t-putin,tm11,participated_in
t-putin,tm11,mentioned_in
t-kono,t-lavrov,participated_in
";

const PROPOSALS_GOLD: &str = r#"
[[proposal]]
id = "p56"
family = "two-island"
year = 1956
proposer = ["SU"]

[[proposal]]
id = "p60"
family = "two-island"
year = 1960
proposer = ["SU"]
derived_from = ["p56"]
optional = true

[[proposal]]
id = "p92"
family = "two-island"
year = 1992
proposer = ["RU"]
derived_from = ["p60"]

[[proposal]]
id = "four"
family = "four-island"
years = [1951, 2019]
proposer = ["JP"]
multi = true

[[proposal]]
id = "p98"
family = "peace-treaty"
year = 1998
proposer = ["JP"]
derived_from = ["four"]

[[proposal]]
id = "p01"
family = "two-island"
year = 2001
proposer = ["JP", "RU"]
derived_from = ["p92", "p56"]

[[proposal]]
id = "p-lease"
family = "lease"
years = [1998, 1999]
proposer = ["JP"]

[[proposal]]
id = "p-ghost"
family = "third-way"
year = 1990
derived_from = ["nonexistent"]
"#;

const PROPOSALS_NODES: &str = "Id,Label,kind,family,start,proposer,year
t56,1956 declaration,proposal,Two Island,1956-10-19,SU,
t56b,1956 declaration again,proposal,two-island,1957,SU,
t60,withdrawal,proposal,two_island,1961,,
t92,1992 offer,proposal,two-island,1993,RU,
t4a,four islands,proposal,four-island,1989,JP,
t4b,four islands restated,proposal,four-island,2001,JP;US,
t4c,four islands again,proposal,Four_Island,,JP,1991
t98,Kawana,proposal,peace-treaty,1998-11,JP,
t01,Irkutsk,proposal,two-island,2001,Japan,
t01b,Irkutsk draft,proposal,two-island,2000,JP,
tlease,lease idea,proposal,lease,1998,,
tlease2,lease plan,proposal,lease,1999,JP,
tghost,third way,proposal,third-way,1990,,
tx,undated,proposal,two-island,c. 1970,SU,
p-person,Someone,person,,,,
";

const PROPOSALS_EDGES: &str = "Source,Target,relation
t92,t60,derived_from
t92,t60,derived_from
t60,t56,derived_from
t01b,t56,derived_from
t98,t4a,derived_from
t4b,t4a,derived_from
t4c,t98,derived_from
tghost,t56,derived_from
t56b,t56,derived_from
t92,p-person,derived_from
t01,t92,revives
";

/// A lineage cycle in the tool graph: the memoised closure of score.py sees
/// only part of it, depending on the order of queries.
const CYCLE_GOLD: &str = r#"
[[proposal]]
id = "a"
family = "lease"
year = 1990
derived_from = ["b"]

[[proposal]]
id = "b"
family = "lease"
year = 1985

[[proposal]]
id = "c"
family = "lease"
year = 1995
derived_from = ["a"]

[[proposal]]
id = "d"
family = "lease"
year = 2000
derived_from = ["a"]
"#;

const CYCLE_NODES: &str = "Id,Label,kind,family,start
ta,A,proposal,lease,1990
tb,B,proposal,lease,1985
tc,C,proposal,lease,1995
td,D,proposal,lease,2000
";

const CYCLE_EDGES: &str = "Source,Target,relation
tb,ta,derived_from
ta,tb,derived_from
tc,ta,derived_from
td,tb,derived_from
";

/// An optional near-duplicate written after the required item: at equal
/// score the required one takes the match (it used to go to the later one).
const OPTIONAL_TWIN_GOLD: &str = r#"
[[person]]
id = "abe"
name = "Shinzo Abe"
country = "JP"

[[meeting]]
id = "m-required"
start = "2016-12-15"
place = "Nagato"
participants = ["abe"]

[[meeting]]
id = "m-optional"
start = "2016-12-15"
place = "Nagato"
participants = ["abe"]
optional = true

[[proposal]]
id = "p-required"
family = "joint-economic"
year = 2016
proposer = ["JP"]

[[proposal]]
id = "p-optional"
family = "joint-economic"
year = 2016
proposer = ["JP"]
optional = true
"#;

const OPTIONAL_TWIN_NODES: &str = "Id,Label,kind,country,start,end,status,place,family,proposer
abe,Shinzo Abe,person,JP,,,,,,
m,Nagato summit,meeting,,2016-12-15,,held,Nagato,,
p,Joint activity,proposal,,2016,,,,joint-economic,JP
";

const OPTIONAL_TWIN_EDGES: &str = "Source,Target,relation
abe,m,participated_in
";

fn handmade() -> Vec<(&'static str, String, String, String)> {
    let combined_gold = format!("{MEETINGS_GOLD}\n{PROPOSALS_GOLD}");
    vec![
        ("persons", PERSONS_GOLD.into(), PERSONS_NODES.into(), "Source,Target,relation\n".into()),
        ("meetings", MEETINGS_GOLD.into(), MEETINGS_NODES.into(), MEETINGS_EDGES.into()),
        ("proposals-lineage", PROPOSALS_GOLD.into(), PROPOSALS_NODES.into(), PROPOSALS_EDGES.into()),
        ("lineage-cycle", CYCLE_GOLD.into(), CYCLE_NODES.into(), CYCLE_EDGES.into()),
        ("empty-export", combined_gold.clone(), "Id,Label,kind\n".into(), "".into()),
        ("empty-gold", "".into(), MEETINGS_NODES.into(), MEETINGS_EDGES.into()),
        ("gold-without-proposals-vs-proposals", MEETINGS_GOLD.into(), PROPOSALS_NODES.into(), PROPOSALS_EDGES.into()),
        ("optional-twin", OPTIONAL_TWIN_GOLD.into(), OPTIONAL_TWIN_NODES.into(), OPTIONAL_TWIN_EDGES.into()),
    ]
}

#[test]
fn handmade_cases_agree_with_the_reference_scorer() {
    let Some(reference) = reference() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    for (name, gold, nodes, edges) in handmade() {
        let dir = tmp.path().join(name);
        write_case(&dir, &gold, &nodes, &edges);
        cases.push((name.to_string(), dir));
    }
    for ((name, _), a) in cases.iter().zip(agree_all(&reference, &cases)) {
        eprintln!("{name}: macro F1 {:.4}, largest difference {:.1e}", a.macro_f1, a.max_diff);
    }
}

/// The handmade cases exercise what they claim to (so agreement is not on trivia).
#[test]
fn handmade_cases_cover_the_tricky_paths() {
    let score = |gold: &str, nodes: &str, edges: &str| {
        let export = Export::from_csv(("n".as_ref(), nodes.as_bytes()), ("e".as_ref(), edges.as_bytes())).unwrap();
        eval::score(&Gold::parse(gold).unwrap(), &export)
    };
    let p = score(PERSONS_GOLD, PERSONS_NODES, "");
    assert_eq!((p.scores.persons.gold, p.scores.persons.found, p.scores.persons.matched), (4, 6, 3));
    assert!(p.details.persons_not_in_gold.contains(&"Kono Taro (duplicate)".to_string()));
    assert_eq!(p.details.persons_missed, ["Boris Yeltsin"], "the name went to the later id");
    assert_eq!((p.attributes.person_country.right, p.attributes.person_country.of), (2, 3));

    let m = score(MEETINGS_GOLD, MEETINGS_NODES, MEETINGS_EDGES);
    assert_eq!(m.details.meetings_missed, ["m7-twin"], "a tie between gold twins goes to the later one");
    assert!(
        m.details.meetings_not_in_gold.iter().any(|f| f.starts_with("Abe–Putin summit")),
        "ties go to the later tool row"
    );
    assert!(!m.details.meetings_not_in_gold.iter().any(|f| f.starts_with("Singapore")), "matched on place");
    assert_eq!(m.scores.meetings.found, 11, "12 tool meetings, one matched to optional gold");
    assert_eq!(m.attributes.meeting_status.right, 6);

    let l = score(PROPOSALS_GOLD, PROPOSALS_NODES, PROPOSALS_EDGES);
    assert_eq!(l.details.lineage_links_missed, ["p01 -> p92"]);
    assert_eq!((l.scores.lineage.gold, l.scores.lineage.found, l.scores.lineage.matched), (4, 7, 3));
    assert_eq!(l.scores.proposals.found, 11, "14 tool proposals, three on multi or optional gold");

    let t = score(OPTIONAL_TWIN_GOLD, OPTIONAL_TWIN_NODES, OPTIONAL_TWIN_EDGES);
    assert!(t.details.meetings_missed.is_empty() && t.details.proposals_missed.is_empty(), "{:?}", t.details);
    assert_eq!((t.scores.meetings.matched, t.scores.proposals.matched), (1, 1), "required twins are matched");

    let c = score(CYCLE_GOLD, CYCLE_NODES, CYCLE_EDGES);
    assert_eq!(c.details.lineage_links_missed, ["d -> a"], "score.py's memo saw tb's ancestors inside the cycle");
}

// ------------------------------------------------------------ generated cases

/// xorshift64*: a fixed, dependency-free stream of choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// A date near `s`: shifted by a few days, cut to its month, or kept.
fn nearby_date(rng: &mut Rng, s: &str) -> String {
    let parts: Vec<i64> = s.split('-').filter_map(|x| x.parse().ok()).collect();
    match parts[..] {
        [y, m, d] => match rng.below(4) {
            0 => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}-{m:02}-{:02}", (d + rng.below(11) as i64 - 5).clamp(1, 28)),
        },
        [y, m] => match rng.below(3) {
            0 => format!("{y:04}-{m:02}-{:02}", 1 + rng.below(28)),
            1 => format!("{y:04}"),
            _ => s.to_string(),
        },
        [y] if rng.chance(0.3) => format!("{y:04}-{:02}", 1 + rng.below(12)),
        _ => s.to_string(),
    }
}

fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// An export made from a gold annotation with the mistakes an extractor
/// makes: missed and duplicated items, name variants, shifted dates, wrong
/// attributes, missing and wrong links, spurious items, rows in any order.
fn perturbed_export(gold: &Gold, rng: &mut Rng) -> (String, String) {
    const COUNTRIES: &[&str] = &["JP", "RU", "SU", "US", ""];
    const STATUSES: &[&str] = &["held", "planned", "postponed", "cancelled", "", "Held"];
    const FAMILIES: &[&str] = &["two-island", "four-island", "lease", "peace-treaty", "Two Island", "joint_economic"];
    let mut nodes: Vec<Vec<String>> = Vec::new();
    let mut edges: Vec<Vec<String>> = Vec::new();
    let row = |id: String, label: String, kind: &str, cells: [&str; 8]| {
        let mut r = vec![id, label, kind.to_string()];
        r.extend(cells.iter().map(|c| c.to_string()));
        r
    };
    let mut person_node: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for (i, g) in gold.person.iter().enumerate() {
        for copy in 0..1 + usize::from(rng.chance(0.15)) {
            if copy == 0 && !rng.chance(0.8) {
                continue;
            }
            let mut names: Vec<String> = vec![g.name.clone(), format!("Mr. {}", g.name), g.name.to_uppercase()];
            names.extend(g.aliases.iter().cloned());
            names.push(g.name.split(' ').rev().collect::<Vec<_>>().join(" "));
            let label = names[rng.below(names.len())].clone();
            let country = if rng.chance(0.8) { g.country.clone() } else { rng.pick(COUNTRIES).to_string() };
            let id = format!("person-{i}-{copy}");
            person_node.entry(g.id.as_str()).or_default().push(id.clone());
            nodes.push(row(id, label, "person", [&country, "", "", "", "", "", "", ""]));
        }
    }
    for k in 0..rng.below(4) {
        nodes.push(row(
            format!("junk-person-{k}"),
            format!("Junk Person {k}"),
            "person",
            ["", "", "", "", "", "", "", ""],
        ));
    }
    let persons: Vec<String> = person_node.values().flatten().cloned().collect();

    let link = |edges: &mut Vec<Vec<String>>, rng: &mut Rng, person: &str, meeting: &str| {
        let rel = rng.pick(&["participated_in", "participated_in", "attended", "participant"]).to_string();
        let (s, t) = if rng.chance(0.2) { (meeting, person) } else { (person, meeting) };
        edges.push(vec![s.to_string(), t.to_string(), rel]);
    };
    for (j, g) in gold.meeting.iter().enumerate() {
        for copy in 0..1 + usize::from(rng.chance(0.1)) {
            if copy == 0 && !rng.chance(0.75) {
                continue;
            }
            let id = format!("meeting-{j}-{copy}");
            let start = if rng.chance(0.05) { String::new() } else { nearby_date(rng, &g.start) };
            let end = if rng.chance(0.7) { g.end.clone() } else { String::new() };
            let status = if rng.chance(0.7) { g.status.clone() } else { rng.pick(STATUSES).to_string() };
            let place = if rng.chance(0.6) { g.place.clone() } else { String::new() };
            nodes.push(row(
                id.clone(),
                format!("Meeting {j}"),
                "meeting",
                ["", &start, &end, &status, &place, "", "", ""],
            ));
            for p in &g.participants {
                if let Some(ids) = person_node.get(p.as_str()).filter(|_| rng.chance(0.8)) {
                    let pid = ids[rng.below(ids.len())].clone();
                    link(&mut edges, rng, &pid, &id);
                }
            }
            if !persons.is_empty() && rng.chance(0.25) {
                let pid = persons[rng.below(persons.len())].clone();
                link(&mut edges, rng, &pid, &id);
            }
        }
    }
    for k in 0..rng.below(3) {
        let id = format!("junk-meeting-{k}");
        let start = match gold.meeting.get(rng.below(gold.meeting.len().max(1))) {
            Some(g) => nearby_date(rng, &g.start),
            None => "2000-01-01".into(),
        };
        nodes.push(row(id.clone(), "Junk meeting".into(), "meeting", ["", &start, "", "held", "Tokyo", "", "", ""]));
        if !persons.is_empty() {
            let pid = persons[rng.below(persons.len())].clone();
            link(&mut edges, rng, &pid, &id);
        }
    }

    let mut proposal_node: std::collections::HashMap<&str, Vec<String>> = Default::default();
    for (k, g) in gold.proposal.iter().enumerate() {
        let (lo, hi) = g.year_window().unwrap();
        for copy in 0..1 + if g.multi { rng.below(4) } else { usize::from(rng.chance(0.1)) } {
            if copy == 0 && !rng.chance(0.8) {
                continue;
            }
            let year = lo - 1 + rng.below((hi - lo + 3) as usize) as i64;
            let family = if rng.chance(0.85) {
                g.family.replace('-', rng.pick(&["-", " ", "_"]))
            } else {
                rng.pick(FAMILIES).into()
            };
            let proposer = match rng.below(5) {
                0 => String::new(),
                1 => "US".into(),
                _ => g.proposer.join(";"),
            };
            let (start, year_cell) = match rng.below(4) {
                0 => (String::new(), year.to_string()),
                1 => (format!("{year}-06-01"), String::new()),
                _ => (year.to_string(), String::new()),
            };
            let id = format!("proposal-{k}-{copy}");
            proposal_node.entry(g.id.as_str()).or_default().push(id.clone());
            nodes.push(row(
                id,
                format!("Proposal {k}"),
                "proposal",
                ["", &start, "", "", "", &family, &proposer, &year_cell],
            ));
        }
    }
    for k in 0..rng.below(3) {
        let year = (1950 + rng.below(70)).to_string();
        nodes.push(row(
            format!("junk-proposal-{k}"),
            "Junk".into(),
            "proposal",
            ["", &year, "", "", "", rng.pick(FAMILIES), "JP", ""],
        ));
    }
    // Lineage: gold links (some skipped, some to a grandparent) and random ones, never a cycle
    // (on a cycle score.py's answer depends on Python's set order).
    let proposals: Vec<String> = proposal_node.values().flatten().cloned().collect();
    let mut lineage: Vec<(String, String)> = Vec::new();
    let add = |lineage: &mut Vec<(String, String)>, c: &str, p: &str| {
        if c != p && !reaches(lineage, p, c) {
            lineage.push((c.to_string(), p.to_string()));
        }
    };
    for g in &gold.proposal {
        for d in &g.derived_from {
            let (Some(cs), Some(ps)) = (proposal_node.get(g.id.as_str()), proposal_node.get(d.as_str())) else {
                continue;
            };
            if rng.chance(0.75) {
                add(&mut lineage, &cs[rng.below(cs.len())], &ps[rng.below(ps.len())]);
            }
        }
    }
    for _ in 0..rng.below(4) {
        if proposals.len() > 1 {
            let (c, p) = (&proposals[rng.below(proposals.len())], &proposals[rng.below(proposals.len())]);
            add(&mut lineage, c, p);
        }
    }
    edges.extend(lineage.into_iter().map(|(c, p)| vec![c, p, "derived_from".into()]));
    rng.shuffle(&mut nodes);
    rng.shuffle(&mut edges);
    let header = ["Id", "Label", "kind", "country", "start", "end", "status", "place", "family", "proposer", "year"];
    (csv_text(&header, &nodes), csv_text(&["Source", "Target", "relation"], &edges))
}

/// Whether `from` reaches `to` along the links.
fn reaches(links: &[(String, String)], from: &str, to: &str) -> bool {
    let mut stack = vec![from];
    let mut seen = std::collections::HashSet::new();
    while let Some(x) = stack.pop() {
        if x == to {
            return true;
        }
        if seen.insert(x) {
            stack.extend(links.iter().filter(|(c, _)| c == x).map(|(_, p)| p.as_str()));
        }
    }
    false
}

#[test]
fn generated_cases_agree_with_the_reference_scorer() {
    let Some(reference) = reference() else { return };
    // Every gold file of the repository (tests/*.gold.toml) and the handmade ones.
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.toml"))
        .collect();
    files.sort();
    let mut golds: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    assert!(!golds.is_empty(), "tests/seeds.gold.toml is missing");
    golds.extend([MEETINGS_GOLD.to_string(), format!("{PERSONS_GOLD}\n{PROPOSALS_GOLD}")]);
    let tmp = tempfile::tempdir().unwrap();
    const CASES: u64 = 40;
    let mut cases = Vec::new();
    for seed in 0..CASES {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed + 1).wrapping_mul(0x1000_0000_01b3));
        let gold_text = &golds[seed as usize % golds.len()];
        let (nodes, edges) = perturbed_export(&Gold::parse(gold_text).unwrap(), &mut rng);
        let dir = tmp.path().join(format!("case-{seed}"));
        write_case(&dir, gold_text, &nodes, &edges);
        cases.push((format!("generated case {seed}"), dir));
    }
    let found = agree_all(&reference, &cases);
    let worst = found.iter().map(|a| a.max_diff).fold(0.0, f64::max);
    let lo = found.iter().map(|a| a.macro_f1).fold(f64::MAX, f64::min);
    let hi = found.iter().map(|a| a.macro_f1).fold(0.0, f64::max);
    eprintln!("{CASES} generated cases agree; macro F1 from {lo:.3} to {hi:.3}; largest difference {worst:.1e}");
    assert!(hi - lo > 0.2, "the generated cases should span a range of quality, not one score");
}

#[test]
fn seeds_extraction_agrees_with_the_reference_scorer() {
    let Some(reference) = reference() else { return };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ex = kurilnet::pipeline::extract_corpus(&root.join("seeds"), &Default::default()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let gold = std::fs::read_to_string(root.join("tests/seeds.gold.toml")).unwrap();
    let nodes = kurilnet::export::csv::nodes_csv(&ex.graph).unwrap();
    let edges = kurilnet::export::csv::edges_csv(&ex.graph).unwrap();
    write_case(tmp.path(), &gold, std::str::from_utf8(&nodes).unwrap(), std::str::from_utf8(&edges).unwrap());
    let a = agree_all(&reference, &[("seeds".into(), tmp.path().to_path_buf())]).remove(0);
    // The CLI's in-memory path (extract, render, score) prints what scoring the files gives.
    let out = Command::new(env!("CARGO_BIN_EXE_kurilnet"))
        .args(["eval", "--json", "--quiet"])
        .arg(root.join("tests/seeds.gold.toml"))
        .arg(root.join("seeds"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        kurilnet(&tmp.path().join("gold.toml"), &tmp.path().join("export"), &["--json"])
    );
    eprintln!("seeds: macro F1 {:.4}, largest difference {:.1e}", a.macro_f1, a.max_diff);
}

/// tests/seeds.gold.toml is a copy of the evaluation kit's gold, kept in the
/// repository so it works alone; a changed kit must be copied again.
#[test]
fn seeds_gold_is_the_kits() {
    let Some(scorer) = scorer() else { return };
    let kit = scorer.with_file_name("seeds.gold.toml");
    if !kit.is_file() {
        skip(&format!("{} not found beside the reference scorer", kit.display()));
        return;
    }
    let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds.gold.toml");
    assert!(
        std::fs::read(&kit).unwrap() == std::fs::read(&ours).unwrap(),
        "{} differs from {}: copy it again",
        ours.display(),
        kit.display()
    );
}
