//! `check --diff BASE`: which lines changed since a git revision, so that only findings on
//! them are reported (every file is still linted: the cross-file name check needs them
//! all).
//!
//! Runs the `git` binary: `git diff --unified=0 $(git merge-base BASE HEAD) --` gives the
//! added and changed lines of tracked files (committed since the branch left BASE, staged
//! and not), and `git ls-files
//! --others --exclude-standard` the untracked files, which count as new throughout. The
//! binary is what every CI runner and newsroom machine has, and its diff is the one the
//! user sees; a git library would add a large dependency for two commands.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use credlint::Diagnostic;

/// The lines that changed, by absolute path.
#[derive(Debug, Default)]
pub struct Changed {
    files: HashMap<PathBuf, Lines>,
    /// The current directory, which the findings' relative paths start from.
    cwd: PathBuf,
    /// The repository's top directory, which git's paths start from.
    root: PathBuf,
}

#[derive(Debug, PartialEq, Eq)]
enum Lines {
    /// An untracked file: every line is new.
    All,
    /// 1-based, inclusive ranges of added or changed lines.
    Ranges(Vec<(usize, usize)>),
}

/// Runs git in `dir` and returns its standard output, or a message for the user.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| format!("--diff runs `git`, which could not be started: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    String::from_utf8(out.stdout).map_err(|_| "git printed a path that is not UTF-8".into())
}

impl Changed {
    /// The lines changed since `base` in the repository holding the current directory.
    pub fn since(base: &str) -> Result<Changed, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("--diff: {e}"))?;
        let root = git(&cwd, &["rev-parse", "--show-toplevel"])
            .map_err(|e| format!("--diff needs a git repository: {e}"))?;
        let root = PathBuf::from(root.trim_end_matches(['\n', '\r']));
        let commit = format!("{base}^{{commit}}");
        git(&root, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
            format!("--diff: unknown revision `{base}` (a commit, branch or tag is expected)")
        })?;
        // from where this branch left `base`, as a pull request shows it: lines `base`
        // changed since are not this change's (without a common history, `base` itself)
        let from = git(&root, &["merge-base", base, "HEAD"])
            .map(|c| c.trim().to_string())
            .unwrap_or_else(|_| base.to_string());
        let diff = git(
            &root,
            &[
                "diff",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                &from,
                "--",
            ],
        )?;
        let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
        let mut files: HashMap<PathBuf, Lines> = parse_diff(&diff)
            .into_iter()
            .map(|(p, r)| (root.join(p), Lines::Ranges(r)))
            .collect();
        for p in untracked.split('\0').filter(|p| !p.is_empty()) {
            files.insert(root.join(p), Lines::All);
        }
        // the current directory as git sees it (a symlinked checkout resolves alike)
        let cwd = cwd.canonicalize().unwrap_or(cwd);
        let root = root.canonicalize().unwrap_or(root);
        let files = files
            .into_iter()
            .map(|(p, l)| (p.canonicalize().unwrap_or(p), l))
            .collect();
        Ok(Changed { files, cwd, root })
    }

    /// Does the finding touch a line that changed, at its own place or at a place its
    /// related labels point to (a name spelt anew in a changed file is reported where
    /// the other spelling is, when that file sorts first)?
    pub fn touches(&self, d: &Diagnostic) -> bool {
        let own = self.place_changed(&d.path, d.position);
        own || d
            .related
            .iter()
            .any(|r| self.place_changed(r.path.as_deref().unwrap_or(&d.path), r.position))
    }

    fn place_changed(
        &self,
        path: &str,
        position: Option<(credlint::LineCol, credlint::LineCol)>,
    ) -> bool {
        let Some(lines) = self.lines_of(path) else {
            return false;
        };
        let (first, last) = position.map_or((1, usize::MAX), |(a, b)| (a.line, b.line.max(a.line)));
        match lines {
            Lines::All => true,
            Lines::Ranges(r) => r.iter().any(|&(s, e)| s <= last && first <= e),
        }
    }

    /// A finding's path is relative to the current directory (or, once machine output
    /// prints paths from the repository root, to the root): both are tried.
    fn lines_of(&self, path: &str) -> Option<&Lines> {
        let p = Path::new(path);
        [self.cwd.join(p), self.root.join(p)]
            .into_iter()
            .find_map(|abs| {
                let abs = abs.canonicalize().unwrap_or(abs);
                self.files.get(&abs)
            })
    }
}

/// The added or changed lines of each file in a `git diff --unified=0` output, by the
/// path git prints (from the repository's top). Deleted files have none.
fn parse_diff(out: &str) -> HashMap<String, Vec<(usize, usize)>> {
    let mut files: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in out.lines() {
        if let Some(target) = line.strip_prefix("+++ ") {
            current = unquote(target).strip_prefix("b/").map(str::to_string);
            if let Some(p) = &current {
                files.entry(p.clone()).or_default();
            }
        } else if let (Some(hunk), Some(p)) = (line.strip_prefix("@@ "), &current)
            && let Some(range) = added_range(hunk)
        {
            files.entry(p.clone()).or_default().push(range);
        }
    }
    files
}

/// The new-file side of a hunk header (`-a,b +c,d @@ …`): lines c to c+d-1, or `None`
/// when the hunk only deletes (d = 0).
fn added_range(hunk: &str) -> Option<(usize, usize)> {
    let plus = hunk.split(' ').find_map(|w| w.strip_prefix('+'))?;
    let (start, count) = match plus.split_once(',') {
        Some((s, c)) => (s.parse().ok()?, c.parse().ok()?),
        None => (plus.parse().ok()?, 1usize),
    };
    (count > 0).then(|| (start, start + count - 1))
}

/// A path as git prints it: in double quotes with C escapes when it holds a quote, a
/// backslash or a control character (non-ASCII is left alone: `core.quotePath=false`).
fn unquote(s: &str) -> String {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return s.to_string();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_the_new_side_lines() {
        let out = "diff --git a/drafts/a.md b/drafts/a.md\nindex 1..2 100644\n--- a/drafts/a.md\n+++ b/drafts/a.md\n@@ -3,0 +4,2 @@ heading\n+new\n+new\n@@ -10 +12 @@\n-old\n+changed\n@@ -20,3 +21,0 @@\n-gone\ndiff --git a/old.txt b/old.txt\ndeleted file mode 100644\n--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\ndiff --git a/q b/q\n--- a/q\n+++ \"b/say \\\"hi\\\".txt\"\n@@ -0,0 +1 @@\n+x\n";
        let files = parse_diff(out);
        assert_eq!(files["drafts/a.md"], [(4, 5), (12, 12)]);
        assert_eq!(files["say \"hi\".txt"], [(1, 1)]);
        assert_eq!(files.len(), 2, "{files:?}");
    }
}
