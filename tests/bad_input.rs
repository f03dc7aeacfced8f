//! The bad-input matrix (issue 18): each odd input gets a clear message and the
//! documented exit status, never a panic. Configuration discovery stops at the repository
//! root and says which file it used; configured patterns are literals with bounded sizes.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh repository (a `.git` directory) holding `files`.
fn repo(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir .git");
    for (name, content) in files {
        let p = dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, content).expect("write");
    }
    dir
}

/// (line, column) of each finding of a JSON run, with its rule.
fn positions(out: &Output) -> Vec<(String, u64, u64)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["start"]["line"].as_u64().unwrap_or(0),
                d["start"]["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn bom_crlf_and_lone_cr_keep_true_lines_and_columns() {
    let body = "The council will spend TK on it.";
    let dir = repo(&[
        ("bom.txt", format!("\u{feff}{body}\n").as_bytes()),
        ("crlf.txt", format!("Title\r\n\r\n{body}\r\n").as_bytes()),
        ("cr.txt", format!("Title\r\r{body}\r").as_bytes()),
    ]);
    for (file, line) in [("bom.txt", 1), ("crlf.txt", 3), ("cr.txt", 3)] {
        let out = common::run_in(
            dir.path(),
            &["check", "--isolated", "--format", "json", file],
        );
        assert_eq!(out.status.code(), Some(1), "{file}: {}", text(&out.stderr));
        let found = positions(&out);
        assert!(
            found.contains(&("placeholder-text".into(), line, 24)),
            "{file}: {found:?}"
        );
        // the human header says the same
        let out = common::run_in(dir.path(), &["check", "--isolated", file]);
        assert!(
            text(&out.stdout).contains(&format!("{file}:{line}:24 ]")),
            "{file}: {}",
            text(&out.stdout)
        );
    }
}

#[test]
fn an_empty_file_and_an_empty_configuration_are_fine() {
    let dir = repo(&[("empty.txt", b""), ("credlint.toml", b"")]);
    let out = common::run_in(dir.path(), &["check", "empty.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "1 file: 0 errors, 0 warnings, 0 infos (credlint explain RULE documents any rule)\n"
    );
}

/// Runs `check` in a repository whose credlint.toml is `config`: exit status and stderr.
fn with_config(config: &str) -> (Option<i32>, String) {
    let dir = repo(&[("credlint.toml", config.as_bytes()), ("a.txt", b"Text.\n")]);
    let out = common::run_in(dir.path(), &["check", "a.txt"]);
    (out.status.code(), text(&out.stderr))
}

#[test]
fn configuration_errors_point_into_the_file() {
    let cases: &[(&str, &[&str])] = &[
        ("x = [\n", &["credlint.toml:1:", "unclosed array"]),
        (
            "[rules.anonymous-sources]\nseverity = \"off\"\n",
            &[
                "unknown rule `anonymous-sources`",
                "did you mean `anonymous-source`?",
                "credlint.toml:1:8",
            ],
        ),
        (
            "[rules.anonymous-source]\nallwo = [\"a\"]\n",
            &[
                "unknown key `allwo` (valid keys: `allow`, `bare-words`, `group-heads`, `institution-softer`, `judgement-words`, `on-record-heads`, `rank-words`, `severity`, `subset-words`, `survey-respondents`)",
                "did you mean `allow`?",
                "credlint.toml:2:1",
            ],
        ),
        (
            "[rules.anonymous-source]\nallow = \"a\"\n",
            &[
                "wrong type for `allow`: expected a list, found a string",
                "credlint.toml:2:9",
            ],
        ),
        (
            "[rules.anonymous-source]\nseverity = 3\n",
            &["invalid severity 3", "credlint.toml:2:12"],
        ),
        ("[files]\nexclude = 5\n", &["credlint.toml:2:", "exclude"]),
    ];
    for (config, wanted) in cases {
        let (code, stderr) = with_config(config);
        assert_eq!(code, Some(2), "{config}: {stderr}");
        for w in *wanted {
            assert!(stderr.contains(w), "{config}: missing {w:?} in\n{stderr}");
        }
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn configured_patterns_are_literals_with_bounded_sizes() {
    // regex syntax is taken literally: a catastrophic-backtracking pattern is just text
    let config = "[rules.placeholder-text]\nextend-markers = [\"(a+)+$\"]\n";
    let dir = repo(&[
        ("credlint.toml", config.as_bytes()),
        ("literal.txt", b"The total is (a+)+$ today.\n"),
        (
            "aaaa.txt",
            format!("{}b said the mayor.\n", "a".repeat(5_000)).as_bytes(),
        ),
    ]);
    let out = common::run_in(
        dir.path(),
        &["check", "--format", "json", "literal.txt", "aaaa.txt"],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let placeholders: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "placeholder-text")
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(placeholders, ["literal.txt"], "{}", text(&out.stdout));
    // sizes are bounded: a pattern over 1,024 bytes, or a list over 10,000 items, is refused
    let long = format!(
        "[rules.placeholder-text]\nextend-markers = [\"{}\"]\n",
        "x".repeat(1_025)
    );
    let (code, stderr) = with_config(&long);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("a string of 1025 bytes: at most 1024 are allowed"),
        "{stderr}"
    );
    let many: Vec<String> = (0..10_001).map(|i| format!("\"w{i}\"")).collect();
    let (code, stderr) = with_config(&format!(
        "[lexicon]\nextend-outlets = [{}]\n",
        many.join(",")
    ));
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("a list of 10001 items: at most 10000 are allowed"),
        "{stderr}"
    );
    let globs = format!("[files]\nexclude = [\"{}\"]\n", "*".repeat(2_000));
    let (code, stderr) = with_config(&globs);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("[files] exclude: a string of 2000 bytes"),
        "{stderr}"
    );
}

