//! Regressions of issue 9 (hostile and careless input): each test reproduces one
//! defect found on the main branch and checks the clear error or correct result.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bin, dot_on_path, kurilnet, require, text};
use kurilnet::analysis::testkit;
use serde_json::Value;

/// A corpus folder holding `files` (name → bytes).
fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// `kurilnet run CORPUS -o OUT --quiet`; asserts it did not panic.
fn run(corpus: &Path, out: &Path) -> Output {
    let o = bin().arg("run").arg(corpus).arg("-o").arg(out).arg("--quiet").output().unwrap();
    let err = text(&o.stderr);
    assert!(!err.contains("panicked") && o.status.code() != Some(101), "panicked: {err}");
    o
}

fn ok_run(corpus: &Path, out: &Path) -> String {
    let o = run(corpus, out);
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stderr)
}

fn graph_json(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap()
}

fn items(g: &Value) -> impl Iterator<Item = &Value> {
    g["nodes"].as_array().unwrap().iter().chain(g["edges"].as_array().unwrap())
}

/// Item 1: a multi-byte white space before a sentence's last word panicked and lost the run.
#[test]
fn multi_byte_white_space_before_the_last_word_is_read() {
    let dir = corpus(&[
        ("a.txt", "Talks went on in\u{a0}Tokyo. Abe met Putin.\n".as_bytes()),
        ("b.txt", "Talks went on in\u{3000}Moscow. Then\u{2028}it ended.\n".as_bytes()),
    ]);
    let out = dir.path().join("out");
    let o = run(dir.path(), &out);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("2 documents read"), "{}", text(&o.stdout));
}

/// Item 11: with a UTF-8 BOM and CRLF line ends, every evidence span indexes the file as stored.
#[test]
fn evidence_spans_index_the_file_with_bom_and_crlf() {
    let seed = std::fs::read_to_string("seeds/004_a6f97e1a140d37fc.txt").unwrap();
    let stored = format!("\u{feff}{}", seed.replace('\n', "\r\n"));
    let dir = corpus(&[("d.txt", stored.as_bytes())]);
    let out = dir.path().join("out");
    ok_run(dir.path(), &out);
    let g = graph_json(&out);
    let mut checked = 0;
    for ev in items(&g).flat_map(|x| x["evidence"].as_array().unwrap()) {
        let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
        let span = std::str::from_utf8(&stored.as_bytes()[s..e]).expect("span on character boundaries");
        let folded = kurilnet::corpus::fold_ws(span);
        assert!(ev["text"].as_str().unwrap().contains(&folded), "{s}..{e} = {span:?} not in {}", ev["text"]);
        checked += 1;
    }
    assert!(checked > 20, "only {checked} evidence records");
}

/// Item 12: UTF-16 is refused by name, with the command that converts it.
#[test]
fn utf16_is_refused_with_the_conversion_to_use() {
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Abe met Putin.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let no_bom: Vec<u8> = "Abe met Putin in Tokyo.".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let dir = corpus(&[("a.txt", &utf16), ("b.txt", &no_bom), ("c.txt", b"Fine text.")]);
    let err = ok_run(dir.path(), &dir.path().join("out"));
    assert!(err.contains("warning: a.txt: UTF-16 text (byte-order mark FF FE)"), "{err}");
    assert!(err.contains("warning: b.txt: UTF-16 text without a byte-order mark"), "{err}");
    assert!(err.contains("iconv -f UTF-16 -t UTF-8"), "{err}");
}

/// Item 12: a FIFO, a device and a symbolic link loop are each named for what they are.
#[cfg(unix)]
#[test]
fn pipes_devices_and_link_loops_are_named() {
    let dir = corpus(&[("ok.txt", b"Fine text.")]);
    let d = dir.path();
    assert!(std::process::Command::new("mkfifo").arg(d.join("fifo.txt")).status().unwrap().success());
    std::os::unix::fs::symlink("/dev/null", d.join("dev.txt")).unwrap();
    std::os::unix::fs::symlink("loop2.txt", d.join("loop1.txt")).unwrap();
    std::os::unix::fs::symlink("loop1.txt", d.join("loop2.txt")).unwrap();
    let err = ok_run(d, &d.join("out"));
    for line in [
        "fifo.txt: a named pipe (FIFO), not a file; skipped",
        "dev.txt: a device, not a file; skipped",
        "loop1.txt: a symbolic link loop, not a file; skipped",
    ] {
        assert!(err.contains(line), "{line:?} in {err}");
    }
}

