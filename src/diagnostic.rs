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
    /// An edit offered to a person but not applied by `--fix`, which needs a judgement
    /// (a neutral verb for a loaded one): the editor server's code actions offer it.
    pub suggestion: Option<Edit>,
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
            suggestion: None,
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
    /// Offers `replacement` for `span` (see [`Diagnostic::suggestion`]).
    pub fn suggest(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(Edit {
            span,
            replacement: replacement.into(),
        });
        self
    }
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }
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
