//! Exporters: one file per format behind the [`Exporter`] trait, and atomic
//! writing of a whole output set. Exporters only render; they never analyse.

pub mod csv;
pub mod dot;
pub mod fields;
pub mod gexf;
pub mod graphml;
pub mod nodelink;
pub mod outset;
pub mod svg;
pub mod xml;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::graph::Graph;

/// One rendered output file.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile { name: name.into(), bytes: bytes.into() }
    }
}

/// A format the graph can be written in.
pub trait Exporter {
    /// Name on the command line (`--format NAME`).
    fn name(&self) -> &'static str;
    /// Render the graph into one or more named files.
    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>>;
    /// Render for the main job, which tolerates a missing optional tool: files
    /// plus notes for the user about files not written. Defaults to [`Exporter::render`].
    fn render_with_notes(&self, graph: &Graph) -> anyhow::Result<Rendered> {
        Ok(Rendered { files: self.render(graph)?, notes: Vec::new() })
    }
    /// Formats that can grow with the corpus (graph.json, node-link) write
    /// themselves straight into `staging` as a stream and return `Some`; the
    /// bytes are never held in memory. `None` (the default): use [`Exporter::render`].
    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        let _ = (graph, sink);
        None
    }
}

/// Where a streamed file goes: [`Staging`] (one command's files) or the main
/// job's [`outset::OutputSet`]. The file is written under `name` through
/// `write`, and appears only when its owner commits.
pub trait Sink {
    fn stream_file(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()>;
}

impl Sink for Staging {
    fn stream_file(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.stage_with(name, write)
    }
}

/// Files rendered by an exporter, and notes for the user (e.g. a file skipped
/// because an optional tool is missing).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub notes: Vec<String>,
}

/// Exporter for `graph.json`, the tool's own format that later subcommands read.
pub struct GraphJson;

impl Exporter for GraphJson {
    fn name(&self) -> &'static str {
        "graph-json"
    }

    fn render(&self, graph: &Graph) -> anyhow::Result<Vec<OutputFile>> {
        Ok(vec![OutputFile::new("graph.json", graph.to_json_string()?)])
    }

    fn stream(&self, graph: &Graph, sink: &mut dyn Sink) -> Option<anyhow::Result<()>> {
        Some(stage_graph_json(graph, sink, "graph.json"))
    }
}

/// Stream `graph` as graph.json into `staging` under `name` (the bytes
/// [`Graph::to_json_string`] gives, never held in memory).
pub fn stage_graph_json(graph: &Graph, sink: &mut dyn Sink, name: &str) -> anyhow::Result<()> {
    sink.stream_file(name, &mut |w| {
        graph.write_json(&mut *w)?;
        w.write_all(b"\n")?;
        Ok(())
    })
}

/// Files staged in the output folder as temporary files, renamed into place
/// only by [`Staging::commit`]: a failed run leaves no half-written output.
pub struct Staging {
    dir: PathBuf,
    staged: Vec<(tempfile::NamedTempFile, String)>,
}

impl Staging {
    /// Stage into `dir`, creating it if needed.
    pub fn new(dir: &Path) -> anyhow::Result<Staging> {
        use anyhow::Context;
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create output folder {}", dir.display()))?;
        remove_old_temporaries(dir);
        Ok(Staging { dir: dir.to_path_buf(), staged: Vec::new() })
    }

    /// Write a file to a temporary name beside its final place.
    pub fn stage(&mut self, file: OutputFile) -> anyhow::Result<()> {
        self.stage_with(&file.name, |w| Ok(w.write_all(&file.bytes)?))
    }

