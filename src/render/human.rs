//! Compiler-style output through ariadne, bounded whatever the draft:
//! - each file's text is prepared for display once ([`Shown`]), not once per finding;
//! - a line longer than [`LONG_LINE`] bytes is shown as windows of [`CONTEXT`] characters
//!   around each label's ends, the rest elided with `…`, so a finding on a megabyte-long
//!   line prints a few hundred bytes; the `path:line:column` header keeps the true column;
//! - [`Human::max_per_file`] shows at most N findings of one rule in one file and closes the
//!   file with a line counting the rest (machine formats always list every finding);
//! - text from the draft (source lines, messages, labels, paths) reaches the terminal
//!   escaped ([`super::escape`]).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::ops::Range;

use ariadne::{Cache, Color, Config, IndexType, Label, Report, ReportKind, Source};

use rayon::prelude::*;

use super::{Emitter, FileMap, Findings, escape, neutralise};
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::LineCol;

/// A line longer than this (in bytes) is shown in windows around the labels.
pub const LONG_LINE: usize = 240;
/// Characters kept on each side of a label's start and end on a long line.
pub const CONTEXT: usize = 60;
/// The default of `--max-per-file`: findings of one rule shown per file.
pub const DEFAULT_MAX_PER_FILE: usize = 50;

/// The human format: compiler-style reports, one file's findings after another.
pub struct Human<'a> {
    /// Colour the reports (ANSI escapes).
    pub color: bool,
    /// Findings of one rule shown per file; the rest are counted (0: all are shown).
    pub max_per_file: usize,
    /// Reads a file's text when its findings are drawn (the command line reads each file
    /// again rather than keeping every text of the run); `None`: the texts are in the
    /// findings' [`FileMap`].
    pub load: Option<&'a (dyn Fn(&str) -> String + Sync)>,
}

/// Files per batch: a batch's files are drawn in parallel, then written in order, so
/// memory holds one batch's output.
const BATCH: usize = 256;

impl Emitter for Human<'_> {
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn Write) -> io::Result<()> {
        let cap = match self.max_per_file {
            0 => usize::MAX,
            n => n,
        };
        let draw = |group: &[Diagnostic]| -> io::Result<Vec<u8>> {
            let mut buf = Vec::new();
            match self.load {
                Some(load) => {
                    let files = texts_of(group, load);
                    render_capped(group, &files, self.color, cap, &mut buf)?
                }
                None => render_capped(group, run.files, self.color, cap, &mut buf)?,
            }
            Ok(buf)
        };
        let groups = by_path(run.groups);
        for batch in groups.chunks(BATCH) {
            let bufs: Vec<io::Result<Vec<u8>>> = batch.par_iter().map(|g| draw(g)).collect();
            for buf in bufs {
                out.write_all(&buf?)?;
            }
        }
        Ok(())
    }

    fn for_people(&self) -> bool {
        true
    }
}

/// The findings split where their path changes (a run's groups already are).
fn by_path<'d>(groups: &[&'d [Diagnostic]]) -> Vec<&'d [Diagnostic]> {
    groups
        .iter()
        .flat_map(|g| g.chunk_by(|a, b| a.path == b.path))
        .collect()
}

/// The texts of the files one file's findings point into, read by `load`.
fn texts_of(group: &[Diagnostic], load: &(dyn Fn(&str) -> String + Sync)) -> FileMap {
    let mut files = FileMap::default();
    if let Some(d) = group.first() {
        files.insert_owned(&d.path, load(&d.path));
    }
    for r in group.iter().flat_map(|d| &d.related) {
        if let Some(p) = &r.path
            && files.text(p).is_empty()
        {
            files.insert_owned(p, load(p));
        }
    }
    files
}

