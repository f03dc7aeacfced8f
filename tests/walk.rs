//! Walking and reading, end to end: ignore files, include and exclude globs, links,
//! FIFOs and devices, binary and oversized files, and many files.

mod common;

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

/// Runs credlint in `dir`; returns the exit status, stdout and stderr.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = common::bin()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_WORKSPACE")
        .stdin(Stdio::null())
        .output()
        .expect("run credlint");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
    std::fs::write(p, text).expect("write");
}

/// Makes a FIFO at `path` with the system's `mkfifo`.
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A draft with one finding (an anonymous source).
const DRAFT: &str = "Officials said the plan was dead.\n";

/// The files `extract` read under `dir`, in output order (one JSON line per document).
fn linted(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["extract", "--isolated"];
    all.extend_from_slice(args);
    let (code, out, err) = run_in(dir, &all);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("json line");
            v["path"].as_str().expect("path").to_string()
        })
        .collect()
}

#[test]
fn ignore_files_hidden_files_and_globs_choose_what_is_walked() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    for f in [
        "a.md",
        "notes.txt",
        "old/b.md",
        "drafts/c.md",
        "news/drafts/d.md",
        "news/e.md",
        "news/scratch.tmp.md",
        "private/f.md",
        "skip.md",
        ".hidden.md",
        ".cache/g.md",
        "node_modules/h.md",
        "image.png",
    ] {
        write(root, f, DRAFT);
    }
    // no git repository: .gitignore files are honoured all the same
    write(root, ".gitignore", "old/\n*.tmp.md\n");
    write(root, ".ignore", "skip.md\n");
    write(root, ".credlintignore", "private/\n");
    let all = linted(root, &["."]);
    assert_eq!(
        all,
        [
            "./a.md",
            "./drafts/c.md",
            "./news/drafts/d.md",
            "./news/e.md",
            "./notes.txt"
        ]
    );
    // a bare name matches at any depth, with everything below it
    assert_eq!(
        linted(root, &["--exclude", "drafts", "."]),
        ["./a.md", "./news/e.md", "./notes.txt"]
    );
    assert_eq!(
        linted(root, &["--include", "drafts", "."]),
        ["./drafts/c.md", "./news/drafts/d.md"]
    );
    // a glob with a slash is anchored at the walked directory
    assert_eq!(
        linted(root, &["--exclude", "news/**", "."]),
        ["./a.md", "./drafts/c.md", "./notes.txt"]
    );
    assert_eq!(linted(root, &["--include", "*.txt", "."]), ["./notes.txt"]);
    // gitignore's negation re-includes
    assert_eq!(
        linted(root, &["--exclude", "*.md", "--exclude", "!e.md", "."]),
        ["./news/e.md", "./notes.txt"]
    );
    // the configuration's [files] globs too
    write(root, "credlint.toml", "[files]\nexclude = [\"news\"]\n");
    let (code, out, err) = run_in(root, &["extract", "."]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
    std::fs::remove_file(root.join("credlint.toml")).expect("remove");
    // files named explicitly are read whatever ignores them, unless --force-exclude
    assert_eq!(
        linted(root, &["old/b.md", ".hidden.md", "skip.md"]),
        ["old/b.md", ".hidden.md", "skip.md"]
    );
    assert_eq!(
        linted(
            root,
            &["--exclude", "old", "--force-exclude", "old/b.md", "a.md"]
        ),
        ["a.md"]
    );
}

#[test]
fn fifo_and_piped_stdin_named_as_arguments_are_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("story.fifo");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, DRAFT).expect("write to the FIFO"))
    };
    // the human format shows the source: read once, kept, never opened again (a second
    // open of the FIFO would wait for a writer for ever)
    let child = common::bin()
        .args(["check", "--isolated", "--fail-on", "info", "story.fifo"])
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run credlint");
    writer.join().expect("writer");
    let out = finish_within(child, 60);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("story.fifo:1:1"), "{stdout}");
    assert!(
        stdout.contains("Officials said the plan was dead."),
        "{stdout}"
    );
    assert!(stderr.contains("1 file"), "{stderr}");

    // `/dev/stdin` named as a file (what `<(...)` and pipes give), standard input a pipe
    let out = common::run_with_stdin(
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            "/dev/stdin",
        ],
        DRAFT,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains("/dev/stdin:1:1: info[anonymous-source]"),
        "{stdout}"
    );
    assert!(stderr.contains("1 file"), "{stderr}");
}

/// Waits for `child`, killing it (and failing) after `secs` seconds.
fn finish_within(mut child: std::process::Child, secs: u64) -> std::process::Output {
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed().as_secs() > secs {
            let _ = child.kill();
            panic!("credlint still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_while_read_is_named_and_the_run_goes_on() {
    // /proc/self/mem opens as a regular file and fails on its first read (EIO): what a
    // file that turns unreadable between the walk and its read gives
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "good.txt", DRAFT);
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "/proc/self/mem",
            "good.txt",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: /proc/self/mem: cannot read: "),
        "{err}"
    );
    assert!(
        out.contains("good.txt:1:1: info[anonymous-source]"),
        "{out}"
    );
    assert!(err.contains("1 file"), "{err}");
}

