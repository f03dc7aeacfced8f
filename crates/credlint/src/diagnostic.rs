//! What a rule reports: a finding with a primary span, related labels and help.
//!
//! Public as a whole: every item here is what a front end renders, counts or applies
//! (`--fix`, the baseline and SARIF fingerprints).

use crate::text::{LineCol, LineIndex, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
/// How much a finding matters: the exit status and `--fail-on` compare severities
/// (`Info < Warning < Error`).
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; does not fail a run by default.
    Info,
    /// Should be fixed before publication.
    Warning,
    /// Must be fixed before publication.
    Error,
}

impl Severity {
    /// The words a configuration may set a rule's severity to: the three severities, and
    /// `off` (the rule does not run). Every reader of a severity setting goes through
    /// [`Severity::parse_setting`].
    pub const SETTINGS: [&'static str; 4] = ["error", "warning", "info", "off"];

    /// A severity setting: `Some(Some(severity))`, `Some(None)` for `off`, and `None` when
    /// `s` is not one of [`Severity::SETTINGS`].
    pub fn parse_setting(s: &str) -> Option<Option<Severity>> {
        match s {
            "error" => Some(Some(Severity::Error)),
            "warning" => Some(Some(Severity::Warning)),
            "info" => Some(Some(Severity::Info)),
            "off" => Some(None),
            _ => None,
        }
    }

    /// The word for a setting, as [`Severity::parse_setting`] reads it.
    pub fn setting_str(setting: Option<Severity>) -> &'static str {
        setting.map_or("off", Severity::as_str)
    }

    /// The name used in configuration and output: `info`, `warning` or `error`.
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
    /// Where, in bytes.
    pub span: Span,
    /// What this place is (the label shown under it).
    pub message: String,
    /// Line and column of the span's start and end, once computed (see [`locate`]).
    pub position: Option<(LineCol, LineCol)>,
}

/// A text edit `--fix` may apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
}

/// Why a finding is not reported: a directive in the draft silences it (see
/// the README's "Suppressions"). Such findings do not count; SARIF and JSON show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The directive's text after `--`.
    pub reason: Option<String>,
}

/// One finding: which rule, how severe, what and where (a byte span into the file as
/// written), with the labels, notes, fixes and related places a front end shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file it is in, as given to the linter.
    pub path: String,
    /// The rule's id (`anonymous-source`).
    pub rule: &'static str,
    /// The severity configured for the rule.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The flagged text, in bytes.
    pub span: Span,
    /// Shown under the source as the label of the primary span.
    pub label: Option<String>,
    /// Why it matters (the standard behind the rule).
    pub note: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
    /// Other places the finding involves (the other spelling of a name).
    pub related: Vec<Related>,
    /// An edit `--fix` applies: the diagnostics carry the only fixes there are.
    pub fix: Option<Edit>,
    /// An edit offered to a person but not applied by `--fix`, which needs a judgement
    /// (a neutral verb for a loaded one): the editor server's code actions offer it.
    pub suggestion: Option<Edit>,
    /// Line and column of the span's start and end, once computed (see [`locate`]), so
    /// output can be written after the file's text is gone.
    pub position: Option<(LineCol, LineCol)>,
    /// Set when a directive silences the finding (boxed: almost always `None`).
    pub suppression: Option<Box<Suppression>>,
    /// What identifies the finding across edits of the file: a hash of its rule and the
    /// flagged text (white space normalised), not of its offsets (see [`fingerprint_with_path`]).
    /// Zero until computed.
    pub fingerprint: u64,
}

impl Diagnostic {
    /// A finding of `rule` at `span` with `message` and nothing else (the builder
    /// methods below add the rest).
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
            suppression: None,
            fingerprint: 0,
        }
    }
    /// Sets the label of the primary span.
    pub fn label(mut self, s: impl Into<String>) -> Self {
        self.label = Some(s.into());
        self
    }
    /// Sets the note (why it matters).
    pub fn note(mut self, s: impl Into<String>) -> Self {
        self.note = Some(s.into());
        self
    }
    /// Sets the help (what to do).
    pub fn help(mut self, s: impl Into<String>) -> Self {
        self.help = Some(s.into());
        self
    }
    /// Adds a related place (`path` `None`: this file).
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
    /// Sets the severity.
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
    /// Files linted.
    pub files: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
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

    /// The counts of `diags`, over `files` files.
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

/// 64-bit FNV-1a: a fingerprint must be the same in every build and on every platform
/// (it is stored in baselines and SARIF), which the standard library's hashers do not
/// promise; FNV is a few lines and enough to tell findings apart.
fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The fingerprint of a finding of `rule` that flags `text`: its words joined by single
/// spaces, so re-wrapping a paragraph or an edit elsewhere in the file keeps it.
pub(crate) fn fingerprint_of(rule: &str, text: &str) -> u64 {
    let mut h = fnv1a(FNV_OFFSET, rule.as_bytes());
    h = fnv1a(h, b"\0");
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            h = fnv1a(h, b" ");
        }
        h = fnv1a(h, w.as_bytes());
    }
    h
}

/// Sets the fingerprint of each diagnostic of `diags` that has none: from its flagged
/// text in `text` when it points into `path`, from its message otherwise (a cross-file
/// finding, whose texts are gone: its message names the spellings).
pub(crate) fn fingerprint(diags: &mut [Diagnostic], path: &str, text: Option<&str>) {
    for d in diags.iter_mut().filter(|d| d.fingerprint == 0) {
        d.fingerprint = match text {
            Some(t) if d.path == path => fingerprint_of(d.rule, d.span.text(t)),
            _ => fingerprint_of(d.rule, &d.message),
        };
    }
}

/// [`Diagnostic::fingerprint`] with the path: what SARIF's `partialFingerprints` holds.
pub fn fingerprint_with_path(d: &Diagnostic) -> u64 {
    let h = fnv1a(FNV_OFFSET, d.path.replace('\\', "/").as_bytes());
    fnv1a(h, &d.fingerprint.to_le_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_wrapping_but_not_words_or_rules() {
        let a = fingerprint_of("anonymous-source", "a source close\n  to the talks");
        assert_eq!(
            a,
            fingerprint_of("anonymous-source", "a source close to the talks")
        );
        assert_ne!(
            a,
            fingerprint_of("anonymous-source", "a source close to the deal")
        );
        assert_ne!(
            a,
            fingerprint_of("single-source", "a source close to the talks")
        );
        // fixed across builds: stored in baselines
        assert_eq!(fingerprint_of("", ""), fnv1a(FNV_OFFSET, b"\0"));
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
    }

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