/// Renders the findings (sorted by path), at most `max_per_rule` of one rule in one file;
/// a file with more ends with a line counting them.
fn render_capped(
    diags: &[Diagnostic],
    files: &FileMap,
    color: bool,
    max_per_rule: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Spans are given to ariadne in characters: with IndexType::Byte, ariadne 0.6 places
    // the header of a second file's group by characters anyway (wrong line:col after any
    // multi-byte character)
    let config = Config::new()
        .with_index_type(IndexType::Char)
        .with_color(color);
    let mut i = 0;
    while i < diags.len() {
        let path = &diags[i].path;
        let n = diags[i..].iter().take_while(|d| d.path == *path).count();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let shown_here: Vec<&Diagnostic> = diags[i..i + n]
            .iter()
            .filter(|d| {
                let seen = counts.entry(d.rule).or_default();
                *seen += 1;
                *seen <= max_per_rule
            })
            .collect();
        let shown = Shown::new(&shown_here, files);
        for d in shown_here {
            render_one(d, files, &shown, config, color, out)?;
        }
        for (rule, seen) in counts {
            if seen > max_per_rule {
                writeln!(
                    out,
                    "… and {} more {rule} findings in {} (--max-per-file 0 shows them all)",
                    thousands(seen - max_per_rule),
                    escape(path)
                )?;
            }
        }
        i += n;
    }
    Ok(())
}

/// `n` with a comma every three digits: 9,874.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One label to draw: where, in which file, with what.
struct Mark<'d> {
    path: &'d str,
    bytes: Range<usize>,
    at: (LineCol, LineCol),
    message: &'d str,
    color: Color,
    order: i32,
}

fn render_one(
    d: &Diagnostic,
    files: &FileMap,
    shown: &Shown,
    config: Config,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let main_color = match d.severity {
        Severity::Error => Color::Red,
        Severity::Warning => Color::Yellow,
        Severity::Info => Color::Cyan,
    };
    let mut marks = vec![Mark {
        path: &d.path,
        bytes: d.span.start..d.span.end,
        at: files.span_of(d),
        message: d.label.as_deref().unwrap_or("here"),
        color: main_color,
        order: order_of(d, None),
    }];
    for (i, r) in d.related.iter().enumerate() {
        marks.push(Mark {
            path: r.path.as_deref().unwrap_or(&d.path),
            bytes: r.span.start..r.span.end,
            at: files.related_of(d, r),
            message: &r.message,
            color: Color::Blue,
            order: order_of(d, Some(i)),
        });
    }
    let long = marks.iter().any(|m| {
        let lines = [m.at.0.line, m.at.1.line];
        lines
            .iter()
            .any(|&l| files.line_bytes(m.path, l).len() > LONG_LINE)
    });
    let mut cache = Lookup {
        shared: &shown.sources,
        own: HashMap::new(),
    };
    // on long lines: windows, and the header's column (counted in the window) put right
    let mut columns: HashMap<(String, usize, usize), usize> = HashMap::new();
    let spans: Vec<Range<usize>> = if long {
        let (sources, spans) = windows(&marks, files, &mut columns);
        cache.own = sources;
        spans
    } else {
        marks
            .iter()
            .map(|m| shown.chars(&escape(m.path), m.at))
            .collect()
    };
    let kind = match d.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
        Severity::Info => ReportKind::Custom("info", Color::Cyan),
    };
    let id = escape(&d.path).into_owned();
    let mut b = Report::build(kind, (id, spans[0].clone()))
        .with_code(d.rule)
        .with_message(escape(&d.message))
        .with_config(config);
    for (m, span) in marks.iter().zip(spans) {
        b = b.with_label(
            Label::new((escape(m.path).into_owned(), span))
                .with_message(escape(m.message))
                .with_color(m.color)
                .with_order(m.order),
        );
    }
    if let Some(n) = &d.note {
        b = b.with_note(escape(n));
    }
    if let Some(h) = &d.help {
        b = b.with_help(escape(h));
    }
    let mut buf = Vec::new();
    b.finish().write(&mut cache, &mut buf)?;
    // ariadne colours a custom report kind even with colour off
    if !color {
        buf = strip_ansi(&buf);
    }
    if !columns.is_empty() {
        buf = fix_headers(&buf, &columns);
    }
    out.write_all(&buf)
}

/// The files' text as shown, for the findings of one file: each line a label touches (or
/// a label spans), escaped; every other line left empty, so that ariadne neither copies
/// nor measures text it never prints. A leading BOM is left out (columns do not count
/// it). Keyed by the escaped path ariadne prints.
struct Shown {
    sources: HashMap<String, Source<String>>,
}

impl Shown {
    fn new(diags: &[&Diagnostic], files: &FileMap) -> Shown {
        let mut wanted: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
        for d in diags {
            let (a, b) = files.span_of(d);
            wanted.entry(&d.path).or_default().push(a.line..b.line + 1);
            for r in &d.related {
                let (a, b) = files.related_of(d, r);
                let path = r.path.as_deref().unwrap_or(&d.path);
                wanted.entry(path).or_default().push(a.line..b.line + 1);
            }
        }
        let sources = wanted
            .into_iter()
            .map(|(path, lines)| (escape(path).into_owned(), sparse(path, lines, files)))
            .collect();
        Shown { sources }
    }

