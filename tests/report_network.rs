//! The report's interactive network view in a real browser (headless
//! Chromium driven by Selenium, `tests/py/report_network.py`), on a machine
//! without Graphviz: the main job runs with a PATH that has no `dot`, and the
//! report and the standalone SVGs must still hold every diagram. A second
//! case loads the report of a 2,000-node network and prints how long the page
//! takes to become interactive. Screenshots go to `target/report-screenshots/`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{bin, require, text};

fn browser_ready() -> bool {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .any(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()));
    let driver = std::env::var("KURILNET_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let ok = chromium && Path::new(&driver).exists() && common::python_has("selenium");
    require(ok, "chromium, chromium-driver and python selenium", "apt-get install chromium chromium-driver; pip install -r tests/requirements.txt")
}

fn shots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("report-screenshots")
}

fn run_script(mode: &str, out: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/report_network.py");
    let o = Command::new("python3").arg(&script).arg(mode).arg(out).arg(shots()).output().expect("python3 runs");
    eprintln!("{}", text(&o.stdout));
    assert!(o.status.success(), "{}\n{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn without_graphviz_the_report_has_every_diagram_and_the_view_works_in_chromium() {
    let out = tempfile::tempdir().unwrap();
    // A PATH with no `dot` on it: a fresh machine without Graphviz.
    let empty = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = bin().env("PATH", empty.path()).arg("run").arg(&seeds).arg("-o").arg(out.path()).arg("-q").output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stderr = text(&o.stderr);
    assert!(stderr.contains("graph.svg not written: Graphviz `dot` not found"), "{stderr}");
    assert!(!out.path().join("graph.svg").exists());
    for f in ["network.svg", "timeline.svg", "lineage.svg", "report.html", "graph.dot", "lineage.dot"] {
        assert!(out.path().join(f).is_file(), "{f} missing without Graphviz");
    }
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(html.contains("<svg id=\"net-svg\""), "the network view");
    assert!(html.contains("data-file=\"timeline.svg\"><svg"), "the timeline figure");
    assert!(html.contains("data-file=\"lineage.svg\"><svg"), "the lineage figure");
    for url in ["https://", "src=\"http", "href=\"http"] {
        assert!(!html.contains(url), "the page fetches nothing ({url})");
    }

    if !browser_ready() {
        return;
    }
    run_script("full", out.path());
}

#[test]
fn a_two_thousand_node_report_loads_and_replays_in_chromium() {
    if !browser_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // persons + meetings + meetings/3 proposals + 5: about 2,000 nodes.
    let g = kurilnet::analysis::testkit::random(11, 700, 1000);
    let graph = common::write_graph(dir.path(), "graph.json", &g);
    let o = bin().arg("export").arg(&graph).arg("--format").arg("report").arg("-o").arg(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    run_script("large", dir.path());
}
