//! Opens `report.html` in headless Chromium: the page must render the network
//! view, the diagrams and the tables (checked on the rendered DOM and on a
//! screenshot). Graphviz is not needed: every diagram is drawn in Rust.

use std::path::Path;
use std::process::Command;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
}

fn skip_or_fail(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is required in CI (.ci/run installs it)");
    }
    eprintln!("SKIPPED: {what} not installed (apt-get install chromium)");
}

fn chromium_cmd(bin: &str, profile: &Path) -> Command {
    let mut c = Command::new(bin);
    // Flags for a closed network and running as root: no sandbox, no background traffic.
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1280,2400",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

#[test]
fn report_renders_diagram_and_tables_in_chromium() {
    let Some(browser) = chromium() else { return skip_or_fail("chromium") };
    let out = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let o = Command::new(env!("CARGO_BIN_EXE_kurilnet"))
        .arg("run")
        .arg(&seeds)
        .arg("-o")
        .arg(out.path())
        .arg("-q")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = out.path().join("report.html");
    let url = format!("file://{}", report.display());
    let profile = tempfile::tempdir().unwrap();

    // The DOM after Chromium parsed the page.
    let dom = chromium_cmd(browser, profile.path()).arg("--dump-dom").arg(&url).output().unwrap();
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<svg id=\"net-svg\""), "the network view is not in the rendered page");
    assert!(dom.contains("data-ready=\"1\""), "the network view's script ran");
    assert!(dom.contains("<div class=\"figure\" data-file=\"timeline.svg\"><svg"), "the timeline is not in the page");
    let meetings = {
        let mut r = csv::Reader::from_path(out.path().join("nodes.csv")).unwrap();
        r.records().filter(|x| x.as_ref().unwrap().get(2) == Some("meeting")).count()
    };
    let timeline = dom.split("<table class=\"timeline\">").nth(1).expect("timeline table rendered");
    let rows = timeline.split("</table>").next().unwrap().matches("<tr>").count() - 1;
    assert_eq!(rows, meetings, "one timeline row per meeting node");
    assert!(dom.contains("<table class=\"lineage\">"), "lineage tables rendered");
    assert!(dom.contains("<ol class=\"evidence\"><li id=\"ev1\">"), "evidence list rendered");

    // A screenshot: the page is not blank and carries colour (the diagram).
    let shot = out.path().join("report.png");
    let s = chromium_cmd(browser, profile.path())
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let px = info.color_type.samples();
    assert!(px >= 3, "colour screenshot expected");
    let pixels = &buf[..info.buffer_size()];
    let (mut ink, mut coloured, mut total) = (0usize, 0usize, 0usize);
    for p in pixels.chunks(px) {
        total += 1;
        let (r, g, b) = (p[0] as i32, p[1] as i32, p[2] as i32);
        if r + g + b < 600 {
            ink += 1;
        }
        if (r - g).abs().max((g - b).abs()).max((r - b).abs()) > 40 {
            coloured += 1;
        }
    }
    assert!(ink * 100 > total, "page looks blank: {ink} of {total} pixels inked");
    assert!(coloured * 1000 > total, "no coloured pixels: the diagram did not render ({coloured} of {total})");
}