    /// A span as character offsets into the shown text of `id`, never empty when
    /// avoidable.
    fn chars(&self, id: &str, at: (LineCol, LineCol)) -> Range<usize> {
        let Some(src) = self.sources.get(id) else {
            return 0..0;
        };
        let offset = |lc: LineCol| match src.line(lc.line.saturating_sub(1)) {
            Some(line) => line.offset() + lc.column.saturating_sub(1).min(line.len()),
            None => src.len(),
        };
        let start = offset(at.0).min(src.len());
        let end = offset(at.1).clamp(start, src.len());
        if end == start && start < src.len() {
            start..start + 1
        } else {
            start..end
        }
    }
}

/// The text of `path` with only the (1-based) `lines` kept, each escaped.
fn sparse(path: &str, mut lines: Vec<Range<usize>>, files: &FileMap) -> Source<String> {
    lines.sort_by_key(|r| r.start);
    let text = files.text(path);
    let mut out = String::new();
    let mut next = 1;
    for r in lines {
        let from = r.start.max(next);
        out.extend(std::iter::repeat_n('\n', from.saturating_sub(next)));
        for line in from..r.end {
            let mut bytes = files.line_bytes(path, line);
            if line == 1 && text.starts_with('\u{feff}') {
                bytes.start = 3.min(bytes.end);
            }
            out.push_str(&neutralise(&text[bytes]));
            out.push('\n');
        }
        next = next.max(r.end);
    }
    Source::from(out)
}

/// ariadne's sources for one finding: the files' prepared text, or the windows made for it.
struct Lookup<'s> {
    shared: &'s HashMap<String, Source<String>>,
    own: HashMap<String, Source<String>>,
}

impl Cache<String> for Lookup<'_> {
    type Storage = String;

    fn fetch(&mut self, id: &String) -> Result<&Source<String>, impl std::fmt::Debug> {
        match self.own.get(id).or_else(|| self.shared.get(id)) {
            Some(s) => Ok(s),
            None => Err(format!("no source for {id}")),
        }
    }

    fn display<'a>(&self, id: &'a String) -> Option<impl std::fmt::Display + 'a> {
        Some(id)
    }
}

/// One line shown in windows: the kept byte ranges of the original line, in order, and
/// where each starts in the shown line (in characters).
struct Windowed {
    line: Range<usize>,
    kept: Vec<(Range<usize>, usize)>,
    shown: String,
}

impl Windowed {
    /// Windows of `text`'s `line` (a byte range) around the byte offsets `points`.
    fn new(text: &str, line: Range<usize>, points: &[usize]) -> Windowed {
        // a leading BOM is not shown (see Shown)
        let line = if line.start == 0 && text.starts_with('\u{feff}') {
            3.min(line.end)..line.end
        } else {
            line
        };
        if line.len() <= LONG_LINE {
            // a short line beside a long one: whole
            let shown = neutralise(&text[line.clone()]);
            return Windowed {
                kept: vec![(line.clone(), 0)],
                line,
                shown,
            };
        }
        let mut ranges: Vec<Range<usize>> = points
            .iter()
            .map(|&p| {
                let p = floor(text, p.clamp(line.start, line.end));
                back(text, p, CONTEXT).max(line.start)..ahead(text, p, CONTEXT).min(line.end)
            })
            .collect();
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        let mut shown = String::new();
        let mut chars = 0;
        let mut kept = Vec::with_capacity(merged.len());
        let mut at = line.start;
        for r in merged {
            if r.start > at {
                shown.push('…');
                chars += 1;
            }
            kept.push((r.clone(), chars));
            let piece = neutralise(&text[r.clone()]);
            chars += piece.chars().count();
            shown.push_str(&piece);
            at = r.end;
        }
        if at < line.end {
            shown.push('…');
        }
        Windowed { line, kept, shown }
    }

