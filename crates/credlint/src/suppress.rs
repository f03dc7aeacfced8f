//! Inline suppressions: directives written in a draft that silence findings after an
//! editor has judged them fine.
//!
//! In Markdown and HTML a directive is an HTML comment:
//!
//! ```text
//! <!-- credlint-disable-next-line anonymous-source, single-source -- named in the sidebar -->
//! <!-- credlint-disable quote-marks -->  …  <!-- credlint-enable quote-marks -->
//! <!-- credlint-disable-file secondary-source -- wire copy -->
//! ```
//!
//! In plain text it is a line of its own: `credlint: disable-next-line anonymous-source --
//! reason`. A directive that names no rule applies to every rule (an `enable` without one
//! closes every open `disable`). A reason after `--` is kept for SARIF and JSON.
//!
//! The module parses and applies; it does no I/O. [`crate::lint_file`] runs the rules,
//! then moves the findings a directive covers (at their place or a related place in the
//! file) out of the file's list
//! ([`Suppressions::apply`]); [`crate::combine_run`] checks the cross-file findings against
//! the suppressions of every place they point to and reports directives that silenced
//! nothing (`unused-suppression`). Directives that name an unknown rule or word are
//! reported as `invalid-suppression`, with the nearest valid name.

use std::borrow::Cow;

use crate::text::{LineCol, LineIndex, Span};

/// What a directive does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The next line that is not blank and not another directive.
    NextLine,
    /// From here to the matching `enable` (or the end of the file).
    Disable,
    Enable,
    /// The whole file.
    File,
}

/// The directive words, longest first (`disable` is a prefix of two others).
const WORDS: [(&str, Kind); 4] = [
    ("disable-next-line", Kind::NextLine),
    ("disable-file", Kind::File),
    ("disable", Kind::Disable),
    ("enable", Kind::Enable),
];

/// How a file writes its directives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// `<!-- credlint-WORD … -->`: Markdown and HTML.
    Comment,
    /// `credlint: WORD …` on a line of its own: plain text.
    Line,
}

impl Syntax {
    pub fn for_path(path: &str) -> Syntax {
        let lower = path.to_ascii_lowercase();
        let markup = [".md", ".markdown", ".mdx", ".html", ".htm"];
        if markup.iter().any(|e| lower.ends_with(e)) {
            Syntax::Comment
        } else {
            Syntax::Line
        }
    }
}

/// A directive as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// The whole comment, or the line from `credlint:` to its end.
    pub span: Span,
    /// The rule ids it names (all known), with their spans; empty: every rule.
    pub rules: Vec<(&'static str, Span)>,
    /// The text after `--`, trimmed; `None` when absent or empty.
    pub reason: Option<String>,
}

/// A directive credlint cannot follow: an unknown word or rule id, or an `enable` with
/// nothing to enable. Reported as `invalid-suppression`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Span,
    pub message: String,
    pub label: String,
}

/// The directives of one file and the problems met reading them.
#[derive(Debug, Default)]
pub struct Scan {
    pub syntax: Option<Syntax>,
    pub directives: Vec<Directive>,
    pub problems: Vec<Problem>,
}

/// Reads the directives of `text`. `None` when the text never says `credlint` (the usual
/// case: one vectorised search, nothing else).
pub fn scan(path: &str, text: &str) -> Option<Scan> {
    let syntax = Syntax::for_path(path);
    let marker: &[u8] = match syntax {
        Syntax::Comment => b"credlint-",
        Syntax::Line => b"credlint:",
    };
    memchr::memmem::find(text.as_bytes(), marker)?;
    let mut s = Scan {
        syntax: Some(syntax),
        ..Scan::default()
    };
    match syntax {
        Syntax::Comment => scan_comments(text, &code_spans(path, text), &mut s),
        Syntax::Line => scan_lines(text, &mut s),
    }
    Some(s)
}

/// The code blocks and code spans of a Markdown file, where a directive is an example
/// being shown, not one given (none for HTML). Parsed again here, only for the rare file
/// that mentions `credlint-`.
fn code_spans(path: &str, text: &str) -> Vec<Span> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    if crate::text::Format::from_path(path) != crate::text::Format::Markdown {
        return Vec::new();
    }
    Parser::new_ext(text, Options::all())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Code(_) | Event::Start(Tag::CodeBlock(_))))
        .map(|(_, r)| Span::new(r.start, r.end))
        .collect()
}

