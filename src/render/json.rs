//! `--format json`: one JSON document (the schema is in the README).

use serde_json::{Value, json};

use super::FileMap;
use crate::diagnostic::{Diagnostic, Summary};

pub fn diagnostic(d: &Diagnostic, files: &FileMap) -> Value {
    let (start, end) = files.span_of(d);
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let p = r.path.clone().unwrap_or_else(|| d.path.clone());
            let lc = files.related_of(d, r).0;
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

/// Writes the JSON document diagnostic by diagnostic, never holding the whole tree.
pub fn write(
    diags: &[Diagnostic],
    files: &FileMap,
    summary: &Summary,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(b"{\n  \"diagnostics\": [")?;
    for (i, d) in diags.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        serde_json::to_writer(&mut *out, &diagnostic(d, files))?;
    }
    out.write_all(if diags.is_empty() {
        b"],\n  \"summary\": "
    } else {
        b"\n  ],\n  \"summary\": "
    })?;
    serde_json::to_writer(&mut *out, summary)?;
    out.write_all(b"\n}\n")
}

/// The JSON document as a string (what [`write`] writes).
pub fn render(diags: &[Diagnostic], files: &FileMap, summary: &Summary) -> String {
    let mut buf = Vec::new();
    // writing to a Vec cannot fail
    let _ = write(diags, files, summary, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}