#[test]
fn a_file_that_vanishes_mid_run_is_named_and_the_run_goes_on() {
    // Removed between the walk and its read, without timing: with one thread the files are
    // read in the order given, and the FIFO named first holds the run until its writer,
    // which deletes the next file once credlint has opened the FIFO (opening its writing
    // end waits for that). Permissions cannot make a file unreadable here (CI runs as
    // root); `a_file_that_fails_while_read_is_named_and_the_run_goes_on` covers a failing
    // read.
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("story.fifo");
    mkfifo(&fifo);
    write(tmp.path(), "victim.txt", DRAFT);
    write(tmp.path(), "good.txt", DRAFT);
    let writer = {
        let (fifo, victim) = (fifo.clone(), tmp.path().join("victim.txt"));
        std::thread::spawn(move || {
            use std::io::Write;
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(fifo)
                .expect("open the FIFO");
            std::fs::remove_file(victim).expect("remove");
            w.write_all(DRAFT.as_bytes()).expect("write to the FIFO");
        })
    };
    let child = common::bin()
        .args([
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "-j",
            "1",
            "--format",
            "concise",
        ])
        .args(["story.fifo", "victim.txt", "good.txt"])
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run credlint");
    writer.join().expect("writer");
    let out = finish_within(child, 60);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: victim.txt: cannot read: no such file or directory"),
        "{stderr}"
    );
    assert!(
        stdout.contains("story.fifo:1:1: info[anonymous-source]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("good.txt:1:1: info[anonymous-source]"),
        "{stdout}"
    );
    assert!(!stdout.contains("victim.txt"), "{stdout}");
    assert!(stderr.contains("2 files"), "{stderr}");

    // gone before the run: named, or the target of a link named
    #[cfg(unix)]
    std::os::unix::fs::symlink("gone.txt", tmp.path().join("dangling.txt")).expect("link");
    for gone in ["gone.txt", "dangling.txt"] {
        let (code, out, err) = run_in(
            tmp.path(),
            &[
                "check",
                "--isolated",
                "--format",
                "concise",
                gone,
                "good.txt",
            ],
        );
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("error: {gone}: no such file or directory")),
            "{err}"
        );
        assert!(out.contains("good.txt:1:1"), "{out}");
    }
}

#[test]
fn fifos_and_devices_met_while_walking_are_skipped_never_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "a.md", DRAFT);
    mkfifo(&tmp.path().join("pipe.md"));
    // a character device like /dev/zero (1, 5): read, it would never end (needs root, as
    // CI and the development machines run)
    let made = std::process::Command::new("mknod")
        .args(["zero.txt", "c", "1", "5"])
        .current_dir(tmp.path())
        .status()
        .expect("mknod");
    assert!(made.success(), "mknod needs root");
    // were the FIFO opened, the run would block for ever: no writer ever comes
    let (code, _, err) = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("warning: ./pipe.md: not a regular file (a FIFO, socket or device); skipped"),
        "{err}"
    );
    assert!(
        err.contains("warning: ./zero.txt: not a regular file (a FIFO, socket or device); skipped"),
        "{err}"
    );
    assert!(err.contains("1 file"), "{err}");
}

#[test]
fn binary_files_are_refused_wherever_the_nul_is() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut text = "The council met on Monday.\n".repeat(400);
    assert!(text.len() > 8192);
    text.push('\0');
    text.push_str("tail\n");
    write(tmp.path(), "late-nul.txt", &text);
    let (code, _, err) = run_in(
        tmp.path(),
        &["check", "--isolated", "--fail-on", "info", "late-nul.txt"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "error: late-nul.txt: binary file (NUL byte at offset 10800, line 401); skipped"
        ),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_file_offset_and_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        tmp.path().join("cp1252.md"),
        b"# Title\n\nIt cost \x80 5.\n",
    )
    .expect("write");
    let (code, _, err) = run_in(
        tmp.path(),
        &["check", "--isolated", "--fail-on", "info", "."],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "error: ./cp1252.md: not UTF-8 (invalid byte 0x80 at offset 17, line 3); skipped"
        ),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn links_are_not_followed_unless_asked_and_loops_end() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("temp dir");
    let tree = tmp.path().join("tree");
    write(&tree, "a.md", DRAFT);
    write(tmp.path(), "outside/secret.md", DRAFT);
    symlink("../outside", tree.join("out")).expect("link out");
    // a loop: the directory links to itself
    symlink(".", tree.join("loop")).expect("link loop");
    let (code, out, err) = run_in(
        &tree,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(!out.contains("secret.md"), "{out}");
    assert!(
        err.contains("warning: ./out: symbolic link not followed (--follow follows links)"),
        "{err}"
    );
    assert!(err.contains("1 file"), "{err}");
    // followed when asked: the loop is reported once and not entered again
    let (code, out, err) = run_in(
        &tree,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            "--follow",
            ".",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("./out/secret.md"), "{out}");
    assert!(
        err.contains("warning: ./loop: symbolic link loop (leads back to .); not followed again"),
        "{err}"
    );
    assert!(err.contains("2 files"), "{err}");
}

