//! Every rule against drafts written for it: `bad.txt` must raise the rule (the snapshot
//! holds exactly what a user sees), `good.txt` must not.

mod common;

use credlint::rules::REGISTRY;

#[test]
fn every_rule_has_fixtures_that_fire_and_pass() {
    let cfg = common::config();
    let _guard = common::settings().bind_to_scope();
    for def in REGISTRY {
        let id = def.meta.id;
        let bad = common::read(&format!("tests/fixtures/{id}/bad.txt"));
        let good = common::read(&format!("tests/fixtures/{id}/good.txt"));
        let found: Vec<_> = credlint::check_files(std::slice::from_ref(&bad), &cfg)
            .into_iter()
            .filter(|d| d.rule == id)
            .collect();
        assert!(!found.is_empty(), "{id}: bad.txt raised nothing");
        let clean: Vec<_> = credlint::check_files(std::slice::from_ref(&good), &cfg)
            .into_iter()
            .filter(|d| d.rule == id)
            .collect();
        assert!(clean.is_empty(), "{id}: good.txt raised {clean:#?}");
        let shown = format!(
            "{} finding(s)\n\n{}",
            found.len(),
            common::render(std::slice::from_ref(&bad), &found)
        );
        insta::assert_snapshot!(format!("rule_{id}"), shown);
    }
}

#[test]
fn fixture_counts_are_what_the_drafts_hold() {
    // the number of problems each bad draft was written with
    let expected = [
        ("agentless-attribution", 4),
        ("anonymity-unexplained", 2),
        ("anonymous-source", 3),
        ("invalid-suppression", 2),
        ("loaded-attribution-verb", 5),
        ("name-inconsistency", 1),
        ("name-second-reference", 1),
        ("placeholder-text", 9),
        ("quote-marks", 5),
        ("secondary-source", 5),
        ("single-source", 1),
        ("unattributed-claim", 3),
        ("unattributed-quote", 3),
        ("unused-suppression", 1),
    ];
    let cfg = common::config();
    for (id, n) in expected {
        let bad = common::read(&format!("tests/fixtures/{id}/bad.txt"));
        let count = credlint::check_files(&[bad], &cfg)
            .iter()
            .filter(|d| d.rule == id)
            .count();
        assert_eq!(count, n, "{id}");
    }
    assert_eq!(
        expected.len(),
        REGISTRY.len(),
        "a rule without an expected count"
    );
}

#[test]
fn severity_and_options_from_a_project_file_apply() {
    let cfg = credlint::Config::from_toml(
        "credlint.toml",
        "[rules.loaded-attribution-verb]\nseverity = \"error\"\n\n[rules.loaded-attribution-verb.verbs]\nstress = \"said\"\n\n[rules.agentless-attribution]\nseverity = \"off\"\n",
    )
    .expect("valid config");
    let d = credlint::check_source(
        "a.txt",
        "Finance minister Anna Dahl stressed the figures were wrong. It is understood that she will resign.",
        &cfg,
    );
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].rule, "loaded-attribution-verb");
    assert_eq!(d[0].severity, credlint::Severity::Error);
}
