//! HTML drafts end to end: a CMS-like export whose navigation, masthead, scripts, styles,
//! aside and footer are not prose, with entities and a figure caption in its article.

mod common;

use credlint::{Config, Format};

const PAGE: &str = "tests/fixtures/html/cms-export.html";

fn config() -> Config {
    Config::from_toml(
        "credlint.toml",
        "[files.html]\nskip = [\"div.newsletter\"]\n",
    )
    .expect("config")
}

#[test]
fn the_article_is_linted_and_every_span_is_the_file_as_written() {
    let (path, raw) = common::read(PAGE);
    let cfg = config();
    let diags = credlint::check_source_as(&path, &raw, Format::Html, &cfg);
    // what each finding points at, as the file spells it: entities and all
    let found: Vec<(&str, &str)> = diags.iter().map(|d| (d.rule, d.span.text(&raw))).collect();
    assert_eq!(
        found,
        [
            ("anonymity-unexplained", "officials"),
            ("anonymous-source", "officials"),
            ("anonymity-unexplained", "sources"),
            ("anonymous-source", "sources"),
            ("agentless-attribution", "It is understood"),
            ("name-inconsistency", "Fereira"),
        ]
    );
    // nothing from the masthead, navigation, style, script, aside, footer or the skipped
    // newsletter box, each of which says "said" too
    for line in diags.iter().map(|d| d.position.expect("located").0.line) {
        assert!((27..=35).contains(&line), "line {line}");
    }
    // every label, related span and position is in the file and on its text
    for d in &diags {
        let (start, end) = d.position.expect("located");
        let line = raw.lines().nth(start.line - 1).expect("line");
        assert!(line.contains(d.span.text(&raw)), "{d:?}");
        assert!(end.line >= start.line);
        for r in &d.related {
            let text = r.span.text(&raw);
            assert!(!text.is_empty() && !text.contains('<'), "{r:?}");
        }
    }
    let shown = common::render(&[(path, raw.clone())], &diags);
    let _guard = common::settings().bind_to_scope();
    insta::assert_snapshot!(
        "html_cms_export",
        format!("{} finding(s)\n\n{shown}", diags.len())
    );
}

#[test]
fn extracted_spans_are_the_file_as_written() {
    let (path, raw) = common::read(PAGE);
    let cfg = config();
    let input = credlint::Input::new(&path, &raw, Format::Html, &cfg);
    let doc = input.document(&cfg);
    let ex = credlint::extract::extracted(&doc);
    let quote = &ex.quotes[0];
    assert_eq!(
        &raw[quote.start..quote.end],
        "&ldquo;We can&rsquo;t start dredging until the survey is done,&rdquo;"
    );
    assert_eq!(quote.speaker.as_deref(), Some("Tomas Ferreira"));
    for a in &ex.attributions {
        for s in [Some(&a.cue), a.source.as_ref()].into_iter().flatten() {
            // decoded text, file offsets: the same words once the entities are decoded
            let decoded = raw[s.start..s.end]
                .replace("&rsquo;", "’")
                .replace("&lsquo;", "‘")
                .replace("&ldquo;", "“")
                .replace("&rdquo;", "”")
                .replace("&amp;", "&");
            assert_eq!(decoded, s.text);
        }
    }
}

#[test]
fn html_files_are_walked_and_the_cli_reads_them_as_html() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = "<nav>Officials said menu</nav><article><p>The plan &mdash; officials said &ndash; is dead.</p></article>";
    std::fs::write(tmp.path().join("a.html"), page).expect("write");
    std::fs::write(tmp.path().join("b.HTM"), page).expect("write");
    let out = common::bin()
        .args([
            "check",
            "--isolated",
            "--fail-on",
            "info",
            "--format",
            "concise",
            ".",
        ])
        .current_dir(tmp.path())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // inside the article, past the navigation's "Officials said"
    let col = page.find("officials").expect("word") + 1;
    assert_eq!(col, 60);
    for f in ["a.html", "b.HTM"] {
        assert!(
            stdout.contains(&format!("{f}:1:{col}: info[anonymous-source]")),
            "{stdout}"
        );
    }
    assert!(stderr.contains("2 files"), "{stderr}");
    // standard input named as HTML is read as HTML
    let out = common::run_with_stdin(
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "--stdin-filename",
            "page.html",
            "-",
        ],
        page,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("page.html:1:{col}: info[anonymous-source]")),
        "{stdout}"
    );
    assert!(!stdout.contains(":1:6:"), "{stdout}");
}

#[test]
fn a_bad_skip_selector_is_a_configuration_error() {
    let e = Config::from_toml("credlint.toml", "[files.html]\nskip = [\"div > p\"]\n")
        .expect_err("a selector credlint does not read");
    assert!(
        e.message
            .contains("[files.html] skip: `div > p` is not a selector"),
        "{}",
        e.message
    );
}
