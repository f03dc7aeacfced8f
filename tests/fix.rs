//! `--fix` end to end: it changes exactly what the findings say, never writes standard
//! input or through a link leading out of the tree, and never loses a file.

mod common;

use std::path::Path;
use std::process::{Output, Stdio};

const REGISTRY: &str =
    "[[names]]\ncanonical = \"Ingrid Solberg\"\nvariants = [\"Ingrid Solbreg\"]\n";
const BAD: &str = "Ingrid Solbreg said the port would reopen.\n";
const GOOD: &str = "Ingrid Solberg said the port would reopen.\n";

/// A directory with the names registry as its credlint.toml.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("credlint.toml"), REGISTRY).expect("write config");
    dir
}

fn fix_in(dir: &Path, args: &[&str]) -> Output {
    common::bin()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--fix"])
        .args(args)
        .output()
        .expect("run credlint")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn standard_input_is_fixed_to_standard_output_and_nothing_is_written() {
    let dir = project();
    let story = dir.path().join("story.md");
    std::fs::write(&story, "Untouched text on disk.\n").expect("write");
    let mut child = common::bin()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "--fix", "--stdin-filename", "story.md", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(BAD.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), GOOD);
    assert_eq!(
        std::fs::read_to_string(&story).expect("read"),
        "Untouched text on disk.\n",
        "story.md is never written"
    );
    assert_eq!(names_in(dir.path()), ["credlint.toml", "story.md"]);
    // with other paths beside it, standard input is refused under --fix
    let out = fix_in(dir.path(), &["-", "story.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--fix reads standard input alone"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fix_changes_only_what_the_findings_report() {
    // a variant in a Markdown code fence is not prose: not reported, so not rewritten
    let dir = project();
    let text = "Ingrid Solbreg spoke first.\n\n```\nIngrid Solbreg in a code sample\n```\n\n`Ingrid Solbreg` inline.\n";
    std::fs::write(dir.path().join("a.md"), text).expect("write");
    let out = fix_in(dir.path(), &["a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).expect("read"),
        text.replacen("Ingrid Solbreg spoke", "Ingrid Solberg spoke", 1)
    );
    // the canonical form containing a shorter variant is left alone, and fixing twice
    // changes nothing more
    std::fs::write(
        dir.path().join("credlint.toml"),
        "[[names]]\ncanonical = \"Liu Pengyu\"\nvariants = [\"Liu Pengya\", \"Pengyu\"]\n",
    )
    .expect("write config");
    std::fs::write(
        dir.path().join("b.txt"),
        "Liu Pengya spoke. Liu Pengyu agreed. Pengyu left. Pengyuan stayed.\n",
    )
    .expect("write");
    for _ in 0..2 {
        let out = fix_in(dir.path(), &["b.txt"]);
        assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.txt")).expect("read"),
            "Liu Pengyu spoke. Liu Pengyu agreed. Liu Pengyu left. Pengyuan stayed.\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_fixed_through_their_target_only_inside_the_tree() {
    let dir = project();
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("story.md"), BAD).expect("write");
    std::os::unix::fs::symlink("story.md", dir.path().join("link.md")).expect("link");
    let away = outside.path().join("away.md");
    std::fs::write(&away, BAD).expect("write");
    std::os::unix::fs::symlink(&away, dir.path().join("away-link.md")).expect("link");

    let out = fix_in(dir.path(), &["link.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.md")).expect("read"),
        GOOD
    );

    let out = fix_in(dir.path(), &["away-link.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("away-link.md: not fixed: it is a symbolic link to")
            && err.contains("outside the files being linted"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&away).expect("read"), BAD);
    let link = std::fs::symlink_metadata(dir.path().join("away-link.md")).expect("meta");
    assert!(link.file_type().is_symlink());
    // the finding is still reported
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ingrid Solbreg"));
}

#[cfg(unix)]
#[test]
fn read_only_files_and_hard_links_are_refused_with_their_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project();
    let ro = dir.path().join("ro.txt");
    std::fs::write(&ro, BAD).expect("write");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = fix_in(dir.path(), &["ro.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ro.txt: not fixed: the file is read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&ro).expect("read"), BAD);

    let a = dir.path().join("a.txt");
    std::fs::write(&a, BAD).expect("write");
    std::fs::hard_link(&a, dir.path().join("b.txt")).expect("hard link");
    let out = fix_in(dir.path(), &["a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("a.txt: not fixed: the file has 2 hard links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.txt")).expect("read"),
        BAD
    );
    assert_eq!(
        names_in(dir.path()),
        ["a.txt", "b.txt", "credlint.toml", "ro.txt"],
        "no temporary file left"
    );
}

/// Kills (SIGKILL) a fix run over 2,000 files as soon as it has written its first file:
/// each file then holds its old text or its new text, never a mix and never nothing, and
/// a second run fixes the rest.
#[cfg(unix)]
#[test]
fn a_fix_run_killed_midway_leaves_every_file_old_or_new() {
    let dir = project();
    let drafts = dir.path().join("drafts");
    std::fs::create_dir(&drafts).expect("mkdir");
    let old: String = (0..40)
        .map(|i| format!("Ingrid Solbreg said the port would reopen on day {i}.\n"))
        .collect();
    let new = old.replace("Solbreg", "Solberg");
    let n = 2_000;
    let file = |i: usize| drafts.join(format!("{i:04}.txt"));
    for i in 0..n {
        std::fs::write(file(i), &old).expect("write");
    }
    let mut child = common::bin()
        .current_dir(dir.path())
        .args([
            "check", "--fix", "-j", "2", "--quiet", "--format", "json", "drafts",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // the first file of the walk is among the first written
    let killed = loop {
        if child.try_wait().expect("try_wait").is_some() {
            break false;
        }
        if std::fs::read_to_string(file(0)).is_ok_and(|t| t == new) {
            child.kill().expect("SIGKILL");
            break true;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    child.wait().expect("wait");
    let count = || {
        let (mut olds, mut news) = (0, 0);
        for i in 0..n {
            let got = std::fs::read_to_string(file(i)).expect("every file is still there");
            if got == old {
                olds += 1;
            } else if got == new {
                news += 1;
            } else {
                panic!("file {i} is neither old nor new");
            }
        }
        (olds, news)
    };
    let (olds, news) = count();
    assert!(news >= 1 && olds + news == n, "{olds} old, {news} new");
    assert!(killed || olds == 0, "a run that finished fixed every file");
    // a temporary file has a name only between its last write and its rename (on Linux;
    // elsewhere while it is written): at most one per worker thread can be left
    let left: Vec<String> = names_in(&drafts)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.len() <= 2, "{left:?}");
    for n in &left {
        std::fs::remove_file(drafts.join(n)).expect("remove");
    }
    let out = fix_in(dir.path(), &["--quiet", "--format", "json", "drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(count(), (0, n), "a second run fixes the rest");
}