/// The text the rules (and `extract`, `sources`) read: `text` with its plain-text
/// directive lines blanked (see [`Scan::mask`]).
pub fn prose<'t>(path: &str, text: &'t str) -> Cow<'t, str> {
    scan(path, text).map_or(Cow::Borrowed(text), |s| s.mask(text))
}

fn scan_comments(text: &str, code: &[Span], s: &mut Scan) {
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&text.as_bytes()[from..], b"<!--").map(|i| from + i)
    {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|i| body_start + i) else {
            return;
        };
        from = close + 3;
        if code.iter().any(|c| c.start <= open && open < c.end) {
            continue;
        }
        let body = &text[body_start..close];
        let lead = body.len() - body.trim_start().len();
        if let Some(rest) = body.trim_start().strip_prefix("credlint-") {
            let at = body_start + lead + "credlint-".len();
            directive(rest, at, Span::new(open, close + 3), s);
        }
    }
}

fn scan_lines(text: &str, s: &mut Scan) {
    for at in memchr::memmem::find_iter(text.as_bytes(), b"credlint:") {
        let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        if !text[line_start..at].trim().is_empty() {
            continue;
        }
        let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
        let body_at = at + "credlint:".len();
        directive(&text[body_at..end], body_at, Span::new(at, end), s);
    }
}

/// Parses `body` (what follows `credlint-` or `credlint:`, starting at byte `at`) of a
/// directive spanning `span`.
fn directive(body: &str, at: usize, span: Span, s: &mut Scan) {
    // rule ids and words hold single hyphens only: the first `--` starts the reason
    let (head, reason) = match body.find("--") {
        Some(i) => (&body[..i], Some(body[i + 2..].trim())),
        None => (body, None),
    };
    let mut words = tokens(head, at);
    let Some((word, word_span)) = words.next() else {
        s.problems.push(Problem {
            span,
            message: "a suppression without a directive".into(),
            label: "expected disable-next-line, disable, enable or disable-file".into(),
        });
        return;
    };
    let Some(kind) = WORDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k) else {
        s.problems.push(unknown(
            word_span,
            format!("unknown suppression directive `{word}`"),
            word,
            WORDS.iter().map(|(w, _)| *w),
            "expected disable-next-line, disable, enable or disable-file",
        ));
        return;
    };
    let mut rules = Vec::new();
    let mut named = 0;
    for (id, id_span) in words {
        named += 1;
        match crate::rules::find(id) {
            Some(def) => rules.push((def.meta.id, id_span)),
            None => s.problems.push(unknown(
                id_span,
                format!("unknown rule `{id}` in a suppression"),
                id,
                crate::rules::REGISTRY.iter().map(|d| d.meta.id),
                "not a credlint rule (`credlint rules` lists them)",
            )),
        }
    }
    // rules were named but none is known: the directive must not widen to every rule
    if named > 0 && rules.is_empty() {
        return;
    }
    s.directives.push(Directive {
        kind,
        span,
        rules,
        reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
    });
}

/// The problem of an unknown `word`, labelled with the nearest of `candidates` (or
/// `otherwise` when none is near).
fn unknown<'a>(
    span: Span,
    message: String,
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
    otherwise: &str,
) -> Problem {
    let label = match crate::config::nearest(word, candidates) {
        Some(h) => format!("did you mean `{h}`?"),
        None => otherwise.to_string(),
    };
    Problem {
        span,
        message,
        label,
    }
}

/// The words of `head` (separated by white space and commas) with their spans.
fn tokens(head: &str, at: usize) -> impl Iterator<Item = (&str, Span)> {
    head.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(move |w| {
            // `w` is a subslice of `head`: its offset is the pointers' difference
            let start = at + (w.as_ptr() as usize - head.as_ptr() as usize);
            (w, Span::new(start, start + w.len()))
        })
}

impl Scan {
    /// The text the rules read: plain-text directive lines blanked (same length, line
    /// breaks kept), so a reason is not linted as prose. Comments are not prose in
    /// Markdown or HTML already.
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.syntax != Some(Syntax::Line)
            || self.directives.is_empty() && self.problems.is_empty()
        {
            return Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        let spans = self
            .directives
            .iter()
            .map(|d| d.span)
            .chain(self.problems.iter().map(|p| line_around(text, p.span)));
        for span in spans {
            bytes[span.range()].fill(b' ');
        }
        // whole lines (bar their breaks) became ASCII spaces: still UTF-8
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
    }

