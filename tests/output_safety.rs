//! What credlint prints cannot be taken over by a draft or a file name (no terminal
//! escape, no GitHub workflow command), stays bounded on pathological lines, and a closed
//! pipe ends a run quietly.

mod common;

use std::process::Stdio;

/// A draft with a finding (the TK marker, an anonymous source) on a line full of hostile
/// characters: a screen clear, a window title (OSC), a hyperlink (OSC 8), a bell, a bidi
/// override, a zero-width space, a C1 CSI, DEL, and text that looks like workflow commands.
/// "An aide" is an unnamed source and "TK" a placeholder: two findings on one line
const HOSTILE: &str = "An aide said TK \u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]8;;https://example.invalid\u{7}link\u{1b}]8;;\u{7} and \u{202e}txt.exe\u{200b} \u{9b}31m \u{7f} end.\n::add-mask::secret\n::stop-commands::token\n";

/// Characters that must never reach a terminal raw.
fn raw_control(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}')
}

#[cfg(unix)]
#[test]
fn hostile_drafts_and_file_names_reach_no_terminal_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "story\u{1b}]8;;mailto:a@example.invalid\u{7}\u{202e}\u{9b}2J.txt";
    std::fs::write(dir.path().join(name), HOSTILE).expect("write");
    // unreadable as text: its name goes to standard error
    std::fs::write(
        dir.path().join("bad\u{1b}[31m\u{200b}.txt"),
        b"not \xff utf-8",
    )
    .expect("write");
    for format in ["human", "concise"] {
        let out = common::run_in(
            dir.path(),
            &["check", "--isolated", "--format", format, "."],
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            if let Some(c) = text.chars().find(|&c| raw_control(c)) {
                panic!("{format} {stream}: raw {:?} in:\n{text}", c);
            }
        }
        // shown, escaped, rather than dropped
        assert!(
            stdout.contains("story\\u{1b}]8;;mailto:a@example.invalid\\u{7}\\u{202e}\\u{9b}2J.txt"),
            "{format}: {stdout}"
        );
        assert!(
            stderr.contains("error: ./bad\\u{1b}[31m\\u{200b}.txt"),
            "{format}: {stderr}"
        );
        assert!(stdout.contains("TK"), "{format}: {stdout}");
    }
    // with colour, the only escapes are ariadne's colour codes (ESC [ … m)
    let out = common::run_in(
        dir.path(),
        &["check", "--isolated", "--color", "always", "."],
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    for (i, _) in stdout.match_indices('\u{1b}') {
        let rest = &stdout[i + 1..];
        let sgr = rest.starts_with('[')
            && rest[1..].find('m').is_some_and(|m| {
                rest[1..1 + m]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b';')
            });
        assert!(
            sgr,
            "escape that is not a colour: {:?}",
            &rest[..rest.len().min(20)]
        );
    }
    // the underline stays under the marker: as many columns before it in both lines
    let out = common::run_in(dir.path(), &["check", "--isolated", name]);
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    let label = lines
        .iter()
        .position(|l| l.contains("to come"))
        .expect("label");
    let (src, underline) = (lines[label - 2], lines[label - 1]);
    assert!(src.contains("said TK"), "{stdout}");
    let tk_col = src.find("TK").map(|b| src[..b].chars().count());
    let under_col = underline.chars().position(|c| c == '─');
    assert_eq!(under_col, tk_col, "{stdout}");
}

