//! `quote-marks`: unbalanced or misdirected quotation marks.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use std::collections::HashSet;

use crate::text::{QuoteIssueKind, Span};

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
not an error, and neither is an apostrophe (`Russia’s`, `the officials’ view`). A
quotation reopened after a full stop without being closed (paragraphs run together in
one line) is the same run, reported once if it never closes. Marks inside markup left in
the text (`<tweet date="May 9">`) and inch marks (`6’2”`) are not quotation marks. One
misplaced mark upsets the marks after it in its paragraph: each kind of problem (an
unbalanced quote, a mark turned the wrong way, a continuation not reopened) is reported
once a paragraph, at its first place.

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
        let text = doc.prose();
        // one finding of a kind a paragraph: a misplaced mark upsets the marks after it
        // (a quote left open, then a close with none open), and the editor needs sending
        // there once
        // (asked first: a paragraph's issues after the one reported cost nothing, where
        // the tests below read the line or paragraph around each mark)
        let mut reported: HashSet<(Option<usize>, u8)> = HashSet::new();
        let mut around = Around::default();
        for issue in &doc.text.quote_issues {
            let key = (
                doc.text.paragraph_at(issue.span().start),
                kind_group(issue.kind),
            );
            if reported.contains(&key)
                || around.markup_or_measure(text, issue.span())
                || issue.kind == QuoteIssueKind::NeverClosed
                    && around.reopened_after(text, issue.span())
            {
                continue;
            }
            reported.insert(key);
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
            let mut d = sink.diag(issue.span(), message).label(label).help(help);
            if let Some(r) = issue.related() {
                d = d.related(None, r, "the quotation opens here");
            }
            sink.push(d);
        }
    }
}

/// Kinds that one misplaced mark produces together count as one: an unbalanced quote
/// is reported as never closed or as a stray close, not both.
fn kind_group(kind: QuoteIssueKind) -> u8 {
    match kind {
        QuoteIssueKind::NeverClosed | QuoteIssueKind::StrayClose => 0,
        QuoteIssueKind::OpeningUsedAsClose => 1,
        QuoteIssueKind::ClosingUsedAsOpen => 2,
        QuoteIssueKind::NotReopened => 3,
    }
}

/// The text around each flagged mark, read in one pass for marks that come in order (the
/// issues are sorted): each question below reads only the text between the previous
/// mark and this one, where asking `str::find`/`rfind` from each mark read the whole
/// line or paragraph again (a 1 MB line of backticks took minutes). Tested against the
/// plain versions, [`plain::reopened_after`] and [`plain::markup_or_measure`].
#[derive(Default)]
struct Around {
    newline: Before,
    angle: Before,
    inch: Before,
    blank: After,
    opening: After,
    closing: After,
    /// The start of the whitespace, and of the primes before it, that end the text before
    /// the last mark asked about.
    tail: Option<(usize, usize, usize)>,
}

impl Around {
    /// A quotation left open where the next mark reopens it after a sentence ends: the
    /// quote runs on (paragraphs run together, or each reopened in the news convention),
    /// and the run is reported once, at the mark that is left open last, if any is.
    fn reopened_after(&mut self, text: &str, mark: Span) -> bool {
        let para_end = self
            .blank
            .get(text, mark.end, |t| t.find("\n\n"))
            .unwrap_or(text.len());
        let Some(at) = self
            .opening
            .get(text, mark.end, next_opening)
            .filter(|&at| at < para_end)
        else {
            return false;
        };
        // a closing mark (or a straight mark after a word) first: the quotation closes there
        if self
            .closing
            .get(text, mark.end, |t| t.find('”'))
            .is_some_and(|c| c < at)
        {
            return false;
        }
        // the whitespace before the next mark, and the primes before that (a sentence may
        // end inside a nested quotation: "… ask 'do you want the wall back?' “If")
        let (space, primes) = match self.tail {
            Some((next, space, primes)) if next == at => (space, primes),
            _ => {
                let space = text[..at].trim_end().len();
                let primes = text[..space].trim_end_matches(['\'', '’']).len();
                self.tail = Some((at, space, primes));
                (space, primes)
            }
        };
        // the text between the marks, less that whitespace and those primes, is not empty
        space < at
            && primes > mark.end
            && text[..primes].ends_with(['.', '?', '!', ':'])
            && opens_words(&text[at..])
    }

