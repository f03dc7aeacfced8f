//! `single-source`: the whole article rests on one source, or only on anonymous ones.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use crate::extract::sources as ledger_sources;
use crate::grammar::SourceKind;
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "single-source",
        summary: "an article resting on one source, or only on anonymous sources",
        doc: DOC,
    },
    build: |v| Ok(Box::new(SingleSource(options(v)?))),
};

const DOC: &str = r#"# single-source

## What it does
Looks at the article as a whole (its source ledger, as `credlint sources` prints it) and
reports when every attribution rests on one source, or when every source is anonymous.
The message gives the mix: named, anonymous, outlets, documents. A story whose one
source is named in its headline ("Lind: the bridge must stay open") reports a speech or
an interview, and rests on that person by design: it is not reported.

## Why is this bad?
A story with one voice, or with no named voice, is hard for readers to trust and easy to
get wrong. Editors ask for a second source and for at least one on the record.

## Example
```text
Officials said the plan was dead. Officials added that talks would not resume.
Sources said the minister was furious.
```
Use instead: add a named source, or a second, independent one.

## Standard
Reuters and AP two-source practice for contested claims; NPR Ethics Handbook, "sourcing".

## Options
- `min-attributions`: only judge articles with at least this many attributions (default 3).
- `all-anonymous`: report an article whose sources are all anonymous (default `true`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_attributions: usize,
    all_anonymous: bool,
}

struct SingleSource(Options);

impl Rule for SingleSource {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        // the ledger counts at most the attributions that are not agentless: when they
        // are too few, there is no need to build it
        let possible = doc
            .attributions
            .iter()
            .filter(|a| !a.is_sourceless() && a.form != crate::grammar::CueForm::Request)
            .count();
        if possible < self.0.min_attributions {
            return;
        }
        // the ledger's sources, without its quote count (not needed here)
        let sources = ledger_sources(doc);
        let total: usize = sources.iter().map(|r| r.attributions).sum();
        if total < self.0.min_attributions {
            return;
        }
        let count = |k: SourceKind| sources.iter().filter(|r| r.kind == k).count();
        let named = count(SourceKind::Person) + count(SourceKind::Organization);
        let anonymous = count(SourceKind::Anonymous);
        // a story about what one person said, whose headline names them ("Roe: the port
        // must stay open"), rests on that person by design: a speech or an interview
        if sources.len() == 1 && named_in_headline(doc, &sources[0].source) {
            return;
        }
        let message = if sources.len() == 1 {
            format!(
                "every attribution rests on one source ({})",
                sources[0].source
            )
        } else if self.0.all_anonymous && anonymous == sources.len() {
            "every source in the article is anonymous".to_string()
        } else {
            return;
        };
        let mix = format!(
            "named {named} · anonymous {anonymous} · outlets {} · documents {}",
            count(SourceKind::Outlet),
            count(SourceKind::Document)
        );
        let first = doc
            .attributions
            .iter()
            .find_map(|a| a.source)
            .unwrap_or(Span::new(0, 0));
        let d = sink
            .diag(first, message)
            .label("the first source")
            .note(format!("source mix: {mix}"))
            .help("add an independent source, and at least one on the record");
        sink.push(d);
    }
}

/// Whether the document's headline names `source` (its last word, the family name).
fn named_in_headline(doc: &Document, source: &str) -> bool {
    let Some(family) = source.split_whitespace().last() else {
        return false;
    };
    let text = doc.prose();
    doc.text
        .paragraphs
        .iter()
        .take(2)
        .enumerate()
        // the first line is the headline, whatever punctuation ends it
        .filter(|(i, p)| *i == 0 || p.headline)
        .map(|(_, p)| p)
        .any(|p| {
            p.span
                .text(text)
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == family)
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn a_speech_story_named_in_its_headline_passes() {
        let text = "Lind: the bridge must stay open\n\nMayor Petra Lind said the bridge would stay open. Lind said repairs could wait. She said the council agreed.";
        assert!(lint("single-source", text).is_empty());
    }

    #[test]
    fn all_anonymous_article_is_reported() {
        let d = lint(
            "single-source",
            "Officials said the plan was dead. Sources said talks would not resume. An aide said the minister was furious.",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].note.as_deref().unwrap_or("").contains("anonymous 3"));
    }

    #[test]
    fn mixed_sources_pass() {
        assert!(lint("single-source", "Officials said the plan was dead. Jake Sullivan said talks would resume. Reuters reported the same.").is_empty());
    }
}
