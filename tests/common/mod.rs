//! Helpers shared by the integration tests: running the binary, writing a
//! graph.json, and skipping (or, under `CI`, failing) when a tool is absent.
#![allow(dead_code)] // each test crate uses a different subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kurilnet::graph::Graph;

/// The kurilnet binary built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kurilnet"))
}

/// Run the binary with `args` and collect its output.
pub fn kurilnet<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    bin().args(args).output().expect("the kurilnet binary runs")
}

/// Lossy text of a byte buffer (stdout or stderr).
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Write `g` as `dir/name` (graph.json layout) and return the path.
pub fn write_graph(dir: &Path, name: &str, g: &Graph) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, g.to_json_string().expect("graph serialises")).expect("temp file written");
    p
}

/// Say why a test is skipped. Written to stderr directly, which the test
/// harness does not capture, so the message shows without `--nocapture`.
pub fn skip(why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED: {why}");
}

/// Whether a tool is usable: `true` when `ok`; otherwise fail under `CI`
/// (the tool is required there) or print why and return `false` to skip.
pub fn require(ok: bool, what: &str, install: &str) -> bool {
    if ok {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "{what} is required under CI ({install})");
    skip(&format!("{what} not available ({install}; under CI it is required)"));
    false
}

/// Whether Graphviz `dot` runs.
pub fn dot_on_path() -> bool {
    Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Whether `python3` can import every module in `modules` (comma-separated).
pub fn python_has(modules: &str) -> bool {
    Command::new("python3").args(["-c", &format!("import {modules}")]).output().is_ok_and(|o| o.status.success())
}