    /// Marks that are not quotation marks: an attribute in markup left in the text
    /// (`<tweet author="@Jo" date="May 9">`) or an inch mark (`6’2”`), which also leaves
    /// the real closing mark after it looking stray.
    fn markup_or_measure(&mut self, text: &str, mark: Span) -> bool {
        let before = &text[..mark.start];
        let after = &text[mark.end..];
        let line_start = self
            .newline
            .get(mark.start, |from, to| {
                text[from..to].rfind('\n').map(|i| from + i)
            })
            .map_or(0, |n| n + 1);
        // inside a tag: the last angle bracket on the line before the mark opens one
        let in_tag = self
            .angle
            .get(mark.start, |from, to| {
                text[from..to].rfind(['<', '>']).map(|i| from + i)
            })
            .is_some_and(|a| a >= line_start && text.as_bytes()[a] == b'<');
        let closing = mark.text(text) != "“";
        let inch_before = closing
            && self
                .inch
                .get(mark.start, |from, to| {
                    text[from..to]
                        .match_indices(['”', '"'])
                        .map(|(at, _)| from + at)
                        .rfind(|&at| inch_mark(&text[..at]))
                })
                .is_some_and(|i| i >= line_start);
        in_tag
            || before.ends_with('=')
            || after.starts_with('>')
            || closing && inch_mark(before)
            || inch_before
    }
}

/// The last match before a position, for positions asked in increasing order: only the
/// text since the previous position is searched; an earlier position searches it all.
#[derive(Default)]
struct Before {
    upto: usize,
    last: Option<usize>,
}

impl Before {
    /// `rfind(from, to)` gives the last match in `from..to`; a match is one character,
    /// so none straddles the previous position.
    fn get(&mut self, to: usize, rfind: impl Fn(usize, usize) -> Option<usize>) -> Option<usize> {
        let (from, known) = if to >= self.upto {
            (self.upto, self.last)
        } else {
            (0, None)
        };
        self.last = rfind(from, to).or(known);
        self.upto = to;
        self.last
    }
}

/// The first match starting at or after a position, for positions asked in increasing
/// order: the text is searched again only once a position passes the last match found.
#[derive(Default)]
struct After {
    from: usize,
    /// No match starts in `from..next` (`None`: none to the end).
    next: Option<usize>,
    searched: bool,
}

impl After {
    fn get(
        &mut self,
        text: &str,
        from: usize,
        find: impl Fn(&str) -> Option<usize>,
    ) -> Option<usize> {
        let known = self.searched && from >= self.from && self.next.is_none_or(|n| from <= n);
        if !known {
            self.next = find(&text[from..]).map(|i| from + i);
            self.searched = true;
        }
        self.from = from;
        self.next
    }
}

/// The plain versions of [`Around`]'s questions, reading from each mark: what it must
/// answer.
#[cfg(test)]
mod plain {
    use super::{Span, inch_mark};

    pub fn reopened_after(text: &str, mark: Span) -> bool {
        let rest = &text[mark.end..];
        let para_end = rest.find("\n\n").unwrap_or(rest.len());
        let rest = &rest[..para_end];
        let Some(at) = super::next_opening(rest) else {
            return false;
        };
        // a closing mark (or a straight mark after a word) first: the quotation closes there
        if rest[..at].contains('”') {
            return false;
        }
        let before = rest[..at].trim_end();
        // a sentence may end inside a nested quotation: "… ask 'do you want the wall back?' “If"
        before.len() < rest[..at].len()
            && before
                .trim_end_matches(['\'', '’'])
                .ends_with(['.', '?', '!', ':'])
            && super::opens_words(&rest[at..])
    }
    pub fn markup_or_measure(text: &str, mark: Span) -> bool {
        let before = &text[..mark.start];
        let after = &text[mark.end..];
        let line_start = before.rfind('\n').map_or(0, |n| n + 1);
        let line = &before[line_start..];
        let in_tag = line.rfind('<').is_some_and(|lt| !line[lt..].contains('>'));
        let closing = mark.text(text) != "“";
        let inch_before = closing
            && line
                .match_indices(['”', '"'])
                .any(|(at, _)| inch_mark(&line[..at]));
        in_tag
            || before.ends_with('=')
            || after.starts_with('>')
            || closing && inch_mark(before)
            || inch_before
    }
}

/// The first double mark in `t` that may open a quotation: `“`, `"`, or two apostrophes
/// (`''`, as some copy writes a double mark).
fn next_opening(t: &str) -> Option<usize> {
    let mark = t.find(['“', '"']);
    let apostrophes = t.find("''");
    match (mark, apostrophes) {
        (Some(m), Some(a)) => Some(m.min(a)),
        (m, a) => m.or(a),
    }
}

