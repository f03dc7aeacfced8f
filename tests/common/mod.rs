//! Shared helpers for the integration tests.
#![allow(dead_code)]

use credlint::{Config, Diagnostic};
use credlint_cli::render::{self, FileMap, Findings, Human};

/// insta settings: snapshots in the top-level `snapshots/` folder, no expression header.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_omit_expression(true);
    s
}

pub fn config() -> Config {
    Config::builtin().expect("built-in configuration")
}

/// The human rendering, without colour, with trailing spaces trimmed (editors and
/// pre-commit hooks strip them from snapshot files).
pub fn render(files: &[(String, String)], diags: &[Diagnostic]) -> String {
    let mut map = FileMap::default();
    for (p, t) in files {
        map.insert(p, t);
    }
    let summary = credlint::Summary::new(files.len(), diags);
    let run = Findings {
        groups: &[diags],
        suppressed: &[],
        summary: &summary,
        files: &map,
    };
    let mut human = Human {
        color: false,
        max_per_file: 0,
        load: None,
    };
    let s = render::to_string(&mut human, &run);
    s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

pub fn read(path: &str) -> (String, String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path.to_string(), text)
}

pub fn bin() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_credlint"))
}

/// 1-based line and column (in code points) of a byte offset, computed independently
/// of credlint's line index.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Runs credlint with `args`, `input` on its standard input; waits for its output.
pub fn run_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = bin()
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run credlint");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .expect("write to credlint");
    }
    child.wait_with_output().expect("wait for credlint")
}

/// credlint run in `dir` with `args`, without colour: its status and output.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    bin()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run credlint")
}