/// Item 12: an unterminated quote in manifest.csv names its line; an empty manifest is called empty.
#[test]
fn manifest_quote_and_empty_manifest_are_named() {
    let manifest = b"file,date,title\na.txt,1994,\"Unclosed\nb.txt,1995,B\n";
    let dir = corpus(&[("a.txt", b"Doc a."), ("b.txt", b"Doc b."), ("manifest.csv", manifest)]);
    let err = ok_run(dir.path(), &dir.path().join("out"));
    assert!(err.contains("manifest.csv: line 2: a quoted cell opens here and is never closed"), "{err}");
    let dir = corpus(&[("a.txt", b"Doc a."), ("manifest.csv", b"")]);
    let err = ok_run(dir.path(), &dir.path().join("out"));
    assert!(err.contains("manifest.csv: empty file"), "{err}");
}

/// Item 12: a line break in a file name is shown escaped; the warning stays one line.
#[cfg(unix)]
#[test]
fn a_line_break_in_a_file_name_stays_on_its_warning_line() {
    let dir = corpus(&[("two\nlines.txt", b"\xff not text"), ("b.txt", b"Fine text.")]);
    let err = ok_run(dir.path(), &dir.path().join("out"));
    assert!(err.lines().any(|l| l.starts_with("warning: two\\nlines.txt: not UTF-8 text")), "{err}");
}

/// Item 8: names equal but for case, invalid bytes or control characters give distinct ids.
#[cfg(unix)]
#[test]
fn colliding_file_names_get_distinct_document_ids() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let body = b"Prime Minister Shinzo Abe met Vladimir Putin in Moscow.";
    let names: [&[u8]; 6] = [b"dup.txt", b"dup.TXT", b"x\xff.txt", b"x\xfe.txt", b"c\x01.txt", b"c\x02.txt"];
    for n in names {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(n)), body).unwrap();
    }
    let out = dir.path().join("out");
    let err = ok_run(dir.path(), &out);
    assert!(err.contains("this document is `dup~2`"), "{err}");
    let g = graph_json(&out);
    let docs: Vec<&str> =
        g["nodes"].as_array().unwrap().iter().filter(|n| n["kind"] == "document").map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(docs.len(), 6, "{docs:?}");
    let graphml = std::fs::read_to_string(out.join("graph.graphml")).unwrap();
    assert_eq!(graphml.matches("<node ").count(), g["nodes"].as_array().unwrap().len(), "no node lost in GraphML");
    assert_eq!(graphml.matches("<edge ").count(), g["edges"].as_array().unwrap().len(), "no edge lost in GraphML");
}

