//! Extraction quality on the seed corpus must not fall: `kurilnet eval` on
//! `seeds/` against `tests/seeds.gold.toml`.

use std::path::Path;
use std::process::Command;

use kurilnet::eval::{self, Export, Gold};

/// Lowest acceptable macro F1 on the seeds: just below the level reached
/// (raise it whenever extraction improves; never lower it to make a change pass).
const FLOOR: f64 = 0.95;

/// The same on the development set `tests/heldout/` (texts the rules were not
/// written from), whose figure says how well extraction generalises.
const HELDOUT_FLOOR: f64 = 0.98;

/// Pooled macro F1 floors on the written sets (`tests/written/README.md`):
/// `h*` were developed on; `s*` are held out, so their floor is the honest
/// figure of how well extraction carries to new text.
const WRITTEN_DEVELOPED_FLOOR: f64 = 0.97;
const WRITTEN_HELD_OUT_FLOOR: f64 = 0.66;

const CATEGORIES: [&str; 5] = ["persons", "meetings", "proposals", "participation", "lineage"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn score_corpus(gold: &str, corpus: &str) -> (Gold, eval::Evaluation) {
    let gold = Gold::load(&root().join(gold)).unwrap();
    let ex = kurilnet::pipeline::extract_corpus(&root().join(corpus), &Default::default()).unwrap();
    let ev = eval::score(&gold, &Export::from_graph(&ex.graph).unwrap());
    let mut report = Vec::new();
    eval::report::write_text(&ev, true, &mut report).unwrap();
    eprintln!("{corpus}:\n{}", String::from_utf8_lossy(&report));
    (gold, ev)
}

#[test]
fn heldout_macro_f1_floor() {
    let (_, ev) = score_corpus("tests/heldout.gold.toml", "tests/heldout");
    assert!(ev.macro_f1() >= HELDOUT_FLOOR, "macro F1 {:.3} fell below the floor {HELDOUT_FLOOR:.3}", ev.macro_f1());
}

/// Pooled macro F1 over the written sets whose folder name starts with `prefix`.
fn written_pooled(prefix: &str) -> eval::Pooled {
    let dir = root().join("tests/written");
    let mut sets: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)) && p.is_dir())
        .collect();
    sets.sort();
    assert!(sets.len() >= 4, "the written sets {prefix}* are in the repository");
    let mut pooled = eval::Pooled::default();
    for set in sets {
        let gold = Gold::load(&set.join("gold.toml")).unwrap();
        let ex = kurilnet::pipeline::extract_corpus(&set.join("docs"), &Default::default()).unwrap();
        pooled.push(set.display().to_string(), eval::score(&gold, &Export::from_graph(&ex.graph).unwrap()));
    }
    let mut table = Vec::new();
    pooled.write_text(&mut table).unwrap();
    eprintln!("{}", String::from_utf8_lossy(&table));
    pooled
}

#[test]
fn written_sets_macro_f1_floors() {
    for (prefix, floor) in [("h", WRITTEN_DEVELOPED_FLOOR), ("s", WRITTEN_HELD_OUT_FLOOR)] {
        let m = written_pooled(prefix).macro_f1();
        assert!(m >= floor, "written sets {prefix}*: pooled macro F1 {m:.3} fell below {floor}");
    }
}

#[test]
fn seeds_macro_f1_floor() {
    let (gold, ev) = score_corpus("tests/seeds.gold.toml", "seeds");
    assert!(ev.macro_f1() >= FLOOR, "macro F1 {:.3} fell below the floor {FLOOR:.3}", ev.macro_f1());

    // Every gold item is counted, whatever the extraction found.
    let s = &ev.scores;
    assert_eq!(s.persons.gold, gold.person.iter().filter(|p| !p.optional && !p.ignore).count());
    assert_eq!(s.meetings.gold, gold.meeting.iter().filter(|m| !m.optional).count());
    assert_eq!(s.proposals.gold, gold.proposal.iter().filter(|p| !p.optional).count());
    let participation: usize = gold.meeting.iter().filter(|m| !m.optional).map(|m| m.participants.len()).sum();
    assert_eq!(s.participation.gold, participation);
    assert!(s.lineage.gold > 0, "the seeds gold has lineage links");
}

#[test]
fn every_category_f1_is_reported() {
    let gold = root().join("tests/seeds.gold.toml");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_kurilnet"))
            .arg("eval")
            .arg(&gold)
            .arg(root().join("seeds"))
            .args(args)
            .arg("--quiet")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run(&["--json"])).unwrap();
    for c in CATEGORIES {
        let f1 = json["scores"][c]["f1"].as_f64().unwrap_or_else(|| panic!("no F1 for {c}: {json}"));
        assert!((0.0..=1.0).contains(&f1), "{c}: F1 {f1}");
    }
    assert!(json["macro_f1"].as_f64().is_some());

    let text = run(&[]);
    for c in CATEGORIES {
        let line = text.lines().find(|l| l.split_whitespace().next() == Some(c)).unwrap_or_else(|| panic!("no row for {c}:\n{text}"));
        let f1: f64 = line.split_whitespace().last().unwrap().parse().unwrap();
        assert_eq!(f1, (json["scores"][c]["f1"].as_f64().unwrap() * 1000.0).round() / 1000.0, "{c}: text and JSON agree");
    }
    assert!(text.contains("attribute person country: ") && text.contains("attribute meeting status: "));
    assert!(text.lines().last().unwrap().starts_with("macro F1: "));
}

#[test]
fn cli_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[person]]\nid = \"x\"\nname = [\n").unwrap();
    std::fs::write(dir.path().join("nodes.csv"), "Id,Label\nx,y\n").unwrap();
    std::fs::write(dir.path().join("edges.csv"), "").unwrap();
    let run = |gold: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_kurilnet")).arg("eval").arg(gold).arg("--export").arg(dir.path()).output().unwrap();
        assert!(!out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let e = run(&bad);
    assert!(e.contains("bad.toml") && e.contains("line 3"), "{e}");
    let e = run(&root().join("tests/seeds.gold.toml"));
    assert!(e.contains("nodes.csv") && e.contains("Id, Label, kind") && e.contains("missing kind"), "{e}");
}
