//! `--format json`: one JSON document (the schema is in the README).

use serde_json::{Value, json};

use super::FileMap;
use crate::diagnostic::{Diagnostic, Summary};

pub fn diagnostic(d: &Diagnostic, files: &FileMap) -> Value {
    let start = files.line_col(&d.path, d.span.start);
    let end = files.line_col(&d.path, d.span.end);
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let p = r.path.clone().unwrap_or_else(|| d.path.clone());
            let lc = files.line_col(&p, r.span.start);
            json!({"path": p, "span": {"start": r.span.start, "end": r.span.end}, "start": lc, "message": r.message})
        })
        .collect();
    json!({
        "path": d.path,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "help": d.help,
        "note": d.note,
        "label": d.label,
        "span": {"start": d.span.start, "end": d.span.end},
        "start": start,
        "end": end,
        "related": related,
        "fix": d.fix.as_ref().map(|f| json!({"span": {"start": f.span.start, "end": f.span.end}, "replacement": f.replacement})),
    })
}

pub fn render(diags: &[Diagnostic], files: &FileMap, summary: &Summary) -> String {
    let v = json!({
        "diagnostics": diags.iter().map(|d| diagnostic(d, files)).collect::<Vec<_>>(),
        "summary": summary,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