#[test]
fn files_over_the_size_limit_are_refused_by_name() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // 200 MB, sparse: nothing is written to the disk
    let big = std::fs::File::create(tmp.path().join("big.txt")).expect("create");
    big.set_len(200 * 1024 * 1024).expect("size");
    write(tmp.path(), "small.txt", DRAFT);
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "error: ./big.txt: too large: 200.0 MB (209715200 bytes), above --max-file-size 64.0 MB; skipped (raise --max-file-size to lint it)"
        ),
        "{err}"
    );
    assert!(out.contains("small.txt"), "{out}");
    // the limit is the user's
    let (code, _, err) = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--max-file-size",
            "10",
            "small.txt",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("small.txt: too large: 34 bytes"), "{err}");
    assert!(err.contains("above --max-file-size 10 bytes"), "{err}");
    let (code, _, err) = run_in(tmp.path(), &["check", "--max-file-size", "lots", "."]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`lots` is not a size"), "{err}");
}

#[test]
fn fifty_thousand_small_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for d in 0..100 {
        let dir = tmp.path().join(format!("d{d:03}"));
        std::fs::create_dir(&dir).expect("dir");
        for f in 0..500 {
            std::fs::write(dir.join(format!("f{f:03}.txt")), "The council met.\n").expect("write");
        }
    }
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("50000 files"), "{err}");
}

#[test]
fn machine_output_names_files_from_the_repository_root() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = tmp.path();
    let init = std::process::Command::new("git")
        .args(["init", "-q", "."])
        .current_dir(repo)
        .status()
        .expect("git init (git is needed by this test)");
    assert!(init.success());
    write(repo, "x.md", DRAFT);
    write(repo, "news/y.md", DRAFT);
    let (code, out, err) = run_in(
        repo,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "github",
            ".",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("::notice file=x.md,line=1,"), "{out}");
    assert!(out.contains("::notice file=news/y.md,line=1,"), "{out}");
    assert!(!out.contains("file=./"), "{out}");
    // from a subdirectory: still from the root
    let news = repo.join("news");
    let (_, out, _) = run_in(
        &news,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "github",
            ".",
        ],
    );
    assert!(out.contains("::notice file=news/y.md,line=1,"), "{out}");
    let (_, out, _) = run_in(
        &news,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "json",
            "../x.md",
        ],
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["diagnostics"][0]["path"], "x.md");
    // human output keeps the path as typed
    let (_, out, _) = run_in(
        &news,
        &[
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            "./y.md",
        ],
    );
    assert!(out.starts_with("./y.md:1:1:"), "{out}");
    // GITHUB_WORKSPACE, when set, is the root
    let out = common::bin()
        .args([
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "github",
            "y.md",
        ])
        .current_dir(&news)
        .env("GITHUB_WORKSPACE", &news)
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("::notice file=y.md,line=1,"), "{out}");
}

#[test]
fn progress_is_drawn_on_a_terminal_only() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for i in 0..400 {
        write(tmp.path(), &format!("f{i:03}.txt"), "The council met.\n");
    }
    // piped: the summary line alone
    let out = common::bin()
        .args(["check", "--isolated", "--fail-on", "info", "."])
        .current_dir(tmp.path())
        .env_remove("CI")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "400 files: 0 errors, 0 warnings, 0 infos (credlint explain RULE documents any rule)\n"
    );
    // on a terminal (util-linux `script` gives the run one): a bar, cleared at the end;
    // with CI set, none
    let bin = env!("CARGO_BIN_EXE_credlint");
    let on_terminal = |ci: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.args([
            "-qec",
            &format!("{bin} check --isolated -j 1 ."),
            "/dev/null",
        ])
        .current_dir(tmp.path())
        .env_remove("CI");
        if let Some(v) = ci {
            cmd.env("CI", v);
        }
        let out = cmd
            .output()
            .expect("util-linux `script` is needed by this test");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_terminal(None);
    assert!(shown.contains("/400 files"), "{shown:?}");
    assert!(shown.contains("400 files: 0 errors"), "{shown:?}");
    let shown = on_terminal(Some("true"));
    assert!(!shown.contains("/400 files"), "{shown:?}");
}
