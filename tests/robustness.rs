//! Bad input never panics: hand-made broken graph.json files, corpora and
//! closed pipes, run through every subcommand. A failure must name the file
//! and the problem; a graph that is odd but well-formed must be processed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{bin, dot_on_path, kurilnet, require, text, write_graph};
use kurilnet::analysis::testkit;
use serde_json::{Value, json};

/// Every subcommand that reads a graph.json, with its formats (`{out}` is an output folder).
const GRAPH_COMMANDS: &[&[&str]] = &[
    &["export", "-f", "csv", "-o", "{out}"],
    &["export", "-f", "gexf", "-o", "{out}"],
    &["export", "-f", "graphml", "-o", "{out}"],
    &["export", "-f", "nodelink", "-o", "{out}"],
    &["export", "-f", "dot", "-o", "{out}"],
    &["export", "-f", "graph-json", "-o", "{out}"],
    &["centrality"],
    &["centrality", "--by-era", "-f", "csv"],
    &["centrality", "--network", "actors", "--actors-graph", "{out}/actors.json"],
    &["lineage"],
    &["lineage", "-f", "csv"],
    &["lineage", "-f", "dot"],
    &["compare", "two-island", "lease"],
    &["compare", "p-", "lease", "-f", "dot"],
];

fn sample() -> Value {
    serde_json::from_str(&testkit::sample().to_json_string().unwrap()).unwrap()
}

fn nodes(g: &mut Value) -> &mut Vec<Value> {
    g["nodes"].as_array_mut().unwrap()
}

fn edges(g: &mut Value) -> &mut Vec<Value> {
    g["edges"].as_array_mut().unwrap()
}

fn proposals(g: &Value) -> Vec<String> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "proposal")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

fn for_kind(g: &mut Value, kind: &str, f: impl Fn(&mut Value)) {
    nodes(g).iter_mut().filter(|n| n["kind"] == kind).for_each(f);
}

/// What a broken graph must give.
enum Expect {
    /// Refused on reading by every subcommand, with this text in the error.
    Refused(&'static str),
    /// Read; subcommands may still refuse it (naming the file) but never panic.
    Read,
}

/// Write the case, run every graph subcommand on it and check the outcome.
fn check_graph_case(name: &str, bytes: Vec<u8>, expect: Expect) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.json"));
    std::fs::write(&path, bytes).unwrap();
    let out = dir.path().join("out");
    let file = path.to_str().unwrap();
    for cmd in GRAPH_COMMANDS {
        let mut args: Vec<String> = vec![cmd[0].to_string(), file.to_string()];
        args.extend(cmd[1..].iter().map(|a| a.replace("{out}", out.to_str().unwrap())));
        let o = kurilnet(&args);
        let err = text(&o.stderr);
        assert!(!err.contains("panicked") && o.status.code() != Some(101), "{name}: {args:?} panicked: {err}");
        match expect {
            Expect::Refused(what) => {
                assert!(!o.status.success(), "{name}: {args:?} accepted a broken graph");
                assert!(err.contains(&format!("{file} is not a kurilnet graph")), "{name}: {args:?}: {err}");
                assert!(err.contains(what), "{name}: {args:?}: expected {what:?} in: {err}");
            }
            Expect::Read if !o.status.success() => {
                assert!(err.contains(file), "{name}: {args:?}: the error does not name the file: {err}");
            }
            Expect::Read => {}
        }
        assert_eq!(err.matches("caused by").count(), err.lines().filter(|l| l.contains("caused by")).count());
    }
}

macro_rules! graph_cases {
    ($($name:ident: |$g:ident| $mutate:expr => $expect:expr,)*) => {$(
        #[test]
        fn $name() {
            #[allow(unused_mut, unused_variables)]
            let mut $g = sample();
            let bytes: Vec<u8> = $mutate;
            check_graph_case(stringify!($name), bytes, $expect);
        }
    )*};
}

fn to_bytes(g: &Value) -> Vec<u8> {
    serde_json::to_vec(g).unwrap()
}

