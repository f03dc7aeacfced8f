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
    // the number of problems each bad draft was written with, beside the draft
    let cfg = common::config();
    for def in REGISTRY {
        let id = def.meta.id;
        let path = format!("tests/fixtures/{id}/count");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let n: usize = text
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{path}: not a count: {e}"));
        let bad = common::read(&format!("tests/fixtures/{id}/bad.txt"));
        let count = credlint::check_files(&[bad], &cfg)
            .iter()
            .filter(|d| d.rule == id)
            .count();
        assert_eq!(count, n, "{id}");
    }
}

/// Rows of the README's rule table (`### Rules`): `(rule, default severity)`.
fn readme_rule_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let section = readme
        .split("\n### Rules\n")
        .nth(1)
        .and_then(|s| s.split("\n### ").next())
        .expect("README.md has a `### Rules` section");
    section
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let id = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            Some((id.to_string(), cells.get(2)?.to_string()))
        })
        .collect()
}

/// The README's rule table and `rules/default.toml` list every registered rule, once, in
/// the registry's order, with the registry's default severity: adding a rule and
/// forgetting either fails here, with the rows expected.
#[test]
fn readme_and_default_toml_agree_with_the_registry() {
    let expected: Vec<(String, String)> = REGISTRY
        .iter()
        .map(|d| {
            let id = d.meta.id;
            (
                id.to_string(),
                credlint::rules::default_severity(id).to_string(),
            )
        })
        .collect();
    let rows = readme_rule_rows();
    if rows != expected {
        let show = |rows: &[(String, String)]| {
            rows.iter()
                .map(|(id, sev)| format!("| `{id}` | {sev} |"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "README.md's rule table (### Rules) disagrees with the registry (one row per rule, \
             in REGISTRY's order, in one table).\nexpected:\n{}\nfound:\n{}",
            show(&expected),
            show(&rows)
        );
    }
    let defaults: toml::Table =
        toml::from_str(include_str!("../rules/default.toml")).expect("TOML");
    let mut tables: Vec<&str> = defaults["rules"]
        .as_table()
        .expect("[rules]")
        .keys()
        .map(String::as_str)
        .collect();
    tables.sort_unstable();
    let ids: Vec<&str> = REGISTRY.iter().map(|d| d.meta.id).collect();
    assert_eq!(
        tables, ids,
        "rules/default.toml: one [rules.<id>] table per registered rule"
    );
    for def in REGISTRY {
        let sev = defaults["rules"][def.meta.id].get("severity");
        assert!(
            sev.and_then(toml::Value::as_str)
                .and_then(credlint::Severity::parse_setting)
                .is_some(),
            "rules/default.toml: [rules.{}] needs a severity, one of {:?}",
            def.meta.id,
            credlint::Severity::SETTINGS
        );
    }
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
