//! The binary end to end: output formats, exit codes, bad input, configuration errors.

mod common;

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = common::bin()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run credlint");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_output_has_the_documented_fields_and_true_positions() {
    let (code, out, _) = run(&["check", "--isolated", "--format", "json", "examples/drafts"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("one JSON document");
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    assert!(diags.len() >= 10, "{}", diags.len());
    let summary = &v["summary"];
    assert_eq!(summary["files"], 3);
    let total = summary["errors"].as_u64().unwrap()
        + summary["warnings"].as_u64().unwrap()
        + summary["infos"].as_u64().unwrap();
    assert_eq!(total as usize, diags.len());
    let mut last = (String::new(), 0u64);
    for d in diags {
        for key in [
            "path", "rule", "severity", "message", "help", "span", "start", "end", "related",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        let path = d["path"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let (s, e) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        let (line, col) = common::line_col(&text, s);
        assert_eq!(
            (
                d["start"]["line"].as_u64().unwrap() as usize,
                d["start"]["column"].as_u64().unwrap() as usize
            ),
            (line, col),
            "{d}"
        );
        let (eline, ecol) = common::line_col(&text, e);
        assert_eq!(
            (
                d["end"]["line"].as_u64().unwrap() as usize,
                d["end"]["column"].as_u64().unwrap() as usize
            ),
            (eline, ecol)
        );
        // sorted by path, then offset
        assert!((path.clone(), s as u64) >= last, "unsorted at {d}");
        last = (path, s as u64);
        for r in d["related"].as_array().unwrap() {
            let rp = r["path"].as_str().unwrap();
            let rt = std::fs::read_to_string(rp).unwrap();
            let rs = r["span"]["start"].as_u64().unwrap() as usize;
            let (l, c) = common::line_col(&rt, rs);
            assert_eq!(
                (
                    r["start"]["line"].as_u64().unwrap() as usize,
                    r["start"]["column"].as_u64().unwrap() as usize
                ),
                (l, c)
            );
        }
    }
}

#[test]
fn exit_status_follows_the_failure_threshold() {
    assert_eq!(
        run(&["check", "--isolated", "examples/drafts/council-budget.md"]).0,
        0
    );
    assert_eq!(
        run(&["check", "--isolated", "examples/drafts/port-strike.md"]).0,
        1
    );
    // only infos in this draft: they fail only with --fail-on info
    let (code, _, _) = run(&[
        "check",
        "--isolated",
        "--fail-on",
        "error",
        "tests/fixtures/secondary-source/bad.txt",
    ]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&[
        "check",
        "--isolated",
        "--fail-on",
        "info",
        "tests/fixtures/secondary-source/bad.txt",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn bad_input_is_named_and_the_rest_of_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Sources said the plan was dead.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"The fee was \xA35 per head.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let d = dir.path().to_str().unwrap();
    let missing = format!("{d}/nope.md");
    let (code, out, err) = run(&["check", "--isolated", "--format", "json", d, &missing]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("latin1.txt: not UTF-8 (invalid byte 0xA3 at offset 12, line 1); skipped"),
        "{err}"
    );
    assert!(err.contains("image.md: binary file"), "{err}");
    assert!(err.contains("nope.md: no such file or directory"), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["path"].as_str().unwrap().ends_with("good.txt"))
    );
    assert!(!err.contains("panicked"));
}

/// Runs `credlint check a.txt` in a directory whose credlint.toml is `config`.
fn check_with_config(config: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("credlint.toml"), config).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Sources said so.\n").unwrap();
    let out = common::bin()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn malformed_config_points_at_the_bad_key() {
    let (code, err) = check_with_config("[rules.anonymous-sauce]\nseverity = \"error\"\n");
    assert_eq!(code, 2);
    let _guard = common::settings().bind_to_scope();
    let shown: String = err
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("config_unknown_rule", shown);

    let (code, err) = check_with_config("[rules.anonymous-source]\ninstitution-softr = false\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown key `institution-softr`")
            && err.contains("did you mean `institution-softer`?")
            && err.contains("credlint.toml:2:1"),
        "{err}"
    );

    let (code, err) =
        check_with_config("[rules.unattributed-quote]\nmax-scare-words = \"three\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("expected an integer, found a string"), "{err}");
}

#[test]
fn machine_formats() {
    let (_, sarif, _) = run(&[
        "check",
        "--isolated",
        "--format",
        "sarif",
        "examples/drafts/port-strike.md",
    ]);
    let v: Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["columnKind"], "unicodeCodePoints");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let (_, gh, _) = run(&[
        "check",
        "--isolated",
        "--format",
        "github",
        "examples/drafts/port-strike.md",
    ]);
    assert!(
        gh.lines().all(|l| l.starts_with("::warning file=")
            || l.starts_with("::error file=")
            || l.starts_with("::notice file=")),
        "{gh}"
    );
    let (_, concise, _) = run(&[
        "check",
        "--isolated",
        "--format",
        "concise",
        "examples/drafts/port-strike.md",
    ]);
    assert!(concise.lines().any(|l| l.starts_with("examples/drafts/port-strike.md:20:16: error[placeholder-text]")), "{concise}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run(&["check", "--isolated", "examples/drafts/port-strike.md"]);
    assert!(!plain.contains('\u{1b}'));
    let out = common::bin()
        .args([
            "check",
            "--isolated",
            "--color",
            "always",
            "examples/drafts/port-strike.md",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn stdin_is_linted_under_the_given_name() {
    let mut child = common::bin()
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "--stdin-filename",
            "draft.md",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Sources said the deal was dead.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("draft.md:1:1: info[anonymous-source]"), "{s}");
}

#[test]
fn rules_explain_and_init() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    for d in credlint::rules::REGISTRY {
        assert!(out.contains(d.meta.id));
    }
    let (code, out, _) = run(&["explain", "anonymous-source"]);
    assert_eq!(code, 0);
    assert!(out.contains("## Example") && out.contains("Use instead"));
    let (code, _, err) = run(&["explain", "anonymous-sorce"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `anonymous-source`?"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("credlint.toml");
    let (code, _, _) = run(&["init", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&path).unwrap();
    let cfg = credlint::Config::from_toml("credlint.toml", &text)
        .expect("init writes a valid configuration");
    assert_eq!(cfg.enabled_rules().count(), credlint::rules::REGISTRY.len());
    for d in credlint::rules::REGISTRY {
        assert!(text.contains(&format!("[rules.{}]", d.meta.id)));
    }
    assert_eq!(
        run(&["init", path.to_str().unwrap()]).0,
        2,
        "never overwrites without --force"
    );
}

#[test]
fn cross_file_name_inconsistency_points_into_the_other_files() {
    let cfg = common::config();
    let files: Vec<(String, String)> = [
        "tests/drafts/cross/ferry.md",
        "tests/drafts/cross/harbour.txt",
        "tests/drafts/cross/timetable.txt",
    ]
    .iter()
    .map(|p| common::read(p))
    .collect();
    let d: Vec<_> = credlint::check_files(&files, &cfg)
        .into_iter()
        .filter(|d| d.rule == "name-inconsistency")
        .collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].path, "tests/drafts/cross/timetable.txt");
    assert_eq!(d[0].related.len(), 2);
    let _guard = common::settings().bind_to_scope();
    insta::assert_snapshot!("cross_file_name", common::render(&files, &d));
}

#[test]
fn fix_rewrites_registry_variants_atomically_and_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("credlint.toml"),
        "[[names]]\ncanonical = \"Ingrid Solberg\"\nvariants = [\"Ingrid Solbreg\"]\n",
    )
    .unwrap();
    let draft = dir.path().join("a.txt");
    std::fs::write(&draft, "Ingrid Solbreg said the port would reopen.\n").unwrap();
    let untouched = dir.path().join("b.txt");
    std::fs::write(&untouched, "Nothing to fix here, the mayor said.\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before_b = std::fs::metadata(&untouched).unwrap().modified().unwrap();
    let out = common::bin()
        .current_dir(dir.path())
        .args(["check", "--fix", "a.txt", "b.txt"])
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "Ingrid Solberg said the port would reopen.\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    assert_eq!(
        std::fs::metadata(&untouched).unwrap().modified().unwrap(),
        before_b,
        "unchanged files are not rewritten"
    );
    let once = std::fs::read(&draft).unwrap();
    common::bin()
        .current_dir(dir.path())
        .args(["check", "--fix", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&draft).unwrap(), once, "idempotent");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "no temporary files left: {leftovers:?}");
    // without --fix nothing is written
    std::fs::write(&draft, "Ingrid Solbreg said so.\n").unwrap();
    common::bin()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "Ingrid Solbreg said so.\n"
    );
}

#[test]
fn human_output_and_source_ledger_snapshots() {
    let _guard = common::settings().bind_to_scope();
    let (_, out, _) = run(&["check", "--isolated", "examples/drafts/port-strike.md"]);
    let n = out.matches("╭─[").count();
    let shown: String = out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("human_port_strike", format!("{n} report(s)\n\n{shown}"));
    let (code, ledger, _) = run(&["sources", "--isolated", "examples/drafts"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("sources_examples", ledger);
    let (_, json, _) = run(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "tests/fixtures/agentless-attribution/bad.txt",
    ]);
    insta::assert_snapshot!("json_agentless", json);
}

#[test]
fn extract_prints_one_json_object_per_document() {
    let (code, out, _) = run(&["extract", "--isolated", "examples/drafts"]);
    assert_eq!(code, 0);
    let docs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(docs.len(), 3);
    let mut sourceless = 0;
    for d in &docs {
        let text = std::fs::read_to_string(d["path"].as_str().unwrap()).unwrap();
        for a in d["attributions"].as_array().unwrap() {
            let (s, e) = (
                a["cue"]["start"].as_u64().unwrap() as usize,
                a["cue"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], a["cue"]["text"].as_str().unwrap());
            // A kind describes a written source: null exactly when the source is.
            if a["source"].is_null() {
                assert!(a["kind"].is_null(), "{a}");
                sourceless += 1;
            } else {
                assert!(
                    [
                        "person",
                        "organization",
                        "outlet",
                        "document",
                        "anonymous",
                        "pronoun"
                    ]
                    .contains(&a["kind"].as_str().unwrap()),
                    "{a}"
                );
            }
        }
    }
    assert!(sourceless > 0, "the drafts hold an agentless attribution");
}