graph_cases! {
    empty_file: |g| Vec::new() => Expect::Refused("EOF while parsing"),
    not_json: |g| b"hello".to_vec() => Expect::Refused("expected value at line 1"),
    json_array: |g| b"[]".to_vec() => Expect::Refused("invalid length 0, expected struct GraphFile"),
    future_version: |g| { g["format"] = json!(2); to_bytes(&g) } => Expect::Refused("format version 2"),
    missing_nodes: |g| { g.as_object_mut().unwrap().remove("nodes"); to_bytes(&g) } => Expect::Refused("missing field `nodes`"),
    unknown_kind: |g| { nodes(&mut g)[0]["kind"] = json!("wizard"); to_bytes(&g) } => Expect::Refused("unknown variant `wizard`"),
    numeric_id: |g| { nodes(&mut g)[0]["id"] = json!(5); to_bytes(&g) } => Expect::Refused("invalid type: integer `5`"),
    unknown_relation: |g| { edges(&mut g)[0]["relation"] = json!("loves"); to_bytes(&g) } => Expect::Refused("unknown variant `loves`"),
    dangling_edge: |g| { edges(&mut g)[0]["target"] = json!("nobody"); to_bytes(&g) } => Expect::Refused("does not exist: nobody"),
    duplicate_node: |g| { let n = nodes(&mut g)[0].clone(); nodes(&mut g).push(n); to_bytes(&g) } => Expect::Refused("occurs twice"),
    impossible_date: |g| { for_kind(&mut g, "meeting", |n| n["attrs"]["start"] = json!("1999-13-45")); to_bytes(&g) }
        => Expect::Refused("malformed date \"1999-13-45\""),
    span_beyond_usize: |g| { for_kind(&mut g, "person", |n| n["evidence"][0]["start"] = json!(1e21)); to_bytes(&g) }
        => Expect::Refused("expected usize"),
    empty_graph: |g| br#"{"format":1,"meta":{},"nodes":[],"edges":[]}"#.to_vec() => Expect::Read,
    documents_only: |g| { nodes(&mut g).retain(|n| n["kind"] == "document"); edges(&mut g).clear(); to_bytes(&g) } => Expect::Read,
    byte_order_mark: |g| [b"\xEF\xBB\xBF".as_slice(), &to_bytes(&g)].concat() => Expect::Read,
    lineage_cycle: |g| {
        let p = proposals(&g);
        edges(&mut g).push(json!({"source": p[0], "target": p[1], "relation": "derived_from"}));
        edges(&mut g).push(json!({"source": p[1], "target": p[0], "relation": "derived_from"}));
        to_bytes(&g)
    } => Expect::Read,
    lineage_self_loop: |g| {
        let p = proposals(&g);
        edges(&mut g).push(json!({"source": p[0], "target": p[0], "relation": "derived_from"}));
        to_bytes(&g)
    } => Expect::Read,
    relations_between_odd_kinds: |g| {
        let p = proposals(&g);
        edges(&mut g).push(json!({"source": "boris-yeltsin", "target": p[0], "relation": "derived_from"}));
        edges(&mut g).push(json!({"source": p[1], "target": "boris-yeltsin", "relation": "participated_in"}));
        edges(&mut g).push(json!({"source": "doc-a", "target": p[1], "relation": "co_attended"}));
        to_bytes(&g)
    } => Expect::Read,
    huge_and_negative_numbers: |g| {
        for (i, e) in edges(&mut g).iter_mut().enumerate() {
            e["weight"] = json!(if i % 2 == 0 { 1e308 } else { -5.0 });
        }
        for_kind(&mut g, "person", |n| n["evidence"][0]["sentence"] = json!(u64::MAX));
        for_kind(&mut g, "proposal", |n| n["attrs"]["start"] = json!("9999"));
        for_kind(&mut g, "meeting", |n| n["attrs"]["end"] = json!("0001"));
        to_bytes(&g)
    } => Expect::Read,
    nasty_labels: |g| {
        for_kind(&mut g, "proposal", |n| {
            n["label"] = json!("\"<&>\u{0}\u{202e}\r\n\\");
            n["attrs"]["family"] = json!("\"; digraph {");
        });
        nodes(&mut g)[0]["label"] = json!("x".repeat(100_000));
        nodes(&mut g)[1]["label"] = json!("");
        to_bytes(&g)
    } => Expect::Read,
    proposals_without_family: |g| {
        for_kind(&mut g, "proposal", |n| {
            n["attrs"].as_object_mut().unwrap().remove("family");
            n["attrs"]["proposer"] = json!([]);
        });
        to_bytes(&g)
    } => Expect::Read,
}

