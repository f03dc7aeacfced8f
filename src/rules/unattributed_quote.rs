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

/// The attributions of sentence `si`.
fn sentence_slice(
    atts: &[crate::grammar::Attribution],
    si: usize,
) -> &[crate::grammar::Attribution] {
    let a = atts.partition_point(|x| x.sentence < si);
    let b = atts.partition_point(|x| x.sentence <= si);
    &atts[a..b.max(a)]
}

/// For each quote, whether another quote with a different span contains it: one sort and
/// one sweep, where asking each quote about every other cost N² on a draft of N quotes.
/// Sorted by start, longest first, a span is inside another exactly when a span before
/// its group of equal spans reaches as far as it does.
fn inside_another(quotes: &[crate::text::quotes::Quote]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].span.start, std::cmp::Reverse(quotes[i].span.end)));
    let mut nested = vec![false; quotes.len()];
    let mut reach: Option<usize> = None; // the furthest end before the current group
    for group in order.chunk_by(|&a, &b| quotes[a].span == quotes[b].span) {
        let span = quotes[group[0]].span;
        let inside = reach.is_some_and(|r| r >= span.end);
        for &i in group {
            nested[i] = inside;
        }
        reach = Some(reach.map_or(span.end, |r| r.max(span.end)));
    }
    nested
}

impl Rule for UnattributedQuote {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let nested = inside_another(&doc.text.quotes);
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
            // (attributions come in sentence order: the sentence's are a slice)
            if let Some(si) = doc.text.sentence_at(q.span.start)
                && sentence_slice(&doc.attributions, si).iter().any(|a| {
                    a.form == crate::grammar::CueForm::Agentless && a.cue.end <= q.span.start
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
            if nested[i] {
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
    #[test]
    fn inside_another_agrees_with_asking_every_quote() {
        use crate::text::TextModel;
        for text in [
            "“He said ‘no’ twice,” she said. “Fine.” ‘One’ and ‘two’.",
            "“A “B” C” and “D\n\n“E” ”F“ \"G 'h' i\" ``J'' k",
            "“Open.\n\n“Continued.” Then ‘single “double” inside’.",
        ] {
            let tm = TextModel::new(text, false);
            let plain: Vec<bool> = tm
                .quotes
                .iter()
                .map(|q| {
                    tm.quotes
                        .iter()
                        .any(|o| o.span != q.span && o.span.contains(q.span))
                })
                .collect();
            assert_eq!(super::inside_another(&tm.quotes), plain, "{text:?}");
        }
    }

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
