//! `--format json`: one JSON document (the schema is in the README).

use super::json_write::{push_array, push_num, push_opt, push_str};
use super::{Emitter, FileMap, Findings};
use crate::diagnostic::{Diagnostic, Summary};
use crate::text::{LineCol, Span};

/// `{"column":C,"line":L}`
fn push_pos(buf: &mut Vec<u8>, lc: LineCol) {
    push_pair(buf, b"{\"column\":", lc.column, b",\"line\":", lc.line);
}

/// `{"end":E,"start":S}`
fn push_span(buf: &mut Vec<u8>, s: Span) {
    push_pair(buf, b"{\"end\":", s.end, b",\"start\":", s.start);
}

/// An object of two numbers: `open` holds its brace and first key, `mid` the second key.
fn push_pair(buf: &mut Vec<u8>, open: &[u8], a: usize, mid: &[u8], b: usize) {
    buf.extend_from_slice(open);
    push_num(buf, a);
    buf.extend_from_slice(mid);
    push_num(buf, b);
    buf.push(b'}');
}

/// About how many bytes [`push_diagnostic`] writes: the strings unescaped, and a
/// generous allowance for the keys, numbers and punctuation.
fn json_size(d: &Diagnostic) -> usize {
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let related: usize = d
        .related
        .iter()
        .map(|r| 128 + r.message.len() + r.path.as_ref().map_or(d.path.len(), String::len))
        .sum();
    344 + d.path.len()
        + d.message.len()
        + opt(&d.label)
        + opt(&d.note)
        + opt(&d.help)
        + d.fix.as_ref().map_or(0, |f| 64 + f.replacement.len())
        + related
}

/// One diagnostic as a compact JSON object in the documented schema: fields in
/// alphabetical order, the order the schema has always printed. Written field by field
/// (the serde-derived version spent most of its time escaping the fixed keys); the test
/// below checks it against serde's output.
fn push_diagnostic(buf: &mut Vec<u8>, d: &Diagnostic, files: &FileMap) {
    let (start, end) = files.span_of(d);
    buf.extend_from_slice(b"{\"end\":");
    push_pos(buf, end);
    buf.extend_from_slice(b",\"fingerprint\":\"");
    push_hex(buf, d.fingerprint);
    buf.extend_from_slice(b"\",\"fix\":");
    match &d.fix {
        Some(f) => {
            buf.extend_from_slice(b"{\"replacement\":");
            push_str(buf, &f.replacement);
            buf.extend_from_slice(b",\"span\":");
            push_span(buf, f.span);
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"help\":");
    push_opt(buf, d.help.as_deref());
    buf.extend_from_slice(b",\"label\":");
    push_opt(buf, d.label.as_deref());
    buf.extend_from_slice(b",\"message\":");
    push_str(buf, &d.message);
    buf.extend_from_slice(b",\"note\":");
    push_opt(buf, d.note.as_deref());
    buf.extend_from_slice(b",\"path\":");
    push_str(buf, &d.path);
    buf.extend_from_slice(b",\"related\":");
    push_array(buf, &d.related, |buf, r| {
        buf.extend_from_slice(b"{\"message\":");
        push_str(buf, &r.message);
        buf.extend_from_slice(b",\"path\":");
        push_str(buf, r.path.as_deref().unwrap_or(&d.path));
        buf.extend_from_slice(b",\"span\":");
        push_span(buf, r.span);
        buf.extend_from_slice(b",\"start\":");
        push_pos(buf, files.related_of(d, r).0);
        buf.push(b'}');
    });
    buf.extend_from_slice(b",\"rule\":");
    push_str(buf, d.rule);
    buf.extend_from_slice(b",\"severity\":");
    push_str(buf, d.severity.as_str());
    buf.extend_from_slice(b",\"span\":");
    push_span(buf, d.span);
    buf.extend_from_slice(b",\"start\":");
    push_pos(buf, start);
    buf.push(b'}');
}

/// `n` as 16 lowercase hex digits (what `{:016x}` gives, without a `format!` per finding).
fn push_hex(buf: &mut Vec<u8>, n: u64) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for i in (0..16).rev() {
        buf.push(DIGITS[((n >> (4 * i)) & 0xf) as usize]);
    }
}

/// A silenced finding: its object with `"suppression":{"reason":…}` last (keys stay in
/// alphabetical order).
fn push_suppressed(buf: &mut Vec<u8>, d: &Diagnostic, files: &FileMap) {
    push_diagnostic(buf, d, files);
    buf.pop();
    buf.extend_from_slice(b",\"suppression\":{\"reason\":");
    push_opt(
        buf,
        d.suppression.as_ref().and_then(|s| s.reason.as_deref()),
    );
    buf.extend_from_slice(b"}}");
}

/// Groups of diagnostics rendered at once: a batch is rendered in parallel, then written
/// in order, so output is the same as a serial run and memory stays bounded.
const GROUPS_PER_BATCH: usize = 512;

/// The JSON format: the document is written batch by batch, never holding the whole tree.
pub struct Json;

impl Emitter for Json {
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        write_groups(run.groups, run.suppressed, run.files, run.summary, out)
    }

    fn repository_paths(&self) -> bool {
        true
    }
}

