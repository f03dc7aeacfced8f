//! Inline suppressions end to end: directives in Markdown and plain-text drafts, their
//! reasons, the reports about unused and malformed ones, and cross-file name findings
//! silenced where they point.

mod common;

use credlint::{Combined, Config, combine_run, lint_file};

fn run(files: &[(String, String)], config: &Config) -> Combined {
    let per_file = files.iter().map(|(p, t)| lint_file(p, t, config)).collect();
    combine_run(per_file, config)
}

fn owned(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
}

#[test]
fn directives_in_markdown_and_plain_text() {
    let files = vec![
        common::read("tests/drafts/suppress/plain.txt"),
        common::read("tests/drafts/suppress/story.md"),
    ];
    let cfg = common::config();
    let out = run(&files, &cfg);
    let shown: Vec<credlint::Diagnostic> = out.groups.into_iter().flatten().collect();
    let rules: Vec<&str> = shown.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            "anonymity-unexplained",
            "agentless-attribution",
            "unused-suppression",
            "invalid-suppression",
            "anonymity-unexplained",
            "anonymous-source",
        ]
    );
    // what was silenced, where, and why
    let silenced: Vec<(&str, usize, &str, Option<&str>)> = out
        .suppressed
        .iter()
        .map(|d| {
            (
                d.path.rsplit('/').next().unwrap_or(""),
                d.position.map_or(0, |p| p.0.line),
                d.rule,
                d.suppression.as_ref().and_then(|s| s.reason.as_deref()),
            )
        })
        .collect();
    let sidebar = Some("named in the sidebar; legal cleared it");
    let filing = Some("quoted from the court filing as written");
    assert_eq!(
        silenced,
        [
            (
                "plain.txt",
                4,
                "anonymous-source",
                Some("the harbour office asked us not to name the clerk")
            ),
            ("plain.txt", 7, "unattributed-claim", None),
            ("story.md", 7, "anonymity-unexplained", sidebar),
            ("story.md", 7, "anonymous-source", sidebar),
            (
                "story.md",
                9,
                "secondary-source",
                Some("wire copy, the outlets are credited in the footer")
            ),
            ("story.md", 12, "agentless-attribution", filing),
            ("story.md", 13, "agentless-attribution", filing),
        ]
    );
    let _guard = common::settings().bind_to_scope();
    let shown = format!(
        "{} finding(s), {} suppressed\n\n{}",
        shown.len(),
        out.suppressed.len(),
        common::render(&files, &shown)
    );
    insta::assert_snapshot!("suppress_drafts", shown);
}

#[test]
fn cross_file_findings_honour_a_suppression_where_they_point() {
    let a = "Ingrid Solberg, the harbour master, said the ferry would run again from Monday.\n";
    let b = "Harbour repairs\n\n<!-- credlint-disable-next-line name-inconsistency -- her passport spells it so -->\nIngrid Solbreg, the harbour master, said the crane was fixed.\n";
    let cfg = common::config();
    // without the directive: one finding, at a.txt (the first path), pointing into b.md
    let plain = b.replace(
        "<!-- credlint-disable-next-line name-inconsistency -- her passport spells it so -->\n",
        "",
    );
    let out = run(&owned(&[("a.txt", a), ("b.md", &plain)]), &cfg);
    let found: Vec<_> = out.groups.iter().flatten().collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].path.as_str(), found[0].rule),
        ("a.txt", "name-inconsistency")
    );
    assert_eq!(found[0].related[0].path.as_deref(), Some("b.md"));
    // the directive in b.md, at the place the finding points to, silences it, and is used
    let out = run(&owned(&[("a.txt", a), ("b.md", b)]), &cfg);
    assert!(out.groups.iter().all(Vec::is_empty), "{:#?}", out.groups);
    assert_eq!(out.suppressed.len(), 1);
    assert_eq!(out.suppressed[0].path, "a.txt");
    assert_eq!(
        out.suppressed[0]
            .suppression
            .as_ref()
            .and_then(|s| s.reason.as_deref()),
        Some("her passport spells it so")
    );
    // a directive for the rule elsewhere silences nothing and says so
    let elsewhere = b
        .replace("Harbour repairs\n\n<!--", "<!--")
        .replace("-->\nIngrid", "-->\nThe crane was fixed.\n\nIngrid");
    let out = run(&owned(&[("a.txt", a), ("b.md", &elsewhere)]), &cfg);
    let rules: Vec<&str> = out.groups.iter().flatten().map(|d| d.rule).collect();
    assert_eq!(rules, ["name-inconsistency", "unused-suppression"]);
}