/// Item 12: a `;` in a file name does not split the `docs` column into two documents.
#[test]
fn a_semicolon_in_a_file_name_keeps_one_document_per_id() {
    let dir = corpus(&[("a;b.txt", b"Prime Minister Shinzo Abe met Vladimir Putin in Moscow.")]);
    let out = dir.path().join("out");
    ok_run(dir.path(), &out);
    let mut r = csv::Reader::from_path(out.join("nodes.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let docs = h.iter().position(|c| c == "docs").unwrap();
    for row in r.records() {
        let row = row.unwrap();
        if !row[docs].is_empty() {
            assert_eq!(row[docs].split(';').collect::<Vec<_>>(), ["a%3Bb"], "{row:?}");
        }
    }
}

/// Item 12: `run -o FILE` and a too-long `-o` name fail at once, naming the output.
#[test]
fn a_bad_output_folder_fails_before_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    // The corpus does not exist either: the output is checked first, so it is what the error names.
    let o = run(&dir.path().join("no-corpus"), &file);
    let err = text(&o.stderr);
    assert!(!o.status.success() && err.contains("exists and is not a folder"), "{err}");
    let o = run(&dir.path().join("no-corpus"), &dir.path().join("n".repeat(300)));
    let err = text(&o.stderr);
    assert!(!o.status.success() && err.contains("is 300 bytes long"), "{err}");
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

/// Items 4 and 6: no file of an earlier run and no temporary stays; the user's files do.
#[test]
fn outputs_of_an_earlier_run_and_temporaries_do_not_stay() {
    let dir = corpus(&[("a.txt", b"Prime Minister Shinzo Abe met Vladimir Putin in Moscow.")]);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    std::fs::create_dir(&out).unwrap();
    for (n, b) in [("lineage.svg", "stale"), ("graph.svg", "stale"), (".graph.json.Ab12Cd.tmp", "half"), ("README.md", "mine")] {
        std::fs::write(out.join(n), b).unwrap();
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    // Without Graphviz this run writes no graph.svg: the stale one must not stay beside the new
    // graph, and lineage.svg (drawn by kurilnet itself) is this run's.
    let o = bin()
        .arg("run")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .env("PATH", std::env::join_paths(std::env::split_paths(&path).filter(|p| !p.join("dot").exists())).unwrap())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let got = names(&out);
    assert!(!got.iter().any(|n| n == "graph.svg" || n.ends_with(".tmp")), "{got:?}");
    assert!(std::fs::read_to_string(out.join("lineage.svg")).unwrap().starts_with("<"), "lineage.svg is this run's");
    assert!(got.contains(&"graph.json".to_string()));
    assert_eq!(std::fs::read_to_string(out.join("README.md")).unwrap(), "mine");
    assert_eq!(names(root.path()), ["out"], "no staging folder stays");
}

/// Item 5: a run killed at any moment leaves the whole old set or the whole new
/// set, never a mix; the next run removes what the killed one left.
#[cfg(unix)]
#[test]
fn a_killed_run_never_leaves_a_mixed_set() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let one = corpus(&[("a.txt", b"Prime Minister Shinzo Abe met Vladimir Putin in Moscow.")]);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    ok_run(one.path(), &out);
    let docs_of = |out: &Path| -> (u64, usize) {
        let g = graph_json(out);
        let rows = csv::Reader::from_path(out.join("nodes.csv")).unwrap().records().count();
        (g["meta"]["documents"].as_u64().unwrap(), rows.saturating_sub(g["nodes"].as_array().unwrap().len()))
    };
    for (i, delay_ms) in [5u64, 40, 80, 120, 160, 220, 300].into_iter().enumerate() {
        let corpus = if i % 2 == 0 { seeds.as_path() } else { one.path() };
        let mut child = bin().arg("run").arg(corpus).arg("-o").arg(&out).arg("-q").spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // graph.json and nodes.csv come from the same run: as many node rows as graph nodes.
        let (docs, extra_rows) = docs_of(&out);
        assert!(docs == 1 || docs == 5, "documents {docs}");
        assert_eq!(extra_rows, 0, "nodes.csv and graph.json of different runs (kill after {delay_ms} ms)");
    }
    ok_run(one.path(), &out);
    assert_eq!(names(root.path()), ["out"], "leftovers of killed runs removed");
    assert!(!names(&out).iter().any(|n| n.starts_with('.')), "no temporary file stays: {:?}", names(&out));
}

/// Every text output of a subcommand run on `graph`: CSV cells, XML text.
fn outputs_on(graph: &Path, dir: &Path) -> Vec<(String, Vec<u8>)> {
    let g = graph.to_str().unwrap();
    let mut files = Vec::new();
    for f in ["csv", "graphml", "gexf", "dot"] {
        let o = kurilnet(&["export", g, "-f", f, "-o", dir.join(f).to_str().unwrap()]);
        assert!(o.status.success(), "{f}: {}", text(&o.stderr));
        for e in std::fs::read_dir(dir.join(f)).unwrap() {
            let p = e.unwrap().path();
            files.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
        }
    }
    for (name, args) in [
        ("centrality.csv", vec!["centrality", g, "-f", "csv", "--top", "0"]),
        ("lineage.csv", vec!["lineage", g, "-f", "csv"]),
        ("lineage.dot", vec!["lineage", g, "-f", "dot"]),
        ("compare.csv", vec!["compare", g, "two-island", "lease", "-f", "csv"]),
    ] {
        let o = kurilnet(&args);
        assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
        files.push((name.to_string(), o.stdout));
    }
    files
}

/// A sample graph whose ids, labels and attribute names are hostile.
fn hostile_graph(dir: &Path, f: impl Fn(&str) -> String) -> PathBuf {
    let mut g: Value = serde_json::from_str(&testkit::sample().to_json_string().unwrap()).unwrap();
    let rename: Vec<(String, String)> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "proposal")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .map(|id| (id.clone(), f(&id)))
        .collect();
    let mut s = serde_json::to_string(&g).unwrap();
    for (a, b) in &rename {
        s = s.replace(&format!("\"{a}\""), &serde_json::to_string(b).unwrap());
    }
    g = serde_json::from_str(&s).unwrap();
    for n in g["nodes"].as_array_mut().unwrap() {
        let label = f(n["label"].as_str().unwrap());
        n["label"] = label.into();
        n["attrs"]["extra"][f("note")] = f("x").into();
    }
    let p = dir.join("graph.json");
    std::fs::write(&p, serde_json::to_vec(&g).unwrap()).unwrap();
    p
}

/// Item 10: no CSV cell, header included, starts a formula (unless it is a plain number).
#[test]
fn no_csv_cell_of_any_command_starts_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    for prefix in ["=", "+", "-", "@"] {
        let graph = hostile_graph(dir.path(), |s| format!("{prefix}HYPERLINK(\"http://x\";\"{s}\")"));
        let out = dir.path().join(format!("out{prefix}"));
        for (name, bytes) in outputs_on(&graph, &out).into_iter().filter(|(n, _)| n.ends_with(".csv")) {
            let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes.as_slice());
            for rec in r.records() {
                for c in rec.unwrap().iter() {
                    let formula = c.starts_with(['=', '+', '-', '@', '\t', '\r']) && c.parse::<f64>().is_err();
                    assert!(!formula, "{name}: cell {c:?}");
                }
            }
        }
    }
}