/// Does `t`, starting with a double mark, open words (or an editor's bracket) right after
/// the mark?
fn opens_words(t: &str) -> bool {
    let len = if t.starts_with("''") {
        2
    } else {
        t.chars().next().map_or(0, char::len_utf8)
    };
    t[len..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '[')
}

/// Whether a closing mark after `before` is an inch mark: feet, a prime, then inches
/// (`6’2”`, `5'11"`).
fn inch_mark(before: &str) -> bool {
    let feet = before.trim_end_matches(|c: char| c.is_ascii_digit());
    // a space may part feet and inches: "5' 10\""
    let spaced = feet.strip_suffix(' ').unwrap_or(feet);
    feet.len() < before.len()
        && spaced
            .strip_suffix(['’', '\''])
            .is_some_and(|f| f.ends_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{Around, Span, plain};
    use crate::rules::testing::lint;

    /// Around's answers equal the plain ones, for marks asked in order (as the rule asks)
    /// and out of order, on texts mixing marks, markup, inches, primes and line breaks.
    #[test]
    fn around_answers_as_the_plain_versions() {
        let texts = [
            "He said: “It’s over. “Then” she <a href=\"x\">left</a>.\n\n“Yes.” 6’2” tall, 5'11\" too",
            "“a. “b? ' “c ”d “ \"e\" = \"f\">\n“g\n\n“h: ’  “[i]",
            "``` `` ` “ ” \" ' ’ < > = \n\n \n 1'2\" 3’4”“x. “Y",
        ];
        for text in texts {
            let marks: Vec<Span> = text
                .char_indices()
                .filter(|&(_, c)| matches!(c, '“' | '”' | '"' | '`' | '\'' | '’'))
                .map(|(i, c)| Span::new(i, i + c.len_utf8()))
                .collect();
            let mut orders = vec![marks.clone()];
            orders.push(marks.iter().rev().copied().collect());
            orders.push(
                marks
                    .iter()
                    .step_by(3)
                    .chain(marks.iter().step_by(2))
                    .copied()
                    .collect(),
            );
            for order in orders {
                let mut around = Around::default();
                for &m in &order {
                    assert_eq!(
                        around.markup_or_measure(text, m),
                        plain::markup_or_measure(text, m),
                        "{text:?} {m:?}"
                    );
                    assert_eq!(
                        around.reopened_after(text, m),
                        plain::reopened_after(text, m),
                        "{text:?} {m:?}"
                    );
                }
            }
        }
    }

    /// A long line of marks gives at most one finding of each kind (each kind once a
    /// paragraph), however many marks it holds.
    #[test]
    fn a_line_of_marks_gives_one_finding_a_kind() {
        for unit in ["`", "``", "“", "\"", "<a b=\"", "“x. "] {
            let text = unit.repeat(5_000);
            let d = lint("quote-marks", &text);
            assert!(d.len() <= 4, "{unit:?}: {}", d.len());
        }
    }

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

    /// Web copy quotes an extract in straight marks, keeps the extract's own curly
    /// marks, and runs it over paragraphs in the news convention.
    #[test]
    fn an_extract_in_straight_marks_may_quote_in_curly_ones() {
        let good = "The mayor wrote on her website:\n\n\"The council is not about “service first” any more. It is about its budget.\n\n\"The ferry is what the council calls “a burden,” though it carries children.\n\n\"That is why I am standing.\"\n";
        assert!(lint("quote-marks", good).is_empty());
        // still reported: an extract never closed, and two opening marks together
        for bad in [
            "\"The council is not about “service first” any more.\n\nThe vote is on Friday.\n",
            "\"“You cannot win by states,” Bell said after the vote.\"\n",
        ] {
            let d = lint("quote-marks", bad);
            assert_eq!(d.len(), 1, "{bad}");
            assert_eq!(
                (d[0].span.start, d[0].message.as_str()),
                (0, "quotation is never closed")
            );
        }
    }

    #[test]
    fn spaced_inches_markup_and_doubled_apostrophes_are_no_errors() {
        for good in [
            "He is about 5' 10\" tall, the police said.",
            "<a href=”https://example.org/a” target=”_blank”>The list</a> went up.",
            "Bell said: ''We want a replay. ''It is a sad day for the club.''",
        ] {
            assert!(lint("quote-marks", good).is_empty(), "{good}");
        }
        let bad = "Bell said: ''We want a replay.\n";
        let d = lint("quote-marks", bad);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.text(bad), "''");
    }
}
