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
        "actors network (persons and states linked by meetings, met sides and proposal exchanges), all years: 18 nodes, ranked by degree"
    );
    assert!(lines[1].trim_start().starts_with("rank id") && lines[1].ends_with(" community"), "{out}");
    assert!(out.contains("… 15 more (--top 0 shows all)"));
    let full = ok(&["centrality", &g, "--network", "full", "--kinds", "all"]);
    assert!(full.contains("undefined"), "eigenvector on the acyclic full network: {full}");
    assert!(full.contains("note: eigenvector undefined: the network is acyclic"));
}

#[test]
fn the_default_table_ranks_actors_only() {
    let (_d, g) = sample_file();
    let out = ok(&["centrality", &g, "--top", "0"]);
    assert!(out.starts_with("actors network ("), "{out}");
    assert!(out.contains("ranked by betweenness"));
    let rows: Vec<&str> = out.lines().skip(2).filter(|l| !l.trim_start().starts_with("note:")).collect();
    assert_eq!(rows.len(), 18, "{out}");
    assert!(rows.iter().all(|l| l.contains(" person ") || l.contains(" state ")), "{out}");
    assert!(rows.iter().any(|l| l.contains(" state ")), "{out}");
    let full = ok(&["centrality", &g, "--network", "full", "--top", "0"]);
    assert!(full.contains("(18 person/state listed)"), "{full}");
    assert!(!full.contains(" proposal ") && !full.contains(" island "), "{full}");
    let undirected = ok(&["centrality", &g, "--network", "full", "--undirected", "--top", "0"]);
    assert!(undirected.starts_with("full network (read as undirected;"), "{undirected}");
    assert_ne!(full, undirected);
    let bad = kurilnet(&["centrality", &g, "--kinds", "persons"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown node kind \"persons\""));
}

#[test]
fn ties_two_mode_samples_and_windows() {
    let (_d, g) = sample_file();
    let co = ok(&["centrality", &g, "--ties", "co_attended", "--top", "0"]);
    assert!(co.starts_with("actors network (persons and states, co_attended ties only)"), "{co}");
    let two = ok(&["centrality", &g, "--network", "two-mode", "--top", "0"]);
    assert!(two.lines().nth(1).unwrap().contains("degree_centrality betweenness closeness"), "{two}");
    assert!(two.contains(" meeting ") && two.contains(" person "));
    let sampled = ok(&["centrality", &g, "--network", "full", "--samples", "5", "--sample-above", "10"]);
    assert!(sampled.contains("note: betweenness is an estimate from 5 sampled sources of"), "{sampled}");
    let exact = ok(&["centrality", &g, "--network", "full", "--samples", "5"]);
    assert!(!exact.contains("estimate"), "small networks stay exact");
    let long = ok(&["centrality", &g, "--window", "5", "--step", "1"]);
    let mut r = csv::Reader::from_reader(long.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["actor", "label", "kind", "window_start", "window_end", "measure", "value"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|x| x[4].parse::<i32>().unwrap() - x[3].parse::<i32>().unwrap() == 4));
    assert!(rows.iter().any(|x| &x[0] == "vladimir-putin" && &x[5] == "betweenness"));
    let starts: std::collections::BTreeSet<i32> = rows.iter().map(|x| x[3].parse().unwrap()).collect();
    assert!(starts.len() > 10, "a window every year: {starts:?}");
    assert_eq!(long, ok(&["centrality", &g, "--window", "5", "--step", "1"]), "deterministic");
}

#[test]
fn centrality_csv_by_era_has_rows_per_era_and_both_networks() {
    let (_d, g) = sample_file();
    let out = ok(&["centrality", &g, "--by-era", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let periods: std::collections::BTreeSet<&str> = rows.iter().map(|x| x.get(4).unwrap()).collect();
    assert!(periods.contains("yeltsin") && periods.contains("abe") && periods.contains("soviet"), "{periods:?}");
    assert!(["actors", "full", "two-mode"].iter().all(|n| rows.iter().any(|x| &x[3] == *n)));
    let window = ok(&["centrality", &g, "--from", "1989", "--to", "2001", "--format", "csv"]);
    assert!(window.lines().skip(1).all(|l| l.contains(",1989-2001,")));
    assert!(!window.contains("ichiro-hatoyama"), "1956 only");
    assert_eq!(out, ok(&["centrality", &g, "--by-era", "--format", "csv"]), "deterministic");
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("actors.json");
    ok(&["centrality", &g, "--actors-graph", actors.to_str().unwrap(), "--format", "csv"]);
    let a = Graph::load(&actors).unwrap();
    let ties = kurilnet::analysis::network::Ties::RELATIONS;
    assert!(a.edges().iter().all(|e| ties.contains(&e.relation)));
    assert!(!a.edges_of(kurilnet::graph::Relation::CoAttended).is_empty());
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
