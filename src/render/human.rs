//! Compiler-style output through ariadne.

use std::io::{self, Write};

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind};

use super::{FileMap, neutralise};
use crate::diagnostic::{Diagnostic, Severity};

pub fn render(
    diags: &[Diagnostic],
    files: &FileMap,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Spans are converted to character offsets: with IndexType::Byte, ariadne 0.6 places
    // the header of a second file's group by characters anyway (wrong line:col after any
    // multi-byte character), so everything is given to it in characters
    let config = Config::new()
        .with_index_type(IndexType::Char)
        .with_color(color);
    for d in diags {
        let kind = match d.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
            Severity::Info => ReportKind::Custom("info", Color::Cyan),
        };
        let path = d.path.clone();
        let text = files.text(&path);
        let span = chars(text, clamp(text, d.span.start, d.span.end));
        let mut b = Report::build(kind, (path.clone(), span.clone()))
            .with_code(d.rule)
            .with_message(neutralise(&d.message))
            .with_config(config);
        let main_color = match d.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
            Severity::Info => Color::Cyan,
        };
        b = b.with_label(
            Label::new((path.clone(), span))
                .with_message(neutralise(d.label.as_deref().unwrap_or("here")))
                .with_color(main_color)
                .with_order(order_of(d, None)),
        );
        let mut sources = vec![(path.clone(), neutralise(text))];
        for (i, r) in d.related.iter().enumerate() {
            let rpath = r.path.clone().unwrap_or_else(|| path.clone());
            let rtext = files.text(&rpath);
            if !sources.iter().any(|(p, _)| *p == rpath) {
                sources.push((rpath.clone(), neutralise(rtext)));
            }
            let rspan = chars(rtext, clamp(rtext, r.span.start, r.span.end));
            b = b.with_label(
                Label::new((rpath, rspan))
                    .with_message(neutralise(&r.message))
                    .with_color(Color::Blue)
                    .with_order(order_of(d, Some(i))),
            );
        }
        if let Some(n) = &d.note {
            b = b.with_note(neutralise(n));
        }
        if let Some(h) = &d.help {
            b = b.with_help(neutralise(h));
        }
        let mut buf = Vec::new();
        b.finish().write(ariadne::sources(sources), &mut buf)?;
        // ariadne colours a custom report kind even with colour off
        if !color {
            buf = strip_ansi(&buf);
        }
        out.write_all(&buf)?;
    }
    Ok(())
}

/// Removes ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// ariadne starts a new group whenever a label is on an earlier line than the one before
/// it, so labels in the diagnostic's own file are ordered by position and those in other
/// files come after them.
fn order_of(d: &Diagnostic, related: Option<usize>) -> i32 {
    let mut same: Vec<(usize, Option<usize>)> = vec![(d.span.start, None)];
    same.extend(
        d.related
            .iter()
            .enumerate()
            .filter(|(_, r)| r.path.as_ref().is_none_or(|p| *p == d.path))
            .map(|(i, r)| (r.span.start, Some(i))),
    );
    same.sort();
    match same.iter().position(|&(_, k)| k == related) {
        Some(rank) => rank as i32,
        None => 1_000 + related.unwrap_or(0) as i32,
    }
}

/// A byte range as a range of character offsets.
fn chars(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let start = text[..r.start].chars().count();
    start..start + text[r.start..r.end].chars().count()
}

/// A byte range inside the text, on character boundaries, never empty when avoidable.
fn clamp(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.clamp(s, text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    if e == s && s < text.len() {
        e = s + text[s..].chars().next().map_or(0, char::len_utf8);
    }
    s..e
}

/// The closing summary line, for stderr.
pub fn summary_line(s: &crate::diagnostic::Summary) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{}: {}, {}, {} (credlint explain RULE documents any rule)",
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info")
    )
}
