//! The main job's output folder, replaced as one set.
//!
//! Every file of a run is written into a fresh staging folder beside the
//! output folder (`.kurilnet-HASH-PID.new` in its parent), each file synced,
//! then the folder synced; then the staging folder and the output folder are
//! swapped in one step (`renameat2(RENAME_EXCHANGE)` on Linux) and the parent
//! synced. A reader therefore sees the whole old set or the whole new set,
//! never a mix, and never a file of an earlier run that this run did not
//! write. Files in the output folder that kurilnet does not write (such as a
//! `README.md`) are carried over (hard-linked, or copied) into the new set;
//! a sub-folder kurilnet did not write is refused rather than moved.
//! Staging folders of killed runs (their process gone) are removed by the next
//! run into the same folder. Where the exchange is not available the old
//! folder is first renamed aside: a reader may then briefly find no folder,
//! still never a mixed one.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::OutputFile;

/// Longest file name most file systems accept, in bytes.
const NAME_MAX: usize = 255;

/// An output set being written; dropped without [`OutputSet::commit`], it leaves nothing behind.
pub struct OutputSet {
    /// The output folder as the user named it (for messages and returned paths).
    shown: PathBuf,
    /// The folder the set replaces (symbolic links resolved).
    target: PathBuf,
    parent: PathBuf,
    /// Prefix of this folder's staging names in `parent`.
    prefix: String,
    stage: Option<PathBuf>,
    /// Names this run may write; anything else in the folder is the user's.
    known: Vec<String>,
    written: Vec<String>,
}

