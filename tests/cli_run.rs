//! End-to-end tests of the binary: the main job on `seeds/`, broken inputs,
//! determinism and atomic output.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bin, text};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn run_main(corpus: &Path, out: &Path) -> Output {
    bin().arg("run").arg(corpus).arg("-o").arg(out).arg("--quiet").output().expect("binary runs")
}

fn read_csv(path: &Path) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let h = r.headers().unwrap().clone();
    let rows = r.records().map(|x| x.expect("well-formed CSV row")).collect();
    (h, rows)
}

fn col(h: &csv::StringRecord, name: &str) -> usize {
    h.iter().position(|c| c == name).unwrap_or_else(|| panic!("column {name} missing in {h:?}"))
}

#[test]
fn main_job_on_seeds_writes_every_output_with_evidence() {
    let out = tempfile::tempdir().unwrap();
    let o = run_main(&seeds(), out.path());
    assert!(o.status.success(), "stderr: {}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("5 documents read"), "{stdout}");
    for f in ["graph.json", "nodes.csv", "edges.csv", "unresolved.csv"] {
        assert!(out.path().join(f).is_file(), "{f} missing; stdout: {stdout}");
    }
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let (nh, nodes) = read_csv(&out.path().join("nodes.csv"));
    for c in
        ["Id", "Label", "kind", "country", "start", "end", "status", "place", "family", "proposer", "timeset", "docs"]
    {
        col(&nh, c);
    }
    let ids: std::collections::HashSet<&str> = nodes.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids unique");
    let docs = nodes.iter().filter(|r| &r[col(&nh, "kind")] == "document").count();
    assert_eq!(docs, 5);

    let (eh, edges) = read_csv(&out.path().join("edges.csv"));
    let (s, t, id, ev, n) =
        (col(&eh, "Source"), col(&eh, "Target"), col(&eh, "Id"), col(&eh, "evidence"), col(&eh, "evidence_count"));
    col(&eh, "relation");
    let eids: std::collections::HashSet<&str> = edges.iter().map(|r| r.get(id).unwrap()).collect();
    assert_eq!(eids.len(), edges.len(), "edge ids unique");
    for r in &edges {
        assert!(ids.contains(&r[s]) && ids.contains(&r[t]), "edge ends exist: {r:?}");
        assert!(r[n].parse::<usize>().unwrap() >= 1, "edge without evidence: {r:?}");
        assert!(!r[ev].is_empty(), "edge without evidence text: {r:?}");
    }

    // graph.json: every node and edge carries evidence whose span lies in its document.
    let g = kurilnet::graph::Graph::load(&out.path().join("graph.json")).unwrap();
    let docs: std::collections::HashMap<String, String> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                kurilnet::corpus::decode(&std::fs::read(&p).unwrap()).unwrap(),
            )
        })
        .collect();
    let check = |what: &str, ev: &[kurilnet::graph::Evidence]| {
        assert!(!ev.is_empty(), "{what} has no evidence");
        for e in ev {
            let doc = docs.get(&*e.doc).unwrap_or_else(|| panic!("{what}: unknown document {}", e.doc));
            assert!(e.start < e.end && e.end <= doc.len(), "{what}: span {}..{} outside {}", e.start, e.end, e.doc);
            let span = kurilnet::corpus::fold_ws(&doc[e.start..e.end]);
            assert!(e.text.contains(&span), "{what}: span {span:?} not inside its sentence {:?}", e.text);
        }
    };
    for node in g.nodes() {
        check(&node.id, &node.evidence);
    }
    for edge in g.edges() {
        check(&edge.id(), &edge.evidence);
    }
}

#[test]
fn outputs_are_byte_identical_across_runs() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(run_main(&seeds(), a.path()).status.success());
    assert!(run_main(&seeds(), b.path()).status.success());
    let mut names: Vec<_> = std::fs::read_dir(a.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert!(names.len() >= 4);
    for n in names {
        let x = std::fs::read(a.path().join(&n)).unwrap();
        let y = std::fs::read(b.path().join(&n)).unwrap_or_else(|_| panic!("{n:?} only in one run"));
        assert!(x == y, "{n:?} differs between two runs on the same input");
    }
}

/// A corpus folder with every kind of bad input next to one good document.
fn broken_corpus() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(
        p.join("good.txt"),
        "Foreign Minister Taro Kono met Sergei Lavrov in Munich on Feb. 16. They talked.",
    )
    .unwrap();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 talks in Tokyo.").unwrap();
    std::fs::write(p.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    std::fs::write(p.join("undated.txt"), "Talks were held.\nData as of January 1994\n").unwrap();
    std::fs::write(
        p.join("manifest.csv"),
        "file,date,source,title\ngood.txt,2019-02-17,Test,Good\nmissing.txt,2000-01-01,Test,Gone\nlatin1.txt,Feb 2001,Test,Bad date\n",
    )
    .unwrap();
    d
}

