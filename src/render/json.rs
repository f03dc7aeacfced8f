//! `--format json`: one JSON document (the schema is in the README).

use serde::Serialize;

use super::FileMap;
use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::text::{LineCol, Span};

// Borrowed views of a diagnostic in the documented schema, serialised straight to the
// writer. Fields are in alphabetical order, the order the schema has always printed.

#[derive(Serialize)]
struct JsonPos {
    column: usize,
    line: usize,
}

impl From<LineCol> for JsonPos {
    fn from(lc: LineCol) -> Self {
        JsonPos {
            column: lc.column,
            line: lc.line,
        }
    }
}

#[derive(Serialize)]
struct JsonSpan {
    end: usize,
    start: usize,
}

impl From<Span> for JsonSpan {
    fn from(s: Span) -> Self {
        JsonSpan {
            end: s.end,
            start: s.start,
        }
    }
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    path: &'a str,
    span: JsonSpan,
    start: JsonPos,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    replacement: &'a str,
    span: JsonSpan,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    end: JsonPos,
    fix: Option<JsonFix<'a>>,
    help: Option<&'a str>,
    label: Option<&'a str>,
    message: &'a str,
    note: Option<&'a str>,
    path: &'a str,
    related: Vec<JsonRelated<'a>>,
    rule: &'a str,
    severity: Severity,
    span: JsonSpan,
    start: JsonPos,
}

fn diagnostic<'a>(d: &'a Diagnostic, files: &FileMap) -> JsonDiagnostic<'a> {
    let (start, end) = files.span_of(d);
    JsonDiagnostic {
        end: end.into(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            replacement: &f.replacement,
            span: f.span.into(),
        }),
        help: d.help.as_deref(),
        label: d.label.as_deref(),
        message: &d.message,
        note: d.note.as_deref(),
        path: &d.path,
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                message: &r.message,
                path: r.path.as_deref().unwrap_or(&d.path),
                span: r.span.into(),
                start: files.related_of(d, r).0.into(),
            })
            .collect(),
        rule: d.rule,
        severity: d.severity,
        span: d.span.into(),
        start: start.into(),
    }
}

/// Diagnostics serialised at once: a batch is rendered in parallel, then written in
/// order, so output is the same as a serial run and memory stays bounded.
const BATCH: usize = 8192;

/// Writes the JSON document batch by batch, never holding the whole tree.
pub fn write(
    diags: &[Diagnostic],
    files: &FileMap,
    summary: &Summary,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"{\n  \"diagnostics\": [")?;
    for (b, batch) in diags.chunks(BATCH).enumerate() {
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(256)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (i, d) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    // writing to a Vec cannot fail
                    let _ = serde_json::to_writer(&mut buf, &diagnostic(d, files));
                }
                buf
            })
            .collect();
        for p in parts {
            out.write_all(&p)?;
        }
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
