//! The `centrality`, `lineage` and `compare` subcommands as a user runs them:
//! on a graph.json, with their formats, errors and a closed pipe.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{bin, dot_on_path, kurilnet, require, write_graph};
use kurilnet::analysis::testkit;
use kurilnet::graph::Graph;

fn ok(args: &[&str]) -> String {
    let out = kurilnet(args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{args:?} wrote to stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn sample_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = write_graph(dir.path(), "graph.json", &testkit::sample());
    let s = p.to_str().unwrap().to_string();
    (dir, s)
}

#[test]
fn centrality_table_ranks_by_the_chosen_measure() {
    let (_d, g) = sample_file();
    let out = ok(&["centrality", &g, "--network", "actors", "--measure", "degree", "--top", "3"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "actors network (persons linked by meetings attended together), all years: 15 nodes, ranked by degree"
    );
    assert!(lines[1].trim_start().starts_with("rank id"), "{out}");
    assert!(lines[2].contains("vladimir-putin"), "{out}");
    assert!(out.contains("… 12 more (--top 0 shows all)"));
    let full = ok(&["centrality", &g]);
    assert!(full.contains("undefined"), "eigenvector on the acyclic full network: {full}");
    assert!(full.contains("note: eigenvector undefined: the network is acyclic"));
}

#[test]
fn centrality_csv_by_era_has_rows_per_era_and_both_networks() {
    let (_d, g) = sample_file();
    let out = ok(&["centrality", &g, "--by-era", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let periods: std::collections::BTreeSet<&str> = rows.iter().map(|x| x.get(4).unwrap()).collect();
    assert!(periods.contains("yeltsin") && periods.contains("abe") && periods.contains("soviet"), "{periods:?}");
    assert!(rows.iter().any(|x| &x[3] == "actors") && rows.iter().any(|x| &x[3] == "full"));
    let window = ok(&["centrality", &g, "--from", "1989", "--to", "2001", "--format", "csv"]);
    assert!(window.lines().skip(1).all(|l| l.contains(",1989-2001,")));
    assert!(!window.contains("ichiro-hatoyama"), "1956 only");
    assert_eq!(out, ok(&["centrality", &g, "--by-era", "--format", "csv"]), "deterministic");
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("actors.json");
    ok(&["centrality", &g, "--actors-graph", actors.to_str().unwrap(), "--format", "csv"]);
    let a = Graph::load(&actors).unwrap();
    assert_eq!(a.edges_of(kurilnet::graph::Relation::CoAttended).len(), a.edge_count());
    assert!(a.edge_count() > 0);
    let bad = kurilnet(&["centrality", &g, "--from", "2001", "--to", "1989"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--from 2001 is after --to 1989"));
}

#[test]
fn lineage_formats_timeline_csv_and_dot() {
    let (_d, g) = sample_file();
    let t = ok(&["lineage", &g, "--family", "two-island"]);
    assert!(t.starts_with("two-island — 5 proposals, root p-1956-joint-declaration\n"), "{t}");
    let csv = ok(&["lineage", &g, "--format", "csv"]);
    assert!(csv.starts_with("id,label,family,date,"));
    let dot = ok(&["lineage", &g, "--format", "dot"]);
    assert!(dot.starts_with("digraph lineage {"));
}

#[test]
fn lineage_names_a_cycle_with_the_file_and_traces_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut g = testkit::sample();
    g.upsert_edge(kurilnet::graph::Edge::new(
        "p-1956-joint-declaration",
        "p-1960-withdrawal",
        kurilnet::graph::Relation::DerivedFrom,
    ))
    .unwrap();
    let p = write_graph(dir.path(), "cyclic.json", &g);
    let out = kurilnet(&["lineage", p.to_str().unwrap()]);
    // A cycle is a note, not a failed command: one link is left out and the lineage shown.
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cyclic.json")
            && err.contains("form a cycle: p-1956-joint-declaration → p-1960-withdrawal → p-1956-joint-declaration")
            && err.contains("the link p-1956-joint-declaration → p-1960-withdrawal is left out"),
        "{err}"
    );
    let timeline = String::from_utf8_lossy(&out.stdout);
    assert!(timeline.contains("p-1960-withdrawal") && timeline.contains("root p-1956-joint-declaration"), "{timeline}");
}

#[test]
fn compare_families_and_prefixes() {
    let (_d, g) = sample_file();
    let t = ok(&["compare", &g, "two-island", "lease"]);
    assert!(
        t.starts_with("A: family two-island (latest: p-2019-plus-alpha)\nB: family lease (latest: p-1990-lease)\n"),
        "{t}"
    );
    // 2019's second parent (joint-economic, 2016) derives from the 1990 lease idea.
    assert!(t.contains("Common ancestors: p-1990-lease (1990-03)\nDiverge: the paths share no root\n"), "{t}");
    let t = ok(&["compare", &g, "p-1956", "p-2019"]);
    assert!(t.contains("Diverge: B continues A's line after p-1956-joint-declaration"), "{t}");
    let csv = ok(&["compare", &g, "p-1956", "p-2019", "--format", "csv"]);
    assert!(csv.starts_with("section,key,a,b,note\n"));
    let out = kurilnet(&["compare", &g, "p-19", "lease"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot resolve A")
            && err.contains("\"p-19\" is ambiguous: 5 proposal ids start with it: p-1956-joint-declaration, "),
        "{err}"
    );
}

#[test]
fn compare_dot_renders_without_graphviz_warnings() {
    let (_d, g) = sample_file();
    let dot = ok(&["compare", &g, "two-island", "four-island", "--format", "dot"]);
    assert!(dot.contains(kurilnet::analysis::lineage::dot::COLOR_BOTH));
    if require(dot_on_path(), "Graphviz `dot`", "apt-get install graphviz") {
        let svg = kurilnet::export::svg::render_svg("dot", &dot, "compare.svg").unwrap().expect("dot found");
        assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // Output far larger than a pipe buffer, so the write after `head` closes must fail.
    let p = write_graph(dir.path(), "big.json", &testkit::random(5, 400, 300));
    let mut child = bin()
        .args(["centrality", p.to_str().unwrap(), "--format", "csv", "--by-era"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("id,label,kind,network"));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn lineage_of_an_absent_family_is_an_error_naming_the_file_and_the_families() {
    let (_d, g) = sample_file();
    let out = kurilnet(&["lineage", &g, "--family", "nonsense"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{g} has no proposal of family \"nonsense\"")), "{err}");
    assert!(err.contains("its families: ") && err.contains("two-island"), "{err}");
}
