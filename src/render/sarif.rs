//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other tools. Columns
//! count Unicode code points.

use serde_json::{Value, json};

use super::FileMap;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::REGISTRY;

pub fn render(diags: &[Diagnostic], files: &FileMap) -> String {
    let rules: Vec<Value> = REGISTRY
        .iter()
        .map(|r| {
            json!({
                "id": r.meta.id,
                "name": r.meta.id,
                "shortDescription": {"text": r.meta.summary},
                "fullDescription": {"text": r.meta.summary},
                "help": {"text": r.meta.doc, "markdown": r.meta.doc},
                "defaultConfiguration": {"level": sarif_level_str(crate::rules::default_severity(r.meta.id))},
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let (a, b) = files.span_of(d);
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message = format!("{message} ({h})");
            }
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let p = r.path.clone().unwrap_or_else(|| d.path.clone());
                    let (s, e) = files.related_of(d, r);
                    json!({"id": i, "message": {"text": r.message}, "physicalLocation": location(&p, s, e, r.span.start, r.span.end)})
                })
                .collect();
            json!({
                "ruleId": d.rule,
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": location(&d.path, a, b, d.span.start, d.span.end)}],
                "relatedLocations": related,
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "credlint", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    let mut s = super::json_write::escape_controls(&s).into_owned();
    s.push('\n');
    s
}

fn location(
    path: &str,
    a: crate::text::LineCol,
    b: crate::text::LineCol,
    start: usize,
    end: usize,
) -> Value {
    json!({
        "artifactLocation": {"uri": path.replace('\\', "/")},
        "region": {"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column,
                   "byteOffset": start, "byteLength": end - start},
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn sarif_level_str(s: &str) -> &'static str {
    match s {
        "error" => "error",
        "info" => "note",
        "off" => "none",
        _ => "warning",
    }
}
