//! `unattributed-quote`: a direct quotation with no speaker in reach.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "unattributed-quote",
        summary: "a direct quotation with no speaker",
        doc: DOC,
    },
    build: |v| Ok(Box::new(UnattributedQuote(options(v)?))),
};

const DOC: &str = r#"# unattributed-quote

## What it does
Reports a direct quotation that has no speaker in reach: no attribution in the sentences
it spans or in its paragraph, no "X said:" introducing it, and no speaker for the quote it
continues. A quotation continued over several paragraphs (each reopened, only the last
closed) keeps the speaker of its first paragraph.

Scare quotes and titles are not quotations of speech and are not reported: by default a
quotation of one to three words, and a quotation whose words are all capitalised like a
title ("“American Skin”").

## Why is this bad?
A quotation is the strongest claim a story makes about what someone said. Without a
speaker the reader cannot tell whose words they are, and an editor cannot check them.

## Example
```text
“We will not allow that to go forward.”
```
Use instead:
```text
“We will not allow that to go forward,” Sullivan said.
```

## Standard
AP Stylebook, "quotations in the news": identify the speaker of every quotation.

## Options
- `max-scare-words`: quotations of this many words or fewer are scare quotes (default 3).
- `ignore-titles`: skip quotations written in title case (default `true`).
- `single-quotes`: also check quotations in single marks (default `false`: British style
  and headlines use them for paraphrase).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_scare_words: usize,
    ignore_titles: bool,
    single_quotes: bool,
}

struct UnattributedQuote(Options);

impl Rule for UnattributedQuote {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        for (i, q) in doc.text.quotes.iter().enumerate() {
            if doc.quote_speakers[i].attribution.is_some() || q.single && !self.0.single_quotes {
                continue;
            }
            // report a continued quotation once, at its first paragraph
            if q.continues.is_some() {
                continue;
            }
            let inner = q.inner(text).text(text);
            let words: Vec<&str> = inner.split_whitespace().collect();
            if words.len() <= self.0.max_scare_words {
                continue;
            }
            let title = words
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                        || w.len() <= 3
                });
            if self.0.ignore_titles && title {
                continue;
            }
            if doc
                .text
                .paragraph_at(q.span.start)
                .is_some_and(|p| doc.text.paragraphs[p].headline)
            {
                continue;
            }
            // "… is being criticized as a “use it or lose it” approach": attributed to no one,
            // which agentless-attribution reports
            if let Some(si) = doc.text.sentence_at(q.span.start)
                && doc.attributions.iter().any(|a| {
                    a.sentence == si
                        && a.form == crate::grammar::CueForm::Agentless
                        && a.cue.end <= q.span.start
                })
            {
                continue;
            }
            // "Sanders made the following comment:" introduces the quotation below it
            if let Some(pi) = doc.text.paragraph_at(q.span.start)
                && pi > 0
                && doc.text.paragraphs[pi].span.start == q.span.start
                && doc.text.paragraphs[pi - 1]
                    .span
                    .text(text)
                    .trim_end()
                    .ends_with(':')
            {
                continue;
            }
            // a quotation inside another quotation is the speaker quoting someone
            if doc
                .text
                .quotes
                .iter()
                .any(|o| o.span != q.span && o.span.contains(q.span))
            {
                continue;
            }
            let first_line_end = text[q.span.start..q.span.end]
                .find('\n')
                .map_or(q.span.end, |n| q.span.start + n);
            let span = crate::text::Span::new(q.span.start, first_line_end);
            let d = sink
                .diag(span, format!("quotation with no speaker: {}", quoted(inner)))
                .label("who said this?")
                .help("attribute the quotation (\"…,” she said\"), or paraphrase it if the speaker cannot be named");
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn unattributed_quotation_is_reported() {
        let d = lint(
            "unattributed-quote",
            "The talks ended.\n\n“We will not allow that to go forward.”",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn attributed_continued_scare_and_title_quotes_pass() {
        let text = "Mr Johnson said: “It is over.\n\n“It will not come back.”\n\nThe pact had “no limits”. She sang “American Skin Is Here” on stage. “We will go on,” he said.";
        assert!(
            lint("unattributed-quote", text).is_empty(),
            "{:?}",
            lint("unattributed-quote", text)
        );
    }
}