    /// What the directives cover, with every place computed (the text is not needed
    /// afterwards), and every problem met (an `enable` that closes nothing is one).
    pub fn into_suppressions(
        mut self,
        path: &str,
        text: &str,
        index: &LineIndex,
    ) -> (Suppressions, Vec<Problem>) {
        let mut entries: Vec<Entry> = Vec::new();
        let mut reasons = Vec::with_capacity(self.directives.len());
        // open `disable` entries, by index into `entries`
        let mut open: Vec<usize> = Vec::new();
        for (n, d) in self.directives.iter().enumerate() {
            reasons.push(d.reason.clone());
            let covers = match d.kind {
                Kind::NextLine => next_line(text, index, d.span, &self.directives),
                Kind::File => Span::new(0, usize::MAX),
                Kind::Disable => Span::new(d.span.end, usize::MAX),
                Kind::Enable => {
                    let before = open.len();
                    open.retain(|&e| {
                        let matches = d.rules.is_empty()
                            || d.rules.iter().any(|(id, _)| entries[e].rule == Some(id));
                        if matches {
                            entries[e].covers.end = d.span.start;
                        }
                        !matches
                    });
                    if open.len() == before {
                        self.problems.push(Problem {
                            span: d.span,
                            message: "`enable` without an open `disable` for its rules".into(),
                            label: "nothing to enable here".into(),
                        });
                    }
                    continue;
                }
            };
            let named: Vec<(Option<&'static str>, Span)> = if d.rules.is_empty() {
                vec![(None, d.span)]
            } else {
                d.rules.iter().map(|&(id, s)| (Some(id), s)).collect()
            };
            for (rule, at) in named {
                if d.kind == Kind::Disable {
                    open.push(entries.len());
                }
                entries.push(Entry {
                    rule,
                    covers,
                    directive: n,
                    at,
                    position: index.span(text, at),
                    used: false,
                });
            }
        }
        let sup = Suppressions {
            path: path.to_string(),
            reasons,
            entries,
        };
        (sup, self.problems)
    }
}

/// The line holding `span`, without its line break.
fn line_around(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| span.end + i);
    Span::new(start, end)
}

/// The line a `disable-next-line` directive at `span` covers: the next one that is not
/// blank and not only a directive (so directives can be stacked), or an empty span at
/// the end of the text.
fn next_line(text: &str, index: &LineIndex, span: Span, directives: &[Directive]) -> Span {
    let mut line = index.line_of(span.end.min(text.len()));
    loop {
        line += 1;
        if line >= index.line_count() {
            return Span::new(text.len(), text.len());
        }
        let start = index.line_start(line);
        let end = if line + 1 < index.line_count() {
            index.line_start(line + 1)
        } else {
            text.len()
        };
        let content = text[start..end].trim();
        if content.is_empty() {
            continue;
        }
        let lead = start + (text[start..end].len() - text[start..end].trim_start().len());
        let only_directive = directives
            .iter()
            .any(|d| d.span.start == lead && d.span.end >= lead + content.len());
        if !only_directive {
            return Span::new(start, end);
        }
    }
}

/// One rule (or every rule) silenced over part of a file by one directive.
#[derive(Clone, Debug)]
pub struct Entry {
    /// `None`: every rule but the two about suppressions themselves.
    pub rule: Option<&'static str>,
    /// The bytes of the file it covers (a finding is covered when its span starts inside).
    pub covers: Span,
    /// Index of its directive (for the reason).
    pub directive: usize,
    /// Where to report it if it silences nothing: the rule id, or the whole directive.
    pub at: Span,
    pub position: (LineCol, LineCol),
    pub used: bool,
}

/// The suppressions of one file, kept (small, text-free) until the run's cross-file
/// findings have been checked against them.
#[derive(Clone, Debug)]
pub struct Suppressions {
    pub path: String,
    /// Per directive, its reason.
    pub reasons: Vec<Option<String>>,
    pub entries: Vec<Entry>,
}