    /// Write a file to a temporary name beside its final place, through a
    /// buffered writer handed to `write` (for output streamed as it is rendered).
    pub fn stage_with(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        use anyhow::Context;
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // Temporary files are private (0600); outputs are ordinary files others may read.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let mut tmp = builder
            .tempfile_in(&self.dir)
            .with_context(|| format!("cannot create a temporary file in {}", self.dir.display()))?;
        let mut buf = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut buf).with_context(|| format!("cannot write {name}"))?;
        buf.flush().with_context(|| format!("cannot write {name}"))?;
        drop(buf);
        tmp.as_file().sync_all().with_context(|| format!("cannot sync {name} to disk"))?;
        self.staged.retain(|(_, n)| n != name);
        self.staged.push((tmp, name.to_string()));
        Ok(())
    }

    pub fn stage_all(&mut self, files: Vec<OutputFile>) -> anyhow::Result<()> {
        files.into_iter().try_for_each(|f| self.stage(f))
    }

    /// Names staged so far, in order.
    pub fn names(&self) -> Vec<&str> {
        self.staged.iter().map(|(_, n)| n.as_str()).collect()
    }

    /// Rename every staged file into place; returns the final paths.
    pub fn commit(self) -> anyhow::Result<Vec<PathBuf>> {
        use anyhow::Context;
        let mut out = Vec::new();
        for (tmp, name) in self.staged {
            let path = self.dir.join(&name);
            tmp.persist(&path).with_context(|| format!("cannot move {} into place", path.display()))?;
            out.push(path);
        }
        #[cfg(unix)]
        std::fs::File::open(&self.dir)
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot sync folder {} to disk", self.dir.display()))?;
        Ok(out)
    }
}

/// Remove `.NAME.XXXXXX.tmp` files a killed writer left in `dir` (the pattern
/// [`Staging::stage`] uses; six random alphanumerics). Best effort.
fn remove_old_temporaries(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name();
        let Some(n) = name.to_str() else { continue };
        let Some(stem) = n.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else { continue };
        let random = stem.rsplit('.').next().unwrap_or("");
        if random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric()) && stem.len() > 7 {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_files_are_the_rendered_bytes() {
        let mut g = crate::analysis::testkit::sample();
        crate::analysis::annotate(&mut g).unwrap();
        // A 64-bit integer makes GEXF declare `long`: the first pass must see it.
        let n = g.nodes()[3].id.clone();
        g.node_mut(&n).unwrap().attrs.extra.insert("big".into(), crate::graph::AttrValue::Int(1 << 40));
        let mut streamed = 0;
        for e in crate::pipeline::export_formats() {
            let dir = tempfile::tempdir().unwrap();
            let mut staging = Staging::new(dir.path()).unwrap();
            let Some(r) = e.stream(&g, &mut staging) else { continue };
            r.unwrap();
            staging.commit().unwrap();
            for f in e.render(&g).unwrap() {
                let got = std::fs::read(dir.path().join(&f.name)).unwrap();
                assert!(got == f.bytes, "{}: streamed {} bytes, rendered {}", f.name, got.len(), f.bytes.len());
                streamed += 1;
            }
        }
        // graph.json, nodes.csv, edges.csv, graph.graphml, graph.gexf, graph.nodelink.json
        assert_eq!(streamed, 6);
        assert!(gexf::to_gexf(&g).unwrap().contains(r#"title="big" type="long""#));
    }

    #[test]
    fn temporaries_of_a_killed_writer_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        for n in [".graph.json.Ab12Cd.tmp", ".nodes.csv.zzzzzz.tmp", "keep.tmp", ".x.toolong1.tmp", "a.csv"] {
            std::fs::write(dir.path().join(n), "").unwrap();
        }
        Staging::new(dir.path()).unwrap();
        let mut left: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [".x.toolong1.tmp", "a.csv", "keep.tmp"]);
    }

    #[test]
    fn nothing_appears_before_commit_and_nothing_stays_after_drop() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Staging::new(dir.path()).unwrap();
        s.stage(OutputFile::new("a.csv", "x")).unwrap();
        assert!(!dir.path().join("a.csv").exists());
        drop(s);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "temporary files removed");

        let mut s = Staging::new(dir.path()).unwrap();
        s.stage(OutputFile::new("a.csv", "x")).unwrap();
        s.stage(OutputFile::new("a.csv", "y")).unwrap();
        let paths = s.commit().unwrap();
        assert_eq!(paths.len(), 1);
        assert_eq!(std::fs::read_to_string(dir.path().join("a.csv")).unwrap(), "y");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            // An ordinary file shows what the umask allows; outputs get that, capped at 0644.
            let plain = dir.path().join("plain");
            std::fs::write(&plain, "").unwrap();
            assert_eq!(mode(&dir.path().join("a.csv")), mode(&plain) & 0o644);
        }
    }
}
