//! `--fix`: applies the edits the diagnostics carry (the rules' own fixes, the only
//! source of fixes) and writes each changed file without ever losing one.
//!
//! The policy, in the order it is checked (README, "Fixing"):
//! - standard input is never written: its fixed text goes to standard output;
//! - a symbolic link is fixed through its target only when the target lies inside a tree
//!   being linted (a directory named on the command line, or the directory of a file named
//!   on it); the link itself stays a link. A link leading elsewhere is refused;
//! - only regular files are written; a read-only file, or one with more than one hard
//!   link (replacing it would silently split the links), is refused with its reason;
//! - the new text goes to a temporary file in the file's directory, which is synced, given
//!   the file's permissions and renamed over it: a reader (or a crash) sees the old file or
//!   the new one, never a mix. On Linux the temporary file has no name until it is
//!   complete (`O_TMPFILE`), so a killed run leaves none behind. Right before the rename the file is read again: if it changed
//!   since credlint read it, it is not overwritten. On any error the temporary file is
//!   removed.
//!
//! A refused or failed fix is an error (exit status 2) naming the file; its findings are
//! still reported.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use credlint::{Config, FileResult};

/// Fixes the files of one run; shared by the worker threads.
pub struct Fixer {
    /// The trees being linted, canonical: a link's target must lie in one of them.
    roots: Vec<PathBuf>,
    /// The files written so far, canonical: a file reached twice (by its own path and
    /// through a link) is written once.
    written: Mutex<HashSet<PathBuf>>,
    /// Files that could not be fixed, each a full message naming the file.
    errors: Mutex<Vec<String>>,
    /// The directories where files were replaced: synced once, at the end of the run.
    dirs: Mutex<HashSet<PathBuf>>,
}

impl Fixer {
    /// A fixer for a run over `paths` (the paths on disk named on the command line).
    pub fn new(paths: &[PathBuf]) -> Fixer {
        let roots = paths
            .iter()
            .filter_map(|p| {
                let meta = std::fs::metadata(p).ok()?;
                let tree = if meta.is_dir() {
                    p.as_path()
                } else {
                    // the directory holding the named file (or link), not its target's
                    p.parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new("."))
                };
                std::fs::canonicalize(tree).ok()
            })
            .collect();
        Fixer {
            roots,
            written: Mutex::new(HashSet::new()),
            errors: Mutex::new(Vec::new()),
            dirs: Mutex::new(HashSet::new()),
        }
    }

    /// Lints one file; when its findings carry edits, writes the fixed text back and
    /// returns the findings of the fixed text (what is left to do by hand).
    pub fn fix_file(&self, path: &str, text: String, config: &Config) -> FileResult {
        let first = credlint::lint_file(path, &text, config);
        let Some(fixed) = credlint::diagnostic::apply_fixes(&text, &first.diagnostics) else {
            return first;
        };
        match self.write(Path::new(path), text.as_bytes(), fixed.as_bytes()) {
            Ok(()) => credlint::lint_file(path, &fixed, config),
            Err(reason) => {
                let shown = crate::render::escape::escape(path);
                lock(&self.errors).push(format!("{shown}: not fixed: {reason}"));
                first
            }
        }
    }

    /// Makes the renames durable (each directory written in is synced once) and returns
    /// the messages of the files that could not be fixed.
    pub fn finish(self) -> Vec<String> {
        for dir in self.dirs.into_inner().unwrap_or_else(|e| e.into_inner()) {
            sync_dir(&dir);
        }
        self.errors.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// Replaces the file at `path`, read as `old`, with `new`, following the policy above.
    fn write(&self, path: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
        let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
        let target = if meta.file_type().is_symlink() {
            let target =
                std::fs::canonicalize(path).map_err(|e| format!("cannot follow the link: {e}"))?;
            if !self.roots.iter().any(|r| target.starts_with(r)) {
                return Err(format!(
                    "it is a symbolic link to {}, outside the files being linted; fix the target itself",
                    crate::render::escape::escape(&target.display().to_string())
                ));
            }
            target
        } else {
            std::fs::canonicalize(path).map_err(|e| format!("cannot resolve it: {e}"))?
        };
        if !lock(&self.written).insert(target.clone()) {
            // reached twice (a link and its target): written once, with the same text
            return Ok(());
        }
        replace(&target, old, new)?;
        if let Some(dir) = target.parent() {
            lock(&self.dirs).insert(dir.to_path_buf());
        }
        Ok(())
    }
}