#[test]
fn discovery_stops_at_the_repository_root_and_says_what_it_used() {
    let outer = tempfile::tempdir().expect("temp dir");
    // above the repository: turns everything off, and must not apply
    std::fs::write(
        outer.path().join(".credlint.toml"),
        "[rules.placeholder-text]\nseverity = \"off\"\n",
    )
    .expect("write");
    let root = outer.path().join("newsroom");
    std::fs::create_dir_all(root.join(".git")).expect("mkdir");
    std::fs::create_dir_all(root.join("drafts")).expect("mkdir");
    std::fs::write(
        root.join("drafts/a.txt"),
        "The council will spend TK on it.\n",
    )
    .expect("write");
    let out = common::run_in(&root.join("drafts"), &["check", "--verbose", "a.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("placeholder-text"));
    assert!(
        text(&out.stderr)
            .starts_with("credlint: configuration: built-in rules only (no credlint.toml"),
        "{}",
        text(&out.stderr)
    );
    // inside the repository, the nearest file is used and named
    std::fs::write(
        root.join("credlint.toml"),
        "[rules.placeholder-text]\nseverity = \"info\"\n",
    )
    .expect("write");
    let out = common::run_in(
        &root.join("drafts"),
        &["check", "-v", "--fail-on", "warning", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = root.join("credlint.toml");
    assert!(
        text(&out.stderr).contains(&format!("credlint: configuration: {}", shown.display())),
        "{}",
        text(&out.stderr)
    );
    let out = common::run_in(&root, &["check", "--isolated", "-v", "drafts"]);
    assert!(
        text(&out.stderr).contains("credlint: configuration: built-in rules only (--isolated)")
    );
}

#[test]
fn standard_input_closed_early_is_linted_as_far_as_it_went() {
    let mut child = common::bin()
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "cut.txt",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        // the writer stops in the middle of a sentence (and of a quotation)
        stdin
            .write_all("The council will spend TK on it. “We will".as_bytes())
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let found = positions(&out);
    assert!(
        found.iter().any(|(r, _, _)| r == "placeholder-text"),
        "{found:?}"
    );
    // nothing at all on standard input: an empty document
    let out = common::bin()
        .args(["check", "--isolated", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).starts_with("1 file: 0 errors"),
        "{}",
        text(&out.stderr)
    );
}
