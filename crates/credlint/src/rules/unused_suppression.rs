//! `unused-suppression`: a suppression directive that silences nothing.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{LineCol, Span};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "unused-suppression",
        summary: "a suppression directive that silences nothing",
        doc: DOC,
    },
    build: |v| {
        let Options {} = options(v)?;
        Ok(Box::new(UnusedSuppression))
    },
};

const DOC: &str = r#"# unused-suppression

## What it does
Reports a suppression directive (`<!-- credlint-disable-next-line RULE -->`,
`credlint: disable RULE`, …) that silenced no finding of the rule it names: the draft was
edited and the finding went away, or the directive sits on the wrong line. A directive
that names no rule is reported when it silenced nothing at all.

## Why is this bad?
A stale suppression hides the next real problem at that place: the editor who judged the
old sentence fine never saw the new one. Removing it keeps every suppression a decision
someone made about the text as it is.

## Example
```text
credlint: disable-next-line anonymous-source -- the minister's aide, named in the sidebar
Finance minister Anna Dahl said the figures were wrong.
```
Use instead:
```text
Finance minister Anna Dahl said the figures were wrong.
```

## Standard
ruff's RUF100 (unused `noqa`) and ESLint's `--report-unused-disable-directives`.

## Options
None. A directive for a rule switched off in the configuration is not reported. This
rule's own findings are silenced only by a directive that names `unused-suppression`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {}

/// Its findings come from the suppression pass ([`crate::suppress`]), which runs after
/// every rule (and after the cross-file comparison) has reported; the document itself
/// has nothing to check.
struct UnusedSuppression;

impl Rule for UnusedSuppression {
    fn check(&self, _doc: &Document, _sink: &mut Sink) {}
}

/// The finding for one entry that silenced nothing: the rule it names (`None`: every
/// rule), where it is and its position (a [`crate::suppress::Entry`]'s: the rules are a
/// layer below the suppressions).
pub fn diagnostic(
    path: &str,
    rule: Option<&str>,
    at: Span,
    position: (LineCol, LineCol),
    severity: Severity,
) -> Diagnostic {
    let (message, label) = match rule {
        Some(r) => (
            format!("this suppression of `{r}` silences nothing"),
            format!("no `{r}` finding here"),
        ),
        None => (
            "this suppression silences nothing".to_string(),
            "no finding here".to_string(),
        ),
    };
    let mut d = Diagnostic::new(path, DEF.meta.id, severity, at, message)
        .label(label)
        .help("remove it (or the rule's name from it), or move it to the line it is meant for");
    d.position = Some(position);
    d
}
