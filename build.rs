//! Puts the git commit credlint is built from into `credlint --version`:
//! `credlint 0.1.0 (1a2b3c4d5 2026-12-04)`. Built from a crate or wheel source archive, or any
//! tree that is not its own git checkout, the version stands alone; a packager who knows the
//! commit can give it in `CREDLINT_COMMIT`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CREDLINT_COMMIT");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let info = commit(&dir).map(|c| format!(" ({c})")).unwrap_or_default();
    println!("cargo:rustc-env=CREDLINT_BUILD_INFO={info}");
}

/// `1a2b3c4 2026-12-04`: the short hash and the commit date.
fn commit(dir: &Path) -> Option<String> {
    if let Ok(given) = std::env::var("CREDLINT_COMMIT")
        && !given.trim().is_empty()
    {
        return Some(given.trim().to_string());
    }
    // Only this crate's own checkout: a source archive unpacked inside some other
    // repository must not report that repository's commit.
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    watch_head(dir);
    // a fixed length: git's automatic one grows with the repository, so a clone would differ
    git(
        dir,
        &["-c", "core.abbrev=9", "log", "-1", "--format=%h %cs"],
    )
}

/// Rebuilds when HEAD moves: its file, the branch it points to, and packed refs.
fn watch_head(dir: &Path) {
    let mut refs = vec!["HEAD".to_string(), "packed-refs".to_string()];
    refs.extend(git(dir, &["symbolic-ref", "-q", "HEAD"]));
    for name in refs {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &name]) {
            let path = dir.join(path);
            if path.exists() {
                println!("cargo:rerun-if-changed={}", path.display());
            }
        }
    }
}

/// A git command's trimmed output, or `None` when git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| text.trim().to_string())
}