#[test]
fn a_folder_given_as_graph_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let o = kurilnet(&[Path::new("lineage").as_os_str(), dir.path().as_os_str()]);
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains(&format!("cannot open graph file {}", dir.path().display())), "{err}");
}

#[test]
fn unresolvable_comparison_names_the_graph_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_graph(dir.path(), "g.json", &testkit::sample());
    let o = kurilnet(&[Path::new("compare").as_os_str(), p.as_os_str(), "no-such-family".as_ref(), "lease".as_ref()]);
    let err = text(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains(&format!("cannot resolve A in {}", p.display())) && err.contains("no-such-family"), "{err}");
}

/// Labels Graphviz cannot scan as written (a NUL, a 100 kB string) still render.
#[test]
fn svg_of_nasty_labels_renders() {
    if !require(dot_on_path(), "Graphviz `dot`", "apt-get install graphviz") {
        return;
    }
    let mut g = testkit::sample();
    g.node_mut("p-1956-joint-declaration").unwrap().label = "nul\0here\u{1b}[31m".into();
    g.node_mut("boris-yeltsin").unwrap().label = "y".repeat(100_000);
    let dir = tempfile::tempdir().unwrap();
    let p = write_graph(dir.path(), "g.json", &g);
    let out = dir.path().join("out");
    let o = kurilnet(&[
        Path::new("export").as_os_str(),
        p.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let svg = std::fs::read_to_string(out.join("graph.svg")).unwrap();
    assert!(svg.contains("nul\u{FFFD}here\u{FFFD}[31m"), "control characters drawn as U+FFFD");
    assert!(svg.contains(&"y".repeat(20_000)), "the long label is drawn whole");
    let lineage = kurilnet(&[Path::new("lineage").as_os_str(), p.as_os_str(), "-f".as_ref(), "dot".as_ref()]);
    // render_svg fails on any warning or error from dot.
    let svg =
        kurilnet::export::svg::render_svg("dot", &text(&lineage.stdout), "lineage.svg").unwrap().expect("dot found");
    assert!(text(&svg).contains("<svg"));
}

/// A corpus folder holding `files` (relative name → bytes).
fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

fn run_corpus(dir: &Path) -> (bool, String, String, PathBuf) {
    let out = dir.join("out");
    let o = bin().arg("run").arg(dir).arg("-o").arg(&out).arg("--quiet").output().unwrap();
    let err = text(&o.stderr);
    assert!(!err.contains("panicked") && o.status.code() != Some(101), "panicked: {err}");
    (o.status.success(), text(&o.stdout), err, out)
}

macro_rules! corpus_cases {
    ($($name:ident: [$($file:expr => $bytes:expr),* $(,)?] => ok: $ok:expr, stderr: [$($needle:expr),* $(,)?],)*) => {$(
        #[test]
        fn $name() {
            let dir = corpus(&[$(($file, $bytes)),*]);
            let (ok, stdout, err, out) = run_corpus(dir.path());
            assert_eq!(ok, $ok, "stdout: {stdout}\nstderr: {err}");
            $( assert!(err.contains($needle), "expected {:?} in stderr: {err}", $needle); )*
            if ok {
                assert!(out.join("graph.json").is_file() && out.join("report.html").is_file());
            }
        }
    )*};
}

corpus_cases! {
    crlf_and_bom_text: ["a.txt" => b"\xEF\xBB\xBFTokyo, Jan 5 1995.\r\nAbe met Putin.\r\n"] => ok: true, stderr: [],
    whitespace_only_says_why_in_the_error: ["a.txt" => b"  \n\t\r\n"]
        => ok: false, stderr: ["no document of", "could be read", "a.txt: empty file, skipped"],
    nul_bytes_skip_that_file: ["a.txt" => b"abc\0def", "b.txt" => b"Fine text."]
        => ok: true, stderr: ["a.txt: binary file (NUL byte at offset 3), skipped"],
    not_utf8_skips_that_file: ["a.txt" => b"caf\xe9", "b.txt" => b"Fine text."]
        => ok: true, stderr: ["a.txt: not UTF-8 text (invalid byte at offset 3), skipped"],
    only_other_extensions: ["a.md" => b"text", "b.csv" => b"x"] => ok: false, stderr: ["holds no .txt documents"],
    subfolders_are_not_read: ["sub/a.txt" => b"Deep.", "b.txt" => b"Top."] => ok: true, stderr: [],
    manifest_with_bom_crlf_quotes_and_extra_columns: [
        "a.txt" => b"Doc.",
        "manifest.csv" => b"\xEF\xBB\xBFfile,date,source,title\r\n\"a.txt\",1995-01-02,\"Kyodo, Tokyo\",\"A, B\",extra\r\n",
    ] => ok: true, stderr: [],
    manifest_duplicate_rows: ["a.txt" => b"Doc.", "manifest.csv" => b"file,date\na.txt,1995\na.txt,1996\n"]
        => ok: true, stderr: ["manifest.csv: row 3: a.txt is listed twice"],
    manifest_without_file_column: ["a.txt" => b"Doc.", "manifest.csv" => b"name,date\na.txt,1995\n"]
        => ok: true, stderr: ["manifest.csv: no `file` column"],
    manifest_not_utf8: ["a.txt" => b"Doc.", "manifest.csv" => b"\xff\xfe\x00\x01"]
        => ok: true, stderr: ["manifest.csv: cannot read the header row"],
    manifest_that_is_a_folder: ["a.txt" => b"Doc.", "manifest.csv/x" => b""]
        => ok: true, stderr: ["manifest.csv: a folder, not a file; ignored"],
    folder_named_like_a_document: ["a.txt" => b"Doc.", "b.txt/c" => b"x"]
        => ok: true, stderr: ["b.txt: a folder, not a file; skipped"],
    manifest_impossible_date: ["a.txt" => b"Doc.", "manifest.csv" => b"file,date\na.txt,1995-13-40\n"]
        => ok: true, stderr: ["manifest.csv: row 2 (a.txt): malformed date \"1995-13-40\""],
}

#[test]
fn one_giant_line_is_read() {
    let giant = "word ".repeat(400_000);
    let dir = corpus(&[("a.txt", giant.as_bytes())]);
    let (ok, _, err, out) = run_corpus(dir.path());
    assert!(ok, "{err}");
    assert!(std::fs::read_to_string(out.join("graph.json")).unwrap().contains("\"documents\": 1"));
}

#[cfg(unix)]
#[test]
fn symlinks_to_files_are_read_and_broken_ones_named() {
    let dir = corpus(&[("real/a.txt", b"Real text.")]);
    let c = dir.path().join("c");
    std::fs::create_dir(&c).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real/a.txt"), c.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("absent.txt"), c.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(&c, c.join("loop.txt")).unwrap();
    let (ok, stdout, err, _) = run_corpus(&c);
    assert!(ok, "{err}");
    assert!(stdout.starts_with("1 documents read"), "{stdout}");
    for (skipped, what) in [("b.txt", "a broken symbolic link (its target does not exist)"), ("loop.txt", "a folder")] {
        assert!(err.contains(&format!("warning: {skipped}: {what}, not a file; skipped")), "{err}");
    }
}

/// `kurilnet run … | head -1`: stdout closes after the first line; not a panic, not an error.
#[test]
fn run_into_a_closed_pipe_is_quiet() {
    let dir = corpus(&[("a.txt", b"Some text.")]);
    for sub in ["run", "extract"] {
        let out = dir.path().join(format!("out-{sub}"));
        let mut child = bin()
            .args([sub, "--quiet", "-o"])
            .arg(if sub == "run" { out.clone() } else { out.join("graph.json") })
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before the binary writes: its writes must fail with EPIPE.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = text(&o.stderr);
        assert!(o.status.success(), "{sub}: exit {:?}: {err}", o.status);
        assert!(!err.contains("panicked") && !err.contains("error"), "{sub}: {err}");
    }
}

#[test]
fn extract_to_a_folder_says_it_needs_a_file() {
    let dir = corpus(&[("a.txt", b"Some text.")]);
    for out in [dir.path().to_path_buf(), PathBuf::from("/")] {
        let o = bin().arg("extract").arg(dir.path()).arg("-o").arg(&out).arg("--quiet").output().unwrap();
        let err = text(&o.stderr);
        assert!(!o.status.success(), "{}: {err}", out.display());
        assert!(err.contains(&format!("{} is a folder; --output takes the file to write", out.display())), "{err}");
    }
    assert!(!dir.path().join("graph.json").exists());
}