#[test]
fn unused_suppression_can_be_configured_and_silenced() {
    let text = "credlint: disable-next-line anonymous-source\nFinance minister Anna Dahl said the figures were wrong.\n";
    let off = Config::from_toml(
        "credlint.toml",
        "[rules.unused-suppression]\nseverity = \"off\"\n",
    )
    .expect("config");
    assert!(credlint::check_source("a.txt", text, &off).is_empty());
    // a directive for a rule switched off is not reported as unused
    let no_anon = Config::from_toml(
        "credlint.toml",
        "[rules.anonymous-source]\nseverity = \"off\"\n",
    )
    .expect("config");
    assert!(credlint::check_source("a.txt", text, &no_anon).is_empty());
    let cfg = common::config();
    let d = credlint::check_source("a.txt", text, &cfg);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].rule, "unused-suppression");
    // only a directive naming the rule silences its report; that directive is used
    let named =
        format!("credlint: disable-file unused-suppression -- kept for the next edit\n{text}");
    assert!(credlint::check_source("a.txt", &named, &cfg).is_empty());
    let blanket = format!("credlint: disable-file\n{text}");
    let rules: Vec<&str> = credlint::check_source("a.txt", &blanket, &cfg)
        .iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(rules, ["unused-suppression", "unused-suppression"]);
}

#[test]
fn a_finding_is_silenced_at_a_related_place_in_its_file() {
    let draft = |directive: &str| {
        format!(
            "{directive}Ingrid Solberg, the harbour master, said the ferry would run.\n\nThe crane was fixed on Monday, Solberg said.\n\nIngrid Solbreg said two sailings would be added.\n"
        )
    };
    let cfg = common::config();
    let found = credlint::check_source("a.txt", &draft(""), &cfg);
    assert_eq!(found.len(), 1, "{found:#?}");
    // reported at the odd spelling (line 5), pointing to the usual one (line 1)
    assert_eq!(found[0].rule, "name-inconsistency");
    assert_eq!(found[0].position.map(|p| p.0.line), Some(5));
    assert_eq!(found[0].related[0].position.map(|p| p.0.line), Some(1));
    // a directive above the place it points to silences it
    let text = draft("credlint: disable-next-line name-inconsistency -- two people, checked\n");
    assert!(credlint::check_source("a.txt", &text, &cfg).is_empty());
}

#[test]
fn a_blanket_file_directive_silences_exactly_what_each_fixture_raises() {
    // the invariant over every rule's drafts: a directive line changes no finding, it
    // only moves every one of them (bar the reports about directives) to `suppressed`
    let cfg = common::config();
    let meta = ["invalid-suppression", "unused-suppression"];
    for def in credlint::rules::REGISTRY {
        let id = def.meta.id;
        if meta.contains(&id) {
            continue;
        }
        for which in ["bad", "good"] {
            let (path, text) = common::read(&format!("tests/fixtures/{id}/{which}.txt"));
            let directive = "credlint: disable-file -- the desk has read it\n";
            let key = |d: &credlint::Diagnostic, shift: usize| {
                (
                    d.rule,
                    d.span.start - shift,
                    d.span.end - shift,
                    d.message.clone(),
                )
            };
            let before: Vec<_> = run(&[(path.clone(), text.clone())], &cfg)
                .groups
                .iter()
                .flatten()
                .map(|d| key(d, 0))
                .collect();
            let after = run(&[(path.clone(), format!("{directive}{text}"))], &cfg);
            let left: Vec<&str> = after.groups.iter().flatten().map(|d| d.rule).collect();
            if before.is_empty() {
                assert_eq!(left, ["unused-suppression"], "{path}");
                continue;
            }
            assert!(left.is_empty(), "{path}: {left:?}");
            let silenced: Vec<_> = after
                .suppressed
                .iter()
                .map(|d| key(d, directive.len()))
                .collect();
            assert_eq!(silenced, before, "{path}");
            assert!(after.suppressed.iter().all(|d| {
                d.suppression.as_ref().and_then(|s| s.reason.as_deref())
                    == Some("the desk has read it")
            }));
        }
    }
}

#[test]
fn extract_does_not_read_a_directive_line_as_prose() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let draft = tmp.path().join("story.txt");
    std::fs::write(
        &draft,
        "credlint: disable-next-line anonymous-source -- officials said the source asked not to be named\nA source said the plan was dead.\n",
    )
    .expect("write");
    let out = common::bin()
        .args(["extract", "--isolated"])
        .arg(&draft)
        .output()
        .expect("run credlint");
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON line");
    let cues: Vec<&str> = v["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .map(|a| a["source"]["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(cues, ["A source"]);
}