impl OutputSet {
    /// Check that `dir` can take a new output set and create the staging
    /// folder, removing the leftovers of killed runs. Call it before any long
    /// work, so that a bad `-o` fails at once. `known` lists every file name a
    /// run can write: those are replaced, other files are kept.
    pub fn prepare(dir: &Path, known: &[&str]) -> anyhow::Result<OutputSet> {
        let target = resolve(dir)?;
        let name = target.file_name().map(|n| n.as_encoded_bytes().len()).unwrap_or(0);
        if name > NAME_MAX {
            bail!("output folder name {} is {name} bytes long; file systems allow at most {NAME_MAX}", dir.display());
        }
        match fs::metadata(&target) {
            Ok(m) if !m.is_dir() => bail!(
                "output {} exists and is not a folder; give a folder to write into with -o (it is created if missing)",
                dir.display()
            ),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot examine output folder {}", dir.display())),
        }
        let parent = target.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("/"));
        let prefix = format!(".kurilnet-{:016x}-", fnv64(target.as_os_str().as_encoded_bytes()));
        let mut set = OutputSet {
            shown: dir.to_path_buf(),
            target,
            parent,
            prefix,
            stage: None,
            known: known.iter().map(|s| s.to_string()).collect(),
            written: Vec::new(),
        };
        set.foreign()?;
        set.remove_leftovers();
        let stage = set.parent.join(format!("{}{}.new", set.prefix, std::process::id()));
        if stage.exists() {
            fs::remove_dir_all(&stage).with_context(|| format!("cannot remove stale {}", stage.display()))?;
        }
        fs::create_dir(&stage).with_context(|| {
            format!("cannot create a staging folder for {} in {}", dir.display(), set.parent.display())
        })?;
        set.stage = Some(stage);
        Ok(set)
    }

    /// Entries of the existing folder that kurilnet did not write (the user's),
    /// as file names; an error when one of them is not a regular file.
    fn foreign(&self) -> anyhow::Result<Vec<std::ffi::OsString>> {
        let Ok(rd) = fs::read_dir(&self.target) else { return Ok(Vec::new()) };
        let mut out = Vec::new();
        let mut refused = Vec::new();
        for e in rd {
            let e = e.with_context(|| format!("cannot list output folder {}", self.shown.display()))?;
            let name = e.file_name();
            let s = name.to_string_lossy();
            if self.known.iter().any(|k| *k == s) || is_old_temporary(&s) {
                continue;
            }
            if e.file_type().is_ok_and(|t| t.is_file()) {
                out.push(name);
            } else {
                refused.push(crate::corpus::escape_controls(&s).into_owned());
            }
        }
        if !refused.is_empty() {
            refused.sort();
            refused.truncate(5);
            bail!(
                "output folder {} holds something kurilnet did not write and will not move ({}); \
                 kurilnet replaces its output folder as a whole, so give a new folder or one it wrote",
                self.shown.display(),
                refused.join(", ")
            );
        }
        out.sort();
        Ok(out)
    }

    /// Remove the staging folders of runs into the same folder whose process is gone.
    fn remove_leftovers(&self) {
        let Ok(rd) = fs::read_dir(&self.parent) else { return };
        for e in rd.flatten() {
            let name = e.file_name();
            let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&self.prefix)) else { continue };
            let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
            if pid.is_some_and(|p| p != std::process::id() && process_alive(p)) {
                continue;
            }
            let _ = fs::remove_dir_all(e.path());
        }
    }

    fn stage_dir(&self) -> &Path {
        self.stage.as_deref().expect("staging folder exists until commit")
    }

    /// Write one file into the set (synced to disk). A name written twice keeps the last bytes.
    pub fn write(&mut self, file: &OutputFile) -> anyhow::Result<()> {
        self.write_with(&file.name, &mut |w| Ok(w.write_all(&file.bytes)?))
    }

    /// Write one file into the set through a buffered writer handed to
    /// `write` (output streamed as it is rendered, never held whole), then
    /// sync it to disk.
    pub fn write_with(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        if !self.known.iter().any(|k| k == name) {
            bail!("internal error: {name} is not among the files a run writes");
        }
        let path = self.stage_dir().join(name);
        let f = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut buf = std::io::BufWriter::with_capacity(1 << 16, f);
        write(&mut buf).with_context(|| format!("cannot write {}", path.display()))?;
        let f = buf.into_inner().map_err(|e| e.into_error()).with_context(|| format!("cannot write {}", path.display()))?;
        f.sync_all().with_context(|| format!("cannot sync {} to disk", path.display()))?;
        self.written.retain(|n| n != name);
        self.written.push(name.to_string());
        Ok(())
    }

    /// Write every file, in order.
    pub fn write_all(&mut self, files: &[OutputFile]) -> anyhow::Result<()> {
        files.iter().try_for_each(|f| self.write(f))
    }

    /// Swap the new set in for the old one; returns the paths written, in order.
    pub fn commit(mut self) -> anyhow::Result<Vec<PathBuf>> {
        let stage = self.stage_dir().to_path_buf();
        let exists = self.target.is_dir();
        if exists {
            for name in self.foreign()? {
                let (from, to) = (self.target.join(&name), stage.join(&name));
                if fs::hard_link(&from, &to).is_err() {
                    fs::copy(&from, &to).with_context(|| format!("cannot carry {} over", from.display()))?;
                    File::open(&to).and_then(|f| f.sync_all()).with_context(|| format!("cannot sync {}", to.display()))?;
                }
            }
            let perms = fs::metadata(&self.target)?.permissions();
            fs::set_permissions(&stage, perms).with_context(|| format!("cannot set permissions of {}", stage.display()))?;
        }
        sync_dir(&stage)?;
        let swap_err = |e: std::io::Error| {
            anyhow::Error::from(e).context(format!("cannot move the new outputs into {}", self.shown.display()))
        };
        if !exists {
            fs::rename(&stage, &self.target).map_err(swap_err)?;
        } else if exchange(&stage, &self.target).is_err() {
            // No atomic exchange here: move the old set aside, then the new one in.
            let old = self.parent.join(format!("{}{}.old", self.prefix, std::process::id()));
            fs::rename(&self.target, &old).map_err(swap_err)?;
            if let Err(e) = fs::rename(&stage, &self.target) {
                // Put the old set back rather than leave no folder at all.
                let _ = fs::rename(&old, &self.target);
                return Err(swap_err(e));
            }
            fs::rename(&old, &stage).map_err(swap_err)?;
        }
        // `stage` now holds the old set (or nothing).
        self.stage = None;
        sync_dir(&self.parent)?;
        if exists {
            fs::remove_dir_all(&stage)
                .with_context(|| format!("new outputs are in place, but the old set {} remains", stage.display()))?;
        }
        Ok(self.written.iter().map(|n| self.shown.join(n)).collect())
    }
}

impl super::Sink for OutputSet {
    fn stream_file(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.write_with(name, write)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if let Some(stage) = self.stage.take() {
            let _ = fs::remove_dir_all(stage);
        }
    }
}