/// The rules whose findings only a directive naming them can silence: a blanket
/// directive must not hide the report that it is itself unused or malformed.
pub const SELF_RULES: [&str; 2] = ["invalid-suppression", "unused-suppression"];

impl Suppressions {
    /// Does a directive silence `rule` at `span`? Marks every directive that does as used
    /// and gives the reason of the narrowest.
    pub fn silence(&mut self, rule: &str, span: Span) -> Option<Option<String>> {
        // (width of what it covers, entry)
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.entries.iter_mut().enumerate() {
            let names = match e.rule {
                Some(r) => r == rule,
                None => !SELF_RULES.contains(&rule),
            };
            if names && e.covers.start <= span.start && span.start < e.covers.end {
                e.used = true;
                let width = e.covers.end - e.covers.start;
                if best.is_none_or(|(w, _)| width < w) {
                    best = Some((width, i));
                }
            }
        }
        best.map(|(_, i)| self.reasons[self.entries[i].directive].clone())
    }

    /// Moves the findings of `diags` a directive silences (at the finding's place, or at
    /// a place in this file its related labels point to) into the returned list, each
    /// with its suppression recorded.
    pub fn apply(
        &mut self,
        diags: &mut Vec<crate::diagnostic::Diagnostic>,
    ) -> Vec<crate::diagnostic::Diagnostic> {
        let mut silenced = Vec::new();
        let mut kept = Vec::with_capacity(diags.len());
        for mut d in diags.drain(..) {
            let here: Vec<Span> = std::iter::once(d.span)
                .chain(
                    d.related
                        .iter()
                        .filter(|r| r.path.as_ref().is_none_or(|p| *p == self.path))
                        .map(|r| r.span),
                )
                .collect();
            let reason = here.into_iter().find_map(|span| self.silence(d.rule, span));
            match reason {
                Some(reason) => {
                    d.suppression = Some(Box::new(crate::diagnostic::Suppression { reason }));
                    silenced.push(d);
                }
                None => kept.push(d),
            }
        }
        *diags = kept;
        silenced
    }