#[test]
fn broken_inputs_are_named_and_the_rest_is_processed() {
    let corpus = broken_corpus();
    let out = tempfile::tempdir().unwrap();
    let o = run_main(corpus.path(), out.path());
    let err = text(&o.stderr);
    assert!(o.status.success(), "a bad file must not fail the run: {err}");
    assert!(!err.contains("panicked"), "{err}");
    for (file, problem) in [
        ("latin1.txt", "not UTF-8"),
        ("binary.txt", "binary file"),
        ("empty.txt", "empty file"),
        ("manifest.csv", "missing.txt"),
        ("manifest.csv", "malformed date \"Feb 2001\""),
        ("undated.txt", "not listed in manifest.csv"),
        ("undated.txt", "using 1994-01, read from the text"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(problem)),
            "expected a warning naming {file} and {problem:?} in:\n{err}"
        );
    }
    let stdout = text(&o.stdout);
    assert!(stdout.contains("2 documents read"), "{stdout}");
    let (h, nodes) = read_csv(&out.path().join("nodes.csv"));
    let k = col(&h, "kind");
    assert_eq!(nodes.iter().filter(|r| &r[k] == "document").count(), 2);
}

#[test]
fn missing_or_empty_corpus_is_a_clear_error() {
    let out = tempfile::tempdir().unwrap();
    let o = run_main(Path::new("no/such/folder"), out.path());
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("corpus folder no/such/folder does not exist"), "{}", text(&o.stderr));

    let empty = tempfile::tempdir().unwrap();
    let o = run_main(empty.path(), out.path());
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("holds no .txt documents"), "{}", text(&o.stderr));

    let only_bad = tempfile::tempdir().unwrap();
    std::fs::write(only_bad.path().join("x.txt"), b"\xff\xfe").unwrap();
    let o = run_main(only_bad.path(), out.path());
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("no document of"), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0, "a failed run writes nothing");
}

#[test]
fn extract_then_export_round_trips_through_graph_json() {
    let dir = tempfile::tempdir().unwrap();
    let gj = dir.path().join("g.json");
    let o = bin().arg("extract").arg(seeds()).arg("-o").arg(&gj).arg("-q").output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = bin().arg("export").arg(&gj).args(["--format", "csv", "-o"]).arg(dir.path().join("csv")).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let run_dir = tempfile::tempdir().unwrap();
    assert!(run_main(&seeds(), run_dir.path()).status.success());
    for f in ["nodes.csv", "edges.csv"] {
        let exported = std::fs::read(dir.path().join("csv").join(f)).unwrap();
        let from_run = std::fs::read(run_dir.path().join(f)).unwrap();
        // The main job may add analysis columns; the extracted rows must agree on the contract columns.
        let (h1, r1) = read_csv(&dir.path().join("csv").join(f));
        let (h2, r2) = read_csv(&run_dir.path().join(f));
        assert_eq!(r1.len(), r2.len(), "{f}: row count");
        let (i1, i2) = (col(&h1, h1.get(0).unwrap()), col(&h2, h1.get(0).unwrap()));
        for (a, b) in r1.iter().zip(&r2) {
            assert_eq!(a.get(i1), b.get(i2), "{f}: same ids in the same order");
        }
        assert!(!exported.is_empty() && !from_run.is_empty());
    }
}

#[test]
fn export_of_a_bad_graph_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let o = bin().arg("export").arg(&bad).arg("-o").arg(dir.path()).output().unwrap();
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("bad.json is not a kurilnet graph"), "{err}");
}

#[test]
fn help_explains_each_subcommand() {
    for sub in ["run", "extract", "export"] {
        let o = bin().args([sub, "--help"]).output().unwrap();
        assert!(o.status.success());
        let h = text(&o.stdout);
        assert!(h.contains("Usage: kurilnet"), "{sub}: {h}");
        assert!(h.lines().count() > 5, "{sub} help is too thin: {h}");
    }
}

/// `script` runs a command on a pseudo-terminal and copies what it shows to its stdout.
fn on_terminal(args: &[&str]) -> Option<String> {
    let ok = std::process::Command::new("script").arg("-V").output().is_ok_and(|o| o.status.success());
    if !common::require(ok, "`script` (util-linux)", "apt-get install bsdutils") {
        return None;
    }
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_kurilnet"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let o = std::process::Command::new("script").args(["-qec", &quoted.join(" "), "/dev/null"]).output().unwrap();
    assert!(o.status.success(), "{args:?} on a terminal: {}", text(&o.stdout));
    Some(text(&o.stdout))
}

#[test]
fn progress_bar_only_on_a_terminal_and_not_with_quiet() {
    let out = tempfile::tempdir().unwrap();
    let (corpus, dir) = (seeds(), out.path().join("o"));
    let (corpus, dir) = (corpus.to_str().unwrap(), dir.to_str().unwrap());
    let Some(shown) = on_terminal(&["run", corpus, "-o", dir]) else { return };
    assert!(shown.contains("extracting") && shown.contains("/5"), "a bar on a terminal: {shown}");
    let quiet = on_terminal(&["run", corpus, "-o", dir, "--quiet"]).unwrap();
    assert!(!quiet.contains("extracting") && quiet.contains("5 documents read"), "--quiet: {quiet}");
    let piped = bin().args(["run", corpus, "-o", dir]).output().unwrap();
    assert!(piped.status.success());
    assert!(!text(&piped.stderr).contains("extracting"), "no bar into a pipe: {}", text(&piped.stderr));
}
