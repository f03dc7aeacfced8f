//! `--format json`: one JSON document (the schema is in the README).
//!
//! Each finding is serialized by serde from borrowed structs ([`schema`]). A hand-written
//! writer (keys as literal bytes, strings copied whole when nothing needs escaping) was
//! measured against it on 2026-12-04 (BENCHMARKS.md, "JSON: serde or written by hand"):
//! no difference within the timer's resolution on the BBC set, about 10% more CPU for
//! serde only when the output is thirty times the input. Not worth a second copy of the
//! schema; `credlint extract`'s lines, where the hand-written writer was measured to
//! matter, keep it (`credlint::json_write`).

use super::{Emitter, FileMap, Findings};
use crate::diagnostic::{Diagnostic, Summary};

/// About how many bytes a finding's object takes: the strings unescaped, and a
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

/// The schema's objects as serde types over borrowed fields (field order: alphabetical,
/// the order the schema has always printed).
mod schema {
    use serde::Serialize;

    use super::FileMap;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::text::{LineCol, Span};

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
    struct Sup<'a> {
        reason: Option<&'a str>,
    }
    /// `{:016x}` of the fingerprint, without a string per finding.
    struct Hex(u64);
    impl Serialize for Hex {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("{:016x}", self.0))
        }
    }
    #[derive(Serialize)]
    pub(super) struct Object<'a> {
        end: Pos,
        fingerprint: Hex,
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
        #[serde(skip_serializing_if = "Option::is_none")]
        suppression: Option<Sup<'a>>,
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

    impl<'a> Object<'a> {
        /// `d` in the schema; with its suppression when `silenced`.
        pub(super) fn new(d: &'a Diagnostic, files: &FileMap, silenced: bool) -> Self {
            let (start, end) = files.span_of(d);
            Object {
                end: pos(end),
                fingerprint: Hex(d.fingerprint),
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
                suppression: silenced.then(|| Sup {
                    reason: d.suppression.as_ref().and_then(|s| s.reason.as_deref()),
                }),
            }
        }
    }

    /// serde_json's compact layout, with DEL and the C1 controls (which JSON allows raw,
    /// and a terminal may obey) escaped as `\u` too.
    pub(super) struct Controls;

    impl serde_json::ser::Formatter for Controls {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let is_control = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
            let mut rest = fragment;
            while let Some(i) = rest.find(is_control) {
                w.write_all(&rest.as_bytes()[..i])?;
                let c = rest[i..].chars().next().unwrap_or('\0');
                write!(w, "\\u{:04x}", c as u32)?;
                rest = &rest[i + c.len_utf8()..];
            }
            w.write_all(rest.as_bytes())
        }
    }

    /// Appends `object` to `buf`.
    pub(super) fn push(buf: &mut Vec<u8>, object: &Object<'_>) {
        let mut ser = serde_json::Serializer::with_formatter(buf, Controls);
        // writing to a Vec cannot fail, and these types always serialize
        let _ = object.serialize(&mut ser);
    }
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
                    schema::push(&mut buf, &schema::Object::new(d, files, false));
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
        schema::push(&mut buf, &schema::Object::new(d, files, true));
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
    use crate::diagnostic::{Edit, Severity, Suppression};
    use crate::text::{LineCol, Span};

    fn object(d: &Diagnostic, silenced: bool) -> String {
        let mut buf = Vec::new();
        schema::push(
            &mut buf,
            &schema::Object::new(d, &FileMap::default(), silenced),
        );
        String::from_utf8(buf).unwrap_or_default()
    }

    #[test]
    fn the_schema_is_unchanged() {
        let mut d = Diagnostic::new(
            "news/a.txt",
            "anonymous-source",
            Severity::Warning,
            Span::new(3, 17),
            "plain",
        );
        d.position = Some((
            LineCol { line: 1, column: 4 },
            LineCol {
                line: 1,
                column: 18,
            },
        ));
        d.fingerprint = 0xab;
        assert_eq!(
            object(&d, false),
            r#"{"end":{"column":18,"line":1},"fingerprint":"00000000000000ab","fix":null,"help":null,"label":null,"message":"plain","note":null,"path":"news/a.txt","related":[],"rule":"anonymous-source","severity":"warning","span":{"end":17,"start":3},"start":{"column":4,"line":1}}"#
        );
        d.suppression = Some(Box::new(Suppression {
            reason: Some("named later".into()),
        }));
        assert!(
            object(&d, true).ends_with(
                r#""start":{"column":4,"line":1},"suppression":{"reason":"named later"}}"#
            )
        );
    }

    /// The formatter escapes DEL and C1 controls as the plain version does: serde_json's
    /// text, then each such character replaced by its `\u` escape.
    #[test]
    fn controls_are_escaped_as_the_plain_version_does() {
        let mut full = Diagnostic::new(
            "dir/“quoted” \\ path\ttab.md",
            "name-inconsistency",
            Severity::Error,
            Span::new(120, 1234567),
            "“Liu Pengya” and \"Liu Pengyu\": one name?\u{1}\u{1f}\u{7f}\u{85}x\u{9b}",
        )
        .label("a label, \u{9f}exactly eight")
        .note("note with a newline\nand a backslash \\ at 16 bytes in")
        .help("Ωμέγα — non-ASCII help\u{80}")
        .related(None, Span::new(1, 2), "same file")
        .related(Some("other.txt".into()), Span::new(5, 9), "other \"file\"");
        full.fix = Some(Edit {
            span: Span::new(7, 8),
            replacement: "say \"who\"".into(),
        });
        let files = FileMap::default();
        let plain =
            serde_json::to_string(&schema::Object::new(&full, &files, false)).unwrap_or_default();
        let got = object(&full, false);
        assert_eq!(got, super::super::json_write::escape_controls(&plain));
        assert!(!got.contains(|c| ('\u{7f}'..='\u{9f}').contains(&c)));
        assert!(got.len() <= json_size(&full) + 64);
        let v: serde_json::Value = serde_json::from_str(&got).unwrap_or_default();
        assert_eq!(v["message"], full.message.as_str());
        assert_eq!(v["related"][1]["path"], "other.txt");
        assert_eq!(v["related"][0]["path"], full.path.as_str());
    }
}
