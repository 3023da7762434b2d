//! Extraction quality on real text the rules were not written for: the
//! development sets of the evaluation kit (`../shared/eval/dev/era*`, each
//! `docs/` + `gold.toml`), scored pooled as `score_sets.py` scores them.
//!
//! The sets live outside the repository. Without them these tests print why
//! and skip; with `CI` set they fail instead.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{python_has, require, skip};
use kurilnet::eval::{self, Export, Pooled};

/// The pooled macro F1 reached on the dev sets, less a margin for one slip;
/// a change that scores below it is a regression on real text.
const MACRO_FLOOR: f64 = 0.91;

/// Pooled F1 floors per category (same margin), in report order: persons,
/// meetings, proposals, participation, lineage.
const CATEGORY_FLOORS: [(&str, f64); 5] =
    [("persons", 0.97), ("meetings", 0.90), ("proposals", 0.95), ("participation", 0.83), ("lineage", 0.85)];

/// Share of matched persons whose side (country code) agrees with the gold.
const COUNTRY_FLOOR: f64 = 0.95;

fn kit() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")
}

/// The dev set folders, sorted, or `None` (with a message; a failure under CI).
fn dev_sets() -> Option<Vec<PathBuf>> {
    let dev = kit().join("dev");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&dev)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("docs").is_dir()).collect())
        .unwrap_or_default();
    sets.sort();
    if sets.is_empty() {
        let msg = format!("no development sets under {} (the evaluation kit is not beside the crate)", dev.display());
        assert!(std::env::var_os("CI").is_none(), "CI is set: {msg}");
        skip(&msg);
        return None;
    }
    Some(sets)
}

#[test]
fn dev_sets_pooled_macro_f1_floor() {
    let Some(sets) = dev_sets() else { return };
    let mut pooled = Pooled::default();
    for set in &sets {
        let gold = eval::Gold::load(&eval::pooled::gold_of(set).unwrap()).unwrap();
        let ex = kurilnet::pipeline::extract_corpus(&set.join("docs"), &Default::default()).unwrap();
        pooled.push(set.display().to_string(), eval::score(&gold, &Export::from_graph(&ex.graph).unwrap()));
    }
    let mut table = Vec::new();
    pooled.write_text(&mut table).unwrap();
    let table = String::from_utf8(table).unwrap();
    eprintln!("{table}");
    assert!(pooled.macro_f1() >= MACRO_FLOOR, "pooled macro F1 {:.3} fell below {MACRO_FLOOR}:\n{table}", pooled.macro_f1());
    for ((name, row), (want, floor)) in pooled.rows().into_iter().zip(CATEGORY_FLOORS) {
        assert_eq!(name, want);
        assert!(row.f1 >= floor, "pooled {name} F1 {:.3} fell below {floor}:\n{table}", row.f1);
    }
    let (right, of) = pooled.sets.iter().fold((0, 0), |(r, o), (_, ev)| {
        (r + ev.attributes.person_country.right, o + ev.attributes.person_country.of)
    });
    assert!(right as f64 >= COUNTRY_FLOOR * of as f64, "person sides right {right}/{of}, below {COUNTRY_FLOOR}");
}

/// `kurilnet eval SET_DIR...` prints what `score_sets.py --json` prints for
/// the same binary and sets.
#[test]
fn pooled_eval_agrees_with_score_sets() {
    let Some(sets) = dev_sets() else { return };
    let script = kit().join("score_sets.py");
    if !script.is_file() {
        skip(&format!("{} not found", script.display()));
        return;
    }
    if !require(python_has("tomllib"), "python3 ≥ 3.11", "install Python 3.11 or later") {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_kurilnet");
    let py = Command::new("python3").arg(&script).args(["--json", "--bin", bin]).args(&sets).output().unwrap();
    assert!(py.status.success(), "score_sets.py failed: {}", String::from_utf8_lossy(&py.stderr));
    let rs = Command::new(bin).args(["eval", "--json", "--quiet"]).args(&sets).output().unwrap();
    assert!(rs.status.success(), "kurilnet eval failed: {}", String::from_utf8_lossy(&rs.stderr));
    let py: serde_json::Value = serde_json::from_slice(&py.stdout).unwrap();
    let rs: serde_json::Value = serde_json::from_slice(&rs.stdout).unwrap();
    assert_eq!(py["sets"], rs["sets"], "per-set macro F1");
    assert_eq!(py["macro_f1"], rs["macro_f1"]);
    for (cat, row) in py["pooled"].as_object().unwrap() {
        for (k, v) in row.as_object().unwrap() {
            let (a, b) = (v.as_f64().unwrap(), rs["pooled"][cat][k].as_f64().unwrap_or(f64::NAN));
            assert!((a - b).abs() <= 1e-12, "{cat}.{k}: score_sets.py {a}, kurilnet {b}");
        }
    }
}

#[test]
fn set_dirs_and_gold_files_are_not_mixed() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kurilnet")).arg("eval").arg(dir.path()).arg("-q").output().unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains(&dir.path().display().to_string()) && e.contains("gold.toml"), "{e}");
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds.gold.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_kurilnet")).arg("eval").args([&gold, &gold, &gold]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("GOLD [CORPUS] or SET_DIR"));
}
