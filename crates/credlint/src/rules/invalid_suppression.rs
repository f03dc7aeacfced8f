//! `invalid-suppression`: a suppression directive credlint cannot follow.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "invalid-suppression",
        summary: "a suppression directive with an unknown rule or word",
        doc: DOC,
    },
    build: |v| {
        let Options {} = options(v)?;
        Ok(Box::new(InvalidSuppression))
    },
};

const DOC: &str = r#"# invalid-suppression

## What it does
Reports a suppression directive that names a rule credlint does not have
(`credlint-disable anonymus-source`), uses an unknown word (`credlint-disable-nxt-line`),
or re-enables a rule no `disable` switched off. The message suggests the nearest valid
name.

## Why is this bad?
A misspelt directive silences nothing, so the editor believes a finding was judged and
dismissed while the check still fails, or, worse, the next person copies the broken
directive. A directive whose rules are all unknown is ignored whole: it never widens to
every rule.

## Example
```text
credlint: disable-next-line anonymus-source -- named in the sidebar
A source close to the talks said the plan was dead.
```
Use instead:
```text
credlint: disable-next-line anonymous-source -- named in the sidebar
A source close to the talks said the plan was dead.
```

## Standard
ruff's RUF100 reports unknown codes in `noqa` comments the same way.

## Options
None. This rule's own findings are silenced only by a directive that names
`invalid-suppression`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {}

/// Its findings come from reading the directives ([`crate::suppress::scan`]), done once
/// per file before the rules run; the document itself has nothing to check.
struct InvalidSuppression;

impl Rule for InvalidSuppression {
    fn check(&self, _doc: &Document, _sink: &mut Sink) {}
}

/// The finding for one problem met reading a file's directives (a
/// [`crate::suppress::Problem`]'s span, message and label: the rules are a layer below the
/// suppressions).
pub fn diagnostic(
    path: &str,
    span: Span,
    message: String,
    label: String,
    severity: Severity,
) -> Diagnostic {
    Diagnostic::new(path, DEF.meta.id, severity, span, message)
        .label(label)
        .help("`credlint rules` lists the rule ids; the words are disable-next-line, disable, enable and disable-file")
}