/// `--fix` on standard input (named `name`, its only input): prints the fixed text (the
/// text itself when nothing is fixed) to standard output and keeps, in `text` and
/// `results`, the fixed text and its findings. Nothing is written to disk.
pub fn print_fixed(
    name: &str,
    text: &mut String,
    results: &mut [FileResult],
    config: &Config,
) -> std::io::Result<()> {
    if let Some(r) = results.first_mut()
        && let Some(fixed) = credlint::diagnostic::apply_fixes(text, &r.diagnostics)
    {
        *r = credlint::lint_file(name, &fixed, config);
        *text = fixed;
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Replaces the regular file `path`, whose content was `old` when read, with `new`:
/// atomically, keeping its permissions, and only if it still holds `old`. The caller
/// syncs the directory (see [`Fixer::finish`]) to make the rename durable.
pub fn replace(path: &Path, old: &[u8], new: &[u8]) -> Result<(), String> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.permissions().readonly() {
        return Err("the file is read-only".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(format!(
                "the file has {} hard links, and replacing it would split them",
                meta.nlink()
            ));
        }
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    #[cfg(target_os = "linux")]
    if let Some(done) = anonymous::replace(path, dir, &meta.permissions(), old, new) {
        return done;
    }
    replace_named(path, dir, &meta.permissions(), old, new)
}

/// The last moment before the rename: an edit made since credlint read the file wins.
fn unchanged(path: &Path, old: &[u8]) -> Result<(), String> {
    let now = std::fs::read(path).map_err(|e| format!("cannot read it again: {e}"))?;
    if now != old {
        return Err("the file changed since credlint read it; run again".into());
    }
    Ok(())
}

/// [`replace`] through a named temporary file in `dir` (removed on any error).
fn replace_named(
    path: &Path,
    dir: &Path,
    perms: &std::fs::Permissions,
    old: &[u8],
    new: &[u8],
) -> Result<(), String> {
    let io = |e: std::io::Error| format!("cannot write it: {e}");
    // removed when dropped: on every early return below
    let mut tmp = tempfile::Builder::new()
        .prefix(".credlint-fix-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(new).map_err(io)?;
    std::fs::set_permissions(tmp.path(), perms.clone()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    unchanged(path, old)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Linux: the new text is written to an unnamed file (`O_TMPFILE`) and given a name only
/// once it is complete, just before the rename, so a process killed while writing leaves
/// nothing behind (the kernel drops an unnamed file with its last descriptor).
#[cfg(target_os = "linux")]
mod anonymous {
    use std::io::Write;
    use std::os::fd::AsRawFd;
    use std::path::Path;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use rustix::fs::{AtFlags, CWD, Mode, OFlags};

    static NAMES: AtomicUsize = AtomicUsize::new(0);

    /// [`super::replace`] through an unnamed file; `None` when the file system or the
    /// system cannot do it (no `O_TMPFILE`, no `/proc`): the caller then uses a named
    /// temporary file.
    pub fn replace(
        path: &Path,
        dir: &Path,
        perms: &std::fs::Permissions,
        old: &[u8],
        new: &[u8],
    ) -> Option<Result<(), String>> {
        let flags = OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(CWD, dir, flags, Mode::from_raw_mode(0o600)).ok()?;
        let mut file = std::fs::File::from(fd);
        let io = |e: std::io::Error| format!("cannot write it: {e}");
        let written = file
            .write_all(new)
            .and_then(|()| file.set_permissions(perms.clone()))
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            return Some(Err(io(e)));
        }
        if let Err(e) = super::unchanged(path, old) {
            return Some(Err(e));
        }
        let n = NAMES.fetch_add(1, Ordering::Relaxed);
        let name = dir.join(format!(".credlint-fix-{}-{n}.tmp", std::process::id()));
        let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
        rustix::fs::linkat(CWD, proc_path.as_str(), CWD, &name, AtFlags::SYMLINK_FOLLOW).ok()?;
        if let Err(e) = std::fs::rename(&name, path) {
            let _ = std::fs::remove_file(&name);
            return Some(Err(io(e)));
        }
        Some(Ok(()))
    }
}

/// Makes a rename in `dir` durable. Best effort: the file is already replaced, and some
/// file systems cannot sync a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_keeps_permissions_and_refuses_a_file_changed_since_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        replace(&p, b"old", b"new").expect("replaced");
        // the named temporary file (the path taken where O_TMPFILE is missing) as well
        let perms = std::fs::metadata(&p).expect("meta").permissions();
        replace_named(&p, dir.path(), &perms, b"new", b"newer").expect("replaced");
        let e = replace_named(&p, dir.path(), &perms, b"old", b"x").expect_err("changed");
        assert!(e.contains("changed since credlint read it"), "{e}");
        replace_named(&p, dir.path(), &perms, b"newer", b"new").expect("replaced");
        assert_eq!(std::fs::read(&p).expect("read"), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        // the file no longer holds what was read: left alone
        let e = replace(&p, b"old", b"newer").expect_err("changed since read");
        assert!(e.contains("changed since credlint read it"), "{e}");
        assert_eq!(std::fs::read(&p).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.txt"], "no temporary file left");
    }
}
