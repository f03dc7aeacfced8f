//! `--diff` with real git in a temporary repository, and `--baseline` with a JSON report
//! written by an earlier run.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const FINDING: &str = "A source close to the talks said the plan was dead.\n";
const CLEAN: &str = "The harbour reopened on Friday, port director Mia Sand said.\n";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git is installed");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn check(dir: &Path, args: &[&str]) -> Output {
    common::bin()
        .current_dir(dir)
        .args([
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "json",
        ])
        .args(args)
        .output()
        .expect("run credlint")
}

/// (path, line, rule) of each reported finding.
fn findings(out: &Output) -> Vec<(String, u64, String)> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["start"]["line"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, text).expect("write");
}

#[test]
fn diff_reports_only_changed_lines_and_new_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    write(dir, "drafts/old.txt", &format!("{FINDING}\n{CLEAN}"));
    write(dir, "drafts/committed.txt", CLEAN);
    write(dir, "drafts/staged.txt", CLEAN);
    write(
        dir,
        "drafts/ferry.txt",
        "Ingrid Solberg, the harbour master, said the ferry would run.\n",
    );
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "base"]);
    // committed after the base
    write(dir, "drafts/committed.txt", &format!("{CLEAN}\n{FINDING}"));
    git(dir, &["commit", "-q", "-am", "second"]);
    // staged, and not staged
    write(dir, "drafts/staged.txt", &format!("{FINDING}\n{CLEAN}"));
    git(dir, &["add", "drafts/staged.txt"]);
    write(
        dir,
        "drafts/old.txt",
        &format!("{FINDING}\n{CLEAN}\n{FINDING}"),
    );
    // untracked: new throughout, and the other spelling of a committed name
    write(dir, "drafts/new.txt", FINDING);
    write(
        dir,
        "drafts/timetable.txt",
        "Ingrid Solbreg, the harbour master, said two sailings would be added.\n",
    );

    let all = findings(&check(dir, &["drafts"]));
    let out = check(dir, &["--diff", "HEAD~1", "drafts"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let got = findings(&out);
    let anon = |path: &str, line: u64| {
        (
            format!("drafts/{path}"),
            line,
            "anonymous-source".to_string(),
        )
    };
    for want in [
        anon("committed.txt", 3),
        anon("staged.txt", 1),
        anon("old.txt", 5),
        anon("new.txt", 1),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:#?}");
    }
    // the old finding on an unchanged line is not reported, though linted
    assert!(all.contains(&anon("old.txt", 1)));
    assert!(!got.contains(&anon("old.txt", 1)), "{got:#?}");
    // the cross-file finding sits in the unchanged file but points into the new one
    let names: Vec<_> = got.iter().filter(|f| f.2 == "name-inconsistency").collect();
    assert_eq!(names.len(), 1, "{got:#?}");
    // against HEAD, the second commit's line is old
    let head = findings(&check(dir, &["--diff", "HEAD", "drafts"]));
    assert!(!head.contains(&anon("committed.txt", 3)), "{head:#?}");
    assert!(head.contains(&anon("staged.txt", 1)));
}

#[test]
fn diff_counts_from_where_the_branch_left_its_base() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    write(dir, "story.txt", &format!("{FINDING}\n{CLEAN}"));
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "base"]);
    git(dir, &["checkout", "-q", "-b", "feature"]);
    write(dir, "story.txt", &format!("{FINDING}\n{FINDING}"));
    git(
        dir,
        &["commit", "-q", "-am", "feature adds a finding on line 3"],
    );
    // main moves on after the branch and rewrites line 1: the branch's line 1 now differs
    // from main's, but the branch did not change it
    git(dir, &["checkout", "-q", "main"]);
    write(dir, "story.txt", &format!("{CLEAN}\n{CLEAN}"));
    git(dir, &["commit", "-q", "-am", "main rewrites line 1"]);
    git(dir, &["checkout", "-q", "feature"]);
    let all = findings(&check(dir, &["story.txt"]));
    assert!(all.iter().any(|f| f.1 == 1) && all.iter().any(|f| f.1 == 3));
    let got = findings(&check(dir, &["--diff", "main", "story.txt"]));
    let lines: Vec<u64> = got.iter().map(|f| f.1).collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|&l| l == 3), "{got:#?}");
}

#[test]
fn diff_errors_outside_a_repository_and_for_an_unknown_revision() {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "a.txt", FINDING);
    let out = check(tmp.path(), &["--diff", "main", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--diff needs a git repository"), "{err}");
    assert!(out.stdout.is_empty());

    git(tmp.path(), &["init", "-q"]);
    git(tmp.path(), &["add", "."]);
    git(tmp.path(), &["commit", "-q", "-m", "one"]);
    let out = check(tmp.path(), &["--diff", "no-such-branch", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown revision `no-such-branch`"), "{err}");
}

#[test]
fn baseline_hides_known_findings_after_an_edit_above_them() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    write(dir, "story.txt", &format!("{CLEAN}\n{FINDING}"));
    let first = check(dir, &["story.txt"]);
    assert_eq!(first.status.code(), Some(1));
    let known = findings(&first);
    assert!(!known.is_empty());
    std::fs::write(dir.join("baseline.json"), &first.stdout).expect("write baseline");

    // two paragraphs added above: every known finding moves down four lines
    write(
        dir,
        "story.txt",
        &format!("Port strike over\n\n{CLEAN}\n{CLEAN}\n{FINDING}"),
    );
    let moved = findings(&check(dir, &["story.txt"]));
    assert_eq!(moved.len(), known.len());
    assert!(
        moved
            .iter()
            .zip(&known)
            .all(|(m, k)| m.1 == k.1 + 4 && m.2 == k.2)
    );
    let out = check(dir, &["--baseline", "baseline.json", "story.txt"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(findings(&out).is_empty());

    // a new finding (the same sentence again) is still reported: one entry hides one
    write(
        dir,
        "story.txt",
        &format!("Port strike over\n\n{CLEAN}\n{CLEAN}\n{FINDING}\n{FINDING}"),
    );
    let out = check(dir, &["--baseline", "baseline.json", "story.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let new = findings(&out);
    assert_eq!(new.len(), known.len());
    assert!(new.iter().all(|f| f.1 == 9), "{new:#?}");

    // a file that is not a report is an error naming it
    write(dir, "bad.json", "[]");
    let out = check(dir, &["--baseline", "bad.json", "story.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}
