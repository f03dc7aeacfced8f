//! What a rule reports: a finding with a primary span, related labels and help.

use crate::text::{LineCol, LineIndex, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location: the other spelling of a name, the quote's opening mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// `None`: the same file as the diagnostic.
    pub path: Option<String>,
    pub span: Span,
    pub message: String,
    /// Line and column of the span's start and end, once computed (see [`locate`]).
    pub position: Option<(LineCol, LineCol)>,
}

/// A text edit `--fix` may apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// Shown under the source as the label of the primary span.
    pub label: Option<String>,
    pub note: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
    pub fix: Option<Edit>,
    /// Line and column of the span's start and end, once computed (see [`locate`]), so
    /// output can be written after the file's text is gone.
    pub position: Option<(LineCol, LineCol)>,
}

impl Diagnostic {
    pub fn new(
        path: &str,
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_string(),
            rule,
            severity,
            message: message.into(),
            span,
            label: None,
            note: None,
            help: None,
            related: Vec::new(),
            fix: None,
            position: None,
        }
    }
    pub fn label(mut self, s: impl Into<String>) -> Self {
        self.label = Some(s.into());
        self
    }
    pub fn note(mut self, s: impl Into<String>) -> Self {
        self.note = Some(s.into());
        self
    }
    pub fn help(mut self, s: impl Into<String>) -> Self {
        self.help = Some(s.into());
        self
    }
    pub fn related(mut self, path: Option<String>, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            path,
            span,
            message: message.into(),
            position: None,
        });
        self
    }
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
}

/// The text with the edits the diagnostics carry applied, built in one pass; `None` when
/// no diagnostic carries an edit that applies. These edits are the only source of fixes:
/// `--fix` changes exactly what the rules reported. An edit outside the text, off a
/// character boundary, or overlapping one kept before it (by start, the longer first) is
/// left out; a second run applies it if it still holds.
pub fn apply_fixes(text: &str, diags: &[Diagnostic]) -> Option<String> {
    let mut edits: Vec<&Edit> = diags
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|e| {
            e.span.start <= e.span.end
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut changed = false;
    for e in edits {
        if e.span.start < at {
            continue;
        }
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        changed |= text[e.span.start..e.span.end] != e.replacement;
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    changed.then_some(out)
}

/// Computes the line and column of every span of `diags` that points into `path`.
pub fn locate(diags: &mut [Diagnostic], path: &str, text: &str, index: &LineIndex) {
    let at = |s: Span| index.span(text, s);
    for d in diags.iter_mut() {
        if d.path == path && d.position.is_none() {
            d.position = Some(at(d.span));
        }
        let own = d.path == path;
        for r in &mut d.related {
            let here = match r.path.as_deref() {
                None => own,
                Some(p) => p == path,
            };
            if here && r.position.is_none() {
                r.position = Some(at(r.span));
            }
        }
    }
}

/// Sorts diagnostics by path, then offset, then rule: the order every format prints.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (
            a.path.as_str(),
            a.span.start,
            a.span.end,
            a.rule,
            &a.message,
        )
            .cmp(&(
                b.path.as_str(),
                b.span.start,
                b.span.end,
                b.rule,
                &b.message,
            ))
    });
}

/// Counts by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// The counts of diagnostics held in groups (see [`crate::combine_grouped`]).
    pub fn of_groups(files: usize, groups: &[Vec<Diagnostic>]) -> Self {
        let mut s = Summary::new(files, &[]);
        for g in groups {
            let n = Summary::new(0, g);
            s.errors += n.errors;
            s.warnings += n.warnings;
            s.infos += n.infos;
        }
        s
    }

    pub fn new(files: usize, diags: &[Diagnostic]) -> Self {
        let mut s = Summary {
            files,
            ..Default::default()
        };
        for d in diags {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_fix(start: usize, end: usize, replacement: &str) -> Diagnostic {
        let mut d = Diagnostic::new("a", "r", Severity::Warning, Span::new(start, end), "m");
        d.fix = Some(Edit {
            span: Span::new(start, end),
            replacement: replacement.into(),
        });
        d
    }

    #[test]
    fn fixes_apply_in_one_pass_and_overlaps_are_left_out() {
        let text = "Ann Smyth met Smyth.";
        let diags = [
            with_fix(14, 19, "Smith"),
            with_fix(4, 9, "Smith"),
            // overlaps the edit at 4..9, which starts first
            with_fix(6, 12, "x"),
            // outside the text
            with_fix(18, 40, "y"),
            Diagnostic::new("a", "r", Severity::Warning, Span::new(0, 3), "no fix"),
        ];
        assert_eq!(
            apply_fixes(text, &diags).as_deref(),
            Some("Ann Smith met Smith.")
        );
        assert_eq!(apply_fixes(text, &diags[4..]), None);
        // an edit that changes nothing is no fix
        assert_eq!(apply_fixes(text, &[with_fix(0, 3, "Ann")]), None);
    }

    #[test]
    fn many_fixes_are_applied_in_linear_time() {
        // 200,000 edits: a quadratic pass would take minutes
        let n = 200_000;
        let text = "Smyth ".repeat(n);
        let diags: Vec<Diagnostic> = (0..n)
            .map(|i| with_fix(i * 6, i * 6 + 5, "Smith"))
            .collect();
        let fixed = apply_fixes(&text, &diags).expect("fixed");
        assert_eq!(fixed, "Smith ".repeat(n));
    }
}
