//! `quote-marks`: unbalanced or misdirected quotation marks.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use crate::text::QuoteIssueKind;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "quote-marks",
        summary: "unbalanced or misdirected quotation marks",
        doc: DOC,
    },
    build: |v| Ok(Box::new(QuoteMarks(options(v)?))),
};

const DOC: &str = r#"# quote-marks

## What it does
Checks that every quotation opens and closes: a quote never closed, a closing mark with
no quote open, an opening mark used to close (`… sanctions “Sullivan explained.`), a
closing mark used to open, and a paragraph that continues a quote without reopening it.

It knows the news convention for a quote that runs over several paragraphs: each
continued paragraph opens with a quotation mark and only the last one closes. That is
not an error, and neither is an apostrophe (`Russia’s`, `the officials’ view`).

## Why is this bad?
A misplaced mark changes who is speaking: readers take the reporter's words for the
source's or the source's for the reporter's. Attribution checks also depend on knowing
exactly where a quotation starts and ends.

## Example
```text
“We are keeping a careful eye on China.

It is something we are concerned about “Sullivan explained.
```
Use instead:
```text
“We are keeping a careful eye on China.

“It is something we are concerned about,” Sullivan explained.
```

## Standard
AP Stylebook, "quotation marks": running quotations across paragraphs.

## Options
- `stray-closing`: also report a closing mark with no quote open (default `true`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    stray_closing: bool,
}

struct QuoteMarks(Options);

impl Rule for QuoteMarks {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        for issue in &doc.text.quote_issues {
            let (message, label, help) = match issue.kind {
                QuoteIssueKind::NeverClosed => (
                    "quotation is never closed",
                    "opened here",
                    "close the quotation; if it goes on in the next paragraph, open that paragraph with a quotation mark",
                ),
                QuoteIssueKind::StrayClose => {
                    if !self.0.stray_closing {
                        continue;
                    }
                    (
                        "closing quotation mark with no quotation open",
                        "closes nothing",
                        "remove the mark, or add the opening mark where the quotation starts",
                    )
                }
                QuoteIssueKind::OpeningUsedAsClose => (
                    "opening quotation mark used to close a quotation",
                    "this should be a closing mark",
                    "use a closing mark (”) here",
                ),
                QuoteIssueKind::ClosingUsedAsOpen => (
                    "closing quotation mark used to open a quotation",
                    "this should be an opening mark",
                    "use an opening mark (“) here",
                ),
                QuoteIssueKind::NotReopened => (
                    "paragraph continues a quotation without reopening it",
                    "the quotation goes on here",
                    "news style opens each continued paragraph with a quotation mark (“)",
                ),
            };
            let mut d = sink.diag(issue.span, message).label(label).help(help);
            if let Some(r) = issue.related {
                d = d.related(None, r, "the quotation opens here");
            }
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn continued_quote_and_apostrophes_pass() {
        let text = "He said: “It’s over.\n\n“The officials’ view is clear.”";
        assert!(lint("quote-marks", text).is_empty());
    }

    #[test]
    fn misdirected_mark_is_reported_twice_over() {
        let text = "He said: “We are watching.\n\nIt is a concern “Sullivan explained.";
        let d = lint("quote-marks", text);
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[1].message,
            "opening quotation mark used to close a quotation"
        );
    }
}