/// The document for diagnostics held in consecutive groups (a run's, file by file: see
/// [`credlint::combine_grouped`]), which need not be copied into one list first, and the
/// findings suppressions silenced (`suppressed`: the same objects, with the reason).
fn write_groups(
    groups: &[&[Diagnostic]],
    suppressed: &[Diagnostic],
    files: &FileMap,
    summary: &Summary,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"{\n  \"diagnostics\": [")?;
    let mut first = true;
    for batch in groups.chunks(GROUPS_PER_BATCH) {
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(16)
            .map(|gs| {
                let ds = || gs.iter().flat_map(|g| g.iter());
                // room for the strings as they are plus the keys and numbers: one
                // allocation per chunk, not a copy each time an estimate falls short
                let mut buf = Vec::with_capacity(ds().map(json_size).sum());
                for d in ds() {
                    buf.extend_from_slice(b",\n    ");
                    push_diagnostic(&mut buf, d, files);
                }
                buf
            })
            .collect();
        for p in parts.iter().filter(|p| !p.is_empty()) {
            // every object follows ",\n    " but the first, which follows "\n    "
            out.write_all(if first { &p[1..] } else { p })?;
            first = false;
        }
    }
    out.write_all(if first { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"suppressed\": [")?;
    for (i, d) in suppressed.iter().enumerate() {
        let mut buf = Vec::new();
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        push_suppressed(&mut buf, d, files);
        out.write_all(&buf)?;
    }
    out.write_all(if suppressed.is_empty() {
        b"],\n  \"summary\": "
    } else {
        b"\n  ],\n  \"summary\": "
    })?;
    serde_json::to_writer(&mut *out, summary)?;
    out.write_all(b"\n}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Severity};
    use serde::Serialize;

    // The schema through serde, field by field: the reference `push_diagnostic` must match.
    #[derive(Serialize)]
    struct Pos {
        column: usize,
        line: usize,
    }
    #[derive(Serialize)]
    struct Sp {
        end: usize,
        start: usize,
    }
    #[derive(Serialize)]
    struct Rel<'a> {
        message: &'a str,
        path: &'a str,
        span: Sp,
        start: Pos,
    }
    #[derive(Serialize)]
    struct Fix<'a> {
        replacement: &'a str,
        span: Sp,
    }
    #[derive(Serialize)]
    struct Diag<'a> {
        end: Pos,
        fingerprint: String,
        fix: Option<Fix<'a>>,
        help: Option<&'a str>,
        label: Option<&'a str>,
        message: &'a str,
        note: Option<&'a str>,
        path: &'a str,
        related: Vec<Rel<'a>>,
        rule: &'a str,
        severity: Severity,
        span: Sp,
        start: Pos,
    }

    fn pos(lc: LineCol) -> Pos {
        Pos {
            column: lc.column,
            line: lc.line,
        }
    }
    fn sp(s: Span) -> Sp {
        Sp {
            end: s.end,
            start: s.start,
        }
    }

    fn reference(d: &Diagnostic, files: &FileMap) -> String {
        let (start, end) = files.span_of(d);
        let v = Diag {
            end: pos(end),
            fingerprint: format!("{:016x}", d.fingerprint),
            fix: d.fix.as_ref().map(|f| Fix {
                replacement: &f.replacement,
                span: sp(f.span),
            }),
            help: d.help.as_deref(),
            label: d.label.as_deref(),
            message: &d.message,
            note: d.note.as_deref(),
            path: &d.path,
            related: d
                .related
                .iter()
                .map(|r| Rel {
                    message: &r.message,
                    path: r.path.as_deref().unwrap_or(&d.path),
                    span: sp(r.span),
                    start: pos(files.related_of(d, r).0),
                })
                .collect(),
            rule: d.rule,
            severity: d.severity,
            span: sp(d.span),
            start: pos(start),
        };
        // with DEL and C1 controls escaped, as the writer does
        let json = serde_json::to_string(&v).unwrap_or_default();
        super::super::json_write::escape_controls(&json).into_owned()
    }

    #[test]
    fn hand_written_objects_match_serde() {
        let files = FileMap::default();
        let lc = |line, column| {
            Some((
                LineCol { line, column },
                LineCol {
                    line,
                    column: column + 4,
                },
            ))
        };
        let plain = Diagnostic::new(
            "news/a.txt",
            "anonymous-source",
            Severity::Warning,
            Span::new(3, 17),
            "plain",
        );
        let mut full = Diagnostic::new(
            "dir/“quoted” \\ path\ttab.md",
            "name-inconsistency",
            Severity::Error,
            Span::new(120, 1234567),
            "“Liu Pengya” and \"Liu Pengyu\": one name?\u{1}\u{1f}\u{7f}",
        )
        .label("a label, exactly eight")
        .note("note with a newline\nand a backslash \\ at 16 bytes in")
        .help("Ωμέγα — non-ASCII help")
        .related(None, Span::new(1, 2), "same file")
        .related(Some("other.txt".into()), Span::new(5, 9), "other \"file\"");
        full.fix = Some(Edit {
            span: Span::new(7, 8),
            replacement: "say \"who\"".into(),
        });
        full.position = lc(3, 9);
        full.fingerprint = 0xfedc_ba98_0123_4567;
        full.related[0].position = lc(1, 2);
        full.related[1].position = lc(10, 1);
        let info = Diagnostic::new("x", "quote-marks", Severity::Info, Span::new(0, 0), "");
        for d in [&plain, &full, &info] {
            let mut buf = Vec::new();
            push_diagnostic(&mut buf, d, &files);
            // the estimate covers the object, escapes aside
            assert!(
                buf.len() <= json_size(d) + 16,
                "{} {}",
                buf.len(),
                json_size(d)
            );
            assert_eq!(
                String::from_utf8(buf).unwrap_or_default(),
                reference(d, &files)
            );
        }
    }
}