    /// The entries that silenced nothing and whose rule ran (`enabled`): a directive for
    /// a rule switched off in this configuration is not reported.
    pub fn unused(&self, enabled: impl Fn(&str) -> bool) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| {
            !e.used
                && match e.rule {
                    Some(r) => enabled(r) && !SELF_RULES.contains(&r),
                    None => true,
                }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_of(path: &str, text: &str) -> Scan {
        scan(path, text).expect("directives")
    }

    #[test]
    fn comments_and_lines_parse_with_rules_and_reasons() {
        let md = "Intro.\n\n<!-- credlint-disable-next-line anonymous-source, single-source -- named in the sidebar -->\nA source said so.\n";
        let s = scan_of("a.md", md);
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        let d = &s.directives[0];
        assert_eq!(d.kind, Kind::NextLine);
        let ids: Vec<&str> = d.rules.iter().map(|r| r.0).collect();
        assert_eq!(ids, ["anonymous-source", "single-source"]);
        assert_eq!(d.rules[1].1.text(md), "single-source");
        assert_eq!(d.reason.as_deref(), Some("named in the sidebar"));
        assert!(d.span.text(md).starts_with("<!--") && d.span.text(md).ends_with("-->"));

        let txt = "  credlint: disable-file quote-marks\nText. credlint: disable x\n";
        let s = scan_of("a.txt", txt);
        // the second is not on a line of its own
        assert_eq!(s.directives.len(), 1);
        assert_eq!(s.directives[0].kind, Kind::File);
        assert_eq!(s.directives[0].reason, None);
        // plain-text syntax is not read in Markdown, nor comments in plain text
        assert!(scan("a.md", txt).is_none());
        assert!(scan("a.txt", md).is_none());
    }

    #[test]
    fn examples_in_markdown_code_are_not_directives() {
        let t = "Write `<!-- credlint-disable-file quote-marks -->` at the top, or:\n\n```html\n<!-- credlint-disable-next-line anonymous-source -->\n```\n\n<!-- credlint-enable -->\n";
        let s = scan_of("guide.md", t);
        assert_eq!(s.directives.len(), 1, "{:?}", s.directives);
        assert_eq!(s.directives[0].kind, Kind::Enable);
        // in HTML there is no code to skip
        assert_eq!(scan_of("guide.html", t).directives.len(), 3);
    }

    #[test]
    fn unknown_words_and_rules_suggest_the_nearest() {
        let t = "<!-- credlint-disable-nxt-line quote-marks -->\n<!-- credlint-disable anonymus-source -->\n";
        let s = scan_of("a.html", t);
        assert!(
            s.directives.is_empty(),
            "an unknown rule must not widen to all"
        );
        let labels: Vec<&str> = s.problems.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "did you mean `disable-next-line`?",
                "did you mean `anonymous-source`?"
            ]
        );
        assert_eq!(s.problems[1].span.text(t), "anonymus-source");
    }

    #[test]
    fn regions_next_lines_and_stacking() {
        let t = "one\n<!-- credlint-disable quote-marks -->\ntwo\n<!-- credlint-enable quote-marks -->\nthree\n<!-- credlint-disable-next-line -->\n\n<!-- credlint-disable-next-line secondary-source -->\nfour\nfive\n";
        let s = scan_of("a.md", t);
        let index = LineIndex::new(t);
        let (mut sup, problems) = s.into_suppressions("a.md", t, &index);
        assert!(problems.is_empty(), "{problems:?}");
        let at = |w: &str| {
            let i = t.find(w).expect("word");
            Span::new(i, i + w.len())
        };
        assert!(sup.silence("quote-marks", at("one")).is_none());
        assert!(sup.silence("quote-marks", at("two")).is_some());
        assert!(sup.silence("quote-marks", at("three")).is_none());
        // both stacked directives reach `four`, not `five`
        assert!(sup.silence("anonymous-source", at("four")).is_some());
        assert!(sup.silence("secondary-source", at("four")).is_some());
        assert!(sup.silence("secondary-source", at("five")).is_none());
        // a blanket directive never hides the reports about suppressions
        assert!(sup.silence("unused-suppression", at("four")).is_none());
        assert_eq!(sup.unused(|_| true).count(), 0);
    }

    #[test]
    fn enable_without_disable_is_a_problem_and_unused_entries_are_listed() {
        let t = "credlint: enable quote-marks\ncredlint: disable-next-line anonymous-source -- checked\nAll fine here.\n";
        let s = scan_of("a.txt", t);
        let masked = s.mask(t);
        assert_eq!(masked.len(), t.len());
        assert!(!masked.contains("credlint"), "{masked:?}");
        assert!(masked.contains("All fine here."));
        let index = LineIndex::new(t);
        let (sup, problems) = s.into_suppressions("a.txt", t, &index);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].span.text(t), "credlint: enable quote-marks");
        let unused: Vec<&str> = sup.unused(|_| true).map(|e| e.at.text(t)).collect();
        assert_eq!(unused, ["anonymous-source"]);
        assert_eq!(sup.unused(|r| r != "anonymous-source").count(), 0);
        assert_eq!(sup.reasons, [None, Some("checked".to_string())]);
    }

    #[test]
    fn every_truncation_of_tricky_drafts_is_read_without_panic() {
        // cut at every character boundary: unterminated comments, a directive at the
        // very end, CR and CRLF line ends, multi-byte text around the markers
        let drafts = [
            (
                "a.md",
                "Intro é.\r\n<!-- credlint-disable-next-line anonymous-source -- “why” -->\r\nA source said so.\r<!-- credlint-enable --><!--credlint-disable-file--><!-- credlint-",
            ),
            (
                "a.txt",
                "Héllo\rcredlint: disable quote-marks,, ,anonymous-source --\n  credlint:\ncredlint: enable\r\ncredlint: disable-next-line -- reason ü\ncredlint: disable-next-line",
            ),
        ];
        for (path, draft) in drafts {
            for (cut, _) in draft.char_indices().chain([(draft.len(), ' ')]) {
                let text = &draft[..cut];
                let Some(s) = scan(path, text) else {
                    continue;
                };
                let masked = s.mask(text);
                assert_eq!(masked.len(), text.len());
                assert_eq!(
                    masked.matches(['\n', '\r']).count(),
                    text.matches(['\n', '\r']).count()
                );
                let index = LineIndex::new(text);
                let (mut sup, _) = s.into_suppressions(path, text, &index);
                for at in 0..=text.len() {
                    let _ = sup.silence("quote-marks", Span::new(at, at));
                }
                let _ = sup.unused(|_| true).count();
            }
        }
    }
}