/// Item 9: characters XML 1.0 forbids never reach an XML output (GraphML, GEXF, SVG).
#[test]
fn xml_forbidden_characters_never_reach_xml_outputs() {
    let forbidden = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    let dir = tempfile::tempdir().unwrap();
    let graph = hostile_graph(dir.path(), |s| format!("{s}\u{FFFE}\u{FFFF}\u{1}\u{8}"));
    let mut files = outputs_on(&graph, &dir.path().join("out"));
    if require(dot_on_path(), "Graphviz dot", "apt-get install graphviz") {
        for (name, dot) in files.clone().into_iter().filter(|(n, _)| n.ends_with(".dot")) {
            let svg = kurilnet::export::svg::render_svg("dot", &String::from_utf8(dot).unwrap(), &name).unwrap().unwrap();
            files.push((name.replace(".dot", ".svg"), svg));
        }
    }
    assert!(files.iter().any(|(n, _)| n.ends_with(".graphml")));
    for (name, bytes) in files.into_iter().filter(|(n, _)| [".graphml", ".gexf", ".svg", ".dot"].iter().any(|x| n.ends_with(x))) {
        let t = String::from_utf8(bytes).unwrap();
        assert!(!t.chars().any(forbidden), "{name} holds an XML-forbidden character");
    }
}

/// Item 12: `eval --export` on a nodes.csv without Id/kind, or cut mid-row, is an error.
#[test]
fn eval_of_a_broken_export_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.toml");
    std::fs::write(&gold, "[[person]]\nid = \"taro-kono\"\nname = \"Taro Kono\"\ncountry = \"JP\"\n").unwrap();
    let ex = dir.path().join("ex");
    std::fs::create_dir(&ex).unwrap();
    std::fs::write(ex.join("edges.csv"), "Source,Target,relation\n").unwrap();
    for (nodes, want) in [
        ("Label,country\nTaro Kono,JP\n", "missing Id, kind"),
        ("Label\n", "missing Id, kind"),
        ("Id,Label,kind\nk,Taro Kono,person\nm,Talks", "is cut off"),
    ] {
        std::fs::write(ex.join("nodes.csv"), nodes).unwrap();
        let o = kurilnet(&["eval", gold.to_str().unwrap(), "--export", ex.to_str().unwrap()]);
        let err = text(&o.stderr);
        assert!(!o.status.success() && err.contains("nodes.csv") && err.contains(want), "{nodes:?}: {err}");
    }
}