/// The folder `dir` names, symbolic links and `.`/`..` resolved (it may not exist yet).
fn resolve(dir: &Path) -> anyhow::Result<PathBuf> {
    if fs::symlink_metadata(dir).is_ok() {
        return fs::canonicalize(dir).with_context(|| format!("cannot resolve output folder {}", dir.display()));
    }
    let name = dir.file_name().with_context(|| format!("output folder {} has no name", dir.display()))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if name.as_encoded_bytes().len() > NAME_MAX {
        // Checked here too: canonicalising the parent must not hide the real problem.
        bail!(
            "output folder name {} is {} bytes long; file systems allow at most {NAME_MAX}",
            dir.display(),
            name.as_encoded_bytes().len()
        );
    }
    fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let parent = fs::canonicalize(parent).with_context(|| format!("cannot resolve {}", parent.display()))?;
    Ok(parent.join(name))
}

/// A temporary file of the former file-by-file writer (`.NAME.XXXXXX.tmp`).
fn is_old_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Sync a folder's entries to disk.
fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|f| f.sync_all()).with_context(|| format!("cannot sync folder {} to disk", dir.display()))?;
    let _ = dir;
    Ok(())
}

/// Swap two folders in one step.
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
    }
}

/// Whether process `pid` is running (Linux: `/proc/PID`; elsewhere assumed gone).
fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// FNV-1a: a stable short name for a folder path.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &["graph.json", "nodes.csv", "lineage.csv"];

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        v.sort();
        v
    }

    fn write(out: &Path, files: &[(&str, &str)]) -> anyhow::Result<Vec<PathBuf>> {
        let mut s = OutputSet::prepare(out, KNOWN)?;
        for (n, b) in files {
            s.write(&OutputFile::new(*n, *b))?;
        }
        s.commit()
    }

    #[test]
    fn a_new_set_replaces_the_old_one_whole_and_keeps_the_users_files() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        write(&out, &[("graph.json", "1"), ("lineage.csv", "1")]).unwrap();
        fs::write(out.join("README.md"), "mine").unwrap();
        fs::write(out.join(".nodes.csv.AbC123.tmp"), "left by a killed run").unwrap();
        let paths = write(&out, &[("graph.json", "2"), ("nodes.csv", "2")]).unwrap();
        assert_eq!(paths, vec![out.join("graph.json"), out.join("nodes.csv")]);
        // lineage.csv of the first run is gone: this run did not write it.
        assert_eq!(names(&out), ["README.md", "graph.json", "nodes.csv"]);
        assert_eq!(fs::read_to_string(out.join("graph.json")).unwrap(), "2");
        assert_eq!(fs::read_to_string(out.join("README.md")).unwrap(), "mine");
        assert_eq!(names(root.path()), ["out"], "no staging folder stays");
    }

    #[test]
    fn nothing_changes_until_commit_and_a_dropped_set_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        write(&out, &[("graph.json", "1")]).unwrap();
        let mut s = OutputSet::prepare(&out, KNOWN).unwrap();
        s.write(&OutputFile::new("graph.json", "2")).unwrap();
        assert_eq!(fs::read_to_string(out.join("graph.json")).unwrap(), "1");
        drop(s);
        assert_eq!(names(root.path()), ["out"]);
        assert_eq!(fs::read_to_string(out.join("graph.json")).unwrap(), "1");
    }

    #[test]
    fn leftovers_of_a_killed_run_are_removed() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let s = OutputSet::prepare(&out, KNOWN).unwrap();
        // A killed run: its staging folder stays, named after a process that is gone.
        let dead = root.path().join(format!("{}4000000000.new", s.prefix));
        drop(s);
        fs::create_dir(&dead).unwrap();
        fs::write(dead.join("graph.json"), "half").unwrap();
        write(&out, &[("graph.json", "ok")]).unwrap();
        assert_eq!(names(root.path()), ["out"]);
    }

    #[test]
    fn a_file_or_a_foreign_folder_is_refused_before_any_work() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("f");
        fs::write(&file, "x").unwrap();
        let e = OutputSet::prepare(&file, KNOWN).err().unwrap().to_string();
        assert!(e.contains("exists and is not a folder"), "{e}");
        fs::create_dir(root.path().join("d")).unwrap();
        fs::create_dir(root.path().join("d/sub")).unwrap();
        let e = OutputSet::prepare(&root.path().join("d"), KNOWN).err().unwrap().to_string();
        assert!(e.contains("holds something kurilnet did not write") && e.contains("sub"), "{e}");
        let long = root.path().join("x".repeat(300));
        let e = OutputSet::prepare(&long, KNOWN).err().unwrap().to_string();
        assert!(e.contains("300 bytes long"), "{e}");
        let mut s = OutputSet::prepare(&root.path().join("o"), KNOWN).unwrap();
        assert!(s.write(&OutputFile::new("other.txt", "")).is_err(), "only known names");
    }
}