#[cfg(unix)]
#[test]
fn github_annotations_cannot_be_forged_by_a_file_name_or_a_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let forged = "x\n::error file=README.md,line=1::forged\n.txt";
    std::fs::write(dir.path().join(forged), HOSTILE).expect("write");
    std::fs::write(
        dir.path()
            .join("y\n::error file=README.md,line=1::forged too\n.txt"),
        b"bad \xff byte",
    )
    .expect("write");
    let out = common::run_in(
        dir.path(),
        &["check", "--isolated", "--format", "github", "."],
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let annotations: Vec<&str> = stdout.lines().collect();
    assert!(annotations.len() >= 2, "{stdout}");
    for line in &annotations {
        // one annotation a line, each on the hostile file, its properties escaped
        assert!(
            line.starts_with(
                "::error file=x\\u{a}%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\u{a}.txt,"
            ) || line.starts_with(
                "::warning file=x\\u{a}%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\u{a}.txt,"
            ) || line.starts_with(
                "::notice file=x\\u{a}%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\u{a}.txt,"
            ),
            "{line}"
        );
        assert!(!line.chars().any(raw_control), "{line}");
    }
    for line in stderr.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "a workflow command on stderr: {line}"
        );
    }
    assert!(
        stderr.contains("y\\u{a}::error file=README.md,line=1::forged too\\u{a}.txt"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn json_and_sarif_escape_every_control_character() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "s\u{1b}[2J\u{7f}\u{9b}.txt";
    std::fs::write(dir.path().join(name), HOSTILE).expect("write");
    for format in ["json", "sarif"] {
        let out = common::run_in(
            dir.path(),
            &["check", "--isolated", "--format", format, name],
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
            panic!("{format}: raw {c:?}");
        }
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let path = match format {
            "json" => v["diagnostics"][0]["path"].as_str().map(str::to_owned),
            _ => v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"]
                .as_str()
                .map(str::to_owned),
        };
        assert!(
            path.is_some_and(|p| p.contains('\u{1b}') || p.contains("%1B")),
            "{format}: {text}"
        );
    }
}

#[test]
fn human_output_on_a_long_line_of_findings_is_bounded() {
    // one line of many sentences, each with an unnamed source: each finding used to print
    // the whole line (each described differently: a description repeated in its paragraph
    // is reported once)
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 5_000;
    let line: String = (0..n)
        .map(|i| format!("A source at Desk{i} said so. "))
        .collect();
    std::fs::write(dir.path().join("q.txt"), line + "\n").expect("write");
    let human = |extra: &[&str]| {
        // the findings are info by default: fail on them to check the exit status too
        let mut args = vec![
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "human",
        ];
        args.extend_from_slice(extra);
        args.push("q.txt");
        let out = common::run_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).expect("utf-8")
    };
    // machine formats stay complete: the count of findings
    let out = common::run_in(
        dir.path(),
        &["check", "--isolated", "--format", "concise", "q.txt"],
    );
    let found = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("[anonymous-source]"))
        .count();
    assert!(found > n / 2, "{found}");
    let capped = human(&[]);
    assert!(capped.len() < 2 * 50 * 1_000, "{} bytes", capped.len());
    let closing = format!(
        "… and {},{:03} more anonymous-source findings in q.txt (--max-per-file 0 shows them all)",
        (found - 50) / 1000,
        (found - 50) % 1000
    );
    assert!(
        capped.contains(&closing),
        "{closing}\n{}",
        &capped[capped.len().saturating_sub(300)..]
    );
    let all = human(&["--max-per-file", "0"]);
    assert_eq!(all.matches("[anonymous-source]").count(), found);
    // under a kilobyte a finding (its window, message, note and help), whatever the line's length
    let total = all.matches("] Warning:").count() + all.matches("] info:").count();
    assert!(
        all.len() < total * 1_000,
        "{} bytes for {total} findings",
        all.len()
    );
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly() {
    let mut child = common::bin()
        .args(["check", "--isolated", "examples/drafts", "tests/fixtures"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // the reading end closed before credlint writes anything
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_closed_standard_error_is_no_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.txt"), b"bad \xff byte").expect("write");
    std::fs::write(
        dir.path().join("a.txt"),
        "The council will spend TK on it.\n",
    )
    .expect("write");
    let mut child = common::bin()
        .current_dir(dir.path())
        .args(["check", "--isolated", "--format", "json", "."])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stderr.take());
    let out = child.wait_with_output().expect("wait");
    // the error about bad.txt could not be shown, but the status still says it
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["summary"]["files"], 1);
}

#[cfg(unix)]
#[test]
fn the_source_ledger_escapes_what_it_quotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft =
        "Ingrid \u{1b}]0;pwned\u{7}Solberg, the harbour master, said the port would reopen.\n";
    std::fs::write(dir.path().join("led\u{1b}[2Jger.txt"), draft).expect("write");
    let out = common::run_in(dir.path(), &["sources", "--isolated", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!stdout.chars().any(raw_control), "{stdout:?}");
    assert!(stdout.contains("led\\u{1b}[2Jger.txt"), "{stdout}");
}