    /// The shown column (0-based, in characters) of the byte offset `p` of the line: in a
    /// window, its place there; in an elided stretch, the `…` standing for it.
    fn column(&self, text: &str, p: usize) -> usize {
        let p = floor(text, p.clamp(self.line.start, self.line.end));
        let mut last_end = 0;
        for (r, start) in &self.kept {
            if p < r.start {
                return start.saturating_sub(1);
            }
            if p <= r.end {
                return start + text[r.start..p].chars().count();
            }
            last_end = start + text[r.clone()].chars().count();
        }
        last_end
    }
}

/// Sources made of windows for one finding whose labels touch a long line, and its
/// labels' spans in them. Each file's source has the finding's lines in their places
/// (other lines left empty, so line numbers hold); `columns` gets, for each label, the
/// column ariadne will print in a header and the true one.
fn windows(
    marks: &[Mark],
    files: &FileMap,
    columns: &mut HashMap<(String, usize, usize), usize>,
) -> (HashMap<String, Source<String>>, Vec<Range<usize>>) {
    // the byte offsets to keep in view, by file and line
    let mut points: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
    for m in marks {
        points
            .entry((m.path, m.at.0.line))
            .or_default()
            .push(m.bytes.start);
        points
            .entry((m.path, m.at.1.line))
            .or_default()
            .push(m.bytes.end);
    }
    let mut lines: HashMap<(&str, usize), (Windowed, usize)> = HashMap::new();
    let mut sources = HashMap::new();
    let mut by_file: BTreeMap<&str, Vec<(usize, Vec<usize>)>> = BTreeMap::new();
    for ((path, line), ps) in points {
        by_file.entry(path).or_default().push((line, ps));
    }
    for (path, wanted) in by_file {
        let text = files.text(path);
        let mut src = String::new();
        let mut chars = 0;
        let mut next_line = 1;
        for (line, ps) in wanted {
            // empty lines up to this one
            let gap = line.saturating_sub(next_line);
            src.extend(std::iter::repeat_n('\n', gap));
            chars += gap;
            let w = Windowed::new(text, files.line_bytes(path, line), &ps);
            src.push_str(&w.shown);
            src.push('\n');
            let len = w.shown.chars().count();
            lines.insert((path, line), (w, chars));
            chars += len + 1;
            next_line = line + 1;
        }
        sources.insert(escape(path).into_owned(), Source::from(src));
    }
    let spans = marks
        .iter()
        .map(|m| {
            let text = files.text(m.path);
            let place = |line: usize, p: usize| {
                lines.get(&(m.path, line)).map_or((0, 0), |(w, start)| {
                    let col = w.column(text, p);
                    (start + col, col)
                })
            };
            let (start, col) = place(m.at.0.line, m.bytes.start);
            let (end, _) = place(m.at.1.line, m.bytes.end);
            if col + 1 != m.at.0.column {
                columns.insert(
                    (escape(m.path).into_owned(), m.at.0.line, col + 1),
                    m.at.0.column,
                );
            }
            start..if end > start { end } else { start + 1 }
        })
        .collect();
    (sources, spans)
}

/// Replaces, in the `╭─[ path:line:col ]` headers of a report, each column counted in a
/// window by the true one.
fn fix_headers(buf: &[u8], columns: &HashMap<(String, usize, usize), usize>) -> Vec<u8> {
    let mut out = Vec::with_capacity(buf.len() + 16);
    for line in buf.split_inclusive(|&b| b == b'\n') {
        // a header holds "─[" (perhaps with colour codes between): the other lines are
        // copied as they are
        let plain = strip_ansi(line);
        let is_header = std::str::from_utf8(&plain).is_ok_and(|l| {
            let head = l.trim_start();
            (head.starts_with('╭') || head.starts_with('├')) && head.contains('[')
        });
        let fixed = is_header
            .then(|| {
                let line = String::from_utf8_lossy(line);
                columns.iter().find_map(|((id, l, shown), col)| {
                    let from = format!(" {id}:{l}:{shown} ");
                    line.contains(&from)
                        .then(|| line.replacen(&from, &format!(" {id}:{l}:{col} "), 1))
                })
            })
            .flatten();
        match fixed {
            Some(f) => out.extend_from_slice(f.as_bytes()),
            None => out.extend_from_slice(line),
        }
    }
    out
}

/// `p` moved back onto a character boundary.
fn floor(text: &str, mut p: usize) -> usize {
    p = p.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The byte offset `n` characters before `p` (or the text's start).
fn back(text: &str, p: usize, n: usize) -> usize {
    text[..p]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters after `p` (or the text's end).
fn ahead(text: &str, p: usize, n: usize) -> usize {
    text[p..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| p + i)
}

/// Removes ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
    if memchr::memchr(0x1b, bytes).is_none() {
        return bytes.to_vec();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn diag(path: &str, start: usize, end: usize) -> Diagnostic {
        Diagnostic::new(
            path,
            "quote-marks",
            Severity::Warning,
            Span::new(start, end),
            "m",
        )
        .label("l")
    }

    fn render_text(text: &str, diags: &[Diagnostic], cap: usize) -> String {
        let mut map = FileMap::default();
        map.insert("a.txt", text);
        let mut buf = Vec::new();
        render_capped(diags, &map, false, cap, &mut buf).expect("render");
        String::from_utf8(buf).expect("utf-8")
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(9874), "9,874");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_long_line_is_shown_in_windows_with_the_true_column() {
        let line = format!(
            "{}“quoted”{}\nsecond line\n",
            "word ".repeat(2_000),
            "more ".repeat(2_000)
        );
        let at = line.find('“').expect("quote");
        let d = diag("a.txt", at, at + "“".len());
        let out = render_text(&line, &[d], usize::MAX);
        assert!(out.contains("a.txt:1:10001"), "{out}");
        assert!(out.contains('…'), "{out}");
        assert!(out.contains("“quoted”"), "{out}");
        assert!(out.len() < 1_000, "{} bytes:\n{out}", out.len());
        // the underline sits under the mark: same column in the source line and the label
        let lines: Vec<&str> = out.lines().collect();
        let src = lines
            .iter()
            .position(|l| l.contains("“quoted”"))
            .expect("source line");
        let col_of = |s: &str, c: char| s.chars().position(|x| x == c);
        assert_eq!(
            col_of(lines[src], '“'),
            col_of(lines[src + 1], '┬'),
            "{out}"
        );
    }

    #[test]
    fn any_span_on_any_text_renders_without_panic() {
        // a small generator (no dependency): texts with multi-byte characters, every line
        // end, a BOM, controls and long lines; spans anywhere, even off the text or
        // inside a character
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        let pieces = [
            "word ",
            "“",
            "”",
            "\"",
            "é",
            "\n",
            "\r\n",
            "\r",
            "\u{1b}[2J",
            "\u{202e}",
            "\t",
            "\u{feff}",
            "日本",
            "x",
        ];
        for round in 0..300 {
            let mut text = String::new();
            if round % 7 == 0 {
                text.push('\u{feff}');
            }
            let len = next(if round % 5 == 0 { 2_000 } else { 80 });
            for _ in 0..len {
                text.push_str(pieces[next(pieces.len())]);
            }
            let mut map = FileMap::default();
            map.insert("a.txt", &text);
            map.insert("b.txt", "other file\nwith “two” lines");
            let limit = text.len() + 5;
            let mut diags: Vec<Diagnostic> = (0..next(8) + 1)
                .map(|_| {
                    let a = next(limit);
                    let b = a + next(40);
                    let mut d = diag("a.txt", a, b);
                    for _ in 0..next(3) {
                        let path = [None, Some("b.txt".to_string())][next(2)].clone();
                        let r = next(limit);
                        d = d.related(path, Span::new(r, r + next(10)), "related");
                    }
                    d
                })
                .collect();
            if round % 2 == 0 {
                let index = crate::text::LineIndex::new(&text);
                crate::diagnostic::locate(&mut diags, "a.txt", &text, &index);
            }
            crate::diagnostic::sort(&mut diags);
            let mut buf = Vec::new();
            render_capped(&diags, &map, round % 3 == 0, 1 + next(4), &mut buf).expect("render");
            let out = String::from_utf8(buf).expect("utf-8");
            assert!(!out.contains('\u{202e}'), "{out}");
        }
    }

    #[test]
    fn findings_beyond_the_cap_are_counted() {
        let text = "\"a\" ".repeat(100);
        let diags: Vec<Diagnostic> = (0..100).map(|i| diag("a.txt", i * 4, i * 4 + 1)).collect();
        let out = render_text(&text, &diags, 3);
        assert_eq!(out.matches("Warning").count(), 3, "{out}");
        assert!(
            out.contains(
                "… and 97 more quote-marks findings in a.txt (--max-per-file 0 shows them all)"
            ),
            "{out}"
        );
    }
}
